#pragma once

#include "store/WorkspaceStats.h"

#include <QFutureWatcher>
#include <QObject>

namespace tenure {

// Opens (and if needed migrates) a workspace and counts what it holds, on a worker thread with
// a connection of its own. The GUI thread only hears the result.
class WorkspaceLoader : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceLoader(QObject* parent = nullptr);
    ~WorkspaceLoader() override;

    void load(const QString& path);
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    void loaded(const QString& path, const tenure::WorkspaceStats& stats);
    void failed(const QString& path, const QString& message);

private:
    QFutureWatcher<Result<WorkspaceStats>> m_watcher;
    QString m_path;
};

} // namespace tenure
