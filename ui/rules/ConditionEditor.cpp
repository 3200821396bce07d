#include "rules/ConditionEditor.h"

#include "rules/RuleSetJson.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tenure {

namespace {

enum Column { Kind, Target, Window, Op, Value, ColumnCount };

// What a comparison can measure, and what its "of" column means for it.
struct KindInfo
{
    const char* id;
    const char* name;
    const char* target; // the JSON key the "of" column fills: field, events or outcome; none: nothing
    bool window;
};
const KindInfo kKinds[] = {
    { "days_since_date", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "Days since the date"), "field",
      false },
    { "days_until_date", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "Days until the date"), "field",
      false },
    { "account_field", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "The account field"), "field", false },
    { "days_since_outcome", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "Days since the outcome"), "outcome",
      false },
    { "event_count", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "Events in the window"), "events", true },
    { "days_since_event", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "Days since the last event"), "events",
      false },
    { "active_users", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "Active users in the window"), nullptr,
      true },
    { "trend", QT_TRANSLATE_NOOP("tenure::ConditionEditor", "Change of events in the window (%)"), "events",
      true },
};

const KindInfo* kindInfo(const QString& id)
{
    for (const KindInfo& kind : kKinds)
        if (id == QLatin1String(kind.id))
            return &kind;
    return nullptr;
}

// A comparison the table can show: a leaf whose measure it knows.
bool isSimpleLeaf(const QJsonValue& value)
{
    const QJsonObject leaf = value.toObject();
    return value.isObject() && leaf.value(QStringLiteral("measure")).isObject()
        && kindInfo(
               leaf.value(QStringLiteral("measure")).toObject().value(QStringLiteral("kind")).toString());
}

} // namespace

ConditionEditor::ConditionEditor(QWidget* parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_json(new QPlainTextEdit(this))
{
    m_mode->setObjectName(QStringLiteral("conditionMode"));
    m_table->setObjectName(QStringLiteral("conditions"));
    m_json->setObjectName(QStringLiteral("conditionJson"));
    m_mode->addItem(tr("Always (every account no earlier stage took)"), int(Always));
    m_mode->addItem(tr("When all of these hold"), int(All));
    m_mode->addItem(tr("When any of these holds"), int(Any));
    m_mode->addItem(tr("Advanced (JSON)"), int(Advanced));
    // The longest choice must not make the editor (and the panes around it) wide.
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mode->setMinimumContentsLength(16);
    m_table->setHorizontalHeaderLabels(
        { tr("Measure"), tr("Of"), tr("Window (days)"), tr("Is"), tr("Value") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Kind, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setToolTip(
        tr("Of: the date or field (renewal_date, signup_date, plan, arr, seats, attributes.NAME), the "
           "outcome (churned, renewed, ...) or event names separated by commas (empty: any event)."));
    m_json->setToolTip(tr("A condition in the rule file's JSON form (docs/rules.md); all/any may nest."));

    auto* list = new QWidget(this);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add comparison"), list);
    add->setObjectName(QStringLiteral("addComparison"));
    auto* remove = new QPushButton(tr("Remove comparison"), list);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    listLayout->addLayout(buttons);
    auto* last = new QLabel(tr("Every account that reaches this stage is in it: put it last."), this);
    last->setWordWrap(true); // one line would hold the whole window to its width
    m_pages->addWidget(last);
    m_pages->addWidget(list);
    m_pages->addWidget(m_json);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    layout->addWidget(m_pages, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        const int mode = m_mode->currentData().toInt();
        if (!m_loading && mode == Advanced && (m_lastMode == All || m_lastMode == Any)) {
            // Carry what the table says over into the text.
            const QJsonValue table = valueFor(m_lastMode);
            m_json->setPlainText(QString::fromUtf8(QJsonDocument(table.toObject()).toJson()));
        }
        m_lastMode = mode;
        if (!m_loading && (mode == All || mode == Any) && m_table->rowCount() == 0)
            addRow({});
        m_pages->setCurrentIndex(mode == Always ? 0 : mode == Advanced ? 2 : 1);
        changed();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        addRow({});
        changed();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->rowCount() > 0) {
            m_table->removeRow(m_table->currentRow() >= 0 ? m_table->currentRow() : m_table->rowCount() - 1);
            changed();
        }
    });
    connect(m_json, &QPlainTextEdit::textChanged, this, &ConditionEditor::changed);
}

void ConditionEditor::addRow(const QJsonObject& leaf)
{
    const QJsonObject measure = leaf.value(QStringLiteral("measure")).toObject();
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* kind = new QComboBox(m_table);
    for (const KindInfo& info : kKinds)
        kind->addItem(tr(info.name), QString::fromLatin1(info.id));
    kind->setCurrentIndex(std::max(0, kind->findData(measure.value(QStringLiteral("kind")).toString())));
    auto* target = new QLineEdit(m_table);
    const KindInfo* info = kindInfo(kind->currentData().toString());
    if (info && info->target) {
        const QJsonValue of = measure.value(QLatin1String(info->target));
        QStringList names;
        for (const QJsonValue& name : of.toArray())
            names << name.toString();
        target->setText(of.isArray() ? names.join(QStringLiteral(", ")) : of.toString());
    }
    if (leaf.isEmpty())
        target->setText(QStringLiteral("signup_date"));
    auto* window = new QSpinBox(m_table);
    window->setRange(1, 3660);
    window->setValue(measure.value(QStringLiteral("window_days")).toInt(30));
    auto* op = new QComboBox(m_table);
    for (const char* name : { ">=", "<=", ">", "<", "==", "!=" })
        op->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    op->setCurrentIndex(
        std::max(0, op->findData(leaf.value(QStringLiteral("op")).toString(QStringLiteral("<=")))));
    auto* value = new QLineEdit(RuleSetJson::textOfValue(leaf.value(QStringLiteral("value"))), m_table);
    if (leaf.isEmpty())
        value->setText(QStringLiteral("60"));
    auto sync = [this, kind, target, window] {
        const KindInfo* current = kindInfo(kind->currentData().toString());
        target->setEnabled(current && current->target);
        window->setEnabled(current && current->window);
        changed();
    };
    connect(kind, &QComboBox::currentIndexChanged, this, sync);
    connect(target, &QLineEdit::editingFinished, this, &ConditionEditor::changed);
    connect(window, &QSpinBox::valueChanged, this, &ConditionEditor::changed);
    connect(op, &QComboBox::currentIndexChanged, this, &ConditionEditor::changed);
    connect(value, &QLineEdit::editingFinished, this, &ConditionEditor::changed);
    m_table->setCellWidget(row, Kind, kind);
    m_table->setCellWidget(row, Target, target);
    m_table->setCellWidget(row, Window, window);
    m_table->setCellWidget(row, Op, op);
    m_table->setCellWidget(row, Value, value);
    target->setEnabled(info && info->target);
    window->setEnabled(info && info->window);
}

QJsonObject ConditionEditor::leafAt(int row) const
{
    const QString kind = qobject_cast<QComboBox*>(m_table->cellWidget(row, Kind))->currentData().toString();
    const KindInfo* info = kindInfo(kind);
    QJsonObject measure { { QStringLiteral("kind"), kind } };
    const QString target = qobject_cast<QLineEdit*>(m_table->cellWidget(row, Target))->text().trimmed();
    if (info && info->target && QLatin1String(info->target) == QLatin1String("events")) {
        QJsonArray events;
        for (const QString& name : target.split(u',', Qt::SkipEmptyParts))
            if (!name.trimmed().isEmpty())
                events.append(name.trimmed());
        if (!events.isEmpty())
            measure.insert(QStringLiteral("events"), events);
    } else if (info && info->target) {
        measure.insert(QLatin1String(info->target), target);
    }
    if (info && info->window)
        measure.insert(QStringLiteral("window_days"),
                       qobject_cast<QSpinBox*>(m_table->cellWidget(row, Window))->value());
    return { { QStringLiteral("measure"), measure },
             { QStringLiteral("op"),
               qobject_cast<QComboBox*>(m_table->cellWidget(row, Op))->currentData().toString() },
             { QStringLiteral("value"),
               RuleSetJson::valueFromText(
                   qobject_cast<QLineEdit*>(m_table->cellWidget(row, Value))->text()) } };
}

void ConditionEditor::setValue(const QJsonValue& when)
{
    m_loading = true;
    m_table->setRowCount(0);
    m_json->clear();
    Mode mode = Advanced;
    if (when.isUndefined() || when.isNull()) {
        mode = Always;
    } else if (isSimpleLeaf(when)) {
        mode = All;
        addRow(when.toObject());
    } else if (when.isObject() && when.toObject().size() == 1
               && (when.toObject().contains(QStringLiteral("all"))
                   || when.toObject().contains(QStringLiteral("any")))) {
        const bool all = when.toObject().contains(QStringLiteral("all"));
        const QJsonArray children
            = when.toObject().value(all ? QStringLiteral("all") : QStringLiteral("any")).toArray();
        if (!children.isEmpty() && std::all_of(children.begin(), children.end(), isSimpleLeaf)) {
            mode = all ? All : Any;
            for (const QJsonValue& child : children)
                addRow(child.toObject());
        }
    }
    if (mode == Advanced)
        m_json->setPlainText(when.isObject() ? QString::fromUtf8(QJsonDocument(when.toObject()).toJson())
                                             : when.toString());
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    m_pages->setCurrentIndex(mode == Always ? 0 : mode == Advanced ? 2 : 1);
    m_lastMode = mode;
    m_loading = false;
}

QJsonValue ConditionEditor::value() const
{
    return valueFor(m_mode->currentData().toInt());
}

QJsonValue ConditionEditor::valueFor(int mode) const
{
    switch (mode) {
    case Always:
        return QJsonValue(QJsonValue::Undefined);
    case All:
    case Any: {
        QJsonArray leaves;
        for (int row = 0; row < m_table->rowCount(); ++row)
            leaves.append(leafAt(row));
        if (leaves.size() == 1)
            return leaves.first();
        return QJsonObject { { mode == All ? QStringLiteral("all") : QStringLiteral("any"), leaves } };
    }
    default: {
        const QString text = m_json->toPlainText().trimmed();
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        // Not an object: passed on as text, so that the rule set's validation says where.
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(text);
    }
    }
}

void ConditionEditor::changed()
{
    if (!m_loading)
        emit edited();
}

} // namespace tenure
