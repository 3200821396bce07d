#include "sources/ImportCsvDialog.h"

#include "Async.h"
#include "ingest/CsvImporter.h"
#include "ingest/CsvPreview.h"
#include "ingest/CsvReader.h"
#include "ingest/ImportWorker.h"
#include "ingest/TextDecoding.h"
#include "sources/MappingEditor.h"
#include "store/WithWorkspace.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace tenure {

namespace {

QWidget* withBrowse(QLineEdit* edit, QWidget* parent, const std::function<void()>& browse)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* button = new QPushButton(ImportCsvDialog::tr("Browse…"), row);
    QObject::connect(button, &QPushButton::clicked, parent, browse);
    layout->addWidget(button);
    return row;
}

// What the preview step reads off the GUI thread: the first rows, and the source's saved preset.
struct PreviewResult
{
    Result<CsvPreview> preview = Error {};
    std::optional<ImportMapping> preset;
};

QString typeLabel(ColumnType type)
{
    switch (type) {
    case ColumnType::Number:
        return ImportCsvDialog::tr("number");
    case ColumnType::Boolean:
        return ImportCsvDialog::tr("boolean");
    case ColumnType::Text:
        break;
    }
    return ImportCsvDialog::tr("text");
}

} // namespace

ImportCsvDialog::ImportCsvDialog(QString workspacePath, QWidget* parent)
    : QDialog(parent)
    , m_workspacePath(std::move(workspacePath))
    , m_file(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_namespace(new QLineEdit(this))
    , m_source(new QLineEdit(this))
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_steps(new QTabWidget(this))
    , m_preview(new QTableWidget(this))
    , m_previewInfo(new QLabel(this))
    , m_previewTypes(new QLabel(this))
    , m_mappingEditor(new MappingEditor(this))
    , m_previewTimer(new QTimer(this))
    , m_onError(new QButtonGroup(this))
    , m_progress(new QProgressBar(this))
    , m_result(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Import CSV"));
    setObjectName(QStringLiteral("ImportCsvDialog"));
    setAcceptDrops(true);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setPlaceholderText(tr("Choose a CSV file, or drop one here"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("Usage events"), int(ImportMapping::Kind::Events));
    m_kind->addItem(tr("Accounts (from the CRM)"), int(ImportMapping::Kind::Accounts));
    m_kind->addItem(tr("Outcomes (churned, renewed, expanded, contracted)"),
                    int(ImportMapping::Kind::Outcomes));
    m_kind->addItem(tr("Keys that map to accounts (subscriptions, users)"), int(ImportMapping::Kind::Keys));
    m_namespace->setPlaceholderText(tr("e.g. subscription"));
    m_source->setObjectName(QStringLiteral("source"));
    m_source->setPlaceholderText(tr("named after the file"));
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(tr("Detect automatically"), QString());
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
    m_encoding->addItem(tr("Japanese (Shift_JIS / CP932)"), QStringLiteral("cp932"));
    m_encoding->addItem(QStringLiteral("UTF-16"), QStringLiteral("utf-16le"));
    m_encoding->addItem(tr("Western (Windows-1252)"), QStringLiteral("windows-1252"));
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_delimiter->addItem(tr("Detect automatically"), QString());
    m_delimiter->addItem(tr("Comma"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_previewInfo->setObjectName(QStringLiteral("previewInfo"));
    m_previewInfo->setWordWrap(true);
    m_previewInfo->setTextFormat(Qt::PlainText); // errors quote the file's own text
    m_previewTypes->setObjectName(QStringLiteral("previewTypes"));
    m_previewTypes->setWordWrap(true);
    m_previewTypes->setTextFormat(Qt::PlainText); // names the file's columns
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &ImportCsvDialog::preview);

    auto* abort = new QRadioButton(tr("Import nothing if any row is bad"), this);
    auto* skip = new QRadioButton(tr("Skip bad rows and import the rest"), this);
    abort->setChecked(true);
    skip->setObjectName(QStringLiteral("skipBadRows"));
    m_onError->addButton(abort, int(CsvImporter::OnError::Abort));
    m_onError->addButton(skip, int(CsvImporter::OnError::Skip));
    auto* onError = new QWidget(this);
    auto* onErrorLayout = new QVBoxLayout(onError);
    onErrorLayout->setContentsMargins(0, 0, 0, 0);
    onErrorLayout->addWidget(abort);
    onErrorLayout->addWidget(skip);

    auto* form = new QFormLayout;
    form->addRow(tr("&File:"), withBrowse(m_file, this, [this] {
                     const QString path = QFileDialog::getOpenFileName(
                         this, tr("Import CSV"), QFileInfo(m_file->text()).absolutePath(),
                         tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
                     if (!path.isEmpty())
                         setFile(path);
                 }));
    form->addRow(tr("&Contents:"), m_kind);
    form->addRow(tr("Key &namespace:"), m_namespace);
    form->addRow(tr("&Source name:"), m_source);

    // Step 1: how the file decodes, with its first rows.
    auto* format = new QWidget(this);
    auto* formatLayout = new QVBoxLayout(format);
    auto* formatForm = new QHBoxLayout;
    auto* encodingLabel = new QLabel(tr("&Encoding:"), format);
    encodingLabel->setBuddy(m_encoding);
    formatForm->addWidget(encodingLabel);
    formatForm->addWidget(m_encoding);
    auto* delimiterLabel = new QLabel(tr("&Delimiter:"), format);
    delimiterLabel->setBuddy(m_delimiter);
    formatForm->addWidget(delimiterLabel);
    formatForm->addWidget(m_delimiter);
    formatForm->addStretch();
    formatLayout->addLayout(formatForm);
    formatLayout->addWidget(m_previewInfo);
    formatLayout->addWidget(m_preview, 1);
    formatLayout->addWidget(m_previewTypes);

    // Step 2: which column feeds which field.
    auto* columns = new QWidget(this);
    auto* columnsLayout = new QVBoxLayout(columns);
    auto* columnButtons = new QHBoxLayout;
    auto* loadMappingButton = new QPushButton(tr("&Load Mapping…"), columns);
    auto* saveMappingButton = new QPushButton(tr("Sa&ve Mapping…"), columns);
    loadMappingButton->setToolTip(tr("Read a JSON column mapping (docs/import.md)"));
    saveMappingButton->setToolTip(
        tr("Write these columns as a JSON mapping, for tenure-cli import --mapping"));
    columnButtons->addWidget(
        new QLabel(tr("Detected from the header, or the source's mapping of its last import."), columns), 1);
    columnButtons->addWidget(loadMappingButton);
    columnButtons->addWidget(saveMappingButton);
    columnsLayout->addLayout(columnButtons);
    columnsLayout->addWidget(m_mappingEditor, 1);
    connect(m_mappingEditor, &MappingEditor::edited, this, &ImportCsvDialog::showTypes);
    connect(loadMappingButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Column mapping"), QString(),
                                                          tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            loadMapping(path);
    });
    connect(saveMappingButton, &QPushButton::clicked, this, [this] {
        if (!m_mappingEditor->hasMapping())
            return;
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Column mapping"), QStringLiteral("mapping.json"),
                                           tr("JSON files (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        const QByteArray json = QJsonDocument(m_mappingEditor->mapping().toJson()).toJson();
        writeFileAsync(this, path, json, [this, path](const QString& error) {
            m_result->setPlainText(error.isEmpty() ? tr("Saved the column mapping to %1.").arg(path) : error);
        });
    });

    // Step 3: check, then import.
    auto* checkPage = new QWidget(this);
    auto* checkLayout = new QVBoxLayout(checkPage);
    auto* checkForm = new QFormLayout;
    checkForm->addRow(tr("Bad rows:"), onError);
    checkLayout->addLayout(checkForm);
    checkLayout->addWidget(m_progress);
    checkLayout->addWidget(m_result, 1);

    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->addTab(format, tr("1. Format and preview"));
    m_steps->addTab(columns, tr("2. Columns"));
    m_steps->addTab(checkPage, tr("3. Check and import"));

    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setReadOnly(true);
    m_result->setPlaceholderText(
        tr("Check the file first: every bad row is listed here with its line and column."));
    m_result->setMinimumHeight(160);

    m_check = m_buttons->addButton(tr("C&heck"), QDialogButtonBox::ActionRole);
    m_check->setObjectName(QStringLiteral("check"));
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("import"));
    m_buttons->addButton(QDialogButtonBox::Close)->setText(tr("Close")); // in the app's language
    connect(m_check, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_import, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportCsvDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateKind();
        schedulePreview();
    });
    connect(m_file, &QLineEdit::textChanged, this, &ImportCsvDialog::schedulePreview);
    connect(m_source, &QLineEdit::editingFinished, this, &ImportCsvDialog::schedulePreview);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportCsvDialog::schedulePreview);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportCsvDialog::schedulePreview);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_buttons);
    updateKind();
    resize(760, 600);
}

ImportCsvDialog::~ImportCsvDialog() = default;

void ImportCsvDialog::setFile(const QString& path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    // Guess the contents from the name; the user can correct it.
    const QString name = QFileInfo(path).fileName().toLower();
    ImportMapping::Kind kind = ImportMapping::Kind::Events;
    if (name.contains(QLatin1String("account")) || name.contains(QStringLiteral("取引先")))
        kind = ImportMapping::Kind::Accounts;
    else if (name.contains(QLatin1String("churn")) || name.contains(QLatin1String("outcome"))
             || name.contains(QLatin1String("renewal")))
        kind = ImportMapping::Kind::Outcomes;
    else if (name.contains(QLatin1String("subscription")))
        kind = ImportMapping::Kind::Keys;
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

void ImportCsvDialog::updateKind()
{
    const bool keys = m_kind->currentData().toInt() == int(ImportMapping::Kind::Keys);
    m_namespace->setEnabled(keys);
    if (keys && m_namespace->text().isEmpty())
        m_namespace->setText(QStringLiteral("subscription"));
}

void ImportCsvDialog::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void ImportCsvDialog::dropEvent(QDropEvent* event)
{
    setFile(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

void ImportCsvDialog::run(bool dryRun)
{
    const QString file = currentFile();
    if (file.isEmpty()) {
        showFailure(tr("Choose the CSV file to import."));
        return;
    }
    CsvImporter::Options options;
    options.kind = ImportMapping::Kind(m_kind->currentData().toInt());
    options.source = m_source->text().trimmed();
    options.encoding = m_encoding->currentData().toString();
    options.keyNamespace = m_namespace->isEnabled() ? m_namespace->text().trimmed() : QString();
    options.onError = CsvImporter::OnError(m_onError->checkedId());
    options.dryRun = dryRun;
    // The columns as reviewed in step 2; before the preview has read the file, the importer
    // detects them (or takes the source's preset) itself.
    m_steps->setCurrentIndex(2);
    if (m_mappingEditor->hasMapping()
        && m_mappingFor == currentFile() + QLatin1Char('|') + m_kind->currentText()) {
        if (Status ok = m_mappingEditor->check(); !ok) {
            showFailure(tr("The columns are not ready (step 2): %1").arg(ok.error()));
            return;
        }
        ImportMapping mapping = m_mappingEditor->mapping();
        mapping.encoding = options.encoding;
        const QString delimiter = m_delimiter->currentData().toString();
        mapping.delimiter = delimiter.isEmpty() ? QChar() : delimiter.at(0);
        options.mapping = mapping;
    }
    if (!m_worker) {
        m_worker = m_target ? std::make_unique<ImportWorker>(m_target)
                            : std::make_unique<ImportWorker>(m_workspacePath);
        connect(m_worker.get(), &ImportWorker::progress, this, [this](qint64 done, qint64 total) {
            m_progress->setValue(total > 0 ? int(done * 100 / total) : 0);
        });
        connect(m_worker.get(), &ImportWorker::finished, this,
                [this](const CsvImporter::Report& report, const QString& landed) {
                    showReport(report, m_dryRun, landed);
                });
        connect(m_worker.get(), &ImportWorker::failed, this, &ImportCsvDialog::showFailure);
        connect(m_worker.get(), &ImportWorker::landing, this, [this] {
            // The server takes it whole or not at all: no cancelling half of it now.
            m_buttons->button(QDialogButtonBox::Close)->setEnabled(false);
            m_result->appendPlainText(tr("Sending it to the team server: it lands whole or not at all."));
        });
    }
    m_dryRun = dryRun;
    m_result->setPlainText(dryRun ? tr("Checking %1…").arg(file) : tr("Importing %1…").arg(file));
    m_progress->setValue(0);
    setRunning(true);
    m_worker->start(file, options);
}

void ImportCsvDialog::setTarget(std::shared_ptr<ImportTarget> target, const QString& name)
{
    m_target = std::move(target);
    m_worker.reset(); // the next run starts one for the target
    setWindowTitle(tr("Import CSV into %1").arg(name));
}

void ImportCsvDialog::showReport(const CsvImporter::Report& report, bool dryRun, const QString& landed)
{
    setRunning(false);
    const QLocale locale;
    QStringList lines;
    lines << tr("%1: %2 rows, %3, %4-separated, source \"%5\".")
                 .arg(report.fileName, locale.toString(report.rows), QString::fromLatin1(report.encoding),
                      CsvReader::delimiterName(report.delimiter), report.source);
    lines << tr("Columns: %1").arg(report.mapping.describe());
    if (report.cancelled)
        lines << tr("Cancelled: nothing was imported.");
    else if (dryRun)
        lines << tr("Check: %1 rows ready, %2 bad. Nothing was written yet.")
                     .arg(locale.toString(report.inserted), locale.toString(report.rejected));
    else if (!report.committed)
        lines << tr("%1 bad rows: nothing was imported. Fix them, or choose to skip bad rows.")
                     .arg(locale.toString(report.rejected));
    else
        lines << tr("Imported: %1 new, %2 updated, %3 already there, %4 bad rows skipped.")
                     .arg(locale.toString(report.inserted), locale.toString(report.updated),
                          locale.toString(report.unchanged), locale.toString(report.rejected));
    if (report.leftOut > 0)
        lines << tr("%1 rows left out by the mapping's filter — not errors.")
                     .arg(locale.toString(report.leftOut));
    if (report.currencyAssumed > 0 && !report.cancelled && (report.committed || dryRun))
        lines << report.currencyNotice();
    if (!report.columnTypes.isEmpty()) {
        QStringList columns = report.columnTypes.keys();
        std::sort(columns.begin(), columns.end());
        QStringList types;
        for (const QString& column : columns)
            types << tr("%1: %2").arg(column, typeLabel(report.columnTypes.value(column)));
        lines << tr("Column types: %1").arg(types.join(QStringLiteral(", ")));
    }
    for (const RowError& error : report.errors)
        lines << error.toString(report.fileName);
    if (report.rejected > report.errors.size())
        lines << tr("… and %1 more bad rows.").arg(locale.toString(report.rejected - report.errors.size()));
    if (!landed.isEmpty())
        lines.insert(qMin(qsizetype(3), lines.size()), landed);
    m_result->setPlainText(lines.join(u'\n'));
    m_progress->setValue(100);
    if (report.committed)
        emit imported(report);
}

void ImportCsvDialog::showFailure(const QString& message)
{
    setRunning(false);
    m_result->setPlainText(message);
}

void ImportCsvDialog::setRunning(bool running)
{
    m_check->setEnabled(!running);
    m_import->setEnabled(!running);
    m_buttons->button(QDialogButtonBox::Close)->setText(running ? tr("Cancel") : tr("Close"));
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(true);
}

QString ImportCsvDialog::currentFile() const
{
    return QDir::fromNativeSeparators(m_file->text().trimmed());
}

void ImportCsvDialog::schedulePreview()
{
    m_previewTimer->start();
}

void ImportCsvDialog::preview()
{
    const QString file = currentFile();
    const int generation = ++m_previewGeneration;
    if (file.isEmpty()) {
        m_preview->clear();
        m_preview->setRowCount(0);
        m_previewInfo->setText(tr("Choose a CSV file, or drop one on this window."));
        return;
    }
    CsvReader::Options options;
    if (const QString encoding = m_encoding->currentData().toString(); !encoding.isEmpty())
        options.encoding = TextDecoding::canonicalName(encoding).value();
    const QString delimiter = m_delimiter->currentData().toString();
    if (!delimiter.isEmpty())
        options.delimiter = delimiter.at(0);
    const QString source = m_source->text().trimmed().isEmpty() ? CsvImporter::defaultSourceName(file)
                                                                : m_source->text().trimmed();
    const auto kind = ImportMapping::Kind(m_kind->currentData().toInt());
    const QString workspace = m_workspacePath;
    m_previewInfo->setText(tr("Reading %1…").arg(file));
    runAsync(
        this,
        [file, options, source, kind, workspace]() -> PreviewResult {
            PreviewResult result;
            result.preview = CsvPreview::read(file, options);
            // The mapping of this source's last import, if it was of the same kind. A workspace that
            // cannot be read offers none: the import itself will say why.
            if (Result<std::optional<ImportMapping>> saved
                = withWorkspace(workspace, Database::Mode::ReadOnly,
                                [&](Database& db) { return CsvImporter::savedMapping(db, source, kind); }))
                result.preset = std::move(saved).value();
            return result;
        },
        [this, generation](const PreviewResult& result) {
            if (generation != m_previewGeneration)
                return; // the user has changed something since: a newer preview is on its way
            if (!result.preview) {
                m_preview->clear();
                m_preview->setRowCount(0);
                m_previewInfo->setText(result.preview.error());
                m_previewInfo->setStyleSheet(QStringLiteral("color: #c62828;"));
                m_mappingEditor->clear();
                m_mappingFor.clear();
                m_previewTypes->clear();
                emit previewed();
                return;
            }
            // Rows before a line that cannot be read are shown, and the line is named in red.
            m_previewInfo->setStyleSheet(
                result.preview->problem.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
            showPreview(result.preview.value(), result.preset);
            inferTypes(result.preview.value());
            emit previewed();
        });
}

void ImportCsvDialog::showPreview(const CsvPreview& preview, const std::optional<ImportMapping>& preset)
{
    const QLocale locale;
    m_preview->clear();
    m_preview->setColumnCount(int(preview.header.size()));
    m_preview->setHorizontalHeaderLabels(preview.header);
    m_preview->setRowCount(int(preview.rows.size()));
    QStringList lines;
    for (int row = 0; row < preview.rows.size(); ++row) {
        const CsvRecord& record = preview.rows.at(row);
        lines << locale.toString(record.line);
        for (int column = 0; column < record.fields.size() && column < preview.header.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(record.fields.at(column)));
    }
    m_preview->setVerticalHeaderLabels(lines); // the file's line numbers, as errors cite them
    m_previewInfo->setText(
        tr("%1, %2-separated, %3 columns. The first %4 rows%5:")
            .arg(QString::fromLatin1(preview.encoding), CsvReader::delimiterName(preview.delimiter))
            .arg(preview.header.size())
            .arg(preview.rows.size())
            .arg(preview.more ? tr(" (the file goes on)") : QString()));
    if (preview.problemFurtherDown)
        m_previewInfo->setText(m_previewInfo->text() + u'\n' + tr("Further down: %1").arg(preview.problem));
    else if (!preview.problem.isEmpty())
        m_previewInfo->setText(
            tr("%1 rows can be read; then: %2").arg(locale.toString(preview.rows.size()), preview.problem));

    // The columns: kept while the file, contents and source stay the same (an encoding or
    // delimiter change only re-reads), otherwise taken afresh.
    const QString key = currentFile() + QLatin1Char('|') + m_kind->currentText();
    const auto kind = ImportMapping::Kind(m_kind->currentData().toInt());
    if (key == m_mappingFor && m_mappingEditor->hasMapping()) {
        m_mappingEditor->setMapping(m_mappingEditor->mapping(), preview.header,
                                    QFileInfo(currentFile()).fileName());
        return;
    }
    ImportMapping mapping = m_loadedMapping && m_loadedMapping->kind == kind ? *m_loadedMapping
        : preset                                                             ? *preset
                 : ImportMapping::detect(kind, preview.header);
    if (kind == ImportMapping::Kind::Keys && m_namespace->isEnabled())
        mapping.keyNamespace = m_namespace->text().trimmed();
    m_mappingEditor->setMapping(mapping, preview.header, QFileInfo(currentFile()).fileName());
    m_mappingFor = key;
}

void ImportCsvDialog::inferTypes(const CsvPreview& preview)
{
    // Every column, so that a column the user unmaps in step 2 has its type at once. The whole
    // file is read: off the GUI thread, and dropped when a newer preview has started since.
    const int generation = m_previewGeneration;
    const QString file = currentFile();
    const CsvReader::Options options { preview.encoding, preview.delimiter };
    m_mappingEditor->setInferring();
    showTypes();
    runAsync(
        this, [file, options] { return CsvPreview::columnTypes(file, options); },
        [this, generation](const Result<QHash<QString, ColumnType>>& types) {
            if (generation != m_previewGeneration)
                return;
            if (types)
                m_mappingEditor->setInferredTypes(types.value());
            else
                m_mappingEditor->setInferenceFailed(types.error());
            showTypes();
            emit columnTypesRead();
        });
}

void ImportCsvDialog::showTypes()
{
    const QString types = m_mappingEditor->describeTypes();
    m_previewTypes->setText(types.isEmpty() ? QString() : tr("Other columns, kept as: %1").arg(types));
}

void ImportCsvDialog::loadMapping(const QString& path)
{
    runAsync(
        this, [path]() -> Result<ImportMapping> { return ImportMapping::load(path); },
        [this, path](const Result<ImportMapping>& mapping) {
            if (!mapping) {
                m_steps->setCurrentIndex(2);
                m_result->setPlainText(mapping.error());
                return;
            }
            m_loadedMapping = mapping.value();
            m_kind->setCurrentIndex(m_kind->findData(int(mapping->kind)));
            m_mappingFor.clear(); // take the loaded mapping at the next preview
            if (!mapping->encoding.isEmpty()) {
                const int index = m_encoding->findData(mapping->encoding.toLower());
                if (index >= 0)
                    m_encoding->setCurrentIndex(index);
            }
            m_steps->setCurrentIndex(1);
            schedulePreview();
        });
}

void ImportCsvDialog::reject()
{
    // While an import runs, Cancel (or Escape) rolls it back; the dialog stays to say so. While it
    // lands on a team server (Cancel is off), Escape waits too.
    if (m_worker && m_worker->isRunning()) {
        m_worker->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace tenure
