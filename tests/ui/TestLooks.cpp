#include "LooksChecks.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "ViewFixtures.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomerListDelegate.h"
#include "customers/CustomerListModel.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <cstdlib>

using namespace tenure;

// Every view looks right in every way people run Tenure: at scale 1 and 2 (ctest runs this
// twice, the second time with QT_SCALE_FACTOR=2), light and dark, English and Japanese. Each view
// is saved as a PNG in <temp>/tenure-screenshots/looks/ for people to look at, and checked: no
// text cut, no widgets on top of each other, text and band badges readable (contrast ≥ 4.5).
class TestLooks : public QObject
{
    Q_OBJECT

private:
    test::TempWorkspace m_workspace;
    QPalette m_light;

    static QPalette darkPalette()
    {
        QPalette p;
        const QColor window(0x2b, 0x2b, 0x2e);
        const QColor base(0x1e, 0x1e, 0x20);
        const QColor text(0xe8, 0xe8, 0xea);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x29));
        p.setColor(QPalette::ToolTipBase, window);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0xa0));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::white);
        p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x50));
        p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x44));
        p.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x27));
        p.setColor(QPalette::Dark, QColor(0x16, 0x16, 0x18));
        p.setColor(QPalette::Shadow, Qt::black);
        p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
        p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9c, 0xff));
        for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
            p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x86));
        return p;
    }

    static QString scaleName()
    {
        return QStringLiteral("x%1").arg(qEnvironmentVariable("QT_SCALE_FACTOR", "1"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        m_light = QApplication::style()->standardPalette();
        const Status filled = test::fillScoredDemo(*m_workspace.open(), 150);
        QVERIFY2(filled, qPrintable(filled.error()));
        QDir(test::screenshotDir()).mkpath(QStringLiteral("looks"));
    }

    // The checks themselves find what they look for.
    void checksCatchProblems()
    {
        QWidget window;
        window.resize(400, 200);
        auto* cut = new QLabel(QStringLiteral("A label far too long for its width"), &window);
        cut->setGeometry(0, 0, 60, 30);
        auto* button = new QPushButton(QStringLiteral("&Press this long button"), &window);
        button->setGeometry(0, 100, 50, 30);
        auto* over = new QLabel(QStringLiteral("x"), &window);
        over->setGeometry(10, 5, 30, 20);
        auto* faint = new QLabel(QStringLiteral("<span style='color:#dddddd'>faint</span>"), &window);
        faint->setGeometry(200, 0, 100, 30);
        auto* table = new QTableWidget(1, 1, &window);
        table->setGeometry(200, 60, 180, 120);
        table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("A cell far too long for its column")));
        table->setColumnWidth(0, 60);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString found = test::looksProblems(&window).join(u'\n');
        QVERIFY2(found.contains(QLatin1String("text cut")) && found.contains(QLatin1String("A label far")),
                 qPrintable(found));
        QVERIFY2(found.contains(QLatin1String("Press this long button")), qPrintable(found));
        QVERIFY2(found.contains(QLatin1String("overlapping")), qPrintable(found));
        QVERIFY2(found.contains(QLatin1String("cell text cut")), qPrintable(found));
        QVERIFY2(found.contains(QLatin1String("\"faint\"")), qPrintable(found));
        QVERIFY(test::contrastRatio(Qt::black, Qt::white) > 20.9);
        QCOMPARE(test::contrastRatio(Qt::white, Qt::white), 1.0);
    }

    void everyView_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("dark");
        for (const char* language : { "en", "ja" }) {
            QTest::addRow("%s-light", language) << QString::fromLatin1(language) << false;
            QTest::addRow("%s-dark", language) << QString::fromLatin1(language) << true;
        }
    }

    void everyView()
    {
        QFETCH(QString, language);
        QFETCH(bool, dark);
        QTranslator translator;
        if (language == QLatin1String("ja")) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/tenure_ja.qm")));
            QApplication::installTranslator(&translator);
            QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        } else {
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        }
        QApplication::setPalette(dark ? darkPalette() : m_light);
        auto restore = qScopeGuard([&] {
            QApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
            QApplication::setPalette(m_light);
        });

        MainWindow window;
        window.resize(1280, 800); // the default window size, in device-independent pixels
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(m_workspace.path());
        QVERIFY(scored.wait(60000));

        QStringList problems;
        const QString prefix
            = QStringLiteral("%1/looks/%2-%3-%4-")
                  .arg(test::screenshotDir(), scaleName(), dark ? "dark" : "light", language);
        const QStringList views { "overview", "customers", "actions",    "customer:A-00001",
                                  "rules",    "tuning",    "datasources" };
        auto* page = window.findChild<CustomerDetailView*>();
        QVERIFY(page);
        for (const QString& view : views) {
            QSignalSpy shown(page, &CustomerDetailView::shown);
            QVERIFY(window.showView(view));
            // An account's page is pictured once it has loaded (later on a busy machine).
            if (view.startsWith(QLatin1String("customer:")))
                QVERIFY(!shown.isEmpty() || shown.wait(15000));
            QTest::qWait(view == QLatin1String("overview") ? 600 : 350);
            QString file = view;
            file.replace(u':', u'-');
            QVERIFY(window.grab().save(prefix + file + QStringLiteral(".png")));
            for (const QString& problem : test::looksProblems(&window))
                problems << view + QStringLiteral(": ") + problem;
            // Charts follow the palette (no white chart in a dark window) and their text reads.
            for (QChartView* chartView : window.findChildren<QChartView*>()) {
                if (!chartView->isVisible())
                    continue;
                const QChart* chart = chartView->chart();
                const QColor background = chart->backgroundBrush().color();
                if (background != window.palette().color(QPalette::Base))
                    problems << QStringLiteral("%1: chart \"%2\" background %3, not the palette's %4")
                                    .arg(view, chart->title(), background.name(),
                                         window.palette().color(QPalette::Base).name());
                QList<std::pair<QString, QColor>> texts { { QStringLiteral("title"),
                                                            chart->titleBrush().color() } };
                for (const QAbstractAxis* axis : chart->axes())
                    texts.append({ QStringLiteral("axis labels"), axis->labelsBrush().color() });
                for (const auto& [what, color] : std::as_const(texts)) {
                    const double ratio = test::contrastRatio(color, background);
                    if (ratio < 4.5)
                        problems << QStringLiteral("%1: chart \"%2\" %3 hard to read (%4:1)")
                                        .arg(view, chart->title(), what)
                                        .arg(ratio, 0, 'f', 1);
                }
            }
            if (view.startsWith(QLatin1String("customer:"))) {
                // The painted stage timeline and score trend write their labels in the palette's
                // text colour (the printed report's dark grey would vanish in a dark window).
                auto* charts = window.findChild<QWidget*>(QStringLiteral("accountCharts"));
                QVERIFY(charts);
                // Shown once the account's page has loaded (later on a busy machine).
                QTRY_VERIFY_WITH_TIMEOUT(charts->isVisible(), 15000);
                const QImage image = charts->grab().toImage();
                const QColor text = charts->palette().color(QPalette::WindowText);
                int inTextColour = 0;
                for (int y = 0; y < image.height(); ++y)
                    for (int x = 0; x < image.width(); ++x) {
                        const QColor pixel = image.pixelColor(x, y);
                        if (std::max({ std::abs(pixel.red() - text.red()),
                                       std::abs(pixel.green() - text.green()),
                                       std::abs(pixel.blue() - text.blue()) })
                            <= 48)
                            ++inTextColour;
                    }
                if (inTextColour < 20)
                    problems << QStringLiteral("%1: the account charts' labels are not in the text colour %2 "
                                               "(%3 pixels)")
                                    .arg(view, text.name())
                                    .arg(inTextColour);
            }
            if (view == QLatin1String("customers")) {
                // The band badges: the name on each band's colour reads well, in any palette.
                auto* table = window.findChild<QTableView*>();
                QVERIFY(table);
                for (QTableView* candidate : window.findChildren<QTableView*>()) {
                    if (qobject_cast<CustomerListModel*>(candidate->model()) && candidate->isVisible())
                        table = candidate;
                }
                auto* model = qobject_cast<CustomerListModel*>(table->model());
                QVERIFY(model);
                QCOMPARE_GT(model->rowCount(), 0);
                for (int row = 0; row < model->rowCount(); ++row) {
                    const QModelIndex band = model->index(row, CustomerListModel::Band);
                    const QColor color = band.data(CustomerListModel::BandColorRole).value<QColor>();
                    if (!color.isValid())
                        continue;
                    const double ratio
                        = test::contrastRatio(CustomerListDelegate::badgeTextColor(color), color);
                    if (ratio < 4.5)
                        problems << QStringLiteral("customers: band badge \"%1\" hard to read (%2:1 on %3)")
                                        .arg(band.data().toString())
                                        .arg(ratio, 0, 'f', 1)
                                        .arg(color.name());
                }
            }
        }
        problems.removeDuplicates();
        for (const QString& problem : std::as_const(problems))
            qWarning().noquote() << problem;
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problems (above)").arg(problems.size())));
    }
};

QTEST_MAIN(TestLooks)
#include "TestLooks.moc"
