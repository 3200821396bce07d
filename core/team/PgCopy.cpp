#include "team/PgCopy.h"

#include <QSqlError>
#include <QSqlRecord>

#include <libpq-fe.h>

namespace tenure {

namespace {
constexpr qsizetype kFlushBytes = 1 << 20;
}

PgCopy::PgCopy(pg_conn* connection)
    : m_connection(connection)
{
}

PgCopy::~PgCopy()
{
    if (m_active)
        abort(QStringLiteral("abandoned"));
}

Status PgCopy::start(const QString& copySql)
{
    PGresult* result = PQexec(m_connection, copySql.toUtf8().constData());
    const bool ready = PQresultStatus(result) == PGRES_COPY_IN;
    const QString error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    if (!ready)
        return Error { tr("Cannot start copying rows: %1")
                           .arg(error.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_connection)).trimmed()
                                                : error) };
    m_active = true;
    m_rows = 0;
    m_buffer.clear();
    m_buffer.reserve(kFlushBytes + 4096);
    return {};
}

void PgCopy::appendEscaped(QByteArray& out, QByteArrayView utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        default:
            out.append(c);
        }
    }
}

void PgCopy::addNull()
{
    if (m_fieldStarted)
        m_buffer.append('\t');
    m_buffer.append("\\N", 2);
    m_fieldStarted = true;
}

void PgCopy::addText(QByteArrayView utf8)
{
    if (m_fieldStarted)
        m_buffer.append('\t');
    appendEscaped(m_buffer, utf8);
    m_fieldStarted = true;
}

void PgCopy::addValue(const QVariant& value)
{
    if (value.isNull()) {
        addNull();
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Double:
        addText(QByteArray::number(value.toDouble(), 'g', 17));
        break;
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        addText(QByteArray::number(value.toLongLong()));
        break;
    case QMetaType::QByteArray:
        // bytea's hex form; its backslash is escaped once more for COPY.
        addText(QByteArray("\\x") + value.toByteArray().toHex());
        break;
    default:
        addText(value.toString().toUtf8());
    }
}

Status PgCopy::endRow()
{
    m_buffer.append('\n');
    m_fieldStarted = false;
    ++m_rows;
    if (m_buffer.size() >= kFlushBytes)
        return flush();
    return {};
}

Status PgCopy::flush()
{
    if (m_buffer.isEmpty())
        return {};
    if (PQputCopyData(m_connection, m_buffer.constData(), int(m_buffer.size())) != 1)
        return Error {
            tr("Copying rows failed: %1").arg(QString::fromUtf8(PQerrorMessage(m_connection)).trimmed())
        };
    m_buffer.clear();
    return {};
}

Result<qint64> PgCopy::finish()
{
    if (Status flushed = flush(); !flushed) {
        abort(flushed.error());
        return Error { flushed.error() };
    }
    m_active = false;
    if (PQputCopyEnd(m_connection, nullptr) != 1)
        return Error {
            tr("Copying rows failed: %1").arg(QString::fromUtf8(PQerrorMessage(m_connection)).trimmed())
        };
    QString error;
    while (PGresult* result = PQgetResult(m_connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && error.isEmpty())
            error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
    if (!error.isEmpty())
        return Error { tr("Copying rows failed: %1").arg(error) };
    return m_rows;
}

Result<qint64> PgCopy::copyAll(QSqlQuery& rows)
{
    const int columns = rows.record().count();
    while (rows.next()) {
        for (int column = 0; column < columns; ++column)
            addValue(rows.value(column));
        if (Status row = endRow(); !row) {
            abort(row.error());
            return Error { row.error() };
        }
    }
    if (rows.lastError().isValid()) {
        abort(rows.lastError().text());
        return Error { rows.lastError().text() };
    }
    return finish();
}

void PgCopy::abort(const QString& why)
{
    if (!m_active)
        return;
    m_active = false;
    PQputCopyEnd(m_connection, why.toUtf8().constData());
    while (PGresult* result = PQgetResult(m_connection))
        PQclear(result);
}

} // namespace tenure

namespace tenure {

PgCopyOut::PgCopyOut(pg_conn* connection)
    : m_connection(connection)
{
}

PgCopyOut::~PgCopyOut()
{
    if (m_active) {
        // Drain: the connection is usable only once the copy has ended.
        char* buffer = nullptr;
        while (PQgetCopyData(m_connection, &buffer, 0) > 0)
            PQfreemem(buffer);
        finish();
    }
}

Status PgCopyOut::start(const QString& copySql)
{
    PGresult* result = PQexec(m_connection, copySql.toUtf8().constData());
    const bool ready = PQresultStatus(result) == PGRES_COPY_OUT;
    const QString error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    if (!ready)
        return Error { tr("Cannot read rows: %1")
                           .arg(error.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_connection)).trimmed()
                                                : error) };
    m_active = true;
    return {};
}

void PgCopyOut::unescape(QByteArrayView text, QList<Field>& fields)
{
    fields.clear();
    // An empty field is an empty text, not a null: its value is empty but not null (a null
    // QByteArray would become a null QString, which Qt binds as NULL).
    const auto fresh = [] { return Field { QByteArray("", 0), false }; };
    Field field = fresh();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\t') {
            fields.append(std::move(field));
            field = fresh();
        } else if (c == '\\' && i + 1 < text.size()) {
            const char e = text[++i];
            switch (e) {
            case 'N':
                field.null = true;
                break;
            case 'b':
                field.value.append('\b');
                break;
            case 'f':
                field.value.append('\f');
                break;
            case 'n':
                field.value.append('\n');
                break;
            case 'r':
                field.value.append('\r');
                break;
            case 't':
                field.value.append('\t');
                break;
            case 'v':
                field.value.append('\v');
                break;
            default:
                field.value.append(e);
            }
        } else if (c != '\n' || i + 1 != text.size()) {
            field.value.append(c);
        }
    }
    fields.append(std::move(field));
}

bool PgCopyOut::next()
{
    if (!m_active)
        return false;
    char* buffer = nullptr;
    const int length = PQgetCopyData(m_connection, &buffer, 0);
    if (length > 0) {
        unescape(QByteArrayView(buffer, length), m_fields);
        PQfreemem(buffer);
        return true;
    }
    if (length == -2)
        m_error = QString::fromUtf8(PQerrorMessage(m_connection)).trimmed();
    finish();
    return false;
}

void PgCopyOut::finish()
{
    m_active = false;
    while (PGresult* result = PQgetResult(m_connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && m_error.isEmpty())
            m_error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
}

} // namespace tenure
