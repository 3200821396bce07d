#include "sources/MappingEditor.h"

#include "PlainText.h"
#include "ingest/RowConverter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tenure {

namespace {

enum Column { FieldColumn, SourceColumn, ValueColumn };
// The choices before the file's columns in each row's combo box.
enum Choice { MonthsBack = -3, NotImported = -2, SameValue = -1 };
// The choices of an extra column's type; the others are ColumnType values.
constexpr int kAsRead = -1;

QWidget* hbox(QWidget* parent, std::initializer_list<QWidget*> widgets)
{
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* widget : widgets)
        layout->addWidget(widget, qobject_cast<QLineEdit*>(widget) ? 1 : 0);
    return box;
}

// Cell widgets that a table replaces are deleted later: hidden and unnamed now, so that only the
// current rows show and answer to their names (tests and accessibility find them by name).
void forgetWidgets(const QTableWidget* table)
{
    for (int r = 0; r < table->rowCount(); ++r)
        for (int c = 0; c < table->columnCount(); ++c)
            if (QWidget* widget = table->cellWidget(r, c)) {
                widget->hide();
                widget->setObjectName(QString());
                for (QWidget* child : widget->findChildren<QWidget*>())
                    child->setObjectName(QString());
            }
}

} // namespace

MappingEditor::MappingEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
    , m_when(new QCheckBox(tr("Import only rows whose column"), this))
    , m_whenColumn(new QComboBox(this))
    , m_whenIn(new QLineEdit(this))
    , m_extrasLabel(new QLabel(this))
    , m_extras(new QTableWidget(0, 3, this))
    , m_throughKeys(new QCheckBox(
          tr("The account column holds another key, resolved through keys imported into:"), this))
    , m_keyNamespace(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("mapping"));
    m_when->setObjectName(QStringLiteral("when"));
    m_whenColumn->setObjectName(QStringLiteral("whenColumn"));
    m_whenIn->setObjectName(QStringLiteral("whenIn"));
    m_extras->setObjectName(QStringLiteral("extraColumns"));
    m_extrasLabel->setObjectName(QStringLiteral("extraColumnsLabel"));
    m_throughKeys->setObjectName(QStringLiteral("throughKeys"));
    m_keyNamespace->setObjectName(QStringLiteral("accountKeyNamespace"));
    m_status->setObjectName(QStringLiteral("mappingStatus"));
    m_table->setHorizontalHeaderLabels({ tr("Field"), tr("From column"), tr("Value for every row") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    // Every row holds a combo box: rows as tall as one, whatever the row's other cell holds.
    m_table->verticalHeader()->setDefaultSectionSize(QComboBox().sizeHint().height() + 4);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_extras->setHorizontalHeaderLabels({ tr("Column"), tr("Read from the file as"), tr("Import as") });
    m_extras->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_extras->verticalHeader()->hide();
    m_extras->verticalHeader()->setDefaultSectionSize(QComboBox().sizeHint().height() + 4);
    m_extras->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_extras->setSelectionMode(QAbstractItemView::NoSelection);
    m_extras->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_extrasLabel->setWordWrap(true);
    m_extrasLabel->setTextFormat(Qt::PlainText);
    m_whenIn->setPlaceholderText(tr("e.g. Yes"));
    m_whenIn->setToolTip(tr("Values separated by commas, compared trimmed and in any case. The other rows "
                            "are left out and counted: they are not errors."));
    m_keyNamespace->setPlaceholderText(QStringLiteral("subscription"));
    m_keyNamespace->setMaximumWidth(200);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // names the file's columns
    auto* when = new QHBoxLayout;
    when->addWidget(m_when);
    when->addWidget(m_whenColumn);
    when->addWidget(new QLabel(tr("holds one of:"), this));
    when->addWidget(m_whenIn, 1);
    auto* keys = new QHBoxLayout;
    keys->addWidget(m_throughKeys);
    keys->addWidget(m_keyNamespace);
    keys->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 5);
    layout->addLayout(keys);
    layout->addLayout(when);
    layout->addWidget(m_extrasLabel);
    layout->addWidget(m_extras, 2);
    m_extras->setMinimumHeight(80);
    layout->addWidget(m_status);
    connect(m_throughKeys, &QCheckBox::toggled, this, &MappingEditor::changed);
    connect(m_keyNamespace, &QLineEdit::textEdited, this, &MappingEditor::changed);
    connect(m_when, &QCheckBox::toggled, this, &MappingEditor::changed);
    connect(m_whenColumn, &QComboBox::currentIndexChanged, this, &MappingEditor::changed);
    connect(m_whenIn, &QLineEdit::textEdited, this, &MappingEditor::changed);
    clear();
}

void MappingEditor::clear()
{
    m_has = false;
    forgetWidgets(m_table);
    forgetWidgets(m_extras);
    m_rows.clear();
    m_table->setRowCount(0);
    m_extras->setRowCount(0);
    m_throughKeys->setVisible(false);
    m_keyNamespace->setVisible(false);
    m_extrasLabel->clear();
    m_status->setText(tr("Choose a file: its columns appear here with the field each one feeds."));
}

void MappingEditor::changed()
{
    m_keyNamespace->setEnabled(m_throughKeys->isChecked());
    m_whenColumn->setEnabled(m_when->isChecked());
    m_whenIn->setEnabled(m_when->isChecked());
    if (m_loading)
        return;
    showExtras();
    showCheck();
    emit edited();
}

void MappingEditor::updateRow(const Row& row)
{
    const int choice = row.source->currentData().toInt();
    row.value->setEnabled(choice == SameValue);
    row.value->setVisible(choice != MonthsBack);
    if (row.months)
        row.months->setVisible(choice == MonthsBack);
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
    m_typeChoices = m_mapping.types;
    const QList<ImportMapping::Field>& fields = ImportMapping::fields(mapping.kind);
    const QStringList forNew = ImportMapping::requiredForNew(mapping.kind);
    const QStringList dates = ImportMapping::dateFields(mapping.kind);
    forgetWidgets(m_table);
    m_rows.clear();
    m_table->setRowCount(int(fields.size()));
    for (int index = 0; index < fields.size(); ++index) {
        const ImportMapping::Field& field = fields.at(index);
        const QString label = field.required ? tr("%1 (required)").arg(field.name)
            : forNew.contains(field.name)    ? tr("%1 (required for new accounts)").arg(field.name)
                                             : field.name;
        auto* name = new QTableWidgetItem(label);
        name->setData(Qt::UserRole, field.name);
        name->setFlags(Qt::ItemIsEnabled);
        name->setToolTip(PlainText::asRichText(label));
        m_table->setItem(index, FieldColumn, name);
        Row row;
        row.field = field.name;
        row.source = new QComboBox(m_table);
        row.source->setObjectName(QStringLiteral("column_%1").arg(field.name));
        if (!field.required)
            row.source->addItem(tr("(not imported)"), int(NotImported));
        row.source->addItem(tr("(the same value for every row)"), int(SameValue));
        if (dates.contains(field.name))
            row.source->addItem(tr("(months counted back from a date)"), int(MonthsBack));
        for (int c = 0; c < header.size(); ++c)
            row.source->addItem(header.at(c), c);
        row.value = new QLineEdit(m_table);
        row.value->setObjectName(QStringLiteral("value_%1").arg(field.name));
        QList<QWidget*> valueWidgets { row.value };
        if (dates.contains(field.name)) {
            row.monthsColumn = new QComboBox(m_table);
            row.monthsColumn->setObjectName(QStringLiteral("months_%1").arg(field.name));
            row.monthsColumn->addItems(header);
            row.monthsFrom = new QDateEdit(QDate::currentDate(), m_table);
            row.monthsFrom->setObjectName(QStringLiteral("monthsBefore_%1").arg(field.name));
            row.monthsFrom->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            row.monthsFrom->setCalendarPopup(true);
            row.monthsColumn->setToolTip(tr("The column that holds the number of months"));
            row.monthsFrom->setToolTip(tr("The date the months are counted back from (the export's date)"));
            row.months = hbox(m_table, { row.monthsColumn, row.monthsFrom });
            valueWidgets << row.months;
        }
        auto* cell = new QWidget(m_table);
        auto* cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        for (QWidget* widget : valueWidgets)
            cellLayout->addWidget(widget, 1);

        QString column = m_mapping.columns.value(field.name);
        if (field.name == QLatin1String("account") && !m_mapping.accountKeyColumn.isEmpty())
            column = m_mapping.accountKeyColumn;
        if (const auto derived = m_mapping.monthsBefore.constFind(field.name);
            derived != m_mapping.monthsBefore.constEnd() && row.months) {
            row.source->setCurrentIndex(row.source->findData(int(MonthsBack)));
            row.monthsColumn->setCurrentIndex(int(header.indexOf(derived->column)));
            row.monthsFrom->setDate(derived->from);
        } else if (!column.isEmpty() && header.contains(column)) {
            row.source->setCurrentIndex(row.source->findData(int(header.indexOf(column))));
        } else if (m_mapping.constants.contains(field.name)) {
            row.source->setCurrentIndex(row.source->findData(int(SameValue)));
            row.value->setText(m_mapping.constants.value(field.name));
        } else {
            row.source->setCurrentIndex(field.required ? row.source->findData(int(SameValue)) : 0);
        }
        updateRow(row);
        connect(row.source, &QComboBox::currentIndexChanged, this, [this, row] {
            updateRow(row);
            changed();
        });
        connect(row.value, &QLineEdit::textEdited, this, &MappingEditor::changed);
        if (row.months) {
            connect(row.monthsColumn, &QComboBox::currentIndexChanged, this, &MappingEditor::changed);
            connect(row.monthsFrom, &QDateEdit::dateChanged, this, &MappingEditor::changed);
        }
        m_table->setCellWidget(index, SourceColumn, row.source);
        m_table->setCellWidget(index, ValueColumn, cell);
        m_rows.append(row);
    }
    const bool keyed
        = mapping.kind == ImportMapping::Kind::Events || mapping.kind == ImportMapping::Kind::Outcomes;
    m_throughKeys->setVisible(keyed);
    m_keyNamespace->setVisible(keyed);
    m_throughKeys->setChecked(!m_mapping.accountKeyColumn.isEmpty());
    m_keyNamespace->setText(m_mapping.accountKeyNamespace);
    m_whenColumn->clear();
    m_whenColumn->addItems(header);
    m_when->setChecked(!m_mapping.whenColumn.isEmpty());
    m_whenColumn->setCurrentIndex(m_mapping.whenColumn.isEmpty() ? 0
                                                                 : int(header.indexOf(m_mapping.whenColumn)));
    m_whenIn->setText(m_mapping.whenIn.join(QStringLiteral(", ")));
    m_loading = false;
    m_keyNamespace->setEnabled(m_throughKeys->isChecked());
    m_whenColumn->setEnabled(m_when->isChecked());
    m_whenIn->setEnabled(m_when->isChecked());
    showExtras();
    showCheck();
}

ImportMapping MappingEditor::mapping() const
{
    ImportMapping mapping = m_mapping;
    mapping.columns.clear();
    mapping.constants.clear();
    mapping.unmapped.clear();
    mapping.monthsBefore.clear();
    mapping.accountKeyColumn.clear();
    mapping.accountKeyNamespace.clear();
    for (const Row& row : m_rows) {
        const int choice = row.source->currentData().toInt();
        if (choice == NotImported) {
            mapping.unmapped << row.field;
        } else if (choice == SameValue) {
            mapping.constants.insert(row.field, row.value->text().trimmed());
        } else if (choice == MonthsBack) {
            mapping.monthsBefore.insert(row.field,
                                        { row.monthsColumn->currentText(), row.monthsFrom->date() });
        } else if (row.field == QLatin1String("account") && m_throughKeys->isVisible()
                   && m_throughKeys->isChecked()) {
            mapping.accountKeyColumn = m_header.at(choice);
            mapping.accountKeyNamespace = m_keyNamespace->text().trimmed();
        } else {
            mapping.columns.insert(row.field, m_header.at(choice));
        }
    }
    mapping.whenColumn.clear();
    mapping.whenIn.clear();
    if (m_when->isChecked() && m_whenColumn->currentIndex() >= 0) {
        mapping.whenColumn = m_whenColumn->currentText();
        for (const QString& value : m_whenIn->text().split(u','))
            if (!value.trimmed().isEmpty())
                mapping.whenIn << value.trimmed();
    }
    // The types of the columns that travel along: the user's choice, else the file's.
    RowConverter converter(mapping, m_header, ValueParser({}), QString());
    for (const QString& column : converter.extraColumns()) {
        if (const auto type = m_typeChoices.constFind(column); type != m_typeChoices.constEnd())
            mapping.types.insert(column, *type);
        else
            mapping.types.remove(column);
    }
    return mapping;
}

Status MappingEditor::check() const
{
    if (!m_has)
        return Error { tr("No file has been read yet.") };
    const ImportMapping current = mapping();
    // Every field still to fill, in the form's order, not only the first one found.
    QStringList unfilled;
    for (const ImportMapping::Field& field : ImportMapping::fields(current.kind)) {
        const auto constant = current.constants.constFind(field.name);
        if (constant != current.constants.cend() && constant->isEmpty())
            unfilled << field.name;
    }
    for (auto it = current.constants.cbegin(); it != current.constants.cend(); ++it)
        if (it.value().isEmpty() && !unfilled.contains(it.key()))
            unfilled << it.key();
    if (!unfilled.isEmpty())
        return Error { tr("%1: choose a column, or type the value every row gets.")
                           .arg(unfilled.join(QStringLiteral(", "))) };
    if (m_when->isChecked() && current.whenIn.isEmpty())
        return Error { tr("Type the values of %1 whose rows are imported (e.g. Yes), or untick the filter.")
                           .arg(m_whenColumn->currentText()) };
    return current.checkAgainst(m_header, m_fileName);
}

void MappingEditor::setInferring()
{
    m_inferred.clear();
    m_inferenceError.clear();
    m_inferring = true;
    showExtras();
}

void MappingEditor::setInferredTypes(const QHash<QString, ColumnType>& types)
{
    m_inferred = types;
    m_inferenceError.clear();
    m_inferring = false;
    showExtras();
}

void MappingEditor::setInferenceFailed(const QString& error)
{
    m_inferred.clear();
    m_inferenceError = error;
    m_inferring = false;
    showExtras();
}

QString MappingEditor::typeName(ColumnType type) const
{
    switch (type) {
    case ColumnType::Number:
        return tr("number");
    case ColumnType::Boolean:
        return tr("boolean");
    case ColumnType::Text:
        break;
    }
    return tr("text");
}

QString MappingEditor::describeTypes() const
{
    if (!m_has)
        return {};
    QStringList parts;
    RowConverter converter(mapping(), m_header, ValueParser({}), QString());
    for (const QString& column : converter.extraColumns()) {
        if (const auto chosen = m_typeChoices.constFind(column); chosen != m_typeChoices.constEnd())
            parts << tr("%1: %2 (set)").arg(column, typeName(*chosen));
        else if (const auto inferred = m_inferred.constFind(column); inferred != m_inferred.constEnd())
            parts << tr("%1: %2").arg(column, typeName(*inferred));
        else
            parts << tr("%1: …").arg(column);
    }
    return parts.join(QStringLiteral(", "));
}

void MappingEditor::showExtras()
{
    if (!m_has)
        return;
    RowConverter converter(mapping(), m_header, ValueParser({}), QString());
    const QStringList columns
        = m_mapping.kind == ImportMapping::Kind::Keys ? QStringList {} : converter.extraColumns();
    m_extrasLabel->setVisible(m_mapping.kind != ImportMapping::Kind::Keys);
    m_extras->setVisible(!columns.isEmpty());
    m_extrasLabel->setText(
        !m_inferenceError.isEmpty()
            ? tr("The other columns travel along as text: their types could not be read (%1).")
                  .arg(m_inferenceError)
            : columns.isEmpty() ? tr("No other columns: every column feeds a field.")
            : m_mapping.kind == ImportMapping::Kind::Accounts
            ? tr("The other columns are kept with each account, each with one type for all its rows:")
            : tr("The other columns are kept with each event, each with one type for all its rows:"));
    forgetWidgets(m_extras);
    m_extras->setRowCount(int(columns.size()));
    for (int index = 0; index < columns.size(); ++index) {
        const QString& column = columns.at(index);
        auto* name = new QTableWidgetItem(column);
        name->setToolTip(PlainText::asRichText(column)); // a column of the file: data, never markup
        m_extras->setItem(index, 0, name);
        const auto inferred = m_inferred.constFind(column);
        const QString read = inferred != m_inferred.constEnd() ? typeName(*inferred)
            : m_inferring                                      ? tr("reading the file…")
                                                               : QStringLiteral("—");
        m_extras->setItem(index, 1, new QTableWidgetItem(read));
        auto* type = new QComboBox(m_extras);
        type->setObjectName(QStringLiteral("type_%1").arg(column));
        type->addItem(inferred != m_inferred.constEnd() ? tr("as read (%1)").arg(read) : tr("as read"),
                      kAsRead);
        for (ColumnType choice : { ColumnType::Text, ColumnType::Number, ColumnType::Boolean })
            type->addItem(typeName(choice), int(choice));
        if (const auto chosen = m_typeChoices.constFind(column); chosen != m_typeChoices.constEnd())
            type->setCurrentIndex(type->findData(int(*chosen)));
        connect(type, &QComboBox::currentIndexChanged, this, [this, type, column] {
            const int choice = type->currentData().toInt();
            if (choice == kAsRead)
                m_typeChoices.remove(column);
            else
                m_typeChoices.insert(column, ColumnType(choice));
            showCheck();
            emit edited();
        });
        m_extras->setCellWidget(index, 2, type);
    }
}

void MappingEditor::showCheck()
{
    const Status ok = check();
    m_status->setText(ok ? tr("Columns: %1").arg(mapping().describe()) : ok.error());
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
}

} // namespace tenure
