#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

struct sqlite3;

namespace tenure {

// A workspace may come from a colleague or a download, and SQLite runs what a file's schema
// says: a trigger fires on a write, a view's expression runs on a read, a CHECK or DEFAULT runs
// on an insert. Before anything of that kind can run, the file's schema is compared with the one
// Tenure's migrations create for the file's version (built once in memory from Schema), object by
// object: type, name, table and normalised SQL. An object Tenure does not create, or one whose
// definition differs, refuses the file with a message naming it.
//
// Leniency is limited to what cannot run: in an older file, tables and their indexes that a later
// migration drops unread (the engine's summaries) need only have a known name; the engine's
// shadow tables ("_next"), left by a rebuild that was killed, are accepted with their own SQL.
// Objects that are missing are not an attack and are left to the code that uses them.
class SchemaCheck
{
    Q_DECLARE_TR_FUNCTIONS(SchemaCheck)

public:
    // `version` is the file's user_version, at most Schema::currentVersion().
    static Status verify(sqlite3* db, int version);

    // Whether this SQLite runs Tenure's own schema with trusted_schema off. Before 3.41 the JSON
    // functions (json_valid in CHECKs, json_each in the status_history view) were not marked
    // innocuous, and refused there: with such an SQLite, verify() alone keeps foreign code out.
    static bool untrustedSchemaWorks();

    // The SQL's tokens with comments, spacing, identifier quoting and keyword case taken out:
    // ALTER TABLE RENAME writes a table's name back quoted, which is no change of definition.
    static QString normalisedSql(const QString& sql);
};

} // namespace tenure
