#pragma once

#include <QString>

namespace tenure::keychain {

// The OS keychain (QtKeychain), for team workspaces' passwords. QtKeychain's jobs share one
// queue, an object living on the thread that ran the first job, and are not made to be started
// from several threads at once: a desktop's views open connections on several workers, and did
// crash there. Every read and write here runs on one thread of its own, one after another, while
// the caller waits (never the GUI thread: a keychain may take seconds to answer).
//
// What a read found — a password, or none — is remembered for the process, per key: a member
// whose password comes from ~/.pgpass has none in the keychain, and each of the views' connections
// would ask again. A keychain that cannot be read (locked, not running) is asked again next time.

// The password saved under `key`, or empty.
QString read(const QString& key);
// Saves `password` under `key`; empty, or what the keychain said when it could not.
QString write(const QString& key, const QString& password);

} // namespace tenure::keychain
