#include "customers/CustomerQuery.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

Result<CustomerQuery::Page> CustomerQuery::run(Database& db, const QDate& today) const
{
    QStringList where;
    QVariantList values;
    if (!search.trimmed().isEmpty()) {
        // LIKE is case-insensitive for Latin letters and matches Japanese as it is; the user's
        // % and _ are escaped so they match themselves.
        QString pattern = search.trimmed();
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
        where << QStringLiteral("(a.name LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\')");
        values << pattern << pattern;
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
    QSqlQuery count(db.connection());
    count.prepare(QStringLiteral("SELECT count(*)") + from);
    for (const QVariant& value : values)
        count.addBindValue(value);
    if (!count.exec() || !count.next())
        return Error { count.lastError().text() };
    page.total = count.value(0).toLongLong();

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
    }
    const QString direction
        = sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList terms = order.split(QStringLiteral(", "));
    terms.last() += direction;
    QSqlQuery select(db.connection());
    select.setForwardOnly(true);
    select.prepare(
        QStringLiteral("SELECT a.id, a.name, a.owner, s.stage, s.score, s.band, a.arr, a.currency, "
                       "a.renewal_date")
        + from + QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "))
        + QStringLiteral(", a.name LIMIT ?"));
    for (const QVariant& value : values)
        select.addBindValue(value);
    select.addBindValue(limit);
    if (!select.exec())
        return Error { select.lastError().text() };
    while (select.next()) {
        CustomerRow row;
        row.id = select.value(0).toString();
        row.name = select.value(1).toString();
        row.owner = select.value(2).toString();
        row.stage = select.value(3).toString();
        if (!select.value(4).isNull())
            row.score = select.value(4).toDouble();
        row.band = select.value(5).toString();
        if (!select.value(6).isNull())
            row.arr = select.value(6).toDouble();
        row.currency = select.value(7).toString();
        row.renewalDate = QDate::fromString(select.value(8).toString(), Qt::ISODate);
        page.rows.append(std::move(row));
    }
    return page;
}

} // namespace tenure
