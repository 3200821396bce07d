#include "team/TeamTls.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDeadlineTimer>
#include <QDir>
#include <QSslConfiguration>
#include <QSslSocket>

#include <optional>

namespace tenure {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TeamTls)
};

// The CA file libpq reads: the location's, PGSSLROOTCERT's, or its default.
QString caFile(const TeamLocation& location)
{
    if (!location.sslRootCert.isEmpty())
        return location.sslRootCert;
    if (const QString fromEnvironment = qEnvironmentVariable("PGSSLROOTCERT"); !fromEnvironment.isEmpty())
        return fromEnvironment;
#ifdef Q_OS_WIN
    return QDir(qEnvironmentVariable("APPDATA")).filePath(QStringLiteral("postgresql/root.crt"));
#else
    return QDir::home().filePath(QStringLiteral(".postgresql/root.crt"));
#endif
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

struct Handshake
{
    QList<QSslError> errors;
    QSslCertificate certificate;
};

// PostgreSQL's SSLRequest (length 8, request code 80877103, big-endian), the server's 'S', then
// TLS: what the handshake found wrong with the server's certificate, checked against `cas`. All of
// it within the location's connect timeout (the host name's lookup aside). None: no TLS server
// answered.
std::optional<Handshake> shakeHands(const TeamLocation& location, const QList<QSslCertificate>& cas)
{
    const QDeadlineTimer deadline(std::max(1, location.connectTimeoutSeconds) * 1000);
    const auto left = [&deadline] { return int(std::max<qint64>(1, deadline.remainingTime())); };
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(cas);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(config);
    socket.connectToHost(location.host, quint16(location.port));
    if (!socket.waitForConnected(left()))
        return std::nullopt;
    QByteArray request;
    QDataStream(&request, QIODevice::WriteOnly) << qint32(8) << qint32(80877103);
    socket.write(request);
    if (!socket.waitForBytesWritten(left()))
        return std::nullopt;
    while (socket.bytesAvailable() < 1)
        if (deadline.hasExpired() || !socket.waitForReadyRead(left()))
            return std::nullopt;
    char answer = 0;
    if (socket.read(&answer, 1) != 1 || answer != 'S')
        return std::nullopt;
    socket.setPeerVerifyName(location.host);
    socket.startClientEncryption();
    socket.waitForEncrypted(left());
    Handshake done { socket.sslHandshakeErrors(), socket.peerCertificate() };
    socket.abort();
    if (done.certificate.isNull() && done.errors.isEmpty())
        return std::nullopt; // no answer in time
    return done;
}

} // namespace

QString TeamTls::certificateProblem(const TeamLocation& location)
{
    const QString cas = caFile(location);
    const std::optional<Handshake> handshake
        = shakeHands(location, QSslCertificate::fromPath(cas, QSsl::Pem));
    if (!handshake)
        return {};
    // The certificate's dates and chain first: libpq asks for this only when they failed (it says
    // when the name alone does not match, in words of its own).
    for (const QSslError& error : handshake->errors) {
        const QSslCertificate certificate = error.certificate();
        switch (error.error()) {
        case QSslError::CertificateExpired:
            return Tr::tr("its TLS certificate expired on %1; the server needs a new one (ssl_cert_file).")
                .arg(when(certificate.expiryDate()));
        case QSslError::CertificateNotYetValid:
            return Tr::tr("its TLS certificate is not valid before %1 (check the clocks of both machines).")
                .arg(when(certificate.effectiveDate()));
        default:
            break;
        }
    }
    for (const QSslError& error : handshake->errors) {
        switch (error.error()) {
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
                .arg(error.certificate().issuerDisplayName(), QDir::toNativeSeparators(cas));
        default:
            break;
        }
    }
    for (const QSslError& error : handshake->errors)
        if (error.error() != QSslError::HostNameMismatch)
            return Tr::tr("its TLS certificate is not trusted (%1).").arg(error.errorString());
    // Only the name is left; sslmode=verify-ca does not check it.
    if (!handshake->errors.isEmpty() && location.sslMode == QLatin1String("verify-full"))
        return Tr::tr("its TLS certificate is for %1, not for %2: connect by a name the certificate holds, "
                      "or give the server a certificate for this one.")
            .arg(namesOf(handshake->certificate), location.host);
    return {};
}

QSslCertificate TeamTls::serverCertificate(const TeamLocation& location)
{
    const std::optional<Handshake> handshake = shakeHands(location, {});
    return handshake ? handshake->certificate : QSslCertificate();
}

} // namespace tenure
