#include "tuning/SuggestWorker.h"

#include "store/Database.h"

#include <QElapsedTimer>

namespace tenure {

SuggestWorker::SuggestWorker(QString workspacePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(workspacePath))
    , m_context(new QObject)
{
    qRegisterMetaType<tenure::Suggestion>();
    m_thread.setObjectName(QStringLiteral("suggest"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

SuggestWorker::~SuggestWorker()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void SuggestWorker::start(const RuleSet& active, const SuggestOptions& options)
{
    m_cancel = false;
    m_running = true;
    QMetaObject::invokeMethod(
        m_context, [this, active, options] { work(active, options); }, Qt::QueuedConnection);
}

void SuggestWorker::work(const RuleSet& active, const SuggestOptions& options)
{
    Result<Suggestion> suggestion = Error {};
    {
        Result<std::unique_ptr<Database>> db = Database::open(m_path, Database::Mode::ReadOnly);
        if (!db) {
            m_running = false;
            emit failed(db.error());
            return;
        }
        QElapsedTimer sinceLast;
        sinceLast.start();
        suggestion = RuleSuggester(**db).run(
            active, options,
            [this, &sinceLast](qint64 done, qint64 total) {
                if (done == total || sinceLast.elapsed() >= 100) {
                    sinceLast.restart();
                    emit progress(done, total);
                }
            },
            &m_cancel);
    } // the connection closes here, on its own thread
    m_running = false;
    if (suggestion)
        emit finished(suggestion.value());
    else
        emit failed(suggestion.error());
}

} // namespace tenure
