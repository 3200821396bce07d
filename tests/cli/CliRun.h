#pragma once

// How the tenure-cli tests run a command: in-process as tenure-cli's main() does, or the real
// binary (optionally while this thread's event loop serves a test server).

#include "TestSupport.h"
#include "cli/CommandRegistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QTextStream>

#include <functional>

namespace tenure::test {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// Runs a command in-process, the way tenure-cli's main() does.
inline Run runCommand(const QStringList& arguments,
                      const QString& defaultDb = QStringLiteral("/nonexistent/default.tenure"))
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    const cli::CommandRegistry registry;
    cli::Command* command = registry.find(arguments.first());
    if (!command)
        qFatal("no such command");
    cli::Context context { out, err, defaultDb };
    run.code = command->execute(arguments, context);
    out.flush();
    err.flush();
    return run;
}

// The binary speaks the system's language: the tests read its English, whatever this machine's.
inline void inEnglish(QProcess& process)
{
    process.setProcessEnvironment(programEnvironment());
}

// Runs the real tenure-cli binary, in English with the tests' settings unless told otherwise.
inline Run runBinary(const QStringList& arguments,
                     const QProcessEnvironment& environment = programEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Runs the real tenure-cli binary while this thread's event loop keeps turning (a test server
// in this process must answer it); `killWhen` is polled, and the process killed once it holds.
inline Run runBinaryLive(const QStringList& arguments, const std::function<bool()>& killWhen = {})
{
    QProcess process;
    inEnglish(process);
    process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
    Run run;
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < 60000) {
        QTest::qWait(10);
        if (killWhen && killWhen()) {
            process.kill(); // SIGKILL: no chance to clean up, as when a machine loses power
            process.waitForFinished();
            break;
        }
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace tenure::test
