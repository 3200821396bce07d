#include "ingest/connectors/PullWorker.h"

#include "ingest/connectors/ConnectorStore.h"
#include "ingest/connectors/SecretStore.h"
#include "store/Database.h"

#include <QMetaObject>

namespace tenure {

PullWorker::PullWorker(QString workspacePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(workspacePath))
    , m_context(new QObject)
{
    qRegisterMetaType<tenure::PullRunner::Report>();
    m_thread.setObjectName(QStringLiteral("pulls"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

PullWorker::~PullWorker()
{
    cancel();
    QMetaObject::invokeMethod(
        m_context, [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool PullWorker::isDue(const ConnectorConfig& config, const QJsonObject& state, const QDateTime& now)
{
    if (config.intervalMinutes <= 0)
        return false;
    if (state.isEmpty() || !state.value(QStringLiteral("complete")).toBool())
        return true; // never pulled, or interrupted: carry on
    const qint64 lastEnd = qint64(state.value(QStringLiteral("window_end")).toDouble());
    return now.toMSecsSinceEpoch() - lastEnd >= qint64(config.intervalMinutes) * 60 * 1000;
}

void PullWorker::requestPull(const QString& connector)
{
    m_busy = true;
    const int generation = m_generation;
    QMetaObject::invokeMethod(
        m_context,
        [this, connector, generation] {
            if (generation == m_generation)
                work(connector, false);
        },
        Qt::QueuedConnection);
}

void PullWorker::requestDuePulls()
{
    m_busy = true;
    const int generation = m_generation;
    QMetaObject::invokeMethod(
        m_context,
        [this, generation] {
            if (generation == m_generation)
                work({}, true);
        },
        Qt::QueuedConnection);
}

void PullWorker::cancel()
{
    ++m_generation;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            if (m_runner)
                m_runner->cancel();
        },
        Qt::QueuedConnection);
}

bool PullWorker::ensureOpen()
{
    if (m_db)
        return true;
    Result<std::unique_ptr<Database>> db = Database::open(m_path);
    if (!db) {
        emit failed({}, db.error());
        return false;
    }
    m_db = std::move(db).value();
    return true;
}

void PullWorker::work(const QString& connector, bool onlyDue)
{
    m_busy = true;
    const int generation = m_generation;
    if (ensureOpen()) {
        Result<QList<ConnectorStore::Entry>> entries = ConnectorStore(*m_db).all();
        if (!entries) {
            emit failed(connector, entries.error());
        } else {
            bool found = connector.isEmpty();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const ConnectorStore::Entry& entry : *entries) {
                if (generation != m_generation)
                    break; // cancelled
                if (!connector.isEmpty() && entry.config.name != connector)
                    continue;
                found = true;
                if (onlyDue && !isDue(entry.config, entry.state, now))
                    continue;
                const QString name = entry.config.name;
                emit started(name);
                Result<QString> secret = SecretStore::read(name);
                if (!secret && entry.config.auth != ConnectorConfig::Auth::None) {
                    emit failed(name, secret.error());
                    continue;
                }
                PullRunner runner(*m_db, entry.config);
                runner.setSecret(secret ? secret.value() : QString());
                connect(&runner, &PullRunner::progress, this,
                        [this, name](int pages, qint64 inserted) { emit progress(name, pages, inserted); });
                m_runner = &runner;
                const Result<PullRunner::Report> report = runner.runToEnd();
                m_runner = nullptr;
                if (report)
                    emit finished(name, report.value());
                else
                    emit failed(name, report.error());
            }
            if (!found)
                emit failed(connector,
                            ConnectorStore::tr("No connector \"%1\" in this workspace.").arg(connector));
        }
    }
    m_busy = false;
    emit idle();
}

} // namespace tenure
