#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace tenure {

// Connector secrets (API tokens, passwords): in the OS keychain through QtKeychain (Secret
// Service on Linux, Keychain on macOS, Credential Manager on Windows), never in the workspace,
// settings or logs. On a headless machine without a keychain, the environment variable
// TENURE_SECRET_<NAME> (the connector name upper-cased, other characters as '_') is used; it is
// read first, so a cron job can set it without touching a desktop keychain.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    // The secret of a connector: the environment variable, else the keychain. An empty result
    // means none is stored; an error says why the keychain could not be read.
    static Result<QString> read(const QString& connector);
    static Status write(const QString& connector, const QString& secret);
    static Status remove(const QString& connector);
    static QString environmentVariable(const QString& connector);

private:
    static constexpr const char* kService = "Tenure";
};

} // namespace tenure
