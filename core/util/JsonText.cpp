#include "util/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <type_traits>

namespace tenure::json {

namespace {

// `units` (ASCII characters or UTF-8 bytes) escaped into `at`, which has room for 6 bytes a unit:
// quotes, backslashes and control characters; every other unit as it is.
template <typename Unit> char* escaped(const Unit* begin, const Unit* end, char* at)
{
    static const char hex[] = "0123456789abcdef";
    for (const Unit* unit = begin; unit != end; ++unit) {
        const auto c = static_cast<std::make_unsigned_t<Unit>>(*unit);
        if (c == '"' || c == '\\') {
            *at++ = '\\';
            *at++ = char(c);
        } else if (c < 0x20) {
            at = std::copy_n("\\u00", 4, at);
            *at++ = hex[(c >> 4) & 0xf];
            *at++ = hex[c & 0xf];
        } else {
            *at++ = char(c);
        }
    }
    return at;
}

} // namespace

void appendString(QByteArray& out, const QString& text)
{
    // ASCII text (ids, most labels) straight from its UTF-16; anything else through UTF-8.
    const auto* units = reinterpret_cast<const char16_t*>(text.utf16());
    const bool ascii = std::all_of(units, units + text.size(), [](char16_t unit) { return unit < 0x80; });
    const QByteArray utf8 = ascii ? QByteArray() : text.toUtf8();
    const qsizetype start = out.size();
    out.resize(start + 2 + 6 * (ascii ? text.size() : utf8.size()));
    char* at = out.data() + start;
    *at++ = '"';
    at = ascii ? escaped(units, units + text.size(), at) : escaped(utf8.constBegin(), utf8.constEnd(), at);
    *at++ = '"';
    out.truncate(at - out.constData());
}

void appendNumber(QByteArray& out, double value)
{
    if (!std::isfinite(value)) {
        out.append("null");
        return;
    }
    // Whole numbers (points, counts) without the shortest-form search; -0 as the search writes it.
    if (value == std::trunc(value) && std::abs(value) < 9007199254740992.0
        && !(value == 0 && std::signbit(value))) {
        char digits[24];
        const auto [end, error] = std::to_chars(digits, digits + sizeof digits, qint64(value));
        if (error == std::errc()) {
            out.append(digits, end - digits);
            return;
        }
    }
    out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void appendVariant(QByteArray& out, const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        out.append("null");
        return;
    case QMetaType::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        appendNumber(out, value.toDouble());
        return;
    case QMetaType::QString:
        appendString(out, value.toString());
        return;
    default: { // anything rarer: as Qt writes it
        const QByteArray array
            = QJsonDocument(QJsonArray { QJsonValue::fromVariant(value) }).toJson(QJsonDocument::Compact);
        out.append(array.mid(1, array.size() - 2));
    }
    }
}

} // namespace tenure::json
