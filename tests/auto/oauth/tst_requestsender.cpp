// RequestSender: auto-refresh before a send with a due token, one refresh for many waiting requests,
// a rotated refresh token stored before use, invalid_grant ending without a loop, and one refresh and
// one retry after a 401 invalid_token. Against recording loopback servers (an API and a token endpoint)
// and against the sandbox instance.

#include "http/httpclient.h"
#include "oauth/requestsender.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrefresher.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "shared/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpResponse)

class tst_RequestSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void freshTokenSentWithoutRefresh();
    void dueTokenRefreshedBeforeSend_data();
    void dueTokenRefreshedBeforeSend();
    void manyRequestsOneRefresh();
    void rotatedRefreshTokenStoredBeforeUse();
    void invalidGrantMarksExpiredWithoutLoop();
    void refreshedTokenThatCannotBeStored();
    void invalidTokenOneRefreshOneRetry_data();
    void invalidTokenOneRefreshOneRetry();
    void unauthorizedWithoutBearerChallenge_data();
    void unauthorizedWithoutBearerChallenge();
    void autoRefreshOff();
    void tokenOfAnotherConfigurationIsNotRefreshed();
    void againstTheSandbox();

private:
    OAuth2Token addToken(qint64 secondsLeft, const QString &refreshToken = u"refresh-1"_s);
    HttpRequest request(const OAuth2Token &token) const;
    HttpResponse sendAndWait(const HttpRequest &request);
    int refreshRequests() const;

    QNetworkAccessManager m_manager;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TokenStore> m_store;
    std::unique_ptr<TokenEndpointClient> m_tokenClient;
    std::unique_ptr<TokenRefresher> m_refresher;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<RequestSender> m_sender;
    std::unique_ptr<TestHttpServer> m_api;
    std::unique_ptr<TestHttpServer> m_tokenEndpoint;
    int m_issued = 0;
    bool m_rotate = false;
};

void tst_RequestSender::initTestCase()
{
    qRegisterMetaType<HttpResponse>();
}

void tst_RequestSender::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<TokenStore>(m_dir->path());
    m_tokenClient = std::make_unique<TokenEndpointClient>(&m_manager);
    m_refresher = std::make_unique<TokenRefresher>(m_store.get(), m_tokenClient.get());
    m_http = std::make_unique<HttpClient>(&m_manager);
    m_sender = std::make_unique<RequestSender>(m_http.get(), m_store.get(), m_refresher.get());
    m_api = std::make_unique<TestHttpServer>();
    m_tokenEndpoint = std::make_unique<TestHttpServer>();
    QVERIFY(m_api->listenOnLoopback());
    QVERIFY(m_tokenEndpoint->listenOnLoopback());
    m_issued = 0;
    m_rotate = false;
    // The API accepts only tokens issued by the token endpoint after the first one.
    m_api->setHandler([](const TestHttpServer::Request &r) {
        TestHttpServer::Reply reply;
        if (r.header("authorization").startsWith("Bearer access-new")) {
            reply.body = R"({"ok":true})";
        } else {
            reply.status = 401;
            reply.reason = "Unauthorized";
            reply.headers.append(qMakePair("WWW-Authenticate"_ba, R"(Bearer error="invalid_token")"_ba));
            reply.body = R"({"error":"invalid_token"})";
        }
        return reply;
    });
    m_tokenEndpoint->setHandler([this](const TestHttpServer::Request &) {
        ++m_issued;
        TestHttpServer::Reply reply;
        reply.body = QByteArray(R"({"access_token":"access-new-)") + QByteArray::number(m_issued)
            + R"(","token_type":"Bearer","expires_in":1799)"
            + (m_rotate ? QByteArray(R"(,"refresh_token":"refresh-)") + QByteArray::number(m_issued + 1) + '"'
                        : QByteArray())
            + "}";
        return reply;
    });
}

void tst_RequestSender::cleanup()
{
    m_sender.reset();
    m_refresher.reset();
    m_tokenClient.reset();
    m_store.reset();
}

OAuth2Token tst_RequestSender::addToken(qint64 secondsLeft, const QString &refreshToken)
{
    OAuth2Token token;
    token.id = OAuth2Token::newId();
    token.name = u"t"_s;
    token.tokenType = u"Bearer"_s;
    token.accessToken = u"access-old"_s;
    token.refreshToken = refreshToken;
    token.obtainedAt = QDateTime::currentDateTimeUtc().addSecs(-100);
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(secondsLeft);
    QSignalSpy changed(m_store.get(), &TokenStore::tokensChanged);
    m_store->add(token);
    changed.wait();
    return token;
}

HttpRequest tst_RequestSender::request(const OAuth2Token &token) const
{
    HttpRequest r;
    r.url = m_api->url(u"/api/now/table/incident"_s).toString();
    r.auth.type = AuthType::OAuth2;
    r.auth.oauth2TokenId = token.id;
    r.auth.oauth2.clientId = u"postern"_s;
    r.auth.oauth2.clientSecret = u"postern-secret"_s;
    r.auth.oauth2.accessTokenUrl = m_tokenEndpoint->url(u"/oauth_token.do"_s).toString();
    return r;
}

HttpResponse tst_RequestSender::sendAndWait(const HttpRequest &r)
{
    SendOperation *operation = m_sender->send(r);
    QSignalSpy finished(operation, &SendOperation::finished);
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<HttpResponse>();
}

int tst_RequestSender::refreshRequests() const
{
    int n = 0;
    for (const auto &r : m_tokenEndpoint->requests())
        n += r.body.contains("grant_type=refresh_token") ? 1 : 0;
    return n;
}

void tst_RequestSender::freshTokenSentWithoutRefresh()
{
    m_api->setHandler([](const TestHttpServer::Request &) { return TestHttpServer::Reply(); });
    const OAuth2Token token = addToken(1000);
    const HttpResponse response = sendAndWait(request(token));
    QCOMPARE(response.statusCode, 200);
    QCOMPARE(m_api->requests().first().header("authorization"), "Bearer access-old"_ba);
    QCOMPARE(refreshRequests(), 0);
}

void tst_RequestSender::dueTokenRefreshedBeforeSend_data()
{
    QTest::addColumn<qint64>("secondsLeft");
    QTest::newRow("expired an hour ago") << qint64(-3600);
    QTest::newRow("expires in 30 s") << qint64(30);
}

void tst_RequestSender::dueTokenRefreshedBeforeSend()
{
    QFETCH(qint64, secondsLeft);
    const OAuth2Token token = addToken(secondsLeft);
    const HttpResponse response = sendAndWait(request(token));
    QCOMPARE(response.statusCode, 200);
    QCOMPARE(refreshRequests(), 1);
    QCOMPARE(m_api->requests().size(), 1); // refreshed before, not after
    QCOMPARE(m_api->requests().first().header("authorization"), "Bearer access-new-1"_ba);
    // The refresh used the configuration's client authentication (body) and the stored refresh token.
    const QByteArray body = m_tokenEndpoint->requests().first().body;
    QVERIFY(body.contains("refresh_token=refresh-1"));
    QVERIFY(body.contains("client_id=postern") && body.contains("client_secret=postern-secret"));
    QCOMPARE(m_store->token(token.id)->accessToken, u"access-new-1"_s);
    QVERIFY(!TokenRefresher::isDue(*m_store->token(token.id)));
}

void tst_RequestSender::manyRequestsOneRefresh()
{
    const OAuth2Token token = addToken(-10);
    QList<SendOperation *> operations;
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (int i = 0; i < 5; ++i) {
        operations << m_sender->send(request(token));
        spies << std::make_shared<QSignalSpy>(operations.last(), &SendOperation::finished);
    }
    for (const auto &spy : spies)
        QVERIFY(!spy->isEmpty() || spy->wait(10000));
    QCOMPARE(refreshRequests(), 1);
    QCOMPARE(m_api->requests().size(), 5);
    for (const auto &r : m_api->requests())
        QCOMPARE(r.header("authorization"), "Bearer access-new-1"_ba);
}

void tst_RequestSender::rotatedRefreshTokenStoredBeforeUse()
{
    m_rotate = true;
    const OAuth2Token token = addToken(-10);
    QString refreshTokenWhenApiWasCalled;
    m_api->setHandler([this, &refreshTokenWhenApiWasCalled, id = token.id](const TestHttpServer::Request &) {
        refreshTokenWhenApiWasCalled = m_store->token(id)->refreshToken;
        return TestHttpServer::Reply();
    });
    QCOMPARE(sendAndWait(request(token)).statusCode, 200);
    QCOMPARE(refreshTokenWhenApiWasCalled, u"refresh-2"_s);
    // And the next refresh uses the new one.
    OAuth2Token stored = *m_store->token(token.id);
    stored.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    QSignalSpy changed(m_store.get(), &TokenStore::tokensChanged);
    m_store->update(stored);
    QVERIFY(changed.wait());
    QCOMPARE(sendAndWait(request(token)).statusCode, 200);
    QVERIFY(m_tokenEndpoint->requests().last().body.contains("refresh_token=refresh-2"));
}

void tst_RequestSender::invalidGrantMarksExpiredWithoutLoop()
{
    m_tokenEndpoint->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 400;
        reply.reason = "Bad Request";
        reply.body = R"({"error":"invalid_grant","error_description":"refresh token expired"})";
        return reply;
    });
    const OAuth2Token token = addToken(-10);
    const HttpResponse first = sendAndWait(request(token));
    QCOMPARE(first.error, HttpResponse::Error::Authorization);
    QVERIFY2(first.errorMessage.contains(u"sign in again"_s), qPrintable(first.errorMessage));
    QVERIFY(m_api->requests().isEmpty());
    const OAuth2Token marked = *m_store->token(token.id);
    QVERIFY(marked.isExpired());
    QVERIFY(marked.refreshToken.isEmpty());
    // No loop: the next send does not try again; it goes out with the stale token and shows the 401.
    const HttpResponse second = sendAndWait(request(token));
    QCOMPARE(second.statusCode, 401);
    QCOMPARE(m_tokenEndpoint->requests().size(), 1);
}

void tst_RequestSender::refreshedTokenThatCannotBeStored()
{
    // A store that writes tokens.json; then tokens.json becomes a folder, so it cannot be rewritten.
    MemorySecretStore secrets;
    m_store->useSecretStore(&secrets, TokenStore::StorageMode::Keychain);
    QSignalSpy loaded(m_store.get(), &TokenStore::loaded);
    m_store->load();
    QVERIFY(loaded.wait(5000));
    const OAuth2Token token = addToken(-10);
    const QString metadata = m_store->metadataFilePath();
    QVERIFY(QFile::remove(metadata));
    QVERIFY(QDir().mkpath(metadata));
    std::optional<OAuth2Result> outcome;
    m_refresher->ensureFresh(token.id, request(token).auth.oauth2,
                             [&outcome](const OAuth2Result &result) { outcome = result; });
    QTRY_VERIFY(outcome.has_value());
    QCOMPARE(refreshRequests(), 1);
    QCOMPARE(outcome->failure, OAuth2Result::Failure::Storage);
    QVERIFY2(outcome->message.startsWith(u"The refreshed token could not be stored: "_s),
             qPrintable(outcome->message));
}

void tst_RequestSender::invalidTokenOneRefreshOneRetry_data()
{
    QTest::addColumn<bool>("apiTakesNewToken");
    QTest::newRow("the refreshed token is accepted") << true;
    QTest::newRow("still 401 after the refresh: shown") << false;
}

void tst_RequestSender::invalidTokenOneRefreshOneRetry()
{
    QFETCH(bool, apiTakesNewToken);
    if (!apiTakesNewToken) {
        m_api->setHandler([](const TestHttpServer::Request &) {
            TestHttpServer::Reply reply;
            reply.status = 401;
            reply.reason = "Unauthorized";
            reply.headers.append(
                qMakePair("WWW-Authenticate"_ba, R"(Bearer realm="x", error="invalid_token")"_ba));
            return reply;
        });
    }
    const OAuth2Token token = addToken(1000); // looks good
    const HttpResponse response = sendAndWait(request(token));
    QCOMPARE(response.statusCode, apiTakesNewToken ? 200 : 401);
    QCOMPARE(refreshRequests(), 1);
    QCOMPARE(m_api->requests().size(), 2);
}

void tst_RequestSender::unauthorizedWithoutBearerChallenge_data()
{
    QTest::addColumn<QByteArray>("challenge"); // the WWW-Authenticate header; empty: none
    QTest::newRow("401 without WWW-Authenticate") << QByteArray();
    QTest::newRow("401 with a Basic challenge") << QByteArray(R"(Basic realm="instance")");
    QTest::newRow("401 with a Bearer challenge that is not invalid_token")
        << QByteArray(R"(Bearer realm="x", error="insufficient_scope", scope="admin")");
}

void tst_RequestSender::unauthorizedWithoutBearerChallenge()
{
    // Only "the token is invalid" (RFC 6750 §3.1) is a reason to refresh and send again; any other 401
    // is the answer, shown as it came, with no refresh and no second request.
    QFETCH(QByteArray, challenge);
    m_api->setHandler([challenge](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 401;
        reply.reason = "Unauthorized";
        if (!challenge.isEmpty())
            reply.headers.append(qMakePair("WWW-Authenticate"_ba, challenge));
        reply.body = R"({"error":{"message":"User Not Authenticated"}})";
        return reply;
    });
    const OAuth2Token token = addToken(1000);
    const HttpResponse response = sendAndWait(request(token));
    QCOMPARE(response.statusCode, 401);
    QCOMPARE(response.body, R"({"error":{"message":"User Not Authenticated"}})"_ba);
    QCOMPARE(refreshRequests(), 0);
    QCOMPARE(m_api->requests().size(), 1);
}

void tst_RequestSender::autoRefreshOff()
{
    const OAuth2Token token = addToken(-10);
    HttpRequest r = request(token);
    r.auth.oauth2AutoRefresh = false;
    const HttpResponse response = sendAndWait(r);
    QCOMPARE(response.statusCode, 401);
    QCOMPARE(m_api->requests().first().header("authorization"), "Bearer access-old"_ba);
}

void tst_RequestSender::tokenOfAnotherConfigurationIsNotRefreshed()
{
    // A token from another client and server: its refresh token must not go to this form's token
    // endpoint with this form's client. The stored token goes out as it is.
    OAuth2Token token;
    token.id = OAuth2Token::newId();
    token.name = u"from elsewhere"_s;
    token.tokenType = u"Bearer"_s;
    token.accessToken = u"access-old"_s;
    token.refreshToken = u"refresh-elsewhere"_s;
    token.configKey = u"another-configuration"_s;
    token.issuer = u"https://other.example"_s;
    token.obtainedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    QSignalSpy changed(m_store.get(), &TokenStore::tokensChanged);
    m_store->add(token);
    QVERIFY(changed.wait());
    const HttpResponse response = sendAndWait(request(token));
    QCOMPARE(response.statusCode, 401);
    QVERIFY(m_tokenEndpoint->requests().isEmpty());
    QCOMPARE(m_api->requests().first().header("authorization"), "Bearer access-old"_ba);
}

void tst_RequestSender::againstTheSandbox()
{
    // A token from the sandbox's password grant, then the instance's clock moves past its expiry: the
    // next send refreshes (secret in the body, as ServiceNow wants) and gets the incidents.
    Sandbox::SandboxServer sandbox(Sandbox::Registry::defaults());
    QVERIFY(sandbox.listen(0));
    OAuth2Config config = OAuth2Config::forServiceNow(sandbox.baseUrl().toString());
    config.tokenName = u"sandbox"_s;
    config.grantType = OAuth2GrantType::Password;
    config.clientId = u"postern"_s;
    config.clientSecret = u"postern-secret"_s;
    TokenEndpointJob *job = m_tokenClient->requestPasswordToken(config, u"admin"_s, u"admin"_s);
    QSignalSpy obtained(job, &TokenEndpointJob::finished);
    QVERIFY(obtained.wait());
    OAuth2Token token = obtained.first().first().value<OAuth2Result>().token;
    QVERIFY(token.isValid());
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    QSignalSpy changed(m_store.get(), &TokenStore::tokensChanged);
    m_store->add(token);
    QVERIFY(changed.wait());
    sandbox.setClockForTesting([] { return QDateTime::currentDateTimeUtc().addSecs(1900); });

    HttpRequest r;
    r.url = sandbox.baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=2"_s;
    r.auth.type = AuthType::OAuth2;
    r.auth.oauth2TokenId = token.id;
    r.auth.oauth2 = config;
    const HttpResponse response = sendAndWait(r);
    QCOMPARE(response.statusCode, 200);
    QVERIFY(m_store->token(token.id)->accessToken != token.accessToken);
}

QTEST_GUILESS_MAIN(tst_RequestSender)
#include "tst_requestsender.moc"
