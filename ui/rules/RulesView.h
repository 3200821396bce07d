#pragma once

#include "rules/EventNames.h"
#include "rules/RuleSet.h"
#include "util/Result.h"

#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tenure {

class RuleSetEditor;

// The Rules view: the active rule set in forms (RuleSetEditor), a preview of how many accounts
// would change stage and band, and "Save and rebuild", which stores a new version and lets the
// engine rebuild the summaries on its thread; the views update when it lands. Import and export
// of the JSON rule file. Everything that touches the workspace or a file runs off the GUI thread.
class RulesView : public QWidget
{
    Q_OBJECT

public:
    explicit RulesView(QWidget* parent = nullptr);

    void setWorkspace(const QString& path);
    // Where Save stores a new version, run on a worker thread (a team workspace's server, say);
    // none: the workspace file. `reason` non-empty: saving is not this user's to do, and why.
    using Saver = std::function<Result<int>(const RuleSet& rules)>;
    void setSaver(Saver saver, const QString& reason = {});
    // Reloads the active version, unless the user has unsaved edits.
    void refresh();
    void importFile(const QString& file);
    void exportFile(const QString& file);

signals:
    // A new version was saved: the engine should score (and so rebuild) now.
    void saved(int version);
    void loaded();
    void previewed();

private:
    void load();
    void preview();
    void save();
    // The edited rules when they are valid (the view is then busy until the work lands); else
    // says what is wrong.
    std::optional<RuleSet> beginWork();
    void updateButtons();
    QString idleMessage() const; // what the message says when there is nothing else to say
    void showMessage(const QString& text, bool error = false);

    QString m_path;
    Saver m_saver;
    QString m_cannotSave;
    int m_version = 0;
    // The event names of the workspace's log read so far: each load reads only the names of the
    // events logged since (EventNames::readAfter).
    EventNames::Known m_eventNames;
    int m_generation = 0; // of setWorkspace(): a load begun before it lands ignored
    RuleSet m_active; // as loaded: the "from" side of a preview
    bool m_busy = false;
    QLabel* m_header;
    RuleSetEditor* m_editor;
    QPushButton* m_import;
    QPushButton* m_export;
    QPushButton* m_revert;
    QPushButton* m_preview;
    QPushButton* m_save;
    QLabel* m_message;
    QTableWidget* m_changes;
};

} // namespace tenure
