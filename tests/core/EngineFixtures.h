#pragma once

// What the engine's tests share: a small demo workspace, engine options that make every code
// path run on little data, and a snapshot of the whole read side to compare runs with.

#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "engine/ScoringEngineTuning.h"
#include "rules/RuleSetJson.h"
#include "store/EventLog.h"
#include "store/WorkspaceSettings.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>

namespace tenure::engine_test {

inline const QDate kToday(2026, 6, 15);

inline ScoringEngine::Options at(const QDate& today)
{
    ScoringEngine::Options options;
    options.today = today;
    return options;
}

// Sizes that make every path of the engine run on a small workspace.
inline ScoringEngine::Tuning small()
{
    ScoringEngine::Tuning tuning;
    tuning.batchSize = 997; // odd, so batches split days and accounts
    tuning.accountsPerTransaction = 7;
    tuning.maxAttempts = 2;
    tuning.backoffMs = 1;
    tuning.eventsPerFoldPartition = 900; // rebuilds fold the log in several partitions
    tuning.eventsScannedInParallel = 1; // on two threads, as long logs are
    return tuning;
}

inline void fillDemo(Database& db, int accounts)
{
    QVERIFY(WorkspaceSettings(db).setTimeZone("Asia/Tokyo").ok());
    DemoGenerator::Options options;
    options.accounts = accounts;
    options.today = kToday;
    QVERIFY(DemoWorkspace::populate(db, options).ok());
}

// Every row of the read side, as text, in a stable order (computed_at left out: it is a clock).
inline QStringList snapshot(Database& db)
{
    QStringList rows;
    const char* queries[] = {
        "SELECT account_id, stage, score, band, breakdown, day, rules_version FROM account_status ORDER BY 1",
        "SELECT account_id, day, stage, score, band FROM status_history ORDER BY 1, 2",
        "SELECT account_id, hex(data) FROM agg_activity ORDER BY 1",
        "SELECT day, stage, band, accounts FROM history_days ORDER BY 1, 2, 3",
    };
    for (const char* sql : queries) {
        QSqlQuery query(db.connection());
        if (!query.exec(QString::fromLatin1(sql)))
            qFatal("snapshot query failed");
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < query.record().count(); ++i)
                fields << query.value(i).toString();
            rows << fields.join(QLatin1Char('|'));
        }
        rows << QStringLiteral("--");
    }
    return rows;
}

// The shipped rules, changed the way a team tuning them would: other cut-offs, other windows,
// other weights (variant 0 is the defaults).
inline RuleSet tuned(int variant)
{
    RuleSet rules = RuleSetJson::defaults();
    if (variant == 0)
        return rules;
    rules.bands[0].minScore = 60 + 7 * variant;
    for (Stage& stage : rules.stages) {
        for (HealthCriterion& criterion : stage.criteria) {
            criterion.measure.windowDays = std::max(1, criterion.measure.windowDays + 5 * variant - 12);
            criterion.weight += variant;
        }
    }
    return rules;
}

inline qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

inline QString scalarText(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toString() : QStringLiteral("(failed)");
}

inline Event makeEvent(const QString& id, const QString& account, const QString& name, qint64 ms,
                       const QString& user = {})
{
    Event e;
    e.source = QStringLiteral("test");
    e.externalId = id;
    e.accountId = account;
    e.userId = user;
    e.name = name;
    e.occurredAt = ms;
    return e;
}

} // namespace tenure::engine_test
