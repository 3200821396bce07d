#include "overview/GettingStarted.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tenure {

GettingStarted::GettingStarted(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_import(new QPushButton(this))
    , m_connectors(new QPushButton(this))
    , m_demoText(new QLabel(this))
    , m_demo(new QPushButton(this))
{
    setObjectName(QStringLiteral("gettingStarted"));
    m_import->setObjectName(QStringLiteral("startImport"));
    m_connectors->setObjectName(QStringLiteral("startConnectors"));
    m_demo->setObjectName(QStringLiteral("startDemo"));
    m_text->setObjectName(QStringLiteral("startText"));
    for (QLabel* label : { m_title, m_text, m_demoText }) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    QFont title = m_title->font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_title->setFont(title);

    // Each button triggers the action set for it now (setActions), none before.
    const std::pair<QPushButton*, QPointer<QAction> GettingStarted::*> buttonActions[]
        = { { m_import, &GettingStarted::m_importAction },
            { m_connectors, &GettingStarted::m_connectorsAction },
            { m_demo, &GettingStarted::m_demoAction } };
    for (const auto& [button, action] : buttonActions)
        connect(button, &QPushButton::clicked, this, [this, action = action] {
            if (QAction* target = this->*action; target && target->isEnabled())
                target->trigger();
        });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addWidget(m_connectors);
    buttons->addStretch();
    auto* demo = new QHBoxLayout;
    demo->addWidget(m_demo);
    demo->addStretch();
    auto* column = new QVBoxLayout;
    column->addWidget(m_title);
    column->addWidget(m_text);
    column->addLayout(buttons);
    column->addSpacing(m_title->fontMetrics().height());
    column->addWidget(m_demoText);
    column->addLayout(demo);
    // A readable column, under the workspace's summary, whatever the window's width.
    auto* holder = new QWidget(this);
    holder->setLayout(column);
    holder->setMaximumWidth(m_text->fontMetrics().averageCharWidth() * 80);
    auto* row = new QHBoxLayout;
    row->addWidget(holder, 1);
    row->addStretch(0);
    auto* layout = new QVBoxLayout(this);
    layout->addSpacing(m_title->fontMetrics().height());
    layout->addLayout(row);
    layout->addStretch();
    updateTexts();
}

void GettingStarted::setActions(QAction* importCsv, QAction* connectors, QAction* demo)
{
    for (QAction* before : { m_importAction.data(), m_connectorsAction.data(), m_demoAction.data() })
        if (before)
            before->disconnect(this);
    m_importAction = importCsv;
    m_connectorsAction = connectors;
    m_demoAction = demo;
    for (QAction* action : { importCsv, connectors, demo })
        if (action)
            connect(action, &QAction::changed, this, &GettingStarted::updateTexts, Qt::UniqueConnection);
    updateTexts();
}

void GettingStarted::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void GettingStarted::updateTexts()
{
    // A team workspace's admins import from the desktop, its CSMs do not, and no one sets up a
    // connector there (the actions say so): a workspace file offers both.
    const bool canImport = m_importAction && m_importAction->isEnabled();
    const bool file = m_connectorsAction && m_connectorsAction->isEnabled();
    m_title->setText(tr("No customers here yet"));
    if (canImport && file)
        m_text->setText(
            tr("Tenure scores each customer your CRM knows from the product-usage events it sends, "
               "and tells you whom to call first. Start with the CRM's export of accounts (a CSV "
               "file), then the product's usage: a CSV export, or its API through a connector. "
               "The overview fills in after the first scoring pass."));
    else if (canImport)
        m_text->setText(tr("This team workspace has no customers yet. Import the CRM's export of accounts (a "
                           "CSV file), then the product's usage, or move a local workspace in with "
                           "\"tenure-cli team push\"; the team's engine then scores them, and this overview "
                           "fills in by itself, here and on every colleague's desktop."));
    else
        m_text->setText(tr("This team workspace has no customers yet. An admin fills it: from their desktop "
                           "(Import CSV…), or from the command line, where \"tenure-cli team push\" moves a "
                           "local workspace in and \"tenure-cli import\" adds CSV exports; the team's engine "
                           "then scores them, and this overview fills in by itself."));
    m_import->setText(tr("&Import CSV…"));
    m_connectors->setText(tr("Set up a &Connector…"));
    m_import->setVisible(canImport);
    m_connectors->setVisible(m_connectorsAction && m_connectorsAction->isEnabled());
    m_demoText->setText(tr("To look around first, open the demo workspace: 300 made-up customers "
                           "with a year of usage, scored, with an action queue. It is a file of its "
                           "own; this workspace stays as it is."));
    m_demo->setText(tr("Open the &Demo Workspace"));
    const bool demo = m_demoAction && m_demoAction->isEnabled();
    m_demo->setVisible(demo);
    m_demoText->setVisible(demo);
}

} // namespace tenure
