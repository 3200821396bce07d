#pragma once

#include "domain/Account.h"
#include "domain/Event.h"
#include "domain/Outcome.h"
#include "ingest/ColumnTypes.h"
#include "ingest/CsvReader.h"
#include "ingest/ImportMapping.h"
#include "ingest/ValueParser.h"
#include "store/AccountKeyStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>

#include <optional>

namespace tenure {

// One rejected row: where it is and what was expected there.
struct RowError
{
    qint64 line = 0; // physical line in the file; the header is line 1
    int column = 0; // 1-based column number, 0 when the row as a whole is wrong
    QString columnName;
    QString message;

    // "usage.csv:14: column 3 (usage_date): expected a date such as 2026-11-25, got "27/07/2023""
    QString toString(const QString& fileName) const;
};

// Turns CSV records into the domain values of one import kind, following a mapping. It knows
// nothing of the database; lookups it needs (known accounts, key → account) are handed to it.
class RowConverter
{
    Q_DECLARE_TR_FUNCTIONS(RowConverter)

public:
    RowConverter(ImportMapping mapping, const QStringList& header, ValueParser parser, QString source);

    // For kinds that resolve an account through another key, and for outcomes (which must name
    // a known account).
    void setAccountKeys(QHash<QString, QString> keys) { m_accountKeys = std::move(keys); }
    void setKnownAccounts(QSet<QString> ids) { m_knownAccounts = std::move(ids); }
    // Accounts as stored, so a file that leaves a field out keeps its value.
    void setExistingAccounts(QHash<QString, Account> accounts) { m_existing = std::move(accounts); }

    // A cell of a column that is kept as a property or attribute, typed on its own: true/false/
    // yes/no as booleans, plain figures as numbers, anything else as text. Only for columns that
    // setColumnTypes() leaves untyped: a column's cells should share one type.
    static QJsonValue typedCell(const QString& text);
    // The columns that travel along as properties or attributes, in file order.
    QStringList extraColumns() const;
    // Their types, by column name (inferred from the whole file, or set by the mapping).
    void setColumnTypes(const QHash<QString, ColumnType>& types);
    // Whether the mapping's "when" keeps this row (every row without one).
    bool selected(const CsvRecord& record) const;

    // Each returns the value or, for a bad row, fills `error`.
    std::optional<Account> account(const CsvRecord& record, RowError& error);
    std::optional<EncodedEvent> event(const CsvRecord& record, RowError& error);
    std::optional<Outcome> outcome(const CsvRecord& record, RowError& error);
    std::optional<AccountKeyStore::Entry> key(const CsvRecord& record, RowError& error);
    // Whether the last account() was new with an ARR that named no currency (no column, constant
    // or sign): its currency is then the default, USD, and the import says so.
    bool currencyAssumed() const { return m_currencyAssumed; }

private:
    int indexOf(const QString& field) const { return m_index.value(field, -1); }
    // The text of a field for this row: its column, or its constant; null when unmapped.
    QString text(const CsvRecord& record, const QString& field) const;
    bool checkWidth(const CsvRecord& record, RowError& error) const;
    RowError errorAt(const CsvRecord& record, const QString& field, const QString& expected) const;
    std::optional<QString> resolveAccount(const CsvRecord& record, RowError& error) const;
    QString rowExternalId(const CsvRecord& record);
    std::optional<QJsonObject> extras(const CsvRecord& record, RowError& error) const;
    // A date field from its column or constant, or counted back from a months column. `present`
    // is false when nothing feeds the field; a blank cell is a null date.
    bool dateField(const CsvRecord& record, const QString& field, QDate& date, bool& present,
                   RowError& error) const;
    // An id column must identify one row: a second, different row with the same id is an error
    // (it would otherwise be taken for a re-import and dropped). The same row twice is fine.
    bool checkUniqueId(const CsvRecord& record, const QString& field, const QString& id, RowError& error);

    ImportMapping m_mapping;
    QStringList m_header;
    ValueParser m_parser;
    QString m_source;
    QByteArray m_sourceUtf8;
    QHash<QString, int> m_index; // field → column index
    int m_keyIndex = -1;
    QList<int> m_extraIndexes;
    QHash<int, ColumnType> m_extraTypes; // by column index; a column without one is typed by cell
    int m_whenIndex = -1;
    QHash<QString, QString> m_accountKeys;
    QSet<QString> m_knownAccounts;
    QHash<QString, Account> m_existing;
    QHash<QByteArray, int> m_seenRows; // row hash → occurrences, to keep identical rows apart
    struct SeenId
    {
        size_t contentHash;
        qint64 line;
    };
    QHash<size_t, SeenId> m_seenIds; // id hash → first row with it
    bool m_currencyAssumed = false;
};

} // namespace tenure
