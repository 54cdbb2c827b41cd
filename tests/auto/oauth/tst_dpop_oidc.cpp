// DPoP (RFC 9449) against oidc-provider, configured to bind tokens and to demand a nonce at every
// endpoint: the token comes as token_type DPoP, bound to the key Postern made (introspection shows
// its cnf.jkt), after exactly one nonce demand answered; a resource (oidc-provider's UserInfo) takes
// it with a proof from RequestSender, nonce demand included, and refuses it as a bearer token. With
// hostile servers: a nonce demanded again and again is answered once, not in a loop; a server that
// issues a Bearer token leaves the token unbound. Skipped when Node.js or the npm packages are missing.

#include "http/httpclient.h"
#include "oauth/oauth2session.h"
#include "oauth/requestsender.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrefresher.h"
#include "oauth/tokenstore.h"
#include "shared/oidcprovider.h"
#include "shared/testhttpserver.h"
#include "tokencanaries.h"
#include "tokentools/dpop.h"
#include "tokentools/jwt.h"
#include "tokentools/jwtverifier.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using PosternTest::OidcHttp;
using PosternTest::OidcProvider;

Q_DECLARE_METATYPE(Postern::OAuth2Result)
Q_DECLARE_METATYPE(Postern::HttpResponse)

namespace {

// Counts the requests that go through it, by path.
class CountingManager : public QNetworkAccessManager
{
public:
    QStringList paths;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        paths << request.url().path();
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

const QString BearerClient = u"postern-dpop-bearer"_s;
const QString BearerSecret = u"postern-dpop-bearer-secret"_s;

} // namespace

class tst_DpopOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void clientCredentialsTokenIsBound();
    void boundTokenReachesTheResource();
    void codeGrantTokenIsBound();
    void nonceDemandAnsweredOnce();
    void bearerAnswerLeavesTokenUnbound();

private:
    OAuth2Result run(TokenEndpointJob *job);

    OidcProvider m_provider;
    QTemporaryDir m_dir;
    QString m_keyFile;
    SigningKey m_grantKey = SigningKey::generateP256();
    CountingManager m_network;
    TokenEndpointClient m_client { &m_network };
};

void tst_DpopOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    qRegisterMetaType<HttpResponse>();
    QVERIFY(!m_grantKey.isNull());
    m_keyFile = m_dir.filePath(u"grant.pem"_s);
    QFile file(m_keyFile);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(m_grantKey.toPem()) > 0);
    file.close();
    // A JWT bearer client: its tokens have a subject, so UserInfo answers for them.
    m_provider.setExtraClients({ QJsonObject {
        { u"client_id"_s, BearerClient },
        { u"client_secret"_s, BearerSecret },
        { u"token_endpoint_auth_method"_s, u"client_secret_post"_s },
        { u"grant_types"_s, QJsonArray { u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s } },
        { u"redirect_uris"_s, QJsonArray() },
        { u"response_types"_s, QJsonArray() },
        { u"jwks"_s, QJsonObject { { u"keys"_s, QJsonArray { m_grantKey.publicJwk() } } } } } });
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
}

void tst_DpopOidc::init()
{
    Dpop::forgetNonces();
    m_network.paths.clear();
}

OAuth2Result tst_DpopOidc::run(TokenEndpointJob *job)
{
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (finished.isEmpty() && !finished.wait(15000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return Testing::recorded(finished.first().first().value<OAuth2Result>());
}

void tst_DpopOidc::clientCredentialsTokenIsBound()
{
    const OidcProvider::Client service = OidcProvider::serviceClient();
    OAuth2Config c;
    c.tokenName = u"DPoP"_s;
    c.grantType = OAuth2GrantType::ClientCredentials;
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = service.id;
    c.clientSecret = service.secret;
    c.dpop = true;
    const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));
    // No nonce known at first: the server demanded one, and the second request carried it.
    QCOMPARE(m_network.paths, QStringList({ u"/token"_s, u"/token"_s }));
    QCOMPARE(result.token.tokenType, u"DPoP"_s);
    QVERIFY(result.token.isDpopBound());
    const SigningKey key = SigningKey::fromPem(result.token.dpopKey.toLatin1());
    QVERIFY(!key.isNull());
    QCOMPARE(result.token.dpopThumbprint, key.thumbprint());
    // The key is secret; only its thumbprint is in the metadata.
    QVERIFY(!QJsonDocument(result.token.metadataJson()).toJson().contains("PRIVATE KEY"));
    QVERIFY(result.token.secretsBlob().contains("PRIVATE KEY"));

    // The server's own word: the token is bound to that key.
    OidcHttp http;
    const auto introspection = http.postForm(m_provider.endpoint(u"/token/introspection"_s),
                                             { { u"token"_s, result.token.accessToken },
                                               { u"client_id"_s, service.id },
                                               { u"client_secret"_s, service.secret } });
    QCOMPARE(introspection.json().value(u"token_type"_s).toString(), u"DPoP"_s);
    QCOMPARE(introspection.json().value(u"cnf"_s).toObject().value(u"jkt"_s).toString(), key.thumbprint());

    // A second token: the nonce is known now, one request.
    m_network.paths.clear();
    const OAuth2Result second = run(m_client.requestClientCredentialsToken(c));
    QVERIFY2(second.ok(), qPrintable(second.message));
    QCOMPARE(m_network.paths.size(), 1);
    QVERIFY(second.token.dpopThumbprint != result.token.dpopThumbprint); // a key per token
}

void tst_DpopOidc::boundTokenReachesTheResource()
{
    OAuth2Config c;
    c.tokenName = u"DPoP user"_s;
    c.grantType = OAuth2GrantType::JwtBearer;
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = BearerClient;
    c.clientSecret = BearerSecret;
    c.clientKeyFile = m_keyFile;
    c.assertionSubject = u"dora"_s;
    c.scope = u"openid"_s;
    c.dpop = true;
    const OAuth2Result result = run(m_client.requestJwtBearerToken(c));
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));
    QVERIFY(result.token.isDpopBound());

    QTemporaryDir storeDir;
    TokenStore store(storeDir.path());
    QSignalSpy changed(&store, &TokenStore::tokensChanged);
    OAuth2Token token = result.token;
    if (token.id.isEmpty())
        token.id = OAuth2Token::newId();
    store.add(token);
    QVERIFY(changed.wait());
    QNetworkAccessManager resourceNetwork;
    HttpClient http(&resourceNetwork);
    TokenRefresher refresher(&store, &m_client);
    RequestSender sender(&http, &store, &refresher);

    HttpRequest request;
    request.method = u"GET"_s;
    request.url = m_provider.endpoint(u"/me"_s).toString();
    request.auth.type = AuthType::OAuth2;
    request.auth.oauth2 = c;
    request.auth.oauth2TokenId = token.id;
    Dpop::forgetNonces(); // UserInfo demands its own nonce first
    SendOperation *operation = sender.send(request);
    QSignalSpy finished(operation, &SendOperation::finished);
    QVERIFY(finished.wait(15000));
    const HttpResponse response = finished.first().first().value<HttpResponse>();
    QVERIFY2(response.statusCode == 200, response.body.left(300).constData());
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"sub"_s).toString(), u"dora"_s);

    // The same token as a bearer token is refused: it is bound to the key.
    OidcHttp plain;
    QNetworkRequest bearer(m_provider.endpoint(u"/me"_s));
    bearer.setRawHeader("Authorization", "Bearer " + token.accessToken.toLatin1());
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(bearer);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    reply->deleteLater();
}

void tst_DpopOidc::codeGrantTokenIsBound()
{
    // The code exchanged with a proof; the server's nonce demand answered by exchanging the same code
    // once more (oidc-provider checks the proof before it uses the code up).
    const OidcProvider::Client web = OidcProvider::webClient();
    OAuth2Config c;
    c.tokenName = u"DPoP code"_s;
    c.grantType = OAuth2GrantType::AuthorizationCodePkce;
    c.callbackUrl = OidcProvider::postmanRedirect().toString();
    c.authUrl = m_provider.endpoint(u"/auth"_s).toString();
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = web.id;
    c.clientSecret = web.secret;
    c.scope = u"openid"_s;
    c.dpop = true;
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    OidcHttp http;
    const auto interaction = PosternTest::OidcInteraction::authorize(http, ready.first().first().toUrl());
    QVERIFY2(interaction.ok(), qPrintable(interaction.error));
    QVERIFY(session.handleRedirect(interaction.redirect));
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    const OAuth2Result result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));
    QCOMPARE(result.token.tokenType, u"DPoP"_s);
    QVERIFY(result.token.isDpopBound());
    const auto introspection = http.postForm(m_provider.endpoint(u"/token/introspection"_s),
                                             { { u"token"_s, result.token.accessToken },
                                               { u"client_id"_s, web.id },
                                               { u"client_secret"_s, web.secret } });
    QCOMPARE(introspection.json().value(u"cnf"_s).toObject().value(u"jkt"_s).toString(),
             result.token.dpopThumbprint);
}

void tst_DpopOidc::nonceDemandAnsweredOnce()
{
    // A server that wants a nonce whatever the proof says: two requests, then its answer as the outcome.
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());
    int nonce = 0;
    server.setHandler([&nonce](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 400;
        reply.reason = "Bad Request";
        reply.headers.append(qMakePair("DPoP-Nonce"_ba, "nonce-"_ba + QByteArray::number(++nonce)));
        reply.headers.append(qMakePair("Cache-Control"_ba, "no-store"_ba));
        reply.body
            = R"({"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof"})";
        return reply;
    });
    OAuth2Config c;
    c.tokenName = u"DPoP"_s;
    c.grantType = OAuth2GrantType::ClientCredentials;
    c.accessTokenUrl = server.url(u"/token"_s).toString();
    c.clientId = u"c"_s;
    c.clientSecret = u"s"_s;
    c.dpop = true;
    const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
    QVERIFY(!result.ok());
    QCOMPARE(result.error, u"use_dpop_nonce"_s);
    QCOMPARE(server.requests().size(), 2);
    // The second proof carried the nonce the first answer gave.
    const JwtInfo second = Jwt::decode(QString::fromLatin1(server.requests().at(1).header("DPoP")));
    QCOMPARE(second.payload.value(u"nonce"_s).toString(), u"nonce-1"_s);
    QCOMPARE(second.type, u"dpop+jwt"_s);
    QCOMPARE(second.payload.value(u"htm"_s).toString(), u"POST"_s);
    QCOMPARE(second.payload.value(u"htu"_s).toString(), server.url(u"/token"_s).toString());
    // Each proof verifies with the key in its own header.
    const QJsonObject jwk = second.header.value(u"jwk"_s).toObject();
    QVERIFY(!jwk.contains(u"d"_s)); // the public half only
    QJsonObject withKid = jwk;
    withKid.insert(u"kid"_s, u"k"_s);
    QVERIFY(JwtVerifier::verify(second, QJsonObject { { u"keys"_s, QJsonArray { withKid } } }).isValid());
}

void tst_DpopOidc::bearerAnswerLeavesTokenUnbound()
{
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());
    server.setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body = R"({"access_token":"plain","token_type":"Bearer","expires_in":60})";
        return reply;
    });
    OAuth2Config c;
    c.tokenName = u"DPoP"_s;
    c.grantType = OAuth2GrantType::ClientCredentials;
    c.accessTokenUrl = server.url(u"/token"_s).toString();
    c.clientId = u"c"_s;
    c.clientSecret = u"s"_s;
    c.dpop = true;
    const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(!server.requests().first().header("DPoP").isEmpty());
    QVERIFY(!result.token.isDpopBound());
    QVERIFY(result.token.dpopThumbprint.isEmpty());
}

QTEST_GUILESS_MAIN(tst_DpopOidc)
#include "tst_dpop_oidc.moc"
