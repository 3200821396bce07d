#include "engine/StatusHistory.h"

#include "engine/DayClock.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>

namespace tenure {

namespace {

constexpr int kMaxDaysInMonth = 31;
using Month = std::array<std::optional<DayStatus>, kMaxDaysInMonth>;

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
        out.append(QByteArray::number(std::abs(whole) / 10)).append('.').append(char('0' + std::abs(whole) % 10));
        return;
    }
    QByteArray text = QByteArray::number(score, 'g', QLocale::FloatingPointShortest);
    if (!text.contains('.') && !text.contains('e'))
        text.append(".0");
    out.append(text);
}

std::optional<DayStatus> entryFrom(const QJsonValue& value)
{
    if (!value.isArray())
        return std::nullopt;
    const QJsonArray entry = value.toArray();
    DayStatus day;
    day.stage = entry.at(0).toString();
    if (entry.at(1).isDouble())
        day.score = entry.at(1).toDouble();
    day.band = entry.at(2).toString();
    return day;
}

} // namespace

QStringList StatusHistory::createStatements(const QString& suffix)
{
    return { QStringLiteral(R"(CREATE TABLE history_months%1 (
            account_id TEXT NOT NULL,
            month      TEXT NOT NULL,
            days       TEXT NOT NULL,
            PRIMARY KEY (account_id, month)) WITHOUT ROWID)")
                 .arg(suffix) };
}

QStringList StatusHistory::indexStatements()
{
    // One day of every account (the overview's month ends, the score 30 days ago) reads one month.
    return { QStringLiteral("CREATE INDEX IF NOT EXISTS history_months_month ON history_months (month)") };
}

QStringList StatusHistory::viewStatements()
{
    return { QStringLiteral(R"(CREATE VIEW IF NOT EXISTS status_history AS
            SELECT h.account_id AS account_id,
                   h.month || printf('-%02d', d.key + 1) AS day,
                   json_extract(d.value, '$[0]') AS stage,
                   json_extract(d.value, '$[1]') AS score,
                   json_extract(d.value, '$[2]') AS band
            FROM history_months h, json_each(h.days) d
            WHERE d.type = 'array')") };
}

QStringList StatusHistory::dropViewStatements()
{
    return { QStringLiteral("DROP VIEW IF EXISTS status_history") };
}

QString StatusHistory::onDay(const QDate& day)
{
    const QString entry = QStringLiteral("'$[%1]").arg(day.day() - 1);
    return QStringLiteral("(SELECT account_id, json_extract(days, %1[0]') AS stage, "
                          "json_extract(days, %1[1]') AS score, json_extract(days, %1[2]') AS band "
                          "FROM history_months WHERE month = '%2' AND json_type(days, %1') = 'array')")
        .arg(entry, QString::fromLatin1(monthKey(day)));
}

StatusHistory::StatusHistory(Database& db, QString suffix)
    : m_db(db)
    , m_table(QStringLiteral("history_months") + suffix)
{
}

QByteArray StatusHistory::jsonString(const QString& text)
{
    auto found = m_encoded.constFind(text);
    if (found == m_encoded.constEnd()) {
        QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
        found = m_encoded.insert(text, array.mid(1, array.size() - 2));
    }
    return *found;
}

Result<QJsonArray> StatusHistory::loadMonth(const QString& accountId, const QByteArray& month) const
{
    if (!m_load) {
        Result<SqliteStatement> prepared = SqliteStatement::prepare(
            m_db.handle(),
            QStringLiteral("SELECT days FROM %1 WHERE account_id = ? AND month = ?").arg(m_table).toUtf8().constData());
        if (!prepared)
            return Error { prepared.error() };
        m_load.emplace(std::move(prepared).value());
    }
    sqlite3_stmt* load = m_load->get();
    sqlite3_reset(load);
    const QByteArray id = accountId.toUtf8();
    sqlite3_bind_text(load, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    sqlite3_bind_text(load, 2, month.constData(), int(month.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(load);
    QJsonArray days;
    if (rc == SQLITE_ROW)
        days = QJsonDocument::fromJson(QByteArray(static_cast<const char*>(sqlite3_column_blob(load, 0)),
                                                  sqlite3_column_bytes(load, 0)))
                   .array();
    sqlite3_reset(load);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return days;
}

Status StatusHistory::write(const QString& accountId, int first, const std::vector<DayStatus>& days)
{
    if (!m_save) {
        Result<SqliteStatement> prepared = SqliteStatement::prepare(
            m_db.handle(),
            QStringLiteral("INSERT INTO %1 (account_id, month, days) VALUES (?, ?, ?) "
                           "ON CONFLICT (account_id, month) DO UPDATE SET days = excluded.days")
                .arg(m_table)
                .toUtf8()
                .constData());
        if (!prepared)
            return Error { prepared.error() };
        m_save.emplace(std::move(prepared).value());
    }
    const QByteArray id = accountId.toUtf8();
    QByteArray json;
    std::size_t next = 0;
    while (next < days.size()) {
        const QDate date = DayClock::date(first + int(next));
        const int from = date.day() - 1; // index in the month
        const int count = int(std::min<std::size_t>(days.size() - next, std::size_t(date.daysInMonth() - from)));
        const QByteArray month = monthKey(date);
        Month entries;
        int length = from + count;
        if (from > 0) {
            // The month's earlier days stay as they are.
            Result<QJsonArray> stored = loadMonth(accountId, month);
            if (!stored)
                return Error { stored.error() };
            for (int i = 0; i < from && i < stored->size(); ++i)
                entries[std::size_t(i)] = entryFrom(stored->at(i));
        }
        for (int i = 0; i < count; ++i)
            entries[std::size_t(from + i)] = days[next + std::size_t(i)];
        json.clear();
        json.append('[');
        for (int i = 0; i < length; ++i) {
            if (i)
                json.append(',');
            const std::optional<DayStatus>& entry = entries[std::size_t(i)];
            if (!entry) {
                json.append("null");
                continue;
            }
            json.append('[').append(jsonString(entry->stage)).append(',');
            if (entry->score)
                appendScore(json, *entry->score);
            else
                json.append("null");
            json.append(',').append(jsonString(entry->band)).append(']');
        }
        json.append(']');
        sqlite3_stmt* save = m_save->get();
        sqlite3_reset(save);
        sqlite3_bind_text(save, 1, id.constData(), int(id.size()), SQLITE_STATIC);
        sqlite3_bind_text(save, 2, month.constData(), int(month.size()), SQLITE_STATIC);
        sqlite3_bind_text(save, 3, json.constData(), int(json.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(save);
        sqlite3_reset(save);
        if (rc != SQLITE_DONE)
            return Error { tr("history of %1, %2: %3")
                               .arg(accountId, QString::fromLatin1(month),
                                    QString::fromUtf8(sqlite3_errmsg(m_db.handle()))) };
        next += std::size_t(count);
    }
    return {};
}

Result<QList<AccountStatus>> StatusHistory::read(const QString& accountId) const
{
    Result<SqliteStatement> query = SqliteStatement::prepare(
        m_db.handle(),
        QStringLiteral("SELECT month, days FROM %1 WHERE account_id = ? ORDER BY month").arg(m_table).toUtf8().constData());
    if (!query)
        return Error { query.error() };
    const QByteArray id = accountId.toUtf8();
    sqlite3_bind_text(query->get(), 1, id.constData(), int(id.size()), SQLITE_STATIC);
    QList<AccountStatus> rows;
    int rc;
    while ((rc = sqlite3_step(query->get())) == SQLITE_ROW) {
        const QDate month = QDate::fromString(query->text(0) + QStringLiteral("-01"), Qt::ISODate);
        const QJsonArray days = QJsonDocument::fromJson(
                                    QByteArray(static_cast<const char*>(sqlite3_column_blob(query->get(), 1)),
                                               sqlite3_column_bytes(query->get(), 1)))
                                    .array();
        for (qsizetype i = 0; i < days.size(); ++i) {
            const std::optional<DayStatus> entry = entryFrom(days.at(i));
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
