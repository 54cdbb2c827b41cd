// TokenEndpointClient against the sandbox instance, which is strict about client authentication: each
// client must authenticate exactly as it is registered, so a request sent the wrong way fails here the
// way it would at ServiceNow.

#include "oauth/tokenendpointclient.h"
#include "sandbox/sandboxserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

namespace {

const QString trickySecret = u"a+b%2Fc&d=e f"_s;

Sandbox::Client client(const QString &id, const QString &secret, Sandbox::Client::AuthMethod auth)
{
    Sandbox::Client c = Sandbox::Registry::defaults().clients.first();
    c.clientId = id;
    c.clientSecret = secret;
    c.auth = auth;
    return c;
}

Sandbox::Registry registry()
{
    using Auth = Sandbox::Client::AuthMethod;
    Sandbox::Registry r = Sandbox::Registry::defaults(); // "postern", secret in the body
    r.clients.append(client(u"postern-basic"_s, u"basic-secret"_s, Auth::BasicHeader));
    r.clients.append(client(u"postern-tricky"_s, trickySecret, Auth::Body));
    r.clients.append(client(u"postern-tricky-basic"_s, trickySecret, Auth::BasicHeader));
    r.clients.append(client(u"postern-public"_s, QString(), Auth::None));
    Sandbox::Client rotating = client(u"postern-rotating"_s, u"rotating-secret"_s, Auth::Body);
    rotating.rotateRefreshTokens = true;
    r.clients.append(rotating);
    Sandbox::Client rotatingBasic
        = client(u"postern-rotating-basic"_s, u"rotating-secret"_s, Auth::BasicHeader);
    rotatingBasic.rotateRefreshTokens = true;
    r.clients.append(rotatingBasic);
    Sandbox::Client shortLived = client(u"postern-short"_s, u"short-secret"_s, Auth::Body);
    shortLived.refreshTokenLifespan = 600;
    r.clients.append(shortLived);
    return r;
}

} // namespace

class tst_TokenEndpointSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void passwordGrant_data();
    void passwordGrant();
    void clientCredentials_data();
    void clientCredentials();
    void refresh_data();
    void refresh();
    void refreshRotation_data();
    void refreshRotation();
    void refreshOfRevokedToken();
    void refreshOfExpiredToken();
    void revoke_data();
    void revoke();

private:
    OAuth2Config config(const QString &clientId, const QString &secret, bool basic) const;
    OAuth2Result run(TokenEndpointJob *job);
    OAuth2Token passwordToken(const OAuth2Config &config);
    int tableStatus(const QString &accessToken);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    TokenEndpointClient m_client { &m_network };
    qint64 m_clockOffset = 0;
};

void tst_TokenEndpointSandbox::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(registry());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
    m_sandbox->setClockForTesting([this] { return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset); });
}

void tst_TokenEndpointSandbox::init()
{
    m_clockOffset = 0;
}

OAuth2Config tst_TokenEndpointSandbox::config(const QString &clientId, const QString &secret,
                                              bool basic) const
{
    OAuth2Config c = OAuth2Config::forServiceNow(m_sandbox->baseUrl().toString());
    c.tokenName = u"Sandbox direct token"_s;
    c.clientId = clientId;
    c.clientSecret = secret;
    c.clientAuthentication = basic ? ClientAuthentication::BasicHeader : ClientAuthentication::Body;
    return c;
}

OAuth2Result tst_TokenEndpointSandbox::run(TokenEndpointJob *job)
{
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (!finished.wait(10000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return finished.first().first().value<OAuth2Result>();
}

OAuth2Token tst_TokenEndpointSandbox::passwordToken(const OAuth2Config &c)
{
    const OAuth2Result result = run(m_client.requestPasswordToken(c, u"abel.tuter"_s, u"abel.tuter"_s));
    return result.ok() ? result.token : OAuth2Token();
}

int tst_TokenEndpointSandbox::tableStatus(const QString &accessToken)
{
    QNetworkRequest request(
        m_sandbox->baseUrl().resolved(QUrl(u"/api/now/table/incident?sysparm_limit=1"_s)));
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return -1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void tst_TokenEndpointSandbox::passwordGrant_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("error"); // empty: a token

    QTest::newRow("admin, secret in body")
        << u"postern"_s << u"postern-secret"_s << false << u"admin"_s << u"admin"_s << QString();
    QTest::newRow("abel.tuter, secret in body")
        << u"postern"_s << u"postern-secret"_s << false << u"abel.tuter"_s << u"abel.tuter"_s << QString();
    QTest::newRow("Basic client with the Basic header")
        << u"postern-basic"_s << u"basic-secret"_s << true << u"admin"_s << u"admin"_s << QString();
    QTest::newRow("tricky secret in body")
        << u"postern-tricky"_s << trickySecret << false << u"admin"_s << u"admin"_s << QString();
    QTest::newRow("tricky secret in Basic header")
        << u"postern-tricky-basic"_s << trickySecret << true << u"admin"_s << u"admin"_s << QString();
    QTest::newRow("wrong password") << u"postern"_s << u"postern-secret"_s << false << u"admin"_s
                                    << u"Admin"_s << u"invalid_grant"_s;
    QTest::newRow("unknown user") << u"postern"_s << u"postern-secret"_s << false << u"nobody"_s << u"x"_s
                                  << u"invalid_grant"_s;
    QTest::newRow("public client refused")
        << u"postern-public"_s << QString() << false << u"admin"_s << u"admin"_s << u"unauthorized_client"_s;
    QTest::newRow("body client sending Basic")
        << u"postern"_s << u"postern-secret"_s << true << u"admin"_s << u"admin"_s << u"invalid_client"_s;
    QTest::newRow("Basic client sending the secret in body")
        << u"postern-basic"_s << u"basic-secret"_s << false << u"admin"_s << u"admin"_s
        << u"invalid_client"_s;
}

void tst_TokenEndpointSandbox::passwordGrant()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basic);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, error);

    const OAuth2Config c = config(clientId, secret, basic);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const OAuth2Result result = run(m_client.requestPasswordToken(c, user, password));
    if (!error.isEmpty()) {
        QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
        QCOMPARE(result.error, error);
        QVERIFY(!result.token.isValid());
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.message));
    const OAuth2Token &token = result.token;
    QCOMPARE(token.grantType, u"password"_s);
    QCOMPARE(token.name, u"Sandbox direct token"_s);
    QCOMPARE(token.issuer, m_sandbox->baseUrl().toString());
    QCOMPARE(token.configKey, c.key());
    QCOMPARE(token.tokenType, u"Bearer"_s);
    QCOMPARE(token.scope, u"useraccount"_s);
    QVERIFY(!token.refreshToken.isEmpty());
    QVERIFY(token.expiresAt >= before.addSecs(1799));
    QVERIFY(token.expiresAt <= QDateTime::currentDateTimeUtc().addSecs(1799));
    QCOMPARE(tableStatus(token.accessToken), 200);
}

void tst_TokenEndpointSandbox::clientCredentials_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("error");

    QTest::newRow("body client, secret in body") << u"postern"_s << u"postern-secret"_s << false << QString();
    QTest::newRow("body client, Basic header: wrong method")
        << u"postern"_s << u"postern-secret"_s << true << u"invalid_client"_s;
    QTest::newRow("Basic client, Basic header")
        << u"postern-basic"_s << u"basic-secret"_s << true << QString();
    QTest::newRow("Basic client, secret in body: wrong method")
        << u"postern-basic"_s << u"basic-secret"_s << false << u"invalid_client"_s;
    QTest::newRow("tricky secret in body") << u"postern-tricky"_s << trickySecret << false << QString();
    QTest::newRow("tricky secret in Basic header")
        << u"postern-tricky-basic"_s << trickySecret << true << QString();
    QTest::newRow("wrong secret") << u"postern"_s << u"postern-secreT"_s << false << u"invalid_client"_s;
    QTest::newRow("public client refused")
        << u"postern-public"_s << QString() << false << u"unauthorized_client"_s;
}

void tst_TokenEndpointSandbox::clientCredentials()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basic);
    QFETCH(QString, error);

    OAuth2Config c = config(clientId, secret, basic);
    c.scope = u"useraccount"_s;
    const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
    if (!error.isEmpty()) {
        QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
        QCOMPARE(result.error, error);
        if (error == u"invalid_client"_s)
            QVERIFY2(result.message.contains(u"Client Authentication"_s), qPrintable(result.message));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.grantType, u"client_credentials"_s);
    QVERIFY(result.token.refreshToken.isEmpty()); // RFC 6749 §4.4.3
    QCOMPARE(tableStatus(result.token.accessToken), 200);
}

void tst_TokenEndpointSandbox::refresh_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("registeredBasic");
    QTest::addColumn<bool>("refreshBasic");
    QTest::addColumn<QString>("error");

    QTest::newRow("body client refreshes with the secret in body")
        << u"postern"_s << u"postern-secret"_s << false << false << QString();
    QTest::newRow("Basic client refreshes with the Basic header")
        << u"postern-basic"_s << u"basic-secret"_s << true << true << QString();
    QTest::newRow("tricky secret, Basic header")
        << u"postern-tricky-basic"_s << trickySecret << true << true << QString();
    QTest::newRow("Basic client refreshing with the secret in body is refused")
        << u"postern-basic"_s << u"basic-secret"_s << true << false << u"invalid_client"_s;
    QTest::newRow("body client refreshing with Basic is refused")
        << u"postern"_s << u"postern-secret"_s << false << true << u"invalid_client"_s;
}

void tst_TokenEndpointSandbox::refresh()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, registeredBasic);
    QFETCH(bool, refreshBasic);
    QFETCH(QString, error);

    const OAuth2Token old = passwordToken(config(clientId, secret, registeredBasic));
    QVERIFY(old.isValid());
    const OAuth2Config refreshConfig = config(clientId, secret, refreshBasic);
    const OAuth2Result result = run(m_client.refresh(refreshConfig, old));
    if (!error.isEmpty()) {
        QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
        QCOMPARE(result.error, error);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.message));
    const OAuth2Token &token = result.token;
    QCOMPARE(token.id, old.id);
    QCOMPARE(token.name, old.name);
    QCOMPARE(token.configKey, old.configKey);
    QCOMPARE(token.issuer, old.issuer);
    QCOMPARE(token.grantType, u"password"_s);
    QVERIFY(token.accessToken != old.accessToken);
    QCOMPARE(token.refreshToken, old.refreshToken); // no rotation: the same one comes back
    QCOMPARE(tableStatus(token.accessToken), 200);

    // And again with the same refresh token.
    const OAuth2Result again = run(m_client.refresh(refreshConfig, token));
    QVERIFY2(again.ok(), qPrintable(again.message));
    QCOMPARE(tableStatus(again.token.accessToken), 200);
}

void tst_TokenEndpointSandbox::refreshRotation_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<bool>("basic");

    QTest::newRow("secret in body") << u"postern-rotating"_s << false;
    QTest::newRow("Basic header") << u"postern-rotating-basic"_s << true;
}

void tst_TokenEndpointSandbox::refreshRotation()
{
    QFETCH(QString, clientId);
    QFETCH(bool, basic);

    const OAuth2Config c = config(clientId, u"rotating-secret"_s, basic);
    const OAuth2Token old = passwordToken(c);
    QVERIFY(old.isValid());
    const OAuth2Result rotated = run(m_client.refresh(c, old));
    QVERIFY2(rotated.ok(), qPrintable(rotated.message));
    QVERIFY(!rotated.token.refreshToken.isEmpty());
    QVERIFY(rotated.token.refreshToken != old.refreshToken);
    QCOMPARE(rotated.token.id, old.id);

    // The old refresh token is dead; the new one works.
    const OAuth2Result stale = run(m_client.refresh(c, old));
    QCOMPARE(stale.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(stale.error, u"invalid_grant"_s);
    const OAuth2Result next = run(m_client.refresh(c, rotated.token));
    QVERIFY2(next.ok(), qPrintable(next.message));
    QCOMPARE(tableStatus(next.token.accessToken), 200);
}

void tst_TokenEndpointSandbox::refreshOfRevokedToken()
{
    const OAuth2Config c = config(u"postern"_s, u"postern-secret"_s, false);
    const OAuth2Token token = passwordToken(c);
    QVERIFY(token.isValid());
    const OAuth2Result revoked = run(m_client.revoke(c, token, TokenEndpointClient::serviceNowRevokeUrl(c)));
    QCOMPARE(revoked.failure, OAuth2Result::Failure::None);
    const OAuth2Result result = run(m_client.refresh(c, token));
    QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(result.error, u"invalid_grant"_s);
    QVERIFY2(result.message.contains(u"sign in again"_s), qPrintable(result.message));
}

void tst_TokenEndpointSandbox::refreshOfExpiredToken()
{
    const OAuth2Config c = config(u"postern-short"_s, u"short-secret"_s, false);
    const OAuth2Token token = passwordToken(c);
    QVERIFY(token.isValid());
    m_clockOffset = 601; // past the client's 600 s refresh token lifespan
    const OAuth2Result result = run(m_client.refresh(c, token));
    QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(result.error, u"invalid_grant"_s);
}

void tst_TokenEndpointSandbox::revoke_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("basic");
    QTest::addColumn<bool>("withRefreshToken");

    QTest::newRow("refresh token, secret in body") << u"postern"_s << u"postern-secret"_s << false << true;
    QTest::newRow("refresh token, Basic header") << u"postern-basic"_s << u"basic-secret"_s << true << true;
    QTest::newRow("access token only (client credentials)")
        << u"postern"_s << u"postern-secret"_s << false << false;
}

void tst_TokenEndpointSandbox::revoke()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basic);
    QFETCH(bool, withRefreshToken);

    const OAuth2Config c = config(clientId, secret, basic);
    const QString revokeUrl = TokenEndpointClient::serviceNowRevokeUrl(c);
    QCOMPARE(revokeUrl, m_sandbox->baseUrl().toString() + u"/oauth_revoke_token.do"_s);
    OAuth2Token token;
    if (withRefreshToken) {
        token = passwordToken(c);
    } else {
        const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
        token = result.token;
    }
    QVERIFY(token.isValid());
    QCOMPARE(token.refreshToken.isEmpty(), !withRefreshToken);
    QCOMPARE(tableStatus(token.accessToken), 200);

    const OAuth2Result result = run(m_client.revoke(c, token, revokeUrl));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(result.token.revoked);
    QCOMPARE(result.token.id, token.id);
    // Revoking the refresh token ended its access token too.
    QCOMPARE(tableStatus(token.accessToken), 401);
}

QTEST_GUILESS_MAIN(tst_TokenEndpointSandbox)
#include "tst_tokenendpoint_sandbox.moc"
