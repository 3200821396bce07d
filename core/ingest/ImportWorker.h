#pragma once

#include "ingest/CsvImporter.h"
#include "store/WorkspaceJob.h"

namespace tenure {

// Runs one CSV import at a time on a thread of its own, with its own connection to the
// workspace; progress and the report come back by signals, so the GUI thread never waits on
// the file or the database. cancel() rolls the import back.
class ImportWorker : public WorkspaceJob
{
    Q_OBJECT

public:
    explicit ImportWorker(QString workspacePath, QObject* parent = nullptr);
    ~ImportWorker() override;

    // `mappingFile`, when given, is read on the worker thread and becomes options.mapping.
    void start(const QString& file, const CsvImporter::Options& options, const QString& mappingFile = {});

signals:
    void finished(const tenure::CsvImporter::Report& report);
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::CsvImporter::Report)
