#pragma once

#include "secrets/secretstore.h"

namespace Postern {

// Secrets in the OS keychain through QtKeychain: the Secret Service (GNOME Keyring, KeePassXC, …) on
// Linux, the Keychain on macOS, the Credential Manager on Windows.
//
// Each entry is stored under the service name (io.postern.Postern by default) and the key as given.
// QtKeychain's insecure plaintext fallback is always off: when no keychain answers, operations fail
// with SecretError::Unavailable (or Failed) and nothing is written anywhere else.
//
// Async: each call starts one QtKeychain job; the job deletes itself when it finishes, whether or not
// the caller's context still exists, so a job still waiting on a hung D-Bus is never destroyed under
// the keychain library's feet. The store holds no state of its own beyond the service name.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static QString defaultServiceName();

    explicit KeychainSecretStore(QObject *parent = nullptr);
    KeychainSecretStore(const QString &serviceName, QObject *parent);

    QString serviceName() const { return m_serviceName; }

    QString displayName() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    QString m_serviceName;
};

} // namespace Postern
