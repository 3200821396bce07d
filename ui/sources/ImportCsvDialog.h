#pragma once

#include "ingest/CsvImporter.h"

#include <QDialog>

#include <memory>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tenure {

class ImportWorker;

// Imports one CSV export into the open workspace: choose or drop the file, say what it holds,
// check it (every bad row listed with line and column), then import it on a worker thread with
// progress and cancel. Column mappings are detected, or come from a mapping file or from the
// source's preset of an earlier import.
class ImportCsvDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportCsvDialog(QString workspacePath, QWidget* parent = nullptr);
    ~ImportCsvDialog() override;

    void setFile(const QString& path);

signals:
    // An import landed (committed): the workspace has new data.
    void imported(const tenure::CsvImporter::Report& report);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void reject() override;

private:
    void run(bool dryRun);
    void showReport(const CsvImporter::Report& report, bool dryRun);
    void showFailure(const QString& message);
    void setRunning(bool running);
    void updateKind();

    QString m_workspacePath;
    std::unique_ptr<ImportWorker> m_worker;
    QLineEdit* m_file;
    QComboBox* m_kind;
    QLineEdit* m_namespace;
    QLineEdit* m_source;
    QComboBox* m_encoding;
    QLineEdit* m_mapping;
    QButtonGroup* m_onError;
    QProgressBar* m_progress;
    QPlainTextEdit* m_result;
    QPushButton* m_check;
    QPushButton* m_import;
    QDialogButtonBox* m_buttons;
    bool m_dryRun = false;
};

} // namespace tenure
