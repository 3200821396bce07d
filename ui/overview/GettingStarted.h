#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QPushButton;

namespace tenure {

// What the Overview shows in place of its charts while the workspace has no customers: how to
// fill it (import the CRM's and the product's CSV exports, or connect the product's API), or to
// try Tenure on the demo workspace first. In a team workspace, where members do not import from
// the desktop (the import action is disabled), it says who fills it and how.
class GettingStarted : public QWidget
{
    Q_OBJECT

public:
    explicit GettingStarted(QWidget* parent = nullptr);

    // The main window's actions the buttons trigger (replacing any set before); a button shows
    // while its action is enabled.
    void setActions(QAction* importCsv, QAction* connectors, QAction* demo);

protected:
    void changeEvent(QEvent* event) override; // the texts follow the language

private:
    void updateTexts();

    QPointer<QAction> m_importAction;
    QPointer<QAction> m_connectorsAction;
    QPointer<QAction> m_demoAction;
    QLabel* m_title;
    QLabel* m_text;
    QPushButton* m_import;
    QPushButton* m_connectors;
    QLabel* m_demoText;
    QPushButton* m_demo;
};

} // namespace tenure
