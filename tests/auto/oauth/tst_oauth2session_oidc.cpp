// OAuth2Session against an authorization server nobody here wrote (oidc-provider from npm, started by
// this test on 127.0.0.1): the authorization code grant with and without PKCE, each client
// authentication, and a secret that needs encoding. The user's part is played over HTTP.

#include "oauth/oauth2session.h"
#include "shared/oidcprovider.h"
#include "tokencanaries.h"
#include "tokentools/jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Postern;
using PosternTest::OidcProvider;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

class tst_OAuth2SessionOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void codeFlow_data();
    void codeFlow();
    void deniedAtTheProvider();
    void pushedAuthorizationRequest_data();
    void pushedAuthorizationRequest();
    void pushRefusedSaysWhy();
    void pushedRequestUsedOnce();

private:
    OAuth2Config config(const OidcProvider::Client &client) const;

    OidcProvider m_provider;
    QJsonObject m_discovery;
};

void tst_OAuth2SessionOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"oidc-provider could not be started: "_s + whyNot));
    PosternTest::OidcHttp http;
    m_discovery
        = QJsonDocument::fromJson(http.get(m_provider.endpoint(u"/.well-known/openid-configuration"_s)).body)
              .object();
    QVERIFY(!m_discovery.isEmpty());
}

OAuth2Config tst_OAuth2SessionOidc::config(const OidcProvider::Client &client) const
{
    OAuth2Config c;
    c.tokenName = u"oidc"_s;
    c.callbackUrl = OidcProvider::postmanRedirect().toString();
    c.authUrl = m_discovery.value(u"authorization_endpoint"_s).toString();
    c.accessTokenUrl = m_discovery.value(u"token_endpoint"_s).toString();
    c.clientId = client.id;
    c.clientSecret = client.secret;
    c.scope = u"openid profile"_s;
    return c;
}

void tst_OAuth2SessionOidc::codeFlow_data()
{
    QTest::addColumn<int>("clientKind");
    QTest::addColumn<bool>("pkce");
    QTest::addColumn<int>("method");
    QTest::newRow("web client, secret in body") << 0 << false << int(PkceMethod::S256);
    QTest::newRow("web client, secret in body, PKCE S256") << 0 << true << int(PkceMethod::S256);
    QTest::newRow("basic client, Basic header") << 1 << false << int(PkceMethod::S256);
    QTest::newRow("public client, PKCE S256") << 2 << true << int(PkceMethod::S256);
    QTest::newRow("public client, PKCE plain") << 2 << true << int(PkceMethod::Plain);
    QTest::newRow("secret with + % & = space, in body") << 3 << false << int(PkceMethod::S256);
}

void tst_OAuth2SessionOidc::codeFlow()
{
    QFETCH(int, clientKind);
    QFETCH(bool, pkce);
    QFETCH(int, method);
    const OidcProvider::Client client = clientKind == 0 ? OidcProvider::webClient()
        : clientKind == 1                               ? OidcProvider::basicClient()
        : clientKind == 2                               ? OidcProvider::publicClient()
                                                        : OidcProvider::trickyClient();
    OAuth2Config c = config(client);
    c.clientAuthentication = clientKind == 1 ? ClientAuthentication::BasicHeader : ClientAuthentication::Body;
    c.grantType = OAuth2GrantType::AuthorizationCode;
    if (pkce) {
        c.grantType = OAuth2GrantType::AuthorizationCodePkce;
        c.pkceMethod = PkceMethod(method);
    }
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    PosternTest::OidcHttp http;
    const auto interaction = PosternTest::OidcInteraction::authorize(http, ready.first().first().toUrl());
    QVERIFY2(interaction.ok(), qPrintable(interaction.error + u" | "_s + interaction.trace.join(u"; "_s)));
    QVERIFY(session.handleRedirect(interaction.redirect));
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    const auto result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.tokenType, u"Bearer"_s);
    QVERIFY(result.token.raw.contains(u"id_token"_s));
    QVERIFY(!result.token.idToken.isEmpty());
    // scope openid: a nonce went out and the provider's ID token carries it back (checked by the session).
    const QString nonce = QUrlQuery(ready.first().first().toUrl()).queryItemValue(u"nonce"_s);
    QVERIFY(!nonce.isEmpty());
    QCOMPARE(Jwt::decode(result.token.idToken).payload.value(u"nonce"_s).toString(), nonce);

    // The token opens the provider's userinfo endpoint.
    const auto userinfo = http.get(QUrl(m_discovery.value(u"userinfo_endpoint"_s).toString()),
                                   { { "Authorization", "Bearer " + result.token.accessToken.toUtf8() } });
    QCOMPARE(userinfo.status, 200);
    QCOMPARE(QJsonDocument::fromJson(userinfo.body).object().value(u"sub"_s).toString(), u"alice"_s);
}

void tst_OAuth2SessionOidc::deniedAtTheProvider()
{
    OAuth2Session session(config(OidcProvider::webClient()));
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    PosternTest::OidcHttp http;
    PosternTest::OidcInteraction::Options options;
    options.decision = PosternTest::OidcInteraction::Decision::Deny;
    const auto interaction
        = PosternTest::OidcInteraction::authorize(http, ready.first().first().toUrl(), options);
    QVERIFY(session.handleRedirect(interaction.redirect));
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    QCOMPARE(Testing::recorded(finished.first().first().value<OAuth2Result>()).failure,
             OAuth2Result::Failure::AccessDenied);
}

void tst_OAuth2SessionOidc::pushedAuthorizationRequest_data()
{
    QTest::addColumn<int>("clientKind");
    QTest::newRow("web client, secret in body") << 0;
    QTest::newRow("basic client, Basic header") << 1;
    QTest::newRow("public client, PKCE") << 2;
}

void tst_OAuth2SessionOidc::pushedAuthorizationRequest()
{
    // RFC 9126: the parameters go to the PAR endpoint; the browser carries only client_id and request_uri.
    QFETCH(int, clientKind);
    const OidcProvider::Client client = clientKind == 0 ? OidcProvider::webClient()
        : clientKind == 1                               ? OidcProvider::basicClient()
                                                        : OidcProvider::publicClient();
    OAuth2Config c = config(client);
    c.clientAuthentication = clientKind == 1 ? ClientAuthentication::BasicHeader : ClientAuthentication::Body;
    c.grantType
        = clientKind == 2 ? OAuth2GrantType::AuthorizationCodePkce : OAuth2GrantType::AuthorizationCode;
    c.pushAuthorizationRequest = true;
    c.parUrl = m_discovery.value(u"pushed_authorization_request_endpoint"_s).toString();
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY2(!ready.isEmpty() || ready.wait(),
             qPrintable(finished.isEmpty()
                            ? QString()
                            : Testing::recorded(finished.first().first().value<OAuth2Result>()).message));
    const QUrl url = ready.first().first().toUrl();
    const QUrlQuery query(url);
    QStringList names;
    for (const auto &item : query.queryItems())
        names << item.first;
    names.sort();
    QCOMPARE(names, (QStringList { u"client_id"_s, u"request_uri"_s }));
    QVERIFY(query.queryItemValue(u"request_uri"_s).startsWith(u"urn:ietf:params:oauth:request_uri:"_s));
    QVERIFY(!url.toString().contains(u"state"_s) && !url.toString().contains(u"redirect_uri"_s));

    PosternTest::OidcHttp http;
    const auto interaction = PosternTest::OidcInteraction::authorize(http, url);
    QVERIFY2(interaction.ok(), qPrintable(interaction.error + u" | "_s + interaction.trace.join(u"; "_s)));
    QVERIFY(session.handleRedirect(interaction.redirect));
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    const auto result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(!result.token.idToken.isEmpty());
}

void tst_OAuth2SessionOidc::pushRefusedSaysWhy()
{
    // A redirect URI the client never registered: the PAR endpoint refuses, before any login page.
    OAuth2Config c = config(OidcProvider::webClient());
    c.grantType = OAuth2GrantType::AuthorizationCode;
    c.callbackUrl = u"https://elsewhere.example/callback"_s;
    c.pushAuthorizationRequest = true;
    c.parUrl = m_discovery.value(u"pushed_authorization_request_endpoint"_s).toString();
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(ready.size(), 0);
    const auto result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY(!result.ok());
    QVERIFY2(result.message.startsWith(u"The PAR endpoint answered invalid_"_s), qPrintable(result.message));
    QVERIFY2(result.message.contains(u"redirect_uri"_s), qPrintable(result.message));
}

void tst_OAuth2SessionOidc::pushedRequestUsedOnce()
{
    // A request_uri is good for one authorization request and a minute (RFC 9126 §2.2, §4; the test
    // provider fixes expires_in at 60 s, too long to wait for here). Used again after the sign-in, it is
    // refused with invalid_request_uri, the answer an expired one gets, on the provider's own page: with
    // no trusted redirect URI it cannot send the error back to the callback.
    OAuth2Config c = config(OidcProvider::webClient());
    c.grantType = OAuth2GrantType::AuthorizationCode;
    c.pushAuthorizationRequest = true;
    c.parUrl = m_discovery.value(u"pushed_authorization_request_endpoint"_s).toString();
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    const QUrl url = ready.first().first().toUrl();
    PosternTest::OidcHttp http;
    const auto first = PosternTest::OidcInteraction::authorize(http, url);
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(session.handleRedirect(first.redirect));
    PosternTest::OidcHttp again;
    const auto page = again.get(url);
    QCOMPARE(page.status, 400);
    QVERIFY2(page.body.contains("invalid_request_uri"), page.body.left(300).constData());
}

QTEST_GUILESS_MAIN(tst_OAuth2SessionOidc)
#include "tst_oauth2session_oidc.moc"
