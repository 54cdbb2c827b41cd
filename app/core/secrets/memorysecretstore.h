#pragma once

#include "secrets/secretstore.h"

#include <QHash>
#include <QStringList>

namespace Postern {

// Secrets kept in this process's memory only: gone when the object (or Postern) goes.
//
// TokenStore uses one for the session when no keychain answers; tests use one as a stand-in keychain.
// Answers are delivered queued, as the SecretStore contract requires.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    QString displayName() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

    // Synchronous look at the contents, for inspection.
    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QStringList keys() const { return m_secrets.keys(); }

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace Postern
