#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace tenure {

class Database;

// When Tenure opens an action for a CSM, and how urgent it is. Stored in the workspace (settings
// key "action_rules") so a team shares them; every field has a default.
//
// Priority, 0–100, is a weighted mean of four shares, each 0–1:
//   band      how bad the band is (the worst band 1, the best 0, evenly between)
//   arr       the account's ARR against the largest ARR in the same currency
//   renewal   how close the renewal is (1 today, 0 at renewal_within_days or more, or none)
//   drop      how far the score fell in drop_window_days (1 at 50 points or more)
// priority = 100 × Σ weight × share / Σ weight.
struct ActionRules
{
    Q_DECLARE_TR_FUNCTIONS(ActionRules)

public:
    double bandWeight = 40;
    double arrWeight = 25;
    double renewalWeight = 20;
    double dropWeight = 15;

    bool worstBand = true; // trigger "bad_band": the account is in the worst band
    int renewalWithinDays = 90; // trigger "renewal_risk": renewal this close, band not the best
    int inactiveDays = 14; // trigger "inactive": no event for this many days
    double scoreDropPoints = 20; // trigger "score_drop": the score fell this much...
    int dropWindowDays = 30; // ...within this many days

    static const QString kSettingsKey; // "action_rules"

    QJsonObject toJson() const;
    // Errors name the field: "weights.band: expected a number ≥ 0".
    static Result<ActionRules> fromJson(const QJsonObject& json);
    static ActionRules load(Database& db); // the workspace's, or the defaults
    Status save(Database& db) const;
};

} // namespace tenure
