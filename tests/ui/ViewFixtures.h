#pragma once

// What the GUI tests share: a scored demo portfolio with its action queue, and a view shown on a
// workspace once it has loaded.

#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"

#include <QDate>
#include <QPainter>
#include <QPixmap>
#include <QSignalSpy>
#include <QSize>
#include <QWidget>

namespace tenure::test {

// A demo portfolio of `accounts` accounts in `db`, scored from its log, its action queue refreshed
// for today: the state a CSM finds after the first scoring pass.
inline Status fillScoredDemo(Database& db, int accounts)
{
    DemoGenerator::Options options;
    options.accounts = accounts;
    if (auto filled = DemoWorkspace::populate(db, options); !filled)
        return Error { filled.error() };
    if (auto scored = ScoringEngine(db).rebuild(); !scored)
        return Error { scored.error() };
    if (auto refreshed = ActionEngine(db, ActionRules {}).refresh(QDate::currentDate()); !refreshed)
        return Error { refreshed.error() };
    return {};
}

// A view of type View at `size`, shown, with a spy on its `loaded` signal that goes on counting:
//     ShownView<ActionQueueView> queue({ 1100, 500 }, &ActionQueueView::loaded);
//     QVERIFY(queue.open(path));   // setWorkspace(path), then the first load
template <typename View> struct ShownView
{
    View view;
    QSignalSpy loaded;

    template <typename Signal>
    ShownView(QSize size, Signal signal)
        : loaded(&view, signal)
    {
        view.resize(size);
        view.show();
    }

    bool open(const QString& workspace, int timeoutMs = 10000)
    {
        view.setWorkspace(workspace);
        return loaded.wait(timeoutMs);
    }
};

// Saves `window` with `popup` (a window of its own, such as the quick switcher) over it, as a user
// sees them, as `file` in screenshotDir(); false if it could not be written.
inline bool saveWithPopup(QWidget& window, QWidget* popup, const QString& file)
{
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    painter.drawPixmap(window.mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))), popup->grab());
    painter.end();
    return shot.save(screenshotDir() + u'/' + file);
}

} // namespace tenure::test
