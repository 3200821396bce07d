#pragma once

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

    static Result<CsvPreview> read(const QString& path, const CsvReader::Options& options = {},
                                   int maxRows = 20);
};

} // namespace tenure
