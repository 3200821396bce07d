#include "ChartAxes.h"
#include "MainWindow.h"
#include "ScreenFit.h"
#include "TestSupport.h"
#include "UiFonts.h"
#include "actions/ActionEngine.h"
#include "customers/CustomerListDelegate.h"
#include "customers/CustomerListModel.h"
#include "customers/CustomersView.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "overview/OverviewView.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleSetJson.h"
#include "rules/RulesView.h"
#include "team/TeamLocation.h"
#include "tuning/TuningView.h"
#include "workspace/WorkspaceSummaryView.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFontDatabase>
#include <QFontInfo>
#include <QGlyphRun>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QRawFont>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTextLayout>
#include <QTranslator>
#include <QTreeWidget>
#include <QValueAxis>

#include <cmath>
#include <tuple>

using namespace tenure;

namespace {

// A tooltip as the user reads it.
QString plain(const QString& tooltip)
{
    QTextDocument document;
    document.setHtml(tooltip);
    return document.toPlainText();
}

bool isMultiple(double value, double step)
{
    const double ratio = value / step;
    return std::abs(ratio - std::round(ratio)) < 1e-6;
}

// Checks that every value axis of `chart` covers what its series show, tightly, with round ticks.
void checkChart(QChart* chart, const QString& name)
{
    QVERIFY2(!chart->series().isEmpty(), qPrintable(name));
    for (QAbstractSeries* series : chart->series()) {
        auto* bars = qobject_cast<QAbstractBarSeries*>(series);
        QVERIFY2(bars, qPrintable(name + QStringLiteral(": a series of a kind this test does not know")));
        const bool stacked
            = qobject_cast<QStackedBarSeries*>(series) || qobject_cast<QHorizontalStackedBarSeries*>(series);
        double high = 0;
        int values = 0;
        for (QBarSet* set : bars->barSets())
            values = std::max(values, set->count());
        for (qsizetype i = 0; i < values; ++i) {
            double stack = 0;
            for (QBarSet* set : bars->barSets())
                stack = stacked ? stack + set->at(i) : std::max(stack, set->at(i));
            high = std::max(high, stack);
        }
        int valueAxes = 0;
        for (QAbstractAxis* axis : series->attachedAxes()) {
            auto* value = qobject_cast<QValueAxis*>(axis);
            if (!value)
                continue;
            ++valueAxes;
            const QString what = QStringLiteral("%1: axis %2–%3, data up to %4")
                                     .arg(name)
                                     .arg(value->min())
                                     .arg(value->max())
                                     .arg(high);
            QVERIFY2(value->min() <= 0 && value->max() >= high, qPrintable(what));
            auto* category = qobject_cast<QCategoryAxis*>(value);
            QVERIFY2(category, qPrintable(what + QStringLiteral(": ticks not set by ChartAxes")));
            QList<double> ticks;
            for (const QString& label : category->categoriesLabels())
                ticks.append(category->endValue(label));
            QVERIFY2(ticks.size() >= 2, qPrintable(what + QStringLiteral(": %1 ticks").arg(ticks.size())));
            const double step = ticks[1] - ticks[0];
            QVERIFY2(ChartAxes::isNiceStep(step), qPrintable(what + QStringLiteral(", step %1").arg(step)));
            QCOMPARE(ticks.first(), value->min());
            QCOMPARE(ticks.last(), value->max());
            for (qsizetype i = 1; i < ticks.size(); ++i) {
                QVERIFY2(std::abs(ticks[i] - ticks[i - 1] - step) < step * 1e-9, qPrintable(what));
                QVERIFY2(isMultiple(ticks[i], step), qPrintable(what));
            }
            // Fits: the last tick is the first round value at or past the data.
            QVERIFY2(value->max() - step < std::max(high, 0.0) || (high <= 0 && value->max() <= 1),
                     qPrintable(what));
        }
        QVERIFY2(valueAxes == 1, qPrintable(name + QStringLiteral(": %1 value axes, not 1").arg(valueAxes)));
    }
}

} // namespace

// The CSM's desk (issue #20): charts fit their data with round ticks, the customer list reads at
// the default window size, the rules tree keeps its layout.
class TestDesk : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;
    QFont m_systemFont; // the application's font before UiFonts::install()

    struct Japanese
    {
        QTranslator translator;
        Japanese()
        {
            if (!translator.load(QStringLiteral(":/i18n/tenure_ja.qm")))
                qFatal("no Japanese translation");
            QApplication::installTranslator(&translator);
            QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        }
        ~Japanese()
        {
            QApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
        }
    };

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_systemFont = QApplication::font();
        UiFonts::install(); // the window's fonts, as the app sets them
        auto db = m_workspace.open();
        DemoGenerator::Options options;
        options.accounts = 300;
        QVERIFY(DemoWorkspace::populate(*db, options).ok());
        QVERIFY(ScoringEngine(*db).rebuild().ok());
        QVERIFY(ActionEngine(*db, ActionRules {}).refresh(QDate::currentDate()).ok());
    }

    // Every chart of the overview, on a portfolio whose 12-month stacks reach 300 accounts.
    void overviewChartsFitTheirData()
    {
        OverviewView view;
        view.resize(1000, 600);
        view.show();
        QSignalSpy loaded(&view, &OverviewView::loaded);
        view.setWorkspace(m_workspace.path());
        QVERIFY(loaded.wait(20000));
        const QList<QChartView*> charts = view.findChildren<QChartView*>();
        QCOMPARE(charts.size(), 4);
        for (QChartView* chart : charts)
            checkChart(chart->chart(), chart->chart()->title());
        QTest::qWait(100);
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/desk-overview.png")));
    }

    // The main window's first size on the screens CSMs have: the size its views are laid out for
    // where the screen holds it with the window's frame, never taller than a laptop screen holds,
    // never less than its views need.
    void theWindowFitsTheScreen_data()
    {
        QTest::addColumn<QSize>("available"); // the screen less its panels
        QTest::addColumn<QSize>("expected");
        QTest::addColumn<QSize>("preview"); // the print preview, 900 × 1000 where it fits
        QTest::newRow("1366 × 768 laptop") << QSize(1366, 728) << QSize(1229, 680) << QSize(900, 680);
        QTest::newRow("1440 × 900") << QSize(1440, 860) << QSize(1296, 774) << QSize(900, 812);
        QTest::newRow("1920 × 1080") << QSize(1920, 1040) << QSize(1400, 900) << QSize(900, 992);
        QTest::newRow("2560 × 1440") << QSize(2560, 1400) << QSize(1400, 900) << QSize(900, 1000);
        QTest::newRow("1280 × 1024") << QSize(1280, 984) << QSize(1152, 886) << QSize(900, 936);
        QTest::newRow("smaller than the views need")
            << QSize(800, 600) << QSize(1100, 680) << QSize(784, 552);
        QTest::newRow("no screen") << QSize() << QSize(1100, 720) << QSize(900, 1000);
    }

    void theWindowFitsTheScreen()
    {
        QFETCH(QSize, available);
        QFETCH(QSize, expected);
        QFETCH(QSize, preview);
        const QSize size = ScreenFit::mainWindow(available);
        QCOMPARE(size, expected);
        if (available.height() >= 720) // with its title bar, on the screen
            QVERIFY(size.height() + ScreenFit::kFrame.height() <= available.height());
        QVERIFY(size.width() >= 1100 && size.height() >= 680);
        QCOMPARE(ScreenFit::within(QSize(900, 1000), available), preview);
    }

    // At the default window size, in English and Japanese: the band a badge with its name, no cell
    // wrapped or clipped, the long ones elided with the whole text in their tooltips.
    void customerListReadsAtTheDefaultSize_data()
    {
        QTest::addColumn<bool>("japanese");
        QTest::newRow("English") << false;
        QTest::newRow("Japanese") << true;
    }

    void customerListReadsAtTheDefaultSize()
    {
        QFETCH(bool, japanese);
        std::optional<Japanese> language;
        if (japanese)
            language.emplace();
        MainWindow window; // as ScreenFit says for the screen it opens on
        QCOMPARE(window.size(), ScreenFit::mainWindow(window.screen()->availableSize()));
        if (window.screen()->availableSize() == QSize(800, 600)) // the offscreen platform's
            QCOMPARE(window.size(), QSize(1100, 680));
        // No view holds the window wider than that (a 1366 px laptop screen has room for it).
        QVERIFY2(window.minimumSizeHint().width() <= 1100,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        window.show();
        window.resize(1100, 720);
        QTRY_COMPARE(window.size(), QSize(1100, 720));
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(m_workspace.path());
        QVERIFY(scored.wait(30000));
        for (const char* view : { "tuning", "rules", "actions", "datasources", "overview" }) {
            QVERIFY(window.showView(QLatin1String(view)));
            QTest::qWait(100);
            QVERIFY2(window.minimumSizeHint().width() <= 1100,
                     qPrintable(QStringLiteral("%1: %2").arg(view).arg(window.minimumSizeHint().width())));
            // Nor taller: a 1366 × 768 laptop screen, less its panel and the window's title.
            QVERIFY2(window.minimumSizeHint().height() <= 680 && window.height() <= 720,
                     qPrintable(QStringLiteral("%1: wants %2 px, is %3 px tall")
                                    .arg(view)
                                    .arg(window.minimumSizeHint().height())
                                    .arg(window.height())));
        }
        // A team workspace's header has a line more: where the team workspace and this desktop's
        // copy live.
        TeamLocation team;
        team.host = QStringLiteral("db.example.com");
        team.database = QStringLiteral("tenure");
        team.user = QStringLiteral("misaki");
        WorkspaceStats stats;
        stats.accounts = 300;
        stats.timeZone = QStringLiteral("Asia/Tokyo");
        window.findChild<WorkspaceSummaryView*>()->showWorkspace(m_workspace.path(), stats, &team);
        QTest::qWait(100);
        QVERIFY2(window.minimumSizeHint().height() <= 680,
                 qPrintable(
                     QStringLiteral("a team workspace: wants %1 px").arg(window.minimumSizeHint().height())));
        QVERIFY(window.showView(QStringLiteral("customers")));
        auto* customers = window.findChild<CustomersView*>();
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() == 300, 10000);
        auto* table = customers->findChild<QTableView*>(QStringLiteral("customers"));
        CustomerListDelegate::setUp(table); // what CustomersView is to call (see the report)
        QTest::qWait(200);
        auto* delegate = qobject_cast<CustomerListDelegate*>(table->itemDelegate());
        QVERIFY(delegate);
        const CustomerListModel* model = customers->model();

        // Every cell on screen fits its column on one line, but the names, which elide.
        QStyleOptionViewItem option;
        option.initFrom(table);
        option.font = table->font();
        const int rows = table->rowAt(table->viewport()->height() - 1) + 1;
        QVERIFY(rows > 10);
        int elidedNames = 0, renewals = 0;
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < CustomerListModel::ColumnCount; ++column) {
                const QModelIndex index = model->index(row, column);
                const QString text = index.data().toString();
                const QSize hint = delegate->sizeHint(option, index);
                const QString where = QStringLiteral("row %1, column %2: \"%3\" wants %4 px, has %5 × %6")
                                          .arg(row)
                                          .arg(column)
                                          .arg(text)
                                          .arg(hint.width())
                                          .arg(table->columnWidth(column))
                                          .arg(table->rowHeight(row));
                QVERIFY2(hint.height() <= table->rowHeight(row), qPrintable(where));
                if (column == CustomerListModel::Name) {
                    if (hint.width() > table->columnWidth(column))
                        ++elidedNames;
                    QVERIFY2(plain(index.data(Qt::ToolTipRole).toString()).startsWith(text),
                             qPrintable(where));
                } else {
                    QVERIFY2(hint.width() <= table->columnWidth(column), qPrintable(where));
                }
                if (!text.isEmpty() && column != CustomerListModel::Trend)
                    QVERIFY2(plain(index.data(Qt::ToolTipRole).toString())
                                 .contains(column == CustomerListModel::Renewal
                                                   || column == CustomerListModel::LastActive
                                               ? QString()
                                               : text),
                             qPrintable(where));
                if (column == CustomerListModel::Renewal && !text.isEmpty()) {
                    ++renewals;
                    // A date that has passed says how long ago, not "-30 d" (あと -30 日 in Japanese).
                    QVERIFY2(!text.contains(QLatin1String("(-")) && !text.contains(QLatin1String("あと -")),
                             qPrintable(where));
                }
            }
        }
        QVERIFY(renewals > 0);
        QVERIFY(table->horizontalHeader()->sectionSize(CustomerListModel::Name) > 150);
        qInfo("%d of %d names elided", elidedNames, rows);
        QVERIFY(!table->wordWrap());

        // The band: a badge in the band's colour with the band's name, whole, on it.
        const RuleSet rules = RuleSetJson::defaults();
        QSet<QString> bandsSeen;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, CustomerListModel::Band);
            const QString band = index.data().toString();
            if (band.isEmpty() || bandsSeen.contains(band))
                continue;
            bandsSeen.insert(band);
            QVERIFY2(rules.bandColor(band) != QString() || japanese, qPrintable(band));
            QStyleOptionViewItem cell = option;
            cell.rect = QRect(table->columnViewportPosition(CustomerListModel::Band), 0,
                              table->columnWidth(CustomerListModel::Band), table->rowHeight(0));
            const QString badgeText = delegate->badgeText(cell, index);
            if (badgeText != band)
                qWarning("%s in %d × %d at %d: badge %d wide", qPrintable(band), cell.rect.width(),
                         cell.rect.height(), cell.rect.left(), delegate->badgeRect(cell, index).width());
            QCOMPARE(badgeText, band);
            const QRect badge = delegate->badgeRect(cell, index);
            QVERIFY(cell.rect.contains(badge));
            QVERIFY(badge.width() < cell.rect.width() || badge.width() < 120); // compact, not the whole cell
            QImage image(cell.rect.size(), QImage::Format_ARGB32);
            image.fill(Qt::white);
            {
                QPainter painter(&image);
                painter.translate(-cell.rect.topLeft());
                delegate->paint(&painter, cell, index);
            }
            const QColor color = index.data(CustomerListModel::BandColorRole).value<QColor>();
            QVERIFY(color.isValid());
            const QRect inside = badge.translated(-cell.rect.topLeft()).adjusted(3, 3, -3, -3);
            int fill = 0, text = 0;
            for (int y = inside.top(); y <= inside.bottom(); ++y)
                for (int x = inside.left(); x <= inside.right(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (pixel == color)
                        ++fill;
                    else if (std::abs(pixel.lightness() - color.lightness()) > 60)
                        ++text; // the name, in black or white on the colour
                }
            QVERIFY2(fill > inside.width() * inside.height() / 3, qPrintable(band));
            QVERIFY2(text > 10, qPrintable(band));
            // Outside the badge the cell keeps the table's background: the colour is not the cell.
            QCOMPARE_NE(image.pixelColor(cell.rect.width() - 2, cell.rect.height() / 2), color);
        }
        QCOMPARE_GE(bandsSeen.size(), 2);
        QVERIFY(window.grab().save(test::screenshotDir()
                                   + QStringLiteral("/desk-customers-%1.png").arg(japanese ? "ja" : "en")));
        QVERIFY(window.showView(QStringLiteral("overview")));
        QTest::qWait(500);
        QVERIFY(window.grab().save(test::screenshotDir()
                                   + QStringLiteral("/desk-overview-%1.png").arg(japanese ? "ja" : "en")));
        for (QChartView* chart : window.findChild<OverviewView*>()->findChildren<QChartView*>())
            checkChart(chart->chart(), chart->chart()->title());
        QVERIFY(window.showView(QStringLiteral("rules")));
        QTest::qWait(300);
        QVERIFY(window.grab().save(test::screenshotDir()
                                   + QStringLiteral("/desk-rules-%1.png").arg(japanese ? "ja" : "en")));
    }

    // A workspace made while the window speaks Japanese: its rules, and so its stages and bands in
    // every view, are in Japanese.
    void aJapaneseWorkspaceSpeaksJapanese()
    {
        Japanese language;
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            DemoGenerator::Options options;
            options.accounts = 60;
            QVERIFY(DemoWorkspace::populate(*db, options).ok());
        }
        MainWindow window;
        window.findChild<TuningView*>()->setMinimumSize(1, 1);
        window.show();
        window.resize(1100, 720);
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(workspace.path());
        QVERIFY(scored.wait(30000));
        const RuleSet japanese = RuleSetJson::defaults(QLocale(QLocale::Japanese));
        QVERIFY(window.showView(QStringLiteral("customers")));
        auto* customers = window.findChild<CustomersView*>();
        auto scoredRows = [customers] {
            int rows = 0;
            for (int row = 0; row < customers->model()->rowCount(); ++row)
                rows += customers->model()->row(row).score ? 1 : 0;
            return rows;
        };
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() == 60 && scoredRows() > 30, 10000);
        auto* table = customers->findChild<QTableView*>(QStringLiteral("customers"));
        CustomerListDelegate::setUp(table);
        QSet<QString> bands, stages;
        for (int row = 0; row < customers->model()->rowCount(); ++row) {
            bands.insert(customers->model()->index(row, CustomerListModel::Band).data().toString());
            stages.insert(customers->model()->index(row, CustomerListModel::Stage).data().toString());
        }
        bands.remove(QString());
        QVERIFY(!bands.isEmpty() && !stages.isEmpty());
        for (const QString& band : bands)
            QVERIFY2(std::any_of(japanese.bands.begin(), japanese.bands.end(),
                                 [&](const Band& b) { return b.name == band; }),
                     qPrintable(band));
        for (const QString& stage : stages)
            QVERIFY2(std::any_of(japanese.stages.begin(), japanese.stages.end(),
                                 [&](const Stage& s) { return s.name == stage; }),
                     qPrintable(stage));
        QTest::qWait(200);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-customers-ja-rules.png")));
        QVERIFY(window.showView(QStringLiteral("overview")));
        QTest::qWait(500);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-overview-ja-rules.png")));
        QVERIFY(window.showView(QStringLiteral("rules")));
        auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 1, 10000);
        QCOMPARE(tree->topLevelItem(2)->text(0), japanese.stages[1].name);
        QTest::qWait(300);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-rules-ja-rules.png")));
        QVERIFY(window.showView(QStringLiteral("customer:A-00001")));
        QTest::qWait(600);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-customer-ja-rules.png")));
    }

    // The rules tree: every entry's whole text in its tooltip; the splits kept per view.
    void rulesTreeTooltipsAndSplitters()
    {
        QSettings().clear();
        QList<int> editorSizes, previewSizes;
        {
            RulesView view;
            view.resize(1000, 640);
            view.show();
            view.setWorkspace(m_workspace.path());
            auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
            QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 1, 10000);
            int criteria = 0;
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                QTreeWidgetItem* stage = tree->topLevelItem(i);
                QVERIFY(!stage->toolTip(0).isEmpty());
                for (int c = 0; c < stage->childCount(); ++c, ++criteria) {
                    QTreeWidgetItem* item = stage->child(c);
                    QVERIFY(plain(item->toolTip(0))
                                .startsWith(item->text(0).section(QStringLiteral(" ("), 0, -2)));
                    QCOMPARE(plain(item->toolTip(0)), item->text(0));
                }
            }
            QVERIFY(criteria > 10);
            QVERIFY(plain(tree->topLevelItem(0)->toolTip(0))
                        .contains(RuleSetJson::defaults().bands.first().name));

            auto* editor = view.findChild<QSplitter*>(QStringLiteral("ruleEditorSplitter"));
            auto* preview = view.findChild<QSplitter*>(QStringLiteral("rulesSplitter"));
            QVERIFY(editor && preview);
            const QList<int> before = editor->sizes();
            // The user drags both handles.
            editor->setSizes({ before[0] + 150, before[1] - 150 });
            emit editor->splitterMoved(editor->sizes()[0], 1);
            const QList<int> vertical = preview->sizes();
            preview->setSizes({ vertical[0] - 120, vertical[1] + 120 });
            emit preview->splitterMoved(preview->sizes()[0], 1);
            editorSizes = editor->sizes();
            previewSizes = preview->sizes();
            QCOMPARE_NE(editorSizes, before);
            QCOMPARE_NE(previewSizes, vertical);
        }
        RulesView again;
        again.resize(1000, 640);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("ruleEditorSplitter"))->sizes(), editorSizes);
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("rulesSplitter"))->sizes(), previewSizes);
        // Another view's editor (the Tuning view's) keeps its own split.
        RuleSetEditor other;
        other.resize(1000, 400);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        QCOMPARE_NE(other.findChild<QSplitter*>(QStringLiteral("ruleEditorSplitter"))->sizes().first(),
                    editorSizes.first());
    }

    // Digits and brackets beside Japanese text are drawn in the window's Latin font, as they are
    // elsewhere: not in the monospaced Latin of VL Gothic, the first Japanese font Debian's
    // fontconfig offers, nor all text in it where a Japanese locale makes it the system font
    // (UiFonts).
    void digitsBesideJapaneseTakeTheWindowsLatinFont()
    {
        const QStringList families = UiFonts::families(m_systemFont);
        if (families.size() < 2)
            QSKIP("No Japanese font is installed (the set-up installs Noto Sans CJK and VL Gothic).");
        QCOMPARE(QApplication::font().families(), families); // initTestCase installed them
        // The font that draws `character` of `text` in a label (glyph runs come by font, in no
        // order: the one holding that character's glyph in its own font).
        const auto drawing = [](const QString& text, QChar character) {
            QLabel label(text);
            QTextLayout layout(text, label.font());
            layout.beginLayout();
            layout.createLine();
            layout.endLayout();
            for (const QGlyphRun& run : layout.glyphRuns()) {
                const QList<quint32> glyph = run.rawFont().glyphIndexesForString(QString(character));
                if (glyph.size() == 1 && glyph[0] != 0 && run.glyphIndexes().contains(glyph[0]))
                    return run.rawFont();
            }
            return QRawFont();
        };
        const auto proportional = [](const QRawFont& font) {
            const QList<quint32> glyphs = font.glyphIndexesForString(QStringLiteral("iW"));
            const QList<QPointF> advances = font.advancesForGlyphIndexes(glyphs);
            return glyphs.size() == 2 && advances[0].x() < advances[1].x();
        };
        const std::tuple<QString, QChar, QChar> texts[] = {
            { QStringLiteral("アクション (43)"), QChar(u'ア'), QChar(u'4') },
            { QStringLiteral("時点のスコア · 166 Good"), QChar(u'時'), QChar(u'6') },
            { QStringLiteral("顧客 300"), QChar(u'顧'), QChar(u'3') },
        };
        for (const auto& [text, japanese, digit] : texts) {
            const QRawFont kana = drawing(text, japanese);
            QVERIFY2(families.mid(1).contains(kana.familyName()),
                     qPrintable(text + QLatin1String(": ") + kana.familyName()));
            const QRawFont digits = drawing(text, digit);
            QCOMPARE(digits.familyName(), families.first());
            QVERIFY2(proportional(kana) && proportional(digits), qPrintable(text));
        }
        // Where VL Gothic is the system's font (fontconfig's "sans-serif" in a Japanese locale), a
        // proportional Latin family goes first, and VL Gothic last.
        if (QFontDatabase::hasFamily(QStringLiteral("VL Gothic"))) {
            const QStringList japanese = UiFonts::families(QFont(QStringLiteral("VL Gothic")));
            QVERIFY(japanese.size() >= 2);
            QCOMPARE(japanese.last(), QStringLiteral("VL Gothic"));
            QVERIFY(!japanese.first().startsWith(QLatin1String("VL")));
            QVERIFY2(proportional(QRawFont::fromFont(QFont(japanese.first()))), qPrintable(japanese.first()));
        }
    }
};

QTEST_MAIN(TestDesk)
#include "TestDesk.moc"
