#include "TestSupport.h"

#include "store/Schema.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

namespace tenure::test {

TempWorkspace::TempWorkspace()
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary folder");
}

std::unique_ptr<Database> TempWorkspace::open(Database::Mode mode) const
{
    Result<std::unique_ptr<Database>> db = Database::open(path(), mode);
    if (!db)
        qFatal("cannot open the test workspace: %s", qPrintable(db.error()));
    return std::move(db).value();
}

QString TempWorkspace::accountWithOutcome(Outcome::Kind kind) const
{
    const std::unique_ptr<Database> db = open(Database::Mode::ReadOnly);
    QSqlQuery query(db->connection());
    query.prepare(
        QStringLiteral("SELECT account_id FROM outcomes WHERE kind = ? ORDER BY account_id LIMIT 1"));
    query.addBindValue(Outcome::kindName(kind));
    if (!query.exec()) {
        qWarning("accountWithOutcome: %s", qPrintable(query.lastError().text()));
        return {};
    }
    return query.next() ? query.value(0).toString() : QString();
}

QString writeOutsideTenure(const QString& path, const QStringList& statements)
{
    static int connections = 0;
    const QString name = QStringLiteral("outside-tenure-%1").arg(++connections);
    QString failure;
    {
        QSqlDatabase outside = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        outside.setDatabaseName(path);
        if (!outside.open()) {
            failure = outside.lastError().text();
        } else {
            QSqlQuery sql(outside);
            for (const QString& statement : statements) {
                if (!sql.exec(statement)) {
                    failure = statement + QStringLiteral(": ") + sql.lastError().text();
                    break;
                }
            }
            sql.finish();
            outside.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return failure;
}

QStringList schemaUpTo(int version)
{
    QStringList statements;
    for (const Migration& migration : Schema::migrations()) {
        if (migration.version <= version)
            statements << migration.statements;
    }
    statements << QStringLiteral("PRAGMA user_version = %1").arg(version);
    return statements;
}

QString screenshotDir()
{
    const QString dir = QDir::temp().filePath(QStringLiteral("tenure-screenshots"));
    QDir().mkpath(dir);
    return dir;
}

QProcessEnvironment programEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral(TENURE_TEST_CONFIG));
    return environment;
}

void copyForPeople(const QString& path)
{
    const QString target = screenshotDir() + u'/' + QFileInfo(path).fileName();
    QFile::remove(target);
    QFile::copy(path, target);
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

qint64 utcMs(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

std::pair<QByteArray, QDate> zoneOnAnotherDay()
{
    for (const char* zone : { "Pacific/Kiritimati", "Pacific/Pago_Pago" })
        if (const QDate day = WorkspaceSettings::todayIn(QTimeZone(zone)); day != QDate::currentDate())
            return { QByteArray(zone), day };
    return {}; // not reached: the two zones are never on one day
}

} // namespace tenure::test
