#include "ingest/ImportWorker.h"

#include "store/WorkspaceSettings.h"

#include <memory>

namespace tenure {

ImportWorker::ImportWorker(QString workspacePath, QObject* parent)
    : WorkspaceJob(std::move(workspacePath), QStringLiteral("import"), Database::Mode::ReadWrite, parent)
{
    qRegisterMetaType<tenure::CsvImporter::Report>();
}

ImportWorker::ImportWorker(std::shared_ptr<ImportTarget> target, QObject* parent)
    : ImportWorker(QString(), parent)
{
    m_target = std::move(target);
    setWorkspace([target = m_target] { return target->open(); }, [target = m_target] { target->close(); });
}

ImportWorker::~ImportWorker()
{
    stopAndWait();
}

void ImportWorker::start(const QString& file, const CsvImporter::Options& options, const QString& mappingFile)
{
    // The mapping is read first, on the job's thread: a mapping that cannot be read leaves the
    // workspace unopened.
    auto prepared = std::make_shared<CsvImporter::Options>(options);
    using Landed = std::pair<CsvImporter::Report, QString>;
    queue<Landed>(
        [this, file, prepared, target = m_target](Database& db, const Progress& progress,
                                                  const std::atomic_bool* cancel) -> Result<Landed> {
            Result<CsvImporter::Report> report
                = CsvImporter(db, WorkspaceSettings(db).timeZone()).run(file, *prepared, progress, cancel);
            if (!report)
                return Error { report.error() };
            if (!target || !report->committed || prepared->dryRun)
                return Landed { std::move(report).value(), QString() };
            // The staged copy holds the import; it counts once the target has taken it. Cancelled
            // before then, nothing reaches the target.
            if (cancel && cancel->load()) {
                report->committed = false;
                report->cancelled = true;
                return Landed { std::move(report).value(), QString() };
            }
            emit landing(); // this object outlives the job: its destructor waits for it
            Result<QString> landed = target->land();
            if (!landed)
                return Error { landed.error() };
            return Landed { std::move(report).value(), std::move(landed).value() };
        },
        [this](Landed&& landed) { emit finished(landed.first, landed.second); },
        [prepared, mappingFile]() -> Status {
            if (mappingFile.isEmpty())
                return {};
            Result<ImportMapping> mapping = ImportMapping::load(mappingFile);
            if (!mapping)
                return Error { mapping.error() };
            prepared->mapping = std::move(mapping).value();
            return {};
        });
}

} // namespace tenure
