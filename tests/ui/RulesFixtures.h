#pragma once

// What the rules and tuning views' tests share: a demo workspace, the window scored on it, and
// reads of its summaries.

#include "MainWindow.h"
#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "store/Database.h"

#include <QHash>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTreeWidget>

namespace tenure::rules_test {

// Accounts per band in the workspace's current statuses.
inline QHash<QString, qint64> bandCounts(const QString& path)
{
    QHash<QString, qint64> counts;
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return counts;
    QSqlQuery query((*db)->connection());
    query.exec(QStringLiteral("SELECT coalesce(band, ''), count(*) FROM account_status GROUP BY 1"));
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    return counts;
}

inline qint64 scalar(const QString& path, const QString& sql)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return -1;
    QSqlQuery query((*db)->connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

// A demo portfolio of `accounts` accounts in the workspace.
inline bool fillDemo(const test::TempWorkspace& workspace, int accounts)
{
    auto db = workspace.open();
    DemoGenerator::Options options;
    options.accounts = accounts;
    return DemoWorkspace::populate(*db, options).ok();
}

// Shows the window on the workspace and waits for its first scoring pass (`scored` spies on
// MainWindow::scoringFinished, and goes on to count the passes after it).
inline bool openScored(MainWindow& window, const QString& path, QSignalSpy& scored)
{
    window.resize(1350, 760);
    window.show();
    window.openWorkspace(path);
    return scored.wait(60000);
}

inline QTreeWidgetItem* findItem(QTreeWidget* tree, const QString& text)
{
    const QList<QTreeWidgetItem*> found = tree->findItems(text, Qt::MatchStartsWith | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.constFirst();
}

} // namespace tenure::rules_test
