#include "sources/ImportCsvDialog.h"

#include "ingest/CsvReader.h"
#include "ingest/ImportWorker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

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

} // namespace

ImportCsvDialog::ImportCsvDialog(QString workspacePath, QWidget* parent)
    : QDialog(parent)
    , m_workspacePath(std::move(workspacePath))
    , m_file(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_namespace(new QLineEdit(this))
    , m_source(new QLineEdit(this))
    , m_encoding(new QComboBox(this))
    , m_mapping(new QLineEdit(this))
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
    m_mapping->setPlaceholderText(tr("optional: a JSON column mapping"));

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
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&Mapping:"), withBrowse(m_mapping, this, [this] {
                     const QString path = QFileDialog::getOpenFileName(
                         this, tr("Column mapping"), QString(), tr("JSON files (*.json);;All files (*)"));
                     if (!path.isEmpty())
                         m_mapping->setText(path);
                 }));
    form->addRow(tr("Bad rows:"), onError);

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
    m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_check, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_import, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportCsvDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportCsvDialog::updateKind);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result, 1);
    layout->addWidget(m_buttons);
    updateKind();
    resize(680, 520);
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
    const QString file = QDir::fromNativeSeparators(m_file->text().trimmed());
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
    if (!m_worker) {
        m_worker = std::make_unique<ImportWorker>(m_workspacePath);
        connect(m_worker.get(), &ImportWorker::progress, this, [this](qint64 done, qint64 total) {
            m_progress->setValue(total > 0 ? int(done * 100 / total) : 0);
        });
        connect(m_worker.get(), &ImportWorker::finished, this,
                [this](const CsvImporter::Report& report) { showReport(report, m_dryRun); });
        connect(m_worker.get(), &ImportWorker::failed, this, &ImportCsvDialog::showFailure);
    }
    m_dryRun = dryRun;
    m_result->setPlainText(dryRun ? tr("Checking %1…").arg(file) : tr("Importing %1…").arg(file));
    m_progress->setValue(0);
    setRunning(true);
    m_worker->start(file, options, m_mapping->text().trimmed());
}

void ImportCsvDialog::showReport(const CsvImporter::Report& report, bool dryRun)
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
    for (const RowError& error : report.errors)
        lines << error.toString(report.fileName);
    if (report.rejected > report.errors.size())
        lines << tr("… and %1 more bad rows.").arg(locale.toString(report.rejected - report.errors.size()));
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
}

void ImportCsvDialog::reject()
{
    // While an import runs, Cancel (or Escape) rolls it back; the dialog stays to say so.
    if (m_worker && m_worker->isRunning()) {
        m_worker->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace tenure
