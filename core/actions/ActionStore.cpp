#include "actions/ActionStore.h"

#include "domain/Money.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <optional>

namespace tenure {

namespace {

constexpr auto kColumns
    = "a.id, a.account_id, coalesce(c.name, a.account_id), a.trigger, a.status, a.priority, "
      "a.reason, a.owner, a.snoozed_until, a.created_at, a.updated_at";
// What a team workspace adds: the version, and who changed the action last (a member's name).
constexpr auto kTeamColumns = ", a.version, coalesce(m.display_name, a.updated_by)";
constexpr auto kTeamJoin = " LEFT JOIN team_members m ON m.login = a.updated_by";
constexpr auto kFileColumns = ", 0, ''";

Action actionFrom(const QSqlQuery& query)
{
    Action action;
    action.id = query.value(0).toLongLong();
    action.accountId = query.value(1).toString();
    action.accountName = query.value(2).toString();
    action.trigger = query.value(3).toString();
    action.status = query.value(4).toString();
    action.priority = query.value(5).toDouble();
    action.facts = query.value(6).toString();
    action.reason = ActionStore::reasonText(action.facts, action.trigger);
    action.owner = query.value(7).toString();
    action.snoozedUntil = QDate::fromString(query.value(8).toString(), Qt::ISODate);
    action.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), QTimeZone::utc());
    action.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(10).toLongLong(), QTimeZone::utc());
    action.version = query.value(11).toInt();
    action.updatedBy = query.value(12).toString();
    return action;
}

} // namespace

ActionStore::ActionStore(Database& db)
    : m_db(&db)
    , m_connection(db.connection())
{
}

ActionStore::ActionStore(QSqlDatabase teamConnection)
    : m_connection(std::move(teamConnection))
{
}

QString ActionStore::statusName(const QString& status)
{
    if (status == QLatin1String("open"))
        return tr("open");
    if (status == QLatin1String("snoozed"))
        return tr("snoozed");
    if (status == QLatin1String("done"))
        return tr("done");
    return status;
}

QString ActionStore::eventName(const QString& kind)
{
    struct Words
    {
        const char* source;
        const char* comment; // "snoozed" the act, not the status
    };
    static const std::initializer_list<std::pair<const char*, Words>> kNames {
        { "created", QT_TRANSLATE_NOOP3("ActionStore", "opened", "an action's history") },
        { "updated", QT_TRANSLATE_NOOP3("ActionStore", "updated", "an action's history") },
        { "cleared", QT_TRANSLATE_NOOP3("ActionStore", "cleared", "an action's history") },
        { "done", QT_TRANSLATE_NOOP3("ActionStore", "done", "an action's history") },
        { "snoozed", QT_TRANSLATE_NOOP3("ActionStore", "snoozed", "an action's history") },
        { "woke", QT_TRANSLATE_NOOP3("ActionStore", "woke", "an action's history") },
        { "reassigned", QT_TRANSLATE_NOOP3("ActionStore", "reassigned", "an action's history") },
        { "note", QT_TRANSLATE_NOOP3("ActionStore", "note", "an action's history") },
    };
    for (const auto& [keyword, words] : kNames)
        if (kind == QLatin1String(keyword))
            return tr(words.source, words.comment);
    return kind;
}

QString ActionStore::triggerName(const QString& trigger)
{
    if (trigger == QLatin1String("bad_band"))
        return tr("Bad band");
    if (trigger == QLatin1String("renewal_risk"))
        return tr("Renewal at risk");
    if (trigger == QLatin1String("inactive"))
        return tr("Inactive");
    if (trigger == QLatin1String("score_drop"))
        return tr("Score drop");
    return trigger;
}

int ActionStore::triggerRank(const QString& trigger)
{
    static const QStringList order { QStringLiteral("renewal_risk"), QStringLiteral("bad_band"),
                                     QStringLiteral("score_drop"), QStringLiteral("inactive") };
    const qsizetype rank = order.indexOf(trigger);
    return rank < 0 ? int(order.size()) : int(rank);
}

namespace {

QJsonObject factsOf(const QString& stored)
{
    return stored.startsWith(u'{') ? QJsonDocument::fromJson(stored.toUtf8()).object() : QJsonObject();
}

} // namespace

QString ActionStore::reasonText(const QString& stored, const QString& trigger)
{
    const QJsonObject facts = factsOf(stored);
    if (facts.isEmpty())
        return stored;
    return factsText(facts, trigger);
}

QString ActionStore::mergedReasonText(const QStringList& stored)
{
    QJsonObject merged;
    QStringList others; // reasons that are words, not facts
    for (const QString& reason : stored) {
        const QJsonObject facts = factsOf(reason);
        if (facts.isEmpty()) {
            if (!reason.isEmpty() && !others.contains(reason))
                others << reason;
            continue;
        }
        for (auto fact = facts.begin(); fact != facts.end(); ++fact)
            merged.insert(fact.key(), fact.value());
    }
    QStringList sentence;
    if (!merged.isEmpty())
        sentence << factsText(merged);
    sentence << others;
    return sentence.join(tr(", "));
}

QString ActionStore::factsText(const QJsonObject& facts, const QString& trigger)
{
    QStringList words;
    QString lead; // the trigger's own fact, said first
    if (facts.contains(QStringLiteral("silent_days")))
        words << tr("No activity for %n days", nullptr, facts.value(QStringLiteral("silent_days")).toInt());
    words << tr("%1 in %2")
                 .arg(facts.value(QStringLiteral("band")).toString(),
                      facts.value(QStringLiteral("stage")).toString());
    if (facts.contains(QStringLiteral("renewal_days"))) {
        words << tr("%n days to renewal", nullptr, facts.value(QStringLiteral("renewal_days")).toInt());
        if (trigger == QLatin1String("renewal_risk"))
            lead = words.last();
    }
    // No ARR yet (a trial) says nothing: "ARR ¥0" read as a figure at risk.
    if (facts.value(QStringLiteral("arr")).toDouble() > 0)
        words << tr("ARR %1").arg(formatMoney(facts.value(QStringLiteral("arr")).toDouble(),
                                              facts.value(QStringLiteral("currency")).toString()));
    if (facts.contains(QStringLiteral("drop"))) {
        const double drop = facts.value(QStringLiteral("drop")).toDouble();
        // To a tenth, as the customer page shows a score ("−2.5", not "−3" nor "−2"), without a
        // zero tenth ("−12").
        const QLocale locale;
        QString amount = locale.toString(std::abs(drop), 'f', 1);
        if (amount.endsWith(locale.decimalPoint() + locale.zeroDigit()))
            amount.chop(locale.decimalPoint().size() + locale.zeroDigit().size());
        words << tr("score %1%2 in %3 days")
                     .arg(drop > 0 ? QStringLiteral("−") : QStringLiteral("+"), amount)
                     .arg(facts.value(QStringLiteral("window_days")).toInt());
        if (trigger == QLatin1String("score_drop"))
            lead = words.last();
    }
    if (!lead.isEmpty())
        words.move(words.indexOf(lead), 0);
    return words.join(tr(", "));
}

QString ActionStore::currentAuthor()
{
    for (const char* variable : { "TENURE_USER", "USER", "USERNAME" }) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("csm");
}

Result<QList<Action>> ActionStore::select(const QString& where, const QVariantList& values, int limit) const
{
    QSqlQuery query(m_connection);
    query.prepare(
        QStringLiteral("SELECT %1%2 FROM actions a LEFT JOIN accounts c ON c.id = a.account_id%3 WHERE %4 "
                       "ORDER BY a.priority DESC, a.id%5")
            .arg(QLatin1String(kColumns), QLatin1String(m_db ? kFileColumns : kTeamColumns),
                 QLatin1String(m_db ? "" : kTeamJoin), where,
                 limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString()));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Error { query.lastError().text() };
    QList<Action> actions;
    while (query.next())
        actions.append(actionFrom(query));
    return actions;
}

namespace {
const QString kQueue
    = QStringLiteral("(a.status = 'open' OR (? AND a.status = 'snoozed')) AND (? = '' OR a.owner = ?)");
}

Result<QList<Action>> ActionStore::queue(const QString& owner, bool withSnoozed, int limit) const
{
    return select(kQueue, { withSnoozed, owner.isNull() ? QStringLiteral("") : owner, owner }, limit);
}

Result<QList<Action>> ActionStore::queueByAccount(const QString& owner, bool withSnoozed,
                                                  int accountLimit) const
{
    const QString who = owner.isNull() ? QStringLiteral("") : owner;
    if (accountLimit <= 0)
        return queue(owner, withSnoozed);
    // The accounts in order of their highest priority; ties by account id, as ActionQueueModel does.
    return select(kQueue
                      + QStringLiteral(" AND a.account_id IN (SELECT a.account_id FROM actions a WHERE %1 "
                                       "GROUP BY a.account_id ORDER BY max(a.priority) DESC, a.account_id "
                                       "LIMIT %2)")
                            .arg(kQueue)
                            .arg(accountLimit),
                  { withSnoozed, who, owner, withSnoozed, who, owner });
}

Result<qint64> ActionStore::queueAccounts(const QString& owner, bool withSnoozed) const
{
    return countQueue(QStringLiteral("count(DISTINCT a.account_id)"), owner, withSnoozed);
}

Result<qint64> ActionStore::queueSize(const QString& owner, bool withSnoozed) const
{
    return countQueue(QStringLiteral("count(*)"), owner, withSnoozed);
}

Result<qint64> ActionStore::countQueue(const QString& count, const QString& owner, bool withSnoozed) const
{
    QSqlQuery query(m_connection);
    query.prepare(QStringLiteral("SELECT %1 FROM actions a WHERE ").arg(count) + kQueue);
    query.addBindValue(withSnoozed);
    query.addBindValue(owner.isNull() ? QStringLiteral("") : owner);
    query.addBindValue(owner);
    if (!query.exec() || !query.next())
        return Error { query.lastError().text() };
    return query.value(0).toLongLong();
}

Result<QList<Action>> ActionStore::forAccount(const QString& accountId, bool liveOnly) const
{
    return select(QStringLiteral("a.account_id = ? AND (NOT ? OR a.status <> 'done')"),
                  { accountId, liveOnly });
}

std::optional<Action> ActionStore::find(qint64 id) const
{
    Result<QList<Action>> found = select(QStringLiteral("a.id = ?"), { id });
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->first();
}

Result<QList<ActionEvent>> ActionStore::history(qint64 id) const
{
    QSqlQuery query(m_connection);
    query.prepare(QStringLiteral(
        "SELECT at, author, kind, detail FROM action_history WHERE action_id = ? ORDER BY at, id"));
    query.addBindValue(id);
    if (!query.exec())
        return Error { query.lastError().text() };
    QList<ActionEvent> events;
    while (query.next())
        events.append({ QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), QTimeZone::utc()),
                        query.value(1).toString(), query.value(2).toString(),
                        reasonText(query.value(3).toString()) });
    return events;
}

Status ActionStore::change(qint64 id, const QString& sql, const QVariantList& values, const QString& kind,
                           const QString& author, const QString& detail, bool mustBeLive, int expectedVersion)
{
    const std::optional<Action> action = find(id);
    if (!action)
        return Error { tr("No action %1.").arg(id) };
    if (mustBeLive && action->status == QLatin1String("done") && (m_db || expectedVersion < 0))
        return Error { tr("Action %1 is done already.").arg(id) };
    std::optional<Transaction> fileTransaction;
    if (m_db) {
        fileTransaction.emplace(*m_db);
        if (!fileTransaction->isActive())
            return Error { fileTransaction->startError() };
    } else if (!m_connection.transaction()) {
        return Error { m_connection.lastError().text() };
    }
    auto abandon = qScopeGuard([this] {
        if (!m_db)
            m_connection.rollback();
    });
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!sql.isEmpty()) {
        // In a team workspace the change lands only on the version the CSM saw (the server moves the
        // version and records who changed it: see TeamSchema).
        const int version = expectedVersion >= 0 ? expectedVersion : action->version;
        QString statement = sql;
        if (!m_db)
            statement.replace(QStringLiteral(" WHERE id = ?"),
                              QStringLiteral(" WHERE id = ? AND version = ?"));
        QSqlQuery update(m_connection);
        update.prepare(statement);
        for (const QVariant& value : values)
            update.addBindValue(value);
        update.addBindValue(now);
        update.addBindValue(id);
        if (!m_db)
            update.addBindValue(version);
        if (!update.exec())
            return Error { update.lastError().text() };
        if (!m_db && update.numRowsAffected() == 0) {
            const std::optional<Action> now = find(id);
            const QString who = now && !now->updatedBy.isEmpty() ? now->updatedBy : tr("a colleague");
            const QString when = now
                ? QLocale().toString(now->updatedAt.toLocalTime().time(), QLocale::ShortFormat)
                : QString();
            QString what;
            if (now && now->status == QLatin1String("done"))
                what = tr("Done by %1 at %2.").arg(who, when);
            else if (now && now->status == QLatin1String("snoozed"))
                what = tr("Snoozed by %1 at %2 until %3.")
                           .arg(who, when, QLocale().toString(now->snoozedUntil, QLocale::ShortFormat));
            else
                what = tr("Changed by %1 at %2.").arg(who, when);
            return Error {
                tr("%1 Your change to action %2 was not saved: look at it again.").arg(what).arg(id)
            };
        }
    }
    QSqlQuery history(m_connection);
    history.prepare(QStringLiteral(
        "INSERT INTO action_history (action_id, at, author, kind, detail) VALUES (?, ?, ?, ?, ?)"));
    history.addBindValue(id);
    history.addBindValue(now);
    history.addBindValue(author);
    history.addBindValue(kind);
    history.addBindValue(detail.isNull() ? QStringLiteral("") : detail); // NOT NULL: no note is an empty one
    if (!history.exec())
        return Error { history.lastError().text() };
    if (m_db)
        return fileTransaction->commit();
    if (!m_connection.commit())
        return Error { m_connection.lastError().text() };
    abandon.dismiss();
    return {};
}

Status ActionStore::markDone(qint64 id, const QString& author, const QString& note, int expectedVersion)
{
    return change(
        id, QStringLiteral("UPDATE actions SET status = 'done', suppress = 1, updated_at = ? WHERE id = ?"),
        {}, QStringLiteral("done"), author, note, true, expectedVersion);
}

Status ActionStore::snooze(qint64 id, const QDate& until, const QString& author, const QString& note,
                           int expectedVersion)
{
    if (!until.isValid())
        return Error { tr("Snooze needs a date.") };
    const QString detail = note.isEmpty() ? until.toString(Qt::ISODate)
                                          : until.toString(Qt::ISODate) + QStringLiteral(": ") + note;
    return change(
        id,
        QStringLiteral(
            "UPDATE actions SET status = 'snoozed', snoozed_until = ?, updated_at = ? WHERE id = ?"),
        { until.toString(Qt::ISODate) }, QStringLiteral("snoozed"), author, detail, true, expectedVersion);
}

Status ActionStore::reassign(qint64 id, const QString& owner, const QString& author, int expectedVersion)
{
    if (owner.trimmed().isEmpty())
        return Error { tr("Reassign needs the new owner's name.") };
    return change(id, QStringLiteral("UPDATE actions SET owner = ?, updated_at = ? WHERE id = ?"),
                  { owner.trimmed() }, QStringLiteral("reassigned"), author, owner.trimmed(), true,
                  expectedVersion);
}

Status ActionStore::addNote(qint64 id, const QString& author, const QString& text)
{
    if (text.trimmed().isEmpty())
        return Error { tr("A note needs some text.") };
    return change(id, {}, {}, QStringLiteral("note"), author, text.trimmed(), false);
}

Status ActionStore::addAccountNote(const QString& accountId, const QString& author, const QString& text)
{
    if (text.trimmed().isEmpty())
        return Error { tr("A note needs some text.") };
    QSqlQuery query(m_connection);
    query.prepare(
        QStringLiteral("INSERT INTO account_notes (account_id, at, author, text) "
                       "SELECT id, CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT) FROM accounts "
                       "WHERE id = ?"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(author);
    query.addBindValue(text.trimmed());
    query.addBindValue(accountId);
    if (!query.exec())
        return Error { query.lastError().text() };
    if (query.numRowsAffected() != 1)
        return Error { tr("No account \"%1\" in this workspace.").arg(accountId) };
    return {};
}

Result<QList<AccountNote>> ActionStore::accountNotes(const QString& accountId, int limit) const
{
    // The account's own notes and the notes on its actions, newest first.
    QSqlQuery query(m_connection);
    query.prepare(QStringLiteral(
        "SELECT at, author, text, 'note' FROM account_notes WHERE account_id = ? "
        "UNION ALL SELECT h.at, h.author, h.detail, h.kind FROM action_history h JOIN actions a ON "
        "a.id = h.action_id "
        "WHERE a.account_id = ? AND h.kind IN ('note', 'done', 'snoozed') AND h.detail <> '' "
        "ORDER BY 1 DESC LIMIT ?"));
    query.addBindValue(accountId);
    query.addBindValue(accountId);
    query.addBindValue(limit * 4); // one note per trigger when the queue noted the account's actions together
    if (!query.exec())
        return Error { query.lastError().text() };
    QList<AccountNote> notes;
    while (query.next() && notes.size() < limit) {
        QString text = query.value(2).toString();
        if (query.value(3).toString() == QLatin1String("snoozed")) {
            // "YYYY-MM-DD" or "YYYY-MM-DD: note" (snooze()): a note only when the CSM wrote one.
            const QDate until = QDate::fromString(text.left(10), Qt::ISODate);
            const QString written = text.mid(12).trimmed();
            if (!until.isValid() || written.isEmpty())
                continue;
            text = tr("Snoozed until %1: %2").arg(QLocale().toString(until, QLocale::ShortFormat), written);
        }
        const AccountNote note { QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(),
                                                                QTimeZone::utc()),
                                 query.value(1).toString(), text };
        // The same words by the same author on several of the account's actions at once: one note.
        const auto same = [&note](const AccountNote& other) {
            return other.author == note.author && other.text == note.text
                && std::abs(other.at.msecsTo(note.at)) < 10'000;
        };
        if (std::none_of(notes.cbegin(), notes.cend(), same))
            notes.append(note);
    }
    return notes;
}

} // namespace tenure
