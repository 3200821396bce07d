#pragma once

#include "rules/RuleSet.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QPair>

#include <atomic>
#include <optional>

namespace tenure {

class Database;

// What saving a rule set would change, before it is saved: every account evaluated with the
// candidate rules as of today, from the engine's aggregates, against its current status.
class RulePreview
{
    Q_DECLARE_TR_FUNCTIONS(RulePreview)

public:
    struct Change
    {
        QString accountId;
        QString name;
        QString fromStage;
        QString toStage;
        QString fromBand;
        QString toBand;
    };
    struct Summary
    {
        QDate asOf;
        qint64 accounts = 0;
        qint64 stageChanges = 0;
        qint64 bandChanges = 0;
        QMap<QPair<QString, QString>, qint64> bandMoves; // (from, to) -> accounts, changes only
        QList<Change> examples; // the first changes, by account id
    };

    static Result<Summary> run(Database& db, const RuleSet& candidate, std::optional<QDate> today = {},
                               int examples = 50, const std::atomic_bool* cancel = nullptr);
};

} // namespace tenure
