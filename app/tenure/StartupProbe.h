#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace tenure {

class MainWindow;

// For bench_startup (`tenure --measure-startup`): prints, as the app starts, when the main window
// first turns its event loop (interactive), when the workspace is loaded and when the first
// scoring pass has landed, the longest stall of the event loop in between, and the peak RSS;
// then quits. One line per figure on standard output: "interactive_ms 412".
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    // `sinceMain` was started at the top of main().
    StartupProbe(MainWindow& window, QElapsedTimer sinceMain);

private:
    void tick();
    void finish(const char* outcome);

    QElapsedTimer m_sinceMain;
    QElapsedTimer m_sinceTick;
    QTimer* m_ticker;
    qint64 m_longestStallMs = 0;
};

} // namespace tenure
