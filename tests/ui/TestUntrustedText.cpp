#include "TestSupport.h"
#include "ViewFixtures.h"
#include "actions/ActionEngine.h"
#include "actions/ActionQueueView.h"
#include "actions/ActionStore.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomerListModel.h"
#include "customers/CustomersView.h"
#include "engine/ScoringEngine.h"
#include "overview/OverviewView.h"
#include "print/ReportPdf.h"
#include "report/AccountReport.h"
#include "report/PortfolioReport.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleStore.h"
#include "rules/RulesView.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "tuning/TuningView.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegendMarker>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QTreeWidget>

using namespace tenure;

namespace {

// What an attacker puts in a CRM field, an event name or a rule file.
const QString kName = QStringLiteral("<h1 style=\"color:red\">INJECTED</h1><a href=\"http://x\">link</a>");
const QString kOwner = QStringLiteral("<b style=\"color:red\">Owner</b><img src=\"http://x/o.png\">");
const QString kEvent = QStringLiteral("<h1 style=\"color:red\">event</h1>");
const QString kNote = QStringLiteral("<h1 style=\"color:red\">note</h1><a href=\"http://x\">call</a>");
const QString kStage = QStringLiteral("<h1 style=\"color:red\">Stage</h1>");
const QString kLabel = QStringLiteral("<h1 style=\"color:red\">Criterion</h1>");
// A server's error text, which names the database, as a view's read-only reason (tooltips).
const QString kServerError = QStringLiteral("<h1 style=\"color:red\">db</h1> cannot be reached");
// A currency no ISO list knows: shown as written beside the amount.
const QString kCurrency = QStringLiteral("<img src=\"http://x/c.png\">");
// Every one of them holds an element the rich-text engine would act on.
const QStringList kTags { QStringLiteral("<h1"), QStringLiteral("<a href"), QStringLiteral("<b style"),
                          QStringLiteral("<img") };

bool holdsMarkup(const QString& text)
{
    for (const QString& tag : kTags)
        if (text.contains(tag))
            return true;
    return false;
}

// Whether Qt would render `text` as markup in a widget with text format `format`.
bool rendersAsMarkup(Qt::TextFormat format, const QString& text)
{
    return format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
}

// Every place in `root` where a raw tag from the data would be interpreted, as "where: text".
// Labels, widget and item tooltips (tooltips guess rich text) and chart texts (QtCharts renders
// titles, legends and axis labels as HTML).
QStringList interpreted(QWidget* root)
{
    QStringList found;
    auto check = [&found](const QString& where, Qt::TextFormat format, const QString& text) {
        if (holdsMarkup(text) && rendersAsMarkup(format, text))
            found << where + QStringLiteral(": ") + text;
        // Escaped data in a text taken as plain would show "&lt;h1".
        if (text.contains(QLatin1String("&lt;h1")) && !rendersAsMarkup(format, text))
            found << where + QStringLiteral(" shows entities: ") + text;
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        const QString name
            = QString::fromLatin1(widget->metaObject()->className()) + u'#' + widget->objectName();
        check(name + QStringLiteral(" tooltip"), Qt::AutoText, widget->toolTip());
        if (auto* label = qobject_cast<QLabel*>(widget))
            check(name, label->textFormat(), label->text());
        if (auto* view = qobject_cast<QAbstractItemView*>(widget); view && view->model()) {
            const QAbstractItemModel* model = view->model();
            std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
                for (int row = 0; row < std::min(model->rowCount(parent), 500); ++row)
                    for (int column = 0; column < model->columnCount(parent); ++column) {
                        const QModelIndex index = model->index(row, column, parent);
                        check(name + QStringLiteral(" item tooltip"), Qt::AutoText,
                              index.data(Qt::ToolTipRole).toString());
                        if (column == 0)
                            walk(index);
                    }
            };
            walk({});
        }
        if (auto* chartView = qobject_cast<QChartView*>(widget)) {
            QChart* chart = chartView->chart();
            check(name + QStringLiteral(" chart title"), Qt::RichText, chart->title());
            for (QLegendMarker* marker : chart->legend()->markers())
                check(name + QStringLiteral(" legend"), Qt::RichText, marker->label());
            for (QAbstractSeries* series : chart->series()) {
                check(name + QStringLiteral(" series"), Qt::RichText, series->name());
                if (auto* bars = qobject_cast<QAbstractBarSeries*>(series))
                    for (QBarSet* set : bars->barSets())
                        check(name + QStringLiteral(" bar set"), Qt::RichText, set->label());
            }
            for (QAbstractAxis* axis : chart->axes()) {
                check(name + QStringLiteral(" axis title"), Qt::RichText, axis->titleText());
                if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis))
                    for (const QString& category : categories->categories())
                        check(name + QStringLiteral(" axis label"), Qt::RichText, category);
            }
        }
    }
    return found;
}

QString pdfText(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

// Names, owners, event names, notes and rule labels are data from imports, connectors and rule
// files: every view and report shows them as written and never acts on markup in them.
class TestUntrustedText : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;
    QString m_id;

private slots:
    void initTestCase()
    {
        auto db = m_workspace.open();
        const Status filled = test::fillScoredDemo(*db, 60);
        QVERIFY2(filled, qPrintable(filled.error()));
        QSqlQuery query(db->connection());
        QVERIFY(
            query.exec(QStringLiteral("SELECT account_id, stage FROM account_status WHERE score IS NOT NULL "
                                      "ORDER BY score LIMIT 1"))
            && query.next());
        m_id = query.value(0).toString();
        const QString stageId = query.value(1).toString();
        query.finish(); // an open statement would keep the rebuild from swapping its tables in

        // A rule file whose stage name and criterion label are markup, saved by a hostile author.
        Result<RuleStore::Active> active = RuleStore(*db).active();
        QVERIFY(active);
        RuleSet rules = active->rules;
        for (Stage& stage : rules.stages)
            if (stage.id == stageId && !stage.criteria.isEmpty()) {
                stage.name = kStage;
                stage.criteria.first().label = kLabel;
            }
        QVERIFY(RuleStore(*db).save(rules, kOwner));

        Result<QList<Account>> accounts = AccountStore(*db).all();
        QVERIFY(accounts);
        for (Account account : accounts.value())
            if (account.id == m_id) {
                account.name = kName;
                account.owner = kOwner;
                account.currency = kCurrency;
                account.arr = 12000;
                QVERIFY(AccountStore(*db).upsert({ &account, 1 }));
            }
        Event event;
        event.source = QString::fromLatin1(DemoGenerator::kSource);
        event.externalId = QStringLiteral("injected-1");
        event.accountId = m_id;
        event.userId = kOwner;
        event.name = kEvent;
        event.occurredAt = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
        event.quantity = 1e6; // the account's most used event
        QVERIFY(EventLog(*db).append({ &event, 1 }));
        const Result<ScoringEngine::Summary> scored = ScoringEngine(*db).rebuild();
        QVERIFY2(scored, scored ? "" : qPrintable(scored.error()));
        QVERIFY(ActionEngine(*db, ActionRules {}).refresh(QDate::currentDate()).ok());
        QVERIFY(ActionStore(*db).addAccountNote(m_id, kOwner, kNote));
    }

    void customerList()
    {
        test::ShownView<CustomersView> shown({ 1100, 600 }, &CustomersView::searched);
        QVERIFY(shown.open(m_workspace.path()));
        CustomersView& view = shown.view;
        bool listed = false;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            listed = listed || view.model()->row(row).name == kName;
        QVERIFY(listed);
        const QStringList found = interpreted(&view);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void customerPage()
    {
        CustomerDetailView view;
        view.resize(1200, 900);
        view.show();
        QSignalSpy shown(&view, &CustomerDetailView::shown);
        view.setWorkspace(m_workspace.path());
        view.showCustomer(m_id);
        QVERIFY(shown.wait(10000));
        auto* title = view.findChild<QLabel*>(QStringLiteral("title"));
        QCOMPARE(title->text(), kName);
        QCOMPARE(title->textFormat(), Qt::PlainText);
        // The rich labels show the data as text: what a user reads is the literal markup.
        auto* facts = view.findChild<QLabel*>(QStringLiteral("facts"));
        QTextDocument rendered;
        rendered.setHtml(facts->text());
        QVERIFY2(rendered.toPlainText().contains(kStage), qPrintable(facts->text()));
        QVERIFY2(rendered.toPlainText().contains(kCurrency), qPrintable(facts->text()));
        // The notes timeline: plain-text items, the note as written.
        auto* notes = view.findChild<QListWidget*>(QStringLiteral("notes"));
        QVERIFY(notes && notes->count() > 0);
        QVERIFY2(notes->item(0)->text().contains(kNote), qPrintable(notes->item(0)->text()));
        view.setReadOnly(kServerError); // the team server away: the reason on every button
        const QStringList found = interpreted(&view);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/untrusted-customer.png")));
    }

    void actionQueue()
    {
        test::ShownView<ActionQueueView> shown({ 1100, 500 }, &ActionQueueView::loaded);
        QVERIFY(shown.open(m_workspace.path()));
        shown.view.setOffline(kServerError);
        const QStringList found = interpreted(&shown.view);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void overview()
    {
        test::ShownView<OverviewView> shown({ 1200, 800 }, &OverviewView::loaded);
        QVERIFY(shown.open(m_workspace.path(), 20000));
        const QStringList found = interpreted(&shown.view);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void rulesAndTuning()
    {
        test::ShownView<RulesView> shown({ 1200, 800 }, &RulesView::loaded);
        QVERIFY(shown.open(m_workspace.path()));
        RulesView& rules = shown.view;
        auto* tree = rules.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        QVERIFY(!tree->findItems(kLabel, Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
        rules.setSaver({}, kServerError);
        QStringList found = interpreted(&rules);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));

        TuningView tuning;
        tuning.resize(1300, 800);
        tuning.show();
        QSignalSpy finished(&tuning, &TuningView::finished);
        tuning.setWorkspace(m_workspace.path());
        QTRY_VERIFY_WITH_TIMEOUT(
            tuning.candidateEditor()->findChild<QTreeWidget*>(QStringLiteral("ruleTree"))->topLevelItemCount()
                > 1,
            10000);
        tuning.runBacktest();
        QVERIFY(finished.wait(30000));
        tuning.setSaver({}, kServerError);
        found = interpreted(&tuning);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    // Reports paint text, never markup: the PDFs carry the literal tags.
    void reports()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        auto db = m_workspace.open(Database::Mode::ReadOnly);
        const Result<AccountReport> account = AccountReport::load(*db, m_id, QDate::currentDate());
        QVERIFY(account);
        const QString accountPdf = m_workspace.dir() + QStringLiteral("/untrusted-account.pdf");
        QVERIFY(ReportPdf::write(*account, accountPdf, QPageSize::A4));
        const QString text = pdfText(accountPdf).simplified();
        for (const QString& literal :
             { QStringLiteral("<h1 style=\"color:red\">INJECTED</h1>"), kOwner, kNote, kEvent, kLabel })
            QVERIFY2(text.contains(literal),
                     qPrintable(literal + QStringLiteral(" not in ") + text.left(600)));

        const Result<PortfolioReport> portfolio = PortfolioReport::load(*db, QDate::currentDate());
        QVERIFY(portfolio);
        const QString portfolioPdf = m_workspace.dir() + QStringLiteral("/untrusted-portfolio.pdf");
        QVERIFY(ReportPdf::write(*portfolio, portfolioPdf, QPageSize::A4));
        const QString all = pdfText(portfolioPdf).simplified();
        QVERIFY2(all.contains(QLatin1String("<h1 style=")), qPrintable(all.left(600)));
        QVERIFY(all.contains(QLatin1String("<b style=")));
        test::copyForPeople(accountPdf);
    }
};

QTEST_MAIN(TestUntrustedText)
#include "TestUntrustedText.moc"
