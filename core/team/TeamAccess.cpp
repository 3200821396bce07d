#include "team/TeamAccess.h"

#include "team/TeamDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

Result<bool> TeamAccess::ownAccountsOnly(TeamDatabase& db)
{
    Result<QVariant> value = db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                                       { QString::fromLatin1(kOwnAccountsOnly) });
    if (!value)
        return Error { value.error() };
    return value->toString() == QLatin1String("on");
}

Status TeamAccess::setOwnAccountsOnly(TeamDatabase& db, bool on)
{
    // The server decides who may: only admins write settings (TeamSchema's grants).
    Result<QSqlQuery> done = db.exec(
        QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        { QString::fromLatin1(kOwnAccountsOnly), on ? QStringLiteral("on") : QStringLiteral("off") });
    if (!done)
        return Error { tr("Cannot set own-accounts-only on %1 (only an admin may): %2")
                           .arg(db.location().display(), done.error()) };
    return {};
}

Result<bool> TeamAccess::seesEverything(TeamDatabase& db)
{
    // Table owners and superusers are not subject to row-level security at all.
    Result<QVariant> all = db.scalar(
        QStringLiteral("SELECT tenure_sees_all() OR pg_has_role(session_user, relowner, 'USAGE') "
                       "OR (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user) "
                       "FROM pg_class WHERE oid = 'public.accounts'::regclass"));
    if (!all)
        return Error { all.error() };
    return all->toBool();
}

Result<QString> TeamAccess::scope(TeamDatabase& db)
{
    Result<bool> everything = seesEverything(db);
    if (!everything)
        return Error { everything.error() };
    if (*everything)
        return QStringLiteral("all");
    // Each id with its length: no two sets of ids make the same text.
    Result<QVariant> digest = db.scalar(QStringLiteral(
        "SELECT md5(coalesce(string_agg(length(id) || ':' || id, ',' ORDER BY id), '')) FROM accounts"));
    if (!digest)
        return Error { digest.error() };
    return QStringLiteral("own:") + digest->toString();
}

Result<QString> TeamAccess::connectAdvice(TeamDatabase& db)
{
    // The statements as the server quotes the names (format's %I), for the database's owner to
    // paste: the workspace's owner keeps its way in too when it does not own the database.
    Result<QSqlQuery> open = db.exec(QStringLiteral(
        "SELECT has_database_privilege('public', current_database(), 'CONNECT'), "
        "(SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()), "
        "format('REVOKE CONNECT, TEMPORARY ON DATABASE %1$I FROM PUBLIC; GRANT CONNECT, TEMPORARY ON "
        "DATABASE %1$I TO tenure_admin, tenure_csm, tenure_ingest, %2$I;', current_database(), "
        "(SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.tenure_meta'::regclass))"));
    if (!open)
        return Error { open.error() };
    if (!open->next())
        return Error { open->lastError().text() };
    if (!open->value(0).toBool())
        return QString();
    return tr("Every login of the server may connect to the team workspace %1, where only its members "
              "should: ask %2, who owns the database, to run: %3")
        .arg(db.location().display(), open->value(1).toString(), open->value(2).toString());
}

} // namespace tenure
