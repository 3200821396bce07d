#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

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

QString screenshotDir()
{
    const QString dir = QDir::temp().filePath(QStringLiteral("tenure-screenshots"));
    QDir().mkpath(dir);
    return dir;
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

} // namespace tenure::test
