#pragma once

#include "ingest/ImportMapping.h"
#include "ingest/RowConverter.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <atomic>
#include <functional>
#include <optional>

namespace tenure {

class Database;

// Imports one CSV file of accounts, events, outcomes or keys, as one transaction: everything
// lands or nothing does. Rows that cannot be read are reported with file, line, column and what
// was expected; the caller chooses to skip them or to abort the import. The file is streamed:
// a million rows never sit in memory at once.
class CsvImporter
{
    Q_DECLARE_TR_FUNCTIONS(CsvImporter)

public:
    enum class OnError {
        Abort, // any bad row rolls the whole import back (the errors are still all reported)
        Skip, // bad rows are reported and left out, the rest is imported
    };

    struct Options
    {
        ImportMapping::Kind kind = ImportMapping::Kind::Events;
        QString source; // empty: named after the file ("usage-2026-11.csv" → "usage-2026-11")
        std::optional<ImportMapping> mapping; // empty: the source's saved preset, else detected
        QString encoding; // overrides the mapping's and detection
        QString keyNamespace; // for Kind::Keys (overrides the mapping's)
        OnError onError = OnError::Abort;
        bool dryRun = false; // read and check everything, write nothing
        int maxReportedErrors = 1000; // more are counted, not listed
    };

    struct Report
    {
        QString fileName;
        QString source;
        QByteArray encoding;
        QChar delimiter;
        ImportMapping mapping;
        qint64 rows = 0; // data rows read
        qint64 inserted = 0; // new events, accounts, outcomes or keys
        qint64 updated = 0; // accounts or keys that changed
        qint64 unchanged = 0; // already there as they are (re-import)
        qint64 rejected = 0; // bad rows
        qint64 leftOut = 0; // rows the mapping's "when" does not keep: counted, not errors
        // New accounts whose ARR named no currency (no currency column or constant, no sign on
        // the figure): stored as USD, and said so, since an export in yen without a sign would
        // otherwise turn ¥480,000 into $480,000 silently.
        qint64 currencyAssumed = 0;
        qint64 firstCurrencyAssumedLine = 0;
        // What to tell the user about them ("" when there are none).
        QString currencyNotice() const;
        // The type each column that travels along was read as (inferred, or the mapping's).
        QHash<QString, ColumnType> columnTypes;
        QList<RowError> errors; // the first maxReportedErrors of them
        bool committed = false;
        bool cancelled = false;
    };

    // Progress is (bytes read, file size); `cancel` is polled between rows.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    CsvImporter(Database& db, QTimeZone zone);

    Result<Report> run(const QString& path, const Options& options, const Progress& progress = {},
                       const std::atomic_bool* cancel = nullptr);

    // The source name used when none is given: the file name without extension, lower case,
    // runs of other characters as '-'.
    static QString defaultSourceName(const QString& path);
    // The mapping `source`'s last import saved, if it was of `kind` (an import without a mapping
    // uses it, and the import dialog starts from it).
    static std::optional<ImportMapping> savedMapping(Database& db, const QString& source,
                                                     ImportMapping::Kind kind);

private:
    Database& m_db;
    QTimeZone m_zone;
};

} // namespace tenure
