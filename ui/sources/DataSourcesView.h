#pragma once

#include "store/SourceStore.h"

#include <QFutureWatcher>
#include <QWidget>

class QTableWidget;

namespace tenure {

// Where the workspace's data comes from: every source (CSV imports with their saved mapping,
// API connectors with how far they have pulled, the demo) with the events it brought. Import a
// CSV (or drop one here), manage connectors, pull now. Loaded on a worker thread.
class DataSourcesView : public QWidget
{
    Q_OBJECT

public:
    explicit DataSourcesView(QWidget* parent = nullptr);
    ~DataSourcesView() override;

    void setWorkspace(const QString& path);
    void refresh();

signals:
    void importRequested(const QString& file); // empty: choose one
    void connectorsRequested();
    void pullRequested();
    void loaded(int sources);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Row
    {
        SourceStore::Source source;
        qint64 events = 0;
        QJsonObject state;
    };

    QString m_path;
    QTableWidget* m_table;
    QFutureWatcher<Result<QList<Row>>> m_loading;
};

} // namespace tenure
