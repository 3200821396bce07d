#include "ScreenFit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace tenure::ScreenFit {

QSize mainWindow(QSize available)
{
    QSize size = kMainWindowLaidOut;
    if (available.isEmpty())
        return size;
    size = size.expandedTo(QSize(1400, 900).boundedTo(available * 0.9));
    return size.boundedTo(available - kFrame).expandedTo(kMainWindowLeast);
}

QSize within(QSize wanted, QSize available)
{
    return available.isEmpty() ? wanted : wanted.boundedTo(available - kFrame);
}

QSize within(QSize wanted, const QWidget* widget)
{
    const QScreen* screen = widget ? widget->screen() : QGuiApplication::primaryScreen();
    return within(wanted, screen ? screen->availableSize() : QSize());
}

} // namespace tenure::ScreenFit
