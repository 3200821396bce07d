#pragma once

#include <QCoreApplication>
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

    // The word stored and read in files and the database ("renewed"); label() says it to a reader.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString& name);
    // The kind in the reader's language, as the customer page and the account report show it
    // ("Renewed", 「更新」).
    static QString label(Kind kind);

    // Last: the macro ends in "private:", and a data member after it would end aggregate
    // initialisation.
    Q_DECLARE_TR_FUNCTIONS(Outcome)
};

} // namespace tenure
