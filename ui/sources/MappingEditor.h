#pragma once

#include "ingest/ImportMapping.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace tenure {

// Edits which column of a CSV file feeds which field of an import: one row per field of the kind
// (accounts, events, outcomes, keys), each taken from a column, set to one value for every row,
// or left out (optional fields only). An account column may hold another key (a subscription id)
// resolved through imported keys. Other settings of the mapping (date order, extra columns,
// encoding) pass through unchanged.
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

signals:
    void edited();

private:
    void showCheck();

    ImportMapping m_mapping; // as given: what the rows do not edit passes through
    QStringList m_header;
    QString m_fileName;
    bool m_has = false;
    bool m_loading = false;
    QTableWidget* m_table;
    QCheckBox* m_throughKeys;
    QLineEdit* m_keyNamespace;
    QLabel* m_status;
};

} // namespace tenure
