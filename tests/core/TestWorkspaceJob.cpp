#include "TestSupport.h"
#include "store/AccountStore.h"
#include "store/WorkspaceJob.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace tenure;

namespace {

// A job that counts the workspace's accounts after `steps` steps of progress, or, told to, waits
// for its cancel flag and fails with "cancelled".
class CountingJob : public WorkspaceJob
{
    Q_OBJECT

public:
    explicit CountingJob(QString path, Database::Mode mode = Database::Mode::ReadOnly)
        : WorkspaceJob(std::move(path), QStringLiteral("counting"), mode, nullptr)
    {
    }
    ~CountingJob() override { stopAndWait(); }

    void start(qint64 steps, bool untilCancelled)
    {
        queue<qint64>(
            [this, steps, untilCancelled](Database& db, const Progress& progress,
                                          const std::atomic_bool* cancel) -> Result<qint64> {
                workThread = QThread::currentThread();
                for (qint64 step = 1; step <= steps; ++step)
                    progress(step, steps);
                while (untilCancelled && !*cancel)
                    QThread::msleep(5);
                if (*cancel) {
                    if (stopped)
                        *stopped = true;
                    return Error { QStringLiteral("cancelled") };
                }
                return AccountStore(db).count();
            },
            [this](qint64&& accounts) {
                deliverThread = QThread::currentThread();
                emit finished(accounts);
            });
    }

    // The same, with a preparation that fails.
    void startUnprepared()
    {
        queue<qint64>(
            [this](Database&, const Progress&, const std::atomic_bool*) -> Result<qint64> {
                workThread = QThread::currentThread();
                return 0;
            },
            [this](qint64&& accounts) { emit finished(accounts); },
            [] { return Status(Error { QStringLiteral("the mapping file is missing") }); });
    }

    std::atomic<QThread*> workThread = nullptr;
    std::atomic<QThread*> deliverThread = nullptr;
    std::atomic_bool* stopped = nullptr; // set when the work stops for a cancel

signals:
    void finished(qint64 accounts);
};

} // namespace

class TestWorkspaceJob : public QObject
{
    Q_OBJECT

private slots:
    void deliversOnItsThreadWithProgressThrottled()
    {
        test::TempWorkspace workspace;
        {
            std::unique_ptr<Database> db = workspace.open();
            Account account;
            account.id = QStringLiteral("A-1");
            account.name = QStringLiteral("株式会社さくら");
            const Account accounts[] = { account };
            QVERIFY(AccountStore(*db).upsert(accounts).ok());
        }
        CountingJob job(workspace.path());
        QSignalSpy finished(&job, &CountingJob::finished);
        QSignalSpy failed(&job, &CountingJob::failed);
        QSignalSpy progress(&job, &CountingJob::progress);
        QElapsedTimer took;
        took.start();
        job.start(100000, false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const qint64 elapsed = took.elapsed();
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.at(0).at(0).toLongLong(), 1);
        QVERIFY(!job.isRunning());
        // The work and the delivery ran on the job's thread, not this one.
        QVERIFY(job.workThread != nullptr);
        QVERIFY(job.workThread != QThread::currentThread());
        QCOMPARE(job.deliverThread.load(), job.workThread.load());
        // One signal per 100 ms at most, and the last: 100,000 steps take a few milliseconds.
        QVERIFY2(
            progress.count() >= 1 && progress.count() <= 1 + elapsed / 100,
            qPrintable(QStringLiteral("%1 progress signals in %2 ms").arg(progress.count()).arg(elapsed)));
        QCOMPARE(progress.constLast().at(0).toLongLong(), 100000);
        QCOMPARE(progress.constLast().at(1).toLongLong(), 100000);
    }

    void cancelStopsTheWorkAndSaysWhy()
    {
        test::TempWorkspace workspace;
        workspace.open(); // created
        CountingJob job(workspace.path());
        QSignalSpy finished(&job, &CountingJob::finished);
        QSignalSpy failed(&job, &CountingJob::failed);
        job.start(1, true);
        QTRY_VERIFY_WITH_TIMEOUT(job.workThread != nullptr, 10000);
        QVERIFY(job.isRunning());
        job.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("cancelled"));
        QCOMPARE(finished.count(), 0);
        QVERIFY(!job.isRunning());

        // Started again, it runs again: a cancel belongs to the run it stopped.
        job.start(1, false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    }

    void destroyingTheJobCancelsAndWaitsForIt()
    {
        test::TempWorkspace workspace;
        workspace.open();
        std::atomic_bool stopped = false;
        auto job = std::make_unique<CountingJob>(workspace.path());
        job->stopped = &stopped;
        job->start(1, true); // would run until cancelled
        QTRY_VERIFY_WITH_TIMEOUT(job->workThread != nullptr, 10000);
        QVERIFY(!stopped);
        job.reset(); // returns only once the work saw its cancel and stopped
        QVERIFY(stopped);
    }

    void aFailedPreparationLeavesTheWorkspaceUnopened()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.tenure"));
        CountingJob job(path, Database::Mode::ReadWrite); // would create the file
        QSignalSpy finished(&job, &CountingJob::finished);
        QSignalSpy failed(&job, &CountingJob::failed);
        job.startUnprepared();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("the mapping file is missing"));
        QCOMPARE(finished.count(), 0);
        QVERIFY(job.workThread == nullptr);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!job.isRunning());
    }

    void aWorkspaceThatCannotOpenFailsWithItsReason()
    {
        const QString missing = QDir::temp().filePath(QStringLiteral("tenure-no-such-folder/none.tenure"));
        CountingJob job(missing);
        QSignalSpy finished(&job, &CountingJob::finished);
        QSignalSpy failed(&job, &CountingJob::failed);
        job.start(1, false);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toString(), Database::open(missing, Database::Mode::ReadOnly).error());
        QCOMPARE(finished.count(), 0);
        QVERIFY(job.workThread == nullptr); // the work never ran
        QVERIFY(!job.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceJob)
#include "TestWorkspaceJob.moc"
