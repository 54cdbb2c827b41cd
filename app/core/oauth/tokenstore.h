#pragma once

#include "auth/oauth2token.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace Postern {

class MemorySecretStore;
class SecretStore;
class SecretStoreProbe;

// The user's OAuth 2.0 tokens, kept across restarts.
//
// Each token is split in two (see OAuth2Token): the metadata of all tokens goes to
// "<data directory>/tokens.json" (written atomically, stable key order, never a secret); the secrets of
// each token go to a SecretStore under the key "token/<id>". Where the secrets go is the storage mode:
//   Keychain       the OS keychain answered the probe (start());
//   EncryptedFile  the user turned on the encrypted-file fallback (useSecretStore() with an opened
//                  EncryptedFileSecretStore);
//   MemoryOnly     no keychain answered and there is no fallback: tokens work for the session but are
//                  gone when Postern quits; tokens.json is neither read nor written, so tokens saved in
//                  an earlier session wait there for the keychain to come back.
// statusMessage() says which, in words for the user.
//
// A tokens.json that cannot be understood is moved aside ("tokens.json.broken-<timestamp>") and
// reported, and the store starts empty. A token whose secret is gone from its store is reported and
// dropped, metadata included; one whose secret cannot be read right now (store locked, I/O error) is
// reported and kept in tokens.json but not listed.
//
// Async contract: everything runs on the owner's thread and nothing blocks. Operations run one after
// the other in the order they were called; each one ends with its optional callback (ok, error text),
// and errorOccurred() for failures. add/update/remove write the secret first and the metadata after,
// and list changes are announced with tokensChanged() once both are done. For a refresh-token
// rotation, call update() with the new token and wait for its callback before using the new refresh
// token: by then it has replaced the old one in storage. The secret stores given are not owned and
// must outlive this object.
class TokenStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(StorageMode storageMode READ storageMode NOTIFY storageModeChanged)
    Q_PROPERTY(QString statusMessage READ statusMessage NOTIFY storageModeChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loaded)
public:
    enum class StorageMode { Keychain, EncryptedFile, MemoryOnly };
    Q_ENUM(StorageMode)

    using Callback = std::function<void(bool ok, const QString &error)>;

    static constexpr std::chrono::milliseconds DefaultProbeTimeout { 5000 };
    static QString metadataFileName();
    static QString secretKey(const QString &tokenId);

    // Starts in MemoryOnly mode, not loaded; call start(), or useSecretStore() and load().
    explicit TokenStore(const QString &dataDirectory, QObject *parent = nullptr);
    ~TokenStore() override;

    QString dataDirectory() const { return m_dataDirectory; }
    QString metadataFilePath() const;

    // Probes keychain (a dummy write, read and remove, bounded by probeTimeout); uses it when it
    // answers, else switches to MemoryOnly with a message saying why. Then loads; emits
    // storageModeChanged() and loaded(). A SecretStoreOnDemand (nothing stored yet) is not probed: it
    // is used at once (Keychain mode), asks the keychain itself at the first write, and where that
    // finds none the store switches to MemoryOnly then (storageModeChanged()), tokens kept.
    void start(SecretStore *keychain, std::chrono::milliseconds probeTimeout = DefaultProbeTimeout);

    // Puts secrets in store from now on (nullptr with MemoryOnly: this session's memory). An empty
    // statusMessage gets the standard one for the mode. Tokens of a memory-only session are carried
    // into the new store by the next load().
    void useSecretStore(SecretStore *store, StorageMode mode, const QString &statusMessage = {});

    // Reads tokens.json and the secrets it refers to; emits loaded() and tokensChanged() when done.
    void load();
    bool isLoaded() const { return m_loaded; }

    StorageMode storageMode() const { return m_mode; }
    QString statusMessage() const { return m_statusMessage; }
    SecretStore *secretStore() const { return m_store; }

    QList<OAuth2Token> tokens() const { return m_tokens; }
    std::optional<OAuth2Token> token(const QString &id) const;

    void add(const OAuth2Token &token, Callback done = {});
    void update(const OAuth2Token &token, Callback done = {});
    void remove(const QString &id, Callback done = {});
    // Removes the tokens that are expired or revoked at now.
    void removeExpired(const QDateTime &now = QDateTime::currentDateTimeUtc(), Callback done = {});
    // Removes every token, including those whose secrets could not be read.
    void removeAll(Callback done = {});

    static QString memoryOnlyMessage(const QString &reason);

Q_SIGNALS:
    void storageModeChanged();
    void loaded();
    void tokensChanged();
    void errorOccurred(const QString &message);

private:
    struct LoadState;
    struct RemoveState;

    void enqueue(std::function<void()> operation);
    void operationDone();
    void finish(const Callback &done, bool ok, const QString &error);
    void fail(const Callback &done, const QString &error);

    void loadNow();
    void loadNextSecret(const std::shared_ptr<LoadState> &state);
    void loadFinished(const std::shared_ptr<LoadState> &state);
    void addNow(const OAuth2Token &token, const Callback &done);
    void removeNow(const QStringList &ids, bool includingUnreadable, const Callback &done);
    void removeNextSecret(const std::shared_ptr<RemoveState> &state);
    void removeFinished(const std::shared_ptr<RemoveState> &state);

    bool persistsMetadata() const { return m_mode != StorageMode::MemoryOnly; }
    QString writeMetadata() const; // empty on success
    int indexOf(const QString &id) const;

    QString m_dataDirectory;
    MemorySecretStore *m_sessionSecrets; // owned (child); the store of MemoryOnly mode
    SecretStore *m_store;
    StorageMode m_mode = StorageMode::MemoryOnly;
    QString m_statusMessage;
    bool m_loaded = false;
    QList<OAuth2Token> m_tokens;
    QList<QJsonObject> m_unreadable; // metadata of tokens whose secrets could not be read at load
    QList<OAuth2Token> m_carryOver; // memory-only tokens to move into a persistent store at load
    SecretStoreProbe *m_probe = nullptr;
    std::deque<std::function<void()>> m_queue;
    bool m_busy = false;
};

} // namespace Postern
