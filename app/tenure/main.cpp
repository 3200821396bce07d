// tenure: the desktop app. Parses the command line, picks the workspace, shows the main window.
#include "AppOptions.h"
#include "MainWindow.h"
#include "ScreenFit.h"
#include "StartupProbe.h"
#include "UiFonts.h"
#include "Version.h"
#include "store/WorkspacePaths.h"
#include "util/Language.h"
#include "workspace/FirstRunDialog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace tenure;

namespace {

// What the command line asks for; the exit code instead when it is answered (--help, --version)
// or wrong, the text printed.
std::optional<int> answered(const QStringList& arguments, AppOptions& options)
{
    QString message;
    int exitCode = 0;
    if (AppOptions::parse(arguments, options, message, exitCode))
        return std::nullopt;
    std::fputs(qPrintable(message), exitCode == 0 ? stdout : stderr);
    return exitCode;
}

bool asksForText(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-v"
            || argument == "--version")
            return true;
    }
    return false;
}

// --language's value, read before the options are parsed: their help is in that language.
QString requestedLanguage(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--language" && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (argument.startsWith("--language="))
            return QString::fromLocal8Bit(argument.mid(11));
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QCoreApplication::setApplicationName(QString::fromLatin1(kApplicationName));
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    AppOptions options;
    // --help and --version need no display: they are answered before the GUI starts, so that a
    // machine without one (a server, an SSH session) gets the text rather than an abort.
    if (asksForText(argc, argv)) {
        QCoreApplication core(argc, argv);
        installLanguage(requestedLanguage(argc, argv));
        if (const std::optional<int> exitCode = answered(core.arguments(), options))
            return *exitCode;
    }
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tenure.svg")));
    UiFonts::install();
    if (const std::optional<int> exitCode = answered(app.arguments(), options))
        return *exitCode;

    // Japanese or English: --language, else the ui/language setting, else the system locale.
    installLanguage(options.language);

    MainWindow window;
    if (options.measureStartup)
        new StartupProbe(window, sinceMain); // owned by the window
    if (!options.view.isEmpty())
        window.showView(options.view);
    if (!options.screenshot.isEmpty()) {
        // Pictures for the docs and reviews: at the size every view is laid out for, whatever the
        // screen (the offscreen platform's is 800 × 600).
        window.resize(ScreenFit::kMainWindowLaidOut);
        auto shoot = [&window, file = options.screenshot] {
            // Let the layout settle after the last update before grabbing.
            QTimer::singleShot(700, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "Saved" : "Could not save",
                             qPrintable(file));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        // The picture is taken once the first scoring pass has landed (or anything failed); of the
        // Tuning view, once a backtest of the active rules has run after it.
        if (options.view == QLatin1String("tuning")) {
            QObject::connect(&window, &MainWindow::scoringFinished, &window, &MainWindow::runBacktest,
                             Qt::SingleShotConnection);
            QObject::connect(&window, &MainWindow::backtestDone, &window, shoot, Qt::SingleShotConnection);
        } else {
            QObject::connect(&window, &MainWindow::scoringFinished, &window, shoot, Qt::SingleShotConnection);
        }
        // A team workspace is scored by its engine: the picture waits for the copy to be read.
        QObject::connect(&window, &MainWindow::teamReady, &window, shoot, Qt::SingleShotConnection);
        QObject::connect(&window, &MainWindow::scoringFailed, &window, shoot, Qt::SingleShotConnection);
        QObject::connect(&window, &MainWindow::workspaceFailed, &window, shoot, Qt::SingleShotConnection);
    }

    if (options.demo) {
        const QString path = options.db.isEmpty() ? WorkspacePaths::defaultDemoWorkspace() : options.db;
        window.show();
        if (QFileInfo(path).size() > 0)
            window.openWorkspace(path);
        else
            window.openDemoWorkspace(path);
    } else if (!options.db.isEmpty()) {
        window.openWorkspace(options.db);
        window.show();
    } else if (QFileInfo::exists(WorkspacePaths::defaultWorkspace())) {
        window.openWorkspace(WorkspacePaths::defaultWorkspace());
        window.show();
    } else {
        FirstRunDialog welcome;
        if (welcome.exec() != QDialog::Accepted)
            return 0;
        window.show();
        switch (welcome.choice()) {
        case FirstRunDialog::Choice::Demo:
            window.openDemoWorkspace(WorkspacePaths::defaultDemoWorkspace());
            break;
        case FirstRunDialog::Choice::Empty:
            WorkspacePaths::ensureParentExists(WorkspacePaths::defaultWorkspace());
            window.openWorkspace(WorkspacePaths::defaultWorkspace());
            break;
        case FirstRunDialog::Choice::Open: {
            const QString path
                = QFileDialog::getOpenFileName(&window, QObject::tr("Open Workspace"), {},
                                               QObject::tr("Tenure workspaces (*.tenure);;All files (*)"));
            if (path.isEmpty())
                return 0;
            window.openWorkspace(path);
            break;
        }
        case FirstRunDialog::Choice::None:
            return 0;
        }
    }
    return QApplication::exec();
}
