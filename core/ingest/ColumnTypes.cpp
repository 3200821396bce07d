#include "ingest/ColumnTypes.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace tenure {

namespace {

bool isBooleanWord(const QString& lower)
{
    return lower == QLatin1String("true") || lower == QLatin1String("false") || lower == QLatin1String("yes")
        || lower == QLatin1String("no") || lower == QStringLiteral("はい")
        || lower == QStringLiteral("いいえ");
}

// Ids with leading zeros ("00123") are not figures: they would not read back the same.
bool isPlainFigure(const QString& text)
{
    static const QRegularExpression figure(QStringLiteral(R"(^-?(0|[1-9]\d{0,14})(\.\d+)?$)"));
    return figure.match(text).hasMatch();
}

} // namespace

QString ColumnTypes::name(ColumnType type)
{
    switch (type) {
    case ColumnType::Number:
        return QStringLiteral("number");
    case ColumnType::Boolean:
        return QStringLiteral("boolean");
    case ColumnType::Text:
        break;
    }
    return QStringLiteral("text");
}

std::optional<ColumnType> ColumnTypes::fromName(const QString& name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("text") || key == QLatin1String("string"))
        return ColumnType::Text;
    if (key == QLatin1String("number"))
        return ColumnType::Number;
    if (key == QLatin1String("boolean") || key == QLatin1String("bool"))
        return ColumnType::Boolean;
    return std::nullopt;
}

bool ColumnTypes::isBlank(QStringView cell)
{
    return cell.trimmed().isEmpty();
}

ColumnTypes::ColumnTypes(QList<int> indexes)
    : m_indexes(std::move(indexes))
{
    for (int index : std::as_const(m_indexes))
        m_states.insert(index, {});
}

void ColumnTypes::add(const CsvRecord& record)
{
    for (int index : std::as_const(m_indexes)) {
        if (index >= record.fields.size())
            continue;
        const QString cell = record.fields[index].trimmed();
        if (cell.isEmpty())
            continue;
        State& state = m_states[index];
        state.any = true;
        if (state.allBoolean && !isBooleanWord(cell.toLower()))
            state.allBoolean = false;
        if (state.allNumber && !isPlainFigure(cell))
            state.allNumber = false;
    }
}

ColumnType ColumnTypes::typeOf(int index) const
{
    const State state = m_states.value(index);
    if (!state.any)
        return ColumnType::Text;
    if (state.allBoolean)
        return ColumnType::Boolean;
    if (state.allNumber)
        return ColumnType::Number;
    return ColumnType::Text;
}

Result<QHash<QString, ColumnType>> ColumnTypes::infer(CsvReader& reader, const QStringList& columns,
                                                      const std::atomic_bool* cancel)
{
    QList<int> indexes;
    for (const QString& column : columns)
        if (const qsizetype index = reader.header().indexOf(column); index >= 0)
            indexes.append(int(index));
    ColumnTypes types(indexes);
    CsvRecord record;
    qint64 rows = 0;
    while (reader.next(record)) {
        types.add(record);
        if (cancel && (++rows & 0xfff) == 0 && cancel->load(std::memory_order_relaxed))
            return Error { tr("Cancelled.") };
    }
    if (!reader.error().isEmpty())
        return Error { reader.error() };
    QHash<QString, ColumnType> result;
    for (int index : std::as_const(indexes))
        result.insert(reader.header()[index], types.typeOf(index));
    return result;
}

Result<QHash<QString, ColumnType>>
ColumnTypes::inferFile(const QString& path, const CsvReader::Options& options, const QStringList& columns)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("%1: cannot open the file: %2").arg(path, file.errorString()) };
    CsvReader reader(&file, QFileInfo(path).fileName(), options);
    if (Status started = reader.start(); !started)
        return Error { started.error() };
    return infer(reader, columns.isEmpty() ? reader.header() : columns);
}

std::optional<QJsonValue> ColumnTypes::convert(const QString& text, ColumnType type,
                                               const ValueParser& parser)
{
    const QString trimmed = text.trimmed();
    switch (type) {
    case ColumnType::Number:
        if (isPlainFigure(trimmed))
            return trimmed.toDouble();
        if (const std::optional<double> number = parser.number(trimmed))
            return *number;
        return std::nullopt;
    case ColumnType::Boolean:
        if (const std::optional<bool> flag = parser.boolean(trimmed))
            return *flag;
        return std::nullopt;
    case ColumnType::Text:
        break;
    }
    return text;
}

QString ColumnTypes::expected(ColumnType type)
{
    switch (type) {
    case ColumnType::Number:
        return ValueParser::expectedNumber();
    case ColumnType::Boolean:
        return ValueParser::expectedBoolean();
    case ColumnType::Text:
        break;
    }
    return tr("text");
}

} // namespace tenure
