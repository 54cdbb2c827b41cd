// Workspace: the secret values of its collections, environments and drafts, kept in the secret store
// (keychain, encrypted file or memory) under the workspace's id, never in its files.

#include "base/logging.h"
#include "secrets/secretstore.h"
#include "workspace/workspace.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace Postern {

void Workspace::setSecretStore(SecretStore *store)
{
    if (store == m_secrets)
        return;
    // A new store knows nothing of what the old one held: everything is read, and written, anew.
    m_secrets = store;
    m_storedSecrets.clear();
}

void Workspace::reloadSecrets()
{
    if (!m_secrets) {
        QMetaObject::invokeMethod(this, &Workspace::secretsLoaded, Qt::QueuedConnection);
        return;
    }
    for (const Collection &collection : std::as_const(m_collections))
        loadSecrets(u"collection"_s, collection.id);
    for (const Environment &environment : std::as_const(m_environments))
        loadSecrets(u"environment"_s, environment.id);
    loadSecrets(u"environment"_s, m_globals.id);
}

QString Workspace::secretKey(const QString &kind, const QString &id) const
{
    return u"workspace/"_s + m_id + u'/' + kind + u'/' + id;
}

void Workspace::loadSecrets(const QString &kind, const QString &id)
{
    if (!m_secrets)
        return;
    const QString key = secretKey(kind, id);
    ++m_secretReads;
    m_secrets->read(key, this, [this, kind, id, key](const SecretResult &result, const QByteArray &blob) {
        const auto answered = qScopeGuard([this] {
            if (--m_secretReads == 0)
                Q_EMIT secretsLoaded();
        });
        if (!result.ok() && result.error != SecretError::NotFound) {
            const QString store = m_secrets ? m_secrets->displayName() : tr("the keychain");
            Q_EMIT message(kind == u"collection"_s
                               ? tr("The secret values of a collection could not be read from %1: %2")
                                     .arg(store, result.message)
                               : tr("The secret values of an environment could not be read from %1: %2")
                                     .arg(store, result.message));
            return;
        }
        // What the store holds now; then the model takes what it lacks, and anything typed before
        // the store answered is written to it.
        m_storedSecrets.insert(key, result.ok() ? blob : QByteArray());
        const WorkspaceSecrets::Map secrets = WorkspaceSecrets::fromBlob(blob);
        if (kind == u"collection"_s) {
            for (Collection &collection : m_collections) {
                if (collection.id != id)
                    continue;
                WorkspaceSecrets::apply(&collection, secrets);
                storeSecrets(kind, id, WorkspaceSecrets::collect(collection));
                Q_EMIT collectionChanged(id);
            }
            return;
        }
        Environment *target = id == m_globals.id ? &m_globals : nullptr;
        for (Environment &environment : m_environments) {
            if (environment.id == id)
                target = &environment;
        }
        if (!target)
            return;
        WorkspaceSecrets::apply(target, secrets);
        storeSecrets(kind, id, WorkspaceSecrets::collect(*target));
        Q_EMIT environmentsChanged();
    });
}

void Workspace::saveDraftSecrets(const QString &tabId, const AuthConfig &auth)
{
    WorkspaceSecrets::Map secrets;
    WorkspaceSecrets::collectAuth(auth, u"auth/"_s, &secrets);
    storeSecrets(u"draft"_s, tabId, secrets);
}

void Workspace::readDraftSecrets(const QString &tabId, QObject *context,
                                 const std::function<void(const WorkspaceSecrets::Map &secrets)> &done)
{
    if (!m_secrets)
        return;
    const QString key = secretKey(u"draft"_s, tabId);
    m_secrets->read(key, context, [this, key, done](const SecretResult &result, const QByteArray &blob) {
        if (!result.ok())
            return; // none kept, or the store cannot say: the draft opens without secrets
        m_storedSecrets.insert(key, blob);
        done(WorkspaceSecrets::fromBlob(blob));
    });
}

void Workspace::forgetDraftSecrets(const QString &tabId)
{
    const QString key = secretKey(u"draft"_s, tabId);
    // Only what this session knows of: a draft without secrets never had an entry.
    if (m_storedSecrets.value(key).isEmpty())
        return;
    forgetSecrets(u"draft"_s, tabId);
}

void Workspace::storeSecrets(const QString &kind, const QString &id, const WorkspaceSecrets::Map &secrets)
{
    if (!m_secrets)
        return; // nothing is remembered as stored: the first save after the store is set writes
    const QString key = secretKey(kind, id);
    const QByteArray blob = secrets.isEmpty() ? QByteArray() : WorkspaceSecrets::toBlob(secrets);
    // A key never read nor written counts as empty: a save made before the store has answered a
    // read must not remove what the store holds.
    if (m_storedSecrets.value(key) == blob)
        return;
    // Remembered as stored only once the store says so: a failed write is tried again next time.
    auto done = [this, key, blob](const SecretResult &result) {
        if (result.ok()) {
            m_storedSecrets.insert(key, blob);
            return;
        }
        m_storedSecrets.remove(key);
        Q_EMIT message(tr("Secret values could not be saved in %1: %2")
                           .arg(m_secrets ? m_secrets->displayName() : tr("the keychain"), result.message));
    };
    if (blob.isEmpty())
        m_secrets->remove(key, this, done);
    else
        m_secrets->write(key, blob, this, done);
}

void Workspace::forgetSecrets(const QString &kind, const QString &id)
{
    // Always asked of the store, whatever was read or written before: an entry written by an
    // earlier session that this one never read must go too.
    const QString key = secretKey(kind, id);
    m_storedSecrets.remove(key);
    if (!m_secrets)
        return;
    m_secrets->remove(key, this, [this](const SecretResult &result) {
        if (!result.ok())
            Q_EMIT message(
                tr("Secret values could not be removed from %1: %2")
                    .arg(m_secrets ? m_secrets->displayName() : tr("the keychain"), result.message));
    });
}

} // namespace Postern
