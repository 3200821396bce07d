#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace tenure {

// Which text encoding a file uses: detected from its first bytes, or named by the user. CSV
// exports arrive as UTF-8 (with or without a byte-order mark), UTF-16 with a mark (Excel's
// "Unicode text") or Shift_JIS/CP932 (Excel on Japanese Windows).
class TextDecoding
{
    Q_DECLARE_TR_FUNCTIONS(TextDecoding)

public:
    struct Detected
    {
        QByteArray encoding; // canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "CP932", "windows-1252"
        int bomLength = 0; // bytes of byte-order mark at the start
        // Set when no encoding fits the sample: which were tried and where each failed. The
        // encoding is then empty.
        QString error;
    };

    // Where bytes stop being valid in an encoding. Known for UTF-8, UTF-16LE/BE and CP932.
    struct Scan
    {
        qsizetype invalidAt = -1; // offset of the first invalid sequence, -1 when none
        qsizetype invalidLength = 0; // its bytes, for messages
        qsizetype incompleteTail = 0; // bytes of a character cut off at the end of the data
        qsizetype validMultiByte = 0; // characters of more than one byte (or non-ASCII)
        qsizetype invalidCount = 0; // invalid sequences, resynchronising one byte later
    };

    // Looks at the first bytes of a file (a sample of a few tens of KB is enough).
    static Detected detect(const QByteArray& sample);
    // Canonical name of a user-given encoding ("sjis", "shift-jis", "cp932", "utf8", ...), or an
    // error naming the encodings Tenure knows.
    static Result<QByteArray> canonicalName(const QString& name);
    // Whether `data` is well-formed UTF-8; a multi-byte sequence cut off at the very end is
    // accepted, since a sample may end in the middle of a character.
    static bool isUtf8(const QByteArray& data);

    // Whether scan() knows the encoding's byte structure.
    static bool canScan(const QByteArray& encoding);
    // Scans `data` in `encoding`; with `countAll` it goes on after the first invalid sequence to
    // count them all (for detection), otherwise it stops there.
    static Scan scan(QByteArrayView data, const QByteArray& encoding, bool countAll = false);
    // The physical line (1-based) and column (1-based, in characters) of byte `offset` of `data`,
    // the start of a file. A byte-order mark takes no column.
    struct Position
    {
        qint64 line = 1;
        qint64 column = 1;
    };
    static Position positionOf(QByteArrayView data, qsizetype offset, const QByteArray& encoding);
    // "0xFF 0xFE" for messages.
    static QString hexBytes(QByteArrayView bytes);
};

} // namespace tenure
