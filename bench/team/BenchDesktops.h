#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace tenure::test {
class PgCluster;
}

namespace tenure::bench {

// Simulated CSM desktops on a team workspace, at work while `during` runs (the engine's rebuild
// and publication): each searches the customer list and now and then updates an action on the
// server, at a person's pace (a search every half second on average, far more than a CSM types),
// the first after a pause of 0.25-0.75 s. The searches begun while `during` runs (and, OnCopy,
// until the copy holds what it published) are the ones timed, once every desktop has searched each
// needle once (those first searches, which fill a new connection's cache, are timed apart).
//
// Where the list's search runs is the difference measured:
// - Search::OnCopy, as a desktop works: the list reads this machine's copy of the workspace
//   (the list each desktop holds in memory, CustomerList, of the copy TeamDeskSync keeps current
//   from the engine's publications, on a read-only connection each desktop keeps, as the
//   Customers view's reader keeps one, and read again beside its searches when the copy changed). Every
//   desktop of the bench reads one copy (a copy per desktop would copy the whole log twenty times);
//   the sync writes to it while they read, as each desktop's own sync does to its own.
// - Search::OnServer: the same searches as one SQL query on the server itself, as a client
//   without a copy would run them.
struct Desktops
{
    enum class Search { OnCopy, OnServer };

    struct Figures
    {
        std::vector<double> listMs; // each list query timed, in milliseconds
        std::vector<double> firstMs; // each desktop's first searches, one of each needle
        bool warmedUp = true; // false: some desktop was still at its first searches after 60 s
        int errors = 0;
        int halfSwapped = 0; // reads that saw a read side with some accounts missing
        int updates = 0; // action updates written on the server
        // OnCopy: timed searches answered from a desktop's list as it was before the copy took a
        // publication, while the new one was read beside (CustomerList)
        int outdated = 0;
        double followSeconds = -1; // OnCopy: from the end of `during` until the copy held its publication
        // OnCopy: from then until every desktop had answered from its list as the copy now is
        // (the searches of that time are timed too); -1 if some had not after 20 s
        double settleSeconds = -1;
    };

    Search search = Search::OnCopy;
    int clients = 20;
    int accounts = 0; // the portfolio's: a read side with fewer statuses is half-swapped
    QString database; // on the cluster
    QString login, password; // a CSM member of the team
    QString copyPath; // OnCopy: this machine's copy of the team workspace (made first when missing)

    // Starts the desktops (OnCopy: the copy first, then its sync), runs `during`, and stops them
    // once the copy followed what `during` published.
    Figures run(const test::PgCluster& cluster, const std::function<void()>& during) const;
};

} // namespace tenure::bench
