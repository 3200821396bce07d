#include "team/TeamKeptNotes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSaveFile>
#include <QTimeZone>

namespace tenure {

namespace {
QMutex& fileLock()
{
    static QMutex lock;
    return lock;
}

Result<QList<TeamKeptNotes::Note>> read(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return QList<TeamKeptNotes::Note> {};
    if (!file.open(QIODevice::ReadOnly))
        return Error { TeamKeptNotes::tr("Cannot read the notes kept for the team server (%1): %2")
                           .arg(path, file.errorString()) };
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isArray())
        return Error { TeamKeptNotes::tr("The notes kept for the team server (%1) are not readable: %2")
                           .arg(path, parsed.errorString()) };
    QList<TeamKeptNotes::Note> notes;
    for (const QJsonValue& value : document.array()) {
        const QJsonObject object = value.toObject();
        notes.append({ object.value(QLatin1String("action")).toInteger(),
                       object.value(QLatin1String("account")).toString(),
                       object.value(QLatin1String("text")).toString(),
                       QDateTime::fromMSecsSinceEpoch(object.value(QLatin1String("at")).toInteger(),
                                                      QTimeZone::utc()) });
    }
    return notes;
}

Status write(const QString& path, const QList<TeamKeptNotes::Note>& notes)
{
    if (notes.isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path))
            return Error {
                TeamKeptNotes::tr("Cannot update the notes kept for the team server (%1).").arg(path)
            };
        return {};
    }
    QJsonArray array;
    for (const TeamKeptNotes::Note& note : notes)
        array.append(QJsonObject { { QLatin1String("action"), note.actionId },
                                   { QLatin1String("account"), note.accountName },
                                   { QLatin1String("text"), note.text },
                                   { QLatin1String("at"), note.writtenAt.toMSecsSinceEpoch() } });
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error { TeamKeptNotes::tr("Cannot keep the notes for the team server (%1): %2")
                           .arg(path, file.errorString()) };
    }
    file.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        return Error { TeamKeptNotes::tr("Cannot keep the notes for the team server (%1): %2")
                           .arg(path, file.errorString()) };
    }
    return {};
}
} // namespace

QString TeamKeptNotes::pathFor(const QString& copyPath)
{
    return copyPath + QStringLiteral(".kept-notes.json");
}

Result<QList<TeamKeptNotes::Note>> TeamKeptNotes::load(const QString& path)
{
    QMutexLocker locked(&fileLock());
    return read(path);
}

Status TeamKeptNotes::add(const QString& path, const QList<Note>& notes)
{
    QMutexLocker locked(&fileLock());
    Result<QList<Note>> kept = read(path);
    if (!kept)
        return Error { kept.error() };
    return write(path, *kept + notes);
}

Status TeamKeptNotes::remove(const QString& path, const QList<Note>& notes)
{
    QMutexLocker locked(&fileLock());
    Result<QList<Note>> kept = read(path);
    if (!kept)
        return Error { kept.error() };
    QList<Note> left = *kept;
    for (const Note& note : notes)
        left.removeOne(note);
    return write(path, left);
}

} // namespace tenure
