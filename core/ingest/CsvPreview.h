#pragma once

#include "ingest/ColumnTypes.h"
#include "ingest/CsvReader.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QList>

namespace tenure {

// The first records of a CSV file as the importer would read them with the given encoding and
// delimiter (detected when not given): what the import dialog shows before anything is imported.
struct CsvPreview
{
    Q_DECLARE_TR_FUNCTIONS(CsvPreview)

public:
    QByteArray encoding;
    QChar delimiter;
    QStringList header;
    QList<CsvRecord> rows;
    bool more = false; // the file goes on after these rows
    // What stops the reading (bytes that are not text in the encoding, a quote never closed),
    // with its line and column: where the rows stop
    // short of maxRows (the rows above are shown), or, with problemFurtherDown, after the rows
    // shown, as far as the reader has decoded ahead (the first chunks of the file, not all of
    // it: the import reads the rest). Empty when nothing was met.
    QString problem;
    bool problemFurtherDown = false; // the rows shown are whole; the problem comes after them

    // An error only when not even the header can be read.
    static Result<CsvPreview> read(const QString& path, const CsvReader::Options& options = {},
                                   int maxRows = 20);
    // The type each of `columns` (every column when empty) would be imported as when it travels
    // along as a property or attribute, inferred from all its cells (a mapping's "types"
    // overrides it). Reads the whole file: call it off the GUI thread.
    static Result<QHash<QString, ColumnType>>
    columnTypes(const QString& path, const CsvReader::Options& options = {}, const QStringList& columns = {});
};

} // namespace tenure
