#include "ingest/ImportWorker.h"

#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QElapsedTimer>

namespace tenure {

ImportWorker::ImportWorker(QString workspacePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(workspacePath))
    , m_context(new QObject)
{
    qRegisterMetaType<tenure::CsvImporter::Report>();
    m_thread.setObjectName(QStringLiteral("import"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ImportWorker::~ImportWorker()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void ImportWorker::start(const QString& file, const CsvImporter::Options& options, const QString& mappingFile)
{
    m_cancel = false;
    m_running = true;
    QMetaObject::invokeMethod(
        m_context, [this, file, options, mappingFile] { work(file, options, mappingFile); },
        Qt::QueuedConnection);
}

void ImportWorker::work(const QString& file, CsvImporter::Options options, const QString& mappingFile)
{
    if (!mappingFile.isEmpty()) {
        Result<ImportMapping> mapping = ImportMapping::load(mappingFile);
        if (!mapping) {
            m_running = false;
            emit failed(mapping.error());
            return;
        }
        options.mapping = std::move(mapping).value();
    }
    Result<std::unique_ptr<Database>> db = Database::open(m_path);
    if (!db) {
        m_running = false;
        emit failed(db.error());
        return;
    }
    CsvImporter importer(**db, WorkspaceSettings(**db).timeZone());
    // At most about ten progress signals a second: the GUI needs no more.
    QElapsedTimer sinceLast;
    sinceLast.start();
    const auto report = importer.run(
        file, options,
        [this, &sinceLast](qint64 done, qint64 total) {
            if (done == total || sinceLast.elapsed() >= 100) {
                sinceLast.restart();
                emit progress(done, total);
            }
        },
        &m_cancel);
    db->reset(); // close on this thread, before anyone reopens the file for the new data
    m_running = false;
    if (report)
        emit finished(report.value());
    else
        emit failed(report.error());
}

} // namespace tenure
