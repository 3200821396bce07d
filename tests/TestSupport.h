#pragma once

#include "domain/Outcome.h"
#include "store/Database.h"

#include <QDate>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <memory>
#include <utility>

namespace tenure::test {

// A fresh workspace file in a temporary folder that disappears with the object.
class TempWorkspace
{
public:
    TempWorkspace();
    QString path() const { return m_dir.filePath(QStringLiteral("test.tenure")); }
    QString dir() const { return m_dir.path(); }
    const QTemporaryDir& dirObject() const { return m_dir; }
    std::unique_ptr<Database> open(Database::Mode mode = Database::Mode::ReadWrite) const;
    // The first account with an outcome of `kind`, or empty if none has one (said why on a failed
    // read).
    QString accountWithOutcome(Outcome::Kind kind) const;

private:
    QTemporaryDir m_dir;
};

// Where GUI tests save their screenshots for people to look at: <temp>/tenure-screenshots.
QString screenshotDir();

// Copies a file a test produced (a PDF, a CSV) into screenshotDir() for people to look at.
void copyForPeople(const QString& path);

// Writes `bytes` to `name` in `dir` and returns the path (a small CSV made inside a test).
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes);

// The environment for a program a test starts (tenure-cli, tenure): this one's, in English
// (LC_ALL=C.UTF-8, no LANGUAGE) and with the tests' own settings folder (XDG_CONFIG_HOME in the
// build tree), so that neither this machine's language nor its user's settings change what the
// program says, whether ctest runs the test or a person does.
QProcessEnvironment programEnvironment();

// Runs `statements` on the SQLite file at `path` through a plain connection of its own, as another
// program or an earlier Tenure writes it (no migrations, no triggers of today's schema). Returns
// the first failing statement and its error, or an empty string when all ran.
QString writeOutsideTenure(const QString& path, const QStringList& statements);

// The statements that make a workspace as schema `version` had it, ending with its user_version.
QStringList schemaUpTo(int version);

// A time zone whose calendar is on another day than this machine's now, and that day: of
// Pacific/Kiritimati and Pacific/Pago_Pago, 25 hours apart, one always is. For tests of "today"
// counted in the workspace's zone rather than the machine's.
std::pair<QByteArray, QDate> zoneOnAnotherDay();

// Milliseconds since the epoch of a UTC date and time, for readable fixtures.
qint64 utcMs(int year, int month, int day, int hour = 12, int minute = 0);

} // namespace tenure::test
