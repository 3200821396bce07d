// The throwaway cluster the team tests start: a test process killed outright (a crash, a timeout)
// leaves no PostgreSQL server running behind it.

#include "PgCluster.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace tenure;

namespace {

// Whether something accepts connections on 127.0.0.1:`port`.
bool listening(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    return socket.waitForConnected(1000);
}

// The child: starts a cluster, says its port and its folder, and waits to be killed.
int childMain(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    test::PgCluster cluster;
    QString error;
    if (!cluster.start(&error)) {
        std::printf("failed %s\n", qPrintable(error.simplified()));
        return 2;
    }
    std::printf("port %d %s\n", cluster.port(), qPrintable(cluster.folder()));
    std::fflush(stdout);
    QThread::sleep(300);
    return 0;
}

// What the watcher should have done: stops a server still running from `folder` (SIGQUIT to the
// postmaster, an immediate shutdown).
void stopServerIn(const QString& folder)
{
    QFile pid(folder + QStringLiteral("/data/postmaster.pid"));
    if (pid.open(QIODevice::ReadOnly)) {
        if (const qint64 postmaster = pid.readLine().trimmed().toLongLong(); postmaster > 0)
            ::kill(pid_t(postmaster), SIGQUIT);
    }
}

} // namespace

class TestPgCluster : public QObject
{
    Q_OBJECT

private slots:
    void aKilledTestLeavesNoServerBehind()
    {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TENURE_PG_CLUSTER_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath());
        QVERIFY(child.waitForStarted());
        QString said;
        while (!said.contains(QLatin1Char('\n')) && child.waitForReadyRead(120000))
            said += QString::fromLocal8Bit(child.readAllStandardOutput());
        if (!said.startsWith(QStringLiteral("port "))) {
            child.kill();
            child.waitForFinished();
            const QString why = QStringLiteral("PostgreSQL did not start in the child: ") + said;
            if (test::PgCluster::mustRun())
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        const QStringList words = said.trimmed().split(QLatin1Char(' '));
        QCOMPARE(words.size(), 3);
        const int port = words.at(1).toInt();
        const QString folder = words.at(2);
        QVERIFY(port > 0);
        QVERIFY(listening(port));
        QVERIFY(QFileInfo::exists(folder));

        child.kill(); // SIGKILL: no destructor runs, nothing stops the server but the watcher
        QVERIFY(child.waitForFinished());
        // A broken watcher fails the test and leaves nothing running either.
        const auto stopAnyway = qScopeGuard([&folder] { stopServerIn(folder); });
        QTRY_VERIFY_WITH_TIMEOUT(!listening(port), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(folder), 30000);
    }
};

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsSet("TENURE_PG_CLUSTER_CHILD"))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestPgCluster test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestPgCluster.moc"
