#pragma once

#include <QObject>
#include <QString>

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
};

} // namespace tenure
