#include "customers/CustomerQuery.h"

#include "engine/StatusHistory.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace tenure {

QString CustomerQuery::needle() const
{
    QString needle = search;
    needle.remove(QChar(0x1f));
    return needle.trimmed();
}

Result<CustomerQuery::Page> CustomerQuery::run(Database& db, const QDate& today) const
{
    QStringList where;
    QVariantList values;
    // Matched in the account's folded text (name and id, lower-case; schema 10): case-insensitive
    // for Latin letters, Japanese as it is, every character of the search itself (% and _
    // included). The unit separator between name and id is no character anyone types; dropped
    // from the search, it keeps a match from spanning the two.
    // The search's condition, and the same through the folded texts' index for a small match
    // (below): one bound value each, so the values bind alike in either.
    const QString inFoldedText = QStringLiteral("instr(a.search_text, lower(?)) > 0");
    const QString throughFoldedIndex
        = QStringLiteral("a.rowid IN (SELECT rowid FROM accounts WHERE instr(search_text, lower(?)) > 0)");
    const QString needle = this->needle();
    if (searching()) {
        // A search of separators alone matches nothing, as it did before schema 10.
        where << (needle.isEmpty() ? QStringLiteral("0") : inFoldedText);
        if (!needle.isEmpty())
            values << needle;
    }
    if (!stage.isEmpty()) {
        where << QStringLiteral("s.stage = ?");
        values << stage;
    }
    if (band == QLatin1String("-")) {
        where << QStringLiteral("s.score IS NULL");
    } else if (!band.isEmpty()) {
        where << QStringLiteral("s.band = ?");
        values << band;
    }
    if (!owner.isEmpty()) {
        where << QStringLiteral("a.owner = ?");
        values << owner;
    }
    if (renewalWithinDays) {
        where << QStringLiteral("a.renewal_date BETWEEN ? AND ?");
        values << today.toString(Qt::ISODate) << today.addDays(*renewalWithinDays).toString(Qt::ISODate);
    }
    // A filter on the status needs a status: an inner join lets SQLite start from its indexes.
    const bool needsStatus = !stage.isEmpty() || (!band.isEmpty() && band != QLatin1String("-"));
    const QString from
        = (needsStatus ? QStringLiteral(" FROM accounts a JOIN account_status s ON s.account_id = a.id")
                       : QStringLiteral(" FROM accounts a LEFT JOIN account_status s ON s.account_id = a.id"))
        + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")));

    Page page;
    // The total first: a count needs no order, so it is cheaper than counting the sorted rows.
    // Without a condition on the status it needs no status either (the left join on the status's
    // key gives one row an account), and its search then reads the index of the folded texts
    // alone.
    const bool countsStatus = needsStatus || band == QLatin1String("-");
    QSqlQuery count(db.connection());
    count.prepare(
        QStringLiteral("SELECT count(*)")
        + (countsStatus ? from
                        : QStringLiteral(" FROM accounts a")
                   + (where.isEmpty() ? QString()
                                      : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))));
    for (const QVariant& value : values)
        count.addBindValue(value);
    if (!count.exec() || !count.next())
        return Error { count.lastError().text() };
    page.total = count.value(0).toLongLong();
    if (page.total == 0)
        return page;

    QString order;
    switch (sortColumn) {
    case Column::Name:
        order = QStringLiteral("a.name");
        break;
    case Column::Owner:
        order = QStringLiteral("a.owner");
        break;
    case Column::Stage:
        order = QStringLiteral("s.stage");
        break;
    case Column::Score:
        order = QStringLiteral("s.score IS NULL, s.score"); // no score last, whichever the direction
        break;
    case Column::Band:
        order = QStringLiteral("s.band");
        break;
    case Column::Arr:
        order = QStringLiteral("a.arr IS NULL, a.arr");
        break;
    case Column::Renewal:
        order = QStringLiteral("a.renewal_date IS NULL, a.renewal_date");
        break;
    case Column::LastActive:
        order = QStringLiteral("s.last_active IS NULL, s.last_active");
        break;
    }
    const QString direction
        = sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList terms = order.split(QStringLiteral(", "));
    terms.last() += direction;
    if (sortColumn != Column::Name)
        terms << QStringLiteral("a.name"); // ties in a stable, readable order

    // Runs one SELECT of the page's columns and appends its rows.
    auto select = [&](const QString& source, const QStringList& conditions, const QStringList& orderBy,
                      int rows) -> Status {
        QSqlQuery query(db.connection());
        query.setForwardOnly(true);
        query.prepare(
            QStringLiteral("SELECT a.id, a.name, a.owner, s.stage, s.score, s.band, a.arr, a.currency, "
                           "a.renewal_date, s.last_active")
            + source
            + (conditions.isEmpty() ? QString()
                                    : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")))
            + QStringLiteral(" ORDER BY ") + orderBy.join(QStringLiteral(", ")) + QStringLiteral(" LIMIT ?"));
        for (const QVariant& value : values)
            query.addBindValue(value);
        query.addBindValue(rows);
        if (!query.exec())
            return Error { query.lastError().text() };
        while (query.next()) {
            CustomerRow row;
            row.id = query.value(0).toString();
            row.name = query.value(1).toString();
            row.owner = query.value(2).toString();
            row.stage = query.value(3).toString();
            if (!query.value(4).isNull())
                row.score = query.value(4).toDouble();
            row.band = query.value(5).toString();
            if (!query.value(6).isNull())
                row.arr = query.value(6).toDouble();
            row.currency = query.value(7).toString();
            row.renewalDate = QDate::fromString(query.value(8).toString(), Qt::ISODate);
            row.lastActive = QDate::fromString(query.value(9).toString(), Qt::ISODate);
            page.rows.append(std::move(row));
        }
        return {};
    };

    // A page of a large match is cheapest taken by walking an index in the sort order and keeping
    // matches until the page is full: about limit × walked / matches index entries are visited,
    // where `walked` is what the walk goes over (the scores of the filtered band, or every
    // account). When the matches are few, taking them from the filters' indexes and sorting them
    // is cheaper. SQLite cannot tell the two apart from its statistics; the count above can: walk
    // when matches² > limit × walked. (CROSS JOIN makes SQLite keep the join order as written.)
    auto worthWalking = [&](const QString& countWalked) {
        QSqlQuery walked(db.connection());
        walked.prepare(countWalked);
        if (countWalked.contains(QLatin1Char('?')))
            walked.addBindValue(band);
        return walked.exec() && walked.next()
            && double(page.total) * double(page.total) > double(limit) * walked.value(0).toDouble();
    };
    const QString inner = QStringLiteral(" FROM accounts a JOIN account_status s ON s.account_id = a.id");
    const QString outer
        = QStringLiteral(" FROM accounts a LEFT JOIN account_status s ON s.account_id = a.id");
    const bool byBand = !band.isEmpty() && band != QLatin1String("-");
    Status selected;
    if (sortColumn == Column::Score && band != QLatin1String("-")
        && worthWalking(
            byBand ? QStringLiteral("SELECT count(*) FROM account_status WHERE band = ?")
                   // Every status but the few without a score: counting a table's rows reads its
                   // pages' headers, not each row, and the unscored are found in the score index.
                   : QStringLiteral("SELECT (SELECT count(*) FROM account_status) - (SELECT count(*) "
                                    "FROM account_status WHERE score IS NULL)"))) {
        // The worst (or best) scores first, from the score index; then, when the page has room,
        // the accounts without a score, by name: the order of "no score last".
        selected
            = select(QStringLiteral(" FROM account_status s CROSS JOIN accounts a ON a.id = s.account_id"),
                     where + QStringList { QStringLiteral("s.score IS NOT NULL") },
                     { QStringLiteral("s.score") + direction, QStringLiteral("a.name") }, limit);
        if (selected && page.rows.size() < limit && band.isEmpty())
            selected = select(outer, where + QStringList { QStringLiteral("s.score IS NULL") },
                              { QStringLiteral("a.name") }, limit - int(page.rows.size()));
    } else if (needsStatus && (sortColumn == Column::Name || sortColumn == Column::Owner)
               && worthWalking(QStringLiteral("SELECT count(*) FROM accounts"))) {
        selected
            = select(QStringLiteral(" FROM accounts a CROSS JOIN account_status s ON s.account_id = a.id"),
                     where, terms, limit);
    } else {
        // Few matches: a search takes them from the index of the folded texts (the rows of the
        // matches only), rather than reading every account's row again.
        QStringList matches = where;
        if (const qsizetype at = matches.indexOf(inFoldedText); at >= 0)
            matches[at] = throughFoldedIndex;
        selected = select(needsStatus ? inner : outer, matches, terms, limit);
    }
    if (!selected)
        return Error { selected.error() };

    if (Status trends = addTrends(db, today, page.rows); !trends)
        return Error { trends.error() };
    return page;
}

Status CustomerQuery::addTrends(Database& db, const QDate& today, QList<CustomerRow>& rows)
{
    // One lookup each in the history's primary key.
    if (rows.isEmpty())
        return {};
    QSqlQuery past(db.connection());
    past.setForwardOnly(true);
    past.prepare(
        QStringLiteral("SELECT account_id, score FROM %1 WHERE score IS NOT NULL AND account_id IN (%2)")
            .arg(StatusHistory::onDay(today.addDays(-kTrendDays)),
                 QStringList(rows.size(), QStringLiteral("?")).join(u',')));
    QHash<QString, qsizetype> rowOf;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        past.addBindValue(rows[i].id);
        rowOf.insert(rows[i].id, i);
    }
    if (!past.exec())
        return Error { past.lastError().text() };
    while (past.next()) {
        CustomerRow& row = rows[rowOf.value(past.value(0).toString())];
        if (row.score)
            row.trend = std::round((*row.score - past.value(1).toDouble()) * 10) / 10;
    }
    return {};
}

} // namespace tenure
