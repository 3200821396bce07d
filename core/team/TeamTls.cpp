#include "team/TeamTls.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace tenure {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TeamTls)
};

// The CA file libpq reads: the location's, or its default.
QString caFile(const TeamLocation& location)
{
    return !location.sslRootCert.isEmpty() ? location.sslRootCert
                                           : QDir::home().filePath(QStringLiteral(".postgresql/root.crt"));
}

QString when(const QDateTime& at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// The host names and addresses a certificate is for.
QString namesOf(const QSslCertificate& certificate)
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto name = alternatives.cbegin(); name != alternatives.cend(); ++name)
        names << name.value();
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.join(QStringLiteral(", "));
}

} // namespace

QString TeamTls::certificateProblem(const TeamLocation& location)
{
    const int timeout = std::max(1, location.connectTimeoutSeconds) * 1000;
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(caFile(location), QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(config);
    socket.connectToHost(location.host, quint16(location.port));
    if (!socket.waitForConnected(timeout))
        return {};
    // PostgreSQL's SSLRequest: the length and the request code, then the server answers 'S'.
    QByteArray request;
    QDataStream(&request, QIODevice::WriteOnly) << qint32(8) << qint32(80877103);
    socket.write(request);
    if (!socket.waitForBytesWritten(timeout))
        return {};
    while (socket.bytesAvailable() < 1)
        if (!socket.waitForReadyRead(timeout))
            return {};
    char answer = 0;
    if (socket.read(&answer, 1) != 1 || answer != 'S')
        return {};
    socket.setPeerVerifyName(location.host);
    socket.startClientEncryption();
    socket.waitForEncrypted(timeout);
    const QList<QSslError> errors = socket.sslHandshakeErrors();
    socket.abort();
    const bool checksHost = location.sslMode == QLatin1String("verify-full");
    for (const QSslError& error : errors) {
        const QSslCertificate certificate = error.certificate();
        switch (error.error()) {
        case QSslError::CertificateExpired:
            return Tr::tr("its TLS certificate expired on %1; the server needs a new one (ssl_cert_file).")
                .arg(when(certificate.expiryDate()));
        case QSslError::CertificateNotYetValid:
            return Tr::tr("its TLS certificate is not valid before %1 (check the clocks of both machines).")
                .arg(when(certificate.effectiveDate()));
        case QSslError::HostNameMismatch:
            if (!checksHost)
                continue; // sslmode=verify-ca does not check the name
            return Tr::tr(
                       "its TLS certificate is for %1, not for %2: connect by a name the certificate holds, "
                       "or give the server a certificate for this one.")
                .arg(namesOf(certificate), location.host);
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateSignatureFailed:
            return Tr::tr(
                       "its TLS certificate (issued by %1) is not signed by a CA in %2: set sslrootcert to "
                       "the file of the CA that signed it.")
                .arg(certificate.issuerDisplayName(), QDir::toNativeSeparators(caFile(location)));
        default:
            break;
        }
    }
    for (const QSslError& error : errors)
        if (error.error() != QSslError::HostNameMismatch || checksHost)
            return Tr::tr("its TLS certificate is not trusted (%1).").arg(error.errorString());
    return {};
}

} // namespace tenure
