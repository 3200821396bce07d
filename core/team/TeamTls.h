#pragma once

#include "team/TeamLocation.h"

#include <QSslCertificate>
#include <QString>

namespace tenure {

// Why a team server's TLS certificate is not trusted, in words. libpq 15 says only "certificate
// verify failed" whatever the cause; this shakes hands with the server once more, as libpq does
// (PostgreSQL's SSLRequest, then TLS against the location's CA file, the host name checked for
// sslmode=verify-full), and names the first thing wrong: the certificate expired (and when), is
// not valid yet, names other hosts (which), or is not signed by that CA (whose it is). Empty when
// it finds nothing to say (the server unreachable meanwhile, or the handshake succeeds).
// Blocking, within the location's connect timeout (the host name's lookup aside): call it off the
// GUI thread, as TeamDatabase::open is. The CA file is libpq's: sslrootcert, PGSSLROOTCERT, or
// ~/.postgresql/root.crt.
class TeamTls
{
public:
    static QString certificateProblem(const TeamLocation& location);
    // The certificate the server presents now, unchecked; null when no TLS server answered.
    static QSslCertificate serverCertificate(const TeamLocation& location);
};

} // namespace tenure
