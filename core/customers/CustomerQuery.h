#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace tenure {

class Database;

// One line of the customer list: master data joined with the current status, never raw events.
struct CustomerRow
{
    QString id;
    QString name;
    QString owner;
    QString stage; // stage id
    std::optional<double> score;
    QString band;
    std::optional<double> arr;
    QString currency;
    QDate renewalDate;
    QDate lastActive; // the last day with any event; null without activity
    std::optional<double> trend; // score change over the last 30 days; none without both scores
};

// A search over the customer list, run as SQL (filtered, sorted and limited in SQLite, with
// indexes where they help) so that it stays fast at 100,000 accounts. Safe to run on a worker
// thread with the worker's own connection.
struct CustomerQuery
{
    Q_DECLARE_TR_FUNCTIONS(CustomerQuery)

public:
    enum class Column { Name, Owner, Stage, Score, Band, Arr, Renewal, LastActive };

    QString search; // part of the name or the id, case-insensitive (Japanese included)
    QString stage; // stage id; empty: any
    QString band; // empty: any; "-" for accounts without a score
    QString owner; // empty: any
    std::optional<int> renewalWithinDays; // renewal between today and today + N
    Column sortColumn = Column::Score;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    int limit = 1000; // rows returned; `total` still counts every match
    static constexpr int kTrendDays = 30; // CustomerRow::trend: the score now against this many days ago

    struct Page
    {
        QList<CustomerRow> rows;
        qint64 total = 0;
        // From a list held in memory older than the workspace, while a newer one is read
        // (CustomerList); never from run().
        bool outdated = false;
    };

    Result<Page> run(Database& db, const QDate& today) const;
    // Whether the query searches, and for what in each account's folded text (its name and id in
    // lower case, schema 10): the search without the unit separator that joins the two, trimmed;
    // empty for a search of separators alone, which matches nothing.
    bool searching() const { return !search.trimmed().isEmpty(); }
    QString needle() const;
    // Each row's trend (CustomerRow::trend), from the status history.
    static Status addTrends(Database& db, const QDate& today, QList<CustomerRow>& rows);
    // Whether the query leaves out any account (a search, a filter): an empty page then says that
    // nothing matches, not that there is nothing.
    bool narrowed() const
    {
        return !search.trimmed().isEmpty() || !stage.isEmpty() || !band.isEmpty() || !owner.isEmpty()
            || renewalWithinDays.has_value();
    }
};

} // namespace tenure
