// postern run against oidc-provider, an OAuth 2.0 server nobody here wrote: a collection whose
// authorization is the client credentials grant gets one token from the provider for all its requests
// (the provider's introspection says it is active and whose it is), and a refused client ends in a
// clear failure. The device grant in `postern run` and `postern token get`: the code is printed, the
// test approves it on the provider's own pages as a person on a phone would, and the command goes on.
// The JWT bearer grant from an encrypted key whose passphrase is a variable: the token is for the
// assertion's subject, and neither the passphrase nor the token reaches the output. The same token
// bound with DPoP reads oidc-provider's UserInfo, nonce demands and all.
// Skipped when Node.js or the npm packages are missing.

#include "shared/canaries.h"
#include "shared/oidcprovider.h"
#include "shared/posternrun.h"
#include "shared/testhttpserver.h"
#include "tokentools/signingkey.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Postern::Testing::recordCanary;
using PosternTest::OidcHttp;
using PosternTest::OidcProvider;

namespace {

// The secret of the JWT bearer client registered by this test, and the passphrase of its key file.
const QString jwtClientSecret = u"postern-cli-jwt-secret"_s;
const QString keyPassphrase = u"cli-canary-passphrase-3e9a"_s;

} // namespace

class tst_PosternRunOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void clientCredentials();
    void deviceGrantWaitsForApproval_data();
    void deviceGrantWaitsForApproval();
    void jwtBearerGrant();
    void dpopBoundToken();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray output;
    };
    Result run(const QStringList &arguments);

    OidcProvider m_provider;
    QTemporaryDir m_dir;
    // Reports checked for secrets: kept for the canary sweep when it runs, else in m_dir.
    QString m_reports;
    Postern::SigningKey m_jwtKey = Postern::SigningKey::generateP256();
};

void tst_PosternRunOidc::initTestCase()
{
    QVERIFY(!m_jwtKey.isNull());
    for (const QString &canary : { OidcProvider::serviceClient().secret, jwtClientSecret, keyPassphrase })
        recordCanary(canary);
    Postern::Testing::recordPemCanary(m_jwtKey.toPem());
    m_reports = Postern::Testing::canaryReportFolder(u"tst_posternrun_oidc"_s, m_dir.path());
    QJsonObject jwk = m_jwtKey.publicJwk();
    jwk.insert(u"kid"_s, u"cli-1"_s);
    m_provider.setExtraClients(
        { QJsonObject { { u"client_id"_s, u"postern-cli-jwt"_s },
                        { u"client_secret"_s, jwtClientSecret },
                        { u"token_endpoint_auth_method"_s, u"client_secret_post"_s },
                        { u"grant_types"_s, QJsonArray { u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s } },
                        { u"redirect_uris"_s, QJsonArray() },
                        { u"response_types"_s, QJsonArray() },
                        { u"jwks"_s, QJsonObject { { u"keys"_s, QJsonArray { jwk } } } } } });
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
}

tst_PosternRunOidc::Result tst_PosternRunOidc::run(const QStringList &arguments)
{
    const PosternRun::Result result
        = PosternRun::run(QStringLiteral(POSTERN_RUN_PATH), arguments, m_dir.path(), {}, 60000);
    return { result.exitCode, (result.output + result.errors).toUtf8() };
}

void tst_PosternRunOidc::clientCredentials()
{
    TestHttpServer api;
    QVERIFY(api.listenOnLoopback());
    const QString url = api.url(u"/api/items"_s).toString();
    const QStringList test { u"pm.test('answered', () => pm.response.to.have.status(200));"_s };
    const OidcProvider::Client service = OidcProvider::serviceClient();
    const QJsonObject auth
        = PosternRun::oauth2({ { u"grant_type"_s, u"client_credentials"_s },
                               { u"accessTokenUrl"_s, m_provider.endpoint(u"/token"_s).toString() },
                               { u"clientId"_s, service.id },
                               { u"clientSecret"_s, u"{{serviceSecret}}"_s },
                               { u"scope"_s, u"api:read"_s },
                               { u"client_authentication"_s, u"body"_s } });
    const QString collection = m_dir.filePath(u"oidc.postman_collection.json"_s);
    QVERIFY(PosternRun::writeFile(collection,
                                  PosternRun::collection(u"OIDC"_s,
                                                         { PosternRun::requestItem(u"First"_s, url, test),
                                                           PosternRun::requestItem(u"Second"_s, url, test) },
                                                         auth)));

    const QString json = QDir(m_reports).filePath(u"report.json"_s);
    const Result ok = run({ collection, u"--env-var"_s, u"serviceSecret="_s + service.secret, u"-r"_s,
                            u"cli,json"_s, u"--reporter-json-export"_s, json });
    QVERIFY2(ok.exitCode == 0, ok.output.constData());
    QCOMPARE(api.requests().size(), 2);
    const QByteArray authorization = api.requests().at(0).header("Authorization");
    QVERIFY2(authorization.startsWith("Bearer "), authorization.constData());
    QCOMPARE(api.requests().at(1).header("Authorization"), authorization); // one token for both
    const QByteArray token = authorization.mid(7);
    recordCanary(token);
    if (m_reports != m_dir.path())
        QVERIFY(PosternRun::writeFile(QDir(m_reports).filePath(u"client-credentials.cli.txt"_s), ok.output));

    OidcHttp http;
    const auto introspection = http.postForm(m_provider.endpoint(u"/token/introspection"_s),
                                             { { u"token"_s, QString::fromLatin1(token) },
                                               { u"client_id"_s, service.id },
                                               { u"client_secret"_s, service.secret } });
    QCOMPARE(introspection.status, 200);
    QVERIFY(introspection.json().value(u"active"_s).toBool());
    QCOMPARE(introspection.json().value(u"client_id"_s).toString(), service.id);
    QFile report(json);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray everything = ok.output + report.readAll();
    QVERIFY(!everything.contains(token));
    QVERIFY(!everything.contains(service.secret.toUtf8()));

    const Result refused
        = run({ collection, u"--env-var"_s, u"serviceSecret=wrong"_s, u"--color"_s, u"off"_s });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.output.contains("No OAuth 2.0 token from the token endpoint"),
             refused.output.constData());
    QVERIFY2(refused.output.contains("invalid_client"), refused.output.constData());
    QCOMPARE(api.requests().size(), 2); // nothing was sent without a token
}

void tst_PosternRunOidc::deviceGrantWaitsForApproval_data()
{
    QTest::addColumn<bool>("tokenGet"); // postern token get, or postern run
    QTest::newRow("postern run") << false;
    QTest::newRow("postern token get") << true;
}

void tst_PosternRunOidc::deviceGrantWaitsForApproval()
{
    QFETCH(bool, tokenGet);
    TestHttpServer api;
    QVERIFY(api.listenOnLoopback());
    const QString url = api.url(u"/api/items"_s).toString();
    const QJsonObject auth = PosternRun::oauth2(
        { { u"grant_type"_s, u"device_code"_s },
          { u"tokenName"_s, u"TV"_s },
          { u"deviceAuthorizationUrl"_s, m_provider.endpoint(u"/device/auth"_s).toString() },
          { u"accessTokenUrl"_s, m_provider.endpoint(u"/token"_s).toString() },
          { u"clientId"_s, OidcProvider::deviceClient().id },
          { u"scope"_s, u"openid"_s } });
    const QString collection = m_dir.filePath(u"device.postman_collection.json"_s);
    QVERIFY(PosternRun::writeFile(
        collection,
        PosternRun::collection(u"Device"_s, { PosternRun::requestItem(u"Items"_s, url, {}) }, auth)));

    // No terminal here (standard input is not one): the device grant does not need one.
    QProcess process;
    process.setProgram(QStringLiteral(POSTERN_RUN_PATH));
    process.setArguments(tokenGet ? QStringList { u"token"_s, u"get"_s, collection }
                                  : QStringList { collection, u"--color"_s, u"off"_s });
    process.setStandardInputFile(QProcess::nullDevice());
    process.setWorkingDirectory(m_dir.path());
    process.setReadChannel(QProcess::StandardError); // where the code is printed
    process.start();
    QVERIFY(process.waitForStarted());
    QByteArray errors;
    const QRegularExpression filledIn(u"or open (\\S+), which has it filled in"_s);
    QRegularExpressionMatch match;
    while (!(match = filledIn.match(QString::fromUtf8(errors))).hasMatch()) {
        QVERIFY2(process.waitForReadyRead(15000) || process.bytesAvailable() > 0,
                 QByteArray(errors + process.readAllStandardOutput()).constData());
        errors += process.readAllStandardError();
    }
    QVERIFY2(errors.contains("enter the code"), errors.constData());
    QVERIFY2(errors.contains("Waiting for the approval."), errors.constData());

    OidcHttp phone;
    const PosternTest::OidcInteraction::Result approved = PosternTest::OidcInteraction::confirmDevice(
        phone, QUrl(match.captured(1)), PosternTest::OidcInteraction::Options());
    QVERIFY2(approved.ok(), qPrintable(approved.error));
    // With an event loop: the API server answering the run lives in this process.
    QSignalSpy ended(&process, &QProcess::finished);
    QVERIFY(ended.wait(30000));
    const QByteArray output = process.readAllStandardOutput();
    errors += process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, QByteArray(output + errors).constData());
    if (tokenGet) {
        const QByteArray token = output.trimmed();
        recordCanary(token);
        QVERIFY(!token.isEmpty());
        QCOMPARE(api.requests().size(), 0);
        QVERIFY(!errors.contains(token));
        return;
    }
    QCOMPARE(api.requests().size(), 1);
    const QByteArray authorization = api.requests().at(0).header("Authorization");
    QVERIFY2(authorization.startsWith("Bearer "), authorization.constData());
    recordCanary(authorization.mid(7));
    QVERIFY(
        !QByteArray(output + errors).contains(authorization.mid(7))); // the token never reaches the output
}

void tst_PosternRunOidc::jwtBearerGrant()
{
    // The key file as a user keeps it: encrypted with the passphrase given on the command line.
    const QString passphrase = keyPassphrase;
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  { u"pkcs8"_s, u"-topk8"_s, u"-v2"_s, u"aes-256-cbc"_s, u"-passout"_s,
                    u"pass:"_s + passphrase, u"-out"_s, m_dir.filePath(u"cli-jwt.pem"_s) });
    QVERIFY(openssl.waitForStarted(10000));
    openssl.write(m_jwtKey.toPem());
    openssl.closeWriteChannel();
    QVERIFY(openssl.waitForFinished(10000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

    TestHttpServer api;
    QVERIFY(api.listenOnLoopback());
    const QString url = api.url(u"/api/items"_s).toString();
    const QJsonObject auth
        = PosternRun::oauth2({ { u"grant_type"_s, u"jwt_bearer"_s },
                               { u"tokenName"_s, u"CLI JWT"_s },
                               { u"accessTokenUrl"_s, m_provider.endpoint(u"/token"_s).toString() },
                               { u"clientId"_s, u"postern-cli-jwt"_s },
                               { u"clientSecret"_s, jwtClientSecret },
                               { u"client_authentication"_s, u"body"_s },
                               { u"clientKeyFile"_s, m_dir.filePath(u"cli-jwt.pem"_s) },
                               { u"clientKeyPassphrase"_s, u"{{keyPassphrase}}"_s },
                               { u"clientKeyId"_s, u"cli-1"_s },
                               { u"assertionSubject"_s, u"carol"_s } });
    const QString collection = m_dir.filePath(u"jwt.postman_collection.json"_s);
    QVERIFY(PosternRun::writeFile(
        collection,
        PosternRun::collection(u"JWT"_s, { PosternRun::requestItem(u"Items"_s, url, {}) }, auth)));

    const Result ok = run({ collection, u"--env-var"_s, u"keyPassphrase="_s + passphrase });
    QVERIFY2(ok.exitCode == 0, ok.output.constData());
    QCOMPARE(api.requests().size(), 1);
    const QByteArray authorization = api.requests().at(0).header("Authorization");
    QVERIFY2(authorization.startsWith("Bearer "), authorization.constData());
    const QByteArray token = authorization.mid(7);
    recordCanary(token);
    OidcHttp http;
    const auto introspection = http.postForm(m_provider.endpoint(u"/token/introspection"_s),
                                             { { u"token"_s, QString::fromLatin1(token) },
                                               { u"client_id"_s, u"postern-cli-jwt"_s },
                                               { u"client_secret"_s, jwtClientSecret } });
    QCOMPARE(introspection.json().value(u"sub"_s).toString(), u"carol"_s);
    QVERIFY(!ok.output.contains(token));
    QVERIFY(!ok.output.contains(passphrase.toUtf8()));

    // A wrong passphrase: said, naming the file, and nothing sent.
    const Result refused = run({ collection, u"--env-var"_s, u"keyPassphrase=not-it"_s });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.output.contains("the passphrase is wrong"), refused.output.constData());
    QVERIFY2(refused.output.contains("cli-jwt.pem"), refused.output.constData());
    QCOMPARE(api.requests().size(), 1);
}

void tst_PosternRunOidc::dpopBoundToken()
{
    // The key written by jwtBearerGrant (which runs first) signs the grant; DPoP binds the token to a
    // key of its own, and UserInfo (which demands a nonce, as the token endpoint does) answers.
    QVERIFY(QFile::exists(m_dir.filePath(u"cli-jwt.pem"_s)));
    const QJsonObject auth
        = PosternRun::oauth2({ { u"grant_type"_s, u"jwt_bearer"_s },
                               { u"tokenName"_s, u"CLI DPoP"_s },
                               { u"accessTokenUrl"_s, m_provider.endpoint(u"/token"_s).toString() },
                               { u"clientId"_s, u"postern-cli-jwt"_s },
                               { u"clientSecret"_s, jwtClientSecret },
                               { u"client_authentication"_s, u"body"_s },
                               { u"clientKeyFile"_s, m_dir.filePath(u"cli-jwt.pem"_s) },
                               { u"clientKeyPassphrase"_s, u"{{keyPassphrase}}"_s },
                               { u"assertionSubject"_s, u"erin"_s },
                               { u"scope"_s, u"openid"_s },
                               { u"dpop"_s, u"true"_s } });
    const QStringList test { u"pm.test('UserInfo for erin', () => {"_s,
                             u"  pm.response.to.have.status(200);"_s,
                             u"  pm.expect(pm.response.json().sub).to.eql('erin');"_s, u"});"_s };
    const QString collection = m_dir.filePath(u"dpop.postman_collection.json"_s);
    QVERIFY(PosternRun::writeFile(
        collection,
        PosternRun::collection(
            u"DPoP"_s, { PosternRun::requestItem(u"Me"_s, m_provider.endpoint(u"/me"_s).toString(), test) },
            auth)));
    const Result ok
        = run({ collection, u"--env-var"_s, u"keyPassphrase="_s + keyPassphrase, u"--color"_s, u"off"_s });
    QVERIFY2(ok.exitCode == 0, ok.output.constData());
    QVERIFY2(ok.output.contains("UserInfo for erin"), ok.output.constData());
    QVERIFY(!ok.output.contains("PRIVATE KEY"));
}

QTEST_GUILESS_MAIN(tst_PosternRunOidc)
#include "tst_posternrun_oidc.moc"
