#include "MainWindow.h"
#include "TestSupport.h"
#include "ViewFixtures.h"
#include "actions/ActionEngine.h"
#include "actions/ActionQueueView.h"
#include "actions/ActionStore.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomerListModel.h"
#include "customers/CustomersView.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "overview/OverviewView.h"
#include "rules/RuleSetEditor.h"
#include "rules/RulesView.h"
#include "sources/DataSourcesView.h"
#include "sources/SourceKinds.h"
#include "tuning/TuningView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChartView>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace tenure;

namespace {

QString withoutMnemonic(QString text)
{
    static const QRegularExpression mnemonic(QStringLiteral("&(?!&)"));
    return text.remove(mnemonic).replace(QStringLiteral("&&"), QStringLiteral("&"));
}

// The English texts of the interface that have a Japanese translation of their own in
// tenure_ja.ts (mnemonics left out): shown as they are, they were not translated.
QSet<QString> translatedEnglish()
{
    QSet<QString> english;
    QFile file(QStringLiteral(TENURE_SOURCE_DIR "/resources/translations/tenure_ja.ts"));
    if (!file.open(QIODevice::ReadOnly))
        return english;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = withoutMnemonic(xml.readElementText());
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished
                = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString translation
                = withoutMnemonic(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            if (!unfinished && !translation.isEmpty() && translation != source)
                english.insert(source);
        }
    }
    return english;
}

// The interface's own words that `root` shows: labels, buttons, group boxes, tabs, the headers
// of item views and the placeholders of line edits (not the data in the cells).
QStringList shownTexts(QWidget* root)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(root->window()))
            continue;
        if (auto* label = qobject_cast<QLabel*>(widget))
            texts << label->text();
        else if (auto* button = qobject_cast<QAbstractButton*>(widget))
            texts << button->text();
        else if (auto* group = qobject_cast<QGroupBox*>(widget))
            texts << group->title();
        else if (auto* edit = qobject_cast<QLineEdit*>(widget))
            texts << edit->placeholderText();
        else if (auto* tabs = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        else if (auto* header = qobject_cast<QHeaderView*>(widget); header && header->model())
            for (int i = 0; i < header->count(); ++i)
                if (!header->isSectionHidden(i))
                    texts << header->model()->headerData(i, header->orientation()).toString();
    }
    texts.removeAll(QString());
    return texts;
}

bool isJapanese(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return (c.unicode() >= 0x3040 && c.unicode() <= 0x30ff)
            || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff);
    });
}

// What is wrong with the language of `root`: empty when it shows Japanese and none of its words
// is an English text that has a translation.
QString speaksJapanese(QWidget* root, const QSet<QString>& english)
{
    const QStringList texts = shownTexts(root);
    QStringList untranslated;
    for (const QString& text : texts)
        if (english.contains(withoutMnemonic(text).trimmed()))
            untranslated << u'"' + text + u'"';
    if (!untranslated.isEmpty())
        return QStringLiteral("in English: ") + untranslated.join(QStringLiteral(", "));
    if (std::none_of(texts.begin(), texts.end(), isJapanese))
        return QStringLiteral("no Japanese among ") + texts.join(QStringLiteral(" | ")).left(400);
    return {};
}

} // namespace

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
        // An ARR is named when there is one; a trial's zero says nothing.
        QCOMPARE(ActionStore::reasonText(QStringLiteral(
                     R"({"band":"Normal","stage":"Trial","renewal_days":5,"arr":0,"currency":"JPY"})")),
                 QStringLiteral("Normal in Trial, 5 days to renewal"));
        QCOMPARE(ActionStore::reasonText(
                     QStringLiteral(R"({"band":"Bad","stage":"Renewal","arr":1200,"currency":"USD"})")),
                 QStringLiteral("Bad in Renewal, ARR $1,200"));
        // An action's reason leads with its own trigger's fact, so that two actions of one account
        // do not read alike.
        const QString facts = QStringLiteral(
            R"({"band":"Bad","stage":"Renewal","renewal_days":10,"drop":12,"window_days":30})");
        QCOMPARE(ActionStore::reasonText(facts, QStringLiteral("bad_band")),
                 QStringLiteral("Bad in Renewal, 10 days to renewal, score −12 in 30 days"));
        QCOMPARE(ActionStore::reasonText(facts, QStringLiteral("renewal_risk")),
                 QStringLiteral("10 days to renewal, Bad in Renewal, score −12 in 30 days"));
        QCOMPARE(ActionStore::reasonText(facts, QStringLiteral("score_drop")),
                 QStringLiteral("score −12 in 30 days, Bad in Renewal, 10 days to renewal"));
        // A change of a fraction reads as the customer page shows it, to a tenth.
        QCOMPARE(ActionStore::reasonText(
                     QStringLiteral(R"({"band":"Good","stage":"Adoption","drop":-2.5,"window_days":30})")),
                 QStringLiteral("Good in Adoption, score +2.5 in 30 days"));
        QCOMPARE(ActionStore::reasonText(
                     QStringLiteral(R"({"band":"Bad","stage":"Adoption","drop":12.26,"window_days":14})")),
                 QStringLiteral("Bad in Adoption, score −12.3 in 14 days"));
    }

    // Every message of the window and of the command line (help, errors, reports) has its
    // Japanese, and every translation keeps the source's placeholders.
    void everyMessageIsTranslated()
    {
        QFile file(QStringLiteral(TENURE_SOURCE_DIR "/resources/translations/tenure_ja.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList missing;
        QStringList placeholders;
        QStringList misfiled;
        int checked = 0;
        static const QRegularExpression placeholder(QStringLiteral("%(\\d+)"));
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
                // lupdate's guess when it lost a call's class: no code asks that context at run time.
                if (context == QLatin1String("QCoreApplication"))
                    misfiled << context;
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
                ++checked;
                if (unfinished || translation.isEmpty())
                    missing << context + QStringLiteral(": ") + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE_GT(checked, 1500);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("without Japanese:\n") + missing.join(u'\n')));
        QVERIFY2(placeholders.isEmpty(), qPrintable(placeholders.join(u'\n')));
        QVERIFY2(misfiled.isEmpty(),
                 "messages filed under QCoreApplication: see ImportCommand.cpp's note on translate()");

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
        const QSet<QString> english = translatedEnglish();
        QCOMPARE_GT(english.size(), 200);
        QVERIFY(english.contains(QStringLiteral("Customers")));
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Japanese, QLocale::Japan), QStringLiteral("tenure"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QApplication::installTranslator(&translator));
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        auto restore = qScopeGuard([&] {
            QApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
        });

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
        auto* overview = window.findChild<OverviewView*>();
        QSignalSpy overviewLoaded(overview, &OverviewView::loaded);
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(workspace.path());
        QVERIFY(scored.wait(30000));
        // Each view is saved for people to look at, once it shows its data, and checked: it speaks
        // Japanese, and none of its words is left in English where a translation exists.
        auto shot = [&window](const QString& name) {
            return window.grab().save(test::screenshotDir() + QStringLiteral("/ja-%1.png").arg(name));
        };
        QVERIFY(!overviewLoaded.isEmpty() || overviewLoaded.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            !overview->findChildren<QChartView*>().isEmpty()
                && !overview->findChildren<QChartView*>().first()->chart()->series().isEmpty(),
            10000);
        QVERIFY(shot(QStringLiteral("overview")));
        QString problem = speaksJapanese(overview, english);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("overview: ") + problem));
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
            QVERIFY(shot(QStringLiteral("actions")));
            problem = speaksJapanese(window.findChild<ActionQueueView*>(), english);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("actions: ") + problem));
        }
        // Every other view: the navigation and the views' own words are Japanese, their data shown.
        QCOMPARE(navigation->item(4)->text(), QStringLiteral("ルール"));
        QCOMPARE(navigation->item(5)->text(), QStringLiteral("チューニング"));
        QCOMPARE(navigation->item(6)->text(), QStringLiteral("データソース"));
        auto ruleTreeFilled = [](QWidget* view) {
            auto* tree = view->findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
            return tree && tree->topLevelItemCount() > 1;
        };
        struct Page
        {
            const char* view;
            QWidget* widget;
            std::function<bool()> showsItsData;
        };
        auto* customers = window.findChild<CustomersView*>();
        auto* rules = window.findChild<RulesView*>();
        auto* tuning = window.findChild<TuningView*>();
        auto* sources = window.findChild<DataSourcesView*>();
        const QList<Page> pages {
            { "customers", customers, [&] { return customers->model()->rowCount() == 40; } },
            { "rules", rules, [&] { return ruleTreeFilled(rules); } },
            { "tuning", tuning, [&] { return ruleTreeFilled(tuning->candidateEditor()); } },
            { "datasources", sources,
              [&] {
                  auto* table = sources->findChild<QTableWidget*>(QStringLiteral("sources"));
                  return table->rowCount() == 1 && table->item(0, 0)->text() == QLatin1String("demo");
              } },
        };
        for (const Page& page : pages) {
            const QString name = QString::fromLatin1(page.view);
            QVERIFY(window.showView(name));
            QVERIFY(page.widget->isVisible());
            QTRY_VERIFY2_WITH_TIMEOUT(page.showsItsData(), page.view, 10000);
            QVERIFY(shot(name));
            problem = speaksJapanese(page.widget, english);
            QVERIFY2(problem.isEmpty(), qPrintable(name + QStringLiteral(": ") + problem));
        }
        // The kinds the workspace stores as keywords read in Japanese: the demo source's in its
        // table, a connector's, a CSV preset's.
        QCOMPARE(sources->findChild<QTableWidget*>(QStringLiteral("sources"))->item(0, 1)->text(),
                 QStringLiteral("デモデータ"));
        QCOMPARE(SourceKinds::source(QStringLiteral("mixpanel")), QStringLiteral("Mixpanel エクスポート"));
        QCOMPARE(SourceKinds::source(QStringLiteral("csv")), QStringLiteral("CSV インポート"));
        QCOMPARE(SourceKinds::importKind(QStringLiteral("events")), QStringLiteral("利用イベント"));
        QCOMPARE(SourceKinds::source(QStringLiteral("newer-kind")),
                 QStringLiteral("newer-kind")); // as stored
        // The customer page without a customer, before one is opened.
        auto* detail = window.findChild<CustomerDetailView*>();
        QVERIFY(window.showView(QStringLiteral("customer")));
        QVERIFY(detail->isVisible());
        QVERIFY(shot(QStringLiteral("customer-empty")));
        problem = speaksJapanese(detail, english);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("customer-empty: ") + problem));
        // A customer, then one with open actions: the list with Done and Snooze, the notes beside.
        QString acted;
        {
            auto db = workspace.open(Database::Mode::ReadOnly);
            const Result<QList<Action>> queue = ActionStore(*db).queue();
            QVERIFY(queue.ok() && !queue->isEmpty());
            acted = queue->first().accountId;
        }
        for (const QString& id : { QStringLiteral("A-00001"), acted }) {
            QSignalSpy shown(detail, &CustomerDetailView::shown);
            QVERIFY(window.showView(QStringLiteral("customer:") + id));
            QTRY_VERIFY_WITH_TIMEOUT(detail->report() && detail->report()->account.id == id, 10000);
            QCOMPARE(detail->findChild<QLabel*>(QStringLiteral("title"))->text(),
                     detail->report()->account.name);
            QVERIFY(shot(id == acted ? QStringLiteral("customer-actions") : QStringLiteral("customer")));
            problem = speaksJapanese(detail, english);
            QVERIFY2(problem.isEmpty(), qPrintable(id + QStringLiteral(": ") + problem));
        }
        // What happened to a customer, in Japanese: 「更新」, not the stored "renewed".
        const QString renewed = workspace.accountWithOutcome(Outcome::Kind::Renewed);
        QVERIFY(!renewed.isEmpty());
        QVERIFY(window.showView(QStringLiteral("customer:") + renewed));
        QTRY_VERIFY_WITH_TIMEOUT(detail->report() && detail->report()->account.id == renewed, 10000);
        const QString outcomes = detail->findChild<QLabel*>(QStringLiteral("outcomes"))->text();
        QVERIFY2(outcomes.contains(QStringLiteral("更新")) && !outcomes.contains(QLatin1String("renewed")),
                 qPrintable(outcomes));
        // The quick switcher finds views by their Japanese names.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        auto* switcher = window.findChild<QWidget*>(QStringLiteral("quickSwitcher"));
        QVERIFY(switcher && switcher->isVisible());
        auto* edit = switcher->findChild<QLineEdit*>(QStringLiteral("quickSwitcherEdit"));
        auto* found = switcher->findChild<QListWidget*>(QStringLiteral("quickSwitcherList"));
        QInputMethodEvent typed;
        typed.setCommitString(QStringLiteral("チュー"));
        QApplication::sendEvent(edit, &typed);
        QTRY_COMPARE_WITH_TIMEOUT(found->count(), 1, 5000);
        QCOMPARE(found->item(0)->text(), QStringLiteral("チューニング"));
        QVERIFY(test::saveWithPopup(window, switcher, QStringLiteral("ja-switcher.png")));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(navigation->currentRow(), 5);
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
