#pragma once

#include <QCoreApplication>
#include <QString>

namespace tenure {

// The desktop app's command line: which workspace to open and how.
struct AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(AppOptions)

public:
    QString db; // empty: the default workspace
    bool demo = false; // open (and create if needed) the demo workspace
    QString screenshot; // render the main window to this PNG once loaded, then exit
    QString view; // a name MainWindow::showView takes (overview, customer:ACCOUNT_ID, ...)
    QString language; // "en", "ja"; empty: the setting ui/language, else the system locale
    bool measureStartup = false; // print start-up figures and quit after the first scoring pass

    // Parses the arguments; returns false and fills `message` on --version, --help or an error
    // (`exitCode` says which).
    static bool parse(const QStringList& arguments, AppOptions& options, QString& message, int& exitCode);
};

} // namespace tenure
