#pragma once

#include <QStringList>

namespace tenure {

// The shape of the engine's read side: the tables the engine derives from the event log (daily
// aggregates, account status, packed status history, accounts per day, the engine's checkpoint),
// their indexes and the `status_history` view.
//
// The store owns the shape of every table in a workspace file, the read side's included: the
// migrations (Schema) create these tables and SchemaCheck compares a file against them, and
// neither may depend on the engine, which sits above the store. The engine (SummaryStore,
// StatusHistory) fills and reads them, and makes its rebuild's shadow set with the same statements
// and a suffix. So the dependency points one way: engine -> store.
namespace SummarySchema {

// A rebuild fills a shadow set of the tables, named with this suffix, and swaps it in.
inline constexpr auto kShadowSuffix = "_next";

// What a shadow set replaces: everything (a rebuild from the log), or all but the aggregates,
// which do not depend on the rules (a re-score after a rules change).
enum class Scope { Everything, Scores };

// CREATE TABLE statements of the read side's tables, each table named with `suffix`.
QStringList createStatements(const QString& suffix, Scope scope = Scope::Everything);
// The live tables' indexes (IF NOT EXISTS: run again after a shadow set is swapped in).
QStringList indexStatements();
// The `status_history` view, which unpacks `history_months` into one row per account and day.
QStringList viewStatements();
QStringList dropViewStatements();

} // namespace SummarySchema

} // namespace tenure
