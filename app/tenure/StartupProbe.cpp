#include "StartupProbe.h"

#include "MainWindow.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>

namespace tenure {

StartupProbe::StartupProbe(MainWindow& window, QElapsedTimer sinceMain)
    : QObject(&window)
    , m_sinceMain(sinceMain)
    , m_ticker(new QTimer(this))
{
    // The first turn of the event loop after show(): the window paints and takes input from here.
    QTimer::singleShot(0, this, [this] {
        std::printf("interactive_ms %lld\n", m_sinceMain.elapsed());
        std::fflush(stdout);
        m_sinceTick.start();
        m_ticker->start();
    });
    m_ticker->setInterval(5);
    connect(m_ticker, &QTimer::timeout, this, &StartupProbe::tick);
    connect(&window, &MainWindow::workspaceLoaded, this, [this] {
        std::printf("loaded_ms %lld\n", m_sinceMain.elapsed());
        std::fflush(stdout);
    });
    connect(&window, &MainWindow::scoringFinished, this, [this] { finish("scored"); });
    connect(&window, &MainWindow::scoringFailed, this, [this] { finish("failed"); });
    connect(&window, &MainWindow::workspaceFailed, this, [this] { finish("failed"); });
}

void StartupProbe::tick()
{
    const qint64 stall = m_sinceTick.restart() - m_ticker->interval();
    // TENURE_STALL_TRACE=1: each stall over 50 ms on standard error, ending at a CLOCK_MONOTONIC
    // time that `perf record -k CLOCK_MONOTONIC` samples can be matched with (README, Start-up).
    if (stall > 50 && qEnvironmentVariableIsSet("TENURE_STALL_TRACE")) {
        timespec now {};
        clock_gettime(CLOCK_MONOTONIC, &now);
        std::fprintf(stderr, "stall %lld ms ending at mono %ld.%06ld\n", stall, long(now.tv_sec),
                     now.tv_nsec / 1000);
    }
    m_longestStallMs = std::max(m_longestStallMs, stall);
}

void StartupProbe::finish(const char* outcome)
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%s_ms %lld\nlongest_stall_ms %lld\npeak_rss_mb %.0f\n", outcome, m_sinceMain.elapsed(),
                m_longestStallMs, usage.ru_maxrss / 1024.0);
    std::fflush(stdout);
    QApplication::exit(0);
}

} // namespace tenure
