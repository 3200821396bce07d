#include "ingest/CsvPreview.h"

#include <QFile>
#include <QFileInfo>

namespace tenure {

Result<CsvPreview> CsvPreview::read(const QString& path, const CsvReader::Options& options, int maxRows)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("%1: cannot open the file: %2").arg(path, file.errorString()) };
    CsvReader reader(&file, QFileInfo(path).fileName(), options);
    if (Status started = reader.start(); !started)
        return Error { started.error() };
    CsvPreview preview;
    preview.encoding = reader.encoding();
    preview.delimiter = reader.delimiter();
    preview.header = reader.header();
    CsvRecord record;
    while (preview.rows.size() < maxRows && reader.next(record))
        preview.rows.append(record);
    if (!reader.error().isEmpty()) {
        preview.problem = reader.error();
        return preview;
    }
    preview.more = preview.rows.size() == maxRows && reader.next(record);
    if (!reader.error().isEmpty()) {
        preview.problem = reader.error(); // the row after the last shown
        preview.problemFurtherDown = true;
    } else if (!reader.pendingError().isEmpty()) {
        preview.problem = reader.pendingError(); // in the text decoded ahead, further down
        preview.problemFurtherDown = true;
    }
    return preview;
}

Result<QHash<QString, ColumnType>>
CsvPreview::columnTypes(const QString& path, const CsvReader::Options& options, const QStringList& columns)
{
    return ColumnTypes::inferFile(path, options, columns);
}

} // namespace tenure
