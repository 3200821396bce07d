#include "print/ReportActions.h"

#include "Async.h"
#include "ScreenFit.h"
#include "print/AccountReportRenderer.h"
#include "print/PortfolioReportRenderer.h"
#include "print/ReportPdf.h"
#include "report/AccountReport.h"
#include "report/CustomerExport.h"
#include "report/PortfolioReport.h"
#include "store/AccountStore.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"

#include <QApplication>
#include <QEventLoop>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace tenure {

namespace {

// Runs `load` on a worker thread; a local event loop keeps the window responsive meanwhile.
template <typename T> Result<T> loadOffThread(QWidget* parent, std::function<Result<T>()> load)
{
    QFutureWatcher<Result<T>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    if (parent)
        parent->setCursor(Qt::BusyCursor);
    watcher.setFuture(QtConcurrent::run(workPool(), std::move(load)));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (parent)
        parent->unsetCursor();
    return watcher.result();
}

Result<AccountReport> loadAccount(const QString& path, const QString& id)
{
    return withWorkspace(path, Database::Mode::ReadOnly, [&](Database& db) {
        return AccountReport::load(db, id, WorkspaceSettings(db).today());
    });
}

Result<PortfolioReport> loadPortfolio(const QString& path, const QString& owner = {},
                                      const std::optional<CustomerQuery>& list = std::nullopt)
{
    return withWorkspace(path, Database::Mode::ReadOnly, [&](Database& db) {
        const QDate today = WorkspaceSettings(db).today();
        return list ? PortfolioReport::load(db, today, *list) : PortfolioReport::load(db, today, owner);
    });
}

template <typename Report, typename Renderer>
void preview(QWidget* parent, const Report& report, const QString& title)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(ReportPdf::defaultPageSize()));
    printer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
    printer.setDocName(title);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(title);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&report](QPrinter* target) { Renderer::render(report, target); });
    dialog.resize(
        ScreenFit::within(QSize(900, 1000), parent)); // a page and its margins, where the screen holds them
    dialog.exec();
}

} // namespace

ReportActions::ReportActions(QWidget* window)
    : QObject(window)
    , m_window(window)
{
}

QString ReportActions::chooseAccount()
{
    if (m_selectedAccount) {
        const QString selected = m_selectedAccount();
        if (!selected.isEmpty())
            return selected;
    }
    const QString path = m_path;
    const Result<QList<Account>> accounts = loadOffThread<QList<Account>>(m_window, [path] {
        return withWorkspace(path, Database::Mode::ReadOnly,
                             [](Database& db) { return AccountStore(db).all(); });
    });
    if (!accounts) {
        emit message(accounts.error());
        return {};
    }
    QStringList items;
    QHash<QString, QString> ids;
    for (const Account& account : *accounts) {
        const QString item = tr("%1 (%2)").arg(account.name, account.id);
        items << item;
        ids.insert(item, account.id);
    }
    items.sort(Qt::CaseInsensitive);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, tr("Account Report"),
                                                 tr("Account (type to search):"), items, 0, true, &ok);
    if (!ok)
        return {};
    if (ids.contains(chosen))
        return ids.value(chosen);
    // Typed: an id or a name as it is.
    for (const Account& account : *accounts)
        if (account.id == chosen.trimmed() || account.name == chosen.trimmed())
            return account.id;
    emit message(tr("No account \"%1\".").arg(chosen));
    return {};
}

void ReportActions::accountReport()
{
    const QString id = chooseAccount();
    if (id.isEmpty())
        return;
    const QString path = m_path;
    const Result<AccountReport> report
        = loadOffThread<AccountReport>(m_window, [path, id] { return loadAccount(path, id); });
    if (!report) {
        emit message(report.error());
        return;
    }
    preview<AccountReport, AccountReportRenderer>(m_window, *report,
                                                  tr("Account report: %1").arg(report->account.name));
}

bool ReportActions::chooseOwner(QString& owner)
{
    const QString path = m_path;
    const Result<QStringList> owners = loadOffThread<QStringList>(m_window, [path] {
        return withWorkspace(path, Database::Mode::ReadOnly,
                             [](Database& db) { return AccountStore(db).owners(); });
    });
    if (!owners) {
        emit message(owners.error());
        return false;
    }
    const QString everyone = tr("All owners");
    const QString current = tr("The customer list as filtered now");
    const std::optional<CustomerQuery> list = m_currentList ? m_currentList() : std::nullopt;
    QStringList choices { everyone };
    if (list)
        choices.prepend(current);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, tr("Portfolio Report"), tr("Accounts of:"),
                                                 choices + *owners, 0, false, &ok);
    if (!ok)
        return false;
    m_listChoice = chosen == current ? list : std::nullopt;
    owner = chosen == everyone || chosen == current ? QString() : chosen;
    return true;
}

void ReportActions::portfolioReport()
{
    QString owner;
    if (!chooseOwner(owner))
        return;
    const QString path = m_path;
    const Result<PortfolioReport> report = loadOffThread<PortfolioReport>(
        m_window, [path, owner, list = m_listChoice] { return loadPortfolio(path, owner, list); });
    if (!report) {
        emit message(report.error());
        return;
    }
    preview<PortfolioReport, PortfolioReportRenderer>(m_window, *report, tr("Portfolio report"));
}

void ReportActions::exportAccountPdf()
{
    const QString id = chooseAccount();
    if (id.isEmpty())
        return;
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export Account Report"),
                                                      id + QStringLiteral(".pdf"), tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return;
    // Reading and writing the PDF both run off the GUI thread (QPdfWriter needs no screen).
    const QString path = m_path;
    const Result<int> pages = loadOffThread<int>(m_window, [path, id, file]() -> Result<int> {
        const Result<AccountReport> report = loadAccount(path, id);
        return report ? ReportPdf::write(*report, file) : Result<int>(Error { report.error() });
    });
    emit message(pages ? tr("Wrote %1 (%n pages).", nullptr, pages.value()).arg(file) : pages.error());
}

void ReportActions::exportPortfolioPdf()
{
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export Portfolio Report"),
                                                      tr("portfolio.pdf"), tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return;
    QString owner;
    if (!chooseOwner(owner))
        return;
    const QString path = m_path;
    const Result<int> pages
        = loadOffThread<int>(m_window, [path, owner, list = m_listChoice, file]() -> Result<int> {
              const Result<PortfolioReport> report = loadPortfolio(path, owner, list);
              return report ? ReportPdf::write(*report, file) : Result<int>(Error { report.error() });
          });
    emit message(pages ? tr("Wrote %1 (%n pages).", nullptr, pages.value()).arg(file) : pages.error());
}

void ReportActions::exportCustomersCsv()
{
    QString filter;
    const QString utf8 = tr("CSV, UTF-8 for Excel (*.csv)");
    const QString sjis = tr("CSV, Shift_JIS / CP932 for Japanese Excel (*.csv)");
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export Customers"), tr("customers.csv"),
                                                      utf8 + QStringLiteral(";;") + sjis, &filter);
    if (file.isEmpty())
        return;
    const QString path = m_path;
    const QString encoding = filter == sjis ? QStringLiteral("cp932") : QString();
    // The customer list's current filter when that list is on screen, else every account.
    const std::optional<CustomerQuery> current = m_currentList ? m_currentList() : std::nullopt;
    const Result<int> written
        = loadOffThread<int>(m_window, [path, file, encoding, current]() -> Result<int> {
              Result<PortfolioReport> list = loadPortfolio(path, {}, current);
              if (!list)
                  return Error { list.error() };
              if (Status s = CustomerExport::write(*list, file, encoding); !s)
                  return Error { s.error() };
              return int(list->rows.size());
          });
    emit message(written ? tr("Exported %1 accounts to %2.").arg(written.value()).arg(file)
                         : written.error());
}

} // namespace tenure
