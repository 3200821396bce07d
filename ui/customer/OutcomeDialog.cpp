#include "customer/OutcomeDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QUuid>
#include <QVBoxLayout>

namespace tenure {

OutcomeDialog::OutcomeDialog(const QString& accountId, const QString& accountName, const QDate& today,
                             QWidget* parent)
    : QDialog(parent)
    , m_accountId(accountId)
    , m_today(today)
    , m_kind(new QComboBox(this))
    , m_date(new QDateEdit(today, this))
    , m_amount(new QLineEdit(this))
    , m_note(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("OutcomeDialog"));
    setWindowTitle(tr("Record an Outcome of %1").arg(accountName));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_date->setObjectName(QStringLiteral("date"));
    m_amount->setObjectName(QStringLiteral("amount"));
    m_note->setObjectName(QStringLiteral("note"));
    for (const Outcome::Kind kind : { Outcome::Kind::Churned, Outcome::Kind::Renewed, Outcome::Kind::Expanded,
                                      Outcome::Kind::Contracted })
        m_kind->addItem(Outcome::label(kind), int(kind));
    m_date->setCalendarPopup(true);
    m_amount->setPlaceholderText(tr("optional, e.g. 12000"));
    m_note->setPlaceholderText(tr("optional, e.g. switched to a competitor"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText); // the error quotes what was typed
    auto* form = new QFormLayout;
    form->addRow(tr("&What happened:"), m_kind);
    form->addRow(tr("&On:"), m_date);
    form->addRow(tr("&Amount:"), m_amount);
    form->addRow(tr("&Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &OutcomeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

Result<Outcome> OutcomeDialog::outcome() const
{
    Outcome outcome;
    outcome.accountId = m_accountId;
    outcome.kind = Outcome::Kind(m_kind->currentData().toInt());
    outcome.date = m_date->date();
    if (outcome.date > m_today)
        return Error { tr("The date is in the future: record an outcome once it has happened.") };
    const QString amount = m_amount->text().trimmed();
    if (!amount.isEmpty()) {
        bool ok = false;
        double value = QLocale().toDouble(amount, &ok);
        if (!ok)
            value = QLocale::c().toDouble(QString(amount).remove(u','), &ok);
        if (!ok || value < 0)
            return Error {
                tr("Amount: expected a number of 0 or more, such as 12000, got \"%1\".").arg(amount)
            };
        outcome.amount = value;
    }
    outcome.note = m_note->text().trimmed();
    outcome.source = QStringLiteral("manual");
    outcome.externalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return outcome;
}

void OutcomeDialog::accept()
{
    if (const Result<Outcome> entered = outcome(); !entered) {
        m_problem->setText(entered.error());
        return;
    }
    QDialog::accept();
}

} // namespace tenure
