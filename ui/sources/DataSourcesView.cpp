#include "sources/DataSourcesView.h"

#include "Async.h"
#include "PlainText.h"
#include "sources/SourceKinds.h"
#include "store/WithWorkspace.h"
#include "team/TeamStats.h"

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
    , m_import(new QPushButton(tr("&Import CSV…"), this))
    , m_connectors(new QPushButton(tr("&Connectors…"), this))
    , m_pull(new QPushButton(tr("&Pull Now"), this))
    , m_hint(new QLabel(this))
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

    m_import->setObjectName(QStringLiteral("import"));
    m_connectors->setObjectName(QStringLiteral("connectors"));
    m_pull->setObjectName(QStringLiteral("pull"));
    connect(m_import, &QPushButton::clicked, this, [this] { emit importRequested({}); });
    connect(m_connectors, &QPushButton::clicked, this, &DataSourcesView::connectorsRequested);
    connect(m_pull, &QPushButton::clicked, this, &DataSourcesView::pullRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addWidget(m_connectors);
    buttons->addWidget(m_pull);
    buttons->addStretch(1);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);
    setTeam(std::nullopt);

    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        const Result<QList<Row>> rows = m_loading.result();
        if (m_refreshAgain) {
            m_refreshAgain = false;
            refresh();
            return;
        }
        if (!rows) {
            m_hint->setText(rows.error() + QLatin1Char('\n') + m_hintText);
            return;
        }
        m_hint->setText(m_hintText);
        const QLocale locale;
        m_table->setRowCount(int(rows->size()));
        for (int i = 0; i < rows->size(); ++i) {
            const Row& row = rows->at(i);
            QString details;
            const QJsonObject mapping = row.source.config.value(QStringLiteral("mapping")).toObject();
            if (!mapping.isEmpty())
                details = tr("CSV preset for %1")
                              .arg(SourceKinds::importKind(mapping.value(QStringLiteral("kind")).toString()));
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
            const QStringList cells { row.source.name, SourceKinds::source(row.source.kind),
                                      locale.toString(row.events), details };
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

void DataSourcesView::setTeam(std::optional<TeamSignIn> team)
{
    m_team = std::move(team);
    const bool file = !m_team;
    updateImport();
    for (QPushButton* button : { m_connectors, m_pull }) {
        button->setEnabled(file);
        button->setToolTip(file ? QString()
                                : tr("In a team workspace, connectors pull on the team's server (tenure-cli "
                                     "serve), or on an admin's desktop when no service runs."));
    }
    if (file)
        m_hintText
            = tr("Drop a CSV export here to import it. Connectors pull product usage on their schedule; "
                 "see docs/import.md and docs/connectors.md.");
    else if (m_team->role == QLatin1String("admin"))
        m_hintText
            = tr("Drop a CSV export here to import it into the team workspace: the team's engine scores "
                 "what it adds, and every desktop sees it. Connectors pull on the team's server "
                 "(tenure-cli serve), or on an admin's desktop when no service runs; see docs/team.md.");
    else
        m_hintText = tr("The team's sources, as its server holds them. Admins import CSV exports; connectors "
                        "pull on the team's server (tenure-cli serve), or on an admin's desktop when no "
                        "service runs. See docs/team.md.");
    m_hint->setText(m_hintText);
}

void DataSourcesView::setOffline(const QString& why)
{
    m_offline = why;
    updateImport();
    // The page's hint says so too, above what it says otherwise.
    m_hint->setText(why.isEmpty() ? m_hintText : why + QLatin1Char('\n') + m_hintText);
}

void DataSourcesView::updateImport()
{
    const QString why = importRefusal(m_team, m_offline);
    m_import->setEnabled(why.isEmpty());
    m_import->setToolTip(PlainText::asRichText(why)); // the server's words: as written, never markup
}

QString DataSourcesView::importRefusal(const std::optional<TeamSignIn>& team, const QString& away)
{
    if (!team)
        return {};
    if (team->role != QLatin1String("admin"))
        return tr("In a team workspace only admins import CSV exports.");
    return away;
}

void DataSourcesView::refresh()
{
    if (m_path.isEmpty())
        return;
    if (m_loading.isRunning()) {
        m_refreshAgain = true; // what is loading may predate the change that asks again
        return;
    }
    if (m_team) {
        m_loading.setFuture(QtConcurrent::run(workPool(), [team = *m_team]() -> Result<QList<Row>> {
            Result<std::unique_ptr<TeamDatabase>> db = team.open();
            if (!db)
                return Error { db.error() };
            return loadTeamSources(**db);
        }));
        return;
    }
    const QString path = m_path;
    m_loading.setFuture(QtConcurrent::run(workPool(), [path] {
        return withWorkspace(path, Database::Mode::ReadOnly,
                             [](Database& db) -> Result<QList<Row>> { return SourceStore(db).overview(); });
    }));
}

void DataSourcesView::dragEnterEvent(QDragEnterEvent* event)
{
    if (mayImport() && event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void DataSourcesView::dropEvent(QDropEvent* event)
{
    if (!mayImport())
        return;
    emit importRequested(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

} // namespace tenure
