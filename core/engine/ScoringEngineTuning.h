#pragma once

#include "engine/ScoringEngine.h"

namespace tenure {

// How the engine goes about its work: sizes, retries, caches. None of it changes a result; tests
// set small values to run every path on little data, benchmarks to measure one.
struct ScoringEngine::Tuning
{
    int batchSize = 20000; // events per transaction of an incremental pass
    int accountsPerTransaction = 1000; // accounts per chunk of a scoring pass
    qint64 historyDaysPerTransaction = 100000; // fewer accounts when each has a long history
    int maxAttempts = 3; // a failing batch is retried with exponential backoff, then reported
    int backoffMs = 200;
    // SQLite page cache for the engine's connection: the aggregates are B-trees of millions of
    // rows, and a rebuild that thrashes SQLite's default 2 MB cache is many times slower.
    int cacheMiB = 64;
    // Pages of write-ahead log between checkpoints, which run on a thread of their own
    // (WalCheckpointer).
    int checkpointPages = 16384;
    // A rebuild gathers the log in memory this many events' worth of accounts at a time, which
    // bounds its memory (24 bytes an event, for the partition scored and the next one gathered
    // meanwhile) whatever the size of the log.
    qint64 eventsPerFoldPartition = 700000;
    // A rebuild scans a log of at least this many events on two threads, each with a read-only
    // connection of its own (a smaller one, on its own thread).
    qint64 eventsScannedInParallel = 100000;
};

} // namespace tenure
