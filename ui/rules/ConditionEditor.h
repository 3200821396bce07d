#pragma once

#include <QJsonValue>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace tenure {

// Edits a stage's entry condition ("applies when"): always (the last stage), or all / any of a
// list of comparisons, each a measure (days since signup, days until renewal, an account field,
// event counts...) against a value. A condition nested deeper than one all/any level is edited
// as its JSON text instead. value() is the rule file's `when` (undefined: always); invalid input
// is passed through as text so that the rule set's validation names it.
class ConditionEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ConditionEditor(QWidget* parent = nullptr);

    void setValue(const QJsonValue& when);
    QJsonValue value() const;

signals:
    void edited();

private:
    enum Mode { Always, All, Any, Advanced };
    void addRow(const QJsonObject& leaf);
    QJsonObject leafAt(int row) const;
    QJsonValue valueFor(int mode) const;
    void changed();

    bool m_loading = false;
    int m_lastMode = Always;
    QComboBox* m_mode;
    QStackedWidget* m_pages;
    QTableWidget* m_table;
    QPlainTextEdit* m_json;
};

} // namespace tenure
