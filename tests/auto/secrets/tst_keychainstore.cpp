// Tests KeychainSecretStore and TokenStore against a real Secret Service, never the user's.
//
// Started by CTest, main() finds no POSTERN_TST_KEYCHAIN_MODE and runs this same executable again,
// four times, each in a world of its own (a temporary HOME and XDG directories, no desktop variables):
//   keyring            dbus-run-session with a private bus (no service activation); in it,
//                      `printf '\n' | gnome-keyring-daemon --daemonize --unlock --components=secrets`
//                      creates and unlocks a "login" keyring with an empty password, and the tests run;
//   no-secret-service  the same private bus with nothing on it that provides org.freedesktop.secrets;
//   no-kwallet         the same again, posing as a KDE 4 desktop, so that QtKeychain tries KWallet, the
//                      backend where its insecure plaintext fallback would apply;
//   no-bus             DBUS_SESSION_BUS_ADDRESS pointing at a socket that does not exist.
// A missing tool makes the runs that need it skip, saying which Debian package to install.

#include "oauth/tokenstore.h"
#include "secrets/keychainsecretstore.h"
#include "shared/privatekeyring.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

const char ModeVariable[] = "POSTERN_TST_KEYCHAIN_MODE";
const char SkipVariable[] = "POSTERN_TST_KEYCHAIN_SKIP";
const QString AccessCanary = u"kc-canary-access-4d1e"_s;
const QString RefreshCanary = u"kc-canary-refresh-93ab"_s;
const QString SecretsService = u"org.freedesktop.secrets"_s;

OAuth2Token makeToken(const QString &name)
{
    OAuth2Token token;
    token.id = OAuth2Token::newId();
    token.name = name;
    token.tokenType = u"Bearer"_s;
    token.issuer = u"https://dev1.example.invalid"_s;
    token.obtainedAt = QDateTime::currentDateTimeUtc();
    token.expiresAt = token.obtainedAt.addSecs(1800);
    token.accessToken = AccessCanary;
    token.refreshToken = RefreshCanary;
    token.raw = QJsonObject { { u"access_token"_s, AccessCanary }, { u"refresh_token"_s, RefreshCanary } };
    return token;
}

struct Answer
{
    bool called = false;
    SecretResult result;
    QByteArray data;
};

Answer waitFor(const std::function<void(QObject *, Answer *)> &start)
{
    QObject context;
    Answer answer;
    start(&context, &answer);
    if (!QTest::qWaitFor([&answer] { return answer.called; }, 10000))
        answer.result = SecretResult::failure(SecretError::Failed, u"no answer within 10 s"_s);
    return answer;
}

Answer readSecret(SecretStore &store, const QString &key)
{
    return waitFor([&](QObject *context, Answer *answer) {
        store.read(key, context, [answer](const SecretResult &result, const QByteArray &data) {
            *answer = { true, result, data };
        });
    });
}

SecretResult writeSecret(SecretStore &store, const QString &key, const QByteArray &data)
{
    return waitFor([&](QObject *context, Answer *answer) {
               store.write(key, data, context, [answer](const SecretResult &result) {
                   *answer = { true, result, {} };
               });
           })
        .result;
}

SecretResult removeSecret(SecretStore &store, const QString &key)
{
    return waitFor([&](QObject *context, Answer *answer) {
               store.remove(key, context, [answer](const SecretResult &result) {
                   *answer = { true, result, {} };
               });
           })
        .result;
}

// secret-tool (libsecret-tools) looks into the keyring on its own, to see what really is there.
// QtKeychain stores binary data base64-encoded, with the attributes user=<key>, server=<service>.
QByteArray secretToolLookup(const QString &key)
{
    QProcess tool;
    tool.start(u"secret-tool"_s,
               { u"lookup"_s, u"server"_s, KeychainSecretStore::defaultServiceName(), u"user"_s, key,
                 u"type"_s, u"base64"_s });
    if (!tool.waitForFinished(10000) || tool.exitCode() != 0)
        return {};
    return QByteArray::fromBase64(tool.readAllStandardOutput().trimmed());
}

bool secretToolClear(const QString &key)
{
    QProcess tool;
    tool.start(u"secret-tool"_s,
               { u"clear"_s, u"server"_s, KeychainSecretStore::defaultServiceName(), u"user"_s, key });
    return tool.waitForFinished(10000) && tool.exitCode() == 0;
}

std::unique_ptr<TokenStore> startStore(const QString &directory, SecretStore *keychain,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(10))
{
    auto store = std::make_unique<TokenStore>(directory);
    QSignalSpy loaded(store.get(), &TokenStore::loaded);
    store->start(keychain, timeout);
    if (!loaded.wait(int(timeout.count()) + 5000))
        return nullptr;
    return store;
}

} // namespace

// With a Secret Service (gnome-keyring) on the private bus.
class tst_KeychainStore : public QObject
{
    Q_OBJECT
public:
    explicit tst_KeychainStore(const QString &skipReason)
        : m_skipReason(skipReason)
    {
    }

private Q_SLOTS:
    void initTestCase();
    void init();

    void writeReadRemove();
    void probeReportsKeychain();
    void tokenPersistsAcrossRestart();
    void updateReplacesSecretInKeyring();
    void secretDeletedFromKeyringDropsToken();

private:
    QString m_skipReason;
    bool m_haveSecretTool = false;
};

void tst_KeychainStore::initTestCase()
{
    if (!m_skipReason.isEmpty())
        return;
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "the private session bus is not reachable");
    QTRY_VERIFY2_WITH_TIMEOUT(
        QDBusConnection::sessionBus().interface()->isServiceRegistered(SecretsService).value(),
        "gnome-keyring-daemon did not come up on the private bus", 10000);
    m_haveSecretTool = !QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty();
}

void tst_KeychainStore::init()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
}

void tst_KeychainStore::writeReadRemove()
{
    KeychainSecretStore keychain;
    QCOMPARE(keychain.serviceName(), u"io.postern.Postern"_s);
    const QString key = u"token/"_s % OAuth2Token::newId();
    const QByteArray secret = QByteArray("binary\0secret-", 14) + AccessCanary.toUtf8();

    const SecretResult written = writeSecret(keychain, key, secret);
    QVERIFY2(written.ok(), qPrintable(written.message));
    const Answer read = readSecret(keychain, key);
    QVERIFY2(read.result.ok(), qPrintable(read.result.message));
    QCOMPARE(read.data, secret);
    if (m_haveSecretTool)
        QCOMPARE(secretToolLookup(key), secret);

    const SecretResult overwritten = writeSecret(keychain, key, "second value");
    QVERIFY2(overwritten.ok(), qPrintable(overwritten.message));
    QCOMPARE(readSecret(keychain, key).data, QByteArray("second value"));

    const SecretResult removed = removeSecret(keychain, key);
    QVERIFY2(removed.ok(), qPrintable(removed.message));
    QCOMPARE(readSecret(keychain, key).result.error, SecretError::NotFound);
    QVERIFY(removeSecret(keychain, key).ok()); // removing what is not there succeeds
    if (m_haveSecretTool)
        QVERIFY(secretToolLookup(key).isEmpty());
}

void tst_KeychainStore::probeReportsKeychain()
{
    QTemporaryDir dir;
    KeychainSecretStore keychain;
    auto store = startStore(dir.path(), &keychain);
    QVERIFY(store);
    QCOMPARE(store->storageMode(), TokenStore::StorageMode::Keychain);
    QCOMPARE(store->statusMessage(), u"Tokens are kept in the system keychain."_s);
}

void tst_KeychainStore::tokenPersistsAcrossRestart()
{
    QTemporaryDir dir;
    const OAuth2Token token = makeToken(u"Survivor"_s);
    {
        KeychainSecretStore keychain;
        auto store = startStore(dir.path(), &keychain);
        QVERIFY(store);
        bool added = false;
        store->add(token, [&added](bool ok, const QString &) { added = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(added, 10000);
    }

    QFile metadata(QDir(dir.path()).filePath(u"tokens.json"_s));
    QVERIFY(metadata.open(QIODevice::ReadOnly));
    const QByteArray file = metadata.readAll();
    QVERIFY(file.contains(token.id.toUtf8()));
    QVERIFY(!file.contains(AccessCanary.toUtf8()));
    QVERIFY(!file.contains(RefreshCanary.toUtf8()));
    if (m_haveSecretTool) {
        const QByteArray inKeyring = secretToolLookup(TokenStore::secretKey(token.id));
        QVERIFY(inKeyring.contains(RefreshCanary.toUtf8()));
    }

    KeychainSecretStore keychain; // a new process would have a new one
    auto restarted = startStore(dir.path(), &keychain);
    QVERIFY(restarted);
    QCOMPARE(restarted->storageMode(), TokenStore::StorageMode::Keychain);
    QCOMPARE(restarted->tokens().size(), 1);
    const OAuth2Token loaded = restarted->tokens().constFirst();
    QCOMPARE(loaded.id, token.id);
    QCOMPARE(loaded.name, token.name);
    QCOMPARE(loaded.accessToken, token.accessToken);
    QCOMPARE(loaded.refreshToken, token.refreshToken);
    QCOMPARE(loaded.raw, token.raw);
    QCOMPARE(loaded.expiresAt, token.expiresAt);

    bool removed = false;
    restarted->removeAll([&removed](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
    QCOMPARE(readSecret(keychain, TokenStore::secretKey(token.id)).result.error, SecretError::NotFound);
}

void tst_KeychainStore::updateReplacesSecretInKeyring()
{
    QTemporaryDir dir;
    KeychainSecretStore keychain;
    auto store = startStore(dir.path(), &keychain);
    QVERIFY(store);
    const OAuth2Token token = makeToken(u"Rotating"_s);
    bool added = false;
    store->add(token, [&added](bool ok, const QString &) { added = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(added, 10000);

    OAuth2Token rotated = token;
    rotated.refreshToken = u"rotated-refresh-5c2e"_s;
    bool updated = false;
    QByteArray storedWhenToldDone;
    store->update(rotated, [&](bool ok, const QString &) {
        updated = ok;
        storedWhenToldDone = secretToolLookup(TokenStore::secretKey(token.id));
    });
    QTRY_VERIFY_WITH_TIMEOUT(updated, 10000);
    const Answer read = readSecret(keychain, TokenStore::secretKey(token.id));
    OAuth2Token stored;
    QVERIFY(stored.setSecretsFromBlob(read.data));
    QCOMPARE(stored.refreshToken, u"rotated-refresh-5c2e"_s);
    if (m_haveSecretTool) {
        OAuth2Token seenByTool;
        QVERIFY(seenByTool.setSecretsFromBlob(storedWhenToldDone));
        QCOMPARE(seenByTool.refreshToken, u"rotated-refresh-5c2e"_s);
    }
    QVERIFY(removeSecret(keychain, TokenStore::secretKey(token.id)).ok());
}

void tst_KeychainStore::secretDeletedFromKeyringDropsToken()
{
    if (!m_haveSecretTool)
        QSKIP("secret-tool is missing: install the Debian package libsecret-tools");
    QTemporaryDir dir;
    const OAuth2Token token = makeToken(u"Deleted elsewhere"_s);
    {
        KeychainSecretStore keychain;
        auto store = startStore(dir.path(), &keychain);
        QVERIFY(store);
        bool added = false;
        store->add(token, [&added](bool ok, const QString &) { added = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(added, 10000);
    }
    QVERIFY(secretToolClear(TokenStore::secretKey(token.id)));

    KeychainSecretStore keychain;
    TokenStore store(dir.path());
    QSignalSpy errors(&store, &TokenStore::errorOccurred);
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.start(&keychain, std::chrono::seconds(10));
    QVERIFY(loaded.wait(15000));
    QVERIFY(store.tokens().isEmpty());
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(u"no longer in the system keychain"_s),
             qPrintable(errors.at(0).at(0).toString()));
}

// Without any Secret Service: on a bus where nobody provides it, or with no bus at all.
class tst_NoKeychain : public QObject
{
    Q_OBJECT
public:
    explicit tst_NoKeychain(const QString &skipReason)
        : m_skipReason(skipReason)
    {
    }

private Q_SLOTS:
    void init()
    {
        if (!m_skipReason.isEmpty())
            QSKIP(qPrintable(m_skipReason));
    }
    void keychainOperationsFail();
    void probeFailsFastAndTokensStayInMemory();

private:
    QString m_skipReason;
};

void tst_NoKeychain::keychainOperationsFail()
{
    KeychainSecretStore keychain;
    QElapsedTimer timer;
    timer.start();
    const QByteArray canary = "plaintext-fallback-canary-e41b";
    const SecretResult written = writeSecret(keychain, u"token/x"_s, canary);
    QVERIFY(!written.ok());
    QVERIFY(written.error != SecretError::None);
    QVERIFY(!written.message.isEmpty());
    const Answer read = readSecret(keychain, u"token/x"_s);
    QVERIFY(!read.result.ok());
    QVERIFY(read.data.isEmpty());
    QVERIFY2(timer.elapsed() < 5000, "the keychain library must fail fast without a service");

    // QtKeychain's insecure fallback would have put it in a settings file under HOME, in clear or
    // base64: nothing of the kind may exist.
    QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY2(!contents.contains(canary) && !contents.contains(canary.toBase64()),
                 qPrintable(u"secret written to "_s + file.fileName()));
    }
}

void tst_NoKeychain::probeFailsFastAndTokensStayInMemory()
{
    QTemporaryDir dir;
    KeychainSecretStore keychain;
    QElapsedTimer timer;
    timer.start();
    auto store = startStore(dir.path(), &keychain, std::chrono::seconds(8));
    QVERIFY(store);
    QVERIFY2(timer.elapsed() < 8000, "the probe ended on an error, not on its timeout");
    QCOMPARE(store->storageMode(), TokenStore::StorageMode::MemoryOnly);
    const QString message = store->statusMessage();
    QVERIFY2(message.startsWith(u"No keychain answered ("_s), qPrintable(message));
    QVERIFY(message.contains(u"tokens are kept in memory until Postern quits"_s));
    QVERIFY(!message.contains(u"no answer within"_s));
    std::fprintf(stderr, "status: %s\n", qPrintable(message));

    const OAuth2Token token = makeToken(u"Session only"_s);
    bool added = false;
    store->add(token, [&added](bool ok, const QString &) { added = ok; });
    QTRY_VERIFY(added);
    QCOMPARE(store->tokens().size(), 1);
    QCOMPARE(store->token(token.id)->refreshToken, RefreshCanary);
    bool removed = false;
    store->remove(token.id, [&removed](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY(removed);
    QVERIFY(store->tokens().isEmpty());
    QVERIFY2(QDir(dir.path()).isEmpty(), "nothing is written to disk in memory-only mode");
}

namespace {

// The environment of one private world, in a directory of its own under root: nothing of the user's
// session leaks in, and nothing of one run leaks into another.
QProcessEnvironment isolatedEnvironment(const QString &root, const QByteArray &mode)
{
    QProcessEnvironment env = PrivateKeyring::isolatedEnvironment(root, QString::fromLatin1(mode));
    env.insert(QString::fromLatin1(ModeVariable), QString::fromLatin1(mode));
    return env;
}

int runIsolated(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString self = QCoreApplication::applicationFilePath();
    const QStringList testArguments = app.arguments().mid(1);

    QString noBusSession;
    QString noKeyring;
    if (QStandardPaths::findExecutable(u"dbus-run-session"_s).isEmpty())
        noBusSession = PrivateKeyring::unavailable();
    else
        noKeyring = PrivateKeyring::unavailable();

    QTemporaryDir root(QDir::tempPath() + u"/postern-keychain-XXXXXX"_s);
    const QString busConfig = QDir(root.path()).filePath(u"session.conf"_s);
    if (!root.isValid() || !PrivateKeyring::writeBusConfig(root.path(), busConfig)) {
        std::fprintf(stderr, "could not prepare the private test directories\n");
        return 1;
    }
    const auto skipped = [&](const QByteArray &mode, const QString &reason) {
        QProcessEnvironment env = isolatedEnvironment(root.path(), mode);
        env.insert(QString::fromLatin1(SkipVariable), reason);
        return env;
    };

    int failures = 0;
    const QString keyringTitle = u"with gnome-keyring on a private bus"_s;
    if (!noBusSession.isEmpty() || !noKeyring.isEmpty()) {
        failures
            += PrivateKeyring::runChild(keyringTitle, self, testArguments,
                                        skipped("keyring", noBusSession.isEmpty() ? noKeyring : noBusSession))
            != 0;
    } else {
        const QStringList arguments = PrivateKeyring::keyringArguments(busConfig, self, testArguments);
        failures += PrivateKeyring::runChild(keyringTitle, u"dbus-run-session"_s, arguments,
                                             isolatedEnvironment(root.path(), "keyring"))
            != 0;
    }

    const QString noServiceTitle = u"on a private bus without a Secret Service"_s;
    if (!noBusSession.isEmpty()) {
        failures += PrivateKeyring::runChild(noServiceTitle, self, testArguments,
                                             skipped("no-secret-service", noBusSession))
            != 0;
    } else {
        QStringList arguments { u"--config-file="_s + busConfig, u"--"_s, self };
        arguments += testArguments;
        failures += PrivateKeyring::runChild(noServiceTitle, u"dbus-run-session"_s, arguments,
                                             isolatedEnvironment(root.path(), "no-secret-service"))
            != 0;
    }

    // An old KDE session makes QtKeychain go to KWallet, the one backend where its insecure
    // fallback would apply: it must stay off.
    const QString kwalletTitle = u"on a private bus, KDE 4 desktop without KWallet"_s;
    if (!noBusSession.isEmpty()) {
        failures += PrivateKeyring::runChild(kwalletTitle, self, testArguments,
                                             skipped("no-kwallet", noBusSession))
            != 0;
    } else {
        QProcessEnvironment env = isolatedEnvironment(root.path(), "no-kwallet");
        env.insert(u"XDG_CURRENT_DESKTOP"_s, u"KDE"_s);
        env.insert(u"KDE_SESSION_VERSION"_s, u"4"_s);
        QStringList arguments { u"--config-file="_s + busConfig, u"--"_s, self };
        arguments += testArguments;
        failures += PrivateKeyring::runChild(kwalletTitle, u"dbus-run-session"_s, arguments, env) != 0;
    }

    QProcessEnvironment noBus = isolatedEnvironment(root.path(), "no-bus");
    noBus.insert(u"DBUS_SESSION_BUS_ADDRESS"_s,
                 u"unix:path="_s + QDir(root.path()).filePath(u"no-bus-here"_s));
    failures += PrivateKeyring::runChild(u"without a session bus"_s, self, testArguments, noBus) != 0;

    std::fprintf(stdout, "--- %d of 4 runs failed\n", failures);
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    const QByteArray mode = qgetenv(ModeVariable);
    if (mode.isEmpty())
        return runIsolated(argc, argv);

    QCoreApplication app(argc, argv);
    const QString skipReason = qEnvironmentVariable(SkipVariable);
    if (mode == "keyring") {
        tst_KeychainStore test(skipReason);
        return QTest::qExec(&test, argc, argv);
    }
    tst_NoKeychain test(skipReason);
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainstore.moc"
