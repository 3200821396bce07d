// The team's log against a real PostgreSQL: append-only for every role and its owner, every event
// naming a source of the workspace, and seqs that only the log hands out, in the order the appends
// commit, which every copy of the log relies on to miss nothing (TeamReplica reads the seqs after
// the last it took).
#include "PgCluster.h"
#include "TeamTestQueries.h"
#include "team/PgCopy.h"
#include "team/TeamDatabase.h"
#include "team/TeamMembers.h"
#include "team/TeamSchema.h"

#include <QTest>

using namespace tenure;
using tenure::test::accepted;
using tenure::test::PgCluster;
using tenure::test::rows;

namespace {

// An event of the source 'api' with the external id `id`, the seq left to the log.
QString append(const QString& id)
{
    return QStringLiteral(
               "INSERT INTO events (source, external_id, account_id, name, occurred_at, received_at) "
               "VALUES ('api', '%1', 'A-1', 'login', 1767225600000, 1)")
        .arg(id);
}

// The same with the seq chosen by the appender.
QString appendAt(qint64 seq, const QString& id)
{
    return QStringLiteral("INSERT INTO events (seq, source, external_id, account_id, name, occurred_at, "
                          "received_at) OVERRIDING SYSTEM VALUE VALUES (%1, 'api', '%2', 'A-1', 'login', "
                          "1767225600000, 1)")
        .arg(seq)
        .arg(id);
}

QStringList inSeqOrder(TeamDatabase& db)
{
    return rows(db, QStringLiteral("SELECT external_id FROM events ORDER BY seq"));
}

} // namespace

class TestTeamLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError)); }

    void theLogIsAppendOnlyForEveryone()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("log"));
        QVERIFY(team.ok());
        TeamDatabase& super = **team;
        QVERIFY(accepted(super, QStringLiteral("INSERT INTO sources VALUES ('api', 'connector', '{}', 0)")));
        QVERIFY(accepted(
            super,
            QStringLiteral(
                "INSERT INTO events (source, external_id, account_id, name, "
                "occurred_at, received_at) VALUES ('api', 'e1', 'A-1', 'login', 1767225600000, 1)")));
        // Even the owner (a superuser here) meets the trigger.
        QString error;
        QVERIFY(!accepted(super, QStringLiteral("UPDATE events SET name = 'x'"), &error));
        QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        QVERIFY(!accepted(super, QStringLiteral("DELETE FROM events"), &error));
        QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        QVERIFY(!accepted(super, QStringLiteral("TRUNCATE events"), &error));
        QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        QCOMPARE(super.scalar(QStringLiteral("SELECT count(*) FROM events"))->toInt(), 1);

        // Privileges refuse it first for every Tenure role, admin included.
        QVERIFY(TeamMembers(super)
                    .add(QStringLiteral("aki"), QStringLiteral("Aki Admin"), QStringLiteral("admin"),
                         QStringLiteral("pw-aki"))
                    .ok());
        Result<std::unique_ptr<TeamDatabase>> admin
            = m_cluster.openAs(QStringLiteral("log"), QStringLiteral("aki"), QStringLiteral("pw-aki"));
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error()));
        for (const char* sql : { "UPDATE events SET name = 'x'", "DELETE FROM events", "TRUNCATE events" }) {
            QVERIFY2(!accepted(**admin, QString::fromLatin1(sql), &error), sql);
            QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        }
        QCOMPARE(super.scalar(QStringLiteral("SELECT count(*) FROM events"))->toInt(), 1);
    }

    // Every event names a source of the workspace, checked once a statement; a source that has
    // events stays. (Not a foreign key: its check per row halved the log's appends.)
    void eventsNameAKnownSource()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("sources"));
        QVERIFY(team.ok());
        TeamDatabase& super = **team;
        QVERIFY(accepted(super,
                         QStringLiteral("INSERT INTO sources VALUES ('api', 'connector', '{}', 0), "
                                        "('spare', 'csv', '{}', 0)")));
        const QString event = QStringLiteral("INSERT INTO events (source, external_id, account_id, name, "
                                             "occurred_at, received_at) VALUES ('%1', '%2', 'A-1', 'login', "
                                             "1767225600000, 1)");
        QVERIFY(accepted(super, event.arg(QStringLiteral("api"), QStringLiteral("e1"))));
        QString error;
        QVERIFY(!accepted(super, event.arg(QStringLiteral("nowhere"), QStringLiteral("e2")), &error));
        QVERIFY2(error.contains(QStringLiteral("\"nowhere\"")), qPrintable(error));
        // One unknown source among known ones refuses the whole statement.
        QVERIFY(!accepted(
            super,
            QStringLiteral("INSERT INTO events (source, external_id, account_id, name, occurred_at, "
                           "received_at) VALUES ('api', 'e3', 'A-1', 'login', 1767225600000, 1), "
                           "('gone', 'e4', 'A-1', 'login', 1767225600000, 1)"),
            &error));
        QCOMPARE(super.scalar(QStringLiteral("SELECT count(*) FROM events"))->toInt(), 1);

        QVERIFY(!accepted(super, QStringLiteral("DELETE FROM sources WHERE name = 'api'"), &error));
        QVERIFY2(error.contains(QStringLiteral("has events")), qPrintable(error));
        QVERIFY(
            !accepted(super, QStringLiteral("UPDATE sources SET name = 'api2' WHERE name = 'api'"), &error));
        QVERIFY2(error.contains(QStringLiteral("has events")), qPrintable(error));
        QVERIFY(
            accepted(super, QStringLiteral("UPDATE sources SET config = '{\"a\": 1}' WHERE name = 'api'")));
        QVERIFY(!accepted(super, QStringLiteral("TRUNCATE sources CASCADE"), &error));
        QVERIFY2(error.contains(QStringLiteral("have events")), qPrintable(error));

        // An append in progress holds the log's lock: removing its source waits for it, then sees
        // its events (a check that did not wait would let both commit, and orphan the events).
        Result<std::unique_ptr<TeamDatabase>> other = m_cluster.open(QStringLiteral("sources"));
        QVERIFY(other.ok());
        QVERIFY((*other)->begin().ok());
        QVERIFY(accepted(**other, event.arg(QStringLiteral("spare"), QStringLiteral("e5"))));
        QVERIFY(accepted(super, QStringLiteral("SET lock_timeout = '300ms'")));
        QVERIFY(!accepted(super, QStringLiteral("DELETE FROM sources WHERE name = 'spare'"), &error));
        QVERIFY2(error.contains(QStringLiteral("lock timeout")), qPrintable(error));
        QVERIFY((*other)->commit().ok());
        QVERIFY(!accepted(super, QStringLiteral("DELETE FROM sources WHERE name = 'spare'"), &error));
        QVERIFY2(error.contains(QStringLiteral("has events")), qPrintable(error));
        QVERIFY(accepted(super, QStringLiteral("RESET lock_timeout")));

        QVERIFY(accepted(super, QStringLiteral("INSERT INTO sources VALUES ('unused', 'csv', '{}', 0)")));
        QVERIFY(accepted(super, QStringLiteral("DELETE FROM sources WHERE name = 'unused'")));
        QCOMPARE(super.scalar(QStringLiteral("SELECT count(*) FROM sources"))->toInt(), 2);
    }

    // An append that chose its seqs (OVERRIDING SYSTEM VALUE, or a COPY that lists seq) could put
    // an event ahead of the ones appended after it, or behind what a copy has already read: either
    // way some copy would never read some events. Refused for every role, the owner included; the
    // sequence is no role's to draw from either.
    void anAppendCannotChooseItsSeqs()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("seqs"));
        QVERIFY(team.ok());
        TeamDatabase& owner = **team;
        QVERIFY(accepted(owner, QStringLiteral("INSERT INTO sources VALUES ('api', 'connector', '{}', 0)")));
        TeamMembers members(owner);
        QVERIFY(members
                    .add(QStringLiteral("seq_puller"), QStringLiteral("Puller"), QStringLiteral("ingest"),
                         QStringLiteral("pw-ingest"))
                    .ok());
        QVERIFY(members
                    .add(QStringLiteral("seq_admin"), QStringLiteral("Seq Admin"), QStringLiteral("admin"),
                         QStringLiteral("pw-aki"))
                    .ok());
        Result<std::unique_ptr<TeamDatabase>> puller = m_cluster.openAs(
            QStringLiteral("seqs"), QStringLiteral("seq_puller"), QStringLiteral("pw-ingest"));
        Result<std::unique_ptr<TeamDatabase>> admin
            = m_cluster.openAs(QStringLiteral("seqs"), QStringLiteral("seq_admin"), QStringLiteral("pw-aki"));
        QVERIFY(puller.ok() && admin.ok());

        QString error;
        // Not even into an empty log, where the sequence has handed out nothing yet: copies read
        // the seqs after 0.
        for (const qint64 seq : { 0, -5 }) {
            QVERIFY(!accepted(**puller, appendAt(seq, QStringLiteral("nothing-before")), &error));
            QVERIFY2(error.contains(QStringLiteral("cannot choose the seq")), qPrintable(error));
        }
        QVERIFY(accepted(**puller, append(QStringLiteral("e1"))));
        QVERIFY(accepted(**admin, append(QStringLiteral("e2"))));
        // Ahead of the log: the events appended after it would come before it.
        for (TeamDatabase* appender : { puller->get(), admin->get(), &owner }) {
            QVERIFY(!accepted(*appender, appendAt(1000, QStringLiteral("ahead")), &error));
            QVERIFY2(error.contains(QStringLiteral("cannot choose the seq")), qPrintable(error));
        }
        // The next seq, not handed out yet: the next append would be refused for it.
        QVERIFY(!accepted(**puller, appendAt(3, QStringLiteral("next")), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot choose the seq")), qPrintable(error));
        QVERIFY(accepted(**puller, append(QStringLiteral("e3"))));
        // A seq that an append rolled back left unused, behind events a copy may have read.
        QVERIFY((*puller)->begin().ok());
        QVERIFY(accepted(**puller, append(QStringLiteral("rolled-back"))));
        (*puller)->rollback();
        const qint64 unused
            = tenure::test::count(owner, QStringLiteral("SELECT last_value FROM events_seq_seq"));
        QCOMPARE(unused, 4);
        QVERIFY(accepted(**puller, append(QStringLiteral("e4"))));
        QVERIFY(!accepted(**admin, appendAt(unused, QStringLiteral("behind")), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot choose the seq")), qPrintable(error));
        // A COPY that lists seq, even the owner's (for whom row-level security does not stand in
        // the way of COPY).
        {
            PgCopy copy(owner.handle());
            QVERIFY(copy.start(QStringLiteral("COPY events (seq, source, external_id, account_id, name, "
                                              "occurred_at, received_at) FROM STDIN"))
                        .ok());
            copy.addInteger(2000);
            for (const char* text : { "api", "copied", "A-1", "login" })
                copy.addText(text);
            copy.addInteger(1767225600000);
            copy.addInteger(1);
            QVERIFY(copy.endRow().ok());
            const Result<qint64> copied = copy.finish();
            QVERIFY(!copied.ok());
            QVERIFY2(copied.error().contains(QStringLiteral("cannot choose the seq")),
                     qPrintable(copied.error()));
        }
        // Nor can a role draw seqs aside, and append with them later.
        for (TeamDatabase* role : { puller->get(), admin->get() }) {
            QVERIFY(!accepted(*role, QStringLiteral("SELECT nextval('events_seq_seq')"), &error));
            QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        }

        // What appenders do is accepted: several rows at once, and rows that ON CONFLICT DO NOTHING
        // skips (each skipped row used a seq up, so the statement's seqs have gaps).
        QVERIFY(accepted(
            **puller,
            QStringLiteral("INSERT INTO events (source, external_id, account_id, name, occurred_at, "
                           "received_at) VALUES ('api', 'e5', 'A-1', 'login', 1767225600000, 1), "
                           "('api', 'e1', 'A-1', 'login', 1767225600000, 1), "
                           "('api', 'e6', 'A-1', 'login', 1767225600000, 1) ON CONFLICT DO NOTHING")));
        QCOMPARE(tenure::test::count(owner,
                                     QStringLiteral("SELECT max(seq) - min(seq) FROM events WHERE "
                                                    "external_id IN ('e5', 'e6')")),
                 2);
        QVERIFY(accepted(**admin, append(QStringLiteral("e7"))));
        // The log's order is the appends', and the sequence is past every seq.
        QCOMPARE(inSeqOrder(owner),
                 QStringList({ QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3"),
                               QStringLiteral("e4"), QStringLiteral("e5"), QStringLiteral("e6"),
                               QStringLiteral("e7") }));
    }

    // A log appended to with chosen seqs before schema 8 refused them: its upgrade moves the
    // sequence past the newest seq, so what is appended next comes after it.
    void anUpgradeMovesTheSequencePastAChosenSeq()
    {
        std::unique_ptr<TeamDatabase> v7 = schema7(QStringLiteral("chosen"));
        QVERIFY(v7);
        QString error;
        QVERIFY(accepted(*v7, append(QStringLiteral("before"))));
        QVERIFY2(accepted(*v7, appendAt(500, QStringLiteral("chosen")), &error), qPrintable(error));
        const Result<int> upgraded = TeamSchema::upgrade(*v7);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error()));
        QCOMPARE(*upgraded, 7);
        QVERIFY(accepted(*v7, append(QStringLiteral("after"))));
        QCOMPARE(
            inSeqOrder(*v7),
            QStringList({ QStringLiteral("before"), QStringLiteral("chosen"), QStringLiteral("after") }));
        QVERIFY(!accepted(*v7, appendAt(1000, QStringLiteral("ahead")), &error));
    }

    // The same when the chosen seq came first, before the sequence handed out any.
    void anUpgradeMovesAnUntouchedSequencePastAChosenSeq()
    {
        std::unique_ptr<TeamDatabase> v7 = schema7(QStringLiteral("untouched"));
        QVERIFY(v7);
        QString error;
        QVERIFY2(accepted(*v7, appendAt(1, QStringLiteral("chosen")), &error), qPrintable(error));
        QVERIFY(TeamSchema::upgrade(*v7).ok());
        QVERIFY2(accepted(*v7, append(QStringLiteral("after")), &error), qPrintable(error));
        QCOMPARE(inSeqOrder(*v7), QStringList({ QStringLiteral("chosen"), QStringLiteral("after") }));
    }

private:
    // A new workspace of schema 7 (before appends were checked for chosen seqs) with the source
    // 'api', signed in as the owner to upgrade it; null when it could not be made.
    std::unique_ptr<TeamDatabase> schema7(const QString& name)
    {
        QString error;
        if (!m_cluster.createDatabase(name, &error))
            return nullptr;
        if (Result<std::unique_ptr<TeamDatabase>> db
            = m_cluster.open(name, TeamDatabase::Purpose::Initialise);
            !db || !TeamSchema::initialise(**db, "UTC", 7))
            return nullptr;
        Result<std::unique_ptr<TeamDatabase>> v7 = m_cluster.open(name, TeamDatabase::Purpose::Upgrade);
        if (!v7
            || !accepted(**v7, QStringLiteral("INSERT INTO sources VALUES ('api', 'connector', '{}', 0)")))
            return nullptr;
        return std::move(v7).value();
    }

    PgCluster m_cluster;
};

QTEST_GUILESS_MAIN(TestTeamLog)
#include "TestTeamLog.moc"
