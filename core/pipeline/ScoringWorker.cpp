#include "pipeline/ScoringWorker.h"

#include "actions/ActionEngine.h"
#include "rules/RuleSet.h"
#include "store/Database.h"
#include "util/ThreadPriority.h"

#include <QMetaObject>

#include <algorithm>

namespace tenure {

ScoringWorker::ScoringWorker(QString workspacePath, ScoringEngine::Options options, QObject* parent)
    : QObject(parent)
    , m_path(std::move(workspacePath))
    , m_options(std::move(options))
    , m_context(new QObject)
{
    qRegisterMetaType<tenure::ScoringEngine::Summary>();
    qRegisterMetaType<QList<tenure::SummaryStore::Count>>();
    m_thread.setObjectName(QStringLiteral("scoring"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    // Scoring is background work: on a busy machine the GUI thread gets the cores first. The
    // engine's pool and checkpointer threads, started from this thread, inherit its priority.
    lowerPriorityWhenStarted(&m_thread);
    m_thread.start();
}

ScoringWorker::~ScoringWorker()
{
    m_stopping = true;
    m_cancel = true; // after m_stopping: a pass that cleared m_cancel before it saw m_stopping stops
    // The connection belongs to the worker thread: close it there before the thread ends.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_engine.reset();
            // The window may keep a reader open longer (the customer list's): this connection
            // is then not the last to close, which would have copied the log into the file.
            if (m_db)
                m_db->copyLogIntoFile();
            m_db.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ScoringWorker::requestRun()
{
    QMetaObject::invokeMethod(
        m_context, [this] { work(false); }, Qt::QueuedConnection);
}

void ScoringWorker::requestRebuild()
{
    QMetaObject::invokeMethod(
        m_context, [this] { work(true); }, Qt::QueuedConnection);
}

void ScoringWorker::work(bool rebuild)
{
    m_cancel = false;
    if (m_stopping)
        return;
    m_busy = true;
    emit started(rebuild);
    if (!m_engine) {
        Result<std::unique_ptr<Database>> db = Database::open(m_path);
        if (!db) {
            m_busy = false;
            emit failed(db.error());
            return;
        }
        m_db = std::move(db).value();
        m_engine = std::make_unique<ScoringEngine>(*m_db, m_options);
    }
    const auto report
        = [this](const QString& phase, qint64 done, qint64 total) { emit progress(phase, done, total); };
    const Result<ScoringEngine::Summary> result
        = rebuild ? m_engine->rebuild(report, &m_cancel) : m_engine->run(report, &m_cancel);
    m_busy = false;
    if (!result) {
        emit failed(result.error());
        return;
    }
    Result<QList<SummaryStore::Count>> counts = SummaryStore(*m_db).counts();
    QList<SummaryStore::Count> ordered = counts ? std::move(counts).value() : QList<SummaryStore::Count> {};
    if (const RuleSet* rules = m_engine->rules()) { // bands in the order the rules list them, best first
        auto rank = [rules](const QString& band) {
            for (qsizetype i = 0; i < rules->bands.size(); ++i) {
                if (rules->bands.at(i).name == band)
                    return i;
            }
            return rules->bands.size();
        };
        std::stable_sort(ordered.begin(), ordered.end(),
                         [&](const SummaryStore::Count& a, const SummaryStore::Count& b) {
                             return rank(a.band) < rank(b.band);
                         });
    }
    if (result->allAccountsChanged || !result->changedAccounts.isEmpty())
        emit accountsChanged(result->allAccountsChanged ? QStringList()
                                                        : QStringList(result->changedAccounts.begin(),
                                                                      result->changedAccounts.end()),
                             result->allAccountsChanged);
    if (m_stopping)
        return; // the next pass, wherever the workspace is opened next, refreshes the queue
    // The action queue follows the new statuses, before anyone hears of them.
    const Result<ActionEngine::Summary> actions
        = ActionEngine(*m_db, ActionRules::load(*m_db)).refresh(result->asOf, ActionEngine::scopeOf(*result));
    emit finished(result.value(), ordered);
    if (!actions)
        emit failed(tr("Updating the action queue failed: %1").arg(actions.error()));
}

} // namespace tenure
