#pragma once

#include "ingest/CsvImporter.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace tenure {

// Runs one CSV import at a time on a thread of its own, with its own connection to the
// workspace; progress and the report come back by signals, so the GUI thread never waits on
// the file or the database. cancel() rolls the import back.
class ImportWorker : public QObject
{
    Q_OBJECT

public:
    explicit ImportWorker(QString workspacePath, QObject* parent = nullptr);
    ~ImportWorker() override;

    // `mappingFile`, when given, is read on the worker thread and becomes options.mapping.
    void start(const QString& file, const CsvImporter::Options& options, const QString& mappingFile = {});
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }

signals:
    void progress(qint64 done, qint64 total);
    void finished(const tenure::CsvImporter::Report& report);
    void failed(const QString& message);

private:
    void work(const QString& file, CsvImporter::Options options, const QString& mappingFile);

    QString m_path;
    QThread m_thread;
    QObject* m_context; // lives on m_thread
    std::atomic_bool m_cancel = false;
    std::atomic_bool m_running = false;
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::CsvImporter::Report)
