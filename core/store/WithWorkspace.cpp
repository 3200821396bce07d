#include "store/WithWorkspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QThread>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace tenure {

namespace {

constexpr int kCacheKiB
    = 16384; // the connection's page cache: a search's tables and indexes at 100k accounts

// The file `path` names now: its device and inode. Empty where that cannot be told, which makes
// every run open the workspace again (as withWorkspace() does).
QByteArray fileIdentity(const QString& path)
{
#ifdef Q_OS_UNIX
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    return QByteArray::number(quint64(info.st_dev)) + ':' + QByteArray::number(quint64(info.st_ino));
#else
    Q_UNUSED(path);
    return {};
#endif
}

} // namespace

Result<Database*> KeptReadConnection::connection(const QString& path)
{
    if (m_db && m_thread != QThread::currentThread())
        return Error { tr("A kept workspace connection was used from a thread that did not open it.") };
    const QByteArray file = fileIdentity(path);
    if (m_db && (path != m_path || file.isEmpty() || file != m_file))
        close();
    if (!m_db) {
        Result<std::unique_ptr<Database>> opened = Database::open(path, Database::Mode::ReadOnly);
        if (!opened)
            return Error { opened.error() };
        m_db = std::move(opened).value();
        QSqlQuery cache(m_db->connection());
        (void)cache.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
        m_path = path;
        m_file = file;
        m_thread = QThread::currentThread();
        ++m_opens;
    }
    return m_db.get();
}

void KeptReadConnection::close()
{
    m_db.reset();
    m_path.clear();
    m_file.clear();
    m_thread = nullptr;
}

} // namespace tenure
