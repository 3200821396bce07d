#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace tenure {

class Database;

// Settings that belong to the workspace, not to one user's machine: they travel with the file.
class WorkspaceSettings
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceSettings)

public:
    explicit WorkspaceSettings(Database& db);

    // The zone whose calendar days rule windows such as "in the last 30 days": the zone of the
    // machine that created the workspace unless set; stored as an IANA id (e.g. Asia/Tokyo).
    QTimeZone timeZone() const;
    // The calendar day `instant` falls on in that zone; today() is the current one. Every "today"
    // of the workspace (reports, lists, the engine's "as of") is this day, not the machine's.
    QDate dateAt(const QDateTime& instant) const;
    QDate today() const { return dateAt(QDateTime::currentDateTimeUtc()); }
    // Today in `zone` (a team's, read from its server): the same day as today() for its workspace.
    static QDate todayIn(const QTimeZone& zone)
    {
        return QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    }
    Status setTimeZone(const QByteArray& ianaId);
    // Whether `ianaId` names a zone this machine knows, with the words to say why not.
    static Status checkTimeZone(const QByteArray& ianaId);
    // Stores this machine's zone when the workspace has none yet, so that its days stay the same
    // wherever the file is opened later. Database::open calls it for every read-write workspace.
    Status pinTimeZone();

    // What a team copy keeps beside the data it copies (TeamReplica, in the same transaction): the
    // number and the random stamp of the engine's publication it holds, and the fingerprint of
    // the team's master data it holds.
    inline static const QString kTeamPublication = QStringLiteral("team_publication");
    inline static const QString kTeamPublicationStamp = QStringLiteral("team_publication_stamp");
    inline static const QString kTeamMasterFingerprint = QStringLiteral("team_master_fingerprint");
    // A mark made anew each time a copy's statuses change (TeamReplica): a publication that
    // writes no account's rows (a rebuild with the same results) leaves it as it was, so that a
    // customer list (CustomerList) is not read again for nothing.
    inline static const QString kTeamStatusesChanged = QStringLiteral("team_statuses_changed");

    QString value(const QString& key, const QString& fallback = {}) const;
    Status setValue(const QString& key, const QString& value);

private:
    Database& m_db;
};

} // namespace tenure
