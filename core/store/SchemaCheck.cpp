#include "store/SchemaCheck.h"

#include "store/Schema.h"
#include "store/SqliteStatement.h"
#include "store/SummarySchema.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace tenure {

namespace {

struct SchemaObject
{
    QString type;
    QString name;
    QString table;
    QString sql; // as sqlite_schema holds it; null for the indexes SQLite makes itself
    QString normalised;
};

// SQLite folds the case of ASCII letters only, in keywords and identifiers alike.
QString asciiLower(QString text)
{
    for (QChar& c : text) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return text;
}

// Objects by type and case-folded name, as SQLite tells them apart.
using ObjectMap = QHash<QString, SchemaObject>;

QString keyOf(const QString& type, const QString& name)
{
    return type + QLatin1Char('/') + asciiLower(name);
}

using Connection = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Result<Connection> openMemory()
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Connection connection(raw, &sqlite3_close);
    if (rc != SQLITE_OK)
        return Error { QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)) };
    return connection;
}

Status exec(sqlite3* db, const QString& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return Error { text };
}

Result<QList<SchemaObject>> readObjects(sqlite3* db)
{
    Result<SqliteStatement> statement = SqliteStatement::prepare(
        db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY rowid");
    if (!statement)
        return Error { statement.error() };
    QList<SchemaObject> objects;
    int rc;
    while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
        SchemaObject object {
            statement->text(0), statement->text(1), statement->text(2), statement->text(3), {}
        };
        object.normalised = SchemaCheck::normalisedSql(object.sql);
        objects.append(object);
    }
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(db)) };
    return objects;
}

Result<ObjectMap> snapshot(sqlite3* db)
{
    Result<QList<SchemaObject>> objects = readObjects(db);
    if (!objects)
        return Error { objects.error() };
    ObjectMap map;
    for (const SchemaObject& object : *objects)
        map.insert(keyOf(object.type, object.name), object);
    return map;
}

// What each schema version looks like, made by running the migrations on an empty database in
// memory: the same statements, through the same SQLite, store the same text as in a workspace.
struct Reference
{
    QList<ObjectMap> versions; // by user_version; 0 is the empty file
    ObjectMap shadows; // the engine's rebuild tables, beside the current version's
    QString error;
};

Reference buildReference()
{
    Reference reference;
    Result<Connection> memory = openMemory();
    if (!memory) {
        reference.error = memory.error();
        return reference;
    }
    sqlite3* db = memory->get();
    reference.versions.append(ObjectMap {});
    for (const Migration& migration : Schema::migrations()) {
        for (const QString& statement : migration.statements) {
            if (Status done = exec(db, statement); !done) {
                reference.error = QStringLiteral("schema %1: %2").arg(migration.version).arg(done.error());
                return reference;
            }
        }
        Result<ObjectMap> objects = snapshot(db);
        if (!objects) {
            reference.error = objects.error();
            return reference;
        }
        reference.versions.resize(migration.version + 1);
        reference.versions[migration.version] = std::move(objects).value();
    }
    for (const QString& statement :
         SummarySchema::createStatements(QString::fromLatin1(SummarySchema::kShadowSuffix))) {
        if (Status done = exec(db, statement); !done) {
            reference.error = done.error();
            return reference;
        }
    }
    Result<ObjectMap> withShadows = snapshot(db);
    if (!withShadows) {
        reference.error = withShadows.error();
        return reference;
    }
    for (auto it = withShadows->cbegin(); it != withShadows->cend(); ++it) {
        if (!reference.versions.constLast().contains(it.key()))
            reference.shadows.insert(it.key(), it.value());
    }
    return reference;
}

const Reference& reference()
{
    static const Reference built = buildReference();
    return built;
}

bool probeUntrustedSchema()
{
    Result<Connection> memory = openMemory();
    if (!memory || sqlite3_db_config(memory->get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr) != SQLITE_OK)
        return false;
    QStringList statements;
    for (const Migration& migration : Schema::migrations())
        statements += migration.statements;
    statements << QStringLiteral("INSERT INTO sources (name, kind, created_at) VALUES ('s', 'csv', 0)")
               << QStringLiteral("INSERT INTO events (source, external_id, account_id, name, occurred_at, "
                                 "received_at) VALUES ('s', 'e', 'a', 'n', 0, 0)")
               << QStringLiteral("INSERT INTO history_months (account_id, month, legend, days) "
                                 "VALUES ('a', '2026-01', '[[\"s\",\"b\"]]', '[[0,1]]')")
               << QStringLiteral("SELECT * FROM status_history");
    for (const QString& statement : statements) {
        if (!exec(memory->get(), statement))
            return false;
    }
    return true;
}

// Tables and indexes a migration after `version` drops before anything reads them.
QSet<QString> droppedAfter(int version)
{
    static const QRegularExpression drop(
        QStringLiteral(R"(^\s*DROP\s+(?:TABLE|INDEX)\s+IF\s+EXISTS\s+(\w+)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    QSet<QString> names;
    for (const Migration& migration : Schema::migrations()) {
        if (migration.version <= version)
            continue;
        for (const QString& statement : migration.statements) {
            if (const QRegularExpressionMatch match = drop.match(statement); match.hasMatch())
                names.insert(asciiLower(match.captured(1)));
        }
    }
    return names;
}

Result<QStringList> columnsOf(sqlite3* db, const QString& table)
{
    Result<SqliteStatement> statement
        = SqliteStatement::prepare(db, "SELECT name FROM pragma_table_xinfo(?1)");
    if (!statement)
        return Error { statement.error() };
    statement->bind(1, table);
    QStringList columns;
    while (sqlite3_step(statement->get()) == SQLITE_ROW)
        columns << asciiLower(statement->text(0));
    return columns;
}

bool isVirtual(const SchemaObject& object)
{
    return object.normalised.startsWith(QLatin1String("create virtual "));
}

QString kindName(const QString& type)
{
    if (type == QLatin1String("table"))
        return SchemaCheck::tr("table");
    if (type == QLatin1String("index"))
        return SchemaCheck::tr("index");
    if (type == QLatin1String("view"))
        return SchemaCheck::tr("view");
    if (type == QLatin1String("trigger"))
        return SchemaCheck::tr("trigger");
    return type;
}

// For a table, which column makes the difference: the expected table is made in memory from
// its definition, and both are compared by pragma_table_xinfo.
QString columnDifference(sqlite3* db, const SchemaObject& found, const SchemaObject& expected)
{
    if (found.type != QLatin1String("table") || isVirtual(found))
        return {};
    Result<Connection> memory = openMemory();
    if (!memory || !exec(memory->get(), expected.sql))
        return {};
    const Result<QStringList> have = columnsOf(db, found.name);
    const Result<QStringList> want = columnsOf(memory->get(), expected.name);
    if (!have || !want)
        return {};
    for (const QString& column : *have) {
        if (!want->contains(column))
            return SchemaCheck::tr(" (unexpected column \"%1\")").arg(column);
    }
    for (const QString& column : *want) {
        if (!have->contains(column))
            return SchemaCheck::tr(" (missing column \"%1\")").arg(column);
    }
    return {};
}

} // namespace

Status SchemaCheck::verify(sqlite3* db, int version)
{
    const Reference& expected = reference();
    if (!expected.error.isEmpty())
        return Error { tr("its schema cannot be checked (%1).").arg(expected.error) };
    if (version < 0 || version >= expected.versions.size())
        return Error { tr("its schema version %1 is unknown to this version of Tenure.").arg(version) };
    const Result<QList<SchemaObject>> objects = readObjects(db);
    if (!objects)
        return Error { tr("it is not a readable SQLite database (%1).").arg(objects.error()) };

    const bool current = version == expected.versions.size() - 1;
    const QSet<QString> dropped = current ? QSet<QString> {} : droppedAfter(version);
    const ObjectMap& ofVersion = expected.versions.at(version);
    for (const SchemaObject& object : *objects) {
        // A virtual table is not a plain one: its module runs when it is dropped.
        const bool dropsWithTable = (object.type == QLatin1String("table") && !isVirtual(object))
            || object.type == QLatin1String("index");
        if (dropsWithTable
            && (dropped.contains(asciiLower(object.name)) || dropped.contains(asciiLower(object.table))))
            continue;
        const QString key = keyOf(object.type, object.name);
        const SchemaObject* wanted = nullptr;
        if (const auto shadow = expected.shadows.constFind(key); shadow != expected.shadows.cend()) {
            if (!current)
                continue; // the engine drops a shadow before it makes one: it is never read
            wanted = &shadow.value();
        } else if (const auto known = ofVersion.constFind(key); known != ofVersion.cend()) {
            wanted = &known.value();
        }
        if (!wanted)
            return Error {
                tr("it contains the %1 \"%2\", which Tenure does not create. The file may have been "
                   "altered outside Tenure; nothing in it was run.")
                    .arg(kindName(object.type), object.name)
            };
        if (asciiLower(wanted->table) != asciiLower(object.table) || wanted->normalised != object.normalised)
            return Error { tr("its %1 \"%2\" is not the one Tenure creates%3. The file may have been altered "
                              "outside Tenure; nothing in it was run.")
                               .arg(kindName(object.type), object.name,
                                    columnDifference(db, object, *wanted)) };
    }
    return {};
}

bool SchemaCheck::untrustedSchemaWorks()
{
    static const bool works = probeUntrustedSchema();
    return works;
}

QString SchemaCheck::normalisedSql(const QString& sql)
{
    QStringList tokens;
    const qsizetype n = sql.size();
    auto isWordChar = [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') || c.unicode() > 0x7f;
    };
    // The text up to the closing quote, a doubled quote standing for itself.
    auto quoted = [&sql, n](qsizetype& i, QChar close) {
        QString text;
        for (++i; i < n; ++i) {
            if (sql.at(i) == close) {
                if (i + 1 < n && sql.at(i + 1) == close && close != QLatin1Char(']')) {
                    text += close;
                    ++i;
                    continue;
                }
                ++i;
                break;
            }
            text += sql.at(i);
        }
        return text;
    };
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c == QLatin1Char('\'')) {
            // A string literal stays as written, case and spacing included.
            QString text = quoted(i, c);
            tokens << QLatin1Char('\'') + text.replace(QLatin1Char('\''), QLatin1String("''"))
                    + QLatin1Char('\'');
        } else if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            // A quoted name reads as the bare one; quotes stay only where they hold more than a
            // word, so that no quoted text reads as the tokens it spells.
            const QString name = asciiLower(quoted(i, c == QLatin1Char('[') ? QLatin1Char(']') : c));
            const bool word = !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), isWordChar);
            tokens << (word
                           ? name
                           : QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\""))
                               + QLatin1Char('"'));
        } else if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < n && isWordChar(sql.at(i)))
                ++i;
            tokens << asciiLower(sql.mid(start, i - start));
        } else {
            tokens << QString(c);
            ++i;
        }
    }
    return tokens.join(QLatin1Char(' '));
}

} // namespace tenure
