#include "team/PgCopy.h"

#include <sqlite3.h>

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
    // Runs of plain bytes in one append each: most values have nothing to escape.
    const char* run = utf8.data();
    const char* const end = run + utf8.size();
    for (const char* c = run; c != end; ++c) {
        const char* escaped = nullptr;
        switch (*c) {
        case '\\':
            escaped = "\\\\";
            break;
        case '\t':
            escaped = "\\t";
            break;
        case '\n':
            escaped = "\\n";
            break;
        case '\r':
            escaped = "\\r";
            break;
        default:
            continue;
        }
        out.append(run, c - run).append(escaped, 2);
        run = c + 1;
    }
    out.append(run, end - run);
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
        addDouble(value.toDouble());
        break;
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        addInteger(value.toLongLong());
        break;
    case QMetaType::QByteArray:
        addBytes(value.toByteArray());
        break;
    default:
        addText(value.toString().toUtf8());
    }
}

void PgCopy::addInteger(qint64 value)
{
    addText(QByteArray::number(value));
}

void PgCopy::addDouble(double value)
{
    addText(QByteArray::number(value, 'g', 17));
}

void PgCopy::addBytes(QByteArrayView bytes)
{
    // bytea's hex form; its backslash is escaped once more for COPY.
    addText(QByteArray("\\x") + QByteArray::fromRawData(bytes.data(), bytes.size()).toHex());
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

Result<qint64> PgCopy::copyAll(sqlite3_stmt* rows)
{
    const int columns = sqlite3_column_count(rows);
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(rows)) == SQLITE_ROW) {
        for (int column = 0; column < columns; ++column) {
            switch (sqlite3_column_type(rows, column)) {
            case SQLITE_NULL:
                addNull();
                break;
            case SQLITE_INTEGER:
                addInteger(sqlite3_column_int64(rows, column));
                break;
            case SQLITE_FLOAT:
                addDouble(sqlite3_column_double(rows, column));
                break;
            case SQLITE_BLOB: {
                const auto* data = static_cast<const char*>(sqlite3_column_blob(rows, column));
                addBytes(QByteArrayView(data, sqlite3_column_bytes(rows, column)));
                break;
            }
            default: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(rows, column));
                const QByteArrayView utf8(text, sqlite3_column_bytes(rows, column));
                // A file from elsewhere may hold bytes that are not UTF-8, which the server
                // refuses: replaced as a QString would read them (U+FFFD), as QSqlQuery did.
                if (utf8.isValidUtf8())
                    addText(utf8);
                else
                    addText(QString::fromUtf8(utf8).toUtf8());
            }
            }
        }
        if (Status row = endRow(); !row) {
            abort(row.error());
            return Error { row.error() };
        }
    }
    if (stepped != SQLITE_DONE) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(rows)));
        abort(error);
        return Error { error };
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
        // Left before its end (cancelled, or a row that failed): the server is asked to stop
        // sending, rather than the rest of the rows read and thrown away (the rest of a 10M-event
        // log, on a stop or a cancelled pass). Its statement then ends in an error, which the
        // caller's transaction, given up anyway, rolls back.
        if (PGcancel* request = PQgetCancel(m_connection)) {
            char error[256];
            PQcancel(request, error, sizeof error);
            PQfreeCancel(request);
        }
        // Drain what is already on its way: the connection is usable only once the copy has ended.
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
    // Runs of plain bytes in one append each: most fields have nothing escaped.
    qsizetype run = 0;
    const auto flush = [&](qsizetype end) { field.value.append(text.data() + run, end - run); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\t') {
            flush(i);
            fields.append(std::move(field));
            field = fresh();
            run = i + 1;
        } else if (c == '\\' && i + 1 < text.size()) {
            flush(i);
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
            run = i + 1;
        } else if (c == '\n' && i + 1 == text.size()) {
            flush(i); // the row's end
            run = i + 1;
        }
    }
    flush(text.size());
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
