#include "rules/RuleStore.h"

#include "rules/RuleSetJson.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

RuleStore::RuleStore(Database& db)
    : m_db(db)
{
}

Result<RuleStore::Active> RuleStore::active()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(
            QStringLiteral("SELECT version, definition FROM rule_sets ORDER BY version DESC LIMIT 1")))
        return Error { query.lastError().text() };
    if (!query.next()) {
        // In the language of the default locale: a workspace created in Japanese starts with
        // Japanese stage, band and criterion names.
        RuleSet defaults = RuleSetJson::defaults();
        if (m_db.isReadOnly())
            return Active { 0, std::move(defaults) };
        const Result<int> saved = save(defaults, QStringLiteral("Tenure"));
        if (!saved)
            return Error { saved.error() };
        return Active { saved.value(), std::move(defaults) };
    }
    const int version = query.value(0).toInt();
    Result<RuleSet> rules = RuleSetJson::parse(query.value(1).toByteArray());
    if (!rules)
        return Error {
            tr("Rule set version %1 in the workspace is invalid: %2").arg(version).arg(rules.error())
        };
    return Active { version, std::move(rules).value() };
}

Result<int> RuleStore::save(const RuleSet& rules, const QString& author)
{
    // Round-trip through the validator: what is stored is always loadable.
    const QByteArray definition = RuleSetJson::serialize(rules);
    if (Result<RuleSet> valid = RuleSetJson::parse(definition); !valid)
        return Error { tr("The rule set is not valid: %1").arg(valid.error()) };
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral("INSERT INTO rule_sets (name, definition, created_at, author) VALUES (?, "
                                  "?, ?, ?) RETURNING version"));
    insert.addBindValue(rules.name);
    insert.addBindValue(QString::fromUtf8(definition));
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    insert.addBindValue(author);
    if (!insert.exec() || !insert.next())
        return Error { tr("Cannot save the rule set: %1").arg(insert.lastError().text()) };
    return insert.value(0).toInt();
}

Result<int> RuleStore::saveTo(const QString& path, const RuleSet& rules, const QString& author)
{
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db)
        return Error { db.error() };
    return RuleStore(**db).save(rules, author);
}

Result<RuleSet> RuleStore::load(int version) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT definition FROM rule_sets WHERE version = ?"));
    query.addBindValue(version);
    if (!query.exec() || !query.next())
        return Error { tr("There is no rule set version %1.").arg(version) };
    return RuleSetJson::parse(query.value(0).toByteArray());
}

Result<QList<RuleStore::Version>> RuleStore::versions() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(
            QStringLiteral("SELECT version, name, created_at, author FROM rule_sets ORDER BY version")))
        return Error { query.lastError().text() };
    QList<Version> versions;
    while (query.next())
        versions.append({ query.value(0).toInt(), query.value(1).toString(),
                          QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC),
                          query.value(3).toString() });
    return versions;
}

} // namespace tenure
