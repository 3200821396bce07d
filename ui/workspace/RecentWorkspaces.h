#pragma once

#include <QStringList>

class QMenu;

namespace tenure {

// File → Open Recent: workspace files and team workspaces (their URLs: never a password), the
// newest first, kept in the user's settings.
class RecentWorkspaces
{
public:
    static constexpr int kKept = 8;

    static QStringList list();
    static void add(const QString& pathOrUrl);
    static void clear();
    // How an entry reads in the menu: a file's name and folder, a team's user@host:port/database.
    static QString label(const QString& pathOrUrl);
};

} // namespace tenure
