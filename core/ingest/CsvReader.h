#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringList>

#include <memory>

class QIODevice;

namespace tenure {

// One CSV record and where it starts in the file.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0; // physical line of the record's first character; the header is line 1
};

// A streaming RFC 4180 reader: quoted fields with embedded delimiters, newlines and doubled
// quotes; CRLF, LF or CR line ends. It decodes and parses the file in chunks, so a file of
// millions of rows never sits in memory. Encoding and delimiter are detected unless given.
// Blank lines are skipped (they carry no record in any export we know of).
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    struct Options
    {
        QByteArray encoding; // canonical name (TextDecoding::canonicalName); empty: detect
        QChar delimiter; // ',', ';' or '\t'; null: detect
    };

    // Reads `device`, which must be open; `fileName` only names it in messages.
    CsvReader(QIODevice* device, QString fileName, Options options = {});
    ~CsvReader();

    // Detects what was not given and reads the header. Call once, before next().
    Status start();
    const QByteArray& encoding() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }
    const QStringList& header() const { return m_header; }

    // The next record; false at the end of the file or on an error (then error() says where).
    bool next(CsvRecord& record);
    const QString& error() const { return m_error; }
    // Bytes further on that are not text, found while decoding ahead of the records read so far:
    // next() stops there. Empty when none was met yet.
    const QString& pendingError() const { return m_stopError; }

    qint64 bytesRead() const { return m_bytesRead; }
    const QString& fileName() const { return m_fileName; }

    // "comma", "semicolon", "tab", for messages.
    static QString delimiterName(QChar delimiter);
    // The delimiter that splits the first lines of `text` most consistently (',' when unsure).
    static QChar detectDelimiter(QStringView text);

private:
    struct Position
    {
        qint64 line;
        qint64 column;
    };
    bool fill(); // decodes the next chunk into m_text; false at end of input
    Position positionAtEnd() const; // of the decoded text, for messages
    bool parseRecord(CsvRecord& record, bool& needMore);

    QIODevice* m_device;
    QString m_fileName;
    Options m_options;
    QByteArray m_encoding;
    QChar m_delimiter;
    QStringList m_header;
    std::unique_ptr<QStringDecoder> m_decoder;
    QByteArray m_pending; // raw bytes read ahead during detection
    QByteArray m_carry; // a character cut off at the end of the last chunk
    QString m_text; // decoded, not yet parsed
    qsizetype m_pos = 0;
    qint64 m_line = 1; // physical line at m_pos
    qint64 m_bytesRead = 0;
    bool m_atEnd = false;
    QString m_error;
    // Bytes that are not text stop the reading where they are, but the records before them are
    // still read: the error is raised once the parser needs text beyond the good part.
    QString m_stopError;
};

} // namespace tenure
