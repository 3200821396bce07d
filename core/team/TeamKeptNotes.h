#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace tenure {

// The action notes a desktop wrote while the team server was away, kept on this machine until
// they reach it: a small JSON file beside the desktop's copy of the team workspace (in the cache
// folder), so closing Tenure and starting it again loses none. It lives beside the copy, not in
// it, because the copy starts over when what its member sees changes.
//
// Every change is a read-modify-write of the whole file under one lock and lands atomically
// (QSaveFile): two workers adding and removing at once keep each other's notes, and a crash leaves
// the file as it was before or after a change, never half written.
class TeamKeptNotes
{
    Q_DECLARE_TR_FUNCTIONS(TeamKeptNotes)

public:
    struct Note
    {
        qint64 actionId = 0;
        QString accountName;
        QString text;
        QDateTime writtenAt; // tells two identical notes apart
        bool operator==(const Note&) const = default;
    };

    // Where the notes of the copy at `copyPath` are kept.
    static QString pathFor(const QString& copyPath);

    // The notes kept at `path` (none when there is no file), oldest first.
    static Result<QList<Note>> load(const QString& path);
    // Adds `notes` to those kept at `path`.
    static Status add(const QString& path, const QList<Note>& notes);
    // Forgets `notes` (sent, or shown back to the user); the file goes with the last one.
    static Status remove(const QString& path, const QList<Note>& notes);
};

} // namespace tenure
