#include "TestSupport.h"
#include "ingest/ImportWorker.h"
#include "sources/ImportCsvDialog.h"
#include "sources/MappingEditor.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTranslator>

#include <atomic>

using namespace tenure;

namespace {

// Shows the dialog on `file` and waits for step 1's preview (`previewed` spies on it).
bool showPreviewOf(ImportCsvDialog& dialog, QSignalSpy& previewed, const QString& file)
{
    dialog.resize(900, 640);
    dialog.show();
    dialog.setFile(file);
    return previewed.wait(10000);
}

// An accounts export whose extra columns need the whole file to type: `connection` holds only
// yes/no words in the rows the preview shows (Copper comes at row 25), `is_partner` holds 1 and 0.
QString writeTypedAccounts(const QTemporaryDir& dir)
{
    QByteArray csv = "customerID,name,connection,is_partner\n";
    for (int i = 1; i <= 30; ++i)
        csv += "C-" + QByteArray::number(i) + ",Account " + QByteArray::number(i) + ","
            + (i == 25          ? "Copper"
                   : i % 3 == 0 ? "Fibre"
                                : "No")
            + "," + (i % 2 ? "1" : "0") + "\n";
    return test::writeFile(dir, QStringLiteral("crm-accounts.csv"), csv);
}

int extraRow(const QTableWidget* extras, const QString& column)
{
    for (int row = 0; row < extras->rowCount(); ++row)
        if (extras->item(row, 0) && extras->item(row, 0)->text() == column)
            return row;
    return -1;
}

} // namespace

class TestImportCsvDialog : public QObject
{
    Q_OBJECT

private slots:
    // The user checks a file with bad rows, reads the row-level errors, then imports the good rows.
    void checkShowsBadRowsThenImportSkipsThem()
    {
        test::TempWorkspace workspace;
        workspace.open(); // create it
        ImportCsvDialog dialog(workspace.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* file = dialog.findChild<QLineEdit*>(QStringLiteral("file"));
        auto* result = dialog.findChild<QPlainTextEdit*>(QStringLiteral("result"));
        auto* check = dialog.findChild<QPushButton*>(QStringLiteral("check"));
        auto* import = dialog.findChild<QPushButton*>(QStringLiteral("import"));
        QTest::keyClicks(file, QStringLiteral(TENURE_TEST_DATA "/csv/events-bad.csv"));
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            result->toPlainText().contains(QStringLiteral("Check: 3 rows ready, 3 bad")),
            qPrintable(result->toPlainText()), 20000);
        QVERIFY(result->toPlainText().contains(
            QLatin1String("events-bad.csv:3: column 4 (timestamp): expected a date")));
        QVERIFY(result->toPlainText().contains(QLatin1String("events-bad.csv:7: column 5 (usage_count)")));
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-check.png")));

        // Importing with the default (abort) lands nothing; skipping bad rows lands the rest.
        QSignalSpy imported(&dialog, &ImportCsvDialog::imported);
        QTest::mouseClick(import, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QStringLiteral("nothing was imported")),
                                  qPrintable(result->toPlainText()), 20000);
        QCOMPARE(imported.size(), 0);
        QCOMPARE(EventLog(*workspace.open(Database::Mode::ReadOnly)).count(), 0);
        auto* skip = dialog.findChild<QRadioButton*>(QStringLiteral("skipBadRows"));
        QTest::mouseClick(skip, Qt::LeftButton, {}, QPoint(8, skip->height() / 2)); // on the indicator
        QVERIFY(skip->isChecked());
        QTest::mouseClick(import, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QStringLiteral("Imported: 3 new")),
                                  qPrintable(result->toPlainText()), 20000);
        QCOMPARE(imported.size(), 1);
        QCOMPARE(EventLog(*workspace.open(Database::Mode::ReadOnly)).count(), 3);
    }

    // A file none of whose columns the events need: every field still to fill is named at once,
    // not one at a time.
    void everyUnfilledFieldIsNamed()
    {
        test::TempWorkspace workspace;
        workspace.open();
        const QString csv
            = test::writeFile(workspace.dirObject(), QStringLiteral("unknown.csv"), "foo,bar,baz\n1,2,3\n");
        ImportCsvDialog dialog(workspace.path());
        QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
        QVERIFY(showPreviewOf(dialog, previewed, csv));
        dialog.findChild<QTabWidget*>(QStringLiteral("steps"))->setCurrentIndex(1);
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("mappingStatus"));
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QLatin1String(": choose a column")),
                                  qPrintable(status->text()), 10000);
        const QString named = status->text().left(status->text().indexOf(QLatin1String(": choose a column")));
        for (const char* field : { "account", "timestamp", "name" })
            QVERIFY2(named.contains(QLatin1String(field)), qPrintable(status->text()));
    }

    void japaneseFileIsDetected()
    {
        test::TempWorkspace workspace;
        workspace.open();
        ImportCsvDialog dialog(workspace.path());
        dialog.setFile(QStringLiteral(TENURE_TEST_DATA "/csv/accounts-ja-cp932.csv"));
        QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("kind"))->currentData().toInt(),
                 int(ImportMapping::Kind::Accounts));
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("import")), Qt::LeftButton);
        auto* result = dialog.findChild<QPlainTextEdit*>(QStringLiteral("result"));
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QStringLiteral("Imported: 3 new")),
                                  qPrintable(result->toPlainText()), 20000);
        QVERIFY(result->toPlainText().contains(QLatin1String("CP932")));
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-cp932.png")));
    }

    // Step 1 shows the first rows as they decode; another delimiter re-reads them.
    void previewFollowsEncodingAndDelimiter()
    {
        test::TempWorkspace workspace;
        workspace.open();
        ImportCsvDialog dialog(workspace.path());
        QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
        QVERIFY(
            showPreviewOf(dialog, previewed, QStringLiteral(TENURE_TEST_DATA "/csv/accounts-ja-cp932.csv")));
        auto* preview = dialog.findChild<QTableWidget*>(QStringLiteral("preview"));
        auto* info = dialog.findChild<QLabel*>(QStringLiteral("previewInfo"));
        QCOMPARE(preview->columnCount(), 9);
        QCOMPARE(preview->horizontalHeaderItem(1)->text(), QStringLiteral("取引先名"));
        QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("株式会社さくら商事"));
        QCOMPARE(preview->verticalHeaderItem(0)->text(), QStringLiteral("2")); // the file's line
        QVERIFY2(info->text().contains(QLatin1String("CP932"))
                     && info->text().contains(QLatin1String("comma")),
                 qPrintable(info->text()));
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-preview.png")));

        auto* delimiter = dialog.findChild<QComboBox*>(QStringLiteral("delimiter"));
        delimiter->setCurrentIndex(delimiter->findData(QStringLiteral(";")));
        QVERIFY(previewed.wait(10000));
        QCOMPARE(preview->columnCount(), 1);
        delimiter->setCurrentIndex(0);
        QVERIFY(previewed.wait(10000));
        QCOMPARE(preview->columnCount(), 9);

        // Read as UTF-8, the CP932 bytes are not text: the preview says where.
        auto* encoding = dialog.findChild<QComboBox*>(QStringLiteral("encoding"));
        encoding->setCurrentIndex(encoding->findData(QStringLiteral("utf-8")));
        QVERIFY(previewed.wait(10000));
        QVERIFY2(info->text().contains(QLatin1String("UTF-8")), qPrintable(info->text()));
    }

    // One byte that is no character, on line 4: the rows above it are still shown, and the line is
    // named (the whole preview used to go blank).
    void aBadByteKeepsTheRowsAboveIt()
    {
        test::TempWorkspace workspace;
        workspace.open();
        QTemporaryDir dir;
        const QString file
            = test::writeFile(dir, QStringLiteral("accounts.csv"),
                              "id,name\nA-1,Acme\nA-2,Globex\nA-3,Bad\x82 name\nA-4,Initech\n");
        ImportCsvDialog dialog(workspace.path());
        QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
        QVERIFY(showPreviewOf(dialog, previewed, file));
        auto* encoding = dialog.findChild<QComboBox*>(QStringLiteral("encoding"));
        if (encoding->currentData().toString() != QLatin1String("utf-8")) {
            encoding->setCurrentIndex(encoding->findData(QStringLiteral("utf-8")));
            QVERIFY(previewed.wait(10000));
        }
        auto* preview = dialog.findChild<QTableWidget*>(QStringLiteral("preview"));
        auto* info = dialog.findChild<QLabel*>(QStringLiteral("previewInfo"));
        QCOMPARE(preview->rowCount(), 2);
        QCOMPARE(preview->item(1, 1)->text(), QStringLiteral("Globex"));
        QVERIFY2(info->text().contains(QLatin1String("2 rows can be read; then: "))
                     && info->text().contains(QLatin1String("line 4, column 8")),
                 qPrintable(info->text()));

        // Further down than the rows shown: the rows are whole, and the line is still named.
        QByteArray longer = "id,name\n";
        for (int i = 1; i <= 38; ++i)
            longer += "A-" + QByteArray::number(i) + ",Name " + QByteArray::number(i) + "\n";
        longer += "A-39,Bad\x82 name\n";
        dialog.setFile(test::writeFile(dir, QStringLiteral("longer.csv"), longer));
        QVERIFY(previewed.wait(10000));
        QCOMPARE(preview->rowCount(), 20);
        QVERIFY2(info->text().contains(QLatin1String("Further down: "))
                     && info->text().contains(QLatin1String("line 40, column 9")),
                 qPrintable(info->text()));
    }

    // Step 2: a column mapped by hand is what the import uses.
    void editedColumnsAreImported()
    {
        test::TempWorkspace workspace;
        workspace.open();
        ImportCsvDialog dialog(workspace.path());
        QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
        QVERIFY(
            showPreviewOf(dialog, previewed, QStringLiteral(TENURE_TEST_DATA "/csv/accounts-ja-cp932.csv")));
        dialog.findChild<QTabWidget*>(QStringLiteral("steps"))->setCurrentIndex(1);
        auto* name = dialog.findChild<QComboBox*>(QStringLiteral("column_name"));
        QCOMPARE(name->currentText(), QStringLiteral("取引先名")); // detected from the Japanese header
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-columns.png")));

        // A required field with neither a column nor a value stops the import before it starts.
        auto* id = dialog.findChild<QComboBox*>(QStringLiteral("column_id"));
        const int idColumn = id->currentIndex();
        id->setCurrentIndex(id->findText(QStringLiteral("(the same value for every row)")));
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("mappingStatus"));
        QVERIFY2(status->text().contains(QLatin1String("id:")), qPrintable(status->text()));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("import")), Qt::LeftButton);
        auto* result = dialog.findChild<QPlainTextEdit*>(QStringLiteral("result"));
        QVERIFY2(result->toPlainText().contains(QLatin1String("step 2")), qPrintable(result->toPlainText()));
        QCOMPARE(AccountStore(*workspace.open(Database::Mode::ReadOnly)).count(), 0);
        id->setCurrentIndex(idColumn);

        // The owner's column as the name: what lands is what the columns say.
        name->setCurrentIndex(name->findText(QStringLiteral("担当者")));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("import")), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QStringLiteral("Imported: 3 new")),
                                  qPrintable(result->toPlainText()), 20000);
        const auto account
            = AccountStore(*workspace.open(Database::Mode::ReadOnly)).find(QStringLiteral("JP-001"));
        QVERIFY(account);
        QCOMPARE(account->name, QStringLiteral("山田 太郎"));
    }

    // Each column that travels along shows the type the whole file gives it; a type chosen by the
    // user is the mapping's and the import's.
    void columnTypesAreShownAndCanBeOverridden()
    {
        test::TempWorkspace workspace;
        workspace.open();
        const QString path = writeTypedAccounts(workspace.dirObject());
        ImportCsvDialog dialog(workspace.path());
        QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
        QSignalSpy typed(&dialog, &ImportCsvDialog::columnTypesRead);
        QVERIFY(showPreviewOf(dialog, previewed, path));
        QTRY_COMPARE_WITH_TIMEOUT(typed.size(), 1, 10000);
        auto* types = dialog.findChild<QLabel*>(QStringLiteral("previewTypes"));
        QVERIFY2(types->text().contains(QLatin1String("connection: text"))
                     && types->text().contains(QLatin1String("is_partner: number")),
                 qPrintable(types->text()));

        dialog.findChild<QTabWidget*>(QStringLiteral("steps"))->setCurrentIndex(1);
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("mapping"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("name (required for new accounts)"));
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("id (required)"));
        auto* extras = dialog.findChild<QTableWidget*>(QStringLiteral("extraColumns"));
        const int connection = extraRow(extras, QStringLiteral("connection"));
        const int partner = extraRow(extras, QStringLiteral("is_partner"));
        QVERIFY(connection >= 0 && partner >= 0);
        QCOMPARE(extras->rowCount(), 2);
        QCOMPARE(extras->item(connection, 1)->text(), QStringLiteral("text")); // Copper, Fibre and No
        QCOMPARE(extras->item(partner, 1)->text(), QStringLiteral("number"));
        // A column's name is the file's data: its tooltip shows it as written, never as markup.
        QCOMPARE(extras->item(connection, 0)->toolTip(),
                 Qt::convertFromPlainText(QStringLiteral("connection"), Qt::WhiteSpaceNormal));
        QCOMPARE(types->textFormat(), Qt::PlainText);

        auto* partnerType = dialog.findChild<QComboBox*>(QStringLiteral("type_is_partner"));
        QVERIFY(partnerType);
        partnerType->setCurrentIndex(partnerType->findText(QStringLiteral("boolean")));
        const ImportMapping mapping = dialog.findChild<MappingEditor*>()->mapping();
        QCOMPARE(mapping.types.value(QStringLiteral("is_partner")), ColumnType::Boolean);
        QVERIFY(!mapping.types.contains(QStringLiteral("connection"))); // as read
        QCOMPARE(mapping.toJson().value(QStringLiteral("types")).toObject(),
                 QJsonObject({ { QStringLiteral("is_partner"), QStringLiteral("boolean") } }));
        QVERIFY(types->text().contains(QLatin1String("is_partner: boolean (set)")));
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-types-en.png")));

        QSignalSpy imported(&dialog, &ImportCsvDialog::imported);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("import")), Qt::LeftButton);
        auto* result = dialog.findChild<QPlainTextEdit*>(QStringLiteral("result"));
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QStringLiteral("Imported: 30 new")),
                                  qPrintable(result->toPlainText()), 20000);
        QVERIFY2(result->toPlainText().contains(
                     QLatin1String("Column types: connection: text, is_partner: boolean")),
                 qPrintable(result->toPlainText()));
        QCOMPARE(imported.first().first().value<CsvImporter::Report>().columnTypes.value(
                     QStringLiteral("is_partner")),
                 ColumnType::Boolean);
        const auto account
            = AccountStore(*workspace.open(Database::Mode::ReadOnly)).find(QStringLiteral("C-3"));
        QVERIFY(account);
        QCOMPARE(account->attributes.value(QStringLiteral("is_partner")), QJsonValue(true));
        QCOMPARE(account->attributes.value(QStringLiteral("connection")),
                 QJsonValue(QStringLiteral("Fibre")));
    }

    // A loaded mapping's months-counted date and row filter are shown and kept, not greyed out;
    // the rows the filter leaves out are reported as such, not as errors.
    void loadedMappingKeepsDerivedDateAndFilter()
    {
        test::TempWorkspace workspace;
        workspace.open();
        const QString csv = test::writeFile(workspace.dirObject(), QStringLiteral("crm-accounts.csv"),
                                            "customerID,name,months_active,Cancelled\n"
                                            "C-1,Acme,14,No\nC-2,Globex,3,Yes\nC-3,Initech,2,no\n");
        const QString json = test::writeFile(workspace.dirObject(), QStringLiteral("accounts.json"),
                                             R"({"kind": "accounts",
                "columns": {"signup_date": {"column": "months_active", "months_before": "2026-11-30"}},
                "when": {"column": "Cancelled", "in": ["No"]}})");
        ImportCsvDialog dialog(workspace.path());
        QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
        QVERIFY(showPreviewOf(dialog, previewed, csv));
        dialog.loadMapping(json);
        QVERIFY(previewed.wait(10000));
        auto* signup = dialog.findChild<QComboBox*>(QStringLiteral("column_signup_date"));
        QCOMPARE(signup->currentText(), QStringLiteral("(months counted back from a date)"));
        auto* months = dialog.findChild<QComboBox*>(QStringLiteral("months_signup_date"));
        QVERIFY(months->isVisibleTo(&dialog));
        QCOMPARE(months->currentText(), QStringLiteral("months_active"));
        QCOMPARE(dialog.findChild<QDateEdit*>(QStringLiteral("monthsBefore_signup_date"))->date(),
                 QDate(2026, 11, 30));
        QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("when"))->isChecked());
        QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("whenColumn"))->currentText(),
                 QStringLiteral("Cancelled"));
        QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("whenIn"))->text(), QStringLiteral("No"));
        const ImportMapping mapping = dialog.findChild<MappingEditor*>()->mapping();
        QCOMPARE(mapping.monthsBefore.value(QStringLiteral("signup_date")).column,
                 QStringLiteral("months_active"));
        QCOMPARE(mapping.monthsBefore.value(QStringLiteral("signup_date")).from, QDate(2026, 11, 30));
        QVERIFY(!mapping.unmapped.contains(QStringLiteral("signup_date")));
        QCOMPARE(mapping.whenColumn, QStringLiteral("Cancelled"));
        QCOMPARE(mapping.whenIn, QStringList { QStringLiteral("No") });
        dialog.findChild<QTabWidget*>(QStringLiteral("steps"))->setCurrentIndex(1);
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("mapping"));
        table->scrollToItem(table->item(table->rowCount() - 1, 0)); // the dates, at the end
        QTest::qWait(50);
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-mapping-en.png")));

        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("import")), Qt::LeftButton);
        auto* result = dialog.findChild<QPlainTextEdit*>(QStringLiteral("result"));
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QStringLiteral("Imported: 2 new")),
                                  qPrintable(result->toPlainText()), 20000);
        QVERIFY2(result->toPlainText().contains(
                     QStringLiteral("1 rows left out by the mapping's filter — not errors.")),
                 qPrintable(result->toPlainText()));
        const auto db = workspace.open(Database::Mode::ReadOnly);
        AccountStore accounts(*db);
        QCOMPARE(accounts.find(QStringLiteral("C-1"))->signupDate, QDate(2025, 9, 30));
        QVERIFY(!accounts.find(QStringLiteral("C-2")));
    }

    // The mapping step in Japanese, for people to look at: nothing clipped, every word translated.
    void japaneseMappingStep()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tenure_ja.qm")));
        QApplication::installTranslator(&translator);
        test::TempWorkspace workspace;
        workspace.open();
        const QString path = writeTypedAccounts(workspace.dirObject());
        {
            ImportCsvDialog dialog(workspace.path());
            QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
            QSignalSpy typed(&dialog, &ImportCsvDialog::columnTypesRead);
            QVERIFY(showPreviewOf(dialog, previewed, path));
            QTRY_COMPARE_WITH_TIMEOUT(typed.size(), 1, 10000);
            dialog.findChild<QTabWidget*>(QStringLiteral("steps"))->setCurrentIndex(1);
            auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("mapping"));
            QCOMPARE(table->item(1, 0)->text(), QStringLiteral("name(新規顧客には必須)"));
            auto* extras = dialog.findChild<QTableWidget*>(QStringLiteral("extraColumns"));
            QCOMPARE(extras->item(extraRow(extras, QStringLiteral("connection")), 1)->text(),
                     QStringLiteral("テキスト"));
            QTest::qWait(100);
            QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-types-ja.png")));
        }
        {
            // A loaded mapping with a date counted back and a row filter.
            const QString csv = test::writeFile(workspace.dirObject(), QStringLiteral("crm-accounts.csv"),
                                                "customerID,name,months_active,Cancelled\nC-1,Acme,14,No\n");
            const QString json
                = test::writeFile(workspace.dirObject(), QStringLiteral("accounts.json"),
                                  R"({"kind": "accounts", "when": {"column": "Cancelled", "in": ["No"]},
                    "columns": {"signup_date": {"column": "months_active", "months_before": "2026-11-30"}}})");
            ImportCsvDialog dialog(workspace.path());
            QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
            QVERIFY(showPreviewOf(dialog, previewed, csv));
            dialog.loadMapping(json);
            QVERIFY(previewed.wait(10000));
            QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("column_signup_date"))->currentText(),
                     QStringLiteral("(列の月数を基準日から逆算)"));
            auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("mapping"));
            table->scrollToItem(table->item(table->rowCount() - 1, 0));
            QTest::qWait(100);
            QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/import-mapping-ja.png")));
        }
        QApplication::removeTranslator(&translator);
    }

    // A 200,000-row import runs on the worker thread: the GUI event loop keeps turning meanwhile.
    void largeImportKeepsTheGuiResponsive()
    {
        test::TempWorkspace workspace;
        workspace.open();
        const QString path = workspace.dir() + QStringLiteral("/big.csv");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray chunk = "event_id,account_id,user_id,event,timestamp,count\n";
            for (int i = 0; i < 200000; ++i) {
                chunk += "e" + QByteArray::number(i) + ",acct-" + QByteArray::number(i % 997) + ",u"
                    + QByteArray::number(i % 5003) + ",feature_used,2026-11-" + QByteArray::number(1 + i % 24)
                    + " 10:00:00," + QByteArray::number(1 + i % 4) + "\n";
                if (chunk.size() > (1 << 20)) {
                    file.write(chunk);
                    chunk.clear();
                }
            }
            file.write(chunk);
        }
        ImportWorker worker(workspace.path());
        QSignalSpy finished(&worker, &ImportWorker::finished);
        qint64 longestGap = 0;
        std::atomic_int ticks = 0; // counted on this thread, read on the worker's
        QElapsedTimer sinceTick;
        QTimer ticker;
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            ++ticks;
            longestGap = std::max(longestGap, sinceTick.restart());
        });
        // The ticks counted when each progress report arrives: they grow between reports only if
        // the event loop turned while the rows were being imported.
        // The worker reports on its own thread (a direct connection: the ticks are read as the
        // report is made, not when the event loop gets to it).
        QList<int> ticksAtProgress;
        QMutex progressLock;
        QObject::connect(&worker, &ImportWorker::progress, [&] {
            const QMutexLocker locked(&progressLock);
            ticksAtProgress << ticks.load();
        });
        QElapsedTimer total;
        total.start();
        sinceTick.start();
        ticker.start();
        CsvImporter::Options options;
        options.kind = ImportMapping::Kind::Events;
        worker.start(path, options);
        QVERIFY(finished.isEmpty()); // start() hands the import over and returns
        QVERIFY(finished.wait(120000));
        ticker.stop();
        const CsvImporter::Report report = finished.first().first().value<CsvImporter::Report>();
        QCOMPARE(report.inserted, 200000);
        qInfo("200,000 rows imported in %lld ms; the longest GUI event-loop gap was %lld ms", total.elapsed(),
              longestGap);
        const QMutexLocker locked(&progressLock);
        QCOMPARE_GE(ticksAtProgress.size(), 2);
        QCOMPARE_GT(ticksAtProgress.constLast(), ticksAtProgress.constFirst());
        QVERIFY2(longestGap < 250, qPrintable(QString::number(longestGap)));
    }
};

QTEST_MAIN(TestImportCsvDialog)
#include "TestImportCsvDialog.moc"
