#pragma once

#include "secrets/secretstore.h"

#include <QPointer>

#include <chrono>
#include <functional>
#include <vector>

namespace Postern {

class MemorySecretStore;
class SecretStoreProbe;

// The OS keychain for a first start, when Postern has stored nothing yet: it is not asked anything
// until a secret is first written, so that no "choose a password for the new keyring" dialog (or any
// other keyring prompt) comes up before a secret is needed.
//
// Until the first write, a read answers NotFound and a remove succeeds, without asking the keychain
// (nothing of Postern's can be there). The first write probes the keychain (SecretStoreProbe) and then
// goes where the probe says: the keychain when it answered, else this session's memory, and so do all
// later operations; decided() tells which, once. Operations that arrive while the probe runs wait for
// it, in order. Same async contract as SecretStore; the keychain is not owned and must outlive this.
class SecretStoreOnDemand : public SecretStore
{
    Q_OBJECT
public:
    enum class State { Untouched, Probing, Keychain, Memory };
    Q_ENUM(State)

    SecretStoreOnDemand(SecretStore *keychain, std::chrono::milliseconds probeTimeout,
                        QObject *parent = nullptr);
    ~SecretStoreOnDemand() override;

    State state() const { return m_state; }

    QString displayName() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

Q_SIGNALS:
    // The first write found the keychain answering (available) or not (reason says why, for people).
    void decided(bool available, const QString &reason);

private:
    SecretStore *target() const;
    void startProbe();
    // Runs operation now when decided, or once the probe is done.
    void whenDecided(QObject *context, std::function<void(QObject *context)> operation);

    SecretStore *m_keychain;
    std::chrono::milliseconds m_timeout;
    MemorySecretStore *m_memory; // owned (child)
    SecretStoreProbe *m_probe = nullptr;
    State m_state = State::Untouched;
    std::vector<std::pair<QPointer<QObject>, std::function<void(QObject *)>>> m_waiting;
};

} // namespace Postern
