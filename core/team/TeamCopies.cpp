#include "team/TeamCopies.h"

#include "team/TeamKeptNotes.h"
#include "team/TeamReplica.h"

#include <QFile>

namespace tenure {

QStringList TeamCopies::files(const TeamLocation& location, const QStringList& purposes,
                              const QStringList& others)
{
    QStringList copies;
    for (const QString& purpose : purposes)
        copies << TeamReplica::defaultPath(location, purpose);
    for (const QString& other : others)
        if (!other.isEmpty() && !copies.contains(other))
            copies << other;
    QStringList found;
    for (const QString& copy : std::as_const(copies)) {
        // Not the copies' lock files: a lock held by a command still running stays its own.
        for (const QString& file : { copy, copy + QStringLiteral("-wal"), copy + QStringLiteral("-shm"),
                                     copy + QStringLiteral("-journal"), TeamKeptNotes::pathFor(copy) })
            if (QFile::exists(file))
                found << file;
    }
    return found;
}

Status TeamCopies::remove(const TeamLocation& location, const QStringList& purposes,
                          const QStringList& others, const QStringList& keep)
{
    QStringList stays;
    const QStringList found = files(location, purposes, others);
    for (const QString& file : found)
        if (!keep.contains(file) && !QFile::remove(file) && QFile::exists(file))
            stays << file;
    if (!stays.isEmpty())
        return Error { tr("Cannot remove this machine's copy of the team workspace %1: %2 cannot be removed.")
                           .arg(location.display(), stays.join(QStringLiteral(", "))) };
    return {};
}

} // namespace tenure
