#include "ingest/CsvReader.h"

#include "ingest/TextDecoding.h"

#include <QIODevice>

#include <array>

namespace tenure {

namespace {
constexpr qint64 kChunkBytes = 1 << 18;
constexpr qint64 kSampleBytes = 1 << 16;
} // namespace

CsvReader::CsvReader(QIODevice* device, QString fileName, Options options)
    : m_device(device)
    , m_fileName(std::move(fileName))
    , m_options(std::move(options))
{
}

CsvReader::~CsvReader() = default;

QString CsvReader::delimiterName(QChar delimiter)
{
    if (delimiter == u',')
        return tr("comma");
    if (delimiter == u';')
        return tr("semicolon");
    if (delimiter == u'\t')
        return tr("tab");
    return QString(delimiter);
}

QChar CsvReader::detectDelimiter(QStringView text)
{
    constexpr std::array<char16_t, 3> candidates { u',', u';', u'\t' };
    // Count each candidate per line, outside quotes, over the first lines.
    std::array<QList<int>, 3> perLine;
    std::array<int, 3> current {};
    bool quoted = false;
    int lines = 0;
    for (qsizetype i = 0; i < text.size() && lines < 20; ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            for (size_t k = 0; k < candidates.size(); ++k) {
                perLine[k].append(current[k]);
                current[k] = 0;
            }
            ++lines;
        } else if (!quoted) {
            for (size_t k = 0; k < candidates.size(); ++k)
                current[k] += c == candidates[k];
        }
    }
    if (lines < 20)
        for (size_t k = 0; k < candidates.size(); ++k)
            if (current[k] > 0)
                perLine[k].append(current[k]);
    // Best: the same non-zero count on every line; then the most occurrences on the header line.
    int best = 0;
    int bestScore = -1;
    for (size_t k = 0; k < candidates.size(); ++k) {
        const QList<int>& counts = perLine[k];
        if (counts.isEmpty() || counts.first() == 0)
            continue;
        const bool consistent
            = std::all_of(counts.begin(), counts.end(), [&](int n) { return n == counts.first(); });
        const int score = (consistent ? 1000000 : 0) + counts.first();
        if (score > bestScore) {
            bestScore = score;
            best = int(k);
        }
    }
    return QChar(candidates[size_t(best)]);
}

Status CsvReader::start()
{
    m_pending = m_device->read(kSampleBytes);
    m_bytesRead = m_pending.size();
    if (m_options.encoding.isEmpty()) {
        const TextDecoding::Detected detected = TextDecoding::detect(m_pending);
        if (!detected.error.isEmpty())
            return Error { tr("%1: %2").arg(m_fileName, detected.error) };
        m_encoding = detected.encoding;
    } else {
        m_encoding = m_options.encoding;
    }
    // The decoder skips a byte-order mark of its own encoding.
    m_decoder = std::make_unique<QStringDecoder>(m_encoding.constData());
    if (!m_decoder->isValid())
        return Error { tr("%1: the encoding %2 is not supported on this system")
                           .arg(m_fileName, QString::fromLatin1(m_encoding)) };
    if (!fill() && m_text.isEmpty()) {
        if (!m_error.isEmpty())
            return Error { m_error };
        return Error {
            tr("%1: the file is empty; expected a header line with column names").arg(m_fileName)
        };
    }
    m_delimiter = m_options.delimiter.isNull() ? detectDelimiter(m_text) : m_options.delimiter;
    CsvRecord header;
    if (!next(header)) {
        if (!m_error.isEmpty())
            return Error { m_error };
        return Error {
            tr("%1: the file is empty; expected a header line with column names").arg(m_fileName)
        };
    }
    for (QString& name : header.fields)
        name = name.trimmed();
    m_header = header.fields;
    return {};
}

CsvReader::Position CsvReader::positionAtEnd() const
{
    // m_pos is where a record starts, so at the start of line m_line.
    Position position { m_line, 1 };
    const qsizetype size = m_text.size();
    for (qsizetype i = m_pos; i < size; ++i) {
        const QChar c = m_text[i];
        if (c == u'\n' || (c == u'\r' && !(i + 1 < size && m_text[i + 1] == u'\n'))) {
            ++position.line;
            position.column = 1;
        } else if (!c.isLowSurrogate()) {
            ++position.column;
        }
    }
    return position;
}

bool CsvReader::fill()
{
    if (!m_stopError.isEmpty()) {
        // The records before the bad bytes are read; the one they are in is not.
        m_error = m_stopError;
        m_atEnd = true;
        return false;
    }
    if (m_atEnd)
        return false;
    QByteArray bytes;
    if (!m_pending.isEmpty()) {
        bytes = std::move(m_pending);
        m_pending.clear();
    } else {
        bytes = m_device->read(kChunkBytes);
        m_bytesRead += bytes.size();
    }
    if (m_pos > 0) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    if (bytes.isEmpty()) {
        m_atEnd = true;
        // Flush a character cut off at the end of the file: the decoder reports it as an error.
        m_text += m_decoder->decode(QByteArrayView());
        if ((!m_carry.isEmpty() || m_decoder->hasError()) && m_error.isEmpty()) {
            const Position at = positionAtEnd();
            m_error = tr("%1: line %2, column %3: the file ends in the middle of a %4 character (%5)")
                          .arg(m_fileName)
                          .arg(at.line)
                          .arg(at.column)
                          .arg(QString::fromLatin1(m_encoding), TextDecoding::hexBytes(m_carry));
        }
        return false;
    }
    if (TextDecoding::canScan(m_encoding)) {
        // Find bad bytes ourselves: the decoder only says that there were some, not where, and a
        // character cut off by the chunk's end waits for the next chunk.
        QByteArray data = m_carry.isEmpty() ? std::move(bytes) : m_carry + bytes;
        m_carry.clear();
        const TextDecoding::Scan scan = TextDecoding::scan(data, m_encoding);
        if (scan.invalidAt >= 0) {
            m_text += m_decoder->decode(QByteArrayView(data).first(scan.invalidAt));
            const Position at = positionAtEnd();
            m_stopError = tr("%1: line %2, column %3: bytes that are not valid %4 (%5); choose the file's "
                             "encoding (e.g. cp932, utf-8)")
                              .arg(m_fileName)
                              .arg(at.line)
                              .arg(at.column)
                              .arg(QString::fromLatin1(m_encoding),
                                   TextDecoding::hexBytes(data.mid(scan.invalidAt, scan.invalidLength)));
            return true;
        }
        m_carry = data.right(scan.incompleteTail);
        data.chop(scan.incompleteTail);
        bytes = std::move(data);
    }
    const qsizetype before = m_text.size();
    m_text += m_decoder->decode(bytes);
    if (m_decoder->hasError() && m_error.isEmpty()) {
        // An encoding we do not scan (or a well-formed but unassigned character): the decoder's
        // replacement character marks the spot.
        qsizetype bad = m_text.indexOf(QChar::ReplacementCharacter, before);
        if (bad < 0)
            bad = m_text.size();
        m_text.truncate(bad);
        const Position at = positionAtEnd();
        m_stopError = tr("%1: line %2, column %3: bytes that are not valid %4; choose the file's encoding "
                         "(e.g. cp932, utf-8)")
                          .arg(m_fileName)
                          .arg(at.line)
                          .arg(at.column)
                          .arg(QString::fromLatin1(m_encoding));
        return true;
    }
    return true;
}

bool CsvReader::next(CsvRecord& record)
{
    if (!m_error.isEmpty())
        return false;
    for (;;) {
        bool needMore = false;
        if (parseRecord(record, needMore)) {
            // Skip blank lines.
            if (record.fields.size() == 1 && record.fields.first().isEmpty())
                continue;
            return true;
        }
        if (!m_error.isEmpty())
            return false;
        if (!needMore)
            return false;
        if (!fill()) {
            if (!m_error.isEmpty())
                return false;
            // m_atEnd is now true: parse what is left as the last record.
            if (parseRecord(record, needMore)) {
                if (record.fields.size() == 1 && record.fields.first().isEmpty())
                    continue;
                return true;
            }
            return false;
        }
    }
}

// Parses one record at m_pos. Returns false with needMore when the buffer ends before the record
// does and more input may follow; then nothing is consumed and the caller refills.
bool CsvReader::parseRecord(CsvRecord& record, bool& needMore)
{
    const qsizetype size = m_text.size();
    if (m_pos >= size) {
        needMore = !m_atEnd;
        return false;
    }
    const QChar* text = m_text.constData();
    qsizetype i = m_pos;
    qint64 line = m_line;
    qsizetype lineStart = i; // for column numbers in messages
    QStringList fields;
    QString field;
    const char16_t delimiter = m_delimiter.unicode();

    for (;;) {
        // Start of a field.
        if (i < size && text[i] == u'"') {
            const qint64 quoteLine = line;
            const qsizetype quoteColumn = i - lineStart + 1;
            ++i;
            for (;;) {
                if (i >= size) {
                    if (!m_atEnd) {
                        needMore = true;
                        return false;
                    }
                    m_error = tr("%1: line %2, column %3: a quoted field is never closed; expected a closing "
                                 "double quote (\")")
                                  .arg(m_fileName)
                                  .arg(quoteLine)
                                  .arg(quoteColumn);
                    return false;
                }
                const QChar c = text[i];
                if (c == u'"') {
                    if (i + 1 >= size && !m_atEnd) {
                        needMore = true;
                        return false;
                    }
                    if (i + 1 < size && text[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (c == u'\n' || (c == u'\r' && !(i + 1 < size && text[i + 1] == u'\n'))) {
                    ++line;
                    lineStart = i + 1;
                }
                field += c;
                ++i;
            }
            // After the closing quote: a delimiter, a line end or the end. Spreadsheet tools
            // write nothing else; anything else is kept, as most readers do, but only spaces.
            while (i < size && text[i] != delimiter && text[i] != u'\n' && text[i] != u'\r') {
                if (text[i] != u' ' && text[i] != u'\t') {
                    m_error
                        = tr("%1: line %2, column %3: unexpected character after a closing quote; expected "
                             "the delimiter or the end of the line")
                              .arg(m_fileName)
                              .arg(line)
                              .arg(i - lineStart + 1);
                    return false;
                }
                ++i;
            }
        } else {
            const qsizetype begin = i;
            while (i < size && text[i] != delimiter && text[i] != u'\n' && text[i] != u'\r')
                ++i;
            field = QString(text + begin, i - begin);
        }
        fields.append(std::move(field));
        field = QString();
        if (i >= size) {
            if (!m_atEnd) {
                needMore = true;
                return false;
            }
            break; // last record without a line end
        }
        if (text[i] == delimiter) {
            ++i;
            continue;
        }
        // A line end: CR LF, LF or CR. A CR at the buffer's end may be followed by LF.
        if (text[i] == u'\r') {
            if (i + 1 >= size && !m_atEnd) {
                needMore = true;
                return false;
            }
            ++i;
            if (i < size && text[i] == u'\n')
                ++i;
        } else {
            ++i;
        }
        ++line;
        break;
    }
    record.fields = std::move(fields);
    record.line = m_line;
    m_line = line;
    m_pos = i;
    return true;
}

} // namespace tenure
