#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QSet>
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
    // The distinct names of the events after `afterSeq` (0: the whole log, about 0.2 s per million
    // events: run it off the GUI thread), and the log's last seq, to read only what comes after it
    // next time. A log whose last seq is below `afterSeq` is another log (a file replaced, a copy
    // started over): read whole, `whole` says so, and the names known before are to be dropped.
    struct Read
    {
        QStringList names;
        qint64 lastSeq = 0;
        bool whole = false;
    };
    static Result<Read> readAfter(Database& db, qint64 afterSeq);
    // The names read so far from one log, and up to which seq: each read adds the names of the
    // events logged since the one before (a whole read replaces them).
    class Known
    {
    public:
        qint64 lastSeq() const { return m_lastSeq; }
        void add(const Read& read);
        QStringList sorted() const;

    private:
        QSet<QString> m_names;
        qint64 m_lastSeq = 0;
    };
    // The known name nearest to `name` when it looks like a misspelling of it (a few letters
    // apart, case ignored), or empty.
    static QString closest(const QString& name, const QStringList& known);
    // What to say about `names` (a criterion's): empty when the log holds every one of them, or
    // when nothing is known (an empty log, or not read yet).
    static QString warning(const QStringList& names, const QStringList& known);
};

} // namespace tenure
