#pragma once

#include "tuning/RuleSuggester.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace tenure {

// Runs rule suggestions on a thread of its own, with its own read connection to the workspace;
// progress and the suggestion come back by signals.
class SuggestWorker : public QObject
{
    Q_OBJECT

public:
    explicit SuggestWorker(QString workspacePath, QObject* parent = nullptr);
    ~SuggestWorker() override;

    void start(const tenure::RuleSet& active, const tenure::SuggestOptions& options);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }

signals:
    void progress(qint64 done, qint64 total);
    void finished(const tenure::Suggestion& suggestion);
    void failed(const QString& message);

private:
    void work(const RuleSet& active, const SuggestOptions& options);

    QString m_path;
    QThread m_thread;
    QObject* m_context; // lives on m_thread
    std::atomic_bool m_cancel = false;
    std::atomic_bool m_running = false;
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::Suggestion)
