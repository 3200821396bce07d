#pragma once

#include "domain/Account.h"
#include "domain/Event.h"
#include "domain/Outcome.h"
#include "ingest/CsvReader.h"
#include "ingest/ImportMapping.h"
#include "ingest/RowConverter.h"
#include "store/AccountKeyStore.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace tenure {

// A slice of a CSV file, read and converted: the values of one import kind (with the line
// each came from) and the rows that could not be converted.
struct RowChunk
{
    QList<EncodedEvent> events;
    QList<Account> accounts;
    QList<Outcome> outcomes;
    QList<AccountKeyStore::Entry> keys;
    QList<qint64> lines; // the line of each value above, in order
    QList<RowError> errors;
    qint64 rows = 0;
    qint64 leftOut = 0; // rows the mapping's "when" does not keep (not errors)
    // New accounts with an ARR but no currency (no column, constant or sign): stored as USD.
    qint64 currencyAssumed = 0;
    qint64 firstCurrencyAssumedLine = 0;
    qint64 bytesRead = 0; // of the file, after this chunk
};

// Reads and converts a CSV file on a thread of its own, a chunk of rows at a time, while the
// importer's thread writes the previous chunk: parsing overlaps the database work. At most two
// chunks wait, so memory stays bounded whatever the file's size. The reader and the converter
// belong to the producer's thread from start() until it ends.
class RowProducer
{
public:
    RowProducer(CsvReader& reader, RowConverter& converter, ImportMapping::Kind kind, int chunkRows);
    ~RowProducer(); // stops the thread and waits for it

    void start();
    // The next chunk, in file order; false when the file is done (or the producer was stopped).
    bool next(RowChunk& chunk);
    // Stops reading; next() returns false once the waiting chunks are taken.
    void stop();

private:
    void run();

    CsvReader& m_reader;
    RowConverter& m_converter;
    ImportMapping::Kind m_kind;
    int m_chunkRows;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<RowChunk> m_ready;
    bool m_done = false;
    bool m_stopping = false;
    static constexpr size_t kMaxWaiting = 2;
};

} // namespace tenure
