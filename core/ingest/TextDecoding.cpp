#include "ingest/TextDecoding.h"

#include <QStringDecoder>

namespace tenure {

bool TextDecoding::isUtf8(const QByteArray& data)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.constData());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = bytes[i];
        int extra;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
        } else {
            return false;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= size)
                return true; // cut off by the sample's end
            if ((bytes[i + k] & 0xc0) != 0x80)
                return false;
        }
        i += extra + 1;
    }
    return true;
}

namespace {

bool inRange(unsigned char c, unsigned char low, unsigned char high)
{
    return c >= low && c <= high;
}

// Bytes of the UTF-8 sequence starting at data[i] when valid, 0 when invalid, -1 when the data
// ends inside a sequence that is valid so far.
int utf8Sequence(const unsigned char* data, qsizetype size, qsizetype i)
{
    const unsigned char c = data[i];
    if (c < 0x80)
        return 1;
    int length;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (inRange(c, 0xc2, 0xdf)) {
        length = 2;
    } else if (inRange(c, 0xe0, 0xef)) {
        length = 3;
        low = c == 0xe0 ? 0xa0 : 0x80; // no overlong forms
        high = c == 0xed ? 0x9f : 0xbf; // no surrogates
    } else if (inRange(c, 0xf0, 0xf4)) {
        length = 4;
        low = c == 0xf0 ? 0x90 : 0x80;
        high = c == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    for (int k = 1; k < length; ++k) {
        if (i + k >= size)
            return -1;
        if (!inRange(data[i + k], k == 1 ? low : 0x80, k == 1 ? high : 0xbf))
            return 0;
    }
    return length;
}

// Microsoft's CP932 table: lead bytes 0x81-0x9F and 0xE0-0xFC, trail bytes 0x40-0x7E and
// 0x80-0xFC; 0x80, 0xA0 and 0xFD-0xFF are unassigned.
int cp932Sequence(const unsigned char* data, qsizetype size, qsizetype i)
{
    const unsigned char c = data[i];
    if (c < 0x80 || inRange(c, 0xa1, 0xdf))
        return 1;
    if (!inRange(c, 0x81, 0x9f) && !inRange(c, 0xe0, 0xfc))
        return 0;
    if (i + 1 >= size)
        return -1;
    const unsigned char t = data[i + 1];
    return inRange(t, 0x40, 0x7e) || inRange(t, 0x80, 0xfc) ? 2 : 0;
}

int utf16Sequence(const unsigned char* data, qsizetype size, qsizetype i, bool bigEndian)
{
    auto unit = [&](qsizetype at) {
        return bigEndian ? (data[at] << 8 | data[at + 1]) : (data[at + 1] << 8 | data[at]);
    };
    if (i + 1 >= size)
        return -1;
    const int u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff)
        return 0;
    if (u < 0xd800 || u > 0xdbff)
        return 2;
    if (i + 3 >= size)
        return -1;
    const int low = unit(i + 2);
    return low >= 0xdc00 && low <= 0xdfff ? 4 : 0;
}

enum class Structure { Utf8, Utf16Le, Utf16Be, Cp932, SingleByte, Unknown };

Structure structureOf(const QByteArray& encoding)
{
    if (encoding == "UTF-8")
        return Structure::Utf8;
    if (encoding == "UTF-16LE")
        return Structure::Utf16Le;
    if (encoding == "UTF-16BE")
        return Structure::Utf16Be;
    if (encoding == "CP932")
        return Structure::Cp932;
    if (encoding == "windows-1252")
        return Structure::SingleByte;
    return Structure::Unknown;
}

int sequenceAt(Structure structure, const unsigned char* data, qsizetype size, qsizetype i)
{
    switch (structure) {
    case Structure::Utf8:
        return utf8Sequence(data, size, i);
    case Structure::Utf16Le:
        return utf16Sequence(data, size, i, false);
    case Structure::Utf16Be:
        return utf16Sequence(data, size, i, true);
    case Structure::Cp932:
        return cp932Sequence(data, size, i);
    case Structure::SingleByte:
    case Structure::Unknown:
        break;
    }
    return 1;
}

// Western text read as windows-1252: accented letters stand alone between ASCII; two non-ASCII
// bytes in a row, or bytes the code page leaves unassigned, point to another encoding.
bool looksWestern(const QByteArray& sample)
{
    bool previousHigh = false;
    for (char byte : sample) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d)
            return false;
        const bool high = c >= 0x80;
        if (high && previousHigh)
            return false;
        previousHigh = high;
    }
    return true;
}

} // namespace

bool TextDecoding::canScan(const QByteArray& encoding)
{
    const Structure structure = structureOf(encoding);
    return structure != Structure::Unknown && structure != Structure::SingleByte;
}

TextDecoding::Scan TextDecoding::scan(QByteArrayView data, const QByteArray& encoding, bool countAll)
{
    Scan result;
    const Structure structure = structureOf(encoding);
    if (structure == Structure::Unknown || structure == Structure::SingleByte)
        return result;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    const qsizetype size = data.size();
    const bool wide = structure == Structure::Utf16Le || structure == Structure::Utf16Be;
    qsizetype i = 0;
    while (i < size) {
        const int length = sequenceAt(structure, bytes, size, i);
        if (length < 0) {
            result.incompleteTail = size - i;
            break;
        }
        if (length == 0) {
            ++result.invalidCount;
            if (result.invalidAt < 0) {
                result.invalidAt = i;
                // The lead byte and whatever follows it that cannot start a character.
                qsizetype end = i + (wide ? 2 : 1);
                while (end < size && end - i < 4 && !wide && sequenceAt(structure, bytes, size, end) == 0)
                    ++end;
                result.invalidLength = std::min(end, size) - i;
            }
            if (!countAll)
                break;
            i += wide ? 2 : 1;
            continue;
        }
        if (length > 1 && !(wide && length == 2 && bytes[i + (structure == Structure::Utf16Le ? 1 : 0)] == 0))
            ++result.validMultiByte;
        i += length;
    }
    return result;
}

TextDecoding::Position TextDecoding::positionOf(QByteArrayView data, qsizetype offset,
                                                const QByteArray& encoding)
{
    const Structure structure = structureOf(encoding);
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    const bool wide = structure == Structure::Utf16Le || structure == Structure::Utf16Be;
    auto codeUnit = [&](qsizetype at) -> int {
        if (!wide)
            return bytes[at];
        return structure == Structure::Utf16Be ? (bytes[at] << 8 | bytes[at + 1])
                                               : (bytes[at + 1] << 8 | bytes[at]);
    };
    Position position;
    qsizetype i = 0;
    if (wide && offset >= 2 && codeUnit(0) == 0xfeff)
        i = 2;
    else if (!wide && data.startsWith("\xef\xbb\xbf") && offset >= 3)
        i = 3;
    while (i < offset) {
        const int unit = codeUnit(i);
        int length = sequenceAt(structure, bytes, data.size(), i);
        if (length <= 0)
            length = wide ? 2 : 1;
        const qsizetype step = wide ? 2 : 1;
        if (unit == '\n' || (unit == '\r' && (i + step >= data.size() || codeUnit(i + step) != '\n'))) {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
        i += length;
    }
    return position;
}

QString TextDecoding::hexBytes(QByteArrayView bytes)
{
    QStringList parts;
    for (char byte : bytes)
        parts.append(
            QStringLiteral("0x")
            + QString::number(uint(static_cast<unsigned char>(byte)), 16).rightJustified(2, u'0').toUpper());
    return parts.join(u' ');
}

TextDecoding::Detected TextDecoding::detect(const QByteArray& sample)
{
    if (sample.startsWith("\xef\xbb\xbf"))
        return { "UTF-8", 3, {} };
    if (sample.startsWith("\xff\xfe"))
        return { "UTF-16LE", 2, {} };
    if (sample.startsWith("\xfe\xff"))
        return { "UTF-16BE", 2, {} };
    // UTF-16 without a mark: ASCII text has a zero in every other byte.
    const qsizetype probe = std::min<qsizetype>(sample.size(), 512) & ~qsizetype(1);
    if (probe >= 4) {
        int evenZeros = 0;
        int oddZeros = 0;
        for (qsizetype i = 0; i < probe; i += 2) {
            evenZeros += sample[i] == 0;
            oddZeros += sample[i + 1] == 0;
        }
        if (oddZeros > probe / 4 && evenZeros == 0)
            return { "UTF-16LE", 0, {} };
        if (evenZeros > probe / 4 && oddZeros == 0)
            return { "UTF-16BE", 0, {} };
    }
    // A file that is UTF-8 but for a stray byte or two is UTF-8: the reader then reports those
    // bytes at their line, where reading it as CP932 would turn every accent into katakana. Text
    // in CP932 read as UTF-8 fails on most of its characters, so the ratio tells them apart.
    constexpr qsizetype kValidPerInvalid = 8;
    const Scan utf8 = scan(sample, "UTF-8", true);
    if (utf8.invalidAt < 0 || utf8.validMultiByte >= kValidPerInvalid * utf8.invalidCount)
        return { "UTF-8", 0, {} };
    // Not UTF-8: Japanese Excel writes CP932.
    const Scan cp932 = scan(sample, "CP932", true);
    if (cp932.invalidAt < 0 || cp932.validMultiByte >= kValidPerInvalid * cp932.invalidCount)
        return { "CP932", 0, {} };
    // Excel on Western Windows writes windows-1252, which reads any byte: only plausible text.
    if (looksWestern(sample))
        return { "windows-1252", 0, {} };
    auto where = [&](const Scan& failed, const QByteArray& encoding) {
        const Position at = positionOf(sample, failed.invalidAt, encoding);
        return tr("as %1, line %2, column %3 is not valid (%4)")
            .arg(QString::fromLatin1(encoding))
            .arg(at.line)
            .arg(at.column)
            .arg(hexBytes(sample.mid(failed.invalidAt, failed.invalidLength)));
    };
    return { {},
             0,
             tr("cannot tell the file's encoding; tried UTF-8, CP932 and windows-1252: %1; %2; "
                "not windows-1252 either (non-ASCII bytes in a row). Choose the file's encoding "
                "(cp932, utf-8 or windows-1252, …)")
                 .arg(where(utf8, "UTF-8"), where(cp932, "CP932")) };
}

Result<QByteArray> TextDecoding::canonicalName(const QString& name)
{
    const QString key = name.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    if (key == QLatin1String("utf8") || key == QLatin1String("utf8sig") || key == QLatin1String("utf8bom"))
        return QByteArray("UTF-8");
    if (key == QLatin1String("utf16") || key == QLatin1String("utf16le") || key == QLatin1String("unicode"))
        return QByteArray("UTF-16LE");
    if (key == QLatin1String("utf16be"))
        return QByteArray("UTF-16BE");
    if (key == QLatin1String("cp932") || key == QLatin1String("sjis") || key == QLatin1String("shiftjis")
        || key == QLatin1String("windows31j") || key == QLatin1String("ms932")
        || key == QLatin1String("mskanji"))
        return QByteArray("CP932");
    if (key == QLatin1String("latin1") || key == QLatin1String("iso88591") || key == QLatin1String("cp1252")
        || key == QLatin1String("windows1252"))
        return QByteArray("windows-1252");
    if (key == QLatin1String("eucjp"))
        return QByteArray("EUC-JP");
    const QByteArray other = name.trimmed().toLatin1();
    if (!other.isEmpty() && QStringDecoder(other.constData()).isValid())
        return other;
    return Error {
        tr("Unknown encoding \"%1\": expected one of utf-8, utf-16le, utf-16be, cp932 (shift_jis), "
           "windows-1252, euc-jp")
            .arg(name)
    };
}

} // namespace tenure
