#include "base/logging.h"
#include "oauth/tokenstore.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretstore.h"
#include "secrets/secretstoreondemand.h"
#include "secrets/secretstoreprobe.h"

using namespace Qt::StringLiterals;

// Where the secrets go: the start-up probe of the keychain (or none, for a keychain asked on demand)
// and the storage mode.

namespace Postern {

void TokenStore::start(SecretStore *keychain, std::chrono::milliseconds probeTimeout)
{
    if (auto *onDemand = qobject_cast<SecretStoreOnDemand *>(keychain)) {
        // Nothing is stored yet: the keychain is asked when the first secret is written, by the store
        // itself. Where it does not answer, this session's tokens stay in memory, as after a failed probe.
        connect(onDemand, &SecretStoreOnDemand::decided, this,
                [this, onDemand](bool available, const QString &reason) {
                    if (available || m_store != onDemand)
                        return;
                    m_mode = StorageMode::MemoryOnly; // its secrets are in the store's memory now
                    m_statusMessage = memoryOnlyMessage(reason);
                    qCInfo(lcStore) << "storage mode" << m_mode;
                    Q_EMIT storageModeChanged();
                });
        useSecretStore(onDemand, StorageMode::Keychain);
        load();
        return;
    }
    delete m_probe;
    m_probe = new SecretStoreProbe(keychain, probeTimeout, this);
    connect(m_probe, &SecretStoreProbe::finished, this,
            [this, keychain](bool available, const QString &reason) {
                m_probe->deleteLater();
                m_probe = nullptr;
                if (available)
                    useSecretStore(keychain, StorageMode::Keychain);
                else
                    useSecretStore(nullptr, StorageMode::MemoryOnly, memoryOnlyMessage(reason));
                load();
            });
    m_probe->start();
}

void TokenStore::useSecretStore(SecretStore *store, StorageMode mode, const QString &statusMessage)
{
    if (!store)
        mode = StorageMode::MemoryOnly;
    if (m_mode == StorageMode::MemoryOnly && mode != StorageMode::MemoryOnly)
        m_carryOver = m_tokens;
    if (m_mode != mode) {
        m_tokens.clear();
        m_unreadable.clear();
        m_loaded = false;
    }
    m_mode = mode;
    m_store = mode == StorageMode::MemoryOnly ? m_sessionSecrets : store;
    if (!statusMessage.isEmpty()) {
        m_statusMessage = statusMessage;
    } else {
        switch (mode) {
        case StorageMode::Keychain:
        case StorageMode::EncryptedFile:
            m_statusMessage = tr("Tokens are kept in %1.").arg(m_store->displayName());
            break;
        case StorageMode::MemoryOnly:
            m_statusMessage = tr("Tokens are kept in memory until Postern quits.");
            break;
        }
    }
    qCInfo(lcStore) << "storage mode" << mode;
    Q_EMIT storageModeChanged();
}

} // namespace Postern
