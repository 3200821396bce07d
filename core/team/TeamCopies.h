#pragma once

#include "team/TeamLocation.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace tenure {

// This machine's copies of a team workspace as one login sees it (TeamReplica::defaultPath): the
// desktop's ("desk", with the action notes it keeps while the server is away, TeamKeptNotes), the
// one reports, exports and backtests read ("read") and an elected engine's ("engine"), each with
// its WAL. A login the server no longer counts as a member keeps none of them: the desktop and
// tenure-cli remove them when the server says so (TeamDatabase::refusesMembership). They are a
// cache: signed in again, a member's copies are made anew from the server.
class TeamCopies
{
    Q_DECLARE_TR_FUNCTIONS(TeamCopies)

public:
    // The files of the copies made for `purposes` that exist, and of the copies at `others` (kept
    // elsewhere: a desktop's copy in a folder of its own). tenure-cli removes its own ("read",
    // "engine"); the desktop's copy, with the notes it kept, is the desktop's to remove (it shows
    // those notes first).
    static QStringList files(const TeamLocation& location, const QStringList& purposes,
                             const QStringList& others = {});
    // Removes them, but for the files in `keep`; the error names every file that stays.
    static Status remove(const TeamLocation& location, const QStringList& purposes,
                         const QStringList& others = {}, const QStringList& keep = {});
};

} // namespace tenure
