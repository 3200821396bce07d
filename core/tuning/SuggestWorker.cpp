#include "tuning/SuggestWorker.h"

namespace tenure {

SuggestWorker::SuggestWorker(QString workspacePath, QObject* parent)
    : WorkspaceJob(std::move(workspacePath), QStringLiteral("suggest"), Database::Mode::ReadOnly, parent)
{
    qRegisterMetaType<tenure::Suggestion>();
}

SuggestWorker::~SuggestWorker()
{
    stopAndWait();
}

void SuggestWorker::start(const RuleSet& active, const SuggestOptions& options)
{
    queue<Suggestion>(
        [active, options](Database& db, const Progress& progress, const std::atomic_bool* cancel) {
            return RuleSuggester(db).run(active, options, progress, cancel);
        },
        [this](Suggestion&& suggestion) { emit finished(suggestion); });
}

} // namespace tenure
