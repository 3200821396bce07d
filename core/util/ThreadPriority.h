#pragma once

class QThread;

namespace tenure {

// Lowers the calling thread's scheduling priority, for long background work (the scoring engine)
// that must not take the cores from the GUI thread on a busy machine. On Linux the thread's nice
// value goes up by 10 (threads it starts afterwards, such as the engine's pool, inherit it);
// elsewhere the thread gets QThread::LowPriority. Returns the thread's nice value afterwards on
// Linux, 0 elsewhere.
int lowerThreadPriority();

// Lowers `thread`'s priority as it starts, on the thread itself (lowerThreadPriority()), before
// anything queued to it runs. Call before QThread::start().
void lowerPriorityWhenStarted(QThread* thread);

} // namespace tenure
