#include "rules/CriterionForm.h"

#include "rules/EventNames.h"
#include "rules/RuleSetJson.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tenure {

namespace {

QDoubleSpinBox* numberBox(QWidget* parent, double min, double max, int decimals)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setAccelerated(true);
    return box;
}

void select(QComboBox* box, const QString& data)
{
    const int index = box->findData(data);
    if (index >= 0) {
        box->setCurrentIndex(index);
    } else if (box->isEditable()) {
        box->setEditText(data);
    }
}

QString selected(const QComboBox* box)
{
    if (box->isEditable()) {
        const int index = box->findText(box->currentText());
        return index >= 0 ? box->itemData(index).toString() : box->currentText().trimmed();
    }
    return box->currentData().toString();
}

} // namespace

CriterionForm::CriterionForm(QWidget* parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_label(new QLineEdit(this))
    , m_weight(numberBox(this, 0.1, 1000, 1))
    , m_kind(new QComboBox(this))
    , m_events(new QLineEdit(this))
    , m_eventsWarning(new QLabel(this))
    , m_window(new QSpinBox(this))
    , m_perSeat(new QCheckBox(tr("Divide by the account's seats"), this))
    , m_field(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_op(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_zeroAt(numberBox(this, -1e9, 1e9, 3))
    , m_fullAt(numberBox(this, -1e9, 1e9, 3))
    , m_tiers(new QTableWidget(0, 2, this))
    , m_tierBox(new QWidget(this))
{
    m_label->setObjectName(QStringLiteral("criterionLabel"));
    m_weight->setObjectName(QStringLiteral("criterionWeight"));
    m_kind->setObjectName(QStringLiteral("criterionKind"));
    m_window->setObjectName(QStringLiteral("criterionWindow"));
    m_mode->setObjectName(QStringLiteral("criterionMode"));
    m_value->setObjectName(QStringLiteral("criterionValue"));
    m_zeroAt->setObjectName(QStringLiteral("criterionZeroAt"));
    m_fullAt->setObjectName(QStringLiteral("criterionFullAt"));
    m_tiers->setObjectName(QStringLiteral("criterionTiers"));

    const std::pair<const char*, QString> kinds[] = {
        { "event_count", tr("Count of events in the last N days") },
        { "active_users", tr("Distinct active users in the last N days") },
        { "days_since_event", tr("Days since the last event") },
        { "days_until_date", tr("Days until an account date") },
        { "days_since_date", tr("Days since an account date") },
        { "account_field", tr("An account field") },
        { "trend", tr("Change of events: last N days vs the N before (%)") },
        { "days_since_outcome", tr("Days since an outcome") },
    };
    for (const auto& [id, name] : kinds)
        m_kind->addItem(name, QString::fromLatin1(id));
    // Long choices must not make the form (and the views around it) wide.
    for (QComboBox* box : { m_kind, m_mode }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(16);
    }
    m_events->setPlaceholderText(tr("any event; or names separated by commas"));
    m_events->setObjectName(QStringLiteral("criterionEvents"));
    m_eventsWarning->setObjectName(QStringLiteral("criterionEventsWarning"));
    m_eventsWarning->setTextFormat(Qt::PlainText); // names come from users and other systems
    m_eventsWarning->setWordWrap(true);
    m_eventsWarning->setStyleSheet(QStringLiteral("color: #a15c00;")); // a warning: saving is not refused
    m_window->setRange(1, 3660);
    m_window->setSuffix(tr(" days"));
    m_field->setEditable(true);
    for (const char* field : { "renewal_date", "signup_date", "plan", "arr", "seats", "owner", "currency" })
        m_field->addItem(QString::fromLatin1(field), QString::fromLatin1(field));
    m_field->setToolTip(tr("An account field, or attributes.NAME for a field the CRM export brought along"));
    for (const char* outcome : { "churned", "renewed", "expanded", "contracted" })
        m_outcome->addItem(QString::fromLatin1(outcome), QString::fromLatin1(outcome));
    m_mode->addItem(tr("Pass or fail: full points when the comparison holds"), QStringLiteral("pass"));
    m_mode->addItem(tr("Linear: no points at one value, full points at another"), QStringLiteral("linear"));
    m_mode->addItem(tr("Tiers: a share of the points from each value on"), QStringLiteral("tiers"));
    for (const char* op : { ">=", "<=", ">", "<", "==", "!=" })
        m_op->addItem(QString::fromLatin1(op), QString::fromLatin1(op));
    m_value->setPlaceholderText(tr("a number, true/false or a text"));
    m_tiers->setHorizontalHeaderLabels({ tr("From value"), tr("Share of points (0–1)") });
    m_tiers->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tiers->verticalHeader()->hide();
    m_tiers->setMaximumHeight(140);
    auto* addTierButton = new QPushButton(tr("Add tier"), m_tierBox);
    auto* removeTier = new QPushButton(tr("Remove tier"), m_tierBox);
    auto* tierButtons = new QHBoxLayout;
    tierButtons->addWidget(addTierButton);
    tierButtons->addWidget(removeTier);
    tierButtons->addStretch();
    auto* tierLayout = new QVBoxLayout(m_tierBox);
    tierLayout->setContentsMargins(0, 0, 0, 0);
    tierLayout->addWidget(m_tiers);
    tierLayout->addLayout(tierButtons);

    auto* compare = new QWidget(this);
    auto* compareLayout = new QHBoxLayout(compare);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addWidget(m_op);
    compareLayout->addWidget(m_value, 1);

    // In a narrow pane (the Tuning view's, beside its results) a field goes under its label.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->addRow(tr("&Label:"), m_label);
    m_form->addRow(tr("&Weight:"), m_weight);
    m_form->addRow(tr("&Measures:"), m_kind);
    m_form->addRow(tr("&Events:"), m_events);
    m_form->addRow(QString(), m_eventsWarning);
    m_form->addRow(tr("W&indow:"), m_window);
    m_form->addRow(QString(), m_perSeat);
    m_form->addRow(tr("&Field:"), m_field);
    m_form->addRow(tr("&Outcome:"), m_outcome);
    m_form->addRow(tr("&Scoring:"), m_mode);
    m_form->addRow(tr("&Passes when:"), compare);
    m_form->addRow(tr("&No points at:"), m_zeroAt);
    m_form->addRow(tr("F&ull points at:"), m_fullAt);
    m_form->addRow(tr("&Tiers:"), m_tierBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch();

    connect(m_label, &QLineEdit::editingFinished, this, &CriterionForm::emitEdited);
    connect(m_weight, &QDoubleSpinBox::valueChanged, this, &CriterionForm::emitEdited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emitEdited();
    });
    connect(m_events, &QLineEdit::editingFinished, this, &CriterionForm::emitEdited);
    connect(m_events, &QLineEdit::textChanged, this, &CriterionForm::checkEvents);
    connect(m_window, &QSpinBox::valueChanged, this, &CriterionForm::emitEdited);
    connect(m_perSeat, &QCheckBox::toggled, this, &CriterionForm::emitEdited);
    connect(m_field, &QComboBox::currentTextChanged, this, &CriterionForm::emitEdited);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &CriterionForm::emitEdited);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading && m_mode->currentData() == QLatin1String("tiers") && m_tiers->rowCount() == 0) {
            this->addTier(); // a new tier list starts with "from 0: nothing" and one step
            this->addTier();
        }
        updateVisibility();
        emitEdited();
    });
    connect(m_op, &QComboBox::currentIndexChanged, this, &CriterionForm::emitEdited);
    connect(m_value, &QLineEdit::editingFinished, this, &CriterionForm::emitEdited);
    connect(m_zeroAt, &QDoubleSpinBox::valueChanged, this, &CriterionForm::emitEdited);
    connect(m_fullAt, &QDoubleSpinBox::valueChanged, this, &CriterionForm::emitEdited);
    connect(m_tiers, &QTableWidget::cellChanged, this, &CriterionForm::emitEdited);
    connect(addTierButton, &QPushButton::clicked, this, [this] {
        this->addTier();
        emitEdited();
    });
    connect(removeTier, &QPushButton::clicked, this, [this] {
        if (m_tiers->rowCount() > 1) {
            m_tiers->removeRow(m_tiers->currentRow() >= 0 ? m_tiers->currentRow() : m_tiers->rowCount() - 1);
            emitEdited();
        }
    });
    updateVisibility();
}

void CriterionForm::addTier()
{
    const QSignalBlocker blocker(m_tiers);
    const int row = m_tiers->rowCount();
    const double from = row == 0 ? 0 : m_tiers->item(row - 1, 0)->text().toDouble() + 1;
    m_tiers->insertRow(row);
    m_tiers->setItem(row, 0, new QTableWidgetItem(QString::number(from)));
    m_tiers->setItem(row, 1, new QTableWidgetItem(row == 0 ? QStringLiteral("0") : QStringLiteral("1")));
}

void CriterionForm::setCriterion(const QJsonObject& criterion)
{
    m_loading = true;
    m_criterion = criterion;
    const QJsonObject measure = criterion.value(QStringLiteral("measure")).toObject();
    const QJsonObject score = criterion.value(QStringLiteral("score")).toObject();
    m_label->setText(criterion.value(QStringLiteral("label")).toString());
    m_weight->setValue(criterion.value(QStringLiteral("weight")).toDouble(1));
    select(m_kind, measure.value(QStringLiteral("kind")).toString());
    QStringList events;
    for (const QJsonValue& event : measure.value(QStringLiteral("events")).toArray())
        events << event.toString();
    m_events->setText(events.join(QStringLiteral(", ")));
    m_window->setValue(measure.value(QStringLiteral("window_days")).toInt(30));
    m_perSeat->setChecked(measure.value(QStringLiteral("per_seat")).toBool());
    select(m_field, measure.value(QStringLiteral("field")).toString(QStringLiteral("renewal_date")));
    select(m_outcome, measure.value(QStringLiteral("outcome")).toString(QStringLiteral("churned")));
    select(m_mode, score.value(QStringLiteral("mode")).toString(QStringLiteral("pass")));
    select(m_op, score.value(QStringLiteral("op")).toString(QStringLiteral(">=")));
    m_value->setText(RuleSetJson::textOfValue(score.value(QStringLiteral("value"))));
    m_zeroAt->setValue(score.value(QStringLiteral("zero_at")).toDouble(0));
    m_fullAt->setValue(score.value(QStringLiteral("full_at")).toDouble(1));
    {
        const QSignalBlocker blocker(m_tiers);
        m_tiers->setRowCount(0);
        for (const QJsonValue& tier : score.value(QStringLiteral("tiers")).toArray()) {
            const int row = m_tiers->rowCount();
            m_tiers->insertRow(row);
            m_tiers->setItem(row, 0,
                             new QTableWidgetItem(
                                 QString::number(tier.toObject().value(QStringLiteral("from")).toDouble())));
            m_tiers->setItem(row, 1,
                             new QTableWidgetItem(QString::number(
                                 tier.toObject().value(QStringLiteral("points")).toDouble())));
        }
    }
    updateVisibility();
    m_loading = false;
}

QJsonObject CriterionForm::criterion() const
{
    QJsonObject criterion = m_criterion;
    criterion.insert(QStringLiteral("label"), m_label->text().trimmed());
    criterion.insert(QStringLiteral("weight"), m_weight->value());

    const QString kind = m_kind->currentData().toString();
    QJsonObject measure { { QStringLiteral("kind"), kind } };
    const bool counts = kind == QLatin1String("event_count") || kind == QLatin1String("trend")
        || kind == QLatin1String("days_since_event");
    if (counts) {
        const QJsonArray events = QJsonArray::fromStringList(typedEvents());
        if (!events.isEmpty())
            measure.insert(QStringLiteral("events"), events);
    }
    if (kind == QLatin1String("event_count") || kind == QLatin1String("active_users")
        || kind == QLatin1String("trend"))
        measure.insert(QStringLiteral("window_days"), m_window->value());
    if ((kind == QLatin1String("event_count") || kind == QLatin1String("active_users"))
        && m_perSeat->isChecked())
        measure.insert(QStringLiteral("per_seat"), true);
    if (kind == QLatin1String("days_until_date") || kind == QLatin1String("days_since_date")
        || kind == QLatin1String("account_field"))
        measure.insert(QStringLiteral("field"), selected(m_field));
    if (kind == QLatin1String("days_since_outcome"))
        measure.insert(QStringLiteral("outcome"), m_outcome->currentData().toString());
    criterion.insert(QStringLiteral("measure"), measure);

    const QString mode = m_mode->currentData().toString();
    QJsonObject score { { QStringLiteral("mode"), mode } };
    if (mode == QLatin1String("pass")) {
        score.insert(QStringLiteral("op"), m_op->currentData().toString());
        score.insert(QStringLiteral("value"), RuleSetJson::valueFromText(m_value->text()));
    } else if (mode == QLatin1String("linear")) {
        score.insert(QStringLiteral("zero_at"), m_zeroAt->value());
        score.insert(QStringLiteral("full_at"), m_fullAt->value());
    } else {
        QJsonArray tiers;
        for (int row = 0; row < m_tiers->rowCount(); ++row) {
            const QTableWidgetItem* from = m_tiers->item(row, 0);
            const QTableWidgetItem* points = m_tiers->item(row, 1);
            // Left as text when it is not a number, so that validation names the tier.
            tiers.append(QJsonObject {
                { QStringLiteral("from"), RuleSetJson::valueFromText(from ? from->text() : QString()) },
                { QStringLiteral("points"),
                  RuleSetJson::valueFromText(points ? points->text() : QString()) } });
        }
        score.insert(QStringLiteral("tiers"), tiers);
    }
    criterion.insert(QStringLiteral("score"), score);
    return criterion;
}

void CriterionForm::updateVisibility()
{
    const QString kind = m_kind->currentData().toString();
    const QString mode = m_mode->currentData().toString();
    const bool events = kind == QLatin1String("event_count") || kind == QLatin1String("trend")
        || kind == QLatin1String("days_since_event");
    const bool window = kind == QLatin1String("event_count") || kind == QLatin1String("active_users")
        || kind == QLatin1String("trend");
    m_form->setRowVisible(m_events, events);
    m_form->setRowVisible(m_window, window);
    m_form->setRowVisible(m_perSeat,
                          kind == QLatin1String("event_count") || kind == QLatin1String("active_users"));
    m_form->setRowVisible(m_field,
                          kind == QLatin1String("days_until_date") || kind == QLatin1String("days_since_date")
                              || kind == QLatin1String("account_field"));
    m_form->setRowVisible(m_outcome, kind == QLatin1String("days_since_outcome"));
    m_form->setRowVisible(m_op->parentWidget(), mode == QLatin1String("pass"));
    m_form->setRowVisible(m_zeroAt, mode == QLatin1String("linear"));
    m_form->setRowVisible(m_fullAt, mode == QLatin1String("linear"));
    m_form->setRowVisible(m_tierBox, mode == QLatin1String("tiers"));
    checkEvents();
}

QStringList CriterionForm::typedEvents() const
{
    QStringList names;
    for (const QString& name : m_events->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            names << name.trimmed();
    return names;
}

void CriterionForm::setKnownEvents(const QStringList& names)
{
    m_knownEvents = names;
    checkEvents();
}

void CriterionForm::checkEvents()
{
    const QString warning = EventNames::warning(typedEvents(), m_knownEvents);
    m_eventsWarning->setText(warning);
    m_form->setRowVisible(m_eventsWarning, m_form->isRowVisible(m_events) && !warning.isEmpty());
}

void CriterionForm::emitEdited()
{
    if (!m_loading)
        emit edited(criterion());
}

} // namespace tenure
