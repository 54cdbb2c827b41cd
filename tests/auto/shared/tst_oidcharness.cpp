#include "shared/oidcprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace PosternTest;

namespace {

enum class ClientAuth { Body, Basic, None, RawBody };

QString randomToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The claims of a JWT, unverified; empty when the value is not a three-part JWT.
QJsonObject jwtClaims(const QString &jwt)
{
    const QStringList parts = jwt.split(u'.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(
               QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

struct TokenRequest
{
    OidcHttp::Fields fields;
    OidcHttp::Headers headers;
};

// Adds client authentication the way a client registered with `auth` would send it.
TokenRequest authenticated(OidcHttp::Fields fields, const OidcProvider::Client &client, ClientAuth auth)
{
    TokenRequest request;
    switch (auth) {
    case ClientAuth::Body:
        fields.append({ u"client_id"_s, client.id });
        fields.append({ u"client_secret"_s, client.secret });
        break;
    case ClientAuth::Basic:
        request.headers.append(
            { "Authorization"_ba, OidcHttp::basicAuthorization(client.id, client.secret) });
        break;
    case ClientAuth::None:
    case ClientAuth::RawBody:
        fields.append({ u"client_id"_s, client.id });
        break;
    }
    request.fields = fields;
    return request;
}

QByteArray describe(const OidcHttp::Response &response)
{
    return "HTTP " + QByteArray::number(response.status) + ' ' + response.error.toUtf8() + ' '
        + response.body.left(400);
}

} // namespace

// Proves the OpenID provider harness (tests/e2e/oidc, oidc-provider on Node.js) works from Qt:
// discovery, client credentials, the authorization-code flow over the development login and consent
// pages, userinfo, introspection, refresh and revocation.
class tst_OidcHarness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void discoveryEndpoints_data();
    void discoveryEndpoints();
    void discoveryAdvertises();

    void clientCredentials_data();
    void clientCredentials();

    void authorizationCode_data();
    void authorizationCode();
    void authorizationErrors_data();
    void authorizationErrors();
    void refreshTokenNeedsConsentPrompt();
    void codeReuseRevokesTokens();
    void loginSessionIsKept();

    void reportsBadConfiguration();
    void stopEndsTheServer();
    void serverQuitsWhenStdinCloses();

private:
    QUrl endpoint(const QString &discoveryKey) const
    {
        return QUrl(m_discovery.value(discoveryKey).toString());
    }
    QUrl authorizationUrl(const OidcProvider::Client &client, const QUrl &redirect, const QString &scope,
                          const QString &state, const OidcPkce *pkce,
                          const QList<QPair<QString, QString>> &extra = {}) const;
    OidcHttp::Response postToken(OidcHttp &http, const OidcHttp::Fields &fields,
                                 const OidcProvider::Client &client, ClientAuth auth,
                                 const QString &endpointKey = u"token_endpoint"_s);
    OidcHttp::Response userinfo(OidcHttp &http, const QString &accessToken);

    OidcProvider m_provider;
    QJsonObject m_discovery;
};

void tst_OidcHarness::initTestCase()
{
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider harness unavailable: "_s + whyNot));
    QVERIFY(m_provider.isRunning());

    OidcHttp http;
    const auto discovery = http.get(m_provider.endpoint(u"/.well-known/openid-configuration"_s));
    QVERIFY2(discovery.status == 200, describe(discovery).constData());
    m_discovery = discovery.json();
    QVERIFY(!m_discovery.isEmpty());
}

QUrl tst_OidcHarness::authorizationUrl(const OidcProvider::Client &client, const QUrl &redirect,
                                       const QString &scope, const QString &state, const OidcPkce *pkce,
                                       const QList<QPair<QString, QString>> &extra) const
{
    OidcHttp::Fields fields { { u"response_type"_s, u"code"_s },
                              { u"client_id"_s, client.id },
                              { u"redirect_uri"_s, redirect.toString(QUrl::FullyEncoded) },
                              { u"scope"_s, scope },
                              { u"state"_s, state },
                              { u"nonce"_s, randomToken() } };
    if (pkce) {
        fields.append({ u"code_challenge"_s, QString::fromLatin1(pkce->challenge) });
        fields.append({ u"code_challenge_method"_s, QString::fromLatin1(pkce->method) });
    }
    for (const auto &[name, value] : extra) {
        const auto existing = std::find_if(fields.begin(), fields.end(),
                                           [&name = name](const auto &field) { return field.first == name; });
        if (existing != fields.end())
            existing->second = value;
        else
            fields.append({ name, value });
    }
    QUrl url = endpoint(u"authorization_endpoint"_s);
    url.setQuery(QString::fromLatin1(OidcHttp::formEncode(fields)), QUrl::StrictMode);
    return url;
}

OidcHttp::Response tst_OidcHarness::postToken(OidcHttp &http, const OidcHttp::Fields &fields,
                                              const OidcProvider::Client &client, ClientAuth auth,
                                              const QString &endpointKey)
{
    const TokenRequest request = authenticated(fields, client, auth);
    return http.postForm(endpoint(endpointKey), request.fields, request.headers);
}

OidcHttp::Response tst_OidcHarness::userinfo(OidcHttp &http, const QString &accessToken)
{
    return http.get(endpoint(u"userinfo_endpoint"_s),
                    { { "Authorization"_ba, "Bearer "_ba + accessToken.toLatin1() } });
}

// ---------------------------------------------------------------------------------------------------

void tst_OidcHarness::discoveryEndpoints_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("path");

    QTest::newRow("authorization") << u"authorization_endpoint"_s << u"/auth"_s;
    QTest::newRow("token") << u"token_endpoint"_s << u"/token"_s;
    QTest::newRow("userinfo") << u"userinfo_endpoint"_s << u"/me"_s;
    QTest::newRow("revocation") << u"revocation_endpoint"_s << u"/token/revocation"_s;
    QTest::newRow("introspection") << u"introspection_endpoint"_s << u"/token/introspection"_s;
    QTest::newRow("jwks") << u"jwks_uri"_s << u"/jwks"_s;
}

void tst_OidcHarness::discoveryEndpoints()
{
    QFETCH(QString, key);
    QFETCH(QString, path);
    QCOMPARE(endpoint(key), m_provider.endpoint(path));
}

void tst_OidcHarness::discoveryAdvertises()
{
    QCOMPARE(m_discovery.value(u"issuer"_s).toString(), m_provider.issuer().toString());
    QCOMPARE(m_provider.issuer().host(), u"127.0.0.1"_s);

    const auto list = [this](const QString &key) {
        QStringList values;
        for (const QJsonValue value : m_discovery.value(key).toArray())
            values.append(value.toString());
        return values;
    };
    QCOMPARE(list(u"response_types_supported"_s), QStringList { u"code"_s });
    const QStringList grants = list(u"grant_types_supported"_s);
    QVERIFY(grants.contains(u"authorization_code"_s));
    QVERIFY(grants.contains(u"refresh_token"_s));
    QVERIFY(grants.contains(u"client_credentials"_s));
    QVERIFY(!grants.contains(u"password"_s));
    QVERIFY(list(u"code_challenge_methods_supported"_s).contains(u"S256"_s));
    const QStringList scopes = list(u"scopes_supported"_s);
    for (const QString &scope : { u"openid"_s, u"profile"_s, u"email"_s, u"offline_access"_s, u"api:read"_s })
        QVERIFY2(scopes.contains(scope), qPrintable(scope));
    const QStringList methods = list(u"token_endpoint_auth_methods_supported"_s);
    QVERIFY(methods.contains(u"client_secret_post"_s));
    QVERIFY(methods.contains(u"client_secret_basic"_s));
    QVERIFY(methods.contains(u"none"_s));

    OidcHttp http;
    const auto jwks = http.get(endpoint(u"jwks_uri"_s));
    QCOMPARE(jwks.status, 200);
    QVERIFY(!jwks.json().value(u"keys"_s).toArray().isEmpty());
    QVERIFY(!jwks.body.contains("\"d\"")); // public keys only
}

// ---------------------------------------------------------------------------------------------------

void tst_OidcHarness::clientCredentials_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<ClientAuth>("auth");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const auto service = OidcProvider::serviceClient();
    const auto tricky = OidcProvider::trickyClient();
    QTest::newRow("secret in body") << service.id << service.secret << ClientAuth::Body << u"api:read"_s
                                    << QString() << 200 << QString();
    QTest::newRow("no scope") << service.id << service.secret << ClientAuth::Body << QString() << QString()
                              << 200 << QString();
    QTest::newRow("wrong secret") << service.id << u"nope"_s << ClientAuth::Body << u"api:read"_s << QString()
                                  << 401 << u"invalid_client"_s;
    QTest::newRow("unknown client") << u"nobody"_s << service.secret << ClientAuth::Body << QString()
                                    << QString() << 401 << u"invalid_client"_s;
    // oidc-provider accepts Basic for a client registered for the body (and the reverse).
    QTest::newRow("basic although registered for body") << service.id << service.secret << ClientAuth::Basic
                                                        << u"api:read"_s << QString() << 200 << QString();
    QTest::newRow("basic, wrong secret") << service.id << u"nope"_s << ClientAuth::Basic << QString()
                                         << QString() << 401 << u"invalid_client"_s;
    QTest::newRow("scope not allowed") << service.id << service.secret << ClientAuth::Body << u"openid"_s
                                       << QString() << 400 << u"invalid_scope"_s;
    QTest::newRow("resource gives a JWT") << service.id << service.secret << ClientAuth::Body << u"api:read"_s
                                          << OidcProvider::apiResource() << 200 << QString();
    QTest::newRow("unknown resource") << service.id << service.secret << ClientAuth::Body << u"api:read"_s
                                      << u"urn:other"_s << 400 << u"invalid_target"_s;
    QTest::newRow("reserved characters, encoded body")
        << tricky.id << tricky.secret << ClientAuth::Body << QString() << QString() << 200 << QString();
    QTest::newRow("reserved characters, encoded basic")
        << tricky.id << tricky.secret << ClientAuth::Basic << QString() << QString() << 200 << QString();
    QTest::newRow("reserved characters, not encoded") << tricky.id << tricky.secret << ClientAuth::RawBody
                                                      << QString() << QString() << 401 << u"invalid_client"_s;
}

void tst_OidcHarness::clientCredentials()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(ClientAuth, auth);
    QFETCH(QString, scope);
    QFETCH(QString, resource);
    QFETCH(int, status);
    QFETCH(QString, error);

    OidcHttp http;
    OidcHttp::Fields fields { { u"grant_type"_s, u"client_credentials"_s } };
    if (!scope.isEmpty())
        fields.append({ u"scope"_s, scope });
    if (!resource.isEmpty())
        fields.append({ u"resource"_s, resource });

    OidcHttp::Response response;
    if (auth == ClientAuth::RawBody) {
        // The secret pasted into the body as it is, the mistake a client must not make.
        const QByteArray body = OidcHttp::formEncode(fields) + "&client_id=" + clientId.toUtf8()
            + "&client_secret=" + secret.toUtf8();
        response = http.send("POST"_ba, endpoint(u"token_endpoint"_s), body,
                             { { "Content-Type"_ba, "application/x-www-form-urlencoded"_ba } });
    } else {
        response = postToken(http, fields, { clientId, secret }, auth);
    }
    QVERIFY2(response.status == status, describe(response).constData());
    QCOMPARE(response.jsonString(u"error"_s), error);
    if (status != 200)
        return;

    const QString accessToken = response.jsonString(u"access_token"_s);
    QVERIFY(!accessToken.isEmpty());
    QCOMPARE(response.jsonString(u"token_type"_s), u"Bearer"_s);
    QCOMPARE(response.json().value(u"expires_in"_s).toInt(), 3600);
    QCOMPARE(response.jsonString(u"scope"_s), scope);
    QVERIFY(!response.json().contains(u"refresh_token"_s));

    if (!resource.isEmpty()) {
        const QJsonObject claims = jwtClaims(accessToken);
        QVERIFY2(!claims.isEmpty(), "expected a JWT access token");
        QCOMPARE(claims.value(u"aud"_s).toString(), resource);
        QCOMPARE(claims.value(u"client_id"_s).toString(), clientId);
        QCOMPARE(claims.value(u"iss"_s).toString(), m_provider.issuer().toString());
        QCOMPARE(claims.value(u"scope"_s).toString(), scope);
        return;
    }
    QVERIFY2(!accessToken.contains(u'.'), "expected an opaque access token");

    // Introspection sees the token as active, for the right client.
    const auto introspection = postToken(http, { { u"token"_s, accessToken } }, OidcProvider::serviceClient(),
                                         ClientAuth::Body, u"introspection_endpoint"_s);
    QVERIFY2(introspection.status == 200, describe(introspection).constData());
    QCOMPARE(introspection.json().value(u"active"_s).toBool(), true);
    QCOMPARE(introspection.jsonString(u"client_id"_s), clientId);
}

// ---------------------------------------------------------------------------------------------------

void tst_OidcHarness::authorizationCode_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<ClientAuth>("auth");
    QTest::addColumn<QUrl>("redirect");
    QTest::addColumn<QString>("pkceMethod"); // empty: no PKCE

    const auto web = OidcProvider::webClient();
    const auto basic = OidcProvider::basicClient();
    const auto pub = OidcProvider::publicClient();
    const auto tricky = OidcProvider::trickyClient();
    QTest::newRow("web, secret in body, loopback, no PKCE")
        << web.id << web.secret << ClientAuth::Body << OidcProvider::loopbackRedirect(8123) << QString();
    QTest::newRow("web, secret in body, loopback on another port, S256")
        << web.id << web.secret << ClientAuth::Body << OidcProvider::loopbackRedirect(53682) << u"S256"_s;
    QTest::newRow("web, postman callback, S256")
        << web.id << web.secret << ClientAuth::Body << OidcProvider::postmanRedirect() << u"S256"_s;
    QTest::newRow("basic, loopback, S256")
        << basic.id << basic.secret << ClientAuth::Basic << OidcProvider::loopbackRedirect(8124) << u"S256"_s;
    QTest::newRow("public, loopback, S256")
        << pub.id << QString() << ClientAuth::None << OidcProvider::loopbackRedirect(8125) << u"S256"_s;
    QTest::newRow("public, postman callback, plain")
        << pub.id << QString() << ClientAuth::None << OidcProvider::postmanRedirect() << u"plain"_s;
    QTest::newRow("reserved characters in the secret") << tricky.id << tricky.secret << ClientAuth::Body
                                                       << OidcProvider::loopbackRedirect(8126) << QString();
}

void tst_OidcHarness::authorizationCode()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(ClientAuth, auth);
    QFETCH(QUrl, redirect);
    QFETCH(QString, pkceMethod);

    const OidcProvider::Client client { clientId, secret };
    std::optional<OidcPkce> pkce;
    if (pkceMethod == u"S256"_s)
        pkce = OidcPkce::s256();
    else if (pkceMethod == u"plain"_s)
        pkce = OidcPkce::plain();

    // Log in and consent over HTTP, catching the redirect to the client.
    OidcHttp http;
    const QString state = randomToken();
    const QUrl authorize
        = authorizationUrl(client, redirect, u"openid profile email offline_access api:read"_s, state,
                           pkce ? &*pkce : nullptr, { { u"prompt"_s, u"consent"_s } });
    OidcInteraction::Options options;
    options.login = u"alice"_s;
    const auto interaction = OidcInteraction::authorize(http, authorize, options);
    QVERIFY2(interaction.ok(), qPrintable(interaction.error + u" / "_s + interaction.trace.join(u", "_s)));
    QCOMPARE(interaction.pages, QStringList({ u"login"_s, u"consent"_s }));
    QCOMPARE(interaction.redirect.adjusted(QUrl::RemoveQuery), redirect);
    QCOMPARE(interaction.value(u"state"_s), state);
    QCOMPARE(interaction.value(u"iss"_s), m_provider.issuer().toString());
    const QString code = interaction.value(u"code"_s);
    QVERIFY(!code.isEmpty());

    // Exchange the code.
    OidcHttp::Fields exchange { { u"grant_type"_s, u"authorization_code"_s },
                                { u"code"_s, code },
                                { u"redirect_uri"_s, redirect.toString(QUrl::FullyEncoded) } };
    if (pkce)
        exchange.append({ u"code_verifier"_s, QString::fromLatin1(pkce->verifier) });
    const auto tokens = postToken(http, exchange, client, auth);
    QVERIFY2(tokens.status == 200, describe(tokens).constData());
    const QString accessToken = tokens.jsonString(u"access_token"_s);
    const QString refreshToken = tokens.jsonString(u"refresh_token"_s);
    const QString idToken = tokens.jsonString(u"id_token"_s);
    QVERIFY(!accessToken.isEmpty());
    QVERIFY2(!refreshToken.isEmpty(), "offline_access with prompt=consent gives a refresh token");
    QCOMPARE(tokens.jsonString(u"token_type"_s), u"Bearer"_s);
    QCOMPARE(tokens.json().value(u"expires_in"_s).toInt(), 3600);
    const QStringList granted = tokens.jsonString(u"scope"_s).split(u' ');
    QVERIFY2(granted.contains(u"openid"_s) && granted.contains(u"offline_access"_s)
                 && granted.contains(u"api:read"_s),
             qPrintable(granted.join(u' ')));

    const QJsonObject idClaims = jwtClaims(idToken);
    QCOMPARE(idClaims.value(u"iss"_s).toString(), m_provider.issuer().toString());
    QCOMPARE(idClaims.value(u"aud"_s).toString(), clientId);
    QCOMPARE(idClaims.value(u"sub"_s).toString(), u"alice"_s);

    // Userinfo with the access token.
    const auto me = userinfo(http, accessToken);
    QVERIFY2(me.status == 200, describe(me).constData());
    QCOMPARE(me.jsonString(u"sub"_s), u"alice"_s);
    QCOMPARE(me.jsonString(u"name"_s), u"Alice"_s);
    QCOMPARE(me.jsonString(u"email"_s), u"alice@example.test"_s);

    // Introspection by the client itself.
    const auto introspection
        = postToken(http, { { u"token"_s, accessToken } }, client, auth, u"introspection_endpoint"_s);
    QVERIFY2(introspection.status == 200, describe(introspection).constData());
    QCOMPARE(introspection.json().value(u"active"_s).toBool(), true);
    QCOMPARE(introspection.jsonString(u"sub"_s), u"alice"_s);

    // Refresh.
    const auto refreshed
        = postToken(http, { { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refreshToken } },
                    client, auth);
    QVERIFY2(refreshed.status == 200, describe(refreshed).constData());
    const QString newAccessToken = refreshed.jsonString(u"access_token"_s);
    QVERIFY(!newAccessToken.isEmpty());
    QVERIFY(newAccessToken != accessToken);
    // Public clients get a new refresh token each time (rotation); others keep theirs.
    const QString newRefreshToken = refreshed.jsonString(u"refresh_token"_s);
    QVERIFY(!newRefreshToken.isEmpty());
    if (auth == ClientAuth::None)
        QVERIFY(newRefreshToken != refreshToken);
    QCOMPARE(userinfo(http, newAccessToken).status, 200);

    // Revoke the new access token, then the refresh token.
    const auto revoked
        = postToken(http, { { u"token"_s, newAccessToken }, { u"token_type_hint"_s, u"access_token"_s } },
                    client, auth, u"revocation_endpoint"_s);
    QVERIFY2(revoked.status == 200, describe(revoked).constData());
    const auto afterRevocation = userinfo(http, newAccessToken);
    QCOMPARE(afterRevocation.status, 401);
    QCOMPARE(afterRevocation.jsonString(u"error"_s), u"invalid_token"_s);

    const auto revokedRefresh
        = postToken(http, { { u"token"_s, newRefreshToken }, { u"token_type_hint"_s, u"refresh_token"_s } },
                    client, auth, u"revocation_endpoint"_s);
    QVERIFY2(revokedRefresh.status == 200, describe(revokedRefresh).constData());
    const auto refreshAfterRevocation = postToken(
        http, { { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, newRefreshToken } }, client,
        auth);
    QCOMPARE(refreshAfterRevocation.status, 400);
    QCOMPARE(refreshAfterRevocation.jsonString(u"error"_s), u"invalid_grant"_s);
}

void tst_OidcHarness::authorizationErrors_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QUrl>("redirect");
    QTest::addColumn<bool>("withPkce");
    QTest::addColumn<OidcInteraction::Decision>("decision");
    QTest::addColumn<QString>("responseType");
    QTest::addColumn<QString>("redirectError"); // error=... on the redirect to the client
    QTest::addColumn<QString>("pageError"); // or, when no redirect is allowed, text of the error page

    const QUrl loopback = OidcProvider::loopbackRedirect(8130);
    const QString web = OidcProvider::webClient().id;
    const QString pub = OidcProvider::publicClient().id;
    using Decision = OidcInteraction::Decision;
    QTest::newRow("user cancels") << web << loopback << true << Decision::Deny << u"code"_s
                                  << u"access_denied"_s << QString();
    QTest::newRow("public client without PKCE")
        << pub << loopback << false << Decision::Consent << u"code"_s << u"invalid_request"_s << QString();
    QTest::newRow("implicit grant") << web << loopback << false << Decision::Consent << u"token"_s
                                    << u"unsupported_response_type"_s << QString();
    QTest::newRow("unregistered redirect path")
        << web << QUrl(u"http://127.0.0.1:8130/elsewhere"_s) << true << Decision::Consent << u"code"_s
        << QString() << u"redirect_uri"_s;
    QTest::newRow("unregistered https redirect")
        << web << QUrl(u"https://example.invalid/callback"_s) << true << Decision::Consent << u"code"_s
        << QString() << u"redirect_uri"_s;
    QTest::newRow("unknown client") << u"nobody"_s << loopback << true << Decision::Consent << u"code"_s
                                    << QString() << u"invalid_client"_s;
}

void tst_OidcHarness::authorizationErrors()
{
    QFETCH(QString, clientId);
    QFETCH(QUrl, redirect);
    QFETCH(bool, withPkce);
    QFETCH(OidcInteraction::Decision, decision);
    QFETCH(QString, responseType);
    QFETCH(QString, redirectError);
    QFETCH(QString, pageError);

    OidcHttp http;
    const OidcPkce pkce = OidcPkce::s256();
    const QString state = randomToken();
    const QUrl url = authorizationUrl({ clientId, QString() }, redirect, u"openid"_s, state,
                                      withPkce ? &pkce : nullptr, { { u"response_type"_s, responseType } });
    OidcInteraction::Options options;
    options.decision = decision;
    const auto result = OidcInteraction::authorize(http, url, options);

    if (!redirectError.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.error + u" / "_s + result.trace.join(u", "_s)));
        QCOMPARE(result.redirect.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment), redirect);
        QCOMPARE(result.value(u"error"_s), redirectError);
        QCOMPARE(result.value(u"state"_s), state);
        QVERIFY(result.value(u"code"_s).isEmpty());
    } else {
        QVERIFY2(!result.ok(), qPrintable(result.redirect.toString()));
        QVERIFY2(result.error.contains(pageError), qPrintable(result.error));
    }
}

void tst_OidcHarness::refreshTokenNeedsConsentPrompt()
{
    // offline_access without prompt=consent: oidc-provider drops the scope and issues no refresh token.
    const auto client = OidcProvider::webClient();
    const QUrl redirect = OidcProvider::loopbackRedirect(8140);
    OidcHttp http;
    const auto result = OidcInteraction::authorize(
        http, authorizationUrl(client, redirect, u"openid offline_access"_s, randomToken(), nullptr));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const auto tokens = postToken(http,
                                  { { u"grant_type"_s, u"authorization_code"_s },
                                    { u"code"_s, result.value(u"code"_s) },
                                    { u"redirect_uri"_s, redirect.toString() } },
                                  client, ClientAuth::Body);
    QVERIFY2(tokens.status == 200, describe(tokens).constData());
    QVERIFY(!tokens.jsonString(u"access_token"_s).isEmpty());
    QVERIFY(!tokens.json().contains(u"refresh_token"_s));
    QVERIFY(!tokens.jsonString(u"scope"_s).contains(u"offline_access"_s));
}

void tst_OidcHarness::codeReuseRevokesTokens()
{
    // A code works once; using it again also revokes what it gave (RFC 6749 §4.1.2).
    const auto client = OidcProvider::webClient();
    const QUrl redirect = OidcProvider::loopbackRedirect(8142);
    OidcHttp http;
    const auto result = OidcInteraction::authorize(
        http, authorizationUrl(client, redirect, u"openid"_s, randomToken(), nullptr));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const OidcHttp::Fields exchange { { u"grant_type"_s, u"authorization_code"_s },
                                      { u"code"_s, result.value(u"code"_s) },
                                      { u"redirect_uri"_s, redirect.toString() } };
    const auto tokens = postToken(http, exchange, client, ClientAuth::Body);
    QVERIFY2(tokens.status == 200, describe(tokens).constData());
    const QString accessToken = tokens.jsonString(u"access_token"_s);
    QCOMPARE(userinfo(http, accessToken).status, 200);

    const auto again = postToken(http, exchange, client, ClientAuth::Body);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.jsonString(u"error"_s), u"invalid_grant"_s);
    QCOMPARE(userinfo(http, accessToken).status, 401);
}

void tst_OidcHarness::loginSessionIsKept()
{
    // The same cookie jar: the second authorization needs no login. oidc-provider asks native
    // clients (all default ones but postern-service) for consent every time.
    const auto client = OidcProvider::webClient();
    const QUrl redirect = OidcProvider::loopbackRedirect(8141);
    OidcHttp http;
    const auto first = OidcInteraction::authorize(
        http, authorizationUrl(client, redirect, u"openid"_s, randomToken(), nullptr));
    QVERIFY2(first.ok(), qPrintable(first.error));
    QCOMPARE(first.pages, QStringList({ u"login"_s, u"consent"_s }));

    const auto second = OidcInteraction::authorize(
        http, authorizationUrl(client, redirect, u"openid"_s, randomToken(), nullptr));
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.pages, QStringList { u"consent"_s });
    QVERIFY(!second.value(u"code"_s).isEmpty());

    // A fresh jar logs in again, as someone else.
    OidcHttp other;
    OidcInteraction::Options bob;
    bob.login = u"bob"_s;
    const auto third = OidcInteraction::authorize(
        other, authorizationUrl(client, redirect, u"openid"_s, randomToken(), nullptr), bob);
    QVERIFY2(third.ok(), qPrintable(third.error));
    QCOMPARE(third.pages, QStringList({ u"login"_s, u"consent"_s }));
    const auto tokens = postToken(other,
                                  { { u"grant_type"_s, u"authorization_code"_s },
                                    { u"code"_s, third.value(u"code"_s) },
                                    { u"redirect_uri"_s, redirect.toString() } },
                                  client, ClientAuth::Body);
    QCOMPARE(jwtClaims(tokens.jsonString(u"id_token"_s)).value(u"sub"_s).toString(), u"bob"_s);
}

// ---------------------------------------------------------------------------------------------------

void tst_OidcHarness::reportsBadConfiguration()
{
    OidcProvider provider;
    provider.setClients(QJsonArray { QJsonObject { { u"client_id"_s, u"broken"_s },
                                                   { u"client_secret"_s, u"s"_s },
                                                   { u"redirect_uris"_s, QJsonArray { u"not a url"_s } } } });
    QString whyNot;
    QVERIFY(!provider.start(&whyNot));
    QVERIFY(!provider.isRunning());
    QVERIFY2(whyNot.contains(u"invalid configuration"_s), qPrintable(whyNot));
    QVERIFY2(whyNot.contains(u"redirect_uris"_s), qPrintable(whyNot));
}

void tst_OidcHarness::stopEndsTheServer()
{
    OidcProvider provider;
    provider.setExtraClients(
        QJsonArray { QJsonObject { { u"client_id"_s, u"extra"_s },
                                   { u"client_secret"_s, u"extra-secret"_s },
                                   { u"grant_types"_s, QJsonArray { u"client_credentials"_s } },
                                   { u"redirect_uris"_s, QJsonArray {} },
                                   { u"response_types"_s, QJsonArray {} },
                                   { u"token_endpoint_auth_method"_s, u"client_secret_post"_s } } });
    QString whyNot;
    QVERIFY2(provider.start(&whyNot), qPrintable(whyNot));
    QVERIFY(provider.issuer() != m_provider.issuer());

    // The extra client works next to the default ones.
    OidcHttp http;
    for (const auto &client :
         { OidcProvider::Client { u"extra"_s, u"extra-secret"_s }, OidcProvider::serviceClient() }) {
        const auto token = http.postForm(provider.endpoint(u"/token"_s),
                                         { { u"grant_type"_s, u"client_credentials"_s },
                                           { u"client_id"_s, client.id },
                                           { u"client_secret"_s, client.secret } });
        QVERIFY2(token.status == 200, describe(token).constData());
    }

    const QUrl discovery = provider.endpoint(u"/.well-known/openid-configuration"_s);
    provider.stop();
    QVERIFY(!provider.isRunning());
    QVERIFY(provider.issuer().isEmpty());
    const auto gone = http.get(discovery);
    QCOMPARE(gone.status, 0);
    QVERIFY(!gone.error.isEmpty());
}

void tst_OidcHarness::serverQuitsWhenStdinCloses()
{
    // What keeps a crashed test from leaving the server behind: end of input ends it.
    QProcess process;
    process.setWorkingDirectory(OidcProvider::directory());
    process.start(QStandardPaths::findExecutable(u"node"_s),
                  { OidcProvider::directory() + u"/server.mjs"_s, u"--port"_s, u"0"_s });
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
    while (!process.canReadLine())
        QVERIFY(output.wait(20000));
    const QJsonObject ready = QJsonDocument::fromJson(process.readLine()).object();
    QVERIFY(ready.value(u"port"_s).toInt() > 0);
    QCOMPARE(ready.value(u"issuer"_s).toString(),
             u"http://127.0.0.1:"_s + QString::number(ready.value(u"port"_s).toInt()));

    QSignalSpy finished(&process, &QProcess::finished);
    process.closeWriteChannel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().isEmpty()); // one line, nothing after it
}

QTEST_GUILESS_MAIN(tst_OidcHarness)

#include "tst_oidcharness.moc"
