#include "oauth/tokenstore.h"

#include "base/atomicfile.h"
#include "base/logging.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretstore.h"
#include "secrets/secretstoreprobe.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <utility>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr int MetadataVersion = 1;

const QString &metadataFormat()
{
    static const QString name = u"postern-tokens"_s;
    return name;
}

QString describe(const QJsonObject &metadata)
{
    const QString name = metadata.value(u"name"_s).toString();
    const QString id = metadata.value(u"id"_s).toString();
    return name.isEmpty() ? TokenStore::tr("token %1").arg(id)
                          : TokenStore::tr("token “%1” (%2)").arg(name, id);
}

QString describe(const OAuth2Token &token)
{
    return token.name.isEmpty() ? TokenStore::tr("token %1").arg(token.id)
                                : TokenStore::tr("token “%1” (%2)").arg(token.name, token.id);
}

} // namespace

// Where load() is while it reads the secrets one after the other.
struct TokenStore::LoadState
{
    SecretStore *store = nullptr;
    QList<QJsonObject> entries; // from tokens.json, in file order
    qsizetype next = 0;
    QList<OAuth2Token> tokens;
    QList<QJsonObject> unreadable;
    bool dropped = false;
};

QString TokenStore::metadataFileName()
{
    return u"tokens.json"_s;
}

QString TokenStore::secretKey(const QString &tokenId)
{
    return u"token/"_s % tokenId;
}

QString TokenStore::memoryOnlyMessage(const QString &reason)
{
    return tr("No keychain answered (%1): tokens are kept in memory until Postern quits. Turn on the "
              "encrypted-file fallback in Settings to keep them.")
        .arg(reason);
}

TokenStore::TokenStore(const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(dataDirectory)
    , m_sessionSecrets(new MemorySecretStore(this))
    , m_store(m_sessionSecrets)
    , m_statusMessage(tr("Token storage is not open yet: tokens are kept in memory."))
{
}

TokenStore::~TokenStore() = default;

QString TokenStore::metadataFilePath() const
{
    return QDir(m_dataDirectory).filePath(metadataFileName());
}

std::optional<OAuth2Token> TokenStore::token(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_tokens.at(index);
}

int TokenStore::indexOf(const QString &id) const
{
    for (int i = 0; i < m_tokens.size(); ++i) {
        if (m_tokens.at(i).id == id)
            return i;
    }
    return -1;
}

// --- the queue -----------------------------------------------------------------------------------

void TokenStore::enqueue(std::function<void()> operation)
{
    m_queue.push_back(std::move(operation));
    if (!m_busy) {
        // Start on the next turn of the event loop, so that even an operation that needs no store
        // answers after the call that asked for it has returned.
        m_busy = true;
        QMetaObject::invokeMethod(this, &TokenStore::operationDone, Qt::QueuedConnection);
    }
}

// Runs the next queued operation, or marks the queue idle. Every operation calls this exactly once
// when it is done.
void TokenStore::operationDone()
{
    if (m_queue.empty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    const std::function<void()> operation = std::move(m_queue.front());
    m_queue.pop_front();
    operation();
}

void TokenStore::finish(const Callback &done, bool ok, const QString &error)
{
    if (done)
        done(ok, error);
    operationDone();
}

void TokenStore::fail(const Callback &done, const QString &error)
{
    qCWarning(lcStore).noquote() << error;
    Q_EMIT errorOccurred(error);
    finish(done, false, error);
}

// --- tokens.json -----------------------------------------------------------------------------------

QString TokenStore::writeMetadata() const
{
    if (!persistsMetadata())
        return {};
    QJsonArray tokens;
    for (const OAuth2Token &token : m_tokens)
        tokens.append(token.metadataJson());
    for (const QJsonObject &metadata : m_unreadable)
        tokens.append(metadata);
    const QJsonObject root {
        { u"format"_s, metadataFormat() },
        { u"version"_s, MetadataVersion },
        { u"tokens"_s, tokens },
    };
    const QString error
        = AtomicFile::write(metadataFilePath(), QJsonDocument(root).toJson(QJsonDocument::Indented));
    qCDebug(lcStore) << "wrote" << metadataFilePath() << tokens.size() << "tokens" << error;
    return error;
}

void TokenStore::load()
{
    enqueue([this] { loadNow(); });
}

void TokenStore::loadNow()
{
    if (!persistsMetadata()) {
        m_loaded = true;
        Q_EMIT loaded();
        operationDone();
        return;
    }

    auto state = std::make_shared<LoadState>();
    state->store = m_store;
    m_loaded = false;

    QByteArray contents;
    QString error;
    switch (AtomicFile::read(metadataFilePath(), &contents, &error)) {
    case AtomicFile::ReadStatus::Missing:
        break;
    case AtomicFile::ReadStatus::Failed:
        qCWarning(lcStore).noquote() << error;
        Q_EMIT errorOccurred(error);
        break;
    case AtomicFile::ReadStatus::Ok: {
        QString problem;
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(contents, &parseError);
        const QJsonObject root = document.object();
        const QJsonValue tokens = root.value(u"tokens"_s);
        if (parseError.error != QJsonParseError::NoError)
            problem = tr("not valid JSON: %1").arg(parseError.errorString());
        else if (!document.isObject() || root.value(u"format"_s).toString() != metadataFormat()
                 || !tokens.isArray())
            problem = tr("not a Postern token list");
        else if (root.value(u"version"_s).toInt() != MetadataVersion)
            problem = tr("unknown version %1").arg(root.value(u"version"_s).toInt());
        QSet<QString> ids;
        if (problem.isEmpty()) {
            const QJsonArray array = tokens.toArray();
            for (const QJsonValue &value : array) {
                const QString id = value.toObject().value(u"id"_s).toString();
                if (!value.isObject() || id.isEmpty() || ids.contains(id)) {
                    problem = tr("an entry without an id, or a repeated id");
                    break;
                }
                ids.insert(id);
                state->entries.append(value.toObject());
            }
        }
        if (!problem.isEmpty()) {
            state->entries.clear();
            QString moveError;
            const QString aside = AtomicFile::setAside(metadataFilePath(), &moveError);
            const QString message = aside.isEmpty()
                ? tr("The token list %1 is damaged (%2) and could not be moved aside: %3 Postern starts with "
                     "no "
                     "saved tokens.")
                      .arg(QDir::toNativeSeparators(metadataFilePath()), problem, moveError)
                : tr("The token list %1 was damaged (%2). It was moved to %3 and Postern starts with no "
                     "saved "
                     "tokens.")
                      .arg(QDir::toNativeSeparators(metadataFilePath()), problem,
                           QDir::toNativeSeparators(aside));
            qCWarning(lcStore).noquote() << message;
            Q_EMIT errorOccurred(message);
        }
        break;
    }
    }
    loadNextSecret(state);
}

void TokenStore::loadNextSecret(const std::shared_ptr<LoadState> &state)
{
    if (state->next >= state->entries.size()) {
        loadFinished(state);
        return;
    }
    const QJsonObject metadata = state->entries.at(state->next++);
    const QString id = metadata.value(u"id"_s).toString();
    state->store->read(
        secretKey(id), this, [this, state, metadata](const SecretResult &result, const QByteArray &blob) {
            OAuth2Token token = OAuth2Token::fromMetadataJson(metadata);
            if (result.ok() && token.setSecretsFromBlob(blob)) {
                state->tokens.append(token);
            } else if (result.ok() || result.error == SecretError::NotFound) {
                state->dropped = true;
                const QString message = result.ok()
                    ? tr("The secret of %1 in %2 is unreadable; the token was removed.")
                          .arg(describe(metadata), state->store->displayName())
                    : tr("The secret of %1 is no longer in %2; the token was removed.")
                          .arg(describe(metadata), state->store->displayName());
                qCWarning(lcStore).noquote() << message;
                Q_EMIT errorOccurred(message);
            } else {
                state->unreadable.append(metadata);
                const QString message
                    = tr("The secret of %1 could not be read from %2 (%3); the token is kept for later "
                         "but cannot be used now.")
                          .arg(describe(metadata), state->store->displayName(), result.message);
                qCWarning(lcStore).noquote() << message;
                Q_EMIT errorOccurred(message);
            }
            loadNextSecret(state);
        });
}

void TokenStore::loadFinished(const std::shared_ptr<LoadState> &state)
{
    m_tokens = state->tokens;
    m_unreadable = state->unreadable;
    if (state->dropped) {
        const QString error = writeMetadata();
        if (!error.isEmpty())
            Q_EMIT errorOccurred(error);
    }
    m_loaded = true;
    qCInfo(lcStore) << "loaded" << m_tokens.size() << "tokens," << m_unreadable.size() << "unreadable";

    // Tokens of a memory-only session move into the store now in use, in their original order,
    // ahead of anything queued after this load.
    const QList<OAuth2Token> carryOver = std::exchange(m_carryOver, {});
    for (auto it = carryOver.crbegin(); it != carryOver.crend(); ++it) {
        if (indexOf(it->id) < 0) {
            const OAuth2Token token = *it;
            m_queue.push_front([this, token] { addNow(token, {}); });
        }
    }

    Q_EMIT tokensChanged();
    Q_EMIT loaded();
    operationDone();
}

// --- changes -----------------------------------------------------------------------------------

void TokenStore::add(const OAuth2Token &token, Callback done)
{
    enqueue([this, token, done = std::move(done)] { addNow(token, done); });
}

void TokenStore::addNow(const OAuth2Token &token, const Callback &done)
{
    if (!token.isValid())
        return fail(done, tr("A token without an id or access token cannot be stored."));
    if (indexOf(token.id) >= 0)
        return fail(done, tr("The %1 is stored already.").arg(describe(token)));

    SecretStore *store = m_store;
    store->write(secretKey(token.id), token.secretsBlob(), this,
                 [this, store, token, done](const SecretResult &result) {
                     if (!result.ok()) {
                         return fail(done,
                                     tr("Could not keep the %1 in %2: %3")
                                         .arg(describe(token), store->displayName(), result.message));
                     }
                     m_tokens.append(token);
                     const QString error = writeMetadata();
                     if (error.isEmpty()) {
                         qCInfo(lcStore) << "added token" << token.id;
                         Q_EMIT tokensChanged();
                         return finish(done, true, {});
                     }
                     // Without its metadata the token would be lost at the next start: undo, and say so.
                     m_tokens.removeLast();
                     store->remove(
                         secretKey(token.id), this, [this, token, error, done](const SecretResult &) {
                             fail(done, tr("Could not save the %1: %2").arg(describe(token), error));
                         });
                 });
}

void TokenStore::update(const OAuth2Token &token, Callback done)
{
    enqueue([this, token, done = std::move(done)] {
        if (!token.isValid())
            return fail(done, tr("A token without an id or access token cannot be stored."));
        if (indexOf(token.id) < 0)
            return fail(done, tr("There is no %1 to update.").arg(describe(token)));

        SecretStore *store = m_store;
        store->write(secretKey(token.id), token.secretsBlob(), this,
                     [this, store, token, done](const SecretResult &result) {
                         if (!result.ok()) {
                             return fail(done,
                                         tr("Could not keep the new secrets of the %1 in %2: %3")
                                             .arg(describe(token), store->displayName(), result.message));
                         }
                         // The secrets are replaced in storage: the session uses the new token from now on,
                         // even if its metadata cannot be saved.
                         const int index = indexOf(token.id);
                         if (index >= 0)
                             m_tokens[index] = token;
                         else
                             m_tokens.append(token);
                         const QString error = writeMetadata();
                         Q_EMIT tokensChanged();
                         if (!error.isEmpty())
                             return fail(done, tr("Could not save the %1: %2").arg(describe(token), error));
                         qCInfo(lcStore) << "updated token" << token.id;
                         finish(done, true, {});
                     });
    });
}

void TokenStore::remove(const QString &id, Callback done)
{
    enqueue([this, id, done = std::move(done)] {
        if (indexOf(id) < 0)
            return fail(done, tr("There is no token %1.").arg(id));
        removeNow({ id }, false, done);
    });
}

void TokenStore::removeExpired(const QDateTime &now, Callback done)
{
    enqueue([this, now, done = std::move(done)] {
        QStringList ids;
        for (const OAuth2Token &token : std::as_const(m_tokens)) {
            if (token.isExpired(now))
                ids.append(token.id);
        }
        removeNow(ids, false, done);
    });
}

void TokenStore::removeAll(Callback done)
{
    enqueue([this, done = std::move(done)] {
        QStringList ids;
        for (const OAuth2Token &token : std::as_const(m_tokens))
            ids.append(token.id);
        for (const QJsonObject &metadata : std::as_const(m_unreadable))
            ids.append(metadata.value(u"id"_s).toString());
        removeNow(ids, true, done);
    });
}

// Removes the secrets of the state's ids one after the other, then the metadata of those whose
// secret is gone, in one write. A token whose secret could not be removed stays, so that nothing is
// left behind unseen in the keychain.
struct TokenStore::RemoveState
{
    SecretStore *store = nullptr;
    QStringList pending;
    QStringList removed;
    QStringList errors;
    bool includingUnreadable = false;
    Callback done;
};

void TokenStore::removeNow(const QStringList &ids, bool includingUnreadable, const Callback &done)
{
    auto state = std::make_shared<RemoveState>();
    state->store = m_store;
    state->pending = ids;
    state->includingUnreadable = includingUnreadable;
    state->done = done;
    removeNextSecret(state);
}

void TokenStore::removeNextSecret(const std::shared_ptr<RemoveState> &state)
{
    if (state->pending.isEmpty()) {
        removeFinished(state);
        return;
    }
    const QString id = state->pending.takeFirst();
    state->store->remove(secretKey(id), this, [this, state, id](const SecretResult &result) {
        if (result.ok()) {
            state->removed.append(id);
        } else {
            state->errors.append(tr("Could not remove the secret of token %1 from %2: %3")
                                     .arg(id, state->store->displayName(), result.message));
        }
        removeNextSecret(state);
    });
}

void TokenStore::removeFinished(const std::shared_ptr<RemoveState> &state)
{
    bool changed = false;
    for (const QString &id : std::as_const(state->removed)) {
        const int index = indexOf(id);
        if (index >= 0) {
            m_tokens.removeAt(index);
            changed = true;
        }
        if (state->includingUnreadable) {
            changed |= m_unreadable.removeIf([&id](const QJsonObject &metadata) {
                return metadata.value(u"id"_s).toString() == id;
            }) > 0;
        }
    }
    if (changed) {
        const QString error = writeMetadata();
        if (!error.isEmpty())
            state->errors.append(error);
        qCInfo(lcStore) << "removed" << state->removed.size() << "tokens";
        Q_EMIT tokensChanged();
    }
    if (!state->errors.isEmpty())
        return fail(state->done, state->errors.join(u'\n'));
    finish(state->done, true, {});
}

} // namespace Postern
