#pragma once

#include "engine/AccountStatus.h"

#include <QByteArray>

namespace tenure {

struct Stage;

// How a status's breakdown is stored in account_status.breakdown: only what the account measured,
// `[["criterion id", observed, earned], ...]` in the stage's criterion order. What the rules say
// (label, threshold in words, points possible) is not repeated on 100,000 rows: the reader takes it
// from the rule set version the row names (rules_version). Rows written before 0.2 hold whole
// objects ({"id", "label", "observed", "threshold", "earned", "possible"}); they read as they are.
namespace BreakdownCodec {

QByteArray encode(const QList<CriterionResult>& breakdown);
// `stage` is the stage the row's rules version defines under the row's stage id; null when that
// version or stage is gone, and then a criterion's label is its id and its threshold is empty.
QList<CriterionResult> decode(const QByteArray& stored, const Stage* stage);

} // namespace BreakdownCodec

} // namespace tenure
