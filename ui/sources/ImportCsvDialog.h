#pragma once

#include "ingest/CsvImporter.h"

#include <QDialog>

#include <memory>
#include <optional>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QLabel;
class QTimer;

namespace tenure {

class ImportTarget;
class ImportWorker;
class MappingEditor;
struct CsvPreview;

// The CSV import wizard: choose or drop the file and say what it holds; (1) see its first rows
// as they decode with the detected or chosen encoding and delimiter; (2) review and edit which
// column feeds which field (detected from the header, or the source's preset from an earlier
// import, or a mapping file) and the type of each column that travels along (read from the whole
// file, or the user's); (3) check it (every bad row listed with line and column), then
// import it on a worker thread with progress and cancel. Files are read off the GUI thread.
class ImportCsvDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportCsvDialog(QString workspacePath, QWidget* parent = nullptr);
    ~ImportCsvDialog() override;

    void setFile(const QString& path);
    // Reads a mapping file into the Columns step (off the GUI thread).
    void loadMapping(const QString& path);
    // Imports into `target` (a team workspace: team/TeamImportTarget), named `name` in the title;
    // the workspace path still gives the presets of earlier imports (a team desktop's copy).
    void setTarget(std::shared_ptr<ImportTarget> target, const QString& name);

signals:
    // The preview (or its error) is on screen.
    void previewed();
    // The types of the columns that travel along, read from the whole file, are on screen.
    void columnTypesRead();

    // An import landed (committed): the workspace has new data.
    void imported(const tenure::CsvImporter::Report& report);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void reject() override;

private:
    void run(bool dryRun);
    void showReport(const CsvImporter::Report& report, bool dryRun, const QString& landed);
    void showFailure(const QString& message);
    void setRunning(bool running);
    void updateKind();
    void schedulePreview();
    void preview();
    void showPreview(const CsvPreview& preview, const std::optional<ImportMapping>& preset);
    void inferTypes(const CsvPreview& preview);
    void showTypes();
    QString currentFile() const;

    QString m_workspacePath;
    std::shared_ptr<ImportTarget> m_target;
    std::unique_ptr<ImportWorker> m_worker;
    QLineEdit* m_file;
    QComboBox* m_kind;
    QLineEdit* m_namespace;
    QLineEdit* m_source;
    QComboBox* m_encoding;
    QComboBox* m_delimiter;
    QTabWidget* m_steps;
    QTableWidget* m_preview;
    QLabel* m_previewInfo;
    QLabel* m_previewTypes;
    MappingEditor* m_mappingEditor;
    QTimer* m_previewTimer;
    int m_previewGeneration = 0;
    QString m_mappingFor; // file|kind|source the editor's mapping was made for
    std::optional<ImportMapping> m_loadedMapping; // from "Load mapping…"
    QButtonGroup* m_onError;
    QProgressBar* m_progress;
    QPlainTextEdit* m_result;
    QPushButton* m_check;
    QPushButton* m_import;
    QDialogButtonBox* m_buttons;
    bool m_dryRun = false;
};

} // namespace tenure
