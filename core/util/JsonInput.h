#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tenure::json {

// JSON a user wrote (a rule set, a mapping, a connector definition, action rules), read with its
// mistakes named as an editor shows them: "line 3, column 14: …", lines and columns from 1.

// `bytes` as a JSON object.
Result<QJsonObject> parseObject(const QByteArray& bytes);
// The file at `path` as a JSON object; every error starts with the path.
Result<QJsonObject> readObject(const QString& path);

// The keys of `object` that are not in `known`, as one error naming the first and what is
// expected ("weights.colour: unknown key; expected band, arr, renewal or drop"), or none.
// `where` is the object's path ("weights"), empty at the top.
Status onlyKnownKeys(const QJsonObject& object, const QString& where, const QStringList& known);

} // namespace tenure::json
