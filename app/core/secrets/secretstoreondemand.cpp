#include "secrets/secretstoreondemand.h"

#include "base/logging.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretstoreprobe.h"

#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace Postern {

SecretStoreOnDemand::SecretStoreOnDemand(SecretStore *keychain, std::chrono::milliseconds probeTimeout,
                                         QObject *parent)
    : SecretStore(parent)
    , m_keychain(keychain)
    , m_timeout(probeTimeout)
    , m_memory(new MemorySecretStore(this))
{
}

SecretStoreOnDemand::~SecretStoreOnDemand() = default;

SecretStore *SecretStoreOnDemand::target() const
{
    return m_state == State::Memory ? static_cast<SecretStore *>(m_memory) : m_keychain;
}

QString SecretStoreOnDemand::displayName() const
{
    return target()->displayName();
}

void SecretStoreOnDemand::read(const QString &key, QObject *context, ReadCallback done)
{
    if (m_state == State::Untouched) {
        // Nothing was ever written: there is nothing to read, and the keychain is left alone.
        QTimer::singleShot(0, context, [done = std::move(done)] {
            done(SecretResult::failure(SecretError::NotFound, tr("Nothing is stored yet.")), QByteArray());
        });
        return;
    }
    whenDecided(context,
                [this, key, done = std::move(done)](QObject *alive) { target()->read(key, alive, done); });
}

void SecretStoreOnDemand::write(const QString &key, const QByteArray &data, QObject *context,
                                DoneCallback done)
{
    if (m_state == State::Untouched)
        startProbe();
    whenDecided(context, [this, key, data, done = std::move(done)](QObject *alive) {
        target()->write(key, data, alive, done);
    });
}

void SecretStoreOnDemand::remove(const QString &key, QObject *context, DoneCallback done)
{
    if (m_state == State::Untouched) {
        QTimer::singleShot(0, context, [done = std::move(done)] { done(SecretResult::success()); });
        return;
    }
    whenDecided(context,
                [this, key, done = std::move(done)](QObject *alive) { target()->remove(key, alive, done); });
}

void SecretStoreOnDemand::whenDecided(QObject *context, std::function<void(QObject *)> operation)
{
    if (m_state == State::Keychain || m_state == State::Memory) {
        operation(context);
        return;
    }
    m_waiting.emplace_back(QPointer<QObject>(context), std::move(operation));
}

void SecretStoreOnDemand::startProbe()
{
    m_state = State::Probing;
    qCInfo(lcStore) << "first secret to store: asking" << m_keychain->displayName();
    m_probe = new SecretStoreProbe(m_keychain, m_timeout, this);
    connect(m_probe, &SecretStoreProbe::finished, this, [this](bool available, const QString &reason) {
        m_probe->deleteLater();
        m_probe = nullptr;
        m_state = available ? State::Keychain : State::Memory;
        Q_EMIT decided(available, reason);
        // In the order they came; a caller gone meanwhile is skipped, as the contract says.
        auto waiting = std::exchange(m_waiting, {});
        for (auto &[context, operation] : waiting) {
            if (context)
                operation(context);
        }
    });
    m_probe->start();
}

} // namespace Postern
