#include "ingest/connectors/SecretStore.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <qt6keychain/keychain.h>

namespace tenure {

namespace {

// QtKeychain jobs are asynchronous; a connector pull or the CLI waits for the answer here.
// The job runs in the calling thread's event loop, so this works on worker threads too.
template <typename Job> void runToEnd(Job& job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
}

QString keyFor(const QString& connector)
{
    return QStringLiteral("connector/") + connector;
}

} // namespace

QString SecretStore::environmentVariable(const QString& connector)
{
    static const QRegularExpression others(QStringLiteral("[^A-Z0-9]"));
    return QStringLiteral("TENURE_SECRET_") + connector.toUpper().replace(others, QStringLiteral("_"));
}

Result<QString> SecretStore::read(const QString& connector)
{
    const QByteArray fromEnvironment = qgetenv(environmentVariable(connector).toLatin1().constData());
    if (!fromEnvironment.isEmpty())
        return QString::fromUtf8(fromEnvironment);
    QKeychain::ReadPasswordJob job { QString::fromLatin1(kService) };
    job.setKey(keyFor(connector));
    runToEnd(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return Error {
            tr("Cannot read the secret of connector \"%1\" from the keychain (%2). On a machine without "
               "a keychain, set %3.")
                .arg(connector, job.errorString(), environmentVariable(connector))
        };
    return job.textData();
}

Status SecretStore::write(const QString& connector, const QString& secret)
{
    QKeychain::WritePasswordJob job { QString::fromLatin1(kService) };
    job.setKey(keyFor(connector));
    job.setTextData(secret);
    runToEnd(job);
    if (job.error() != QKeychain::NoError)
        return Error {
            tr("Cannot store the secret of connector \"%1\" in the keychain (%2). On a machine without "
               "a keychain, set %3 instead.")
                .arg(connector, job.errorString(), environmentVariable(connector))
        };
    return {};
}

Status SecretStore::remove(const QString& connector)
{
    QKeychain::DeletePasswordJob job { QString::fromLatin1(kService) };
    job.setKey(keyFor(connector));
    runToEnd(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return Error {
            tr("Cannot remove the secret of connector \"%1\": %2").arg(connector, job.errorString())
        };
    return {};
}

} // namespace tenure
