#include "rules/RulesView.h"

#include "Async.h"
#include "PlainText.h"
#include "SplitterMemory.h"
#include "actions/ActionStore.h"
#include "rules/EventNames.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "store/WithWorkspace.h"
#include "tuning/RulePreview.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tenure {

namespace {

struct Loaded
{
    int version = 0;
    RuleSet rules;
    RuleStore::Version info;
    std::optional<EventNames::Read> events; // the names of the events logged since the last load
};

} // namespace

RulesView::RulesView(QWidget* parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_editor(new RuleSetEditor(this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this))
    , m_preview(new QPushButton(tr("&Preview Changes"), this))
    , m_save(new QPushButton(tr("&Save and Rebuild"), this))
    , m_message(new QLabel(this))
    , m_changes(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("rulesView"));
    m_header->setObjectName(QStringLiteral("rulesHeader"));
    m_preview->setObjectName(QStringLiteral("previewRules"));
    m_save->setObjectName(QStringLiteral("saveRules"));
    m_message->setObjectName(QStringLiteral("rulesMessage"));
    m_changes->setObjectName(QStringLiteral("ruleChanges"));
    m_import->setToolTip(tr("Load a rule file (JSON) into the editor; nothing is saved until you save."));
    m_export->setToolTip(tr("Write the rules in the editor to a JSON file."));
    m_save->setToolTip(tr("Save as a new version; the summaries are rebuilt in the background."));
    m_header->setTextFormat(Qt::RichText); // the author in it is escaped
    // Band moves, imported file names and rule errors quote rule labels: shown as written.
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_changes->setHorizontalHeaderLabels({ tr("Account"), tr("Stage"), tr("Band") });
    m_changes->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_changes->verticalHeader()->hide();
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_header, 1);
    for (QPushButton* button : { m_import, m_export, m_revert, m_preview, m_save })
        buttons->addWidget(button);
    // The editor above; below it, what saving would change: the counts in words beside the
    // first accounts that would move.
    auto* preview = new QWidget(this);
    auto* previewLayout = new QHBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message->setMinimumWidth(320);
    previewLayout->addWidget(m_message, 2);
    previewLayout->addWidget(m_changes, 3);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("rulesSplitter"));
    splitter->addWidget(m_editor);
    splitter->addWidget(preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    // Both splits stay where the user leaves them, apart from the Tuning view's editor.
    rememberSplitter(splitter, QStringLiteral("rules/previewSplitter"));
    m_editor->rememberSplitter(QStringLiteral("rules/editorSplitter"), 340); // room for most labels
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_editor, &RuleSetEditor::changed, this, &RulesView::updateButtons);
    connect(m_revert, &QPushButton::clicked, this, &RulesView::load);
    connect(m_preview, &QPushButton::clicked, this, &RulesView::preview);
    connect(m_save, &QPushButton::clicked, this, &RulesView::save);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getOpenFileName(this, tr("Import Rules"), {}, tr("Rule files (*.json)"));
        if (!file.isEmpty())
            importFile(file);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export Rules"), QStringLiteral("rules.json"), tr("Rule files (*.json)"));
        if (!file.isEmpty())
            exportFile(file);
    });
    updateButtons();
}

void RulesView::setWorkspace(const QString& path)
{
    m_path = path;
    ++m_generation; // loads begun before are of the workspace before (or of its data before)
    m_eventNames = {}; // its names are read whole
    load();
}

void RulesView::refresh()
{
    if (!m_editor->isModified())
        load();
}

void RulesView::load()
{
    if (m_path.isEmpty())
        return;
    const QString path = m_path;
    const qint64 eventsSeq = m_eventNames.lastSeq();
    const int generation = m_generation;
    m_busy = true;
    updateButtons();
    runAsync(
        this,
        [path, eventsSeq] {
            return withWorkspace(path, Database::Mode::ReadOnly, [eventsSeq](Database& db) -> Result<Loaded> {
                RuleStore store(db);
                Result<RuleStore::Active> active = store.active();
                if (!active)
                    return Error { active.error() };
                Loaded loaded { active->version, active->rules, {}, {} };
                if (const auto versions = store.versions(); versions && !versions->isEmpty())
                    loaded.info = versions->constLast();
                // For the criterion form's check of the names typed (none on failure: no check):
                // those of the events logged since the last load, not the whole log again.
                if (Result<EventNames::Read> events = EventNames::readAfter(db, eventsSeq))
                    loaded.events = std::move(events).value();
                return loaded;
            });
        },
        [this, generation](const Result<Loaded>& result) {
            if (generation != m_generation)
                return; // the load that replaced it ends the busy state
            m_busy = false;
            if (!result) {
                showMessage(result.error(), true);
                updateButtons();
                return;
            }
            m_version = result->version;
            m_active = result->rules;
            m_editor->setRules(result->rules);
            if (result->events) {
                m_eventNames.add(*result->events);
                m_editor->setKnownEvents(m_eventNames.sorted());
            }
            m_header->setText(
                result->info.version > 0
                    ? tr("<b>Active rules:</b> version %1, saved %2 by %3")
                          .arg(result->info.version)
                          .arg(QLocale().toString(result->info.createdAt.toLocalTime(), QLocale::ShortFormat),
                               result->info.author.toHtmlEscaped())
                    : tr("<b>Active rules:</b> the defaults that ship with Tenure"));
            m_changes->setRowCount(0);
            showMessage(idleMessage());
            updateButtons();
            emit loaded();
        });
}

std::optional<RuleSet> RulesView::beginWork()
{
    const Result<RuleSet> rules = m_editor->rules();
    if (!rules) {
        showMessage(rules.error(), true);
        return std::nullopt;
    }
    m_busy = true;
    updateButtons();
    return rules.value();
}

void RulesView::preview()
{
    const std::optional<RuleSet> rules = beginWork();
    if (!rules)
        return;
    const QString path = m_path;
    const RuleSet candidate = *rules;
    showMessage(tr("Evaluating every account with the edited rules…"));
    runAsync(
        this,
        [path, candidate] {
            return withWorkspace(path, Database::Mode::ReadOnly,
                                 [&](Database& db) { return RulePreview::run(db, candidate); });
        },
        [this, candidate](const Result<RulePreview::Summary>& summary) {
            m_busy = false;
            updateButtons();
            if (!summary) {
                showMessage(summary.error(), true);
                return;
            }
            const QLocale locale;
            QStringList moves;
            for (auto it = summary->bandMoves.cbegin(); it != summary->bandMoves.cend(); ++it)
                moves << tr("%1 → %2: %3")
                             .arg(it.key().first.isEmpty() ? tr("(no score)") : it.key().first,
                                  it.key().second.isEmpty() ? tr("(no score)") : it.key().second,
                                  locale.toString(it.value()));
            showMessage(
                tr("With these rules, as of %1: %2 of %3 accounts would change stage and %4 would change "
                   "band.%5")
                    .arg(locale.toString(summary->asOf, QLocale::ShortFormat),
                         locale.toString(summary->stageChanges), locale.toString(summary->accounts),
                         locale.toString(summary->bandChanges),
                         moves.isEmpty() ? QString()
                                         : QStringLiteral("\n") + moves.join(QStringLiteral("\n"))));
            m_changes->setRowCount(int(summary->examples.size()));
            for (int row = 0; row < summary->examples.size(); ++row) {
                const RulePreview::Change& change = summary->examples.at(row);
                auto arrow = [](const QString& from, const QString& to) {
                    return from == to ? from : QStringLiteral("%1 → %2").arg(from, to);
                };
                m_changes->setItem(row, 0, new QTableWidgetItem(change.name));
                m_changes->setItem(row, 1,
                                   new QTableWidgetItem(arrow(m_active.stageName(change.fromStage),
                                                              candidate.stageName(change.toStage))));
                m_changes->setItem(row, 2, new QTableWidgetItem(arrow(change.fromBand, change.toBand)));
            }
            emit previewed();
        });
}

void RulesView::setSaver(Saver saver, const QString& reason)
{
    // The message follows the reason when it says nothing else (the hint, or the last reason).
    const bool replace = m_message->text().isEmpty() || m_message->text() == idleMessage();
    m_saver = std::move(saver);
    m_cannotSave = reason;
    m_save->setToolTip(PlainText::asRichText(reason));
    if (replace)
        showMessage(idleMessage());
    updateButtons();
}

void RulesView::save()
{
    const std::optional<RuleSet> rules = beginWork();
    if (!rules)
        return;
    const QString path = m_path;
    const RuleSet candidate = *rules;
    runAsync(
        this,
        [path, candidate, saver = m_saver]() -> Result<int> {
            if (saver)
                return saver(candidate);
            return RuleStore::saveTo(path, candidate, ActionStore::currentAuthor());
        },
        [this](const Result<int>& version) {
            m_busy = false;
            if (!version) {
                showMessage(version.error(), true);
                updateButtons();
                return;
            }
            m_editor->setModified(false);
            load();
            showMessage(
                tr("Saved as version %1. The summaries are being rebuilt; the views update when it is done.")
                    .arg(version.value()));
            emit saved(version.value());
        });
}

void RulesView::importFile(const QString& file)
{
    runAsync(
        this,
        [file]() -> Result<RuleSet> {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                return Error { tr("Cannot read %1: %2").arg(file, in.errorString()) };
            Result<RuleSet> parsed = RuleSetJson::parse(in.readAll());
            if (!parsed)
                return Error { tr("%1: %2").arg(file, parsed.error()) };
            return parsed;
        },
        [this, file](const Result<RuleSet>& rules) {
            if (!rules) {
                showMessage(rules.error(), true);
                return;
            }
            m_editor->setRules(rules.value());
            m_editor->setModified(true);
            updateButtons();
            showMessage(tr("Imported %1. Preview the changes, then save to adopt it.").arg(file));
        });
}

void RulesView::exportFile(const QString& file)
{
    const Result<RuleSet> rules = m_editor->rules();
    if (!rules) {
        showMessage(rules.error(), true);
        return;
    }
    const QByteArray json = RuleSetJson::serialize(rules.value());
    writeFileAsync(this, file, json, [this, file](const QString& error) {
        showMessage(error.isEmpty() ? tr("Exported the rules to %1.").arg(file) : error, !error.isEmpty());
    });
}

void RulesView::updateButtons()
{
    const bool valid = m_editor->rules().ok();
    const bool ready = !m_path.isEmpty() && !m_busy;
    m_preview->setEnabled(ready && valid);
    m_save->setEnabled(ready && valid && m_editor->isModified() && m_cannotSave.isEmpty());
    m_revert->setEnabled(ready && m_editor->isModified());
    m_export->setEnabled(valid);
    m_import->setEnabled(ready);
}

QString RulesView::idleMessage() const
{
    // Where Save is refused (a CSM in a team), the reason beside the editor too, not only on the
    // button, and that the rules can still be tried here.
    return m_cannotSave.isEmpty()
        ? tr("Edit a band, stage or criterion; Preview Changes shows which accounts would move.")
        : tr("%1 You can still change the rules here and preview their effect.").arg(m_cannotSave.trimmed());
}

void RulesView::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

} // namespace tenure
