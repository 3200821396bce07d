#pragma once

#include "team/TeamLocation.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

namespace tenure {

// The team's scheduled pulls, run by its one engine (`tenure-cli serve`): each connector that is
// due (its interval_minutes since its last pull) pulls from the team's cursor into a staged copy,
// and the new events and the moved cursors reach the team in one transaction (TeamImport). The
// connectors' secrets come from this machine (TENURE_SECRET_<NAME>, or its keychain).
class TeamPuller
{
    Q_DECLARE_TR_FUNCTIONS(TeamPuller)

public:
    using Log = std::function<void(const QString& line)>;

    // Pulls every due connector; the number of events the team gained. Nothing due: 0, no change.
    static Result<qint64> pullDue(const TeamLocation& location, const QString& password, const QDateTime& now,
                                  const Log& log);
};

} // namespace tenure
