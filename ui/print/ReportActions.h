#pragma once

#include "customers/CustomerQuery.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace tenure {

// The app's report commands: print preview, print and PDF of an account report or the portfolio
// report, and the customer list as CSV. Report data is read on a worker thread; only laying the
// pages out (for the preview or the printer) happens on the GUI thread, as Qt requires.
class ReportActions : public QObject
{
    Q_OBJECT

public:
    explicit ReportActions(QWidget* window);

    void setWorkspace(const QString& path) { m_path = path; }
    // What the window has selected: the customer (empty: none), and the customer list's filter
    // when that list is on screen. Reports take them instead of asking.
    void setSelection(std::function<QString()> selectedAccount,
                      std::function<std::optional<CustomerQuery>()> currentList)
    {
        m_selectedAccount = std::move(selectedAccount);
        m_currentList = std::move(currentList);
    }

    void accountReport(); // asks which account, then opens the print preview
    void portfolioReport(); // opens the print preview of every account
    void exportAccountPdf();
    void exportPortfolioPdf();
    void exportCustomersCsv();

signals:
    // A report or export finished or failed, in words for the status bar.
    void message(const QString& text);

private:
    // Asks for an account (searchable by name or id); empty when cancelled.
    QString chooseAccount();
    // Asks whose accounts (or all); false when cancelled.
    bool chooseOwner(QString& owner);

    QWidget* m_window;
    QString m_path;
    std::function<QString()> m_selectedAccount;
    std::function<std::optional<CustomerQuery>()> m_currentList;
    std::optional<CustomerQuery> m_listChoice; // set by chooseOwner when the user picks the current list
};

} // namespace tenure
