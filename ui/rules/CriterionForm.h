#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace tenure {

// Edits one health criterion of a rule set in its JSON form (docs/rules.md): label, weight, what
// it measures and how the measured value earns points. Only the fields that apply to the chosen
// measure and scoring are shown. Every edit emits edited() with the whole criterion.
class CriterionForm : public QWidget
{
    Q_OBJECT

public:
    explicit CriterionForm(QWidget* parent = nullptr);

    void setCriterion(const QJsonObject& criterion);
    QJsonObject criterion() const;

signals:
    void edited(const QJsonObject& criterion);

private:
    void updateVisibility();
    void emitEdited();
    void addTier();

    QJsonObject m_criterion; // what the form was given, so fields it does not edit survive
    bool m_loading = false;
    QFormLayout* m_form;
    QLineEdit* m_label;
    QDoubleSpinBox* m_weight;
    QComboBox* m_kind;
    QLineEdit* m_events;
    QSpinBox* m_window;
    QCheckBox* m_perSeat;
    QComboBox* m_field;
    QComboBox* m_outcome;
    QComboBox* m_mode;
    QComboBox* m_op;
    QLineEdit* m_value;
    QDoubleSpinBox* m_zeroAt;
    QDoubleSpinBox* m_fullAt;
    QTableWidget* m_tiers;
    QWidget* m_tierBox;
};

} // namespace tenure
