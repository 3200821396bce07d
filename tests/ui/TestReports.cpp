#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "actions/ActionStore.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "print/AccountReportRenderer.h"
#include "print/ReportActions.h"
#include "print/ReportPdf.h"
#include "report/AccountReport.h"
#include "report/CustomerExport.h"
#include "report/PortfolioReport.h"
#include "store/AccountStore.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace tenure;

namespace {

// Whether `text` (from pdftotext) shows `label`: its words in order. A label that wraps in its
// table cell comes out with the row's other cells (at most eight words) between its lines.
bool showsLabel(const QString& text, const QString& label)
{
    QStringList words;
    for (const QString& word : label.simplified().split(QLatin1Char(' ')))
        words << QRegularExpression::escape(word);
    return text.contains(QRegularExpression(words.join(QStringLiteral("(?: \\S+){0,8}? "))));
}

const QDate kToday(2026, 11, 25);

// pdftotext (poppler-utils) of the whole file or of one page.
QString pdfText(const QString& path, int page = 0)
{
    QStringList arguments { QStringLiteral("-layout") };
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
                  << QString::number(page);
    arguments << path << QStringLiteral("-");
    QProcess process;
    process.start(QStringLiteral("pdftotext"), arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPages(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), { path });
    process.waitForFinished(30000);
    for (const QString& line : QString::fromUtf8(process.readAllStandardOutput()).split(u'\n'))
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    return -1;
}

// A word of `pdftotext -bbox`: its text and box in points, on its page.
struct PdfWord
{
    QString text;
    QRectF box;
};

struct PdfPage
{
    QSizeF size;
    QList<PdfWord> words;
};

QList<PdfPage> pdfWords(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { QStringLiteral("-bbox"), path, QStringLiteral("-") });
    process.waitForFinished(30000);
    const QString html = QString::fromUtf8(process.readAllStandardOutput());
    static const QRegularExpression tag(QStringLiteral(
        R"re(<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re"));
    QList<PdfPage> pages;
    for (const QRegularExpressionMatch& m : tag.globalMatch(html)) {
        if (!m.captured(1).isEmpty()) {
            pages.append({ QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()), {} });
        } else if (!pages.isEmpty()) {
            const QPointF topLeft(m.captured(3).toDouble(), m.captured(4).toDouble());
            const QPointF bottomRight(m.captured(5).toDouble(), m.captured(6).toDouble());
            pages.last().words.append({ m.captured(7), QRectF(topLeft, bottomRight) });
        }
    }
    return pages;
}

// What is wrong with the layout of `path`: text beyond the page's edge, body text in the footer,
// footer text running into "Page N of M", any two words on top of each other.
QStringList layoutProblems(const QString& path)
{
    QStringList problems;
    const QList<PdfPage> pages = pdfWords(path);
    if (pages.isEmpty())
        return { QStringLiteral("no pages in %1").arg(path) };
    auto describe = [](const PdfWord& w) {
        return QStringLiteral("\"%1\" at (%2, %3, %4, %5)")
            .arg(w.text)
            .arg(w.box.left(), 0, 'f', 1)
            .arg(w.box.top(), 0, 'f', 1)
            .arg(w.box.right(), 0, 'f', 1)
            .arg(w.box.bottom(), 0, 'f', 1);
    };
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const PdfPage& page = pages[p];
        const QString where = QStringLiteral("page %1: ").arg(p + 1);
        // The footer is the line of the last "Page" near the bottom.
        qsizetype pageWord = -1;
        for (qsizetype i = 0; i < page.words.size(); ++i)
            if (page.words[i].text == QLatin1String("Page")
                && page.words[i].box.top() > page.size.height() * 0.85)
                pageWord = i;
        if (pageWord < 0) {
            problems << where + QStringLiteral("no footer");
            continue;
        }
        const QRectF number = page.words[pageWord].box;
        qreal footerTop = number.top();
        QList<PdfWord> footer, body;
        for (const PdfWord& word : page.words)
            (std::abs(word.box.top() - number.top()) < 3 ? footer : body).append(word);
        for (const PdfWord& word : footer)
            footerTop = std::min(footerTop, word.box.top());
        for (const PdfWord& word : footer)
            if (word.box.left() < number.left() && word.box.right() > number.left() - 1)
                problems << where + QStringLiteral("footer text runs into the page number: ")
                        + describe(word);
        for (const PdfWord& word : body)
            if (word.box.bottom() > footerTop)
                problems << where + QStringLiteral("body text in the footer: ") + describe(word);
        for (const PdfWord& word : page.words)
            if (word.box.right() > page.size.width() || word.box.left() < 0)
                problems << where + QStringLiteral("beyond the page's edge: ") + describe(word);
        for (qsizetype i = 0; i < page.words.size(); ++i)
            for (qsizetype j = i + 1; j < page.words.size(); ++j) {
                const QRectF overlap = page.words[i].box.intersected(page.words[j].box);
                if (overlap.width() > 0.5 && overlap.height() > 0.5)
                    problems << where
                            + QStringLiteral("overlap: %1 and %2")
                                  .arg(describe(page.words[i]), describe(page.words[j]));
            }
    }
    return problems;
}

QString withoutSpaces(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("\\s")));
}

// 300 characters of Latin and Japanese words, as a long customer name.
QString longName()
{
    return QStringLiteral("株式会社長い名前のテスト Very Long Customer Name ")
        .repeated(10)
        .left(300)
        .trimmed();
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;
    std::unique_ptr<Database> m_db;

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        m_db = m_workspace.open();
        DemoGenerator::Options options;
        options.today = kToday;
        QVERIFY(DemoWorkspace::populate(*m_db, options).ok());
        ScoringEngine::Options scoring;
        scoring.today = kToday;
        QVERIFY(ScoringEngine(*m_db, scoring).rebuild().ok());
        QVERIFY(ActionEngine(*m_db, ActionRules {}).refresh(kToday).ok());
    }

    // For a Japanese and an English account: one or two pages that name the account, its band,
    // its score and every criterion of its breakdown.
    void accountReportsCarryTheirFigures_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("japanese") << QStringLiteral("株式会社");
        QTest::newRow("english") << QStringLiteral("Inc.");
    }

    void accountReportsCarryTheirFigures()
    {
        QFETCH(QString, pattern);
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(
            QStringLiteral("SELECT a.id FROM accounts a JOIN account_status s ON s.account_id = a.id "
                           "WHERE a.name LIKE '%%1%' AND s.score IS NOT NULL ORDER BY s.score LIMIT 1")
                .arg(pattern)));
        QVERIFY(query.next());
        const QString id = query.value(0).toString();
        const Result<AccountReport> report = AccountReport::load(*m_db, id, kToday);
        QVERIFY2(report, report ? "" : qPrintable(report.error()));
        QVERIFY(report->status && report->status->score);
        QVERIFY(!report->status->breakdown.isEmpty());
        QVERIFY(!report->history.isEmpty());
        QVERIFY(report->last90.events >= report->last30.events);

        // What the CSMs are doing about it: open actions and notes.
        QVERIFY(ActionStore(*m_db).addAccountNote(id, QStringLiteral("佐藤 花子"),
                                                  QStringLiteral("QBRの日程を調整中")));
        const Result<AccountReport> withNotes = AccountReport::load(*m_db, id, kToday);
        QVERIFY(withNotes && !withNotes->notes.isEmpty());
        QVERIFY2(!withNotes->actions.isEmpty(), "the lowest-scored account has no open action");

        const QString path
            = m_workspace.dir() + QStringLiteral("/account-%1.pdf").arg(QTest::currentDataTag());
        const Result<int> pages = ReportPdf::write(*withNotes, path, QPageSize::A4);
        QVERIFY2(pages, pages ? "" : qPrintable(pages.error()));
        QCOMPARE(pdfPages(path), pages.value());
        QVERIFY(pages.value() >= 1 && pages.value() <= 2);
        const QString text = pdfText(path).simplified();
        QVERIFY2(text.contains(report->account.name), qPrintable(text.left(400)));
        QVERIFY(text.contains(report->status->band));
        QVERIFY(text.contains(QLocale().toString(*report->status->score, 'f', 1)));
        for (const CriterionResult& criterion : report->status->breakdown)
            QVERIFY2(showsLabel(text, criterion.label), qPrintable(criterion.label));
        QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pages.value())));
        QVERIFY(text.contains(QLatin1String("Open actions")));
        QVERIFY(text.contains(ActionStore::triggerName(withNotes->actions.first().trigger)));
        QVERIFY(text.contains(QStringLiteral("QBRの日程を調整中")));
        test::copyForPeople(path);
    }

    // Print and print preview paint on a QPrinter, whose resolution differs from the PDF writer's:
    // the same layout comes out (same pages, same text).
    void printerGetsTheSameLayout()
    {
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(
                    QStringLiteral("SELECT account_id FROM account_status WHERE score IS NOT NULL LIMIT 1"))
                && query.next());
        const Result<AccountReport> report = AccountReport::load(*m_db, query.value(0).toString(), kToday);
        QVERIFY(report);
        const QString viaWriter = m_workspace.dir() + QStringLiteral("/writer.pdf");
        const QString viaPrinter = m_workspace.dir() + QStringLiteral("/printer.pdf");
        const Result<int> writerPages = ReportPdf::write(*report, viaWriter, QPageSize::A4);
        QVERIFY(writerPages);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(viaPrinter);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
        QCOMPARE(AccountReportRenderer::render(*report, &printer), writerPages.value());
        QCOMPARE(pdfPages(viaPrinter), writerPages.value());
        const QString text = pdfText(viaPrinter).simplified();
        QVERIFY(text.contains(report->account.name));
        for (const CriterionResult& criterion : report->status->breakdown)
            QVERIFY2(showsLabel(text, criterion.label), qPrintable(criterion.label));
    }

    // File → Print Portfolio Report: choose whose accounts, then the print preview shows the pages.
    void printPreviewFromTheMenu()
    {
        QWidget window;
        window.resize(800, 600);
        window.show();
        ReportActions actions(&window);
        actions.setWorkspace(m_workspace.path());
        // Modal dialogs: answer them from the event loop as a user would, noting what they showed
        // (checked below: a failed check in here would leave the dialog open, not fail the test).
        QStringList choices;
        QString previewTitle;
        int previewPages = 0;
        bool shotSaved = false;
        int ticksOnPreview = 0;
        QTimer driver;
        driver.setInterval(50);
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* input = qobject_cast<QInputDialog*>(modal)) {
                choices = input->comboBoxItems();
                input->accept();
            } else if (auto* preview = qobject_cast<QPrintPreviewDialog*>(modal)) {
                auto* pages = preview->findChild<QPrintPreviewWidget*>();
                if (pages && pages->pageCount() == 0 && ++ticksOnPreview < 200)
                    return; // not laid out yet: look again on the next tick (10 s at most)
                previewTitle = preview->windowTitle();
                previewPages = pages ? pages->pageCount() : -1;
                shotSaved
                    = preview->grab().save(test::screenshotDir() + QStringLiteral("/print-preview.png"));
                preview->reject();
            }
        });
        driver.start();
        actions.portfolioReport();
        driver.stop();
        QVERIFY(!choices.isEmpty());
        QCOMPARE(choices.first(), QStringLiteral("All owners"));
        QVERIFY2(previewTitle.contains(QLatin1String("Portfolio")), qPrintable(previewTitle));
        QCOMPARE_GT(previewPages, 0);
        QVERIFY(shotSaved);
    }

    // The portfolio report of "the current list": the customer list's filter decides the accounts.
    void portfolioOfTheCurrentList()
    {
        CustomerQuery filter;
        filter.band = QStringLiteral("Bad");
        const Result<PortfolioReport> report = PortfolioReport::load(*m_db, kToday, filter);
        QVERIFY(report);
        QVERIFY(!report->rows.isEmpty());
        for (const PortfolioReport::Row& row : report->rows)
            QCOMPARE(row.band, QStringLiteral("Bad"));
        QVERIFY2(report->scope.contains(QLatin1String("Bad")), qPrintable(report->scope));
        const QString path = m_workspace.dir() + QStringLiteral("/bad.pdf");
        QVERIFY(ReportPdf::write(*report, path, QPageSize::A4));
        const QString text = pdfText(path).simplified();
        QVERIFY2(text.contains(QLatin1String("Customer list: Bad")), qPrintable(text.left(300)));
    }

    // With a customer selected in the window, the account report goes straight to the preview.
    void selectedCustomerNeedsNoQuestion()
    {
        QWidget window;
        window.show();
        ReportActions actions(&window);
        actions.setWorkspace(m_workspace.path());
        actions.setSelection([] { return QStringLiteral("A-00003"); },
                             [] { return std::optional<CustomerQuery>(); });
        bool asked = false;
        bool previewed = false;
        QTimer driver;
        driver.setInterval(50);
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* input = qobject_cast<QInputDialog*>(modal)) {
                asked = true;
                input->reject();
            } else if (auto* preview = qobject_cast<QPrintPreviewDialog*>(modal)) {
                previewed = preview->windowTitle().contains(QLatin1String("Account report"));
                preview->reject();
            }
        });
        driver.start();
        actions.accountReport();
        driver.stop();
        QVERIFY(!asked);
        QVERIFY(previewed);
    }

    // The app writes PDFs on a worker thread: same text, Japanese included.
    void pdfWrittenOffTheGuiThread()
    {
        const Result<PortfolioReport> report = PortfolioReport::load(*m_db, kToday);
        QVERIFY(report);
        const QString path = m_workspace.dir() + QStringLiteral("/threaded.pdf");
        QFuture<Result<int>> written
            = QtConcurrent::run([&report, &path] { return ReportPdf::write(*report, path, QPageSize::A4); });
        written.waitForFinished();
        QVERIFY(written.result());
        const QString text = pdfText(path);
        QVERIFY(text.contains(report->rows.first().account.name));
        QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(written.result().value())));
    }

    void unknownAccountIsAnError()
    {
        const Result<AccountReport> report = AccountReport::load(*m_db, QStringLiteral("nope"), kToday);
        QVERIFY(!report);
        QVERIFY(report.error().contains(QLatin1String("nope")));
    }

    // 300 accounts in priority order over several pages, the table header on every one.
    void portfolioPaginatesWithRepeatedHeaders()
    {
        const Result<PortfolioReport> report = PortfolioReport::load(*m_db, kToday);
        QVERIFY(report);
        QCOMPARE(report->rows.size(), 300);
        // Worst band first, then the nearest renewal.
        const QString worst = report->rules.bands.last().name;
        QCOMPARE(report->rows.first().band, worst);
        for (qsizetype i = 1; i < report->rows.size(); ++i) {
            const auto& a = report->rows[i - 1];
            const auto& b = report->rows[i];
            if (a.band == b.band && a.daysToRenewal && b.daysToRenewal)
                QVERIFY(*a.daysToRenewal <= *b.daysToRenewal);
        }
        const QString path = m_workspace.dir() + QStringLiteral("/portfolio.pdf");
        const Result<int> pages = ReportPdf::write(*report, path, QPageSize::A4);
        QVERIFY(pages);
        QVERIFY(pages.value() >= 3);
        QCOMPARE(pdfPages(path), pages.value());
        for (int page = 1; page <= pages.value(); ++page) {
            const QString text = pdfText(path, page);
            QVERIFY2(text.contains(QLatin1String("Account")) && text.contains(QLatin1String("Owner"))
                         && text.contains(QLatin1String("Renewal")),
                     qPrintable(QStringLiteral("page %1 has no table header").arg(page)));
            QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages.value())));
        }
        const QString all = pdfText(path);
        for (const PortfolioReport::Row& row : report->rows)
            QVERIFY2(all.contains(row.account.owner), qPrintable(row.account.owner));
        // The Renewal column counts days either way: a renewal passed reads "12 d ago", not a date.
        int past = 0;
        for (const PortfolioReport::Row& row : report->rows)
            if (row.daysToRenewal && *row.daysToRenewal < 0) {
                ++past;
                QVERIFY2(all.contains(QStringLiteral("%1 d ago").arg(-*row.daysToRenewal)),
                         qPrintable(row.account.name));
            }
        QVERIFY(past > 0);
        test::copyForPeople(path);

        // One owner's portfolio holds only that owner's accounts.
        const QString owner = report->rows.first().account.owner;
        const Result<PortfolioReport> mine = PortfolioReport::load(*m_db, kToday, owner);
        QVERIFY(mine);
        QVERIFY(!mine->rows.isEmpty());
        QCOMPARE_LT(mine->rows.size(), 300);
        for (const PortfolioReport::Row& row : mine->rows)
            QCOMPARE(row.account.owner, owner);
    }

    // A name longer than a line wraps in the account report's header and is elided in the footer
    // and the portfolio's table; a long stage name is elided in the boxes, charts and legends.
    // Nothing runs into the footer, off the page or over other text.
    void longNamesStayInTheirPlace()
    {
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT account_id FROM account_status WHERE score IS NOT NULL "
                                          "ORDER BY score LIMIT 1"))
                && query.next());
        Result<AccountReport> account = AccountReport::load(*m_db, query.value(0).toString(), kToday);
        QVERIFY(account && account->status);
        const QString name = longName();
        QCOMPARE(name.size(), 300);
        account->account.name = name;
        // No place to break a line: it wraps anywhere rather than run off the page.
        account->account.owner = QStringLiteral("VeryLongOwnerNameWithoutSpaces").repeated(8);
        for (Stage& stage : account->rules.stages)
            if (stage.id == account->status->stage)
                stage.name = name;
        const QString accountPdf = m_workspace.dir() + QStringLiteral("/long-name-account.pdf");
        QVERIFY(ReportPdf::write(*account, accountPdf, QPageSize::A4));
        QStringList problems = layoutProblems(accountPdf);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The header shows the whole name, wrapped.
        QVERIFY2(withoutSpaces(pdfText(accountPdf)).contains(withoutSpaces(name)),
                 qPrintable(pdfText(accountPdf)));

        Result<PortfolioReport> portfolio = PortfolioReport::load(*m_db, kToday);
        QVERIFY(portfolio);
        portfolio->rows.first().account.name = name;
        portfolio->rows.first().account.owner = name;
        for (Stage& stage : portfolio->rules.stages)
            if (portfolio->accountsByStage.value(stage.id) > 0)
                stage.name = name;
        const QString portfolioPdf = m_workspace.dir() + QStringLiteral("/long-name-portfolio.pdf");
        QVERIFY(ReportPdf::write(*portfolio, portfolioPdf, QPageSize::A4));
        problems = layoutProblems(portfolioPdf);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The table's row shows the start of the name and an ellipsis.
        const QString table = withoutSpaces(pdfText(portfolioPdf, 1));
        QVERIFY2(table.contains(withoutSpaces(name.left(20))), qPrintable(table.left(600)));
        QVERIFY(table.contains(QStringLiteral("…")));
        test::copyForPeople(accountPdf);
        test::copyForPeople(portfolioPdf);
    }

    void customerListExports()
    {
        const Result<PortfolioReport> list = PortfolioReport::load(*m_db, kToday);
        QVERIFY(list);
        const QString utf8 = m_workspace.dir() + QStringLiteral("/customers.csv");
        QVERIFY(CustomerExport::write(*list, utf8));
        QFile file(utf8);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xef\xbb\xbf")); // Excel opens it as UTF-8
        const QString text = QString::fromUtf8(bytes.mid(3));
        QCOMPARE(text.count(QStringLiteral("\r\n")), 301);
        QVERIFY(text.startsWith(CustomerExport::header().join(u',')));
        QVERIFY(text.contains(list->rows.first().account.name));

        const QString cp932 = m_workspace.dir() + QStringLiteral("/customers-sjis.csv");
        QVERIFY(CustomerExport::write(*list, cp932, QStringLiteral("cp932")));
        QFile sjis(cp932);
        QVERIFY(sjis.open(QIODevice::ReadOnly));
        QStringDecoder decode("CP932");
        const QString decoded = decode(sjis.readAll());
        QVERIFY(!decode.hasError());
        QCOMPARE(decoded, text);

        // A name CP932 cannot hold is an error naming the account, not a silent '?'.
        PortfolioReport odd = list.value();
        odd.rows.first().account.name = QStringLiteral("𠮷野家 🍜");
        const Status refused = CustomerExport::write(odd, m_workspace.dir() + QStringLiteral("/odd.csv"),
                                                     QStringLiteral("cp932"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(odd.rows.first().account.id), qPrintable(refused.error()));
        QVERIFY(!QFile::exists(m_workspace.dir() + QStringLiteral("/odd.csv")));
    }
};

QTEST_MAIN(TestReports)
#include "TestReports.moc"
