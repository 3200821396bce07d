#include "TestSupport.h"

#include <QDateTime>
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

qint64 utcMs(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace tenure::test
