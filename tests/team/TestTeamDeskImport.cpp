// An admin imports a CSV export into the team workspace from the desktop, as into a file: the import
// dialog and its worker stage the team's master data, import, and land what was added on the server;
// a check writes nothing, a bad file nothing, a CSM's import nothing (refused before the file is read).
// The Data Sources page reads the team's sources and their events from the server.
#include "PgCluster.h"
#include "TeamDemo.h"
#include "TestSupport.h"
#include "ingest/ImportWorker.h"
#include "sources/DataSourcesView.h"
#include "sources/ImportCsvDialog.h"
#include "team/TeamImportTarget.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

#include <optional>

using namespace tenure;
using tenure::test::PgCluster;

namespace {
const QString kDatabase = QStringLiteral("deskimport");

QString fixture(const char* name)
{
    return QStringLiteral(TENURE_TEST_DATA "/csv/") + QLatin1String(name);
}
} // namespace

class TestTeamDeskImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        const QString made = test::makeDemoTeam(
            m_cluster, m_local, kDatabase,
            { { QStringLiteral("misaki"), test::kMisaki, QStringLiteral("csm"), QStringLiteral("pw-m") },
              { QStringLiteral("kenta"), QStringLiteral("鈴木 健太"), QStringLiteral("admin"),
                QStringLiteral("pw-k") } },
            {}, test::kAsOf);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        Result<std::unique_ptr<TeamDatabase>> super = m_cluster.open(kDatabase);
        QVERIFY(super.ok());
        m_super = std::move(super).value();
        QVERIFY(m_copy.open()); // the desktop's copy: here, a workspace with no sources and no log
    }

    // The worker an import runs on, into the team: a check lands nothing; the import lands every
    // row, in Japanese from a CP932 export; again, nothing new.
    void anAdminImportsIntoTheTeam()
    {
        const qint64 accounts = count("accounts");
        ImportWorker worker(std::make_shared<TeamImportTarget>(location("kenta"), QStringLiteral("pw-k")));
        QSignalSpy finished(&worker, &ImportWorker::finished);
        QSignalSpy failed(&worker, &ImportWorker::failed);
        QSignalSpy landing(&worker, &ImportWorker::landing);
        CsvImporter::Options options;
        options.kind = ImportMapping::Kind::Accounts;
        options.dryRun = true;
        worker.start(fixture("accounts-ja-cp932.csv"), options);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(finished.first().at(0).value<CsvImporter::Report>().inserted, 3);
        QCOMPARE(finished.first().at(1).toString(), QString()); // a check sends nothing
        QCOMPARE(landing.size(), 0);
        QCOMPARE(count("accounts"), accounts);

        options.dryRun = false;
        worker.start(fixture("accounts-ja-cp932.csv"), options);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2 || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const QString landed = finished.last().at(1).toString();
        QVERIFY2(landed.startsWith(QStringLiteral("Into the team workspace"))
                     && landed.contains(QStringLiteral("3 accounts")),
                 qPrintable(landed));
        QCOMPARE(landing.size(), 1); // said before the rows went, so the dialog can say so
        QCOMPARE(count("accounts"), accounts + 3);
        QCOMPARE(m_super->scalar(QStringLiteral("SELECT name FROM accounts WHERE id = 'JP-001'"))->toString(),
                 QStringLiteral("株式会社さくら商事"));

        worker.start(fixture("accounts-ja-cp932.csv"), options);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 3 || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY2(finished.last().at(1).toString().endsWith(QStringLiteral(": nothing new.")),
                 qPrintable(finished.last().at(1).toString()));
        QCOMPARE(count("accounts"), accounts + 3);
    }

    // A file with bad rows, imported with the default (stop at bad rows): nothing reaches the team.
    void aBadFileLandsNothing()
    {
        const qint64 events = count("events");
        ImportWorker worker(std::make_shared<TeamImportTarget>(location("kenta"), QStringLiteral("pw-k")));
        QSignalSpy finished(&worker, &ImportWorker::finished);
        QSignalSpy landing(&worker, &ImportWorker::landing);
        CsvImporter::Options options;
        options.kind = ImportMapping::Kind::Events;
        worker.start(fixture("events-bad.csv"), options);
        QVERIFY(finished.wait(60000));
        QCOMPARE(landing.size(), 0);
        const auto report = finished.first().at(0).value<CsvImporter::Report>();
        QVERIFY(!report.committed);
        QCOMPARE(report.rejected, 3);
        QCOMPARE(finished.first().at(1).toString(), QString());
        QCOMPARE(count("events"), events);
    }

    // A CSM's import is refused before the file is read, with the role named; nothing changes.
    void aCsmsImportIsRefused()
    {
        const qint64 accounts = count("accounts");
        ImportWorker worker(std::make_shared<TeamImportTarget>(location("misaki"), QStringLiteral("pw-m")));
        QSignalSpy failed(&worker, &ImportWorker::failed);
        CsvImporter::Options options;
        options.kind = ImportMapping::Kind::Accounts;
        worker.start(fixture("accounts-utf8-bom.csv"), options);
        QVERIFY(failed.wait(60000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.startsWith(QStringLiteral("Only an admin imports into the team workspace"))
                     && message.contains(QStringLiteral("misaki is a member with the csm role")),
                 qPrintable(message));
        QCOMPARE(count("accounts"), accounts);
    }

    // The import dialog, pointed at the team: its title names the team; the report says what the
    // server took.
    void theDialogImportsIntoTheTeam()
    {
        const qint64 events = count("events");
        ImportCsvDialog dialog(m_copy.path());
        dialog.setTarget(std::make_shared<TeamImportTarget>(location("kenta"), QStringLiteral("pw-k")),
                         location("kenta").display());
        QVERIFY2(dialog.windowTitle().contains(location("kenta").display()),
                 qPrintable(dialog.windowTitle()));
        QSignalSpy previewed(&dialog, &ImportCsvDialog::previewed);
        QSignalSpy imported(&dialog, &ImportCsvDialog::imported);
        dialog.resize(900, 640);
        dialog.show();
        dialog.setFile(fixture("events-quoted.csv"));
        QVERIFY(previewed.wait(10000));
        auto* result = dialog.findChild<QPlainTextEdit*>(QStringLiteral("result"));
        // While the rows go to the server the dialog says so, and Cancel is off.
        QPushButton* close = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Close);
        std::optional<bool> cancelWhileSending;
        connect(result, &QPlainTextEdit::textChanged, this, [&] {
            if (!cancelWhileSending
                && result->toPlainText().contains(QStringLiteral("Sending it to the team server")))
                cancelWhileSending = close->isEnabled();
        });
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("import")), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QStringLiteral("Into the team workspace")),
                                  qPrintable(result->toPlainText()), 60000);
        QCOMPARE(imported.size(), 1);
        QVERIFY(cancelWhileSending.has_value());
        QVERIFY(!*cancelWhileSending);
        QVERIFY(close->isEnabled()); // and the dialog closes again now
        const qint64 added = imported.first().first().value<CsvImporter::Report>().inserted;
        QVERIFY(added > 0);
        QCOMPARE(count("events"), events + added);
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/team-import.png")));
    }

    // The Data Sources page of a team desktop lists the server's sources with their events (the
    // copy it is given holds neither); an admin may import from it, a CSM may not, and no one
    // runs connectors from it.
    void theSourcesPageReadsTheServer()
    {
        const qint64 demoEvents
            = m_super->scalar(QStringLiteral("SELECT count(*) FROM events WHERE source = 'demo'"))
                  ->toLongLong();
        QVERIFY(demoEvents > 0);
        for (const char* login : { "kenta", "misaki" }) {
            const bool admin = QLatin1String(login) == QLatin1String("kenta");
            DataSourcesView view;
            view.resize(900, 500);
            view.show();
            QSignalSpy loaded(&view, &DataSourcesView::loaded);
            view.setTeam(signIn(login, admin));
            view.setWorkspace(m_copy.path());
            QVERIFY(loaded.wait(30000));
            const qint64 sources
                = m_super->scalar(QStringLiteral("SELECT count(*) FROM sources"))->toLongLong();
            QCOMPARE(loaded.first().first().toInt(), int(sources));
            auto* table = view.findChild<QTableWidget*>(QStringLiteral("sources"));
            bool demoFound = false;
            for (int row = 0; row < table->rowCount(); ++row) {
                if (table->item(row, 0)->text() == QLatin1String("demo")) {
                    demoFound = true;
                    QCOMPARE(table->item(row, 2)->text(), QLocale().toString(demoEvents));
                }
            }
            QVERIFY(demoFound);
            QCOMPARE(view.findChild<QPushButton*>(QStringLiteral("import"))->isEnabled(), admin);
            QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("connectors"))->isEnabled());
            QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("pull"))->isEnabled());
            auto* hint = view.findChild<QLabel*>(QStringLiteral("hint"));
            QCOMPARE(hint->textFormat(), Qt::PlainText);
            QCOMPARE(
                hint->text().startsWith(QStringLiteral("Drop a CSV export here to import it into the team")),
                admin);
            // A file dragged over the page is taken by an admin's only.
            QMimeData mime;
            mime.setUrls({ QUrl::fromLocalFile(fixture("outcomes.csv")) });
            QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&view, &enter);
            QCOMPARE(enter.isAccepted(), admin);
            QSignalSpy requested(&view, &DataSourcesView::importRequested);
            QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&view, &drop);
            QCOMPARE(requested.size(), admin ? 1 : 0);
            // While the server cannot be reached, nobody imports, and the button says why (to a
            // CSM, still that only admins do). The reason quotes the server: "<b>" shows as written
            // (PlainText::asRichText escapes it).
            view.setOffline(
                QStringLiteral("Read-only while the team server cannot be reached (<b>test</b>)."));
            QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("import"))->isEnabled());
            const QString tip = view.findChild<QPushButton*>(QStringLiteral("import"))->toolTip();
            QVERIFY2(tip.contains(admin ? QStringLiteral("&lt;b&gt;test&lt;/b&gt;")
                                        : QStringLiteral("only admins")),
                     qPrintable(tip));
            QVERIFY2(
                hint->text().startsWith(QStringLiteral("Read-only while the team server cannot be reached")),
                qPrintable(hint->text()));
            view.setOffline(QString());
            QCOMPARE(view.findChild<QPushButton*>(QStringLiteral("import"))->isEnabled(), admin);
            QVERIFY(!hint->text().startsWith(QStringLiteral("Read-only")));
            if (admin)
                QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/team-sources.png")));
        }
    }

    void cleanupTestCase()
    {
        m_super.reset();
        m_cluster.stop();
    }

private:
    TeamLocation location(const char* login) const
    {
        return m_cluster.location(kDatabase, QLatin1String(login));
    }

    TeamSignIn signIn(const char* login, bool admin) const
    {
        return { location(login), QLatin1String(admin ? "pw-k" : "pw-m"), QString(),
                 QLatin1String(admin ? "admin" : "csm") };
    }

    qint64 count(const char* table) const
    {
        return m_super->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
            ->toLongLong();
    }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
    test::TempWorkspace m_copy;
    std::unique_ptr<TeamDatabase> m_super;
};

QTEST_MAIN(TestTeamDeskImport)
#include "TestTeamDeskImport.moc"
