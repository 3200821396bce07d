#include "TestSupport.h"
#include "store/WorkspacePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tenure;

// Where the app keeps its workspaces when the user does not say, and that the README says so.
class TestWorkspacePaths : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("Tenure"));
        QCoreApplication::setOrganizationName(QStringLiteral("Tenure"));
    }

    void oneTenureFolderInTheApplicationData()
    {
        // AppDataLocation is <data>/Tenure/Tenure; the workspaces go to <data>/Tenure.
        const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(appData.endsWith(QLatin1String("/Tenure/Tenure")));
        const QString folder = appData.chopped(QStringLiteral("/Tenure").size());
        QCOMPARE(WorkspacePaths::dataFolder(), folder);
        QCOMPARE(WorkspacePaths::defaultDemoWorkspace(), folder + QStringLiteral("/demo.tenure"));
        QCOMPARE(WorkspacePaths::defaultWorkspace(), folder + QStringLiteral("/workspace.tenure"));
    }

#ifdef Q_OS_LINUX
    // The README names the same file the app opens, with the XDG default.
    void readmeAndAppAgreeOnLinux()
    {
        const QByteArray xdg = qgetenv("XDG_DATA_HOME");
        qunsetenv("XDG_DATA_HOME");
        const QString demo = WorkspacePaths::defaultDemoWorkspace();
        const QString workspace = WorkspacePaths::defaultWorkspace();
        if (!xdg.isNull())
            qputenv("XDG_DATA_HOME", xdg);
        QCOMPARE(demo, QDir::homePath() + QStringLiteral("/.local/share/Tenure/demo.tenure"));
        QCOMPARE(workspace, QDir::homePath() + QStringLiteral("/.local/share/Tenure/workspace.tenure"));
        QFile readme(QStringLiteral(TENURE_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        QVERIFY(text.contains(QLatin1String("~/.local/share/Tenure/demo.tenure")));
        QVERIFY(text.contains(QLatin1String("~/Library/Application Support/Tenure/")));
        QVERIFY(text.contains(QLatin1String("%APPDATA%\\Tenure\\")));
        QVERIFY(!text.contains(QLatin1String("Tenure/Tenure/demo.tenure")));
    }

    // A workspace that Tenure 0.1 left in <data>/Tenure/Tenure is still found, until there is one
    // in the new place.
    void theOldFolderIsStillUsed()
    {
        QTemporaryDir data;
        const QByteArray xdg = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", data.path().toUtf8());
        const QString current = data.filePath(QStringLiteral("Tenure/demo.tenure"));
        const QString old = data.filePath(QStringLiteral("Tenure/Tenure/demo.tenure"));
        const QString before = WorkspacePaths::defaultDemoWorkspace();
        QVERIFY(QDir().mkpath(data.filePath(QStringLiteral("Tenure/Tenure"))));
        QFile(old).open(QIODevice::WriteOnly);
        const QString withOld = WorkspacePaths::defaultDemoWorkspace();
        QFile(current).open(QIODevice::WriteOnly);
        const QString withBoth = WorkspacePaths::defaultDemoWorkspace();
        const QString workspace = WorkspacePaths::defaultWorkspace();
        if (xdg.isNull())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", xdg);
        QCOMPARE(before, current);
        QCOMPARE(withOld, old);
        QCOMPARE(withBoth, current);
        QCOMPARE(workspace, data.filePath(QStringLiteral("Tenure/workspace.tenure")));
    }
#endif
};

QTEST_GUILESS_MAIN(TestWorkspacePaths)
#include "TestWorkspacePaths.moc"
