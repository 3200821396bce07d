#include "ingest/ImportWorker.h"

#include "store/WorkspaceSettings.h"

namespace tenure {

ImportWorker::ImportWorker(QString workspacePath, QObject* parent)
    : WorkspaceJob(std::move(workspacePath), QStringLiteral("import"), Database::Mode::ReadWrite, parent)
{
    qRegisterMetaType<tenure::CsvImporter::Report>();
}

void ImportWorker::start(const QString& file, const CsvImporter::Options& options, const QString& mappingFile)
{
    queue<CsvImporter::Report>(
        [file, options = CsvImporter::Options(options),
         mappingFile](Database& db, const Progress& progress,
                      const std::atomic_bool* cancel) mutable -> Result<CsvImporter::Report> {
            if (!mappingFile.isEmpty()) {
                Result<ImportMapping> mapping = ImportMapping::load(mappingFile);
                if (!mapping)
                    return Error { mapping.error() };
                options.mapping = std::move(mapping).value();
            }
            return CsvImporter(db, WorkspaceSettings(db).timeZone()).run(file, options, progress, cancel);
        },
        [this](CsvImporter::Report&& report) { emit finished(report); });
}

} // namespace tenure
