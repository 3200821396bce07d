#include "sources/DataSourcesView.h"

#include "Async.h"
#include "store/WithWorkspace.h"

#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

DataSourcesView::DataSourcesView(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 4, this))
{
    setObjectName(QStringLiteral("DataSourcesView"));
    setAcceptDrops(true);
    m_table->setObjectName(QStringLiteral("sources"));
    m_table->setHorizontalHeaderLabels({ tr("Source"), tr("Kind"), tr("Events"), tr("Details") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* import = new QPushButton(tr("&Import CSV…"), this);
    auto* connectors = new QPushButton(tr("&Connectors…"), this);
    auto* pull = new QPushButton(tr("&Pull Now"), this);
    connect(import, &QPushButton::clicked, this, [this] { emit importRequested({}); });
    connect(connectors, &QPushButton::clicked, this, &DataSourcesView::connectorsRequested);
    connect(pull, &QPushButton::clicked, this, &DataSourcesView::pullRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(import);
    buttons->addWidget(connectors);
    buttons->addWidget(pull);
    buttons->addStretch(1);
    auto* hint = new QLabel(
        tr("Drop a CSV export here to import it. Connectors pull product usage on their schedule; "
           "see docs/import.md and docs/connectors.md."),
        this);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);

    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        const Result<QList<Row>> rows = m_loading.result();
        if (!rows)
            return;
        const QLocale locale;
        m_table->setRowCount(int(rows->size()));
        for (int i = 0; i < rows->size(); ++i) {
            const Row& row = rows->at(i);
            QString details;
            const QJsonObject mapping = row.source.config.value(QStringLiteral("mapping")).toObject();
            if (!mapping.isEmpty())
                details = tr("CSV preset for %1").arg(mapping.value(QStringLiteral("kind")).toString());
            else if (!row.source.config.value(QStringLiteral("url")).toString().isEmpty())
                details = row.state.isEmpty()
                    ? tr("never pulled")
                    : tr("pulled up to %1")
                          .arg(locale.toString(
                              QDateTime::fromMSecsSinceEpoch(
                                  qint64(row.state.value(QStringLiteral("window_end")).toDouble()),
                                  QTimeZone::utc())
                                  .toLocalTime(),
                              QLocale::ShortFormat));
            else if (row.source.kind == QLatin1String("demo"))
                details = tr("a generated demo portfolio, not real customers");
            const QStringList cells { row.source.name, row.source.kind, locale.toString(row.events),
                                      details };
            for (int column = 0; column < cells.size(); ++column)
                m_table->setItem(i, column, new QTableWidgetItem(cells[column]));
        }
        emit loaded(int(rows->size()));
    });
}

DataSourcesView::~DataSourcesView()
{
    m_loading.waitForFinished();
}

void DataSourcesView::setWorkspace(const QString& path)
{
    m_path = path;
    refresh();
}

void DataSourcesView::refresh()
{
    if (m_path.isEmpty() || m_loading.isRunning())
        return;
    const QString path = m_path;
    m_loading.setFuture(QtConcurrent::run(workPool(), [path] {
        return withWorkspace(path, Database::Mode::ReadOnly, [](Database& db) -> Result<QList<Row>> {
            SourceStore sources(db);
            Result<QList<SourceStore::Source>> all = sources.all();
            if (!all)
                return Error { all.error() };
            Result<QHash<QString, qint64>> counts = sources.eventCounts();
            if (!counts)
                return Error { counts.error() };
            QList<Row> rows;
            for (const SourceStore::Source& source : *all) {
                Result<QJsonObject> state = sources.state(source.name);
                rows.append({ source, counts->value(source.name), state ? state.value() : QJsonObject() });
            }
            return rows;
        });
    }));
}

void DataSourcesView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void DataSourcesView::dropEvent(QDropEvent* event)
{
    emit importRequested(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

} // namespace tenure
