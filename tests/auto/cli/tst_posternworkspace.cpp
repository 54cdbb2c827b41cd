// `postern run --workspace`: a collection of a Postern workspace run as the app would send it, in a
// world of its own with a real keychain (gnome-keyring on a private D-Bus session, see
// shared/privatekeyring.h): the secret values the app keeps in the keychain reach the run, a token the
// app stored is used and, being expired, refreshed first and stored again, and nothing secret reaches
// the output or the report. Also the one-line errors of a folder that is not a workspace and of names
// that are not in it.
//
// Started by CTest, main() runs this executable again inside that world; without dbus or gnome-keyring
// the test skips, saying which package is missing.

#include "oauth/tokenendpointclient.h"
#include "oauth/tokenendpointjob.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/keychainsecretstore.h"
#include "shared/oidcprovider.h"
#include "shared/posternrun.h"
#include "shared/privatekeyring.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

const char WorldVariable[] = "POSTERN_TST_WORKSPACE_WORLD";
const char SkipVariable[] = "POSTERN_TST_WORKSPACE_SKIP";
const QString Marker = u"kc-marker-5e1f"_s; // a secret variable's value, only in the keychain

using PosternRun::Result;

} // namespace

class tst_PosternWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storedTokenAndKeychainSecrets();
    void tokenGetThenRun();
    void oidcTokenRefreshed();
    void notAWorkspace();

private:
    Result run(const QStringList &arguments);
    OAuth2Token tokenFromSandbox();
    // Whether the keychain holds key within a few seconds (the workspace writes its secrets there
    // asynchronously).
    bool inKeychain(const QString &key);
    // Adds token to the app's token store (the keychain), as the app does.
    bool store(const OAuth2Token &token);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
};

void tst_PosternWorkspace::initTestCase()
{
    if (const QString reason = qEnvironmentVariable(SkipVariable); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
}

Result tst_PosternWorkspace::run(const QStringList &arguments)
{
    return PosternRun::run(QStringLiteral(POSTERN_RUN_PATH), arguments, m_dir.path());
}

bool tst_PosternWorkspace::store(const OAuth2Token &token)
{
    KeychainSecretStore keychain;
    TokenStore tokens(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QSignalSpy loaded(&tokens, &TokenStore::loaded);
    tokens.start(&keychain);
    if (!loaded.wait(15000) || tokens.storageMode() != TokenStore::StorageMode::Keychain)
        return false;
    bool added = false;
    bool answered = false;
    tokens.add(token, [&](bool ok, const QString &) {
        added = ok;
        answered = true;
    });
    return QTest::qWaitFor([&] { return answered; }, 10000) && added;
}

bool tst_PosternWorkspace::inKeychain(const QString &key)
{
    KeychainSecretStore reader;
    for (int attempt = 0; attempt < 50; ++attempt) {
        bool answered = false;
        bool there = false;
        reader.read(key, &reader, [&](const SecretResult &result, const QByteArray &) {
            answered = true;
            there = result.ok();
        });
        if (!QTest::qWaitFor([&] { return answered; }, 5000))
            return false;
        if (there)
            return true;
        QTest::qWait(100);
    }
    return false;
}

// A token for admin from the sandbox (password grant), with its refresh token.
OAuth2Token tst_PosternWorkspace::tokenFromSandbox()
{
    TokenEndpointClient endpoint(&m_network);
    OAuth2Config config;
    config.accessTokenUrl = m_sandbox->baseUrl().toString() + u"/oauth_token.do"_s;
    config.clientId = u"postern"_s;
    config.clientSecret = u"postern-secret"_s;
    config.clientAuthentication = ClientAuthentication::Body;
    TokenEndpointJob *job = endpoint.requestPasswordToken(config, u"admin"_s, u"admin"_s);
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (!finished.wait(10000))
        return {};
    return finished.constFirst().constFirst().value<OAuth2Result>().token;
}

void tst_PosternWorkspace::storedTokenAndKeychainSecrets()
{
    const QString base = m_sandbox->baseUrl().toString();
    // The app's places: the token store in the data directory, the keychain marked as used.
    QSettings().setValue(u"secrets/keychain"_s, u"used"_s);
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    KeychainSecretStore keychain;

    OAuth2Token token = tokenFromSandbox();
    QVERIFY2(!token.accessToken.isEmpty() && !token.refreshToken.isEmpty(), "the sandbox gave no token");
    token.id = OAuth2Token::newId();
    token.name = u"Admin"_s;
    OAuth2Config obtainedWith; // the stored request's configuration, resolved
    obtainedWith.accessTokenUrl = base + u"/oauth_token.do"_s;
    obtainedWith.clientId = u"postern"_s;
    token.configKey = obtainedWith.key();
    token.obtainedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60); // expired: refreshed before use
    const QString firstAccess = token.accessToken;
    QVERIFY(store(token));

    // The workspace: an environment with a secret variable and the client secret, and a collection
    // whose requests use the stored token and the client credentials grant.
    const QString root = m_dir.filePath(u"workspace"_s);
    QString workspaceId;
    QString environmentId;
    {
        Workspace workspace(root);
        workspace.setSecretStore(&keychain);
        QVERIFY(workspace.open());
        workspaceId = workspace.id();
        Environment sandbox = Environment::make(u"Sandbox"_s);
        environmentId = sandbox.id;
        sandbox.variables = { Variable { u"instance"_s, base, true, false, QString() },
                              Variable { u"marker"_s, Marker, true, true, QString() },
                              Variable { u"clientSecret"_s, u"postern-secret"_s, true, true, QString() } };
        QCOMPARE(workspace.saveEnvironment(sandbox), QString());

        Collection collection = Collection::make(u"ServiceNow"_s);
        HttpRequest stored;
        stored.method = u"GET"_s;
        stored.url = u"{{instance}}/api/now/table/incident?sysparm_limit=1"_s;
        stored.auth.type = AuthType::OAuth2;
        stored.auth.oauth2TokenId = token.id;
        stored.auth.oauth2.grantType = OAuth2GrantType::AuthorizationCodePkce;
        stored.auth.oauth2.accessTokenUrl = u"{{instance}}/oauth_token.do"_s;
        stored.auth.oauth2.clientId = u"postern"_s;
        stored.auth.oauth2.clientSecret = u"{{clientSecret}}"_s;
        stored.auth.oauth2.clientAuthentication = ClientAuthentication::Body;
        stored.scripts = QJsonArray { QJsonObject {
            { u"listen"_s, u"test"_s },
            { u"script"_s,
              QJsonObject {
                  { u"exec"_s,
                    QJsonArray {
                        u"pm.test('answered', () => pm.response.to.have.status(200));"_s,
                        u"pm.test('the secret came', () => "
                        "pm.expect(pm.environment.get('marker')).to.have.lengthOf(14));"_s } } } } } };
        HttpRequest machine = stored;
        machine.auth.oauth2TokenId.clear();
        machine.auth.oauth2.grantType = OAuth2GrantType::ClientCredentials;
        collection.items = { CollectionItem::makeRequest(u"With the stored token"_s, stored),
                             CollectionItem::makeRequest(u"With client credentials"_s, machine) };
        QCOMPARE(workspace.saveCollection(collection), QString());
        // The environment's secrets are written to the keychain asynchronously: wait until they are there.
        QVERIFY(inKeychain(u"workspace/%1/environment/%2"_s.arg(workspaceId, environmentId)));
    }
    // A token of the client credentials request's configuration in this environment that has expired
    // and has no refresh token (the server would refuse it): the run gets a new one with the grant.
    {
        OAuth2Token stale;
        stale.id = OAuth2Token::newId();
        stale.name = u"Stale"_s;
        stale.tokenType = u"Bearer"_s;
        stale.configKey = token.configKey;
        stale.environment = environmentId;
        stale.obtainedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
        stale.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        stale.accessToken = u"stale-token-refused-by-the-server"_s;
        QVERIFY(store(stale));
    }
    for (const QString &file : QDir(root + u"/environments"_s).entryList({ u"*.json"_s })) {
        QFile saved(root + u"/environments/"_s + file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY2(!saved.readAll().contains(Marker.toUtf8()),
                 "a secret value was written to the workspace's files");
    }

    const QString json = m_dir.filePath(u"report.json"_s);
    const Result result = run({ u"--workspace"_s, root, u"ServiceNow"_s, u"-e"_s, u"Sandbox"_s, u"-r"_s,
                                u"cli,json"_s, u"--reporter-json-export"_s, json, u"--color"_s, u"off"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.output + result.errors));
    QCOMPARE(result.output.count(u"\u2713  answered"_s), 2);
    QCOMPARE(result.output.count(u"\u2713  the secret came"_s), 2);
    QFile report(json);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray written = report.readAll() + result.output.toUtf8() + result.errors.toUtf8();
    for (const QString &secret : { Marker, firstAccess, token.refreshToken, u"postern-secret"_s })
        QVERIFY2(!written.contains(secret.toUtf8()), qPrintable(u"a secret reached the output: "_s + secret));

    // The stored token was refreshed and stored again, as the app does it.
    TokenStore tokens(dataDir);
    QSignalSpy loaded(&tokens, &TokenStore::loaded);
    tokens.start(&keychain);
    QVERIFY(loaded.wait(15000));
    const std::optional<OAuth2Token> refreshed = tokens.token(token.id);
    QVERIFY(refreshed);
    QVERIFY(refreshed->accessToken != firstAccess);
    QVERIFY(!refreshed->isExpired());

    // Names that are not in the workspace.
    const Result noCollection = run({ u"--workspace"_s, root, u"Jira"_s });
    QCOMPARE(noCollection.exitCode, 3);
    QCOMPARE(noCollection.errors,
             u"postern run: there is no collection \u201cJira\u201d in the workspace \u201c%1\u201d; it has: "
             "ServiceNow.\n"_s.arg(root));
    const Result noEnvironment = run({ u"--workspace"_s, root, u"ServiceNow"_s, u"-e"_s, u"Production"_s });
    QCOMPARE(noEnvironment.exitCode, 5);
}

// postern token get --workspace keeps the token it got (in the browser) in the app's token store;
// postern run --workspace then sends the requests of that authorization with it, as the app picks the
// newest token of a configuration in the environment.
void tst_PosternWorkspace::tokenGetThenRun()
{
    const QString root = m_dir.filePath(u"person"_s);
    {
        Workspace workspace(root);
        QVERIFY(workspace.open());
        Environment sandbox = Environment::make(u"Sandbox"_s);
        sandbox.variables
            = { Variable { u"instance"_s, m_sandbox->baseUrl().toString(), true, false, QString() },
                Variable { u"clientSecret"_s, u"postern-secret"_s, true, false, QString() } };
        QCOMPARE(workspace.saveEnvironment(sandbox), QString());
        Collection collection = Collection::make(u"Person"_s);
        collection.auth.type = AuthType::OAuth2;
        collection.auth.oauth2.grantType = OAuth2GrantType::AuthorizationCodePkce;
        collection.auth.oauth2.authUrl = u"{{instance}}/oauth_auth.do"_s;
        collection.auth.oauth2.accessTokenUrl = u"{{instance}}/oauth_token.do"_s;
        collection.auth.oauth2.clientId = u"postern"_s;
        collection.auth.oauth2.clientSecret = u"{{clientSecret}}"_s;
        collection.auth.oauth2.clientAuthentication = ClientAuthentication::Body;
        HttpRequest request;
        request.url = u"{{instance}}/api/now/table/incident?sysparm_limit=1"_s;
        request.auth.type = AuthType::Inherit;
        request.scripts = QJsonArray { QJsonObject {
            { u"listen"_s, u"test"_s },
            { u"script"_s,
              QJsonObject {
                  { u"exec"_s,
                    QJsonArray { u"pm.test('answered', () => pm.response.to.have.status(200));"_s } } } } } };
        collection.items = { CollectionItem::makeRequest(u"Incidents"_s, request) };
        QCOMPARE(workspace.saveCollection(collection), QString());
    }
    const Result before = run({ u"--workspace"_s, root, u"Person"_s, u"-e"_s, u"Sandbox"_s });
    QCOMPARE(before.exitCode, 1); // no token yet, and nobody to sign in
    QVERIFY2(before.output.contains(u"needs a person to sign in"_s), qPrintable(before.output));

    QProcess token;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"BROWSER"_s, u"\"%1\" %s"_s.arg(QStringLiteral(POSTERN_TEST_BROWSER)));
    token.setProcessEnvironment(environment);
    QSignalSpy tokenFinished(&token, &QProcess::finished); // the sandbox answers from this event loop
    token.start(QStringLiteral(POSTERN_RUN_PATH),
                { u"token"_s, u"get"_s, u"--workspace"_s, root, u"Person"_s, u"-e"_s, u"Sandbox"_s });
    QVERIFY(tokenFinished.wait(60000));
    QVERIFY2(token.exitCode() == 0, token.readAllStandardError().constData());
    const QByteArray accessToken = token.readAllStandardOutput().trimmed();
    QVERIFY(!accessToken.isEmpty());

    const Result after
        = run({ u"--workspace"_s, root, u"Person"_s, u"-e"_s, u"Sandbox"_s, u"--color"_s, u"off"_s });
    QVERIFY2(after.exitCode == 0, qPrintable(after.output + after.errors));
    QVERIFY(after.output.contains(u"\u2713  answered"_s));
    QVERIFY(!after.output.toUtf8().contains(accessToken));

    // Without a keychain (no session bus) the stored token is not there, and the run says why.
    QProcess noBus;
    QProcessEnvironment withoutBus = QProcessEnvironment::systemEnvironment();
    withoutBus.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_dir.filePath(u"no-bus-here"_s));
    noBus.setProcessEnvironment(withoutBus);
    QSignalSpy noBusFinished(&noBus, &QProcess::finished);
    noBus.start(QStringLiteral(POSTERN_RUN_PATH),
                { u"--workspace"_s, root, u"Person"_s, u"-e"_s, u"Sandbox"_s });
    QVERIFY(noBusFinished.wait(60000));
    QCOMPARE(noBus.exitCode(), 1);
    const QString errors = QString::fromUtf8(noBus.readAllStandardError());
    QVERIFY2(errors.startsWith(
                 u"postern run: the workspace's secret values and stored tokens are not available: "_s),
             qPrintable(errors));
    QVERIFY(QString::fromUtf8(noBus.readAllStandardOutput()).contains(u"needs a person to sign in"_s));
}

// A token from oidc-provider (signed in as alice, with a refresh token), stored as the app stores it and
// expired by its clock: postern run --workspace refreshes it at the provider first, sends the request to
// the provider's userinfo endpoint with the new token, and stores the new token (and the rotated refresh
// token) again. Skipped without Node.js and oidc-provider's npm packages.
void tst_PosternWorkspace::oidcTokenRefreshed()
{
    PosternTest::OidcProvider provider;
    QString whyNot;
    if (!provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
    const PosternTest::OidcProvider::Client client = PosternTest::OidcProvider::webClient();
    QString why;
    const QJsonObject answer = PosternTest::OidcInteraction::signIn(provider, client, false, &why);
    QVERIFY2(!answer.isEmpty(), qPrintable(why));
    OAuth2Token token
        = OAuth2Token::fromResponse(answer, QDateTime::currentDateTimeUtc().addSecs(-7200), &why);
    QVERIFY2(!token.refreshToken.isEmpty(), qPrintable(why));
    token.id = OAuth2Token::newId();
    token.name = u"Alice"_s;
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    HttpRequest me;
    me.url = provider.endpoint(u"/me"_s).toString();
    me.auth.type = AuthType::OAuth2;
    me.auth.oauth2TokenId = token.id;
    me.auth.oauth2.grantType = OAuth2GrantType::AuthorizationCode;
    me.auth.oauth2.authUrl = provider.endpoint(u"/auth"_s).toString();
    me.auth.oauth2.accessTokenUrl = provider.endpoint(u"/token"_s).toString();
    me.auth.oauth2.clientId = client.id;
    me.auth.oauth2.clientSecret = client.secret;
    me.auth.oauth2.clientAuthentication = ClientAuthentication::Body;
    token.configKey = me.auth.oauth2.key();
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QSettings().setValue(u"secrets/keychain"_s, u"used"_s);
    KeychainSecretStore keychain;
    QVERIFY(store(token));
    const QString root = m_dir.filePath(u"oidc"_s);
    {
        Workspace workspace(root);
        workspace.setSecretStore(&keychain);
        QVERIFY(workspace.open());
        me.scripts = QJsonArray { QJsonObject {
            { u"listen"_s, u"test"_s },
            { u"script"_s,
              QJsonObject {
                  { u"exec"_s,
                    QJsonArray {
                        u"pm.test('alice', () => pm.expect(pm.response.json().sub).to.equal('alice'));"_s } } } } } };
        Collection collection = Collection::make(u"Provider"_s);
        collection.items = { CollectionItem::makeRequest(u"Who am I"_s, me) };
        QCOMPARE(workspace.saveCollection(collection), QString());
        QVERIFY(inKeychain(u"workspace/%1/collection/%2"_s.arg(workspace.id(), collection.id)));
    }
    const Result result = run({ u"--workspace"_s, root, u"Provider"_s, u"--color"_s, u"off"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.output + result.errors));
    QVERIFY(result.output.contains(u"\u2713  alice"_s));

    TokenStore tokens(dataDir);
    QSignalSpy loaded(&tokens, &TokenStore::loaded);
    tokens.start(&keychain);
    QVERIFY(loaded.wait(15000));
    const std::optional<OAuth2Token> refreshed = tokens.token(token.id);
    QVERIFY(refreshed);
    QVERIFY(refreshed->accessToken != token.accessToken);
    QVERIFY(!refreshed->isExpired());
    QVERIFY(!refreshed->refreshToken.isEmpty());
}

void tst_PosternWorkspace::notAWorkspace()
{
    const QString empty = m_dir.filePath(u"empty"_s);
    QVERIFY(QDir().mkpath(empty));
    const Result result = run({ u"--workspace"_s, empty, u"ServiceNow"_s });
    QCOMPARE(result.exitCode, 12);
    QCOMPARE(result.errors,
             u"postern run: --workspace: \u201c%1\u201d is not a Postern workspace (it has no workspace.json "
             "and no collections folder).\n"_s.arg(empty));
    QVERIFY2(QDir(empty).isEmpty(), "nothing is created in a folder that is not a workspace");
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty(WorldVariable)) {
        QCoreApplication app(argc, argv);
        const QString self = QCoreApplication::applicationFilePath();
        const QStringList arguments = app.arguments().mid(1);
        QTemporaryDir root(QDir::tempPath() + u"/postern-workspace-XXXXXX"_s);
        const QString busConfig = QDir(root.path()).filePath(u"session.conf"_s);
        if (!root.isValid() || !PrivateKeyring::writeBusConfig(root.path(), busConfig)) {
            std::fprintf(stderr, "could not prepare the private test directories\n");
            return 1;
        }
        QProcessEnvironment env = PrivateKeyring::isolatedEnvironment(root.path(), u"world"_s);
        env.insert(QString::fromLatin1(WorldVariable), u"1"_s);
        const QString title = u"with gnome-keyring on a private bus"_s;
        if (const QString why = PrivateKeyring::unavailable(); !why.isEmpty()) {
            env.insert(QString::fromLatin1(SkipVariable), why);
            return PrivateKeyring::runChild(title, self, arguments, env, 240000);
        }
        return PrivateKeyring::runChild(title, u"dbus-run-session"_s,
                                        PrivateKeyring::keyringArguments(busConfig, self, arguments), env,
                                        240000);
    }
    QCoreApplication::setApplicationName(u"Postern"_s);
    QCoreApplication::setOrganizationName(u"Postern"_s);
    QCoreApplication app(argc, argv);
    tst_PosternWorkspace test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_posternworkspace.moc"
