#include "team/TeamMembers.h"

#include <QVariant>

#include <libpq-fe.h>

namespace tenure {

TeamMembers::TeamMembers(TeamDatabase& db)
    : m_db(db)
{
}

bool TeamMembers::isRole(const QString& role)
{
    return role == QLatin1String("admin") || role == QLatin1String("csm") || role == QLatin1String("ingest");
}

Status TeamMembers::add(const QString& login, const QString& displayName, const QString& role,
                        const QString& password)
{
    if (!isRole(role))
        return Error { tr("\"%1\" is not a role: admin, csm or ingest.").arg(role) };
    if (login.trimmed().isEmpty())
        return Error { tr("A member needs a login.") };
    if (displayName.trimmed().isEmpty())
        return Error {
            tr("Member %1 needs a display name (--name), the name accounts use as their owner.").arg(login)
        };
    // Each member's name is theirs alone (accounts name their owner by it; the server checks it too).
    Result<QVariant> namesake
        = m_db.scalar(QStringLiteral("SELECT login FROM team_members WHERE display_name = ? AND login <> ?"),
                      { displayName.trimmed(), login });
    if (!namesake)
        return Error { tr("Cannot add member %1: %2").arg(login, namesake.error()) };
    if (namesake->isValid())
        return Error {
            tr("Member %1 has the display name \"%2\" already; accounts name their owner by it, so "
               "each member needs a name of their own.")
                .arg(namesake->toString(), displayName.trimmed())
        };
    QVariant verifier(QMetaType(QMetaType::QString));
    if (!password.isEmpty()) {
        char* encrypted = PQencryptPasswordConn(m_db.handle(), password.toUtf8().constData(),
                                                login.toUtf8().constData(), "scram-sha-256");
        if (!encrypted)
            return Error { tr("Cannot prepare the password of %1: %2")
                               .arg(login, QString::fromUtf8(PQerrorMessage(m_db.handle())).trimmed()) };
        verifier = QString::fromLatin1(encrypted);
        PQfreemem(encrypted);
    }
    Result<QSqlQuery> done = m_db.exec(QStringLiteral("SELECT tenure_add_member(?, ?, ?, ?)"),
                                       { login, displayName.trimmed(), role, verifier });
    if (!done)
        return Error { tr("Cannot add member %1: %2").arg(login, done.error()) };
    return {};
}

Status TeamMembers::remove(const QString& login)
{
    Result<QVariant> removed = m_db.scalar(QStringLiteral("SELECT tenure_remove_member(?)"), { login });
    if (!removed)
        return Error { tr("Cannot remove member %1: %2").arg(login, removed.error()) };
    if (!removed->toBool())
        return Error { tr("%1 is not a member of this team workspace.").arg(login) };
    return {};
}

Result<QList<TeamDatabase::Member>> TeamMembers::list() const
{
    Result<QSqlQuery> query = m_db.exec(
        QStringLiteral("SELECT login, display_name, role FROM team_members ORDER BY display_name, login"));
    if (!query)
        return Error { query.error() };
    QList<TeamDatabase::Member> members;
    while (query->next())
        members.append(
            { query->value(0).toString(), query->value(1).toString(), query->value(2).toString() });
    return members;
}

} // namespace tenure
