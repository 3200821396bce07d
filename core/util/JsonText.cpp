#include "util/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace tenure::json {

void appendString(QByteArray& out, const QString& text)
{
    static const char hex[] = "0123456789abcdef";
    // ASCII text (ids, most labels) is written straight into place; anything else through UTF-8.
    const qsizetype start = out.size();
    out.resize(start + 2 + 6 * text.size()); // the worst case: every character as \u00XX
    char* at = out.data() + start;
    *at++ = '"';
    bool ascii = true;
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80) {
            ascii = false;
            break;
        }
        if (unit == '"' || unit == '\\') {
            *at++ = '\\';
            *at++ = char(unit);
        } else if (unit < 0x20) {
            at = std::copy_n("\\u00", 4, at);
            *at++ = hex[(unit >> 4) & 0xf];
            *at++ = hex[unit & 0xf];
        } else {
            *at++ = char(unit);
        }
    }
    if (ascii) {
        *at++ = '"';
        out.truncate(at - out.constData());
        return;
    }
    out.truncate(start + 1);
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out.append("\\u00");
                out.append(hex[(c >> 4) & 0xf]);
                out.append(hex[c & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
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
