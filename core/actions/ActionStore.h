#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace tenure {

class Database;

// Something a CSM should do about an account, and why.
struct Action
{
    qint64 id = 0;
    QString accountId;
    QString accountName;
    QString trigger; // "bad_band", "renewal_risk", "inactive", "score_drop"
    QString status; // "open", "snoozed", "done"
    double priority = 0; // 0–100, higher first
    QString reason; // in words: "Bad in Renewal, 45 days to renewal, ARR ¥12,000,000, score −25 in 30 days"
    QString facts; // the reason as stored: facts as JSON (see ActionEngine), or words (a note)
    QString owner;
    QDate snoozedUntil;
    QDateTime createdAt;
    QDateTime updatedAt;
    // In a team workspace: the action's version (moved by every change, for the optimistic check
    // that turns two CSMs' simultaneous edits into a message) and who changed it last (the team
    // member's display name). In a workspace file: 0 and empty.
    int version = 0;
    QString updatedBy;
};

struct ActionEvent
{
    QDateTime at;
    QString author;
    QString kind; // created, updated, cleared, done, snoozed, woke, reassigned, note
    QString detail;
};

struct AccountNote
{
    QDateTime at;
    QString author;
    QString text;
};

// The CSMs' user data: actions with their history, and notes on accounts. Every change adds a
// history row; nothing is ever deleted, and rebuilding the summaries never touches these tables.
class ActionStore
{
    Q_DECLARE_TR_FUNCTIONS(ActionStore)

public:
    explicit ActionStore(Database& db);
    // A team workspace's actions, on its connection (see core/team): every change also moves the
    // action's version and records the signed-in login, and is refused with who changed it, and
    // when, if the action moved since it was read.
    ActionStore(QSqlDatabase teamConnection);

    // The queue: open actions (and snoozed ones when asked), highest priority first; the first
    // `limit` of them when limit > 0.
    Result<QList<Action>> queue(const QString& owner = {}, bool withSnoozed = false, int limit = 0) const;
    // How many actions queue() would give without a limit.
    Result<qint64> queueSize(const QString& owner = {}, bool withSnoozed = false) const;
    // The queue by account: every action of the `accountLimit` accounts whose highest priority is
    // highest (all accounts when accountLimit <= 0), highest priority first; and how many accounts
    // the whole queue has.
    Result<QList<Action>> queueByAccount(const QString& owner, bool withSnoozed, int accountLimit) const;
    Result<qint64> queueAccounts(const QString& owner = {}, bool withSnoozed = false) const;
    Result<QList<Action>> forAccount(const QString& accountId, bool liveOnly = true) const;
    std::optional<Action> find(qint64 id) const;
    Result<QList<ActionEvent>> history(qint64 id) const;

    // `expectedVersion`: the version the caller showed (a team desktop); -1 for the current one.
    Status markDone(qint64 id, const QString& author, const QString& note = {}, int expectedVersion = -1);
    Status snooze(qint64 id, const QDate& until, const QString& author, const QString& note = {},
                  int expectedVersion = -1);
    Status reassign(qint64 id, const QString& owner, const QString& author, int expectedVersion = -1);
    Status addNote(qint64 id, const QString& author, const QString& text);

    Status addAccountNote(const QString& accountId, const QString& author, const QString& text);
    Result<QList<AccountNote>> accountNotes(const QString& accountId, int limit = 20) const;

    // A stored reason (facts as JSON, see ActionEngine) in words of the current language:
    // "No activity for 24 days, Bad in Renewal, 69 days to renewal, ARR ¥1,782,000, score −28 in
    // 30 days". Text that is not such JSON (a note) comes back as it is.
    // With a trigger, its own fact comes first: "45 days to renewal, Bad in Renewal, …" for a
    // renewal at risk, "Bad in Renewal, 45 days to renewal, …" for a bad band.
    static QString reasonText(const QString& stored, const QString& trigger = {});
    // One account's reasons in one sentence, each fact once: the stored reasons' facts merged (the
    // later in the list wins a fact both have: pass the newest last), words that are not facts
    // appended once each. "No activity for 24 days, Bad in Renewal, 69 days to renewal, …".
    static QString mergedReasonText(const QStringList& stored);
    // How strong a trigger is among one account's, for the order they are listed in (0 first):
    // renewal at risk, bad band, score drop, inactive.
    static int triggerRank(const QString& trigger);
    // "Bad band", "Renewal at risk", "Inactive", "Score drop".
    static QString triggerName(const QString& trigger);
    // An action's status (open, snoozed, done) and a history entry's kind (created, updated, cleared,
    // done, snoozed, woke, reassigned, note) in words; a keyword this Tenure does not know, as stored.
    static QString statusName(const QString& status);
    static QString eventName(const QString& kind);
    // Who is at the keyboard, for history rows: $USER or $USERNAME.
    static QString currentAuthor();

private:
    static QString factsText(const QJsonObject& facts, const QString& trigger = {});
    // Actions matching `where` (SQL over `actions a`, positional values), highest priority first.
    Result<QList<Action>> select(const QString& where, const QVariantList& values, int limit = 0) const;
    // `count` (an aggregate over `actions a`) of the queue's actions.
    Result<qint64> countQueue(const QString& count, const QString& owner, bool withSnoozed) const;
    Status change(qint64 id, const QString& sql, const QVariantList& values, const QString& kind,
                  const QString& author, const QString& detail, bool mustBeLive = true,
                  int expectedVersion = -1);
    Status begin();
    Status commit();
    void rollback();

    Database* m_db = nullptr; // a workspace file; null for a team workspace
    QSqlDatabase m_connection;
};

} // namespace tenure
