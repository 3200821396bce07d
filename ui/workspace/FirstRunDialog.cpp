#include "workspace/FirstRunDialog.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QVBoxLayout>

namespace tenure {

FirstRunDialog::FirstRunDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Tenure"));
    setMinimumWidth(480);
    auto* layout = new QVBoxLayout(this);
    auto* intro
        = new QLabel(tr("<h2>Welcome to Tenure</h2><p>Tenure keeps your customers' product usage in a "
                        "workspace on this computer and tells you who is healthy, who is drifting "
                        "toward churn, and whom to call first.</p><p>How would you like to start?</p>"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto addChoice = [this, layout](const QString& title, const QString& detail, Choice choice) {
        auto* button = new QCommandLinkButton(title, detail);
        button->setObjectName(QStringLiteral("choice-%1").arg(int(choice)));
        connect(button, &QAbstractButton::clicked, this, [this, choice] {
            m_choice = choice;
            accept();
        });
        layout->addWidget(button);
        return button;
    };
    addChoice(tr("Explore the demo workspace"),
              tr("A sample portfolio of 300 customers with a year of product usage."), Choice::Demo)
        ->setDefault(true);
    addChoice(tr("Start an empty workspace"), tr("Then import your CRM and usage exports."), Choice::Empty);
    addChoice(tr("Open an existing workspace…"), tr("A .tenure file from a colleague or a backup."),
              Choice::Open);
}

} // namespace tenure
