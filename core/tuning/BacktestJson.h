#pragma once

#include "tuning/Backtest.h"

#include <QJsonObject>

namespace tenure {

// A backtest report as JSON (what `tenure-cli backtest --json` prints): the top level has
// `auc`, `per_band`, `per_stage`, `per_criterion`, the "Bad" flag's precision and recall, the ROC
// curve and the score distributions. Rates are fractions (0..1) with 95% Wilson intervals.
// `warnings` holds what the reader must know before trusting the figures (outcomes skipped
// because their accounts have no events and no signup date), as sentences.
class BacktestJson
{
public:
    static QJsonObject toObject(const BacktestReport& report);
};

} // namespace tenure
