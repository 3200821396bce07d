#pragma once

#include <QList>
#include <QString>

namespace tenure {

// The customers whose page was opened last, per workspace (its file, or a team copy), the newest
// first, kept in the user's settings. The empty customer page offers them.
class RecentCustomers
{
public:
    static constexpr int kKept = 10;

    struct Entry
    {
        QString id;
        QString name;
    };

    static QList<Entry> list(const QString& workspace);
    static void add(const QString& workspace, const QString& id, const QString& name);
    static void clear(const QString& workspace);
};

} // namespace tenure
