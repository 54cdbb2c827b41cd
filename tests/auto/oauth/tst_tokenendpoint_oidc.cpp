// TokenEndpointClient against oidc-provider, an independent OAuth 2.0 server: client credentials,
// refresh of a token obtained through its login and consent pages, and revocation (RFC 7009) checked
// through introspection and userinfo. Skipped when Node.js or the npm packages are missing.

#include "oauth/tokenendpointclient.h"
#include "oauth/tokenendpointjob.h"
#include "shared/oidcprovider.h"
#include "tokencanaries.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using PosternTest::OidcHttp;
using PosternTest::OidcInteraction;
using PosternTest::OidcProvider;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

class tst_TokenEndpointOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void clientCredentials_data();
    void clientCredentials();
    void refreshAndRevoke_data();
    void refreshAndRevoke();
    void revokeAccessTokenOnly();
    void introspection();

private:
    OAuth2Config config(const OidcProvider::Client &client, bool basic,
                        const QString &scope = QString()) const;
    OAuth2Result run(TokenEndpointJob *job);
    // Signs in as alice through the provider's pages and exchanges the code: a token with a refresh token.
    OAuth2Token signIn(const OidcProvider::Client &client, bool basic, QString *why);
    bool introspectActive(const QString &token, const OidcProvider::Client &client);
    int userinfoStatus(const QString &accessToken);

    OidcProvider m_provider;
    QNetworkAccessManager m_network;
    TokenEndpointClient m_client { &m_network };
};

void tst_TokenEndpointOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
}

OAuth2Config tst_TokenEndpointOidc::config(const OidcProvider::Client &client, bool basic,
                                           const QString &scope) const
{
    OAuth2Config c;
    c.tokenName = u"OIDC token"_s;
    c.authUrl = m_provider.endpoint(u"/auth"_s).toString();
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = client.id;
    c.clientSecret = client.secret;
    c.scope = scope;
    c.clientAuthentication = basic ? ClientAuthentication::BasicHeader : ClientAuthentication::Body;
    return c;
}

OAuth2Result tst_TokenEndpointOidc::run(TokenEndpointJob *job)
{
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (!finished.wait(15000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return Testing::recorded(finished.first().first().value<OAuth2Result>());
}

OAuth2Token tst_TokenEndpointOidc::signIn(const OidcProvider::Client &client, bool basic, QString *why)
{
    const QJsonObject answer = OidcInteraction::signIn(m_provider, client, basic, why);
    if (answer.isEmpty())
        return OAuth2Token();
    OAuth2Token token = OAuth2Token::fromResponse(answer, QDateTime::currentDateTimeUtc(), why);
    token.name = u"OIDC token"_s;
    token.grantType = u"authorization_code"_s;
    token.issuer = m_provider.issuer().toString();
    token.configKey = config(client, basic).key();
    return token;
}

bool tst_TokenEndpointOidc::introspectActive(const QString &token, const OidcProvider::Client &client)
{
    OidcHttp http;
    const auto answer = http.postForm(
        m_provider.endpoint(u"/token/introspection"_s),
        { { u"token"_s, token }, { u"client_id"_s, client.id }, { u"client_secret"_s, client.secret } });
    return answer.status == 200 && answer.json().value(u"active"_s).toBool();
}

int tst_TokenEndpointOidc::userinfoStatus(const QString &accessToken)
{
    OidcHttp http;
    return http.get(m_provider.endpoint(u"/me"_s), { { "Authorization", "Bearer " + accessToken.toUtf8() } })
        .status;
}

void tst_TokenEndpointOidc::clientCredentials_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("scope");

    const OidcProvider::Client service = OidcProvider::serviceClient();
    const OidcProvider::Client tricky = OidcProvider::trickyClient();
    QTest::newRow("postern-service, secret in body, api:read")
        << service.id << service.secret << false << u"api:read"_s;
    QTest::newRow("postern-service, Basic header") << service.id << service.secret << true << u"api:read"_s;
    QTest::newRow("postern-tricky, + % & = space in body")
        << tricky.id << tricky.secret << false << QString();
    QTest::newRow("postern-tricky, + % & = space in Basic")
        << tricky.id << tricky.secret << true << QString();
}

void tst_TokenEndpointOidc::clientCredentials()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basic);
    QFETCH(QString, scope);

    const OidcProvider::Client client { clientId, secret };
    const OAuth2Config c = config(client, basic, scope);
    const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));
    QCOMPARE(result.token.grantType, u"client_credentials"_s);
    QCOMPARE(result.token.issuer, m_provider.issuer().toString());
    QCOMPARE(result.token.tokenType, u"Bearer"_s);
    QVERIFY(result.token.hasExpiry());
    if (!scope.isEmpty())
        QCOMPARE(result.token.scope, scope);
    QVERIFY(introspectActive(result.token.accessToken, client));

    // A wrong secret is refused as invalid_client whichever way it is sent.
    OAuth2Config wrong = c;
    wrong.clientSecret += u'x';
    const OAuth2Result refused = run(m_client.requestClientCredentialsToken(wrong));
    QCOMPARE(refused.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(refused.error, u"invalid_client"_s);
}

void tst_TokenEndpointOidc::refreshAndRevoke_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("basic");

    QTest::newRow("postern-web, secret in body")
        << OidcProvider::webClient().id << OidcProvider::webClient().secret << false;
    QTest::newRow("postern-basic, Basic header")
        << OidcProvider::basicClient().id << OidcProvider::basicClient().secret << true;
    QTest::newRow("postern-tricky, secret in body")
        << OidcProvider::trickyClient().id << OidcProvider::trickyClient().secret << false;
}

void tst_TokenEndpointOidc::refreshAndRevoke()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basic);

    const OidcProvider::Client client { clientId, secret };
    const OAuth2Config c = config(client, basic);
    QString why;
    const OAuth2Token old = signIn(client, basic, &why);
    QVERIFY2(old.isValid(), qPrintable(why));
    QVERIFY2(!old.refreshToken.isEmpty(), "offline_access with prompt=consent gives a refresh token");

    const OAuth2Result refreshed = run(m_client.refresh(c, old));
    QVERIFY2(refreshed.ok(), qPrintable(refreshed.message));
    const OAuth2Token &token = refreshed.token;
    QCOMPARE(token.id, old.id);
    QCOMPARE(token.grantType, u"authorization_code"_s);
    QCOMPARE(token.configKey, old.configKey);
    QVERIFY(token.accessToken != old.accessToken);
    QVERIFY(!token.refreshToken.isEmpty());
    QVERIFY(!token.idToken.isEmpty());
    QCOMPARE(userinfoStatus(token.accessToken), 200);
    QVERIFY(introspectActive(token.refreshToken, client));

    // RFC 7009: the refresh token goes, and with it the grant's access tokens.
    const OAuth2Result revoked
        = run(m_client.revoke(c, token, m_provider.endpoint(u"/token/revocation"_s).toString()));
    QVERIFY2(revoked.ok(), qPrintable(revoked.message));
    QVERIFY(revoked.token.revoked);
    QVERIFY(!introspectActive(token.refreshToken, client));
    QVERIFY(!introspectActive(token.accessToken, client));
    QCOMPARE(userinfoStatus(token.accessToken), 401);

    const OAuth2Result again = run(m_client.refresh(c, token));
    QCOMPARE(again.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(again.error, u"invalid_grant"_s);
}

void tst_TokenEndpointOidc::revokeAccessTokenOnly()
{
    const OidcProvider::Client client = OidcProvider::serviceClient();
    const OAuth2Config c = config(client, false, u"api:read"_s);
    const OAuth2Result obtained = run(m_client.requestClientCredentialsToken(c));
    QVERIFY2(obtained.ok(), qPrintable(obtained.message));
    QVERIFY(introspectActive(obtained.token.accessToken, client));

    const OAuth2Result revoked
        = run(m_client.revoke(c, obtained.token, m_provider.endpoint(u"/token/revocation"_s).toString()));
    QVERIFY2(revoked.ok(), qPrintable(revoked.message));
    QVERIFY(!introspectActive(obtained.token.accessToken, client));
}

void tst_TokenEndpointOidc::introspection()
{
    // RFC 7662: active while the token is good, not active once revoked; the client authenticates.
    const OidcProvider::Client service = OidcProvider::serviceClient();
    const OAuth2Config c = config(service, false, u"api:read"_s);
    const OAuth2Result obtained = run(m_client.requestClientCredentialsToken(c));
    QVERIFY2(obtained.ok(), qPrintable(obtained.message));
    const QString url = m_provider.endpoint(u"/token/introspection"_s).toString();

    TokenEndpointJob *job = m_client.introspect(c, obtained.token, url);
    const OAuth2Result active = run(job);
    QVERIFY2(active.failure == OAuth2Result::Failure::None, qPrintable(active.message));
    QCOMPARE(job->answer().value(u"active"_s).toBool(), true);
    QCOMPARE(job->answer().value(u"client_id"_s).toString(), service.id);
    QCOMPARE(job->answer().value(u"scope"_s).toString(), u"api:read"_s);

    QVERIFY(run(m_client.revoke(c, obtained.token, m_provider.endpoint(u"/token/revocation"_s).toString()))
                .failure
            == OAuth2Result::Failure::None);
    TokenEndpointJob *after = m_client.introspect(c, obtained.token, url);
    QVERIFY(run(after).failure == OAuth2Result::Failure::None);
    QCOMPARE(after->answer().value(u"active"_s).toBool(), false);

    // A wrong secret: the endpoint's refusal, said as such.
    OAuth2Config wrong = c;
    wrong.clientSecret += u'x';
    const OAuth2Result refused = run(m_client.introspect(wrong, obtained.token, url));
    QVERIFY(refused.failure != OAuth2Result::Failure::None);
    QVERIFY2(refused.message.startsWith(u"The introspection endpoint answered invalid_client"_s),
             qPrintable(refused.message));
}

QTEST_GUILESS_MAIN(tst_TokenEndpointOidc)
#include "tst_tokenendpoint_oidc.moc"
