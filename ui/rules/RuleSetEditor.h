#pragma once

#include "rules/RuleSet.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace tenure {

class ConditionEditor;
class CriterionForm;

// Edits a rule set in forms: its bands (names, colours, cut-offs), each stage (name, colour, the
// condition that puts an account in it) and each stage's health criteria (CriterionForm). The
// rule set is kept in its JSON form (docs/rules.md) and validated by RuleSetJson after every
// edit, so a problem is shown with its path ("stages[2].criteria[0].measure.window_days: ...").
class RuleSetEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetEditor(QWidget* parent = nullptr);

    void setRules(const RuleSet& rules);
    // The event names the workspace's log holds: the criterion form points out a name it lacks.
    void setKnownEvents(const QStringList& names);
    // The rule set as edited, or what is wrong with it.
    Result<RuleSet> rules() const;
    QJsonObject json() const { return m_json; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified) { m_modified = modified; }
    // Keeps the split between the tree and the forms where the user leaves it, in the settings
    // under `key`: one key per view that shows an editor (RulesView, TuningView). Until the user
    // moves it, the tree is `treeWidth` wide (0: as the layout gives it).
    void rememberSplitter(const QString& key, int treeWidth = 0);

signals:
    // After every edit; rules() tells whether the result is valid.
    void changed();

private:
    enum Page { BandsPage, StagePage, CriterionPage };
    void rebuildTree(int stage = -1, int criterion = -1);
    void showItem(QTreeWidgetItem* item);
    void store(); // validates, marks modified, emits changed()
    void writeBands();
    void writeStage();
    void writeCriterion(const QJsonObject& criterion);
    void addCriterion();
    void removeCriterion();
    QJsonArray stages() const;
    void setStages(const QJsonArray& stages);

    QJsonObject m_json;
    bool m_modified = false;
    bool m_loading = false;
    int m_stage = -1; // what the page on the right edits
    int m_criterion = -1;
    QLineEdit* m_name;
    QTreeWidget* m_tree;
    QSplitter* m_splitter;
    QStackedWidget* m_pages;
    QTableWidget* m_bands;
    QLineEdit* m_stageName;
    QLineEdit* m_stageColor;
    ConditionEditor* m_stageWhen;
    CriterionForm* m_criterionForm;
    QLabel* m_problem;
};

} // namespace tenure
