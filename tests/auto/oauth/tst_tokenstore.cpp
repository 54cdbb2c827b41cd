#include "oauth/tokenstore.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretstoreondemand.h"
#include "secrets/timelimitedsecretstore.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// Values that must never appear in tokens.json.
const QString AccessCanary = u"canary-access-7f3a9c"_s;
const QString RefreshCanary = u"canary-refresh-51be02"_s;
const QString IdTokenCanary = u"canary-idtoken-c0ffee"_s;

OAuth2Token makeToken(const QString &name, const QString &suffix = {})
{
    OAuth2Token token;
    token.id = OAuth2Token::newId();
    token.name = name;
    token.tokenType = u"Bearer"_s;
    token.scope = u"useraccount"_s;
    token.grantType = u"authorization_code"_s;
    token.issuer = u"https://dev1.example.invalid"_s;
    token.configKey = u"config-1"_s;
    token.obtainedAt = QDateTime::currentDateTimeUtc();
    token.expiresAt = token.obtainedAt.addSecs(1800);
    token.accessToken = AccessCanary % suffix;
    token.refreshToken = RefreshCanary % suffix;
    token.idToken = IdTokenCanary % suffix;
    token.raw = QJsonObject { { u"access_token"_s, token.accessToken },
                              { u"refresh_token"_s, token.refreshToken } };
    return token;
}

struct Outcome
{
    bool called = false;
    bool ok = false;
    QString error;
};

TokenStore::Callback record(Outcome &outcome)
{
    return [&outcome](bool ok, const QString &error) {
        outcome.called = true;
        outcome.ok = ok;
        outcome.error = error;
    };
}

// A keychain that never answers, as over a hung D-Bus.
class HangingSecretStore : public SecretStore
{
public:
    using SecretStore::SecretStore;
    QString displayName() const override { return u"a hanging keychain"_s; }
    void read(const QString &, QObject *, ReadCallback) override { ++calls; }
    void write(const QString &, const QByteArray &, QObject *, DoneCallback) override { ++calls; }
    void remove(const QString &, QObject *, DoneCallback) override { ++calls; }
    int calls = 0;
};

// A keychain that answers until it is told to stall, then takes calls and never answers them, as one
// whose service hung after Postern started.
class StallingSecretStore : public MemorySecretStore
{
public:
    using MemorySecretStore::MemorySecretStore;
    void read(const QString &key, QObject *context, ReadCallback done) override
    {
        if (!stalled)
            MemorySecretStore::read(key, context, std::move(done));
    }
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override
    {
        if (!stalled)
            MemorySecretStore::write(key, data, context, std::move(done));
    }
    void remove(const QString &key, QObject *context, DoneCallback done) override
    {
        if (!stalled)
            MemorySecretStore::remove(key, context, std::move(done));
    }
    bool stalled = false;
};

// A keychain that is there but refuses reads, as a locked one does.
class LockedSecretStore : public MemorySecretStore
{
public:
    using MemorySecretStore::MemorySecretStore;
    void read(const QString &, QObject *context, ReadCallback done) override
    {
        QMetaObject::invokeMethod(
            context,
            [done] {
                done(SecretResult::failure(SecretError::AccessDenied, u"the keychain is locked"_s), {});
            },
            Qt::QueuedConnection);
    }
};

// A keychain that answers, and counts every time it is asked anything.
class CountingSecretStore : public MemorySecretStore
{
public:
    using MemorySecretStore::MemorySecretStore;
    void read(const QString &key, QObject *context, ReadCallback done) override
    {
        ++calls;
        MemorySecretStore::read(key, context, std::move(done));
    }
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override
    {
        ++calls;
        MemorySecretStore::write(key, data, context, std::move(done));
    }
    void remove(const QString &key, QObject *context, DoneCallback done) override
    {
        ++calls;
        MemorySecretStore::remove(key, context, std::move(done));
    }
    int calls = 0;
};

} // namespace

class tst_TokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addListUpdateRemove();
    void updateStoresNewRefreshTokenBeforeCallback();
    void removeExpired();
    void removeAll();
    void operationsRunInOrder();
    void persistsAcrossRestart();
    void metadataHasNoSecret();
    void metadataWrittenAtomically();
    void corruptMetadataSetAside_data();
    void corruptMetadataSetAside();
    void missingSecretDropsToken();
    void lockedSecretKeepsMetadata();
    void metadataWriteFailureUndoesAdd();
    void probeSucceedsUsesKeychain();
    void probeTimeoutFallsBackToMemory();
    void keychainThatStopsAnsweringTimesOut();
    void memoryTokensCarriedIntoPersistentStore();
    void firstStartLeavesKeychainAlone_data();
    void firstStartLeavesKeychainAlone();
    void firstStoreWithoutKeychainStaysInMemory();
    void firstRequestDraftLeavesKeychainAlone();

private:
    std::unique_ptr<TokenStore> openStore(SecretStore *secrets);
    QByteArray metadataFile() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
};

void tst_TokenStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<MemorySecretStore>();
}

void tst_TokenStore::cleanup()
{
    m_secrets.reset();
    m_dir.reset();
}

// A store over the test directory, with `secrets` standing in for the keychain, loaded.
std::unique_ptr<TokenStore> tst_TokenStore::openStore(SecretStore *secrets)
{
    auto store = std::make_unique<TokenStore>(m_dir->path());
    store->useSecretStore(secrets, TokenStore::StorageMode::Keychain);
    QSignalSpy loaded(store.get(), &TokenStore::loaded);
    store->load();
    if (!loaded.wait(5000))
        return nullptr;
    return store;
}

QByteArray tst_TokenStore::metadataFile() const
{
    QFile file(QDir(m_dir->path()).filePath(u"tokens.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void tst_TokenStore::addListUpdateRemove()
{
    auto store = openStore(m_secrets.get());
    QVERIFY(store);
    QCOMPARE(store->storageMode(), TokenStore::StorageMode::Keychain);
    QVERIFY(store->tokens().isEmpty());

    QSignalSpy changed(store.get(), &TokenStore::tokensChanged);
    const OAuth2Token first = makeToken(u"First"_s, u"-1"_s);
    const OAuth2Token second = makeToken(u"Second"_s, u"-2"_s);
    Outcome added;
    store->add(first);
    store->add(second, record(added));
    QTRY_VERIFY(added.called);
    QVERIFY2(added.ok, qPrintable(added.error));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(store->tokens().size(), 2);
    QCOMPARE(store->tokens().at(0).id, first.id);
    QCOMPARE(store->token(second.id)->accessToken, second.accessToken);
    QVERIFY(m_secrets->contains(TokenStore::secretKey(first.id)));

    Outcome duplicate;
    store->add(first, record(duplicate));
    QTRY_VERIFY(duplicate.called);
    QVERIFY(!duplicate.ok);
    QCOMPARE(store->tokens().size(), 2);

    OAuth2Token renewed = first;
    renewed.accessToken = u"renewed-access"_s;
    renewed.expiresAt = renewed.expiresAt.addSecs(3600);
    Outcome updated;
    store->update(renewed, record(updated));
    QTRY_VERIFY(updated.called);
    QVERIFY2(updated.ok, qPrintable(updated.error));
    QCOMPARE(store->token(first.id)->accessToken, u"renewed-access"_s);
    QCOMPARE(store->token(first.id)->expiresAt, renewed.expiresAt);

    Outcome unknown;
    store->update(makeToken(u"Never added"_s), record(unknown));
    QTRY_VERIFY(unknown.called);
    QVERIFY(!unknown.ok);

    Outcome removed;
    store->remove(first.id, record(removed));
    QTRY_VERIFY(removed.called);
    QVERIFY2(removed.ok, qPrintable(removed.error));
    QVERIFY(!store->token(first.id));
    QVERIFY(!m_secrets->contains(TokenStore::secretKey(first.id)));
    QCOMPARE(store->tokens().size(), 1);
    QVERIFY(!metadataFile().contains(first.id.toUtf8()));
    QVERIFY(metadataFile().contains(second.id.toUtf8()));
}

void tst_TokenStore::updateStoresNewRefreshTokenBeforeCallback()
{
    auto store = openStore(m_secrets.get());
    QVERIFY(store);
    const OAuth2Token token = makeToken(u"Rotating"_s);
    Outcome added;
    store->add(token, record(added));
    QTRY_VERIFY(added.ok);

    OAuth2Token rotated = token;
    rotated.refreshToken = u"rotated-refresh-token"_s;
    QByteArray storedWhenToldDone;
    bool done = false;
    store->update(rotated, [&](bool ok, const QString &) {
        QVERIFY(ok);
        // By the time the caller hears back, the storage holds the new refresh token.
        m_secrets->read(TokenStore::secretKey(token.id), this,
                        [&](const SecretResult &, const QByteArray &data) {
                            storedWhenToldDone = data;
                            done = true;
                        });
    });
    QTRY_VERIFY(done);
    OAuth2Token fromStorage;
    QVERIFY(fromStorage.setSecretsFromBlob(storedWhenToldDone));
    QCOMPARE(fromStorage.refreshToken, u"rotated-refresh-token"_s);
}

void tst_TokenStore::removeExpired()
{
    auto store = openStore(m_secrets.get());
    QVERIFY(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    OAuth2Token expired = makeToken(u"Expired"_s);
    expired.expiresAt = now.addSecs(-10);
    OAuth2Token revoked = makeToken(u"Revoked"_s);
    revoked.revoked = true;
    OAuth2Token fresh = makeToken(u"Fresh"_s);
    OAuth2Token noExpiry = makeToken(u"No expiry"_s);
    noExpiry.expiresAt = {};
    Outcome added;
    for (const OAuth2Token &token : { expired, revoked, fresh })
        store->add(token);
    store->add(noExpiry, record(added));
    QTRY_VERIFY(added.ok);

    Outcome removed;
    store->removeExpired(now, record(removed));
    QTRY_VERIFY(removed.called);
    QVERIFY2(removed.ok, qPrintable(removed.error));
    QStringList ids;
    for (const OAuth2Token &token : store->tokens())
        ids.append(token.id);
    QCOMPARE(ids, QStringList({ fresh.id, noExpiry.id }));
    QVERIFY(!m_secrets->contains(TokenStore::secretKey(expired.id)));
    QVERIFY(!m_secrets->contains(TokenStore::secretKey(revoked.id)));
    QVERIFY(m_secrets->contains(TokenStore::secretKey(fresh.id)));

    auto restarted = openStore(m_secrets.get());
    QVERIFY(restarted);
    QCOMPARE(restarted->tokens().size(), 2);
}

void tst_TokenStore::removeAll()
{
    auto store = openStore(m_secrets.get());
    QVERIFY(store);
    Outcome added;
    store->add(makeToken(u"A"_s));
    store->add(makeToken(u"B"_s), record(added));
    QTRY_VERIFY(added.ok);
    QCOMPARE(m_secrets->keys().size(), 2);

    Outcome removed;
    store->removeAll(record(removed));
    QTRY_VERIFY(removed.called);
    QVERIFY(removed.ok);
    QVERIFY(store->tokens().isEmpty());
    QVERIFY(m_secrets->keys().isEmpty());
    const QJsonObject root = QJsonDocument::fromJson(metadataFile()).object();
    QVERIFY(root.value(u"tokens"_s).toArray().isEmpty());
}

void tst_TokenStore::operationsRunInOrder()
{
    auto store = openStore(m_secrets.get());
    QVERIFY(store);
    const OAuth2Token token = makeToken(u"Short-lived"_s);
    Outcome removed;
    store->add(token);
    store->remove(token.id, record(removed)); // before the add has finished
    QTRY_VERIFY(removed.called);
    QVERIFY2(removed.ok, qPrintable(removed.error));
    QVERIFY(store->tokens().isEmpty());
    QVERIFY(m_secrets->keys().isEmpty());
}

void tst_TokenStore::persistsAcrossRestart()
{
    const OAuth2Token token = makeToken(u"Kept"_s);
    {
        auto store = openStore(m_secrets.get());
        QVERIFY(store);
        Outcome added;
        store->add(token, record(added));
        QTRY_VERIFY(added.ok);
    }
    auto restarted = openStore(m_secrets.get());
    QVERIFY(restarted);
    QVERIFY(restarted->isLoaded());
    QCOMPARE(restarted->tokens().size(), 1);
    const OAuth2Token loaded = restarted->tokens().constFirst();
    QCOMPARE(loaded.id, token.id);
    QCOMPARE(loaded.name, token.name);
    QCOMPARE(loaded.tokenType, token.tokenType);
    QCOMPARE(loaded.scope, token.scope);
    QCOMPARE(loaded.issuer, token.issuer);
    QCOMPARE(loaded.configKey, token.configKey);
    QCOMPARE(loaded.obtainedAt, token.obtainedAt);
    QCOMPARE(loaded.expiresAt, token.expiresAt);
    QCOMPARE(loaded.accessToken, token.accessToken);
    QCOMPARE(loaded.refreshToken, token.refreshToken);
    QCOMPARE(loaded.idToken, token.idToken);
    QCOMPARE(loaded.raw, token.raw);
}

void tst_TokenStore::metadataHasNoSecret()
{
    auto store = openStore(m_secrets.get());
    QVERIFY(store);
    const OAuth2Token token = makeToken(u"Secretive"_s);
    Outcome added;
    store->add(token, record(added));
    QTRY_VERIFY(added.ok);

    const QByteArray file = metadataFile();
    QVERIFY(file.contains(token.id.toUtf8()));
    QVERIFY(file.contains("Secretive"));
    for (const QString &canary : { AccessCanary, RefreshCanary, IdTokenCanary }) {
        QVERIFY2(!file.contains(canary.toUtf8()), qPrintable(canary));
        QVERIFY2(!file.contains(canary.toUtf8().toBase64()), qPrintable(canary));
    }
    // Stable and readable: pretty-printed, keys in order, a format marker.
    const QJsonObject root = QJsonDocument::fromJson(file).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"postern-tokens"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QCOMPARE(QJsonDocument(root).toJson(QJsonDocument::Indented), file);
    QCOMPARE(QFileInfo(QDir(m_dir->path()).filePath(u"tokens.json"_s)).permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

void tst_TokenStore::metadataWrittenAtomically()
{
    auto store = openStore(m_secrets.get());
    QVERIFY(store);
    Outcome added;
    store->add(makeToken(u"Before"_s), record(added));
    QTRY_VERIFY(added.ok);

    const QString path = QDir(m_dir->path()).filePath(u"tokens.json"_s);
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray oldContents = metadataFile();
    struct stat oldStat
    {
    };
    QCOMPARE(::stat(path.toLocal8Bit().constData(), &oldStat), 0);

    Outcome second;
    store->add(makeToken(u"After"_s), record(second));
    QTRY_VERIFY(second.ok);

    // The file was replaced, not rewritten in place: a reader of the old one still sees it whole.
    struct stat newStat
    {
    };
    QCOMPARE(::stat(path.toLocal8Bit().constData(), &newStat), 0);
    QVERIFY(oldStat.st_ino != newStat.st_ino);
    QCOMPARE(before.readAll(), oldContents);
    QVERIFY(metadataFile().contains("After"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList { u"tokens.json"_s });
}

void tst_TokenStore::corruptMetadataSetAside_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("truncated") << QByteArray(
        R"({"format": "postern-tokens", "version": 1, "tokens": [{"id": "ab)");
    QTest::newRow("hand-edited, trailing comma")
        << QByteArray(R"({"format": "postern-tokens", "version": 1, "tokens": [{"id": "a"},]})");
    QTest::newRow("not an object") << QByteArray("[1, 2, 3]");
    QTest::newRow("some other file") << QByteArray(R"({"hello": "world"})");
    QTest::newRow("entry without id")
        << QByteArray(R"({"format": "postern-tokens", "version": 1, "tokens": [{}]})");
    QTest::newRow("repeated id") << QByteArray(
        R"({"format": "postern-tokens", "version": 1, "tokens": [{"id": "a"}, {"id": "a"}]})");
    QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe garbage", 11);
}

void tst_TokenStore::corruptMetadataSetAside()
{
    QFETCH(QByteArray, contents);
    const QString path = QDir(m_dir->path()).filePath(u"tokens.json"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }

    auto store = std::make_unique<TokenStore>(m_dir->path());
    store->useSecretStore(m_secrets.get(), TokenStore::StorageMode::Keychain);
    QSignalSpy errors(store.get(), &TokenStore::errorOccurred);
    QSignalSpy loaded(store.get(), &TokenStore::loaded);
    store->load();
    QVERIFY(loaded.wait(5000));
    QVERIFY(store->tokens().isEmpty());
    QCOMPARE(errors.size(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(u"moved to"_s), qPrintable(message));

    const QStringList aside = QDir(m_dir->path()).entryList({ u"tokens.json.broken-*"_s }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY(message.contains(aside.constFirst()));
    QFile kept(QDir(m_dir->path()).filePath(aside.constFirst()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), contents);
    QVERIFY(!QFileInfo::exists(path));

    // The store works on from empty.
    Outcome added;
    store->add(makeToken(u"New"_s), record(added));
    QTRY_VERIFY(added.ok);
    QVERIFY(metadataFile().contains("New"));
}

void tst_TokenStore::missingSecretDropsToken()
{
    const OAuth2Token kept = makeToken(u"Kept"_s);
    const OAuth2Token lost = makeToken(u"Lost"_s);
    {
        auto store = openStore(m_secrets.get());
        QVERIFY(store);
        Outcome added;
        store->add(kept);
        store->add(lost, record(added));
        QTRY_VERIFY(added.ok);
    }
    // Someone deletes one secret in the keychain's own tool while Postern is not running.
    bool removed = false;
    m_secrets->remove(TokenStore::secretKey(lost.id), this, [&](const SecretResult &) { removed = true; });
    QTRY_VERIFY(removed);

    TokenStore store(m_dir->path());
    store.useSecretStore(m_secrets.get(), TokenStore::StorageMode::Keychain);
    QSignalSpy errors(&store, &TokenStore::errorOccurred);
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(store.tokens().size(), 1);
    QCOMPARE(store.tokens().constFirst().id, kept.id);
    QCOMPARE(errors.size(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(u"Lost"_s) && message.contains(u"no longer"_s), qPrintable(message));
    QVERIFY(!metadataFile().contains(lost.id.toUtf8()));
    QVERIFY(metadataFile().contains(kept.id.toUtf8()));
}

void tst_TokenStore::lockedSecretKeepsMetadata()
{
    const OAuth2Token token = makeToken(u"Locked away"_s);
    LockedSecretStore locked;
    {
        auto store = openStore(&locked);
        QVERIFY(store);
        Outcome added;
        store->add(token, record(added));
        QTRY_VERIFY(added.ok);
    }
    TokenStore store(m_dir->path());
    store.useSecretStore(&locked, TokenStore::StorageMode::Keychain);
    QSignalSpy errors(&store, &TokenStore::errorOccurred);
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load();
    QVERIFY(loaded.wait(5000));
    QVERIFY(store.tokens().isEmpty());
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(u"locked"_s));

    // Not listed, but not forgotten either: still in tokens.json, and a later add keeps it there.
    Outcome added;
    store.add(makeToken(u"Another"_s), record(added));
    QTRY_VERIFY(added.ok);
    QVERIFY(metadataFile().contains(token.id.toUtf8()));

    Outcome removed;
    store.removeAll(record(removed));
    QTRY_VERIFY(removed.called);
    QVERIFY(!metadataFile().contains(token.id.toUtf8()));
    QVERIFY(locked.keys().isEmpty());
}

void tst_TokenStore::metadataWriteFailureUndoesAdd()
{
    // The data directory is a plain file, so tokens.json cannot be written.
    const QString blocked = QDir(m_dir->path()).filePath(u"not-a-directory"_s);
    {
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    TokenStore store(blocked);
    store.useSecretStore(m_secrets.get(), TokenStore::StorageMode::Keychain);
    QSignalSpy errors(&store, &TokenStore::errorOccurred);
    Outcome added;
    store.add(makeToken(u"Homeless"_s), record(added));
    QTRY_VERIFY(added.called);
    QVERIFY(!added.ok);
    QCOMPARE(errors.size(), 1);
    QVERIFY(store.tokens().isEmpty());
    QVERIFY2(m_secrets->keys().isEmpty(), "the secret written first is taken back");
}

void tst_TokenStore::probeSucceedsUsesKeychain()
{
    TokenStore store(m_dir->path());
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.start(m_secrets.get(), std::chrono::seconds(5));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(store.storageMode(), TokenStore::StorageMode::Keychain);
    QVERIFY(store.statusMessage().contains(m_secrets->displayName()));
    QVERIFY2(m_secrets->keys().isEmpty(), "the probe's dummy entry is removed");
}

void tst_TokenStore::probeTimeoutFallsBackToMemory()
{
    HangingSecretStore hanging;
    TokenStore store(m_dir->path());
    QSignalSpy loaded(&store, &TokenStore::loaded);
    QSignalSpy modeChanged(&store, &TokenStore::storageModeChanged);
    QElapsedTimer timer;
    timer.start();
    store.start(&hanging, std::chrono::milliseconds(300));
    QVERIFY(loaded.wait(5000));
    QVERIFY(timer.elapsed() < 3000);
    QCOMPARE(hanging.calls, 1);
    QCOMPARE(modeChanged.size(), 1);
    QCOMPARE(store.storageMode(), TokenStore::StorageMode::MemoryOnly);
    const QString message = store.statusMessage();
    QVERIFY2(message.startsWith(u"No keychain answered (no answer within 300 ms)"_s), qPrintable(message));
    QVERIFY(message.contains(u"encrypted-file fallback"_s));

    // Tokens still work for the session, and nothing is written to disk.
    const OAuth2Token token = makeToken(u"Session"_s);
    Outcome added;
    store.add(token, record(added));
    QTRY_VERIFY(added.called);
    QVERIFY2(added.ok, qPrintable(added.error));
    QCOMPARE(store.token(token.id)->refreshToken, token.refreshToken);
    OAuth2Token renewed = token;
    renewed.accessToken = u"renewed"_s;
    Outcome updated;
    store.update(renewed, record(updated));
    QTRY_VERIFY(updated.ok);
    QCOMPARE(store.token(token.id)->accessToken, u"renewed"_s);
    Outcome removed;
    store.remove(token.id, record(removed));
    QTRY_VERIFY(removed.ok);
    QVERIFY(store.tokens().isEmpty());
    QCOMPARE(hanging.calls, 1);
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void tst_TokenStore::keychainThatStopsAnsweringTimesOut()
{
    // The keychain answered at the start, then its service hung: each call fails after the time limit
    // with a message, nothing is half-stored, and what is queued behind it goes on.
    StallingSecretStore keychain;
    TimeLimitedSecretStore limited(&keychain, std::chrono::milliseconds(200));
    std::unique_ptr<TokenStore> store = openStore(&limited);
    QVERIFY(store);
    keychain.stalled = true;
    const OAuth2Token first = makeToken(u"First"_s);
    const OAuth2Token second = makeToken(u"Second"_s);
    Outcome added;
    Outcome queued;
    store->add(first, record(added));
    store->add(second, record(queued));
    QTRY_VERIFY(added.called);
    QVERIFY(!added.ok);
    QVERIFY2(added.error.contains(u"did not answer within 0.2 s"_s), qPrintable(added.error));
    QVERIFY(!store->token(first.id));
    QTRY_VERIFY(queued.called); // the queue moved on (and this one met the hung keychain too)
    QVERIFY(!queued.ok);
    // Once the keychain answers again, so does the store.
    keychain.stalled = false;
    Outcome later;
    store->add(first, record(later));
    QTRY_VERIFY(later.called);
    QVERIFY2(later.ok, qPrintable(later.error));
    QVERIFY(store->token(first.id));
    QVERIFY(metadataFile().contains(first.id.toUtf8()));
}

void tst_TokenStore::memoryTokensCarriedIntoPersistentStore()
{
    HangingSecretStore hanging;
    TokenStore store(m_dir->path());
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.start(&hanging, std::chrono::milliseconds(100));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(store.storageMode(), TokenStore::StorageMode::MemoryOnly);
    const OAuth2Token token = makeToken(u"Carried"_s);
    Outcome added;
    store.add(token, record(added));
    QTRY_VERIFY(added.ok);

    // The user turns on a persistent store during the session.
    store.useSecretStore(m_secrets.get(), TokenStore::StorageMode::EncryptedFile);
    store.load();
    QVERIFY(loaded.wait(5000));
    QTRY_VERIFY(m_secrets->contains(TokenStore::secretKey(token.id)));
    QTRY_VERIFY(metadataFile().contains(token.id.toUtf8()));
    QCOMPARE(store.tokens().size(), 1);

    auto restarted = openStore(m_secrets.get());
    QVERIFY(restarted);
    QCOMPARE(restarted->tokens().size(), 1);
    QCOMPARE(restarted->tokens().constFirst().refreshToken, token.refreshToken);
}

void tst_TokenStore::firstStartLeavesKeychainAlone_data()
{
    QTest::addColumn<bool>("onDemand");
    QTest::newRow("keychain asked on demand") << true;
    QTest::newRow("keychain probed at start (when something is stored)") << false;
}

void tst_TokenStore::firstStartLeavesKeychainAlone()
{
    QFETCH(bool, onDemand);
    // A first start: no tokens.json. Only the first secret stored may reach the keychain, where a
    // desktop keyring can ask for a new password.
    CountingSecretStore keychain;
    SecretStoreOnDemand lazy(&keychain, std::chrono::seconds(5));
    TokenStore store(m_dir->path());
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.start(onDemand ? static_cast<SecretStore *>(&lazy) : &keychain, std::chrono::seconds(5));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(store.storageMode(), TokenStore::StorageMode::Keychain);
    if (!onDemand) {
        QVERIFY(keychain.calls > 0); // the probe asked it at once
        return;
    }
    // What the workspace does at start: read and remove its (absent) secrets.
    bool readAnswered = false;
    store.secretStore()->read(u"environment/globals"_s, this,
                              [&readAnswered](const SecretResult &result, const QByteArray &data) {
                                  readAnswered = result.error == SecretError::NotFound && data.isEmpty();
                              });
    bool removed = false;
    store.secretStore()->remove(u"draft/1"_s, this,
                                [&removed](const SecretResult &result) { removed = result.ok(); });
    QTRY_VERIFY(readAnswered && removed);
    QCOMPARE(keychain.calls, 0);
    QCOMPARE(lazy.state(), SecretStoreOnDemand::State::Untouched);
    QVERIFY(store.statusMessage().contains(keychain.displayName()));

    // The first token: now the keychain is probed, then holds it; the store stays in Keychain mode.
    QSignalSpy decided(&lazy, &SecretStoreOnDemand::decided);
    const OAuth2Token token = makeToken(u"First"_s);
    Outcome added;
    store.add(token, record(added));
    QTRY_VERIFY(added.called);
    QVERIFY2(added.ok, qPrintable(added.error));
    QCOMPARE(decided.size(), 1);
    QCOMPARE(decided.first().first().toBool(), true);
    QVERIFY(keychain.calls > 0);
    QVERIFY(keychain.contains(TokenStore::secretKey(token.id)));
    QCOMPARE(keychain.keys().size(), 1); // the probe cleaned up after itself
    QCOMPARE(store.storageMode(), TokenStore::StorageMode::Keychain);
    QTRY_VERIFY(metadataFile().contains(token.id.toUtf8()));
    auto restarted = openStore(&keychain);
    QVERIFY(restarted);
    QCOMPARE(restarted->tokens().size(), 1);
}

void tst_TokenStore::firstStoreWithoutKeychainStaysInMemory()
{
    HangingSecretStore hanging;
    SecretStoreOnDemand lazy(&hanging, std::chrono::milliseconds(200));
    TokenStore store(m_dir->path());
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.start(&lazy);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(hanging.calls, 0);
    QSignalSpy modeChanged(&store, &TokenStore::storageModeChanged);
    const OAuth2Token token = makeToken(u"Session"_s);
    Outcome added;
    store.add(token, record(added));
    QTRY_VERIFY(added.called);
    QVERIFY2(added.ok, qPrintable(added.error));
    QCOMPARE(hanging.calls, 1); // the probe's write, never answered
    QCOMPARE(modeChanged.size(), 1);
    QCOMPARE(store.storageMode(), TokenStore::StorageMode::MemoryOnly);
    QVERIFY2(store.statusMessage().startsWith(u"No keychain answered (no answer within 200 ms)"_s),
             qPrintable(store.statusMessage()));
    QCOMPARE(store.token(token.id)->refreshToken, token.refreshToken);
    QVERIFY(QDir(m_dir->path()).isEmpty()); // nothing on disk in memory-only mode
}

void tst_TokenStore::firstRequestDraftLeavesKeychainAlone()
{
    // The request Postern opens with on a first start uses {{user}} and {{password}}: its draft holds
    // no secret, so saving it must not be what first asks the keychain.
    CountingSecretStore keychain;
    SecretStoreOnDemand lazy(&keychain, std::chrono::seconds(5));
    Workspace workspace(m_dir->filePath(u"workspace"_s));
    QVERIFY(workspace.open());
    workspace.setSecretStore(&lazy);
    workspace.reloadSecrets();
    AuthConfig auth;
    auth.type = AuthType::Basic;
    auth.username = u"{{user}}"_s;
    auth.password = u"{{password}}"_s;
    workspace.saveDraftSecrets(u"tab-1"_s, auth);
    QTest::qWait(50);
    QCOMPARE(lazy.state(), SecretStoreOnDemand::State::Untouched);
    QCOMPARE(keychain.calls, 0);

    // A real password typed in is a secret: that one reaches the keychain.
    auth.password = u"typed-secret"_s;
    workspace.saveDraftSecrets(u"tab-1"_s, auth);
    QTRY_COMPARE(lazy.state(), SecretStoreOnDemand::State::Keychain);
    QTRY_COMPARE(keychain.keys().size(), 1);
}

QTEST_GUILESS_MAIN(tst_TokenStore)
#include "tst_tokenstore.moc"
