#include "util/JsonInput.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>

namespace tenure::json {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("JsonInput", text);
}
} // namespace

Result<QJsonObject> parseObject(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype upTo = std::clamp<qsizetype>(error.offset, 0, bytes.size());
        const QByteArray before = bytes.left(upTo);
        const qsizetype line = before.count('\n') + 1;
        // Columns count characters, not bytes: "高橋" is two columns.
        const qsizetype column = QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size() + 1;
        return Error { tr("line %1, column %2: %3").arg(line).arg(column).arg(error.errorString()) };
    }
    if (!document.isObject())
        return Error { tr("expected a JSON object ({ … })") };
    return document.object();
}

Result<QJsonObject> readObject(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("%1: cannot read it: %2").arg(path, file.errorString()) };
    Result<QJsonObject> object = parseObject(file.readAll());
    if (!object)
        return Error { tr("%1: %2").arg(path, object.error()) };
    return object;
}

Status onlyKnownKeys(const QJsonObject& object, const QString& where, const QStringList& known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        const QString path = where.isEmpty() ? it.key() : where + QLatin1Char('.') + it.key();
        return Error { tr("%1: unknown key; expected %2").arg(path, known.join(QStringLiteral(", "))) };
    }
    return {};
}

} // namespace tenure::json
