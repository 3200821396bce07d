#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tenure {

// A customer account as the CRM knows it: master data, updated in place on re-import.
struct Account
{
    QString id;
    QString name;
    QString owner; // the responsible CSM
    QString plan;
    std::optional<double> arr; // annual recurring revenue, in `currency`
    QString currency = QStringLiteral("USD"); // ISO 4217
    std::optional<int> seats;
    QDate signupDate; // null when unknown
    QDate renewalDate; // null when unknown
    QJsonObject attributes; // any further CRM fields, kept as they came

    bool operator==(const Account&) const = default;
};

} // namespace tenure
