#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
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
    // The event names the workspace's log holds (EventNames::known): a name typed that it lacks
    // is pointed out under the field, with the known name it may have meant.
    void setKnownEvents(const QStringList& names);

signals:
    void edited(const QJsonObject& criterion);

private:
    void updateVisibility();
    void emitEdited();
    void addTier();
    void checkEvents();
    QStringList typedEvents() const; // the names in the Events field, trimmed, empty ones left out

    QJsonObject m_criterion; // what the form was given, so fields it does not edit survive
    bool m_loading = false;
    QFormLayout* m_form;
    QLineEdit* m_label;
    QDoubleSpinBox* m_weight;
    QComboBox* m_kind;
    QLineEdit* m_events;
    QLabel* m_eventsWarning;
    QStringList m_knownEvents;
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
