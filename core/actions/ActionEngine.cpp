#include "actions/ActionEngine.h"

#include "actions/ReasonFacts.h"
#include "engine/StatusHistory.h"
#include "engine/SummaryStore.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "store/WorkspaceSettings.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <optional>

namespace tenure {

namespace {

// An action the triggers call for now, keyed by (account, trigger).
struct Candidate
{
    QString owner;
    double priority = 0;
    QByteArray reason; // the facts as compact JSON, UTF-8 (half the memory of a QString)
};
using Candidates = QHash<QPair<QString, QString>, Candidate>;

// A JSON array of ids, bound as one value: `column IN (SELECT value FROM json_each(?))` in a
// workspace file, `column IN (SELECT json_array_elements_text(?::json))` on the server.
QString idArray(const QStringList& ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

// Every action the triggers call for as of `today`, from the summaries and the accounts: of every
// account, or of the accounts `only` names. On its own so that the accounts and statuses it reads
// are freed before the live actions are read. None at all (nullopt) when the rules have no bands
// to judge by.
Result<std::optional<Candidates>> callFor(Database& db, const RuleSet& rules, const ActionRules& triggers,
                                          const QDate& today, const QStringList* only, qint64* checked)
{
    if (rules.bands.isEmpty())
        return std::optional<Candidates> {};
    const QString best = rules.bands.first().name;
    const QString worst = rules.bands.last().name;
    QHash<QString, double> severity; // 0 for the best band, 1 for the worst
    for (qsizetype i = 0; i < rules.bands.size(); ++i)
        severity.insert(rules.bands[i].name,
                        rules.bands.size() > 1 ? double(i) / double(rules.bands.size() - 1) : 0);

    Result<QList<Account>> accounts = only ? AccountStore(db).some(*only) : AccountStore(db).all();
    if (!accounts)
        return Error { accounts.error() };
    *checked = accounts->size();
    QHash<QString, double> maxArr; // per currency, of every account
    if (only) {
        QSqlQuery largest(db.connection());
        if (!largest.exec(QStringLiteral(
                "SELECT currency, max(arr) FROM accounts WHERE arr IS NOT NULL GROUP BY currency")))
            return Error { largest.lastError().text() };
        while (largest.next())
            maxArr.insert(largest.value(0).toString(), std::max(0.0, largest.value(1).toDouble()));
    } else {
        for (const Account& account : *accounts)
            if (account.arr)
                maxArr[account.currency] = std::max(maxArr.value(account.currency), *account.arr);
    }
    const QString onlyIds = only ? idArray(*only) : QString();
    const QString ofThem
        = only ? QStringLiteral(" AND account_id IN (SELECT value FROM json_each(?))") : QString();

    // Current statuses, and the scores of drop_window_days ago.
    struct Now
    {
        QString stage;
        std::optional<double> score;
        QString band;
        QDate lastActive;
    };
    QHash<QString, Now> now;
    QHash<QString, double> before;
    {
        QSqlQuery query(db.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT account_id, stage, score, band, last_active FROM account_status "
                                     "WHERE 1")
                      + ofThem);
        if (only)
            query.addBindValue(onlyIds);
        if (!query.exec())
            return Error { query.lastError().text() };
        while (query.next())
            now.insert(
                query.value(0).toString(),
                { query.value(1).toString(),
                  query.value(2).isNull() ? std::nullopt : std::optional<double>(query.value(2).toDouble()),
                  query.value(3).toString(), QDate::fromString(query.value(4).toString(), Qt::ISODate) });
        QSqlQuery past(db.connection());
        past.setForwardOnly(true);
        past.prepare(QStringLiteral("SELECT account_id, score FROM %1 WHERE score IS NOT NULL")
                         .arg(StatusHistory::onDay(today.addDays(-triggers.dropWindowDays)))
                     + ofThem);
        if (only)
            past.addBindValue(onlyIds);
        if (!past.exec())
            return Error { past.lastError().text() };
        while (past.next())
            before.insert(past.value(0).toString(), past.value(1).toDouble());
    }

    const double weights
        = triggers.bandWeight + triggers.arrWeight + triggers.renewalWeight + triggers.dropWeight;
    Candidates candidates;
    ReasonFacts::Texts texts;
    for (const Account& account : *accounts) {
        const auto status = now.constFind(account.id);
        if (status == now.constEnd() || !status->score)
            continue; // not scored, or a stage without a score (churned): nothing to act on
        // Days to the renewal; -1 when there is none ahead (none set, or the date has passed).
        const int daysToRenewal = account.renewalDate.isValid() && account.renewalDate >= today
            ? int(today.daysTo(account.renewalDate))
            : -1;
        // How far the score fell in the window, to a tenth, as the customer page shows scores (a fall
        // of 2.5 says so, not 3): the trigger, the priority and the reason all read this figure.
        const double drop = before.contains(account.id)
            ? std::round((before.value(account.id) - *status->score) * 10) / 10
            : 0;
        std::optional<int> silentDays;
        if (status->lastActive.isValid() && status->lastActive <= today)
            silentDays = int(status->lastActive.daysTo(today));

        // The shares, the priority, and the reason in words.
        const double bandShare = severity.value(status->band, 0);
        const double arrShare = account.arr && maxArr.value(account.currency) > 0
            ? std::clamp(*account.arr / maxArr.value(account.currency), 0.0, 1.0)
            : 0;
        const double renewalShare = daysToRenewal >= 0 && daysToRenewal < triggers.renewalWithinDays
            ? 1.0 - double(daysToRenewal) / triggers.renewalWithinDays
            : 0;
        const double dropShare = std::clamp(drop / 50.0, 0.0, 1.0);
        const double priority = 100
            * (triggers.bandWeight * bandShare + triggers.arrWeight * arrShare
               + triggers.renewalWeight * renewalShare + triggers.dropWeight * dropShare)
            / weights;
        // The reason is stored as facts, not words: each reader renders it in its own language
        // (ActionStore::reasonText), so a Japanese and an English CSM read the same queue.
        ReasonFacts facts(texts);
        facts.addText(QLatin1String("band"), status->band);
        facts.addText(QLatin1String("stage"), rules.stageName(status->stage));
        if (daysToRenewal >= 0)
            facts.addInteger(QLatin1String("renewal_days"), qint64(daysToRenewal));
        if (account.arr) {
            facts.addDouble(QLatin1String("arr"), *account.arr);
            facts.addText(QLatin1String("currency"), account.currency);
        }
        if (std::abs(drop) >= 1) {
            facts.addDouble(QLatin1String("drop"), drop);
            facts.addInteger(QLatin1String("window_days"), qint64(triggers.dropWindowDays));
        }

        auto add = [&](const QString& trigger, std::optional<int> silent = std::nullopt) {
            QByteArray reason;
            if (silent) {
                ReasonFacts withSilence = facts;
                withSilence.addInteger(QLatin1String("silent_days"), qint64(*silent));
                reason = withSilence.json();
            } else {
                reason = facts.json();
            }
            candidates.insert({ account.id, trigger },
                              { account.owner, std::round(priority * 10) / 10, std::move(reason) });
        };
        if (triggers.worstBand && status->band == worst && worst != best)
            add(QStringLiteral("bad_band"));
        if (daysToRenewal >= 0 && daysToRenewal <= triggers.renewalWithinDays && status->band != best)
            add(QStringLiteral("renewal_risk")); // the facts say it: "Normal in Renewal, 45 days to renewal"
        if (silentDays && *silentDays >= triggers.inactiveDays)
            add(QStringLiteral("inactive"), *silentDays);
        if (drop >= triggers.scoreDropPoints)
            add(QStringLiteral("score_drop")); // the facts say "score −25 in 30 days"
    }
    return std::optional<Candidates>(std::move(candidates));
}

// What a refresh computes from what it reads, numbered: a Tenure whose triggers, priorities or
// reasons come out differently has another, and its first refresh looks at every account.
const QString kQueueFormat = QStringLiteral("q1");

const QString kQueueStamp = QStringLiteral("action_queue");
const QString kQueueSource = QStringLiteral("action_queue_source");

// The stamp of the queue in `target` (the workspace file's, or the team's, engine_state).
QString readStamp(QSqlDatabase target)
{
    QSqlQuery query(target);
    query.prepare(QStringLiteral("SELECT value FROM engine_state WHERE key = ?"));
    query.addBindValue(kQueueStamp);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

Status writeStamp(QSqlDatabase target, const QString& stamp)
{
    QSqlQuery query(target);
    query.prepare(
        QStringLiteral("INSERT INTO engine_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                       "SET value = excluded.value"));
    query.addBindValue(kQueueStamp);
    query.addBindValue(stamp);
    if (!query.exec())
        return Error { query.lastError().text() };
    return {};
}

} // namespace

ActionEngine::ActionEngine(Database& db, ActionRules rules)
    : m_db(db)
    , m_rules(std::move(rules))
{
}

ActionEngine::Scope ActionEngine::scopeOf(const ScoringEngine::Summary& pass)
{
    // A rebuild names the accounts whose results it changed when it could compare them
    // (ScoringEngine::Summary): those are all the queue needs to look at again.
    if (pass.allAccountsChanged || pass.changedSince < 0)
        return {};
    return { false,
             pass.changedAccounts,
             pass.changedSince,
             pass.checkpoint,
             pass.changedSinceGeneration,
             pass.generation,
             pass.historyComparedFrom,
             pass.historyDroppedAccounts };
}

QString ActionEngine::stampBase(const QDate& today, int rulesVersion)
{
    // Which working copy read the summaries: another engine's checkpoints are its own (a team's
    // engine taken over, a copy made anew).
    SummaryStore source(m_db);
    QString id = source.state(kQueueSource);
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!source.setState(kQueueSource, id))
            id += QStringLiteral("-unsaved"); // never the same twice: every refresh looks at every account
    }
    const QByteArray triggers = QJsonDocument(m_rules.toJson()).toJson(QJsonDocument::Compact);
    // The accounts: their counts and newest change, and on a team's working copy what it last took
    // of the team's (a copy of every account may keep their count and newest change).
    const QString accounts = AccountStore(m_db).masterDataStamp() + QLatin1Char('/')
        + WorkspaceSettings(m_db).value(WorkspaceSettings::kTeamMasterFingerprint);
    return QStringLiteral("%1|%2|%3|%4|%5|%6")
        .arg(id, today.toString(Qt::ISODate), QString::number(rulesVersion), accounts,
             QString::fromLatin1(QCryptographicHash::hash(triggers, QCryptographicHash::Sha1).toHex()),
             kQueueFormat);
}

Result<ActionEngine::Summary> ActionEngine::refresh(const QDate& today)
{
    return refresh(today, Scope());
}

Result<ActionEngine::Summary> ActionEngine::refreshInto(QSqlDatabase target, const QDate& today, bool team)
{
    return refreshInto(target, today, team, Scope());
}

Result<ActionEngine::Summary> ActionEngine::refresh(const QDate& today, const Scope& scope)
{
    return refreshInto(m_db.connection(), today, false, scope);
}

Result<ActionEngine::Summary> ActionEngine::refreshInto(QSqlDatabase target, const QDate& today, bool team,
                                                        const Scope& scope)
{
    const Result<RuleStore::Active> active = RuleStore(m_db).active();
    if (!active)
        return Error { active.error() };
    // The queue's stamp: what its last refresh read (the summaries up to a checkpoint, the day, the
    // rules, the action rules, the accounts), kept where the actions are, and written with them.
    // Read before the statuses: a stamp never claims more than the refresh saw.
    const QString base = stampBase(today, active->version);
    const qint64 checkpoint = ScoringEngine::checkpoint(m_db);
    const QString generation = ScoringEngine::generation(m_db);
    const QString stored = readStamp(target);
    // Another engine on the same file may have folded events in since the pass (a second window,
    // a backtest), or swapped in a rebuild: their accounts are not the pass's. A rebuild's
    // summaries are a new generation: a stamp of the ones it replaced matches only its own pass,
    // whose changes it compared.
    const bool partial = !scope.everyAccount && checkpoint == scope.upTo && generation == scope.generation
        && !stored.isEmpty()
        && stored
            == base + QLatin1Char('@') + scope.sinceGeneration + QLatin1Char(':')
                + QString::number(scope.since);
    QStringList only;
    if (partial) {
        QSet<QString> accounts = scope.accounts;
        // A rebuild compared the history from its back-fill's first day on; the score a drop is
        // measured from may be of a day before it, which the swap dropped where there was one.
        if (scope.historyFrom.isValid() && today.addDays(-m_rules.dropWindowDays) < scope.historyFrom)
            accounts.unite(scope.historyDropped);
        // A snoozed action wakes on its day, whatever its account: a CSM may snooze until a day the
        // workspace's zone has reached before their own.
        QSqlQuery due(target);
        due.prepare(QStringLiteral(
            "SELECT DISTINCT account_id FROM actions WHERE status = 'snoozed' AND snoozed_until <= ?"));
        due.addBindValue(today.toString(Qt::ISODate));
        if (!due.exec())
            return Error { due.lastError().text() };
        while (due.next())
            accounts.insert(due.value(0).toString());
        only = QStringList(accounts.cbegin(), accounts.cend());
    }

    qint64 checked = 0;
    Result<std::optional<Candidates>> found
        = callFor(m_db, active->rules, m_rules, today, partial ? &only : nullptr, &checked);
    if (!found)
        return Error { found.error() };
    if (!found->has_value())
        return Summary {};
    Candidates& candidates = **found;

    // Apply: update or clear the live actions, open the new ones, in one transaction: the file's
    // own, or the team's (where a change of status also moves the action's version and says who
    // made it, so a CSM's simultaneous edit is told apart from the engine's; a refresh of priority
    // and reason alone moves neither, so it never refuses a CSM's change: TeamMigrations, schema 3).
    std::optional<Transaction> local;
    if (team) {
        if (!target.transaction())
            return Error { target.lastError().text() };
    } else {
        local.emplace(m_db);
        if (!local->isActive())
            return Error { local->startError() };
    }
    auto rollback = qScopeGuard([&] {
        if (team)
            target.rollback();
    });
    // The accounts a partial refresh looks at, as a condition on `account_id`.
    const QString ofThem = !partial ? QString()
        : team ? QStringLiteral(" AND account_id IN (SELECT json_array_elements_text(?::json))")
               : QStringLiteral(" AND account_id IN (SELECT value FROM json_each(?))");
    const QString onlyIds = partial ? idArray(only) : QString();
    QSqlQuery live(target);
    live.setForwardOnly(true); // read once: not cached row by row (a large queue has 200,000 live actions)
    live.prepare(
        QStringLiteral("SELECT id, account_id, trigger, status, snoozed_until, priority, reason, %1 FROM "
                       "actions WHERE status <> 'done'")
            .arg(team ? QStringLiteral("version") : QStringLiteral("0"))
        + ofThem);
    if (partial)
        live.addBindValue(onlyIds);
    if (!live.exec())
        return Error { live.lastError().text() };
    // What to do with each live action, decided in one read of them: only the actions that change
    // are kept (a large queue has 200,000 live actions, most of them unchanged), and each one's
    // candidate is taken out of `candidates`, which is left with the actions to open.
    ActionChanges changes;
    QSet<QPair<QString, QString>> firingLive; // triggers that fire for a live action
    while (live.next()) {
        const qint64 id = live.value(0).toLongLong();
        const int version = live.value(7).toInt();
        const auto candidate = candidates.constFind({ live.value(1).toString(), live.value(2).toString() });
        if (candidate == candidates.constEnd()) {
            changes.clears.append({ id, version }); // the trigger no longer fires
            continue;
        }
        ActionChanges::Update update { id, version, candidate->priority, candidate->reason, false, {} };
        const QDate until = QDate::fromString(live.value(4).toString(), Qt::ISODate);
        if (live.value(3).toString() == QLatin1String("snoozed") && until.isValid() && until <= today)
            update.wake = until;
        update.changed = candidate->priority != live.value(5).toDouble()
            || QString::fromUtf8(candidate->reason) != live.value(6).toString();
        firingLive.insert(candidate.key());
        candidates.erase(candidate);
        if (update.changed || update.wake.isValid())
            changes.updates.append(std::move(update)); // unchanged: left as it is, updated_at included
    }
    live.finish(); // read to the end before the writes below
    // A trigger a CSM marked done stays quiet while its condition holds; once it has cleared,
    // the next firing opens a new action.
    // Read through their index by account (schema 11; team schema 10), from the accounts' list:
    // SQLite reads every done action by status when the list is a condition instead.
    QSqlQuery suppressed(target);
    suppressed.setForwardOnly(true);
    const QString theirs = !partial ? QStringLiteral("actions a")
        : team                      ? QStringLiteral(
                                   "json_array_elements_text(?::json) AS j(value) JOIN actions a ON a.account_id = j.value")
               : QStringLiteral("json_each(?) AS j JOIN actions a ON a.account_id = j.value");
    suppressed.prepare(
        QStringLiteral(
            "SELECT DISTINCT a.account_id, a.trigger FROM %1 WHERE a.status = 'done' AND a.suppress = 1")
            .arg(theirs));
    if (partial)
        suppressed.addBindValue(onlyIds);
    if (!suppressed.exec())
        return Error { suppressed.lastError().text() };
    while (suppressed.next()) {
        const QPair<QString, QString> key { suppressed.value(0).toString(), suppressed.value(1).toString() };
        // Still firing: stays quiet. Found live above but done here: a CSM marked it done (and
        // quiet) in between, while its trigger fires; it stays quiet too.
        if (candidates.remove(key) == 0 && !firingLive.contains(key))
            changes.rearms.append(key); // no longer firing: the next firing opens an action
    }
    suppressed.finish();
    for (auto candidate = candidates.cbegin(); candidate != candidates.cend(); ++candidate)
        changes.opens.append({ candidate.key().first, candidate.key().second, candidate->owner,
                               candidate->priority, candidate->reason });

    Result<ActionChanges::Counts> written = changes.write(target, team, QDateTime::currentMSecsSinceEpoch());
    if (!written)
        return Error { written.error() };
    // A change the version check left (a CSM changed the action meanwhile) is looked at again by
    // the next refresh, of every account: a stamp no pass matches.
    const QString stamp = written->skipped > 0
        ? QStringLiteral("none")
        : base + QLatin1Char('@') + generation + QLatin1Char(':') + QString::number(checkpoint);
    if (Status stamped = writeStamp(target, stamp); !stamped)
        return Error { stamped.error() };
    Summary summary { *written, 0, checked, !partial };
    QSqlQuery open(target);
    if (open.exec(QStringLiteral("SELECT count(*) FROM actions WHERE status = 'open'")) && open.next())
        summary.open = open.value(0).toInt();
    open.finish();
    if (team) {
        if (!target.commit())
            return Error { target.lastError().text() };
        rollback.dismiss();
    } else if (Status committed = local->commit(); !committed) {
        return Error { committed.error() };
    }
    return summary;
}

} // namespace tenure
