#include "tuning/TuningView.h"

#include "Async.h"
#include "ChartLook.h"
#include "PlainText.h"
#include "actions/ActionStore.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleStore.h"
#include "store/WithWorkspace.h"
#include "tuning/BacktestWorker.h"
#include "tuning/ChartBoard.h"
#include "tuning/SuggestWorker.h"
#include "tuning/TuningCharts.h"

#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tenure {

namespace {

QTableWidget* table(const QStringList& headers, QWidget* parent)
{
    auto* widget = new QTableWidget(0, int(headers.size()), parent);
    widget->setHorizontalHeaderLabels(headers);
    widget->verticalHeader()->hide();
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return widget;
}

} // namespace

TuningView::TuningView(QWidget* parent)
    : QWidget(parent)
    , m_editor(new RuleSetEditor(this))
    , m_horizon(new QComboBox(this))
    , m_run(new QPushButton(tr("&Run Backtest"), this))
    , m_suggest(new QPushButton(tr("&Suggest Rules…"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_adopt(new QPushButton(tr("&Adopt Candidate…"), this))
    , m_reset(new QPushButton(tr("Reset to Active Rules"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_summary(table({ tr("Figure"), tr("Active rules"), tr("Candidate") }, this))
    , m_criteriaOf(new QComboBox(this))
    , m_criteria(table({ tr("Stage"), tr("Criterion"), tr("Passes"), tr("Churn when passing [95%]"),
                         tr("Fails"), tr("Churn when failing [95%]"), tr("Lift"), tr("AUC"),
                         tr("Suggested cut-off"), tr("Trust") },
                       this))
    , m_roc(TuningCharts::create(tr("ROC: the score as a churn signal"), this))
    , m_bands(TuningCharts::create(tr("Churn rate by band"), this))
    , m_distribution(TuningCharts::create(tr("Scores of churned and retained (active rules)"), this))
    , m_results(new QTabWidget(this))
    , m_suggestionPage(new QWidget(this))
    , m_suggestionText(new QLabel(this))
    , m_suggestionTable(table({ tr("Stage"), tr("Criterion"), tr("Scoring"), tr("Weight"), tr("AUC alone"),
                                tr("Lift"), tr("Churn when failing"), tr("Churn when passing") },
                              this))
    , m_suggestionExcluded(new QLabel(this))
    , m_useSuggestion(new QPushButton(tr("&Use as Candidate"), this))
    , m_splitter(new QSplitter(this))
{
    setObjectName(QStringLiteral("tuningView"));
    m_run->setObjectName(QStringLiteral("runBacktest"));
    m_suggest->setObjectName(QStringLiteral("suggestRules"));
    m_suggest->setToolTip(
        tr("Fit criteria, thresholds and weights to this workspace's own outcomes, and check them on later "
           "outcomes against the active rules."));
    m_useSuggestion->setObjectName(QStringLiteral("useSuggestion"));
    m_suggestionText->setObjectName(QStringLiteral("suggestionSummary"));
    m_suggestionTable->setObjectName(QStringLiteral("suggestedCriteria"));
    m_suggestionExcluded->setObjectName(QStringLiteral("suggestionExcluded"));
    m_splitter->setObjectName(QStringLiteral("tuningSplitter"));
    m_adopt->setObjectName(QStringLiteral("adoptCandidate"));
    m_horizon->setObjectName(QStringLiteral("horizon"));
    m_summary->setObjectName(QStringLiteral("backtestSummary"));
    m_criteria->setObjectName(QStringLiteral("criterionEvidence"));
    m_status->setObjectName(QStringLiteral("tuningStatus"));
    for (int days : { 30, 60, 90, 180 })
        m_horizon->addItem(tr("%1 days before the outcome").arg(days), days);
    m_horizon->setCurrentIndex(2);
    m_horizon->setToolTip(
        tr("Each account is scored this many days before what happened to it, from the log as "
           "it was then: no later event counts."));
    m_criteriaOf->addItems({ tr("Active rules"), tr("Candidate") });
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel->hide();
    m_status->setWordWrap(true);
    // The figures as wide as they need, up to a share that leaves their names room (then they
    // wrap too: fitSummaryColumns), the names wrapped in the rest, each row as high as its text.
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_summary->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->setWordWrap(true);
    m_summary->viewport()->installEventFilter(this); // its width, once the scroll bars are placed

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Score each case"), this));
    controls->addWidget(m_horizon);
    controls->addWidget(m_run);
    controls->addWidget(m_suggest);
    controls->addWidget(m_progress);
    controls->addWidget(m_cancel);
    controls->addStretch();
    controls->addWidget(m_adopt);

    auto* candidate = new QWidget(this);
    auto* candidateLayout = new QVBoxLayout(candidate);
    candidateLayout->setContentsMargins(0, 0, 0, 0);
    auto* candidateTitle
        = new QLabel(tr("<b>Candidate rules</b> (a copy of the active ones: edit, then run)"), this);
    candidateTitle->setWordWrap(true);
    candidateLayout->addWidget(candidateTitle);
    candidateLayout->addWidget(m_editor, 1);
    candidateLayout->addWidget(m_reset, 0, Qt::AlignLeft);

    auto* charts = new ChartBoard(this);
    charts->setObjectName(QStringLiteral("tuningCharts"));
    charts->addChart(m_roc);
    charts->addChart(m_bands);
    charts->addChart(m_distribution, true);

    auto* criteria = new QWidget(this);
    auto* criteriaLayout = new QVBoxLayout(criteria);
    criteriaLayout->setContentsMargins(0, 0, 0, 0);
    auto* criteriaTop = new QHBoxLayout;
    criteriaTop->addWidget(new QLabel(tr("Evidence per criterion, for"), this));
    criteriaTop->addWidget(m_criteriaOf);
    criteriaTop->addStretch();
    criteriaLayout->addLayout(criteriaTop);
    criteriaLayout->addWidget(m_criteria, 1);
    auto* criteriaHelp = new QLabel(
        tr("Passing: the criterion earns at least half its points. Lift: churn when failing over churn when "
           "passing. The suggested cut-off maximises Youden's J (caught churners minus flagged retained). "
           "\"Too few\": fewer than 30 cases on a side or 5 churners: do not trust it yet."),
        this);
    criteriaHelp->setWordWrap(true);
    criteriaLayout->addWidget(criteriaHelp);

    auto* suggestionLayout = new QVBoxLayout(m_suggestionPage);
    suggestionLayout->setContentsMargins(0, 0, 0, 0);
    PlainText::label(m_suggestionText); // quotes event names and attribute values
    PlainText::label(m_suggestionExcluded);
    m_suggestionText->setWordWrap(true);
    m_suggestionExcluded->setWordWrap(true);
    m_suggestionText->setText(tr(
        "Suggest Rules… fits criteria to this workspace's outcomes before a cut-off day and checks them on "
        "the outcomes after it."));
    suggestionLayout->addWidget(m_suggestionText);
    suggestionLayout->addWidget(m_suggestionTable, 1);
    suggestionLayout->addWidget(m_suggestionExcluded);
    auto* suggestionHelp = new QLabel(tr("AUC alone and lift are measured on the training cases (the "
                                         "outcomes up to the cut-off): lift is churn "
                                         "when failing over churn when passing. The holdout AUC above is the "
                                         "honest figure: outcomes the fit "
                                         "never saw."),
                                      this);
    suggestionHelp->setWordWrap(true);
    suggestionLayout->addWidget(suggestionHelp);
    suggestionLayout->addWidget(m_useSuggestion, 0, Qt::AlignLeft);
    m_useSuggestion->setEnabled(false);
    // The criterion's label is what people read first: wide, wrapped, whole in the tooltip.
    m_suggestionTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_suggestionTable->setColumnWidth(1, 280);
    m_suggestionTable->setWordWrap(true);
    m_suggestionTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    QTabWidget* results = m_results;
    results->setObjectName(QStringLiteral("tuningResults"));
    results->addTab(m_summary, tr("Summary"));
    // The charts keep a readable size: side by side where the pane is wide enough, one under the
    // other where it is not, scrolling down rather than holding the whole window to their width.
    auto* chartsScroll = new QScrollArea(this);
    chartsScroll->setObjectName(QStringLiteral("tuningChartsScroll"));
    chartsScroll->setWidget(charts);
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setFrameShape(QFrame::NoFrame);
    // The board fits its width (ChartBoard): never sideways, not even for the moment the vertical
    // bar appears and the width is laid out again.
    chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    results->addTab(chartsScroll, tr("Charts"));
    results->addTab(criteria, tr("Per criterion"));
    results->addTab(m_suggestionPage, tr("Suggestion"));

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(results, 1);
    QSplitter* splitter = m_splitter;
    splitter->addWidget(candidate);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    // The sizes as the user left them; until then, placeSplitter() as the view's width changes.
    m_placeSplitter
        = !splitter->restoreState(QSettings().value(QStringLiteral("tuning/splitter")).toByteArray());
    splitter->installEventFilter(this);
    connect(splitter, &QSplitter::splitterMoved, this, [this, splitter] {
        m_placeSplitter = false;
        QSettings().setValue(QStringLiteral("tuning/splitter"), splitter->saveState());
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, &TuningView::runBacktest);
    connect(m_suggest, &QPushButton::clicked, this, &TuningView::suggestRules);
    connect(m_useSuggestion, &QPushButton::clicked, this, &TuningView::useSuggestion);
    connect(m_cancel, &QPushButton::clicked, this, &TuningView::cancel);
    connect(m_adopt, &QPushButton::clicked, this, &TuningView::adopt);
    connect(m_reset, &QPushButton::clicked, this, [this] { loadActive(true); });
    connect(m_criteriaOf, &QComboBox::currentIndexChanged, this, &TuningView::showCriteria);
    connect(m_editor, &RuleSetEditor::changed, this, [this] {
        m_adopt->setEnabled(m_editor->isModified() && m_editor->rules().ok() && !m_path.isEmpty()
                            && m_cannotSave.isEmpty());
    });
    m_adopt->setEnabled(false);
    PlainText::label(m_status); // errors quote rule labels and event names
    m_status->setText(tr("Run a backtest to see how well the rules foretold churn."));
}

TuningView::~TuningView() = default;

void TuningView::placeSplitter()
{
    // The editor as wide as its bands table needs (about 560 px), the results the rest, but at
    // least about 400 px for their tabs and charts, where the editor can give them that.
    const int total = m_splitter->width() - m_splitter->handleWidth();
    const int editor = std::max(m_splitter->widget(0)->minimumSizeHint().width(), std::min(560, total - 400));
    m_splitter->setSizes({ editor, std::max(0, total - editor) });
}

bool TuningView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_summary->viewport() && event->type() == QEvent::Resize)
        fitSummaryColumns();
    if (watched == m_splitter && event->type() == QEvent::Resize && m_placeSplitter)
        placeSplitter();
    return QWidget::eventFilter(watched, event);
}

void TuningView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        for (QChartView* view : { m_roc, m_bands, m_distribution })
            ChartLook::follow(view->chart(), palette());
    }
    QWidget::changeEvent(event);
}

void TuningView::setWorkspace(const QString& path)
{
    m_path = path;
    m_haveActive = false;
    ++m_generation; // loads begun before are of the workspace before (or of its data before)
    m_eventNames = {}; // its names are read whole
    m_worker = std::make_unique<BacktestWorker>(path);
    connect(m_worker.get(), &BacktestWorker::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(int(std::min<qint64>(total, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(done, INT_MAX)));
    });
    connect(m_worker.get(), &BacktestWorker::finished, this, [this](const QList<BacktestReport>& reports) {
        setRunning(false);
        showReports(reports);
        emit finished();
    });
    connect(m_worker.get(), &BacktestWorker::failed, this, [this](const QString& message) {
        setRunning(false);
        m_status->setText(message);
        emit failed(message);
    });
    m_suggester = std::make_unique<SuggestWorker>(path);
    connect(m_suggester.get(), &SuggestWorker::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(int(std::min<qint64>(total, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(done, INT_MAX)));
    });
    connect(m_suggester.get(), &SuggestWorker::finished, this, [this](const Suggestion& suggestion) {
        setRunning(false);
        m_suggestion = suggestion;
        showSuggestion();
        m_results->setCurrentWidget(m_suggestionPage);
        m_status->setText(suggestion.summary());
        emit suggestionFinished();
    });
    connect(m_suggester.get(), &SuggestWorker::failed, this, [this](const QString& message) {
        setRunning(false);
        m_status->setText(message);
        emit suggestionFailed(message);
    });
    m_suggestion.reset();
    showSuggestion();
    m_reports.clear();
    showReports({});
    m_status->setText(tr("Run a backtest to see how well the rules foretold churn."));
    loadActive(true);
}

void TuningView::refresh()
{
    loadActive(!m_editor->isModified());
}

void TuningView::loadActive(bool resetCandidate)
{
    if (m_path.isEmpty())
        return;
    const QString path = m_path;
    const qint64 eventsSeq = m_eventNames.lastSeq();
    const int generation = m_generation;
    struct Loaded
    {
        RuleStore::Active active;
        std::optional<EventNames::Read> events; // as in the Rules view: for the criterion form
    };
    runAsync(
        this,
        [path, eventsSeq] {
            return withWorkspace(path, Database::Mode::ReadOnly, [eventsSeq](Database& db) -> Result<Loaded> {
                Result<RuleStore::Active> active = RuleStore(db).active();
                if (!active)
                    return Error { active.error() };
                Loaded loaded { std::move(active).value(), {} };
                if (Result<EventNames::Read> events = EventNames::readAfter(db, eventsSeq))
                    loaded.events = std::move(events).value();
                return loaded;
            });
        },
        [this, generation, resetCandidate](const Result<Loaded>& loaded) {
            if (generation != m_generation)
                return; // another workspace's rules (or its data before): the next load sets them
            if (!loaded) {
                m_status->setText(loaded.error());
                if (std::exchange(m_suggestWhenLoaded, false))
                    setRunning(false);
                return;
            }
            m_active = loaded->active.rules;
            m_haveActive = true;
            if (resetCandidate) {
                m_editor->setRules(m_active);
                m_adopt->setEnabled(false);
            }
            if (loaded->events) {
                m_eventNames.add(*loaded->events);
                m_editor->setKnownEvents(m_eventNames.sorted());
            }
            if (std::exchange(m_runWhenLoaded, false))
                runBacktest();
            if (std::exchange(m_suggestWhenLoaded, false))
                suggestRules();
        });
}

void TuningView::runBacktest()
{
    if (!m_worker)
        return;
    if (!m_haveActive) {
        m_runWhenLoaded = true; // the active rules are still loading: run as soon as they are here
        return;
    }
    QList<RuleSet> ruleSets { m_active };
    if (m_editor->isModified()) {
        const Result<RuleSet> candidate = m_editor->rules();
        if (!candidate) {
            m_status->setText(tr("The candidate rules are not valid: %1").arg(candidate.error()));
            return;
        }
        ruleSets << candidate.value();
    }
    BacktestOptions options;
    options.horizonDays = m_horizon->currentData().toInt();
    setRunning(true);
    m_status->setText(tr("Replaying history…"));
    m_worker->start(ruleSets, options);
}

void TuningView::suggestRules()
{
    if (!m_suggester)
        return;
    if (!m_haveActive) {
        m_suggestWhenLoaded = true; // the active rules are still loading: fit as soon as they are here
        setRunning(true);
        return;
    }
    SuggestOptions options;
    options.horizonDays = m_horizon->currentData().toInt();
    setRunning(true);
    m_status->setText(tr("Fitting rules to this workspace's outcomes…"));
    m_suggester->start(m_active, options);
}

void TuningView::cancel()
{
    if (m_worker)
        m_worker->cancel();
    if (m_suggester)
        m_suggester->cancel();
}

void TuningView::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_suggest->setEnabled(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    if (running)
        m_progress->setValue(0);
}

void TuningView::setSaver(RulesView::Saver saver, const QString& reason)
{
    m_saver = std::move(saver);
    m_cannotSave = reason;
    m_adopt->setToolTip(PlainText::asRichText(reason));
    // Off, with the reason as its tooltip, while this user cannot save (or the team server is away).
    m_adopt->setEnabled(m_editor->isModified() && m_editor->rules().ok() && !m_path.isEmpty()
                        && m_cannotSave.isEmpty());
}

void TuningView::adopt()
{
    const Result<RuleSet> candidate = m_editor->rules();
    if (!candidate || m_path.isEmpty())
        return;
    if (!m_cannotSave.isEmpty()) {
        m_status->setText(m_cannotSave);
        return;
    }
    const QString path = m_path;
    const RuleSet rules = candidate.value();
    m_adopt->setEnabled(false);
    runAsync(
        this,
        [path, rules, saver = m_saver]() -> Result<int> {
            if (saver)
                return saver(rules);
            return RuleStore::saveTo(path, rules, ActionStore::currentAuthor());
        },
        [this](const Result<int>& version) {
            if (!version) {
                m_status->setText(version.error());
                m_adopt->setEnabled(true);
                return;
            }
            m_status->setText(
                tr("The candidate is now the active rules (version %1); the summaries are being "
                   "rebuilt.")
                    .arg(version.value()));
            m_editor->setModified(false);
            loadActive(true);
            emit adopted(version.value());
        });
}

} // namespace tenure
