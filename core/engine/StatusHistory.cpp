#include "engine/StatusHistory.h"

#include "engine/DayClock.h"
#include "engine/DayTally.h"
#include "store/Database.h"
#include "util/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace tenure {

namespace {

QByteArray monthKey(const QDate& date)
{
    return date.toString(QStringLiteral("yyyy-MM")).toLatin1();
}

// Scores have one decimal: written as such they read back as the same double ("70.3" parses to
// the double nearest 70.3, which is what round(703) / 10 is), and always with a decimal point, so
// SQLite reads them as REAL. Anything else is written in the shortest form that reads back exactly.
void appendScore(QByteArray& out, double score)
{
    const double tenths = std::round(score * 10);
    if (tenths / 10 == score && std::abs(tenths) < 1e15) {
        const qint64 whole = qint64(tenths);
        if (whole < 0)
            out.append('-');
        out.append(QByteArray::number(std::abs(whole) / 10))
            .append('.')
            .append(char('0' + std::abs(whole) % 10));
        return;
    }
    QByteArray text = QByteArray::number(score, 'g', QLocale::FloatingPointShortest);
    if (!text.contains('.') && !text.contains('e'))
        text.append(".0");
    out.append(text);
}

// A day's entry of a month row: [code, score], code indexing the row's legend of [stage, band].
std::optional<DayStatus> entryFrom(const QJsonValue& value, const QJsonArray& legend)
{
    if (!value.isArray())
        return std::nullopt;
    const QJsonArray entry = value.toArray();
    const QJsonArray names = legend.at(entry.at(0).toInt(-1)).toArray();
    DayStatus day;
    day.stage = names.at(0).toString();
    if (entry.at(1).isDouble())
        day.score = entry.at(1).toDouble();
    day.band = names.at(1).toString();
    return day;
}

} // namespace

QString StatusHistory::onDay(const QDate& day)
{
    const QString entry = QStringLiteral("'$[%1]").arg(day.day() - 1);
    const QString code = QStringLiteral("json_extract(days, %1[0]')").arg(entry);
    return QStringLiteral(
               "(SELECT account_id, json_extract(legend, '$[' || %1 || '][0]') AS stage, "
               "json_extract(days, %2[1]') AS score, json_extract(legend, '$[' || %1 || '][1]') AS band "
               "FROM history_months WHERE month = '%3' AND json_type(days, %2') = 'array')")
        .arg(code, entry, QString::fromLatin1(monthKey(day)));
}

Status StatusHistory::compareWithShadow(Database& db, const QString& suffix, const QDate& from,
                                        QSet<QString>& changed, QSet<QString>& before)
{
    // Looking each row up in the other table instead took three times as long (2.7 s for 400 days
    // of 100k accounts, against about 0.8 s).
    const QByteArray select = QByteArrayLiteral("SELECT account_id, month, legend, days FROM history_months");
    Result<SqliteStatement> live
        = SqliteStatement::prepare(db.handle(), (select + " ORDER BY account_id, month").constData());
    if (!live)
        return Error { live.error() };
    Result<SqliteStatement> next = SqliteStatement::prepare(
        db.handle(), (select + suffix.toLatin1() + " ORDER BY account_id, month").constData());
    if (!next)
        return Error { next.error() };
    const auto text = [](const SqliteStatement& row, int column) {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(row.get(), column));
        return std::string_view(data ? data : "", std::size_t(sqlite3_column_bytes(row.get(), column)));
    };
    const auto json = [&](const SqliteStatement& row, int column) {
        const std::string_view bytes = text(row, column);
        return QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())))
            .array();
    };
    const auto add = [&](QSet<QString>& into, const SqliteStatement& row) {
        const std::string_view id = text(row, 0);
        into.insert(QString::fromUtf8(id.data(), qsizetype(id.size())));
    };
    // The month of `from` is compared from that day on, the months before it not at all.
    const QByteArray firstMonth = from.isValid() ? monthKey(from) : QByteArray();
    const std::string_view first(firstMonth.constData(), std::size_t(firstMonth.size()));
    const int firstIndex = from.isValid() ? from.day() - 1 : 0;
    const auto counts = [&](const SqliteStatement& row) { return first.empty() || text(row, 1) >= first; };
    // A row's days of the first month, decoded, from firstIndex on (before it with `earlier`).
    const auto entries = [&](const SqliteStatement* row, bool earlier) {
        std::vector<std::optional<DayStatus>> days;
        if (!row)
            return days;
        const QJsonArray legend = json(*row, 2);
        const QJsonArray stored = json(*row, 3);
        for (qsizetype i = earlier ? 0 : firstIndex;
             i < (earlier ? std::min<qsizetype>(firstIndex, stored.size()) : stored.size()); ++i)
            days.push_back(entryFrom(stored.at(i), legend));
        while (!days.empty() && !days.back()) // a shorter row's missing days are none
            days.pop_back();
        return days;
    };
    const auto sameDays
        = [](const std::vector<std::optional<DayStatus>>& a, const std::vector<std::optional<DayStatus>>& b) {
              return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
                  return x.has_value() == y.has_value()
                      && (!x || (x->stage == y->stage && x->band == y->band && x->score == y->score));
              });
          };
    const auto alike = [&](const SqliteStatement* live, const SqliteStatement* next) {
        return live && next && text(*live, 2) == text(*next, 2) && text(*live, 3) == text(*next, 3);
    };
    // Whether rows of one key (either may be missing) differ from `from` on.
    const auto differ = [&](const SqliteStatement* live, const SqliteStatement* next) {
        const SqliteStatement& any = live ? *live : *next;
        if (!counts(any) || alike(live, next))
            return false;
        return text(any, 1) != first || !sameDays(entries(live, false), entries(next, false));
    };
    // Whether a live row holds a day before `from` (a rebuild's shadow has none).
    const auto holdsDaysBefore = [&](const SqliteStatement& row) {
        return !first.empty()
            && (text(row, 1) < first || (text(row, 1) == first && !entries(&row, true).empty()));
    };
    int liveStep = sqlite3_step(live->get());
    int nextStep = sqlite3_step(next->get());
    while (liveStep == SQLITE_ROW || nextStep == SQLITE_ROW) {
        int order = liveStep != SQLITE_ROW ? 1 : nextStep != SQLITE_ROW ? -1 : 0;
        if (order == 0) // the keys in SQLite's own order for them (bytes, as memcmp)
            order = text(*live, 0).compare(text(*next, 0));
        if (order == 0)
            order = text(*live, 1).compare(text(*next, 1));
        const SqliteStatement* liveRow = order <= 0 ? &*live : nullptr;
        const SqliteStatement* nextRow = order >= 0 ? &*next : nullptr;
        if (differ(liveRow, nextRow))
            add(changed, liveRow ? *liveRow : *nextRow);
        if (liveRow && !alike(liveRow, nextRow) && holdsDaysBefore(*liveRow))
            add(before, *liveRow);
        if (liveRow)
            liveStep = sqlite3_step(live->get());
        if (nextRow)
            nextStep = sqlite3_step(next->get());
        if ((liveStep != SQLITE_ROW && liveStep != SQLITE_DONE)
            || (nextStep != SQLITE_ROW && nextStep != SQLITE_DONE))
            break; // an error: said below
    }
    if (liveStep != SQLITE_DONE || nextStep != SQLITE_DONE)
        return Error { QString::fromUtf8(
            sqlite3_errstr(liveStep != SQLITE_DONE && liveStep != SQLITE_ROW ? liveStep : nextStep)) };
    return {};
}

StatusHistory::StatusHistory(Database& db, QString suffix, bool countsByWrites)
    : m_db(db)
    , m_table(QStringLiteral("history_months") + suffix)
    , m_daysTable(QStringLiteral("history_days") + suffix)
    , m_countsByWrites(countsByWrites)
{
}

Status StatusHistory::dropMonthsBefore(int day)
{
    const QDate date = DayClock::date(day);
    const QDate month(date.year(), date.month(), 1);
    for (const auto& [table, key] :
         { std::pair { m_table, QString::fromLatin1(monthKey(month)) },
           std::pair { m_daysTable, QString::fromLatin1(DayClock::isoDay(DayClock::dayNumber(month))) } }) {
        Result<SqliteStatement> drop = SqliteStatement::prepare(
            m_db.handle(),
            QStringLiteral("DELETE FROM %1 WHERE %2 < ?")
                .arg(table, table == m_table ? QStringLiteral("month") : QStringLiteral("day"))
                .toUtf8()
                .constData());
        if (!drop)
            return Error { drop.error() };
        drop->bind(1, key);
        if (sqlite3_step(drop->get()) != SQLITE_DONE)
            return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    }
    return {};
}

Status StatusHistory::addDayCount(int day, const QString& stage, const QString& band, qint64 accounts)
{
    const QString date = QString::fromLatin1(DayClock::isoDay(day));
    const QString stageText = stage.isNull() ? QStringLiteral("") : stage;
    const QString bandText = band.isNull() ? QStringLiteral("") : band;
    const Result<sqlite3_stmt*> count = SqliteStatement::reuse(
        m_count, m_db.handle(),
        QStringLiteral("INSERT INTO %1 (day, stage, band, accounts) VALUES (?, ?, ?, ?) ON CONFLICT "
                       "(day, stage, band) DO UPDATE SET accounts = accounts + excluded.accounts")
            .arg(m_daysTable));
    if (!count)
        return Error { count.error() };
    // Both statements start with the count's key: day, stage, band.
    const auto bindKey = [&](SqliteStatement& statement) {
        statement.bind(1, date);
        statement.bind(2, stageText);
        statement.bind(3, bandText);
    };
    bindKey(*m_count);
    m_count->bind(4, accounts);
    if (sqlite3_step(*count) != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    if (accounts >= 0)
        return {}; // only a count that went down can have reached zero
    const Result<sqlite3_stmt*> dropZero = SqliteStatement::reuse(
        m_dropZero, m_db.handle(),
        QStringLiteral("DELETE FROM %1 WHERE day = ? AND stage = ? AND band = ? AND accounts = 0")
            .arg(m_daysTable));
    if (!dropZero)
        return Error { dropZero.error() };
    bindKey(*m_dropZero);
    if (sqlite3_step(*dropZero) != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return {};
}

Status StatusHistory::addDayCounts(const DayTally& tally)
{
    Status status;
    tally.forEach([&](int day, const QString& stage, const QString& band, qint64 accounts) {
        if (status)
            status = addDayCount(day, stage, band, accounts);
    });
    return status;
}

Result<StatusHistory::StoredMonthRow> StatusHistory::loadMonth(const QString& accountId,
                                                               const QByteArray& month) const
{
    const Result<sqlite3_stmt*> prepared = SqliteStatement::reuse(m_load, m_db.handle(), [this] {
        return QStringLiteral("SELECT days, legend FROM %1 WHERE account_id = ? AND month = ?").arg(m_table);
    });
    if (!prepared)
        return Error { prepared.error() };
    sqlite3_stmt* load = *prepared;
    const QByteArray id = accountId.toUtf8();
    sqlite3_bind_text(load, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    sqlite3_bind_text(load, 2, month.constData(), int(month.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(load);
    StoredMonthRow row;
    auto array = [load](int column) {
        return QJsonDocument::fromJson(QByteArray(static_cast<const char*>(sqlite3_column_blob(load, column)),
                                                  sqlite3_column_bytes(load, column)))
            .array();
    };
    if (rc == SQLITE_ROW) {
        row.days = array(0);
        row.legend = array(1);
    }
    sqlite3_reset(load);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return row;
}

StatusHistory::Encoded StatusHistory::encode(int first, const std::vector<DayStatus>& days)
{
    Encoded encoded;
    std::size_t next = 0;
    while (next < days.size()) {
        const QDate date = DayClock::date(first + int(next));
        EncodedMonth month;
        month.key = monthKey(date);
        month.day = first + int(next);
        month.from = date.day() - 1;
        month.offset = next;
        month.count
            = int(std::min<std::size_t>(days.size() - next, std::size_t(date.daysInMonth() - month.from)));
        Month entries;
        for (int i = 0; i < month.count; ++i)
            entries[std::size_t(month.from + i)] = days[next + std::size_t(i)];
        encodeMonth(entries, month.from + month.count, month);
        encoded.push_back(std::move(month));
        next += std::size_t(month.count);
    }
    return encoded;
}

void StatusHistory::encodeMonth(const Month& entries, int length, EncodedMonth& out)
{
    std::vector<std::pair<QString, QString>> legend; // (stage, band) by code
    QByteArray& json = out.days;
    json.clear();
    json.reserve(length * 10 + 2);
    json.append('[');
    for (int i = 0; i < length; ++i) {
        if (i)
            json.append(',');
        const std::optional<DayStatus>& entry = entries[std::size_t(i)];
        if (!entry) {
            json.append("null");
            continue;
        }
        std::size_t code = 0;
        while (code < legend.size()
               && (legend[code].first != entry->stage || legend[code].second != entry->band))
            ++code;
        if (code == legend.size())
            legend.emplace_back(entry->stage, entry->band);
        json.append('[').append(QByteArray::number(qulonglong(code))).append(',');
        if (entry->score)
            appendScore(json, *entry->score);
        else
            json.append("null");
        json.append(']');
    }
    json.append(']');
    QByteArray& names = out.legend;
    names.clear();
    names.append('[');
    for (std::size_t code = 0; code < legend.size(); ++code) {
        if (code)
            names.append(',');
        names.append('[');
        json::appendString(names, legend[code].first);
        names.append(',');
        json::appendString(names, legend[code].second);
        names.append(']');
    }
    names.append(']');
}

Status StatusHistory::write(const QString& accountId, int first, const std::vector<DayStatus>& days)
{
    return write(accountId, encode(first, days), days);
}

Status StatusHistory::write(const QString& accountId, const Encoded& encoded,
                            const std::vector<DayStatus>& days)
{
    const Result<sqlite3_stmt*> save = SqliteStatement::reuse(m_save, m_db.handle(), [this] {
        return QStringLiteral("INSERT INTO %1 (account_id, month, legend, days) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT (account_id, month) DO UPDATE SET legend = excluded.legend, days "
                              "= excluded.days")
            .arg(m_table);
    });
    if (!save)
        return Error { save.error() };
    const QByteArray id = accountId.toUtf8();
    DayTally net; // with countsByWrites: what this write changes in history_days
    for (const EncodedMonth& given : encoded) {
        const EncodedMonth* month = &given;
        EncodedMonth merged;
        if (m_countsByWrites) { // a rebuild's fresh tables hold nothing to keep
            Result<StoredMonthRow> stored = loadMonth(accountId, given.key);
            if (!stored)
                return Error { stored.error() };
            const int monthStart = given.day - given.from;
            if (m_countsByWrites) {
                // What was stored from the first day given on is replaced (or, past the last, dropped).
                for (int i = given.from; i < stored->days.size(); ++i) {
                    if (const std::optional<DayStatus> entry = entryFrom(stored->days.at(i), stored->legend))
                        net.add(monthStart + i, *entry, -1);
                }
                for (int i = 0; i < given.count; ++i)
                    net.add(given.day + i, days[given.offset + std::size_t(i)], 1);
            }
            // The month's earlier days, if it has any stored, stay as they are.
            if (given.from > 0 && !stored->days.isEmpty()) {
                Month entries;
                for (int i = 0; i < given.from && i < stored->days.size(); ++i)
                    entries[std::size_t(i)] = entryFrom(stored->days.at(i), stored->legend);
                for (int i = 0; i < given.count; ++i)
                    entries[std::size_t(given.from + i)] = days[given.offset + std::size_t(i)];
                merged.key = given.key;
                encodeMonth(entries, given.from + given.count, merged);
                month = &merged;
            }
        }
        sqlite3_reset(*save);
        sqlite3_bind_text(*save, 1, id.constData(), int(id.size()), SQLITE_STATIC);
        sqlite3_bind_text(*save, 2, month->key.constData(), int(month->key.size()), SQLITE_STATIC);
        sqlite3_bind_text(*save, 3, month->legend.constData(), int(month->legend.size()), SQLITE_STATIC);
        sqlite3_bind_text(*save, 4, month->days.constData(), int(month->days.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(*save);
        sqlite3_reset(*save);
        if (rc != SQLITE_DONE)
            return Error { tr("history of %1, %2: %3")
                               .arg(accountId, QString::fromLatin1(month->key),
                                    QString::fromUtf8(sqlite3_errmsg(m_db.handle()))) };
    }
    return addDayCounts(net);
}

Result<QList<AccountStatus>> StatusHistory::read(const QString& accountId) const
{
    Result<SqliteStatement> query = SqliteStatement::prepare(
        m_db.handle(),
        QStringLiteral("SELECT month, days, legend FROM %1 WHERE account_id = ? ORDER BY month")
            .arg(m_table)
            .toUtf8()
            .constData());
    if (!query)
        return Error { query.error() };
    const QByteArray id = accountId.toUtf8();
    sqlite3_bind_text(query->get(), 1, id.constData(), int(id.size()), SQLITE_STATIC);
    QList<AccountStatus> rows;
    int rc;
    while ((rc = sqlite3_step(query->get())) == SQLITE_ROW) {
        const QDate month = QDate::fromString(query->text(0) + QStringLiteral("-01"), Qt::ISODate);
        auto array = [&query](int column) {
            return QJsonDocument::fromJson(
                       QByteArray(static_cast<const char*>(sqlite3_column_blob(query->get(), column)),
                                  sqlite3_column_bytes(query->get(), column)))
                .array();
        };
        const QJsonArray days = array(1);
        const QJsonArray legend = array(2);
        for (qsizetype i = 0; i < days.size(); ++i) {
            const std::optional<DayStatus> entry = entryFrom(days.at(i), legend);
            if (!entry)
                continue;
            AccountStatus status;
            status.accountId = accountId;
            status.day = DayClock::dayNumber(month) + int(i);
            status.stage = entry->stage;
            status.score = entry->score;
            status.band = entry->band;
            rows.append(status);
        }
    }
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return rows;
}

} // namespace tenure
