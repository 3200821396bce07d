#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace tenure::json {

// JSON written straight into a byte array, for the engine's hot paths: the engine writes a
// breakdown and a history row for every account it scores, and building QJsonObjects for them
// costs more than scoring. Whatever is written reads back with QJsonDocument.

// "text", escaped (quotes, backslashes and control characters), in UTF-8.
void appendString(QByteArray& out, const QString& text);
// A number in the shortest form that reads back exactly; null when not finite.
void appendNumber(QByteArray& out, double value);
// A value as QJsonValue::fromVariant() would give it: null, a boolean, a number, a string.
void appendVariant(QByteArray& out, const QVariant& value);

} // namespace tenure::json
