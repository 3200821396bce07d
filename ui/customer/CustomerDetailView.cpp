#include "customer/CustomerDetailView.h"

#include "Async.h"
#include "PaletteIcon.h"
#include "PlainText.h"
#include "customer/AccountCharts.h"
#include "customer/OutcomeDialog.h"
#include "customers/CustomerListDelegate.h"
#include "domain/Money.h"
#include "report/ObservedText.h"
#include "report/PortfolioReport.h"
#include "store/AccountStore.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamWrites.h"
#include "workspace/RecentCustomers.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

namespace {

QTableWidget* table(const QStringList& headers, QWidget* parent)
{
    auto* widget = new QTableWidget(0, int(headers.size()), parent);
    widget->setHorizontalHeaderLabels(headers);
    widget->verticalHeader()->hide();
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setSelectionMode(QAbstractItemView::NoSelection);
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    widget->horizontalHeader()->setStretchLastSection(true);
    // One line per row: a long text elides, and its tooltip (see cell()) has it whole.
    widget->setWordWrap(false);
    widget->setTextElideMode(Qt::ElideRight);
    return widget;
}

// A table cell with its text, whole, in a plain-text tooltip: labels and event names come from
// rule files, imports and connectors.
QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(PlainText::asRichText(text));
    return item;
}

// A table with nothing to list says why, in one muted row across its columns.
void showEmpty(QTableWidget* table, const QString& why)
{
    table->setRowCount(1);
    auto* item = new QTableWidgetItem(why);
    item->setFlags(Qt::ItemIsEnabled);
    item->setForeground(table->palette().color(QPalette::PlaceholderText));
    // Columns sized to their contents ignore spans: the message must not widen the first one.
    item->setData(Qt::SizeHintRole, QSize(1, table->verticalHeader()->defaultSectionSize()));
    table->setItem(0, 0, item);
    table->setSpan(0, 0, 1, table->columnCount());
}

// Runs `write(store, author)` on the account's actions and notes, on the calling worker thread:
// on the team's server as the signed-in member (the server records who), else in the workspace
// file as this machine's user. Returns the error, or nothing.
template <typename Write>
QString writeActions(const std::optional<TeamSignIn>& team, const QString& path, const Write& write)
{
    if (team) {
        Result<std::unique_ptr<TeamDatabase>> db = team->open();
        if (!db)
            return db.error();
        ActionStore store((*db)->connection());
        const Status written = write(store, team->member);
        return written ? QString() : written.error();
    }
    const Status written = withWorkspace(path, Database::Mode::ReadWrite, [&](Database& db) {
        ActionStore store(db);
        return write(store, ActionStore::currentAuthor());
    });
    return written ? QString() : written.error();
}

} // namespace

CustomerDetailView::CustomerDetailView(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_breakdown(table({ tr("Criterion"), tr("Observed"), tr("Threshold"), tr("Points") }, this))
    , m_events(table({ tr("When"), tr("Event"), tr("User"), tr("Quantity") }, this))
    , m_pages(new QStackedWidget(this))
    , m_recent(new QListWidget(this))
    , m_actions(table({ tr("Priority"), tr("Action"), tr("Why"), QString() }, this))
    , m_actionMessage(new QLabel(this))
    , m_outcomes(new QLabel(this))
    , m_notes(new QListWidget(this))
    , m_addNote(new QPushButton(tr("Add &Note…"), this))
    , m_addOutcome(new QPushButton(tr("Record &Outcome…"), this))
{
    setObjectName(QStringLiteral("CustomerDetailView"));
    m_charts = new AccountCharts(m_report, this);
    m_charts->setObjectName(QStringLiteral("accountCharts"));
    m_title->setObjectName(QStringLiteral("title"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_title->setFont(big);
    // Account names come from imports and connectors: shown as written, never as markup.
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setText(tr("Choose a customer in the list or the action queue."));
    m_facts->setObjectName(QStringLiteral("facts"));
    m_facts->setTextFormat(Qt::RichText);
    m_breakdown->setObjectName(QStringLiteral("breakdown"));
    // The criterion takes what room is left; the figures keep their width.
    m_breakdown->horizontalHeader()->setStretchLastSection(false);
    m_breakdown->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_events->setObjectName(QStringLiteral("events"));
    // The event's name takes what room is left; time, user and quantity keep their width.
    m_events->horizontalHeader()->setStretchLastSection(false);
    m_events->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    // The open actions, one a row, with Done and Snooze in the last column.
    m_actions->setObjectName(QStringLiteral("openActions"));
    m_actions->horizontalHeader()->setStretchLastSection(false);
    m_actions->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_actions->setMinimumHeight(fontMetrics().height() * 9);
    m_actionMessage->setObjectName(QStringLiteral("actionMessage"));
    PlainText::label(m_actionMessage)->setWordWrap(true);
    m_actionMessage->hide();
    m_outcomes->setObjectName(QStringLiteral("outcomes"));
    m_outcomes->setTextFormat(Qt::RichText);
    m_outcomes->setWordWrap(true);
    m_outcomes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // The notes timeline, newest first: when and who over what was written (plain text items).
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_notes->setSelectionMode(QAbstractItemView::NoSelection);
    m_notes->setFocusPolicy(Qt::NoFocus);
    m_notes->setMinimumHeight(fontMetrics().height() * 9);
    m_notes->setSpacing(2);
    m_addNote->setEnabled(false);
    connect(m_addNote, &QPushButton::clicked, this, &CustomerDetailView::addNote);
    m_addOutcome->setObjectName(QStringLiteral("addOutcome"));
    m_addOutcome->setEnabled(false);
    m_addOutcome->setToolTip(
        tr("Churned, renewed, expanded or contracted: what happened, for the backtests"));
    m_addOutcome->setProperty("writableTip", m_addOutcome->toolTip()); // back after the server was away
    connect(m_addOutcome, &QPushButton::clicked, this, [this] {
        // Today in the workspace's zone (a team's), as the engine counts days.
        auto* dialog = new OutcomeDialog(m_accountId, m_title->text(), today(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog] { recordOutcome(dialog->outcome().value()); });
        dialog->open();
    });

    auto* content = new QWidget;
    auto* grid = new QGridLayout(content);
    grid->addWidget(m_title, 0, 0, 1, 2);
    grid->addWidget(m_facts, 1, 0, 1, 2);
    grid->addWidget(m_charts, 2, 0, 1, 2);
    grid->addWidget(new QLabel(tr("<b>Why this score</b>"), content), 3, 0);
    grid->addWidget(new QLabel(tr("<b>Recent events</b>"), content), 3, 1);
    grid->addWidget(m_breakdown, 4, 0);
    grid->addWidget(m_events, 4, 1);
    grid->addWidget(new QLabel(tr("<b>Open actions</b>"), content), 5, 0);
    grid->addWidget(new QLabel(tr("<b>Notes</b>"), content), 5, 1);
    auto* actions = new QVBoxLayout;
    actions->addWidget(m_actions, 1);
    actions->addWidget(m_actionMessage);
    actions->addWidget(m_outcomes);
    grid->addLayout(actions, 6, 0);
    auto* notes = new QVBoxLayout;
    notes->addWidget(m_notes, 1);
    auto* noteButtons = new QHBoxLayout;
    noteButtons->addWidget(m_addNote);
    noteButtons->addWidget(m_addOutcome);
    noteButtons->addStretch();
    notes->addLayout(noteButtons);
    grid->addLayout(notes, 6, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // No customer chosen: the ones opened last, newest first; a click opens one.
    auto* empty = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(empty);
    auto* hint = new QLabel(tr("Choose a customer in the list or the action queue, or press %1 to find one.")
                                .arg(QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText)),
                            empty);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setWordWrap(true);
    auto* recentHeading = new QLabel(tr("<b>Recently opened customers</b>"), empty);
    m_recent->setObjectName(QStringLiteral("recentCustomers"));
    m_recent->setMaximumWidth(560);
    m_recent->setIconSize(QSize(20, 20));
    emptyLayout->addWidget(hint);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(recentHeading);
    emptyLayout->addWidget(m_recent);
    emptyLayout->addStretch(1); // the list as tall as its rows (showRecent), not a large blank box
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showCustomer(item->data(Qt::UserRole).toString()); });
    connect(m_recent, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showCustomer(item->data(Qt::UserRole).toString()); });
    m_pages->addWidget(empty);
    m_pages->addWidget(scroll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        const Result<AccountReport> report = m_loading.result();
        if (report && report->account.id != m_accountId && !m_accountId.isEmpty()) {
            showCustomer(m_accountId); // another customer was asked for meanwhile
            return;
        }
        m_pages->setCurrentIndex(1);
        if (!report) {
            m_title->setText(report.error());
            return;
        }
        display(report.value());
    });
}

CustomerDetailView::~CustomerDetailView()
{
    m_loading.waitForFinished();
}

void CustomerDetailView::setWorkspace(const QString& path)
{
    const bool pending = m_path.isEmpty() && !m_accountId.isEmpty();
    if (!m_path.isEmpty() && path != m_path) {
        // Another workspace: its customers are others.
        m_accountId.clear();
        m_report.reset();
        m_pages->setCurrentIndex(0);
    }
    m_path = path;
    if (pending)
        showCustomer(m_accountId);
    showRecent();
}

void CustomerDetailView::showEvent(QShowEvent* event)
{
    showRecent();
    QWidget::showEvent(event);
}

void CustomerDetailView::showRecent()
{
    if (!m_accountId.isEmpty())
        return;
    m_pages->setCurrentIndex(0);
    m_recent->clear();
    const QIcon icon = PaletteIcon::tinted(QStringLiteral(":/icons/nav-customer.svg"), palette());
    for (const RecentCustomers::Entry& entry : RecentCustomers::list(m_path)) {
        // Names come from imports and connectors: list items show them as written.
        auto* item = new QListWidgetItem(icon, tr("%1 — %2").arg(entry.name, entry.id), m_recent);
        item->setSizeHint(QSize(0, fontMetrics().height() * 2));
        item->setData(Qt::UserRole, entry.id);
        item->setToolTip(PlainText::asRichText(entry.name));
    }
    if (m_recent->count() == 0) {
        auto* none = new QListWidgetItem(tr("None yet in this workspace."), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
    int rows = 0;
    for (int row = 0; row < m_recent->count(); ++row)
        rows += m_recent->sizeHintForRow(row);
    m_recent->setFixedHeight(rows + 2 * m_recent->frameWidth());
}

void CustomerDetailView::showCustomer(const QString& accountId)
{
    m_accountId = accountId;
    if (m_path.isEmpty() || m_loading.isRunning())
        return;
    const QString path = m_path;
    m_loading.setFuture(
        QtConcurrent::run(workPool(), [path, accountId, team = m_team]() -> Result<AccountReport> {
            Result<AccountReport> report = withWorkspace(path, Database::Mode::ReadOnly, [&](Database& db) {
                return AccountReport::load(db, accountId, WorkspaceSettings(db).today());
            });
            if (report && team) {
                // The copy has no versions: Done and Snooze check against the server's, read now.
                // Unreachable, the copy's actions show and a change takes the current version.
                if (Result<std::unique_ptr<TeamDatabase>> server = team->open()) {
                    if (Result<QList<Action>> live
                        = ActionStore((*server)->connection()).forAccount(accountId))
                        report->actions = std::move(live).value();
                }
            }
            return report;
        }));
}

void CustomerDetailView::display(const AccountReport& report)
{
    m_report = report;
    const QLocale locale;
    const Account& account = report.account;
    m_title->setText(account.name);
    QStringList facts { account.id.toHtmlEscaped() };
    if (!account.owner.isEmpty())
        facts << tr("Owner: %1").arg(account.owner.toHtmlEscaped());
    if (!account.plan.isEmpty())
        facts << tr("Plan: %1").arg(account.plan.toHtmlEscaped());
    if (account.arr)
        facts << tr("ARR %1").arg(formatMoney(*account.arr, account.currency).toHtmlEscaped());
    if (report.daysToRenewal && *report.daysToRenewal < 0)
        facts << tr("renewal %1 (%2 days ago)")
                     .arg(locale.toString(account.renewalDate, QLocale::ShortFormat))
                     .arg(-*report.daysToRenewal);
    else if (report.daysToRenewal)
        facts << tr("renewal %1 (%2 days)")
                     .arg(locale.toString(account.renewalDate, QLocale::ShortFormat))
                     .arg(*report.daysToRenewal);
    if (report.status) {
        const QString band = report.status->band.isEmpty()
            ? tr("no score")
            // The band as a badge: its colour behind the text colour that reads on it, in any palette.
            : QStringLiteral("<span style='background:%1; color:%2'>&nbsp;%3 · %4&nbsp;</span>")
                  .arg(QColor(report.rules.bandColor(report.status->band)).lighter(160).name(),
                       CustomerListDelegate::badgeTextColor(
                           QColor(report.rules.bandColor(report.status->band)).lighter(160))
                           .name(),
                       report.status->band.toHtmlEscaped(),
                       locale.toString(report.status->score.value_or(0), 'f', 1));
        facts << tr("<b>%1</b>").arg(report.rules.stageName(report.status->stage).toHtmlEscaped()) << band;
    }
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    m_charts->update();

    const QList<CriterionResult> breakdown
        = report.status ? report.status->breakdown : QList<CriterionResult> {};
    m_breakdown->clearSpans();
    m_breakdown->setRowCount(int(breakdown.size()));
    if (breakdown.isEmpty())
        showEmpty(m_breakdown, report.whyNoBreakdown());
    for (int row = 0; row < breakdown.size(); ++row) {
        const CriterionResult& c = breakdown[row];
        const QStringList cells { c.label, observedText(c.observed), c.threshold,
                                  tr("%1 / %2").arg(locale.toString(c.earned, 'f', 1),
                                                    locale.toString(c.possible, 'f', 1)) };
        for (int column = 0; column < cells.size(); ++column)
            m_breakdown->setItem(row, column, cell(cells[column]));
    }
    m_events->clearSpans();
    m_events->setRowCount(int(report.recentEvents.size()));
    if (report.recentEvents.isEmpty())
        showEmpty(m_events, tr("No events from this account yet."));
    for (int row = 0; row < report.recentEvents.size(); ++row) {
        const RecentEvent& e = report.recentEvents[row];
        const QStringList cells { locale.toString(QDateTime::fromMSecsSinceEpoch(e.occurredAt).toLocalTime(),
                                                  QLocale::ShortFormat),
                                  e.name, e.userId, locale.toString(e.quantity, 'g', 6) };
        for (int column = 0; column < cells.size(); ++column)
            m_events->setItem(row, column, cell(cells[column]));
    }

    showActions(report);
    QStringList outcomes;
    for (const Outcome& outcome : report.outcomes)
        outcomes << (outcome.note.isEmpty()
                         ? tr("%1 %2").arg(locale.toString(outcome.date, QLocale::ShortFormat),
                                           Outcome::label(outcome.kind).toHtmlEscaped())
                         : tr("%1 %2 (%3)")
                               .arg(locale.toString(outcome.date, QLocale::ShortFormat),
                                    Outcome::label(outcome.kind).toHtmlEscaped(),
                                    outcome.note.toHtmlEscaped()));
    if (!outcomes.isEmpty())
        outcomes.prepend(tr("<b>Outcomes</b>"));
    m_outcomes->setText(outcomes.join(QStringLiteral("<br>")));
    m_outcomes->setVisible(!outcomes.isEmpty());
    m_notes->clear();
    for (const AccountNote& note : report.notes) {
        // Plain-text items: a note shows as written.
        auto* item = new QListWidgetItem(
            tr("%1 · %2\n%3")
                .arg(locale.toString(note.at.toLocalTime(), QLocale::ShortFormat), note.author, note.text),
            m_notes);
        item->setToolTip(PlainText::asRichText(note.text));
    }
    if (report.notes.isEmpty())
        new QListWidgetItem(tr("None yet."), m_notes);
    RecentCustomers::add(m_path, account.id, account.name);
    applyReadOnly();
    emit shown(account.id);
}

void CustomerDetailView::showActions(const AccountReport& report)
{
    const QLocale locale;
    m_actionMessage->hide();
    m_actions->clearContents();
    m_actions->clearSpans();
    m_actions->setRowCount(int(report.actions.size()));
    for (int row = 0; row < report.actions.size(); ++row) {
        const Action& action = report.actions[row];
        const QString what = action.status == QLatin1String("snoozed")
            ? tr("%1 (snoozed until %2)")
                  .arg(ActionStore::triggerName(action.trigger),
                       locale.toString(action.snoozedUntil, QLocale::ShortFormat))
            : ActionStore::triggerName(action.trigger);
        const QStringList cells { locale.toString(action.priority, 'f', 1), what, action.reason };
        for (int column = 0; column < cells.size(); ++column)
            m_actions->setItem(row, column, cell(cells[column]));
        // Done and Snooze at hand, on the row.
        auto* buttons = new QWidget(m_actions);
        auto* layout = new QHBoxLayout(buttons);
        layout->setContentsMargins(2, 0, 2, 0);
        layout->setSpacing(4);
        auto* doneButton = new QToolButton(buttons);
        doneButton->setObjectName(QStringLiteral("done"));
        doneButton->setText(tr("Done"));
        doneButton->setToolTip(tr("Mark this action done"));
        doneButton->setProperty("writableTip", doneButton->toolTip());
        auto* snoozeButton = new QToolButton(buttons);
        snoozeButton->setObjectName(QStringLiteral("snooze"));
        snoozeButton->setText(tr("Snooze"));
        snoozeButton->setToolTip(tr("Back in the queue in a week; the arrow offers other times"));
        snoozeButton->setProperty("writableTip", snoozeButton->toolTip());
        // A click snoozes for a week; the arrow beside it offers the other choices.
        snoozeButton->setPopupMode(QToolButton::MenuButtonPopup);
        // Days counted from today in the workspace's zone when clicked (a page left open past
        // midnight counts from the new day), not from this machine's.
        connect(snoozeButton, &QToolButton::clicked, this,
                [this, id = action.id] { snooze(id, today().addDays(7)); });
        auto* later = new QMenu(snoozeButton);
        const std::pair<QString, std::pair<int, int>> choices[] { { tr("Until tomorrow"), { 1, 0 } },
                                                                  { tr("For a week"), { 7, 0 } },
                                                                  { tr("For a month"), { 0, 1 } } };
        for (const auto& [label, span] : choices)
            later->addAction(label, this, [this, id = action.id, days = span.first, months = span.second] {
                snooze(id, today().addDays(days).addMonths(months));
            });
        snoozeButton->setMenu(later);
        layout->addWidget(doneButton);
        layout->addWidget(snoozeButton);
        connect(doneButton, &QToolButton::clicked, this, [this, id = action.id] { markDone(id); });
        m_actions->setCellWidget(row, 3, buttons);
    }
    applyReadOnly();
    m_actions->resizeColumnToContents(3);
    if (report.actions.isEmpty()) // one line across the table, as the events' and the breakdown's
        showEmpty(m_actions, tr("No open actions: nothing in the queue for this account."));
}

QDate CustomerDetailView::today() const
{
    const QTimeZone zone
        = m_report && m_report->timeZone.isValid() ? m_report->timeZone : QTimeZone::systemTimeZone();
    return WorkspaceSettings::todayIn(zone);
}

void CustomerDetailView::markDone(qint64 actionId)
{
    changeAction(actionId, std::nullopt);
}

void CustomerDetailView::snooze(qint64 actionId, const QDate& until)
{
    changeAction(actionId, until);
}

void CustomerDetailView::changeAction(qint64 actionId, std::optional<QDate> snoozeUntil)
{
    if (!m_report)
        return;
    if (!m_readOnly.isEmpty()) {
        m_actionMessage->setText(m_readOnly);
        m_actionMessage->show();
        emit actionFailed(m_readOnly);
        return;
    }
    int version = 0;
    for (const Action& action : std::as_const(m_report->actions)) {
        if (action.id == actionId)
            version = action.version;
    }
    m_actions->setEnabled(false);
    const QString path = m_path;
    // The same writes as the action queue's: the team's server (checked against the version shown,
    // the member recorded by the server) or the workspace file.
    runAsync(
        this,
        [path, team = m_team, actionId, version, snoozeUntil]() -> QString {
            return writeActions(team, path, [&](ActionStore& store, const QString& author) {
                const int expected = version > 0 ? version : -1;
                return snoozeUntil ? store.snooze(actionId, *snoozeUntil, author, {}, expected)
                                   : store.markDone(actionId, author, {}, expected);
            });
        },
        [this](const QString& error) {
            m_actions->setEnabled(true);
            if (!error.isEmpty()) {
                m_actionMessage->setText(error);
                m_actionMessage->show();
                emit actionFailed(error);
                return;
            }
            emit actionsChanged();
            refresh();
        });
}

void CustomerDetailView::addNote()
{
    bool ok = false;
    const QString text
        = QInputDialog::getMultiLineText(this, tr("Note on %1").arg(m_title->text()), tr("Note:"), {}, &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    const QString path = m_path;
    const QString id = m_accountId;
    // A small write; it runs off the GUI thread like every other, then the view reloads.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (!watcher->result().isEmpty()) {
            m_actionMessage->setText(watcher->result());
            m_actionMessage->show();
        }
        watcher->deleteLater();
        refresh();
    });
    watcher->setFuture(QtConcurrent::run(workPool(), [path, team = m_team, id, text]() -> QString {
        return writeActions(team, path, [&](ActionStore& store, const QString& author) {
            return store.addAccountNote(id, author, text);
        });
    }));
}

void CustomerDetailView::recordOutcome(const Outcome& outcome)
{
    if (!m_readOnly.isEmpty()) {
        m_actionMessage->setText(m_readOnly);
        m_actionMessage->show();
        return;
    }
    const QString path = m_path;
    runAsync(
        this,
        [path, team = m_team, outcome]() -> QString {
            if (team) {
                Result<std::unique_ptr<TeamDatabase>> db = team->open();
                if (!db)
                    return db.error();
                const Result<bool> added = TeamWrites::addOutcome(**db, outcome);
                return added ? QString() : added.error();
            }
            const Result<AccountStore::OutcomeCounts> added
                = withWorkspace(path, Database::Mode::ReadWrite, [&](Database& db) {
                      return AccountStore(db).addOutcomes({ &outcome, 1 });
                  });
            return added ? QString() : added.error();
        },
        [this, id = outcome.accountId](const QString& error) {
            if (!error.isEmpty()) {
                m_actionMessage->setText(error);
                m_actionMessage->show();
                return;
            }
            emit outcomeRecorded(id);
            refresh();
        });
}

} // namespace tenure
