#include "TestSupport.h"
#include "ingest/CsvImporter.h"
#include "ingest/CsvPreview.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"

#include <QJsonDocument>
#include <QTest>

using namespace tenure;
using tenure::test::TempWorkspace;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(TENURE_TEST_DATA "/csv/") + QLatin1String(name);
}

Result<ImportMapping> mappingFrom(const char* json)
{
    return ImportMapping::fromJson(QJsonDocument::fromJson(json).object());
}

// The error of a failed result, for messages (QVERIFY2 builds its message either way).
template <typename T> QString why(const Result<T>& result)
{
    return result ? QString() : result.error();
}

} // namespace

// What a mapping says about the values of a file: column types, derived dates, rows kept by a
// flag, partial account updates, blank cells.
class TestCsvImportMapping : public QObject
{
    Q_OBJECT

    TempWorkspace m_workspace;
    std::unique_ptr<Database> m_db;
    QTemporaryDir m_dir;

    Result<CsvImporter::Report> run(const QString& path, ImportMapping::Kind kind,
                                    CsvImporter::OnError onError = CsvImporter::OnError::Abort,
                                    std::optional<ImportMapping> mapping = {})
    {
        CsvImporter::Options options;
        options.kind = kind;
        options.onError = onError;
        options.mapping = std::move(mapping);
        return CsvImporter(*m_db, QTimeZone::utc()).run(path, options);
    }

    QString write(const char* name, const QByteArray& bytes)
    {
        return test::writeFile(m_dir, QLatin1String(name), bytes);
    }

    Account account(const char* id) { return AccountStore(*m_db).find(QLatin1String(id)).value(); }

private slots:
    void init()
    {
        m_db.reset();
        QFile::remove(m_workspace.path());
        m_db = m_workspace.open();
    }

    void extraColumnsTakeOneTypeFromTheWholeFile()
    {
        const QString path = write("types.csv",
                                   "account_id,account_name,connection,is_partner,nps,code,flag\n"
                                   "A-1,One,Copper,yes,10,00123,1\n"
                                   "A-2,Two,Fibre,No,-2.5,5,0\n"
                                   "A-3,Three,No,,7,6,1\n");
        const Result<CsvImporter::Report> report = run(path, ImportMapping::Kind::Accounts);
        QVERIFY2(report, qPrintable(why(report)));
        QCOMPARE(report->inserted, 3);
        QCOMPARE(report->columnTypes.value(QStringLiteral("connection")), ColumnType::Text);
        QCOMPARE(report->columnTypes.value(QStringLiteral("is_partner")), ColumnType::Boolean);
        QCOMPARE(report->columnTypes.value(QStringLiteral("nps")), ColumnType::Number);
        QCOMPARE(report->columnTypes.value(QStringLiteral("code")), ColumnType::Text);
        QCOMPARE(report->columnTypes.value(QStringLiteral("flag")), ColumnType::Number);
        // "No" in a column of Copper and Fibre is the text "No", like its neighbours.
        QCOMPARE(account("A-3").attributes.value(QStringLiteral("connection")),
                 QJsonValue(QStringLiteral("No")));
        QCOMPARE(account("A-2").attributes.value(QStringLiteral("is_partner")), QJsonValue(false));
        QCOMPARE(account("A-2").attributes.value(QStringLiteral("nps")), QJsonValue(-2.5));
        QCOMPARE(account("A-2").attributes.value(QStringLiteral("code")), QJsonValue(QStringLiteral("5")));
        QVERIFY(!account("A-3").attributes.contains(QStringLiteral("is_partner")));
        // The preview API infers the same types for the import dialog.
        const Result<QHash<QString, ColumnType>> previewed = CsvPreview::columnTypes(path);
        QVERIFY2(previewed, qPrintable(why(previewed)));
        QCOMPARE(previewed->value(QStringLiteral("connection")), ColumnType::Text);
        QCOMPARE(previewed->value(QStringLiteral("is_partner")), ColumnType::Boolean);
        QCOMPARE(previewed->value(QStringLiteral("flag")), ColumnType::Number);
    }

    void theMappingOverridesAColumnsType()
    {
        const Result<ImportMapping> mapping
            = mappingFrom(R"({"kind": "accounts", "types": {"flag": "boolean", "nps": "text"}})");
        QVERIFY2(mapping, qPrintable(why(mapping)));
        QCOMPARE(ImportMapping::fromJson(mapping->toJson()).value().types, mapping->types);
        QVERIFY(!mappingFrom(R"({"kind": "accounts", "types": {"flag": "colour"}})"));
        const QString path
            = write("flags.csv",
                    "account_id,account_name,nps,flag\nA-1,One,10,1\nA-2,Two,20,0\nA-3,Three,30,maybe\n");
        const Result<CsvImporter::Report> report
            = run(path, ImportMapping::Kind::Accounts, CsvImporter::OnError::Skip, *mapping);
        QVERIFY2(report, qPrintable(why(report)));
        QCOMPARE(report->inserted, 2);
        QCOMPARE(account("A-1").attributes.value(QStringLiteral("flag")), QJsonValue(true));
        QCOMPARE(account("A-2").attributes.value(QStringLiteral("flag")), QJsonValue(false));
        QCOMPARE(account("A-1").attributes.value(QStringLiteral("nps")), QJsonValue(QStringLiteral("10")));
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->errors.first().line, 4);
        QCOMPARE(report->errors.first().column, 4);
        QVERIFY2(report->errors.first().message.contains(QLatin1String("\"maybe\"")),
                 qPrintable(report->errors.first().message));
    }

    void whitespaceOnlyCellsAreEmpty()
    {
        const QString path = write("blank.csv",
                                   "account_id,account_name,arr,total,region\nA-1,One,  ,   ,EMEA\n"
                                   "A-2,Two,100,12,\t\n");
        const Result<CsvImporter::Report> report = run(path, ImportMapping::Kind::Accounts);
        QVERIFY2(report, qPrintable(why(report)));
        QCOMPARE(report->inserted, 2);
        QVERIFY(!account("A-1").arr);
        QVERIFY(!account("A-1").attributes.contains(QStringLiteral("total")));
        QCOMPARE(account("A-2").attributes.value(QStringLiteral("total")), QJsonValue(12.0)); // not text
        QVERIFY(!account("A-2").attributes.contains(QStringLiteral("region")));
        const QString events
            = write("blank-events.csv", "account_id,event,date,plan\nA-1,login,2026-11-01, \n");
        QVERIFY(run(events, ImportMapping::Kind::Events));
        QCOMPARE(EventLog(*m_db).readAfter(0, 10).value().first().event.properties, QByteArray("{}"));
    }

    void aFileOfIdsAndOneColumnUpdatesKnownAccounts()
    {
        QVERIFY(run(fixture("accounts-utf8-bom.csv"), ImportMapping::Kind::Accounts));
        const QString path = write(
            "signups.csv", "account_id,signup_date\nA-1,2020-01-15\nA-9,2021-01-01\nA-2,2019-05-01\n");
        // By default the unknown account aborts the import: nothing changes.
        const Result<CsvImporter::Report> aborted = run(path, ImportMapping::Kind::Accounts);
        QVERIFY2(aborted, qPrintable(why(aborted)));
        QVERIFY(!aborted->committed);
        QCOMPARE(account("A-1").signupDate, QDate(2024, 2, 1));
        QCOMPARE(aborted->rejected, 1);
        const RowError& error = aborted->errors.first();
        QCOMPARE(error.line, 3);
        QCOMPARE(error.columnName, QStringLiteral("account_id"));
        QVERIFY2(error.message.contains(QLatin1String("\"A-9\"")), qPrintable(error.message));
        QVERIFY(error.message.contains(QLatin1String("name")));

        const Result<CsvImporter::Report> report
            = run(path, ImportMapping::Kind::Accounts, CsvImporter::OnError::Skip);
        QVERIFY2(report, qPrintable(why(report)));
        QCOMPARE(report->updated, 2);
        const Account acme = account("A-1");
        QCOMPARE(acme.signupDate, QDate(2020, 1, 15));
        QCOMPARE(acme.name, QStringLiteral("Acme Corp"));
        QCOMPARE(acme.owner, QStringLiteral("Dana"));
        QCOMPARE(acme.plan, QStringLiteral("Pro"));
        QCOMPARE(acme.arr, 48000.0);
        QCOMPARE(acme.seats, 40);
        QCOMPARE(acme.renewalDate, QDate(2026, 12, 31));
        QCOMPARE(acme.attributes.value(QStringLiteral("Region")), QJsonValue(QStringLiteral("EMEA")));
        QCOMPARE(account("A-2").name, QStringLiteral("Globex, Inc."));
        QVERIFY(!AccountStore(*m_db).find(QStringLiteral("A-9")));

        // With a name column, a new account needs its cell filled; a known one keeps its name.
        const QString named = write("named.csv", "account_id,account_name\nA-1, \nA-7,\n");
        const Result<CsvImporter::Report> withNames
            = run(named, ImportMapping::Kind::Accounts, CsvImporter::OnError::Skip);
        QVERIFY2(withNames, qPrintable(why(withNames)));
        QCOMPARE(account("A-1").name, QStringLiteral("Acme Corp"));
        QCOMPARE(withNames->rejected, 1);
        QCOMPARE(withNames->errors.first().line, 3);
        QCOMPARE(withNames->errors.first().column, 2);
    }

    void signupDateCountedBackFromMonthsOfTenure()
    {
        const Result<ImportMapping> mapping = mappingFrom(
            R"({"kind": "accounts", "columns": {"signup_date": {"months_before": "2026-11-30", "column": "months_active"}}})");
        QVERIFY2(mapping, qPrintable(why(mapping)));
        QCOMPARE(ImportMapping::fromJson(mapping->toJson())
                     .value()
                     .monthsBefore.value(QStringLiteral("signup_date"))
                     .from,
                 QDate(2026, 11, 30));
        QVERIFY(!mappingFrom(
            R"({"kind": "accounts", "columns": {"name": {"months_before": "2026-11-30", "column": "m"}}})"));
        QVERIFY(!mappingFrom(
            R"({"kind": "accounts", "columns": {"signup_date": {"months_before": "soon", "column": "m"}}})"));
        const QString path = write("tenure.csv",
                                   "customer_id,name,months_active\nC-1,One,14\nC-2,Two,0\nC-3,Three,abc\n"
                                   "C-4,Four,\n");
        const Result<CsvImporter::Report> report
            = run(path, ImportMapping::Kind::Accounts, CsvImporter::OnError::Skip, *mapping);
        QVERIFY2(report, qPrintable(why(report)));
        QCOMPARE(report->inserted, 3);
        QCOMPARE(account("C-1").signupDate, QDate(2025, 9, 30));
        QCOMPARE(account("C-2").signupDate, QDate(2026, 11, 30));
        QVERIFY(!account("C-4").signupDate.isValid());
        QVERIFY(!account("C-1").attributes.contains(QStringLiteral("months_active")));
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->errors.first().line, 4);
        QCOMPARE(report->errors.first().column, 3);
        QVERIFY2(report->errors.first().message.contains(QLatin1String("months")),
                 qPrintable(report->errors.first().message));
        // A "customer since" column is a signup date.
        const QString since
            = write("since.csv", "account_id,account_name,Customer Since\nC-5,Five,2023-04-01\n");
        QVERIFY(run(since, ImportMapping::Kind::Accounts));
        QCOMPARE(account("C-5").signupDate, QDate(2023, 4, 1));
    }

    void aChurnFlagKeepsOnlyFlaggedRows()
    {
        QVERIFY(run(fixture("accounts-utf8-bom.csv"), ImportMapping::Kind::Accounts));
        const QString path
            = write("crm.csv", "account_id,Cancelled,cancel_date\nA-1,Yes,2026-10-31\nA-2,No,\nA-2, ,\n");
        const Result<ImportMapping> constantDate = mappingFrom(
            R"({"kind": "outcomes", "columns": {"occurred_on": {"value": "2026-11-30"}},
                "constants": {"kind": "churned"}, "when": {"column": "Cancelled", "in": ["yes"]}})");
        QVERIFY2(constantDate, qPrintable(why(constantDate)));
        QVERIFY(!mappingFrom(R"({"kind": "outcomes", "when": {"column": "Cancelled"}})"));
        const Result<CsvImporter::Report> report
            = run(path, ImportMapping::Kind::Outcomes, CsvImporter::OnError::Abort, *constantDate);
        QVERIFY2(report, qPrintable(why(report)));
        QVERIFY(report->committed);
        QCOMPARE(report->rows, 3);
        QCOMPARE(report->inserted, 1);
        QCOMPARE(report->leftOut, 2);
        QCOMPARE(report->rejected, 0);
        const QList<Outcome> acme = AccountStore(*m_db).outcomesFor(QStringLiteral("A-1")).value();
        QCOMPARE(acme.size(), 1);
        QCOMPARE(acme.first().kind, Outcome::Kind::Churned);
        QCOMPARE(acme.first().date, QDate(2026, 11, 30));
        QVERIFY(AccountStore(*m_db).outcomesFor(QStringLiteral("A-2")).value().isEmpty());
        QVERIFY(report->mapping.describe().contains(QLatin1String("Cancelled")));

        // Dated from a column instead, as another source.
        CsvImporter::Options options;
        options.kind = ImportMapping::Kind::Outcomes;
        options.source = QStringLiteral("crm-dated");
        options.mapping = mappingFrom(R"({"kind": "outcomes", "columns": {"date": "cancel_date"},
                "constants": {"kind": "churned"}, "when": {"column": "Cancelled", "in": ["Yes"]}})")
                              .value();
        const Result<CsvImporter::Report> dated = CsvImporter(*m_db, QTimeZone::utc()).run(path, options);
        QVERIFY2(dated, qPrintable(why(dated)));
        QCOMPARE(dated->leftOut, 2);
        const QList<Outcome> both = AccountStore(*m_db).outcomesFor(QStringLiteral("A-1")).value();
        QCOMPARE(both.size(), 2);
        QVERIFY(std::any_of(both.begin(), both.end(),
                            [](const Outcome& o) { return o.date == QDate(2026, 10, 31); }));
    }
};

QTEST_GUILESS_MAIN(TestCsvImportMapping)
#include "TestCsvImportMapping.moc"
