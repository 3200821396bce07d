#include "team/TeamKeychain.h"

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <qt6keychain/keychain.h>

#include <optional>

namespace tenure::keychain {

namespace {

const QString kService = QStringLiteral("Tenure");

// The keychain's own thread, running an event loop; started at the first use, ended with the
// application (a job still waiting on the keychain then is not waited for long).
// The keychain's own thread, running an event loop; started at the first use and left running
// until the process ends. It is not stopped with the application: a worker still asking the
// keychain then (the views' pool finishes its tasks at exit) would wait for ever on a stopped
// thread.
QObject* keychainContext()
{
    static QObject* context = [] {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("tenure-keychain"));
        auto* object = new QObject;
        object->moveToThread(thread);
        thread->start();
        return object;
    }();
    return context;
}

template <typename Work> auto onKeychainThread(Work work)
{
    QObject* context = keychainContext();
    if (QThread::currentThread() == context->thread())
        return work();
    decltype(work()) result {};
    QMetaObject::invokeMethod(
        context, [&result, &work] { result = work(); }, Qt::BlockingQueuedConnection);
    return result;
}

QMutex& memoLock()
{
    static QMutex lock;
    return lock;
}

QHash<QString, QString>& memo()
{
    static QHash<QString, QString> known;
    return known;
}

// Bumped by every write: a read that began before a write does not remember what it found.
quint64& writes()
{
    static quint64 count = 0;
    return count;
}

template <typename Job> void runJob(Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

} // namespace

QString read(const QString& key)
{
    quint64 before = 0;
    {
        QMutexLocker locked(&memoLock());
        if (auto found = memo().constFind(key); found != memo().constEnd())
            return *found;
        before = writes();
    }
    const std::optional<QString> found = onKeychainThread([&key]() -> std::optional<QString> {
        QKeychain::ReadPasswordJob job { kService };
        job.setKey(key);
        runJob(job);
        if (job.error() == QKeychain::NoError)
            return job.textData();
        if (job.error() == QKeychain::EntryNotFound)
            return QString();
        return std::nullopt; // not readable now: asked again next time
    });
    if (!found)
        return {};
    QMutexLocker locked(&memoLock());
    if (writes() == before)
        memo().insert(key, *found);
    return *found;
}

QString write(const QString& key, const QString& password)
{
    const QString error = onKeychainThread([&key, &password] {
        QKeychain::WritePasswordJob job { kService };
        job.setKey(key);
        job.setTextData(password);
        runJob(job);
        return job.error() == QKeychain::NoError ? QString() : job.errorString();
    });
    QMutexLocker locked(&memoLock());
    ++writes();
    if (error.isEmpty())
        memo().insert(key, password);
    else
        memo().remove(key);
    return error;
}

} // namespace tenure::keychain
