#pragma once

#include "store/WorkspaceStats.h"

#include <QWidget>

class QLabel;

namespace tenure {

struct TeamLocation;

// What the open workspace holds: where it lives, its counts and time zone, in a few lines: the
// Overview's header, over its charts or the guide of an empty workspace.
class WorkspaceSummaryView : public QWidget
{
    Q_OBJECT

public:
    explicit WorkspaceSummaryView(QWidget* parent = nullptr);

    // `team`: the team workspace this desktop's copy at `path` follows, or none for a workspace
    // file. A team workspace is named by its database, not by the copy.
    void showWorkspace(const QString& path, const WorkspaceStats& stats, const TeamLocation* team = nullptr);
    void showError(const QString& path, const QString& message);

private:
    QLabel* m_title;
    QLabel* m_body;
};

} // namespace tenure
