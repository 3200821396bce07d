#include "tuning/BacktestWorker.h"

#include "store/Database.h"

#include <QElapsedTimer>

namespace tenure {

BacktestWorker::BacktestWorker(QString workspacePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(workspacePath))
    , m_context(new QObject)
{
    qRegisterMetaType<QList<tenure::BacktestReport>>();
    m_thread.setObjectName(QStringLiteral("backtest"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

BacktestWorker::~BacktestWorker()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void BacktestWorker::start(const QList<RuleSet>& ruleSets, const BacktestOptions& options)
{
    m_cancel = false;
    m_running = true;
    QMetaObject::invokeMethod(
        m_context, [this, ruleSets, options] { work(ruleSets, options); }, Qt::QueuedConnection);
}

void BacktestWorker::work(const QList<RuleSet>& ruleSets, const BacktestOptions& options)
{
    Result<QList<BacktestReport>> reports = Error {};
    {
        Result<std::unique_ptr<Database>> db = Database::open(m_path, Database::Mode::ReadOnly);
        if (!db) {
            m_running = false;
            emit failed(db.error());
            return;
        }
        QElapsedTimer sinceLast;
        sinceLast.start();
        reports = Backtest(**db).run(
            ruleSets, options,
            [this, &sinceLast](qint64 done, qint64 total) {
                if (done == total || sinceLast.elapsed() >= 100) {
                    sinceLast.restart();
                    emit progress(done, total);
                }
            },
            &m_cancel);
    } // the connection closes here, on its own thread
    m_running = false;
    if (reports)
        emit finished(reports.value());
    else
        emit failed(reports.error());
}

} // namespace tenure
