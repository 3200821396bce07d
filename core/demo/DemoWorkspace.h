#pragma once

#include "demo/DemoGenerator.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>

namespace tenure {

class Database;

// Fills a workspace with the demo portfolio in one transaction: a cancelled or killed run
// leaves the workspace as it was. Refuses a workspace that already holds other data.
class DemoWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(DemoWorkspace)

public:
    struct Summary
    {
        qsizetype accounts = 0;
        qsizetype events = 0; // newly appended (0 when the demo was already there)
        qsizetype outcomes = 0;
    };
    // (accounts done, accounts in all); called on the thread that runs populate().
    using Progress = std::function<void(int done, int total)>;

    static Result<Summary> populate(Database& db, const DemoGenerator::Options& options,
                                    const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);
};

} // namespace tenure
