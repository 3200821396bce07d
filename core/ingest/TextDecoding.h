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
    };

    // Looks at the first bytes of a file (a sample of a few tens of KB is enough).
    static Detected detect(const QByteArray& sample);
    // Canonical name of a user-given encoding ("sjis", "shift-jis", "cp932", "utf8", ...), or an
    // error naming the encodings Tenure knows.
    static Result<QByteArray> canonicalName(const QString& name);
    // Whether `data` is well-formed UTF-8; a multi-byte sequence cut off at the very end is
    // accepted, since a sample may end in the middle of a character.
    static bool isUtf8(const QByteArray& data);
};

} // namespace tenure
