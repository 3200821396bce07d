#pragma once

// A team workspace the desktop and queue tests share: a demo portfolio of 40 accounts (90 days up
// to `asOf`), pushed into a new team workspace on the test's cluster, with members, the portfolio
// split between two owners, and scored once by an engine (which opens the action queue).
#include "PgCluster.h"
#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "store/Database.h"
#include "team/TeamEngine.h"
#include "team/TeamMembers.h"
#include "team/TeamPush.h"

#include <QDate>
#include <QList>

#include <memory>

namespace tenure::test {

// The demo's day, and the display names of the CSMs the team tests sign in as.
inline const QDate kAsOf(2026, 11, 30);
inline const QString kMisaki = QStringLiteral("高橋 美咲");
inline const QString kHanako = QStringLiteral("佐藤 花子");

struct DemoMember
{
    QString login, name, role, password;
};

// The team's engine on makeDemoTeam's working copy (in `local`'s folder), as of `today`, elected;
// null if another holds the election.
inline std::unique_ptr<TeamEngine> demoEngine(PgCluster& cluster, const TempWorkspace& local,
                                              const QString& database, const QDate& today)
{
    TeamEngine::Options options;
    options.replicaPath = local.dir() + QStringLiteral("/engine.tenure");
    options.engine.today = today;
    auto engine
        = std::make_unique<TeamEngine>(cluster.location(database), options, PgCluster::superPassword());
    const Result<bool> elected = engine->tryElect();
    return elected.ok() && *elected ? std::move(engine) : nullptr;
}

// Empty when all went well, else what failed. `owners`: the first half of the accounts (by id)
// is owned by the first, the rest by the second; none: the demo's owners stay. The engine's copy
// goes in `local`'s folder.
inline QString makeDemoTeam(PgCluster& cluster, const TempWorkspace& local, const QString& database,
                            const QList<DemoMember>& members, const QStringList& owners, const QDate& asOf,
                            int* openActions = nullptr)
{
    std::unique_ptr<Database> file = local.open();
    DemoGenerator::Options options;
    options.accounts = 40;
    options.days = 90;
    options.today = asOf;
    if (Result<DemoWorkspace::Summary> populated = DemoWorkspace::populate(*file, options); !populated)
        return populated.error();
    Result<std::unique_ptr<TeamDatabase>> team = cluster.createWorkspace(database, "UTC");
    if (!team)
        return team.error();
    if (Result<TeamPush::Report> pushed = TeamPush(*file, **team).run(); !pushed)
        return pushed.error();
    TeamMembers roster(**team);
    for (const DemoMember& member : members)
        if (Status added = roster.add(member.login, member.name, member.role, member.password); !added)
            return added.error();
    if (owners.size() == 2) {
        Result<QSqlQuery> split = (*team)->exec(
            QStringLiteral("UPDATE accounts SET owner = CASE WHEN id <= (SELECT percentile_disc(0.5) WITHIN "
                           "GROUP (ORDER BY id) FROM accounts) THEN ? ELSE ? END"),
            { owners.at(0), owners.at(1) });
        if (!split)
            return split.error();
    }
    std::unique_ptr<TeamEngine> engine = demoEngine(cluster, local, database, asOf);
    if (!engine)
        return QStringLiteral("the engine was not elected");
    Result<TeamEngine::Pass> pass = engine->runPass();
    if (!pass)
        return pass.error();
    if (openActions)
        *openActions = int(pass->actions.open);
    return {};
}

} // namespace tenure::test
