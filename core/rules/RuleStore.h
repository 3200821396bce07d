#pragma once

#include "rules/RuleSet.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace tenure {

class Database;

// Rule sets are versioned in the workspace: every save adds a version (with time and author),
// the newest is active, and none is ever overwritten.
class RuleStore
{
    Q_DECLARE_TR_FUNCTIONS(RuleStore)

public:
    struct Version
    {
        int version = 0;
        QString name;
        QDateTime createdAt;
        QString author;
    };
    struct Active
    {
        int version = 0;
        RuleSet rules;
    };

    explicit RuleStore(Database& db);

    // The newest version; a workspace without rules gets the shipped defaults as version 1, in
    // the default locale's language (RuleSetJson::defaults).
    Result<Active> active();
    Result<int> save(const RuleSet& rules, const QString& author);
    // Opens the workspace at `path` and saves there: for the views' worker threads.
    static Result<int> saveTo(const QString& path, const RuleSet& rules, const QString& author);
    Result<RuleSet> load(int version) const;
    Result<QList<Version>> versions() const;

private:
    Database& m_db;
};

} // namespace tenure
