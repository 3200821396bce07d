#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>

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
    QString owner;
    QDate snoozedUntil;
    QDateTime createdAt;
    QDateTime updatedAt;
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

    // The queue: open actions (and snoozed ones when asked), highest priority first; the first
    // `limit` of them when limit > 0.
    Result<QList<Action>> queue(const QString& owner = {}, bool withSnoozed = false, int limit = 0) const;
    // How many actions queue() would give without a limit.
    Result<qint64> queueSize(const QString& owner = {}, bool withSnoozed = false) const;
    Result<QList<Action>> forAccount(const QString& accountId, bool liveOnly = true) const;
    std::optional<Action> find(qint64 id) const;
    Result<QList<ActionEvent>> history(qint64 id) const;

    Status markDone(qint64 id, const QString& author, const QString& note = {});
    Status snooze(qint64 id, const QDate& until, const QString& author, const QString& note = {});
    Status reassign(qint64 id, const QString& owner, const QString& author);
    Status addNote(qint64 id, const QString& author, const QString& text);

    Status addAccountNote(const QString& accountId, const QString& author, const QString& text);
    Result<QList<AccountNote>> accountNotes(const QString& accountId, int limit = 20) const;

    // A stored reason (facts as JSON, see ActionEngine) in words of the current language:
    // "No activity for 24 days, Bad in Renewal, 69 days to renewal, ARR ¥1,782,000, score −28 in
    // 30 days". Text that is not such JSON (a note) comes back as it is.
    static QString reasonText(const QString& stored);
    // "Bad band", "Renewal at risk", "Inactive", "Score drop".
    static QString triggerName(const QString& trigger);
    // Who is at the keyboard, for history rows: $USER or $USERNAME.
    static QString currentAuthor();

private:
    // Actions matching `where` (SQL over `actions a`, positional values), highest priority first.
    Result<QList<Action>> select(const QString& where, const QVariantList& values, int limit = 0) const;
    Status change(qint64 id, const QString& sql, const QVariantList& values, const QString& kind,
                  const QString& author, const QString& detail, bool mustBeLive = true);

    Database& m_db;
};

} // namespace tenure
