#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QVariant>

struct pg_conn;
struct sqlite3_stmt;

namespace tenure {

// Streams rows into PostgreSQL with COPY ... FROM STDIN (text format) on libpq's connection under
// Qt's: many times faster than one INSERT per row. No Qt query may be left with pending rows on
// the connection while a copy runs.
class PgCopy
{
    Q_DECLARE_TR_FUNCTIONS(PgCopy)

public:
    explicit PgCopy(pg_conn* connection);
    ~PgCopy();

    PgCopy(const PgCopy&) = delete;
    PgCopy& operator=(const PgCopy&) = delete;

    // `copySql` is a COPY ... FROM STDIN statement.
    Status start(const QString& copySql);
    // One field of the current row: null, text (escaped here), or a number.
    void addNull();
    void addText(QByteArrayView utf8);
    void addInteger(qint64 value);
    void addDouble(double value); // every digit: it reads back the same
    void addBytes(QByteArrayView bytes); // bytea
    void addValue(const QVariant& value); // by its type, with the four above
    Status endRow();
    // Ends the copy and returns the rows the server took.
    Result<qint64> finish();
    // Copies every row of a statement on a workspace file's SQLite handle (each column one field),
    // stepped here to its end, and finishes: how a local table travels to the server. The same
    // text as addValue() gives for the values a QSqlQuery reads (bytes of a text that are not
    // UTF-8 replaced by U+FFFD), without a QVariant for each.
    Result<qint64> copyAll(sqlite3_stmt* rows);
    // Abandons the copy; the server rolls the statement back.
    void abort(const QString& why);

    // COPY's text format for one value: backslash, tab, newline and carriage return escaped.
    static void appendEscaped(QByteArray& out, QByteArrayView utf8);

private:
    Status flush();

    pg_conn* m_connection;
    QByteArray m_buffer;
    bool m_fieldStarted = false;
    bool m_active = false;
    qint64 m_rows = 0;
};

} // namespace tenure

namespace tenure {

// Reads rows from PostgreSQL with COPY (...) TO STDOUT (text format): the fields of one row at a
// time, unescaped, null told apart from empty.
class PgCopyOut
{
    Q_DECLARE_TR_FUNCTIONS(PgCopyOut)

public:
    struct Field
    {
        QByteArray value;
        bool null = false;
    };

    explicit PgCopyOut(pg_conn* connection);
    ~PgCopyOut();

    PgCopyOut(const PgCopyOut&) = delete;
    PgCopyOut& operator=(const PgCopyOut&) = delete;

    Status start(const QString& copySql);
    // The next row's fields; false at the end or on an error (then error() says which).
    bool next();
    const QList<Field>& fields() const { return m_fields; }
    const QString& error() const { return m_error; }

    static void unescape(QByteArrayView text, QList<Field>& fields);

private:
    void finish();

    pg_conn* m_connection;
    QList<Field> m_fields;
    QString m_error;
    bool m_active = false;
};

} // namespace tenure
