#pragma once

// Shared by the engine's two sources, ScoringEngine.cpp (incremental runs) and
// ScoringEngineRebuild.cpp (rebuilds and re-scores); not part of the engine's interface.

#include "engine/AccountScoring.h"
#include "engine/DayScorer.h"
#include "engine/ScoringEngine.h"

#include <QString>

#include <atomic>
#include <memory>

namespace tenure::engine_state {

// Keys of engine_state.
inline const QString kCheckpoint = QStringLiteral("checkpoint"); // the last event folded in
inline const QString kRulesVersion = QStringLiteral("rules_version");
inline const QString kAsOfDay = QStringLiteral("as_of_day");
inline const QString kMasterStamp = QStringLiteral("master_stamp");
inline const QString kTimeZone = QStringLiteral("time_zone"); // the days of the aggregates

inline bool cancelled(const std::atomic_bool* cancel)
{
    return cancel && cancel->load();
}

} // namespace tenure::engine_state

namespace tenure {

struct ScoringEngine::Context : ScoringContext
{
    std::unique_ptr<DayScorer> scorer; // of evaluator's rules, for the engine's thread
};

} // namespace tenure
