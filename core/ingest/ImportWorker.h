#pragma once

#include "ingest/CsvImporter.h"
#include "store/WorkspaceJob.h"

#include <memory>

namespace tenure {

// Where an import goes when it is not the workspace file itself: a team workspace
// (team/TeamImportTarget), whose master data is staged in a file the importer runs on, and whose
// server then takes what the import added. Used on the import job's thread only.
class ImportTarget
{
public:
    virtual ~ImportTarget() = default;
    // Before each run: the workspace the importer writes to.
    virtual Result<Database*> open() = 0;
    // After an import that committed (not a check): send what it added on, and say so in words.
    virtual Result<QString> land() = 0;
    // After each run, whatever became of it.
    virtual void close() = 0;
};

// Runs one CSV import at a time on a thread of its own, with its own connection to the
// workspace; progress and the report come back by signals, so the GUI thread never waits on
// the file or the database. cancel() rolls the import back.
class ImportWorker : public WorkspaceJob
{
    Q_OBJECT

public:
    explicit ImportWorker(QString workspacePath, QObject* parent = nullptr);
    // An import into `target` instead of a workspace file.
    explicit ImportWorker(std::shared_ptr<ImportTarget> target, QObject* parent = nullptr);
    ~ImportWorker() override;

    // `mappingFile`, when given, is read on the worker thread and becomes options.mapping.
    void start(const QString& file, const CsvImporter::Options& options, const QString& mappingFile = {});

signals:
    // `landed`: what a target other than the file took of the import ("" for a file, or a check).
    void finished(const tenure::CsvImporter::Report& report, const QString& landed);
    // The file is read and staged; its rows now go to the target (a team server), whole or not at
    // all. From here until `finished` or `failed`, cancel() changes nothing.
    void landing();

private:
    std::shared_ptr<ImportTarget> m_target;
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::CsvImporter::Report)
