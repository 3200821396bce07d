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

TextDecoding::Detected TextDecoding::detect(const QByteArray& sample)
{
    if (sample.startsWith("\xef\xbb\xbf"))
        return { "UTF-8", 3 };
    if (sample.startsWith("\xff\xfe"))
        return { "UTF-16LE", 2 };
    if (sample.startsWith("\xfe\xff"))
        return { "UTF-16BE", 2 };
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
            return { "UTF-16LE", 0 };
        if (evenZeros > probe / 4 && oddZeros == 0)
            return { "UTF-16BE", 0 };
    }
    if (isUtf8(sample))
        return { "UTF-8", 0 };
    // Not UTF-8: Japanese Excel writes CP932. Anything CP932 cannot read is taken as Windows-1252,
    // the other encoding Excel writes by default.
    QStringDecoder cp932("CP932");
    if (cp932.isValid()) {
        // Drop a possibly cut-off last character before judging.
        (void)cp932.decode(sample.left(sample.size() - (sample.size() > 1 ? 1 : 0)));
        if (!cp932.hasError())
            return { "CP932", 0 };
    }
    return { "windows-1252", 0 };
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
