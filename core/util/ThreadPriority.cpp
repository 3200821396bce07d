#include "util/ThreadPriority.h"

#include <QThread>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace tenure {

int lowerThreadPriority()
{
#ifdef Q_OS_LINUX
    // Linux keeps a nice value per thread (PRIO_PROCESS with a thread id); QThread's priorities
    // have no effect under the default SCHED_OTHER policy.
    const auto thread = static_cast<id_t>(gettid());
    errno = 0;
    const int now = getpriority(PRIO_PROCESS, thread);
    if (now == -1 && errno != 0)
        return 0;
    const int lowered = std::min(now + 10, 19);
    if (setpriority(PRIO_PROCESS, thread, lowered) != 0)
        return now;
    return lowered;
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
    return 0;
#endif
}

void lowerPriorityWhenStarted(QThread* thread)
{
    // Direct: the lambda runs in the started thread, before its event loop takes queued calls.
    QObject::connect(
        thread, &QThread::started, thread, [] { lowerThreadPriority(); }, Qt::DirectConnection);
}

} // namespace tenure
