#pragma once

#include "demo/DemoGenerator.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace tenure {

// Builds the demo workspace on a worker thread. Progress and the result come back by signals;
// cancel() stops it and leaves the workspace file as it was.
class DemoBuilder : public QObject
{
    Q_OBJECT

public:
    explicit DemoBuilder(QObject* parent = nullptr);
    ~DemoBuilder() override;

    void start(const QString& path, const DemoGenerator::Options& options = {});
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_thread && m_thread->isRunning(); }

signals:
    void progress(int done, int total);
    void finished(const QString& path);
    void failed(const QString& message);

private:
    QThread* m_thread = nullptr;
    std::atomic_bool m_cancel = false;
};

} // namespace tenure
