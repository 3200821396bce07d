#pragma once

#include "domain/Outcome.h"
#include "util/Result.h"

#include <QDate>
#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QLabel;

namespace tenure {

// Records by hand what happened to one account (churned, renewed, expanded, contracted), with
// its date, amount and a note, for outcomes no CSV export or connector brings. They count in the
// backtests like any other; the source is "manual".
class OutcomeDialog : public QDialog
{
    Q_OBJECT

public:
    // `today`: the workspace's day (its time zone's), the latest an outcome may have happened.
    OutcomeDialog(const QString& accountId, const QString& accountName, const QDate& today,
                  QWidget* parent = nullptr);

    // The outcome as entered, or what is wrong with it.
    Result<Outcome> outcome() const;
    void accept() override;

private:
    QString m_accountId;
    QDate m_today;
    QComboBox* m_kind;
    QDateEdit* m_date;
    QLineEdit* m_amount;
    QLineEdit* m_note;
    QLabel* m_problem;
};

} // namespace tenure
