#pragma once

#include "store/WorkspaceJob.h"
#include "tuning/RuleSuggester.h"

namespace tenure {

// Runs rule suggestions on a thread of its own, with its own read connection to the workspace;
// progress and the suggestion come back by signals.
class SuggestWorker : public WorkspaceJob
{
    Q_OBJECT

public:
    explicit SuggestWorker(QString workspacePath, QObject* parent = nullptr);
    ~SuggestWorker() override;

    void start(const tenure::RuleSet& active, const tenure::SuggestOptions& options);

signals:
    void finished(const tenure::Suggestion& suggestion);
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::Suggestion)
