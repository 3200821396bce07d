#pragma once

#include "engine/Evaluator.h"
#include "engine/StatusHistory.h"

#include <vector>

namespace tenure {

// Scores one account on every day of a run of days: what Evaluator::evaluate(..., ScoreOnly)
// gives day by day, bit for bit, many times faster. Each measure the rules use is computed for
// the whole run in one pass over the activity (sliding windows instead of a search per day), and
// the stage conditions and criteria are then applied to plain numbers. Account fields do not
// change from day to day, so their comparisons are made once.
//
// Used for history back-fills, where a year of 100k accounts is 36M evaluations.
class DayScorer
{
public:
    explicit DayScorer(const Evaluator& evaluator);
    ~DayScorer();
    DayScorer(const DayScorer&) = delete;
    DayScorer& operator=(const DayScorer&) = delete;

    // Statuses for the days first..last (out[i] is day first + i).
    void score(const Account& account, const QList<Outcome>& outcomes, const AccountActivity& activity,
               int first, int last, std::vector<DayStatus>& out);

private:
    struct Slot; // one distinct measure and its values over the run
    struct Node; // a stage condition, with leaves pointing at slots

    int slotFor(const Measure& measure);
    int compile(const Condition& condition);
    void fill(Slot& slot, const Account& account, const QList<Outcome>& outcomes,
              const AccountActivity& activity, int first, int last);
    bool holds(int node, int offset) const;
    double share(const Scoring& scoring, const Slot& slot, int offset) const;

    const Evaluator& m_evaluator;
    std::vector<Slot> m_slots;
    std::vector<Node> m_nodes;
    std::vector<int> m_stageWhen; // per stage: its condition's node, or -1 (always)
    std::vector<std::vector<int>> m_criterionSlots; // per stage, per criterion
    std::vector<int> m_scratch;
};

} // namespace tenure
