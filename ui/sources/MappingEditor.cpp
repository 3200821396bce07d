#include "sources/MappingEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tenure {

namespace {

enum Column { FieldColumn, SourceColumn, ValueColumn };
// The choices before the file's columns in each row's combo box.
enum Choice { NotImported = -2, SameValue = -1 };

QComboBox* comboAt(const QTableWidget* table, int row)
{
    return qobject_cast<QComboBox*>(table->cellWidget(row, SourceColumn));
}

QLineEdit* valueAt(const QTableWidget* table, int row)
{
    return qobject_cast<QLineEdit*>(table->cellWidget(row, ValueColumn));
}

} // namespace

MappingEditor::MappingEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
    , m_throughKeys(new QCheckBox(
          tr("The account column holds another key, resolved through keys imported into:"), this))
    , m_keyNamespace(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("mapping"));
    m_throughKeys->setObjectName(QStringLiteral("throughKeys"));
    m_keyNamespace->setObjectName(QStringLiteral("accountKeyNamespace"));
    m_status->setObjectName(QStringLiteral("mappingStatus"));
    m_table->setHorizontalHeaderLabels({ tr("Field"), tr("From column"), tr("Value for every row") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_keyNamespace->setPlaceholderText(QStringLiteral("subscription"));
    m_keyNamespace->setMaximumWidth(200);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // names the file's columns
    auto* keys = new QHBoxLayout;
    keys->addWidget(m_throughKeys);
    keys->addWidget(m_keyNamespace);
    keys->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(keys);
    layout->addWidget(m_status);
    auto changed = [this] {
        m_keyNamespace->setEnabled(m_throughKeys->isChecked());
        if (!m_loading) {
            showCheck();
            emit edited();
        }
    };
    connect(m_throughKeys, &QCheckBox::toggled, this, changed);
    connect(m_keyNamespace, &QLineEdit::textEdited, this, changed);
    clear();
}

void MappingEditor::clear()
{
    m_has = false;
    m_table->setRowCount(0);
    m_throughKeys->setVisible(false);
    m_keyNamespace->setVisible(false);
    m_status->setText(tr("Choose a file: its columns appear here with the field each one feeds."));
}

void MappingEditor::setMapping(const ImportMapping& mapping, const QStringList& header,
                               const QString& fileName)
{
    m_loading = true;
    m_mapping = mapping;
    m_mapping.completeFrom(header);
    m_header = header;
    m_fileName = fileName;
    m_has = true;
    const QList<ImportMapping::Field>& fields = ImportMapping::fields(mapping.kind);
    m_table->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const ImportMapping::Field& field = fields.at(row);
        auto* name = new QTableWidgetItem(field.required ? tr("%1 (required)").arg(field.name) : field.name);
        name->setData(Qt::UserRole, field.name);
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, FieldColumn, name);
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("column_%1").arg(field.name));
        if (!field.required)
            combo->addItem(tr("(not imported)"), int(NotImported));
        combo->addItem(tr("(the same value for every row)"), int(SameValue));
        for (int c = 0; c < header.size(); ++c)
            combo->addItem(header.at(c), c);
        auto* value = new QLineEdit(m_table);
        value->setObjectName(QStringLiteral("value_%1").arg(field.name));
        QString column = m_mapping.columns.value(field.name);
        if (field.name == QLatin1String("account") && !m_mapping.accountKeyColumn.isEmpty())
            column = m_mapping.accountKeyColumn;
        if (!column.isEmpty() && header.contains(column)) {
            combo->setCurrentIndex(combo->findData(int(header.indexOf(column))));
        } else if (m_mapping.constants.contains(field.name)) {
            combo->setCurrentIndex(combo->findData(int(SameValue)));
            value->setText(m_mapping.constants.value(field.name));
        } else {
            combo->setCurrentIndex(field.required ? combo->findData(int(SameValue)) : 0);
        }
        value->setEnabled(combo->currentData().toInt() == SameValue);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, value] {
            value->setEnabled(combo->currentData().toInt() == SameValue);
            if (!m_loading) {
                showCheck();
                emit edited();
            }
        });
        connect(value, &QLineEdit::textEdited, this, [this] {
            showCheck();
            emit edited();
        });
        m_table->setCellWidget(row, SourceColumn, combo);
        m_table->setCellWidget(row, ValueColumn, value);
    }
    const bool keyed
        = mapping.kind == ImportMapping::Kind::Events || mapping.kind == ImportMapping::Kind::Outcomes;
    m_throughKeys->setVisible(keyed);
    m_keyNamespace->setVisible(keyed);
    m_throughKeys->setChecked(!m_mapping.accountKeyColumn.isEmpty());
    m_keyNamespace->setText(m_mapping.accountKeyNamespace);
    m_keyNamespace->setEnabled(m_throughKeys->isChecked());
    m_loading = false;
    showCheck();
}

ImportMapping MappingEditor::mapping() const
{
    ImportMapping mapping = m_mapping;
    mapping.columns.clear();
    mapping.constants.clear();
    mapping.unmapped.clear();
    mapping.accountKeyColumn.clear();
    mapping.accountKeyNamespace.clear();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString field = m_table->item(row, FieldColumn)->data(Qt::UserRole).toString();
        const int choice = comboAt(m_table, row)->currentData().toInt();
        if (choice == NotImported) {
            mapping.unmapped << field;
        } else if (choice == SameValue) {
            mapping.constants.insert(field, valueAt(m_table, row)->text().trimmed());
        } else if (field == QLatin1String("account") && m_throughKeys->isVisible()
                   && m_throughKeys->isChecked()) {
            mapping.accountKeyColumn = m_header.at(choice);
            mapping.accountKeyNamespace = m_keyNamespace->text().trimmed();
        } else {
            mapping.columns.insert(field, m_header.at(choice));
        }
    }
    return mapping;
}

Status MappingEditor::check() const
{
    if (!m_has)
        return Error { tr("No file has been read yet.") };
    const ImportMapping current = mapping();
    for (auto it = current.constants.cbegin(); it != current.constants.cend(); ++it) {
        if (it.value().isEmpty())
            return Error { tr("%1: choose a column, or type the value every row gets.").arg(it.key()) };
    }
    return current.checkAgainst(m_header, m_fileName);
}

void MappingEditor::showCheck()
{
    const Status ok = check();
    m_status->setText(ok ? tr("Columns: %1").arg(mapping().describe()) : ok.error());
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
}

} // namespace tenure
