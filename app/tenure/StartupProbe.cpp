#include "StartupProbe.h"

#include "MainWindow.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>
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
    m_longestStallMs = std::max(m_longestStallMs, m_sinceTick.restart() - m_ticker->interval());
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
