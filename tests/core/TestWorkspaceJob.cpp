#include "TestSupport.h"
#include "store/AccountStore.h"
#include "store/WorkspaceJob.h"

#include <QDir>
#include <QSignalSpy>
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
    explicit CountingJob(QString path)
        : WorkspaceJob(std::move(path), QStringLiteral("counting"), Database::Mode::ReadOnly, nullptr)
    {
    }

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
        job.start(100000, false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.at(0).at(0).toLongLong(), 1);
        QVERIFY(!job.isRunning());
        // The work and the delivery ran on the job's thread, not this one.
        QVERIFY(job.workThread != nullptr);
        QVERIFY(job.workThread != QThread::currentThread());
        QCOMPARE(job.deliverThread.load(), job.workThread.load());
        // 100,000 steps in well under a second: the first may pass, then only the last.
        QVERIFY2(progress.count() >= 1 && progress.count() <= 3,
                 qPrintable(QStringLiteral("%1 progress signals").arg(progress.count())));
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
