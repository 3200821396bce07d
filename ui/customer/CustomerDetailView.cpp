#include "customer/CustomerDetailView.h"

#include "Async.h"
#include "PlainText.h"
#include "customer/OutcomeDialog.h"
#include "engine/DayClock.h"
#include "print/ReportCharts.h"
#include "report/PortfolioReport.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamWrites.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

namespace {

// The stage timeline over the health trend, painted like the report's charts.
class ChartsWidget : public QWidget
{
public:
    explicit ChartsWidget(const std::optional<AccountReport>& report, QWidget* parent)
        : QWidget(parent)
        , m_report(report)
    {
        setMinimumHeight(260);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (!m_report)
            return;
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
        ReportCharts::stageTimeline(painter, QRectF(area.left(), area.top(), area.width(), 64),
                                    m_report->history, m_report->rules);
        ReportCharts::healthTrend(painter,
                                  QRectF(area.left(), area.top() + 76, area.width(), area.height() - 76),
                                  m_report->history, m_report->rules);
    }

private:
    const std::optional<AccountReport>& m_report;
};

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

} // namespace

CustomerDetailView::CustomerDetailView(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_breakdown(table({ tr("Criterion"), tr("Observed"), tr("Threshold"), tr("Points") }, this))
    , m_events(table({ tr("When"), tr("Event"), tr("User"), tr("Quantity") }, this))
    , m_actions(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_addNote(new QPushButton(tr("Add &Note…"), this))
    , m_addOutcome(new QPushButton(tr("Record &Outcome…"), this))
{
    setObjectName(QStringLiteral("CustomerDetailView"));
    m_charts = new ChartsWidget(m_report, this);
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
    for (QLabel* label : { m_actions, m_notes }) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }
    m_actions->setObjectName(QStringLiteral("actions"));
    m_notes->setObjectName(QStringLiteral("notes"));
    m_addNote->setEnabled(false);
    connect(m_addNote, &QPushButton::clicked, this, &CustomerDetailView::addNote);
    m_addOutcome->setObjectName(QStringLiteral("addOutcome"));
    m_addOutcome->setEnabled(false);
    m_addOutcome->setToolTip(
        tr("Churned, renewed, expanded or contracted: what happened, for the backtests"));
    connect(m_addOutcome, &QPushButton::clicked, this, [this] {
        auto* dialog = new OutcomeDialog(m_accountId, m_title->text(), this);
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
    grid->addWidget(m_actions, 5, 0);
    auto* notes = new QVBoxLayout;
    notes->addWidget(m_notes);
    auto* noteButtons = new QHBoxLayout;
    noteButtons->addWidget(m_addNote);
    noteButtons->addWidget(m_addOutcome);
    noteButtons->addStretch();
    notes->addLayout(noteButtons);
    grid->addLayout(notes, 5, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        const Result<AccountReport> report = m_loading.result();
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
    m_path = path;
    if (pending)
        showCustomer(m_accountId);
}

void CustomerDetailView::showCustomer(const QString& accountId)
{
    m_accountId = accountId;
    if (m_path.isEmpty() || m_loading.isRunning())
        return;
    const QString path = m_path;
    m_loading.setFuture(QtConcurrent::run(workPool(), [path, accountId]() -> Result<AccountReport> {
        Result<std::unique_ptr<Database>> db = Database::open(path, Database::Mode::ReadOnly);
        if (!db)
            return Error { db.error() };
        const QDate today = DayClock::date(DayClock(WorkspaceSettings(**db).timeZone()).today());
        return AccountReport::load(**db, accountId, today);
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
        facts << tr("ARR %1").arg(PortfolioReport::money(*account.arr, account.currency));
    if (report.daysToRenewal)
        facts << tr("renewal %1 (%2 days)")
                     .arg(locale.toString(account.renewalDate, QLocale::ShortFormat))
                     .arg(*report.daysToRenewal);
    if (report.status) {
        const QString band = report.status->band.isEmpty()
            ? tr("no score")
            : QStringLiteral("<span style='background:%1'>&nbsp;%2 · %3&nbsp;</span>")
                  .arg(QColor(report.rules.bandColor(report.status->band)).lighter(160).name(),
                       report.status->band.toHtmlEscaped(),
                       locale.toString(report.status->score.value_or(0), 'f', 1));
        facts << tr("<b>%1</b>").arg(report.rules.stageName(report.status->stage).toHtmlEscaped()) << band;
    }
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    m_charts->update();

    const QList<CriterionResult> breakdown
        = report.status ? report.status->breakdown : QList<CriterionResult> {};
    m_breakdown->setRowCount(int(breakdown.size()));
    for (int row = 0; row < breakdown.size(); ++row) {
        const CriterionResult& c = breakdown[row];
        const QString observed = c.observed.isValid()
            ? (c.observed.typeId() == QMetaType::Double ? locale.toString(c.observed.toDouble(), 'g', 4)
                                                        : c.observed.toString())
            : tr("n/a");
        const QStringList cells { c.label, observed, c.threshold,
                                  tr("%1 / %2").arg(locale.toString(c.earned, 'f', 1),
                                                    locale.toString(c.possible, 'f', 1)) };
        for (int column = 0; column < cells.size(); ++column)
            m_breakdown->setItem(row, column, cell(cells[column]));
    }
    m_events->setRowCount(int(report.recentEvents.size()));
    for (int row = 0; row < report.recentEvents.size(); ++row) {
        const RecentEvent& e = report.recentEvents[row];
        const QStringList cells { locale.toString(QDateTime::fromMSecsSinceEpoch(e.occurredAt).toLocalTime(),
                                                  QLocale::ShortFormat),
                                  e.name, e.userId, locale.toString(e.quantity, 'g', 6) };
        for (int column = 0; column < cells.size(); ++column)
            m_events->setItem(row, column, cell(cells[column]));
    }

    QStringList actions { tr("<b>Open actions</b>") };
    for (const Action& action : report.actions)
        actions << tr("%1 — %2: %3")
                       .arg(locale.toString(action.priority, 'f', 1),
                            ActionStore::triggerName(action.trigger).toHtmlEscaped(),
                            action.reason.toHtmlEscaped());
    if (report.actions.isEmpty())
        actions << tr("None.");
    QStringList outcomes;
    for (const Outcome& outcome : report.outcomes)
        outcomes << (outcome.note.isEmpty()
                         ? tr("%1 %2").arg(locale.toString(outcome.date, QLocale::ShortFormat),
                                           Outcome::kindName(outcome.kind).toHtmlEscaped())
                         : tr("%1 %2 (%3)")
                               .arg(locale.toString(outcome.date, QLocale::ShortFormat),
                                    Outcome::kindName(outcome.kind).toHtmlEscaped(),
                                    outcome.note.toHtmlEscaped()));
    if (!outcomes.isEmpty())
        actions << QString() << tr("<b>Outcomes</b>") << outcomes;
    m_actions->setText(actions.join(QStringLiteral("<br>")));
    QStringList notes { tr("<b>Notes</b>") };
    for (const AccountNote& note : report.notes)
        notes << tr("%1 · %2: %3")
                     .arg(locale.toString(note.at.toLocalTime(), QLocale::ShortFormat),
                          note.author.toHtmlEscaped(), note.text.toHtmlEscaped());
    if (report.notes.isEmpty())
        notes << tr("None yet.");
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    m_addNote->setEnabled(true);
    m_addOutcome->setEnabled(true);
    emit shown(account.id);
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
        if (!watcher->result().isEmpty())
            m_notes->setText(watcher->result().toHtmlEscaped());
        watcher->deleteLater();
        refresh();
    });
    watcher->setFuture(QtConcurrent::run(workPool(), [path, team = m_team, id, text]() -> QString {
        if (team) {
            Result<std::unique_ptr<TeamDatabase>> db = team->open();
            if (!db)
                return db.error();
            // The server records the signed-in member as the author.
            const Status added = ActionStore((*db)->connection()).addAccountNote(id, team->member, text);
            return added ? QString() : added.error();
        }
        Result<std::unique_ptr<Database>> db = Database::open(path);
        if (!db)
            return db.error();
        const Status added = ActionStore(**db).addAccountNote(id, ActionStore::currentAuthor(), text);
        return added ? QString() : added.error();
    }));
}

void CustomerDetailView::recordOutcome(const Outcome& outcome)
{
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
            Result<std::unique_ptr<Database>> db = Database::open(path);
            if (!db)
                return db.error();
            const Result<AccountStore::OutcomeCounts> added = AccountStore(**db).addOutcomes({ &outcome, 1 });
            return added ? QString() : added.error();
        },
        [this, id = outcome.accountId](const QString& error) {
            if (!error.isEmpty()) {
                m_notes->setText(error.toHtmlEscaped());
                return;
            }
            emit outcomeRecorded(id);
            refresh();
        });
}

} // namespace tenure
