#pragma once

#include "ingest/ColumnTypes.h"
#include "ingest/ValueParser.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace tenure {

// What a CSV file holds and which of its columns feed which field. Detected from the header
// (English and Japanese column names), editable, saved as JSON: as a file for `--mapping`, and
// inside the source's settings as the preset that the next import of that source starts from.
class ImportMapping
{
    Q_DECLARE_TR_FUNCTIONS(ImportMapping)

public:
    enum class Kind {
        Accounts, // CRM accounts: upserted master data
        Events, // product usage: appended to the event log
        Outcomes, // churned / renewed / expanded / contracted
        Keys, // another key (subscription, user) → account, for resolving later imports
    };

    struct Field
    {
        QString name; // "account", "timestamp", ...
        bool required = false;
        QStringList synonyms; // header names that map to it, English and Japanese
    };

    Kind kind = Kind::Events;
    QHash<QString, QString> columns; // field → column header
    QHash<QString, QString> constants; // field → value used for every row (e.g. name)
    QStringList unmapped; // fields deliberately left without a column: detection skips them
    // Events and outcomes keyed by something else: the key column is resolved to an account
    // through keys imported into this namespace (kind Keys).
    QString accountKeyColumn;
    QString accountKeyNamespace;
    QString keyNamespace; // for kind Keys: the namespace the keys go into
    // Which other columns travel along (events: properties; accounts: attributes).
    enum class Extra { Rest, Listed, None } extra = Extra::Rest;
    QStringList extraColumns; // for Extra::Listed
    // Types for columns that travel along, overriding the ones inferred from the file.
    QHash<QString, ColumnType> types;
    // A date field counted back from a date by a column of months (an export's tenure in months).
    struct MonthsBefore
    {
        QString column;
        QDate from;
    };
    QHash<QString, MonthsBefore> monthsBefore; // field → derivation
    // Only rows whose column holds one of these values are imported (a churn flag on an accounts
    // export); the others are left out and counted, not errors. Compared trimmed, any case.
    QString whenColumn;
    QStringList whenIn;
    ValueParser::DateOrder dateOrder = ValueParser::DateOrder::YearMonthDay;
    QChar decimal = u'.';
    QString encoding; // empty: detect
    QChar delimiter; // null: detect

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString& name);
    static const QList<Field>& fields(Kind kind);
    // Fields that rows must fill only for what is new: an account's name, when the account is not
    // in the workspace yet (a file of ids and one column updates known accounts).
    static QStringList requiredForNew(Kind kind);
    // Date fields, which may be counted back from a months column.
    static QStringList dateFields(Kind kind);

    // The mapping a header suggests for `kind`: each field takes the first column whose
    // normalised name is one of its synonyms.
    static ImportMapping detect(Kind kind, const QStringList& header);
    // Fills the fields this mapping leaves open from the header (a preset may name only some).
    void completeFrom(const QStringList& header);
    // Whether the mapping can import a file with this header: every column it names exists and
    // every required field is covered. The error lists what is missing and the file's columns.
    Status checkAgainst(const QStringList& header, const QString& fileName) const;

    // "id ← 取引先ID, name ← 取引先名, name = support_ticket, account ← subscription_id (subscription)"
    QString describe() const;
    QJsonObject toJson() const;
    // Errors name the JSON path: "columns.timestamp: expected a column name (a string)".
    static Result<ImportMapping> fromJson(const QJsonObject& json);
    static Result<ImportMapping> load(const QString& path);

    // Lower case, no spaces, underscores or hyphens, full-width folded: "Account ID" == "account_id".
    static QString normaliseHeader(const QString& header);
};

} // namespace tenure
