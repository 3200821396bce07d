#pragma once

#include <QSize>

class QWidget;

namespace tenure {

// Window sizes that fit the screen a window opens on: a 1366 × 768 laptop screen, less its panel,
// is about 728 px tall, and a window manager's title bar takes some of that.
namespace ScreenFit {

// What a window manager's frame takes around a window (its title bar above all), kept free.
inline constexpr QSize kFrame(16, 48);

// The size every view of the main window is laid out for, and the least it needs (TestDesk
// checks both).
inline constexpr QSize kMainWindowLaidOut(1100, 720);
inline constexpr QSize kMainWindowLeast(1100, 680);

// The main window's first size on a screen whose free area is `available`: most of a usual screen
// (1400 × 900 at most, nine tenths of a smaller one), at least the size its views are laid out for,
// never more than the screen holds with the window's frame, and never less than the views need.
QSize mainWindow(QSize available);

// `wanted`, bounded by a screen's free area `available`, less the window's frame.
QSize within(QSize wanted, QSize available);
// The same on the screen `widget` is on (the primary screen if none): pass a dialog's parent,
// which is on the screen the dialog will open on.
QSize within(QSize wanted, const QWidget* widget);

} // namespace ScreenFit
} // namespace tenure
