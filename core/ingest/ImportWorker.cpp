#include "ingest/ImportWorker.h"

#include "store/WorkspaceSettings.h"

#include <memory>

namespace tenure {

ImportWorker::ImportWorker(QString workspacePath, QObject* parent)
    : WorkspaceJob(std::move(workspacePath), QStringLiteral("import"), Database::Mode::ReadWrite, parent)
{
    qRegisterMetaType<tenure::CsvImporter::Report>();
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
    queue<CsvImporter::Report>(
        [file, prepared](Database& db, const Progress& progress, const std::atomic_bool* cancel) {
            return CsvImporter(db, WorkspaceSettings(db).timeZone()).run(file, *prepared, progress, cancel);
        },
        [this](CsvImporter::Report&& report) { emit finished(report); },
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
