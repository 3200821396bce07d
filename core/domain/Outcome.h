#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace tenure {

// What actually happened to an account: the ground truth that health scores are tuned against.
struct Outcome
{
    enum class Kind { Churned, Renewed, Expanded, Contracted };

    QString accountId;
    Kind kind = Kind::Renewed;
    QDate date;
    std::optional<double> amount;
    QString note;
    QString source; // where it came from (CSV file, connector, "manual")
    QString externalId; // stable id within the source; (source, externalId) is unique

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString& name);
};

} // namespace tenure
