#include "TestSupport.h"
#include "engine/ScoringEngine.h"
#include "ingest/CsvImporter.h"
#include "rules/RuleSetJson.h"
#include "store/AccountKeyStore.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "tuning/Backtest.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTest>

using namespace tenure;
using tenure::test::TempWorkspace;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(TENURE_TEST_DATA "/csv/") + QLatin1String(name);
}

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        qFatal("query failed: %s", qPrintable(sql));
    return query.value(0).toLongLong();
}

ImportMapping mappingFrom(const char* json)
{
    Result<ImportMapping> mapping = ImportMapping::fromJson(QJsonDocument::fromJson(json).object());
    if (!mapping)
        qFatal("bad mapping: %s", qPrintable(mapping.error()));
    return mapping.value();
}

} // namespace

class TestCsvImporter : public QObject
{
    Q_OBJECT

    TempWorkspace m_workspace;
    std::unique_ptr<Database> m_db;

    CsvImporter::Report import(const QString& path, CsvImporter::Options options,
                               const QTimeZone& zone = QTimeZone("Asia/Tokyo"))
    {
        CsvImporter importer(*m_db, zone);
        Result<CsvImporter::Report> report = importer.run(path, options);
        if (!report)
            qFatal("import failed: %s", qPrintable(report.error()));
        return report.value();
    }

    static CsvImporter::Options kind(ImportMapping::Kind kind,
                                     CsvImporter::OnError onError = CsvImporter::OnError::Abort)
    {
        CsvImporter::Options options;
        options.kind = kind;
        options.onError = onError;
        return options;
    }

private slots:
    void init()
    {
        m_db.reset();
        QFile::remove(m_workspace.path());
        m_db = m_workspace.open();
    }

    void japaneseAccountsFromCp932()
    {
        const CsvImporter::Report report
            = import(fixture("accounts-ja-cp932.csv"), kind(ImportMapping::Kind::Accounts));
        QCOMPARE(report.encoding, QByteArray("CP932"));
        QVERIFY(report.committed);
        QCOMPARE(report.inserted, 3);
        QCOMPARE(report.mapping.columns.value(QStringLiteral("name")), QStringLiteral("取引先名"));
        AccountStore accounts(*m_db);
        const Account sakura = accounts.find(QStringLiteral("JP-001")).value();
        QCOMPARE(sakura.name, QStringLiteral("株式会社さくら商事"));
        QCOMPARE(sakura.owner, QStringLiteral("山田 太郎"));
        QCOMPARE(sakura.plan, QStringLiteral("エンタープライズ"));
        QCOMPARE(sakura.arr, 12000000.0);
        QCOMPARE(sakura.currency, QStringLiteral("JPY")); // from the yen sign
        QCOMPARE(sakura.seats, 120);
        QCOMPARE(sakura.signupDate, QDate(2024, 4, 1));
        QCOMPARE(sakura.renewalDate, QDate(2027, 3, 31));
        QCOMPARE(sakura.attributes.value(QStringLiteral("業種")).toString(), QStringLiteral("製造業"));
        const Account himawari = accounts.find(QStringLiteral("JP-002")).value();
        QCOMPARE(himawari.arr, 3600000.0);
        QCOMPARE(himawari.signupDate, QDate(2025, 1, 15));
        const Account techno = accounts.find(QStringLiteral("JP-003")).value();
        QCOMPARE(techno.name, QStringLiteral("有限会社①テクノ～ラボ"));
        QCOMPARE(techno.seats, 5); // full-width digit
        QVERIFY(!techno.renewalDate.isValid());

        // Importing the same file again changes nothing; a changed field updates only that account.
        const CsvImporter::Report again
            = import(fixture("accounts-ja-cp932.csv"), kind(ImportMapping::Kind::Accounts));
        QCOMPARE(again.inserted, 0);
        QCOMPARE(again.updated, 0);
        QCOMPARE(again.unchanged, 3);
    }

    void accountsKeepFieldsTheFileLeavesOut()
    {
        import(fixture("accounts-utf8-bom.csv"), kind(ImportMapping::Kind::Accounts));
        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("names.csv"),
                                             "account_id,account_name\nA-1,Acme Corporation\n");
        const CsvImporter::Report report = import(path, kind(ImportMapping::Kind::Accounts));
        QCOMPARE(report.updated, 1);
        const Account acme = AccountStore(*m_db).find(QStringLiteral("A-1")).value();
        QCOMPARE(acme.name, QStringLiteral("Acme Corporation"));
        QCOMPARE(acme.owner, QStringLiteral("Dana"));
        QCOMPARE(acme.arr, 48000.0);
        QCOMPARE(acme.renewalDate, QDate(2026, 12, 31));
    }

    void anArrWithoutACurrencyIsNamedInTheReport()
    {
        // An export in yen without a sign or a currency column: the figures are taken as USD, and
        // the report says so (with the first line), in the check before the import too.
        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("accounts.csv"),
                                             "id,name,arr\nJ-1,さくら,480000\nJ-2,ひまわり,¥960000\n"
                                             "J-3,もみじ,720000\nJ-4,つばき,\n");
        CsvImporter::Options check = kind(ImportMapping::Kind::Accounts);
        check.dryRun = true;
        const CsvImporter::Report dry = import(path, check);
        QCOMPARE(dry.currencyAssumed, 2);
        QCOMPARE(dry.firstCurrencyAssumedLine, 2);
        QVERIFY2(dry.currencyNotice().contains(QStringLiteral("USD")), qPrintable(dry.currencyNotice()));

        const CsvImporter::Report report = import(path, kind(ImportMapping::Kind::Accounts));
        QCOMPARE(report.currencyAssumed, 2);
        AccountStore accounts(*m_db);
        QCOMPARE(accounts.find(QStringLiteral("J-1")).value().currency, QStringLiteral("USD"));
        QCOMPARE(accounts.find(QStringLiteral("J-2")).value().currency, QStringLiteral("JPY"));

        // One value for every row says it, for new accounts (none is taken as USD) and for the
        // accounts imported before, which take it too.
        const ImportMapping yenMapping
            = mappingFrom(R"({"kind": "accounts", "columns": {"id": "id", "name": "name", "arr": "arr"},
                                      "constants": {"currency": "JPY"}})");
        const QString more = test::writeFile(dir, QStringLiteral("more.csv"),
                                             "id,name,arr\nJ-5,かえで,300000\nJ-6,あやめ,\n");
        CsvImporter::Options yen = kind(ImportMapping::Kind::Accounts);
        yen.mapping = yenMapping;
        const CsvImporter::Report fresh = import(more, yen);
        QCOMPARE(fresh.inserted, 2);
        QCOMPARE(fresh.currencyAssumed, 0);
        QVERIFY(fresh.currencyNotice().isEmpty());
        QCOMPARE(accounts.find(QStringLiteral("J-5")).value().currency, QStringLiteral("JPY"));
        import(path, yen);
        QCOMPARE(accounts.find(QStringLiteral("J-1")).value().currency, QStringLiteral("JPY"));
        QCOMPARE(accounts.find(QStringLiteral("J-3")).value().currency, QStringLiteral("JPY"));

        // A currency column with a blank cell: the figure's sign, else counted as taken for USD.
        const QString blanks = test::writeFile(dir, QStringLiteral("blanks.csv"),
                                               "id,name,arr,currency\nK-1,Kite,¥5000,\nK-2,Kestrel,700,\n"
                                               "K-3,Kiwi,800,EUR\n");
        const CsvImporter::Report blank = import(blanks, kind(ImportMapping::Kind::Accounts));
        QCOMPARE(blank.currencyAssumed, 1);
        QCOMPARE(blank.firstCurrencyAssumedLine, 3);
        QCOMPARE(accounts.find(QStringLiteral("K-1")).value().currency, QStringLiteral("JPY"));
        QCOMPARE(accounts.find(QStringLiteral("K-2")).value().currency, QStringLiteral("USD"));
        QCOMPARE(accounts.find(QStringLiteral("K-3")).value().currency, QStringLiteral("EUR"));
    }

    void extraColumnsAreTyped()
    {
        QCOMPARE(RowConverter::typedCell(QStringLiteral("True")), QJsonValue(true));
        QCOMPARE(RowConverter::typedCell(QStringLiteral("no")), QJsonValue(false));
        QCOMPARE(RowConverter::typedCell(QStringLiteral("5004")), QJsonValue(5004.0));
        QCOMPARE(RowConverter::typedCell(QStringLiteral("-2.5")), QJsonValue(-2.5));
        QCOMPARE(RowConverter::typedCell(QStringLiteral("00123")), QJsonValue(QStringLiteral("00123")));
        QCOMPARE(RowConverter::typedCell(QStringLiteral("2026-11-25")),
                 QJsonValue(QStringLiteral("2026-11-25")));
        QCOMPARE(RowConverter::typedCell(QStringLiteral("EMEA")), QJsonValue(QStringLiteral("EMEA")));
        QTemporaryDir dir;
        const QString path
            = test::writeFile(dir, QStringLiteral("flags.csv"),
                              "account_id,account_name,is_trial,nps,region\nA-9,Nine,True,42,EMEA\n");
        import(path, kind(ImportMapping::Kind::Accounts));
        const Account nine = AccountStore(*m_db).find(QStringLiteral("A-9")).value();
        QCOMPARE(nine.attributes.value(QStringLiteral("is_trial")), QJsonValue(true));
        QCOMPARE(nine.attributes.value(QStringLiteral("nps")), QJsonValue(42.0));
        QCOMPARE(nine.attributes.value(QStringLiteral("region")), QJsonValue(QStringLiteral("EMEA")));
    }

    void eventsFromUtf16WithQuantityAndProperties()
    {
        const CsvImporter::Report report
            = import(fixture("events-utf16.csv"), kind(ImportMapping::Kind::Events));
        QCOMPARE(report.encoding, QByteArray("UTF-16LE"));
        QCOMPARE(report.delimiter, QChar(u'\t'));
        QCOMPARE(report.inserted, 3);
        const QList<StoredEvent> events = EventLog(*m_db).readAfter(0, 10).value();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[0].event.externalId, QStringLiteral("e1"));
        QCOMPARE(events[0].event.source, QStringLiteral("events-utf16"));
        QCOMPARE(events[0].event.userId, QStringLiteral("u1"));
        // 09:00 in Tokyo is 00:00 UTC.
        QCOMPARE(events[0].event.occurredAt, test::utcMs(2026, 11, 1, 0, 0));
        QCOMPARE(events[1].event.occurredAt, test::utcMs(2026, 11, 2, 10, 30));
        QCOMPARE(events[1].event.quantity, 3.0);
        QCOMPARE(events[1].event.properties, QByteArray(R"({"platform":"ios"})"));
        QCOMPARE(events[2].event.quantity, 1.0); // an empty count is one event
        QCOMPARE(events[2].event.occurredAt, test::utcMs(2026, 11, 2, 15, 0));
    }

    void badRowsAbortTheWholeImportByDefault()
    {
        const CsvImporter::Report report
            = import(fixture("events-bad.csv"), kind(ImportMapping::Kind::Events));
        QVERIFY(!report.committed);
        QCOMPARE(report.rows, 6);
        QCOMPARE(report.rejected, 3);
        QCOMPARE(report.inserted, 0);
        QCOMPARE(EventLog(*m_db).count(), 0);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM sources")), 0);
        QCOMPARE(report.errors.size(), 3);
        QCOMPARE(report.errors[0].line, 3);
        QCOMPARE(report.errors[0].column, 4);
        QCOMPARE(
            report.errors[0].toString(report.fileName),
            QStringLiteral("events-bad.csv:3: column 4 (timestamp): expected a date or date-time such as "
                           "2026-11-25, 2026-11-25 14:30:00 or 2026-11-25T05:30:00Z, got \"27/11/2026\""));
        QCOMPARE(report.errors[1].line, 4);
        QCOMPARE(report.errors[1].column, 2);
        QVERIFY(report.errors[1].message.contains(QLatin1String("empty")));
        QCOMPARE(report.errors[2].line, 7); // the record before spans lines 5 and 6
        QCOMPARE(report.errors[2].columnName, QStringLiteral("usage_count"));
        QVERIFY(report.errors[2].message.contains(QLatin1String("\"lots\"")));
    }

    void badRowsCanBeSkipped()
    {
        const CsvImporter::Report report = import(
            fixture("events-bad.csv"), kind(ImportMapping::Kind::Events, CsvImporter::OnError::Skip));
        QVERIFY(report.committed);
        QCOMPARE(report.inserted, 3);
        QCOMPARE(report.rejected, 3);
        const QList<StoredEvent> events = EventLog(*m_db).readAfter(0, 10).value();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[1].event.name, QStringLiteral("multi\nline"));
        QCOMPARE(events[1].event.quantity, 2.0);
    }

    void reimportAddsNothing()
    {
        for (int round = 0; round < 2; ++round) {
            const CsvImporter::Report report
                = import(fixture("events-quoted.csv"), kind(ImportMapping::Kind::Events));
            QCOMPARE(report.inserted, round == 0 ? 3 : 0);
            QCOMPARE(report.unchanged, round == 0 ? 0 : 3);
        }
        // Without an id column rows are identified by their content, identical rows kept apart.
        QTemporaryDir dir;
        const QString path = test::writeFile(
            dir, QStringLiteral("noids.csv"),
            "account_id,event,date\nA-1,login,2026-11-01\nA-1,login,2026-11-01\nA-2,login,2026-11-01\n");
        for (int round = 0; round < 2; ++round) {
            const CsvImporter::Report report = import(path, kind(ImportMapping::Kind::Events));
            QCOMPARE(report.inserted, round == 0 ? 3 : 0);
        }
        QCOMPARE(EventLog(*m_db).count(), 6);
    }

    void aRepeatedIdWithDifferentContentIsAnError()
    {
        QTemporaryDir dir;
        const QString path = test::writeFile(
            dir, QStringLiteral("dup.csv"),
            "id,account_id,event,date\nx1,A-1,login,2026-11-01\nx1,A-1,login,2026-11-01\nx1,A-2,"
            "export,2026-11-02\n");
        const CsvImporter::Report report = import(path, kind(ImportMapping::Kind::Events));
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.errors.first().line, 4);
        QVERIFY(report.errors.first().message.contains(QLatin1String("line 2")));
        // With the id column unmapped every row counts.
        CsvImporter::Options options = kind(ImportMapping::Kind::Events);
        options.mapping = mappingFrom(R"({"kind": "events", "columns": {"id": null}})");
        const CsvImporter::Report byContent = import(path, options);
        QCOMPARE(byContent.inserted, 3);
    }

    void usageKeyedBySubscriptionResolvesThroughKeys()
    {
        CsvImporter::Options usage = kind(ImportMapping::Kind::Events, CsvImporter::OnError::Skip);
        usage.mapping = mappingFrom(
            R"({"kind": "events", "account_key": {"column": "subscription_id", "namespace": "subscription"}})");
        // Before the keys are there, the import says what to do first.
        CsvImporter importer(*m_db, QTimeZone::utc());
        const Result<CsvImporter::Report> early = importer.run(fixture("usage-by-subscription.csv"), usage);
        QVERIFY(!early);
        QVERIFY2(early.error().contains(QLatin1String("import keys")), qPrintable(early.error()));

        CsvImporter::Options keys = kind(ImportMapping::Kind::Keys);
        keys.keyNamespace = QStringLiteral("subscription");
        const CsvImporter::Report keyReport = import(fixture("subscriptions.csv"), keys);
        QCOMPARE(keyReport.inserted, 3);
        QCOMPARE(AccountKeyStore(*m_db).count(QStringLiteral("subscription")), 3);

        const CsvImporter::Report report = import(fixture("usage-by-subscription.csv"), usage);
        QCOMPARE(report.inserted, 3);
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.errors.first().line, 5);
        QCOMPARE(report.errors.first().columnName, QStringLiteral("subscription_id"));
        QVERIFY(report.errors.first().message.contains(QLatin1String("\"S-9\"")));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT sum(quantity) FROM events WHERE account_id = 'A-1'")),
                 11);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM events WHERE name = 'dashboards'")), 2);
    }

    void outcomesNeedKnownAccounts()
    {
        import(fixture("accounts-utf8-bom.csv"), kind(ImportMapping::Kind::Accounts));
        const CsvImporter::Report report = import(
            fixture("outcomes.csv"), kind(ImportMapping::Kind::Outcomes, CsvImporter::OnError::Skip));
        QCOMPARE(report.inserted, 2);
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.errors.first().line, 4);
        QVERIFY(report.errors.first().message.contains(QLatin1String("A-404")));
        const QList<Outcome> globex = AccountStore(*m_db).outcomesFor(QStringLiteral("A-2")).value();
        QCOMPARE(globex.size(), 1);
        QCOMPARE(globex.first().kind, Outcome::Kind::Churned); // 解約
        QCOMPARE(globex.first().date, QDate(2026, 3, 14));
        QCOMPARE(globex.first().note, QStringLiteral("price"));
        QCOMPARE(AccountStore(*m_db).outcomesFor(QStringLiteral("A-1")).value().first().amount, 48000.0);
    }

    void dryRunWritesNothing()
    {
        CsvImporter::Options options = kind(ImportMapping::Kind::Events);
        options.dryRun = true;
        const CsvImporter::Report report = import(fixture("events-bad.csv"), options);
        QCOMPARE(report.inserted, 3); // ready
        QCOMPARE(report.rejected, 3);
        QCOMPARE(EventLog(*m_db).count(), 0);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM sources")), 0);
    }

    void cancelRollsEverythingBack()
    {
        QTemporaryDir dir;
        QByteArray rows = "event_id,account_id,event,timestamp\n";
        for (int i = 0; i < 45000; ++i)
            rows += QStringLiteral("e%1,A-%2,login,2026-11-01 10:00\n").arg(i).arg(i % 50).toUtf8();
        const QString path = test::writeFile(dir, QStringLiteral("big.csv"), rows);
        std::atomic_bool cancel = false;
        int calls = 0;
        QStringList pastTheEnd; // progress reports beyond the total, checked after the run
        CsvImporter importer(*m_db, QTimeZone::utc());
        const Result<CsvImporter::Report> report = importer.run(
            path, kind(ImportMapping::Kind::Events),
            [&](qint64 done, qint64 total) {
                if (done > total)
                    pastTheEnd << QStringLiteral("%1 of %2").arg(done).arg(total);
                if (++calls == 2)
                    cancel = true; // after 20,000 rows were written inside the transaction
            },
            &cancel);
        QVERIFY2(pastTheEnd.isEmpty(), qPrintable(pastTheEnd.join(QStringLiteral(", "))));
        QVERIFY(report);
        QVERIFY(report->cancelled);
        QVERIFY(!report->committed);
        QCOMPARE(EventLog(*m_db).count(), 0);
        // And the same import without cancel lands whole.
        const CsvImporter::Report full = import(path, kind(ImportMapping::Kind::Events));
        QCOMPARE(full.inserted, 45000);
    }

    void theMappingBecomesTheSourcesPreset()
    {
        CsvImporter::Options options = kind(ImportMapping::Kind::Events);
        options.source = QStringLiteral("tickets");
        options.mapping = mappingFrom(R"({"kind": "events", "columns": {"timestamp": "time"},
                                          "constants": {"name": "support_ticket"}, "extra_columns": "none"})");
        import(fixture("events-quoted.csv"), options);
        const SourceStore::Source source = SourceStore(*m_db).find(QStringLiteral("tickets")).value();
        QCOMPARE(source.kind, QStringLiteral("csv"));
        QCOMPARE(source.config.value(QStringLiteral("mapping"))
                     .toObject()
                     .value(QStringLiteral("constants"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("support_ticket"));
        // The next import of that source without a mapping uses the preset.
        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("more.csv"),
                                             "id;account;time;note\nq9;A-3;2026-11-07 10:00;later\n");
        options.mapping.reset();
        const CsvImporter::Report report = import(path, options);
        QCOMPARE(report.inserted, 1);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM events WHERE name = 'support_ticket'")),
                 4);
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM events WHERE properties <> '{}'")), 0);
    }

    void mappingErrorsNameWhatIsMissing()
    {
        CsvImporter importer(*m_db, QTimeZone::utc());
        const Result<CsvImporter::Report> noName
            = importer.run(fixture("subscriptions.csv"), kind(ImportMapping::Kind::Events));
        QVERIFY(!noName);
        QVERIFY2(noName.error().contains(QLatin1String("no column found for")), qPrintable(noName.error()));
        QVERIFY(noName.error().contains(QLatin1String("subscription_id, account_id, plan_tier")));
        const Result<ImportMapping> badJson = ImportMapping::fromJson(
            QJsonDocument::fromJson(R"({"kind": "events", "columns": {"colour": "x"}})").object());
        QVERIFY(!badJson);
        QVERIFY2(badJson.error().startsWith(QLatin1String("columns.colour: unknown field")),
                 qPrintable(badJson.error()));
        QVERIFY(!ImportMapping::fromJson(QJsonDocument::fromJson(R"({"kind": "sales"})").object()));
    }

    // A CP932 export with one bad sequence on line 701 of 2,001 is refused before anything is
    // written, with that line and column.
    void anEncodingErrorIsReportedAtItsLine()
    {
        QStringEncoder encode("CP932");
        QByteArray bytes = encode(QStringLiteral("取引先ID,取引先名\n"));
        for (int line = 2; line <= 2001; ++line)
            bytes += line == 701 ? QByteArray(encode(QStringLiteral("JP-700,さくら"))) + "\x85\x20\n"
                                 : QByteArray(encode(QStringLiteral("JP-%1,株式会社さくら商事\n").arg(line)));
        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("cp932-bad.csv"), bytes);
        const Result<CsvImporter::Report> report
            = CsvImporter(*m_db, QTimeZone::utc()).run(path, kind(ImportMapping::Kind::Accounts));
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QLatin1String("cp932-bad.csv: line 701, column 11")),
                 qPrintable(report.error()));
        QVERIFY(report.error().contains(QLatin1String("CP932")));
        QCOMPARE(AccountStore(*m_db).count(), 0);
    }

    void defaultSourceNames()
    {
        QCOMPARE(CsvImporter::defaultSourceName(QStringLiteral("/x/Usage Export (Nov).csv")),
                 QStringLiteral("usage-export-nov"));
        QCOMPARE(CsvImporter::defaultSourceName(QStringLiteral("利用状況_2026.csv")),
                 QStringLiteral("利用状況-2026"));
    }

    // Acceptance on the public RavenStack data set, when ../shared is beside the repository: every
    // file imports through the same path as `tenure-cli import`, and the counts match the files.
    void ravenstackAcceptance()
    {
        const QDir data(QStringLiteral(TENURE_SOURCE_DIR "/../shared/datasets/ravenstack"));
        if (!data.exists(QStringLiteral("ravenstack_accounts.csv")))
            QSKIP("../shared/datasets/ravenstack is not here");
        const QString mappings = QStringLiteral(TENURE_SOURCE_DIR "/docs/import/ravenstack/");
        auto rowsIn = [](const QString& path) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return qint64(-1);
            qint64 lines = 0;
            while (!file.atEnd())
                lines += file.readLine().endsWith('\n');
            return lines - 1; // header; the files have no embedded newlines
        };
        struct Step
        {
            ImportMapping::Kind kind;
            const char* file;
            const char* mapping;
        };
        const QList<Step> steps {
            { ImportMapping::Kind::Accounts, "ravenstack_accounts.csv", nullptr },
            { ImportMapping::Kind::Keys, "ravenstack_subscriptions.csv", nullptr },
            { ImportMapping::Kind::Events, "ravenstack_feature_usage.csv", "feature-usage.json" },
            { ImportMapping::Kind::Events, "ravenstack_support_tickets.csv", "support-tickets.json" },
            { ImportMapping::Kind::Outcomes, "ravenstack_churn_events.csv", "churn-events.json" },
        };
        for (const Step& step : steps) {
            CsvImporter::Options options = kind(step.kind);
            options.keyNamespace = QStringLiteral("subscription");
            if (step.mapping)
                options.mapping = ImportMapping::load(mappings + QLatin1String(step.mapping)).value();
            const QString path = data.filePath(QLatin1String(step.file));
            const CsvImporter::Report report = import(path, options, QTimeZone::utc());
            QVERIFY2(report.committed, step.file);
            QCOMPARE(report.rejected, 0);
            QCOMPARE(report.inserted, rowsIn(path));
        }
        QCOMPARE(AccountStore(*m_db).count(), 500);
        QCOMPARE(AccountStore(*m_db).outcomeCount(), 600);
        QCOMPARE(EventLog(*m_db).count(), 27000);
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT count(*) FROM events e LEFT JOIN accounts a ON a.id = "
                                       "e.account_id WHERE a.id IS NULL")),
                 0);

        // The backtest of the default rules on it (the README reports its figures).
        ScoringEngine::Options scoring;
        scoring.today = QDate(2024, 12, 31);
        QVERIFY(ScoringEngine(*m_db, scoring).run().ok());
        BacktestOptions options;
        options.today = QDate(2024, 12, 31);
        const auto reports = Backtest(*m_db).run({ RuleSetJson::defaults() }, options);
        QVERIFY(reports.ok());
        const BacktestReport& report = reports->constFirst();
        // Every outcome is a churn: every outcome case is followed by one. Outcomes of one account
        // on one day are one case.
        QCOMPARE(report.churned, report.outcomeCases);
        QVERIFY(report.outcomeCases + report.skipped <= 600);
        QVERIFY(report.outcomeCases + report.skipped > 590);
        // The baseline: accounts that never churned and had signed up or been active 90 days before.
        const qint64 asOfEnd = QDateTime(QDate(2024, 10, 3), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(
            report.cases - report.outcomeCases,
            scalar(*m_db,
                   QStringLiteral("SELECT count(*) FROM accounts a WHERE id NOT IN (SELECT account_id FROM "
                                  "outcomes WHERE kind = 'churned') AND (signup_date <= '2024-10-02' OR "
                                  "EXISTS (SELECT 1 FROM events e WHERE e.account_id = a.id AND "
                                  "e.occurred_at < %1))")
                       .arg(asOfEnd)));
        QVERIFY(report.auc && *report.auc > 0 && *report.auc < 1);
    }
};

QTEST_GUILESS_MAIN(TestCsvImporter)
#include "TestCsvImporter.moc"
