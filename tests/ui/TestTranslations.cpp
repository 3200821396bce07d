#include "MainWindow.h"
#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "actions/ActionStore.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QXmlStreamReader>

using namespace tenure;

// Japanese teams are first-class: the shipped translation loads and the window speaks it.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    // Action reasons are stored as facts and read in each CSM's language.
    void reasonsFollowTheReader()
    {
        const QString stored
            = QStringLiteral(R"({"band":"Bad","stage":"Renewal","renewal_days":45,"silent_days":20})");
        QCOMPARE(ActionStore::reasonText(stored),
                 QStringLiteral("No activity for 20 days, Bad in Renewal, 45 days to renewal"));
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tenure_ja.qm")));
        QApplication::installTranslator(&translator);
        const QString japanese = ActionStore::reasonText(stored);
        QApplication::removeTranslator(&translator);
        QVERIFY2(japanese.contains(QStringLiteral("20 日間利用なし"))
                     && japanese.contains(QStringLiteral("更新まで 45 日")),
                 qPrintable(japanese));
        QCOMPARE(ActionStore::reasonText(QStringLiteral("a plain note")), QStringLiteral("a plain note"));
    }

    // What CSMs read when a file, a workspace or the team server refuses something: every message
    // of these contexts has its Japanese, and every translation keeps the source's placeholders.
    void everyMessageOfTheUntrustedDataPathIsTranslated()
    {
        static const QSet<QString> contexts {
            "ColumnTypes",
            "CsvReader",
            "TextDecoding",
            "ImportMapping",
            "RowConverter",
            "CsvImporter",
            "CsvPreview",
            "SchemaCheck",
            "Database",
            "CsvCell",
            "TeamLocation",
            "TeamDatabase",
            "TeamSchema",
            "TeamMembers",
            "TeamPush",
            "TeamReplica",
            "TeamPublisher",
            "TeamEngine",
            "TeamService",
            "tenure::TeamService",
            "TeamReadCopy",
            "TeamDeskSync",
            "tenure::TeamDeskSync",
            "tenure::TeamConnectDialog",
            "tenure::ScopeSwitch",
            "tenure::RecentWorkspaces",
            "tenure::ActionQueueView",
            "tenure::ActionQueueModel",
            "TeamAccess",
            "PgCopy",
            "PgCopyOut",
            "tenure::MappingEditor",
            "tenure::ImportCsvDialog",
            "RuleSuggester",
            "Backtest",
            "tenure::TuningView",
            "tenure::cli::TuneCommand",
        };
        QFile file(QStringLiteral(TENURE_SOURCE_DIR "/resources/translations/tenure_ja.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList missing;
        QStringList placeholders;
        int checked = 0;
        static const QRegularExpression placeholder(QStringLiteral("%(\\d+)"));
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished
                    = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!unfinished && !translation.isEmpty()) {
                    for (auto it = placeholder.globalMatch(source); it.hasNext();) {
                        const QString arg = it.next().captured(0);
                        if (!translation.contains(arg))
                            placeholders << QStringLiteral("%1: \"%2\" lacks %3").arg(context, source, arg);
                    }
                }
                if (!contexts.contains(context))
                    continue;
                ++checked;
                if (unfinished || translation.isEmpty())
                    missing << context + QStringLiteral(": ") + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(checked > 200);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("without Japanese:\n") + missing.join(u'\n')));
        QVERIFY2(placeholders.isEmpty(), qPrintable(placeholders.join(u'\n')));

        // And the compiled translation speaks them.
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tenure_ja.qm")));
        QCOMPARE(translator
                     .translate("tenure::ImportCsvDialog",
                                "%1 rows left out by the mapping's filter — not errors.")
                     .arg(2),
                 QStringLiteral("マッピングの絞り込みで 2 行を除外しました(エラーではありません)。"));
        QVERIFY(!translator
                     .translate("SchemaCheck", "its schema version %1 is unknown to this version of Tenure.")
                     .isEmpty());
    }

    void japaneseWindow()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Japanese, QLocale::Japan), QStringLiteral("tenure"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QApplication::installTranslator(&translator));
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));

        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            DemoGenerator::Options options;
            options.accounts = 40;
            QVERIFY(DemoWorkspace::populate(*db, options).ok());
        }
        MainWindow window;
        window.resize(1200, 760);
        window.show();
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("ファイル(&F)"));
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("概要"));
        QCOMPARE(navigation->item(1)->text(), QStringLiteral("顧客"));
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(workspace.path());
        QVERIFY(scored.wait(30000));
        QTest::qWait(500);
        window.grab().save(test::screenshotDir() + QStringLiteral("/ja-overview.png"));
        window.showView(QStringLiteral("actions"));
        QTRY_VERIFY_WITH_TIMEOUT(navigation->item(2)->text().startsWith(QStringLiteral("アクション (")),
                                 10000);
        {
            // One row per account; the one with the most triggers opened to show them in Japanese.
            auto* tree = window.findChild<QTreeView*>(QStringLiteral("actions"));
            QAbstractItemModel* model = tree->model();
            QModelIndex most;
            for (int row = 0; row < model->rowCount(); ++row)
                if (!most.isValid() || model->rowCount(model->index(row, 0)) > model->rowCount(most))
                    most = model->index(row, 0);
            QVERIFY(most.isValid());
            tree->expand(most);
            QCOMPARE(model->index(0, 5, most).data().toString(), QStringLiteral("未対応"));
            QVERIFY(window.findChild<QLabel*>(QStringLiteral("count"))
                        ->text()
                        .startsWith(QStringLiteral("顧客 ")));
        }
        QTest::qWait(300);
        window.grab().save(test::screenshotDir() + QStringLiteral("/ja-actions.png"));
        // Every other view, for people to look at; the navigation and the views' own words are Japanese.
        QCOMPARE(navigation->item(4)->text(), QStringLiteral("ルール"));
        QCOMPARE(navigation->item(5)->text(), QStringLiteral("チューニング"));
        QCOMPARE(navigation->item(6)->text(), QStringLiteral("データソース"));
        for (const char* view : { "customers", "rules", "tuning", "datasources" }) {
            QVERIFY(window.showView(QString::fromLatin1(view)));
            QTest::qWait(400);
            window.grab().save(test::screenshotDir() + QStringLiteral("/ja-%1.png").arg(QLatin1String(view)));
        }
        // The customer page without a customer, before one is opened.
        QVERIFY(window.showView(QStringLiteral("customer")));
        QTest::qWait(200);
        window.grab().save(test::screenshotDir() + QStringLiteral("/ja-customer-empty.png"));
        QVERIFY(window.showView(QStringLiteral("customer:A-00001")));
        QTest::qWait(600);
        window.grab().save(test::screenshotDir() + QStringLiteral("/ja-customer.png"));
        // A customer with open actions: the list with Done and Snooze, the notes beside.
        QString acted;
        {
            auto db = workspace.open(Database::Mode::ReadOnly);
            const Result<QList<Action>> queue = ActionStore(*db).queue();
            QVERIFY(queue.ok() && !queue->isEmpty());
            acted = queue->first().accountId;
        }
        QVERIFY(window.showView(QStringLiteral("customer:") + acted));
        QTest::qWait(600);
        window.grab().save(test::screenshotDir() + QStringLiteral("/ja-customer-actions.png"));
        // The quick switcher finds views by their Japanese names.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        auto* switcher = window.findChild<QWidget*>(QStringLiteral("quickSwitcher"));
        QVERIFY(switcher && switcher->isVisible());
        auto* edit = switcher->findChild<QLineEdit*>(QStringLiteral("quickSwitcherEdit"));
        QInputMethodEvent typed;
        typed.setCommitString(QStringLiteral("チュー"));
        QApplication::sendEvent(edit, &typed);
        QTest::qWait(400);
        QPixmap shot = window.grab();
        QPainter painter(&shot);
        painter.drawPixmap(window.mapFromGlobal(switcher->mapToGlobal(QPoint(0, 0))), switcher->grab());
        painter.end();
        shot.save(test::screenshotDir() + QStringLiteral("/ja-switcher.png"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(navigation->currentRow(), 5);

        QApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
