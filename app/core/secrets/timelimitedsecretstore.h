#pragma once

#include "secrets/secretstore.h"

#include <chrono>

namespace Postern {

// Another store with a time limit on every operation: a keychain that accepted the call and then never
// answers (a hung Secret Service, a stuck D-Bus) gives an Unavailable failure after the limit instead of
// holding up everything queued behind it; its answer, should it come later, is dropped. The limit is
// long enough for a person to unlock a keyring at its prompt. Same async contract as SecretStore; the
// store is not owned and must outlive this.
class TimeLimitedSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds DefaultLimit { 60000 };

    explicit TimeLimitedSecretStore(SecretStore *store, std::chrono::milliseconds limit = DefaultLimit,
                                    QObject *parent = nullptr);
    ~TimeLimitedSecretStore() override;

    SecretStore *store() const { return m_store; }
    std::chrono::milliseconds limit() const { return m_limit; }

    QString displayName() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    SecretResult tooLate() const;

    SecretStore *m_store;
    std::chrono::milliseconds m_limit;
};

} // namespace Postern
