#pragma once

#include "ingest/CsvReader.h"
#include "ingest/ValueParser.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>

#include <atomic>
#include <optional>

namespace tenure {

enum class ColumnType { Text, Number, Boolean };

// The type of each column that travels along as an event property or account attribute, decided
// from every cell of the file rather than cell by cell: a column of Copper, Fibre and No is text
// in every row, so a rule comparing it with "Fibre" compares like with like. Boolean only when
// every non-blank cell is a yes/no word, number only when every one is a plain figure.
class ColumnTypes
{
    Q_DECLARE_TR_FUNCTIONS(ColumnTypes)

public:
    static QString name(ColumnType type); // "text", "number", "boolean"
    static std::optional<ColumnType> fromName(const QString& name);
    // Empty or only white space: a CRM's " " for a missing value is no value.
    static bool isBlank(QStringView cell);

    // Tracks the columns at `indexes` of the records added.
    explicit ColumnTypes(QList<int> indexes);
    void add(const CsvRecord& record);
    ColumnType typeOf(int index) const;

    // Reads the rest of `reader` (started) and types `columns` of its header. The file's other
    // columns are not kept: memory stays a few flags per column whatever the file's size.
    static Result<QHash<QString, ColumnType>> infer(CsvReader& reader, const QStringList& columns,
                                                    const std::atomic_bool* cancel = nullptr);
    // The same over a whole file (every column when `columns` is empty), for the import dialog's
    // preview and mapping step. It reads the whole file: call it off the GUI thread.
    static Result<QHash<QString, ColumnType>>
    inferFile(const QString& path, const CsvReader::Options& options, const QStringList& columns = {});

    // A non-blank cell as a value of `type`; nothing when it does not read as one (possible only
    // when a mapping sets the type).
    static std::optional<QJsonValue> convert(const QString& text, ColumnType type, const ValueParser& parser);
    static QString expected(ColumnType type);

private:
    struct State
    {
        bool allBoolean = true;
        bool allNumber = true;
        bool any = false;
    };
    QList<int> m_indexes;
    QHash<int, State> m_states;
};

} // namespace tenure
