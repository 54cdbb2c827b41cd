#include "secrets/memorysecretstore.h"

using namespace Qt::StringLiterals;

namespace Postern {

QString MemorySecretStore::displayName() const
{
    return tr("this session's memory");
}

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    const auto it = m_secrets.constFind(key);
    const SecretResult result = it == m_secrets.cend()
        ? SecretResult::failure(SecretError::NotFound, tr("No secret is stored under %1.").arg(key))
        : SecretResult::success();
    const QByteArray data = it == m_secrets.cend() ? QByteArray() : *it;
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result, data] { done(result, data); }, Qt::QueuedConnection);
}

void MemorySecretStore::write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done)
{
    m_secrets.insert(key, data);
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(SecretResult::success()); }, Qt::QueuedConnection);
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    m_secrets.remove(key);
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(SecretResult::success()); }, Qt::QueuedConnection);
}

} // namespace Postern
