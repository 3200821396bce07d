#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace tenure {

class Database;

// The event names a workspace's log holds, for the rules editor: a criterion that counts an event
// the log never saw ("report_create" for "report_created") scores every account as if it never
// happened, silently. Names compare exactly, as the engine compares them.
class EventNames
{
    Q_DECLARE_TR_FUNCTIONS(EventNames)

public:
    // Every distinct name in the log, sorted (a full read of the log's names: run it off the GUI
    // thread; about 0.2 s per million events).
    static Result<QStringList> known(Database& db);
    // The known name nearest to `name` when it looks like a misspelling of it (a few letters
    // apart, case ignored), or empty.
    static QString closest(const QString& name, const QStringList& known);
    // What to say about `names` (a criterion's): empty when the log holds every one of them, or
    // when nothing is known (an empty log, or not read yet).
    static QString warning(const QStringList& names, const QStringList& known);
};

} // namespace tenure
