#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace tenure {

class Database;

// Settings that belong to the workspace, not to one user's machine: they travel with the file.
class WorkspaceSettings
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceSettings)

public:
    explicit WorkspaceSettings(Database& db);

    // The zone whose calendar days rule windows such as "in the last 30 days". Defaults to the
    // machine's zone until set; stored as an IANA id (e.g. Asia/Tokyo).
    QTimeZone timeZone() const;
    Status setTimeZone(const QByteArray& ianaId);

    QString value(const QString& key, const QString& fallback = {}) const;
    Status setValue(const QString& key, const QString& value);

private:
    Database& m_db;
};

} // namespace tenure
