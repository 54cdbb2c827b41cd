#include "shared/oidcprovider.h"
#include "tokentools/discovery.h"
#include "tokentools/jwksfetcher.h"
#include "tokentools/jwt.h"
#include "tokentools/jwtverifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using namespace PosternTest;

Q_DECLARE_METATYPE(Postern::DiscoveryResult)
Q_DECLARE_METATYPE(Postern::JwksResult)

namespace {

// A client of the provider whose ID tokens are signed with ES256 instead of the default RS256.
const OidcProvider::Client Es256Client { u"postern-es256"_s, u"postern-es256-secret"_s };

QString randomText()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray describe(const OidcHttp::Response &response)
{
    return "HTTP " + QByteArray::number(response.status) + ' ' + response.error.toUtf8() + ' '
        + response.body.left(300);
}

// The token with one more claim in its payload and the original signature.
QString tamper(const QString &token)
{
    QStringList parts = token.split(u'.');
    QJsonObject claims = QJsonDocument::fromJson(
                             QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
                             .object();
    claims.insert(u"admin"_s, true);
    parts[1]
        = QString::fromLatin1(QJsonDocument(claims)
                                  .toJson(QJsonDocument::Compact)
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return parts.join(u'.');
}

} // namespace

// The token tools against an independent OpenID provider (oidc-provider on Node.js, started here):
// discover it, fetch its keys, and verify the signatures of the ID tokens (RS256 and ES256) and JWT
// access tokens it issues.
class tst_TokenToolsOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void discovery();
    void discoveryRefusesAnotherIssuerSpelling();
    void keySet();
    void idToken_data();
    void idToken();
    void jwtAccessToken();

private:
    DiscoveryResult discover(const QString &issuer);
    QString idTokenFor(const OidcProvider::Client &client);

    OidcProvider m_provider;
    QNetworkAccessManager m_network;
    DiscoveryResult m_metadata;
    QJsonObject m_jwks;
};

void tst_TokenToolsOidc::initTestCase()
{
    qRegisterMetaType<DiscoveryResult>();
    qRegisterMetaType<JwksResult>();
    m_provider.setExtraClients(QJsonArray { QJsonObject {
        { u"client_id"_s, Es256Client.id },
        { u"client_secret"_s, Es256Client.secret },
        { u"application_type"_s, u"native"_s },
        { u"token_endpoint_auth_method"_s, u"client_secret_post"_s },
        { u"redirect_uris"_s, QJsonArray { u"http://127.0.0.1/callback"_s } },
        { u"grant_types"_s, QJsonArray { u"authorization_code"_s } },
        { u"response_types"_s, QJsonArray { u"code"_s } },
        { u"id_token_signed_response_alg"_s, u"ES256"_s },
    } });
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider harness unavailable: "_s + whyNot));

    m_metadata = discover(m_provider.issuer().toString());
    QVERIFY2(m_metadata.ok(), qPrintable(m_metadata.error));

    JwksFetcher fetcher(&m_network);
    QSignalSpy spy(&fetcher, &JwksFetcher::finished);
    fetcher.fetch(QUrl(m_metadata.jwksUri));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 15000);
    const auto result = spy.constFirst().constFirst().value<JwksResult>();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.warnings.isEmpty());
    m_jwks = result.jwks;
}

DiscoveryResult tst_TokenToolsOidc::discover(const QString &issuer)
{
    Discovery discovery(&m_network);
    QSignalSpy spy(&discovery, &Discovery::finished);
    discovery.discover(issuer);
    spy.wait(15000);
    if (spy.size() != 1) {
        DiscoveryResult failed;
        failed.error = u"test: finished() emitted %1 times"_s.arg(spy.size());
        return failed;
    }
    return spy.constFirst().constFirst().value<DiscoveryResult>();
}

void tst_TokenToolsOidc::discovery()
{
    const DiscoveryResult &metadata = m_metadata;
    QCOMPARE(metadata.issuer, m_provider.issuer().toString());
    QCOMPARE(metadata.metadataUrl, m_provider.endpoint(u"/.well-known/openid-configuration"_s));
    QCOMPARE(metadata.attempts.size(), 1);
    QCOMPARE(QUrl(metadata.authorizationEndpoint), m_provider.endpoint(u"/auth"_s));
    QCOMPARE(QUrl(metadata.tokenEndpoint), m_provider.endpoint(u"/token"_s));
    QCOMPARE(QUrl(metadata.userinfoEndpoint), m_provider.endpoint(u"/me"_s));
    QCOMPARE(QUrl(metadata.revocationEndpoint), m_provider.endpoint(u"/token/revocation"_s));
    QCOMPARE(QUrl(metadata.introspectionEndpoint), m_provider.endpoint(u"/token/introspection"_s));
    QCOMPARE(QUrl(metadata.jwksUri), m_provider.endpoint(u"/jwks"_s));
    QCOMPARE(QUrl(metadata.deviceAuthorizationEndpoint), m_provider.endpoint(u"/device/auth"_s));
    QCOMPARE(QUrl(metadata.pushedAuthorizationRequestEndpoint), m_provider.endpoint(u"/request"_s));
    QVERIFY(!metadata.requirePushedAuthorizationRequests);
    QVERIFY(metadata.codeChallengeMethodsSupported.contains(u"S256"_s));
    QVERIFY(metadata.grantTypesSupported.contains(u"authorization_code"_s));
    QVERIFY(metadata.scopesSupported.contains(u"openid"_s));
    QVERIFY(metadata.tokenEndpointAuthMethodsSupported.contains(u"client_secret_basic"_s));
    QVERIFY(metadata.tokenEndpointAuthMethodsSupported.contains(u"client_secret_post"_s));
    QVERIFY(metadata.authorizationResponseIssParameterSupported); // RFC 9207
    QVERIFY(metadata.warnings.isEmpty()); // loopback http issuer: no warning

    // The form gets both URLs; the server takes the body, so that is what is used.
    OAuth2Config config;
    config.clientAuthentication = ClientAuthentication::BasicHeader;
    const OAuth2Config applied = metadata.applyTo(config);
    QCOMPARE(applied.authUrl, metadata.authorizationEndpoint);
    QCOMPARE(applied.accessTokenUrl, metadata.tokenEndpoint);
    QCOMPARE(applied.deviceAuthorizationUrl, metadata.deviceAuthorizationEndpoint);
    QCOMPARE(applied.clientAuthentication, ClientAuthentication::Body);
}

void tst_TokenToolsOidc::discoveryRefusesAnotherIssuerSpelling()
{
    // The provider's issuer has no trailing slash: asking with one must not be accepted silently.
    const DiscoveryResult withSlash = discover(m_provider.issuer().toString() + u'/');
    QVERIFY(!withSlash.ok());
    QVERIFY2(withSlash.error.contains(u"trailing slash"_s), qPrintable(withSlash.error));

    // localhost is the same machine but another issuer.
    QUrl localhost = m_provider.issuer();
    localhost.setHost(u"localhost"_s);
    const DiscoveryResult other = discover(localhost.toString());
    QVERIFY(!other.ok());
    QVERIFY2(other.error.contains(u"must match exactly"_s), qPrintable(other.error));
}

void tst_TokenToolsOidc::keySet()
{
    const QJsonArray keys = m_jwks.value(u"keys"_s).toArray();
    QStringList ids;
    for (const QJsonValue key : keys)
        ids << key.toObject().value(u"kid"_s).toString();
    ids.sort();
    QCOMPARE(ids, (QStringList { u"es256"_s, u"rs256"_s }));
    QVERIFY(!QJsonDocument(m_jwks).toJson().contains("\"d\""));
}

QString tst_TokenToolsOidc::idTokenFor(const OidcProvider::Client &client)
{
    OidcHttp http;
    const QUrl redirect = OidcProvider::loopbackRedirect(8321);
    QUrl authorize(m_metadata.authorizationEndpoint);
    authorize.setQuery(QString::fromLatin1(OidcHttp::formEncode({ { u"response_type"_s, u"code"_s },
                                                                  { u"client_id"_s, client.id },
                                                                  { u"redirect_uri"_s, redirect.toString() },
                                                                  { u"scope"_s, u"openid"_s },
                                                                  { u"state"_s, randomText() },
                                                                  { u"nonce"_s, randomText() } })),
                       QUrl::StrictMode);
    const auto interaction = OidcInteraction::authorize(http, authorize);
    if (!interaction.ok()) {
        qWarning("authorization failed: %s",
                 qPrintable(interaction.error + u" / "_s + interaction.trace.join(u", "_s)));
        return QString();
    }
    const auto tokens = http.postForm(QUrl(m_metadata.tokenEndpoint),
                                      { { u"grant_type"_s, u"authorization_code"_s },
                                        { u"code"_s, interaction.value(u"code"_s) },
                                        { u"redirect_uri"_s, redirect.toString() },
                                        { u"client_id"_s, client.id },
                                        { u"client_secret"_s, client.secret } });
    if (tokens.status != 200) {
        qWarning("token request failed: %s", describe(tokens).constData());
        return QString();
    }
    return tokens.jsonString(u"id_token"_s);
}

void tst_TokenToolsOidc::idToken_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("kid");

    QTest::newRow("RS256 ID token") << OidcProvider::webClient().id << u"RS256"_s << u"rs256"_s;
    QTest::newRow("ES256 ID token") << Es256Client.id << u"ES256"_s << u"es256"_s;
}

void tst_TokenToolsOidc::idToken()
{
    QFETCH(QString, clientId);
    QFETCH(QString, alg);
    QFETCH(QString, kid);

    const OidcProvider::Client client = clientId == Es256Client.id ? Es256Client : OidcProvider::webClient();
    const QString idToken = idTokenFor(client);
    QVERIFY(!idToken.isEmpty());

    const JwtInfo info = Jwt::decode(idToken);
    QVERIFY2(info.isJwt, qPrintable(info.notJwtReason));
    QCOMPARE(info.algorithm, alg);
    QCOMPARE(info.keyId, kid);
    QCOMPARE(info.payload.value(u"iss"_s).toString(), m_provider.issuer().toString());
    QCOMPARE(info.payload.value(u"aud"_s).toString(), clientId);
    QVERIFY(info.exp && info.iat);
    QVERIFY(*info.exp > QDateTime::currentDateTimeUtc());
    QVERIFY(info.describeTime(u"exp").contains(u"(in "_s));
    QVERIFY(info.warnings.isEmpty());

    const auto valid = JwtVerifier::verify(info, m_jwks);
    QVERIFY2(valid.isValid(), qPrintable(valid.message));
    QCOMPARE(valid.keyId, kid);

    QCOMPARE(JwtVerifier::verify(tamper(idToken), m_jwks).verdict, JwtVerifier::Verdict::Invalid);
    // Keys of another session (every start has fresh keys) do not match.
    QJsonObject rotated = m_jwks;
    QJsonArray onlyOther;
    for (const QJsonValue key : m_jwks.value(u"keys"_s).toArray()) {
        if (key.toObject().value(u"kid"_s).toString() != kid)
            onlyOther.append(key);
    }
    rotated.insert(u"keys"_s, onlyOther);
    QCOMPARE(JwtVerifier::verify(info, rotated).verdict, JwtVerifier::Verdict::UnknownKey);
}

void tst_TokenToolsOidc::jwtAccessToken()
{
    // RFC 9068 access tokens come when the token request names the resource urn:postern:api.
    OidcHttp http;
    const auto service = OidcProvider::serviceClient();
    const auto response = http.postForm(QUrl(m_metadata.tokenEndpoint),
                                        { { u"grant_type"_s, u"client_credentials"_s },
                                          { u"scope"_s, u"api:read"_s },
                                          { u"resource"_s, OidcProvider::apiResource() },
                                          { u"client_id"_s, service.id },
                                          { u"client_secret"_s, service.secret } });
    QVERIFY2(response.status == 200, describe(response).constData());
    const QString accessToken = response.jsonString(u"access_token"_s);

    const JwtInfo info = Jwt::decode(accessToken);
    QVERIFY2(info.isJwt, qPrintable(info.notJwtReason));
    QCOMPARE(info.type, u"at+jwt"_s);
    QCOMPARE(info.algorithm, u"RS256"_s);
    QCOMPARE(info.payload.value(u"aud"_s).toString(), OidcProvider::apiResource());

    const auto valid = JwtVerifier::verify(info, m_jwks);
    QVERIFY2(valid.isValid(), qPrintable(valid.message));
    QCOMPARE(valid.keyId, u"rs256"_s);
    QCOMPARE(JwtVerifier::verify(tamper(accessToken), m_jwks).verdict, JwtVerifier::Verdict::Invalid);

    // An opaque access token (no resource) is not a JWT, and says so.
    const auto opaque = http.postForm(QUrl(m_metadata.tokenEndpoint),
                                      { { u"grant_type"_s, u"client_credentials"_s },
                                        { u"client_id"_s, service.id },
                                        { u"client_secret"_s, service.secret } });
    QVERIFY2(opaque.status == 200, describe(opaque).constData());
    const JwtInfo opaqueInfo = Jwt::decode(opaque.jsonString(u"access_token"_s));
    QVERIFY(!opaqueInfo.isJwt);
    QVERIFY2(opaqueInfo.notJwtReason.contains(u"opaque"_s), qPrintable(opaqueInfo.notJwtReason));
}

QTEST_GUILESS_MAIN(tst_TokenToolsOidc)
#include "tst_tokentools_oidc.moc"
