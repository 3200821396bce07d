#pragma once

#include "ingest/ImportMapping.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace tenure {

// Edits which column of a CSV file feeds which field of an import: one row per field of the kind
// (accounts, events, outcomes, keys), each taken from a column, set to one value for every row,
// counted back from a column of months (date fields), or left out (optional fields only). An
// account column may hold another key (a subscription id) resolved through imported keys. Rows
// may be kept by a column's value (a churn flag). The other columns travel along as properties
// or attributes, each with one type: the one inferred from the whole file, or the user's. Other
// settings of the mapping (date order, encoding) pass through unchanged.
class MappingEditor : public QWidget
{
    Q_OBJECT

public:
    explicit MappingEditor(QWidget* parent = nullptr);

    // The file's columns, then the mapping to show (completed from the header where it is open).
    void setMapping(const ImportMapping& mapping, const QStringList& header, const QString& fileName);
    bool hasMapping() const { return m_has; }
    void clear();
    ImportMapping mapping() const;
    // Whether the mapping can import the file: every required field covered, every column there.
    Status check() const;

    // The types read from the whole file (off the GUI thread); until they come, "reading…".
    void setInferring();
    void setInferredTypes(const QHash<QString, ColumnType>& types);
    void setInferenceFailed(const QString& error);
    // The columns that travel along with the type each will be imported as, for the preview step:
    // "connection: text, is_partner: boolean (set)".
    QString describeTypes() const;

signals:
    void edited();

private:
    struct Row
    {
        QString field;
        QComboBox* source = nullptr;
        QLineEdit* value = nullptr;
        QWidget* months = nullptr; // a date field counted back: the column and the date
        QComboBox* monthsColumn = nullptr;
        QDateEdit* monthsFrom = nullptr;
    };

    void changed();
    void showCheck();
    void showExtras();
    void updateRow(const Row& row);
    QString typeName(ColumnType type) const;

    ImportMapping m_mapping; // as given: what the rows do not edit passes through
    QStringList m_header;
    QString m_fileName;
    bool m_has = false;
    bool m_loading = false;
    QList<Row> m_rows;
    QHash<QString, ColumnType> m_inferred;
    QHash<QString, ColumnType> m_typeChoices; // the user's (or the mapping's) types
    QString m_inferenceError;
    bool m_inferring = false;
    QTableWidget* m_table;
    QCheckBox* m_when;
    QComboBox* m_whenColumn;
    QLineEdit* m_whenIn;
    QLabel* m_extrasLabel;
    QTableWidget* m_extras;
    QCheckBox* m_throughKeys;
    QLineEdit* m_keyNamespace;
    QLabel* m_status;
};

} // namespace tenure
