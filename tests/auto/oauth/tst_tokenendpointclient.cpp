// TokenEndpointClient against a recording loopback server: exactly what goes over the wire (bodies,
// headers, client authentication, percent-encoding), how hostile or missing answers end, timeouts,
// cancel, redirects and the single, queued finished().

#include "base/formurlencoded.h"
#include "base/logging.h"
#include "oauth/oauthnetworkmanager.h"
#include "oauth/tokenendpointclient.h"
#include "shared/testhttpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

namespace {

const QString trickySecret = u"a+b%2Fc&d=e f"_s;
const QString password = u"p@ss w&rd=+%"_s;

TestHttpServer::Reply jsonReply(int status, const QByteArray &body)
{
    TestHttpServer::Reply reply;
    reply.status = status;
    reply.reason = status == 200 ? "OK" : "Status";
    reply.body = body;
    return reply;
}

TestHttpServer::Reply tokenAnswer(const QByteArray &extra = QByteArray())
{
    return jsonReply(200, R"({"access_token":"AT-1","token_type":"Bearer","expires_in":1799)" + extra + "}");
}

OAuth2Token storedToken()
{
    OAuth2Token token;
    token.id = u"0123456789abcdef0123456789abcdef"_s;
    token.name = u"Stored token"_s;
    token.tokenType = u"Bearer"_s;
    token.scope = u"useraccount"_s;
    token.grantType = u"authorization_code"_s;
    token.issuer = u"https://dev1.service-now.com"_s;
    token.configKey = u"stored-config"_s;
    token.obtainedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    token.expiresAt = token.obtainedAt.addSecs(1799);
    token.accessToken = u"OLD-AT"_s;
    token.refreshToken = u"OLD-RT+/="_s;
    token.idToken = u"OLD-ID"_s;
    return token;
}

// Log lines of postern.auth, for the check that no secret is ever written there.
QStringList *capturedLog = nullptr;
QtMessageHandler previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (capturedLog)
        capturedLog->append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class tst_TokenEndpointClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void requestShape_data();
    void requestShape();
    void extraParameters();
    void untrustedCertificateRefused();
    void hostileAnswers_data();
    void hostileAnswers();
    void expiresIn_data();
    void expiresIn();
    void newTokenFields();
    void refreshKeepsIdentity_data();
    void refreshKeepsIdentity();
    void refreshUrlOverridesTokenUrl();
    void refreshRefused();
    void revokeOutcomes_data();
    void revokeOutcomes();
    void invalidInputSendsNothing_data();
    void invalidInputSendsNothing();
    void neverAnswers();
    void bodyThatNeverEnds();
    void cancelJob();
    void cancelAll();
    void unreachable();
    void redirectToAnotherOriginRefused();
    void redirectWithinOriginFollowed();
    void jobDeletesItself();
    void serviceNowRevokeUrl_data();
    void serviceNowRevokeUrl();
    void noSecretInLogs();
    void formExtrasPerRequestAndPlace();

private:
    OAuth2Config config(ClientAuthentication auth = ClientAuthentication::Body,
                        const QString &secret = u"postern-secret"_s) const;
    static OAuth2Result waitForResult(QSignalSpy &spy);

    QNetworkAccessManager m_network;
    std::unique_ptr<TestHttpServer>
        m_server; // a new one per test: late requests of one test never count in another
};

void tst_TokenEndpointClient::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
}

void tst_TokenEndpointClient::init()
{
    m_network.clearConnectionCache(); // a port of an earlier test's server may come back
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
    m_server->setHandler([](const TestHttpServer::Request &) { return tokenAnswer(); });
}

OAuth2Config tst_TokenEndpointClient::config(ClientAuthentication auth, const QString &secret) const
{
    OAuth2Config c;
    c.tokenName = u"Direct token"_s;
    c.accessTokenUrl = m_server->url(u"/oauth_token.do"_s).toString();
    c.clientId = u"postern"_s;
    c.clientSecret = secret;
    c.scope = u"useraccount"_s;
    c.clientAuthentication = auth;
    return c;
}

OAuth2Result tst_TokenEndpointClient::waitForResult(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return OAuth2Result::failed(OAuth2Result::Failure::None, u"(test: no result)"_s);
    return spy.first().first().value<OAuth2Result>();
}

void tst_TokenEndpointClient::requestShape_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QByteArray>("expectedBody");
    QTest::addColumn<QString>("expectedBasic"); // "id:secret" after base64 decoding, empty for none

    const QByteArray passwordEncoded = "p%40ss+w%26rd%3D%2B%25";
    const QByteArray trickyEncoded = "a%2Bb%252Fc%26d%3De+f";

    QTest::newRow("password grant, secret in body")
        << u"password"_s << false << u"postern-secret"_s << u"useraccount"_s
        << "grant_type=password&username=abel.tuter&password=" + passwordEncoded
            + "&scope=useraccount&client_id=postern&client_secret=postern-secret"
        << QString();
    QTest::newRow("password grant, Basic header, no secret in body")
        << u"password"_s << true << u"postern-secret"_s << u"useraccount"_s
        << "grant_type=password&username=abel.tuter&password=" + passwordEncoded + "&scope=useraccount"
        << u"postern:postern-secret"_s;
    QTest::newRow("password grant, no scope") << u"password"_s << false << u"postern-secret"_s << QString()
                                              << "grant_type=password&username=abel.tuter&password="
            + passwordEncoded + "&client_id=postern&client_secret=postern-secret"
                                              << QString();
    QTest::newRow("client credentials, secret with + % & = space in body")
        << u"client_credentials"_s << false << trickySecret << u"api:read offline"_s
        << "grant_type=client_credentials&scope=api%3Aread+offline&client_id=postern&client_secret="
            + trickyEncoded
        << QString();
    QTest::newRow("client credentials, secret with + % & = space in Basic header")
        << u"client_credentials"_s << true << trickySecret << u"useraccount"_s
        << QByteArray("grant_type=client_credentials&scope=useraccount")
        << u"postern:"_s + QString::fromLatin1(trickyEncoded);
    QTest::newRow("client credentials, public client sends client_id only")
        << u"client_credentials"_s << true << QString() << QString()
        << QByteArray("grant_type=client_credentials&client_id=postern") << QString();
    QTest::newRow("refresh, secret in body")
        << u"refresh"_s << false << u"postern-secret"_s << u"useraccount"_s
        << QByteArray("grant_type=refresh_token&refresh_token=OLD-RT%2B%2F%3D&client_id=postern&client_"
                      "secret=postern-secret")
        << QString();
    QTest::newRow("refresh, Basic header as configured")
        << u"refresh"_s << true << trickySecret << u"useraccount"_s
        << QByteArray("grant_type=refresh_token&refresh_token=OLD-RT%2B%2F%3D")
        << u"postern:"_s + QString::fromLatin1(trickyEncoded);
    QTest::newRow("revoke, the refresh token first")
        << u"revoke"_s << false << u"postern-secret"_s << QString()
        << QByteArray("token=OLD-RT%2B%2F%3D&token_type_hint=refresh_token&client_id=postern&client_secret="
                      "postern-secret")
        << QString();
    QTest::newRow("revoke, Basic header")
        << u"revoke"_s << true << u"postern-secret"_s << QString()
        << QByteArray("token=OLD-RT%2B%2F%3D&token_type_hint=refresh_token") << u"postern:postern-secret"_s;
    QTest::newRow("revoke, access token when there is no refresh token")
        << u"revoke-access"_s << false << u"postern-secret"_s << QString()
        << QByteArray(
               "token=OLD-AT&token_type_hint=access_token&client_id=postern&client_secret=postern-secret")
        << QString();
}

void tst_TokenEndpointClient::requestShape()
{
    QFETCH(QString, operation);
    QFETCH(bool, basic);
    QFETCH(QString, secret);
    QFETCH(QString, scope);
    QFETCH(QByteArray, expectedBody);
    QFETCH(QString, expectedBasic);

    m_server->setHandler([](const TestHttpServer::Request &) { return tokenAnswer(); });
    OAuth2Config c = config(basic ? ClientAuthentication::BasicHeader : ClientAuthentication::Body, secret);
    c.scope = scope;
    TokenEndpointClient client(&m_network);
    OAuth2Token token = storedToken();
    if (operation == u"revoke-access"_s)
        token.refreshToken.clear();
    TokenEndpointJob *job = nullptr;
    if (operation == u"password"_s)
        job = client.requestPasswordToken(c, u"abel.tuter"_s, password);
    else if (operation == u"client_credentials"_s)
        job = client.requestClientCredentialsToken(c);
    else if (operation == u"refresh"_s)
        job = client.refresh(c, token);
    else
        job = client.revoke(c, token, m_server->url(u"/oauth_revoke_token.do"_s).toString());
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    const qsizetype before = m_server->requests().size();
    const OAuth2Result result = waitForResult(finished);
    QVERIFY2(result.failure == OAuth2Result::Failure::None, qPrintable(result.message));
    QCOMPARE(m_server->requests().size(), before + 1);

    const TestHttpServer::Request &request = m_server->requests().constLast();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target,
             operation.startsWith(u"revoke"_s) ? QByteArray("/oauth_revoke_token.do")
                                               : QByteArray("/oauth_token.do"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    QCOMPARE(request.body, expectedBody);
    const QByteArray authorization = request.header("Authorization");
    if (expectedBasic.isEmpty()) {
        QVERIFY2(authorization.isEmpty(), authorization.constData());
    } else {
        QVERIFY(authorization.startsWith("Basic "));
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(authorization.mid(6))), expectedBasic);
        QVERIFY(!FormUrlEncoded::contains(FormUrlEncoded::parse(request.body), u"client_secret"_s));
    }
    // What the server decodes is exactly what was configured.
    const FormFields fields = FormUrlEncoded::parse(request.body);
    if (FormUrlEncoded::contains(fields, u"client_secret"_s))
        QCOMPARE(FormUrlEncoded::value(fields, u"client_secret"_s), secret);
    if (operation == u"password"_s)
        QCOMPARE(FormUrlEncoded::value(fields, u"password"_s), password);
}

void tst_TokenEndpointClient::extraParameters()
{
    TokenEndpointClient client(&m_network);
    client.setExtraParameters({ { u"audience"_s, u"https://api.example.test"_s },
                                { u"resource"_s, u"urn:postern:api"_s },
                                { u"client_secret"_s, u"injected"_s },
                                { u"grant_type"_s, u"authorization_code"_s },
                                { QString(), u"nameless"_s } });
    QCOMPARE(client.extraParameters().size(), 5);

    QSignalSpy finished(client.requestClientCredentialsToken(config(ClientAuthentication::BasicHeader)),
                        &TokenEndpointJob::finished);
    QVERIFY(waitForResult(finished).ok());
    QCOMPARE(
        m_server->requests().constLast().body,
        QByteArray("grant_type=client_credentials&scope=useraccount&audience=https%3A%2F%2Fapi.example.test"
                   "&resource=urn%3Apostern%3Aapi"));

    // Refresh gets them too; revocation does not.
    QSignalSpy refreshed(client.refresh(config(), storedToken()), &TokenEndpointJob::finished);
    QVERIFY(waitForResult(refreshed).ok());
    const FormFields refreshFields = FormUrlEncoded::parse(m_server->requests().constLast().body);
    QCOMPARE(FormUrlEncoded::value(refreshFields, u"audience"_s), u"https://api.example.test"_s);
    QCOMPARE(FormUrlEncoded::count(refreshFields, u"client_secret"_s), 1);
    QCOMPARE(FormUrlEncoded::value(refreshFields, u"client_secret"_s), u"postern-secret"_s);
    QCOMPARE(FormUrlEncoded::count(refreshFields, u"grant_type"_s), 1);

    QSignalSpy revoked(client.revoke(config(), storedToken(), m_server->url(u"/revoke"_s).toString()),
                       &TokenEndpointJob::finished);
    QCOMPARE(waitForResult(revoked).failure, OAuth2Result::Failure::None);
    QVERIFY(!FormUrlEncoded::contains(FormUrlEncoded::parse(m_server->requests().constLast().body),
                                      u"audience"_s));
}

void tst_TokenEndpointClient::formExtrasPerRequestAndPlace()
{
    using Extra = OAuth2ExtraParameter;
    TokenEndpointClient client(&m_network);
    OAuth2Config c = config();
    c.resource = u"urn:postern:api"_s;
    c.extraParameters
        = { { u"t_body"_s, u"1 2"_s, Extra::Stage::Token, Extra::Placement::Body },
            { u"t_query"_s, u"q"_s, Extra::Stage::Token, Extra::Placement::Query },
            { u"X-Token-Header"_s, u"h"_s, Extra::Stage::Token, Extra::Placement::Header },
            { u"r_body"_s, u"r"_s, Extra::Stage::Refresh, Extra::Placement::Body },
            { u"X-Refresh-Header"_s, u"rh"_s, Extra::Stage::Refresh, Extra::Placement::Header } };
    QSignalSpy granted(client.requestClientCredentialsToken(c), &TokenEndpointJob::finished);
    QVERIFY(waitForResult(granted).ok());
    const TestHttpServer::Request grant = m_server->requests().constLast();
    const FormFields grantFields = FormUrlEncoded::parse(grant.body);
    QCOMPARE(FormUrlEncoded::value(grantFields, u"t_body"_s), u"1 2"_s);
    QCOMPARE(FormUrlEncoded::value(grantFields, u"resource"_s), u"urn:postern:api"_s);
    QVERIFY(!FormUrlEncoded::contains(grantFields, u"r_body"_s));
    QVERIFY(grant.target.endsWith("?t_query=q"));
    QCOMPARE(grant.header("x-token-header"), "h"_ba);
    QVERIFY(grant.header("x-refresh-header").isEmpty());

    QSignalSpy refreshed(client.refresh(c, storedToken()), &TokenEndpointJob::finished);
    QVERIFY(waitForResult(refreshed).ok());
    const TestHttpServer::Request refresh = m_server->requests().constLast();
    const FormFields refreshFields = FormUrlEncoded::parse(refresh.body);
    QCOMPARE(FormUrlEncoded::value(refreshFields, u"r_body"_s), u"r"_s);
    QCOMPARE(FormUrlEncoded::value(refreshFields, u"resource"_s), u"urn:postern:api"_s);
    QVERIFY(!FormUrlEncoded::contains(refreshFields, u"t_body"_s));
    QVERIFY(!refresh.target.contains("t_query"));
    QCOMPARE(refresh.header("x-refresh-header"), "rh"_ba);
}

void tst_TokenEndpointClient::untrustedCertificateRefused()
{
    // A token endpoint whose certificate is not trusted (self-signed here): the handshake fails, the
    // client's credentials are never sent, and the message says why.
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt build has no TLS backend.");
    QFile certificate(QStringLiteral(POSTERN_TLS_DATA_DIR "/selfsigned.crt"));
    QFile key(QStringLiteral(POSTERN_TLS_DATA_DIR "/selfsigned.key"));
    QVERIFY(certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificate.readAll()));
    tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
    QSslServer server;
    server.setSslConfiguration(tls);
    QByteArray received;
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&server, &received] {
        while (QTcpSocket *socket = server.nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, socket,
                    [socket, &received] { received += socket->readAll(); });
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    OAuth2Config c = config();
    c.accessTokenUrl = u"https://127.0.0.1:%1/oauth_token.do"_s.arg(server.serverPort());
    TokenEndpointClient client(&m_network);
    QSignalSpy finished(client.requestClientCredentialsToken(c), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::Network);
    QVERIFY2(result.message.contains(u"self signed"_s, Qt::CaseInsensitive)
                 || result.message.contains(u"self-signed"_s, Qt::CaseInsensitive),
             qPrintable(result.message));
    QVERIFY(!result.token.isValid());
    QVERIFY2(!received.contains(c.clientSecret.toUtf8()), "the secret reached the server");
}

void tst_TokenEndpointClient::hostileAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OAuth2Result::Failure>("failure");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("messagePart");

    using F = OAuth2Result::Failure;
    QTest::newRow("login page instead of JSON")
        << 200 << QByteArray("text/html") << QByteArray("<html><body>Log in</body></html>")
        << F::BadTokenResponse << QString() << u"HTML page"_s;
    QTest::newRow("truncated JSON") << 200 << QByteArray("application/json")
                                    << QByteArray(R"({"access_token":"AT","token_ty)") << F::BadTokenResponse
                                    << QString() << u"not a JSON object"_s;
    QTest::newRow("empty body") << 200 << QByteArray("application/json") << QByteArray()
                                << F::BadTokenResponse << QString() << u"not a JSON object"_s;
    QTest::newRow("JSON array") << 200 << QByteArray("application/json") << QByteArray("[]")
                                << F::BadTokenResponse << QString() << u"not a JSON object"_s;
    QTest::newRow("no access_token") << 200 << QByteArray("application/json")
                                     << QByteArray(R"({"token_type":"Bearer","expires_in":60})")
                                     << F::BadTokenResponse << QString() << u"no access_token"_s;
    QTest::newRow("access_token not a string")
        << 200 << QByteArray("application/json") << QByteArray(R"({"access_token":42,"token_type":"Bearer"})")
        << F::BadTokenResponse << QString() << u"no access_token"_s;
    QTest::newRow("no token_type") << 200 << QByteArray("application/json")
                                   << QByteArray(R"({"access_token":"AT"})") << F::BadTokenResponse
                                   << QString() << u"token_type"_s;
    QTest::newRow("OAuth error triple")
        << 400 << QByteArray("application/json")
        << QByteArray(
               R"({"error":"invalid_scope","error_description":"Scope x is unknown","error_uri":"https://e.test/x"})")
        << F::TokenEndpointError << u"invalid_scope"_s << u"Scope x is unknown"_s;
    QTest::newRow("invalid_client with a Basic challenge")
        << 401 << QByteArray("application/json") << QByteArray(R"({"error":"invalid_client"})")
        << F::TokenEndpointError << u"invalid_client"_s << u"Client Authentication"_s;
    QTest::newRow("server error page")
        << 500 << QByteArray("text/plain") << QByteArray("Internal Server Error") << F::TokenEndpointError
        << QString() << u"HTTP 500"_s;
    // Read up to 1 MiB, then given up on: never held whole in memory.
    QTest::newRow("huge answer (3 MiB of JSON)")
        << 200 << QByteArray("application/json")
        << QByteArray(R"({"access_token":"AT","token_type":"Bearer","padding":")") + QByteArray(3 << 20, 'x')
            + QByteArray(R"("})")
        << F::BadTokenResponse << QString() << u"larger than 1 MiB"_s;
}

void tst_TokenEndpointClient::hostileAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(OAuth2Result::Failure, failure);
    QFETCH(QString, error);
    QFETCH(QString, messagePart);

    m_server->setHandler([=](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply = jsonReply(status, body);
        reply.headers = { { "Content-Type", contentType } };
        if (status == 401)
            reply.headers.append(
                qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"oauth_token.do\"")));
        return reply;
    });
    TokenEndpointClient client(&m_network);
    QSignalSpy finished(client.requestClientCredentialsToken(config()), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, failure);
    QCOMPARE(result.error, error);
    QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    QVERIFY(!result.token.isValid());
    if (error == u"invalid_scope"_s) {
        QCOMPARE(result.errorDescription, u"Scope x is unknown"_s);
        QCOMPARE(result.errorUri, u"https://e.test/x"_s);
    }
}

void tst_TokenEndpointClient::expiresIn_data()
{
    QTest::addColumn<QByteArray>("expiresIn"); // JSON, or empty for absent
    QTest::addColumn<qint64>("seconds"); // -1: no expiry

    QTest::newRow("number, ServiceNow's 1799") << QByteArray("1799") << qint64(1799);
    QTest::newRow("numeric string") << QByteArray("\"3600\"") << qint64(3600);
    QTest::newRow("zero: expired at once") << QByteArray("0") << qint64(0);
    QTest::newRow("negative: ignored") << QByteArray("-5") << qint64(-1);
    QTest::newRow("huge: ignored") << QByteArray("1e13") << qint64(-1);
    QTest::newRow("not a number: ignored") << QByteArray("\"soon\"") << qint64(-1);
    QTest::newRow("absent") << QByteArray() << qint64(-1);
}

void tst_TokenEndpointClient::expiresIn()
{
    QFETCH(QByteArray, expiresIn);
    QFETCH(qint64, seconds);

    m_server->setHandler([=](const TestHttpServer::Request &) {
        return jsonReply(200,
                         R"({"access_token":"AT","token_type":"bearer")"
                             + (expiresIn.isEmpty() ? QByteArray() : ",\"expires_in\":" + expiresIn) + "}");
    });
    TokenEndpointClient client(&m_network);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QSignalSpy finished(client.requestPasswordToken(config(), u"admin"_s, u"admin"_s),
                        &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(result.ok(), qPrintable(result.message));
    const OAuth2Token &token = result.token;
    QCOMPARE(token.tokenType, u"bearer"_s);
    QVERIFY(token.obtainedAt >= before && token.obtainedAt <= after);
    if (seconds < 0) {
        QVERIFY(!token.hasExpiry());
        QVERIFY(!token.isExpired());
    } else {
        QCOMPARE(token.expiresAt, token.obtainedAt.addSecs(seconds));
        QCOMPARE(token.isExpired(), seconds == 0);
    }
}

void tst_TokenEndpointClient::newTokenFields()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return tokenAnswer(R"(,"refresh_token":"RT-1","scope":"useraccount admin","custom":"kept")");
    });
    TokenEndpointClient client(&m_network);
    const OAuth2Config c = config();
    QSignalSpy obtained(client.requestPasswordToken(c, u"admin"_s, u"admin"_s), &TokenEndpointJob::finished);
    OAuth2Result result = waitForResult(obtained);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.name, u"Direct token"_s);
    QCOMPARE(result.token.grantType, u"password"_s);
    QCOMPARE(result.token.issuer, m_server->url().toString());
    QCOMPARE(result.token.configKey, c.key());
    QCOMPARE(result.token.accessToken, u"AT-1"_s);
    QCOMPARE(result.token.refreshToken, u"RT-1"_s);
    QCOMPARE(result.token.scope, u"useraccount admin"_s);
    QCOMPARE(result.token.raw.value(u"custom"_s).toString(), u"kept"_s);
    QCOMPARE(result.token.id.size(), 32);

    // No scope in the answer: the requested one (RFC 6749 §5.1).
    m_server->setHandler([](const TestHttpServer::Request &) { return tokenAnswer(); });
    QSignalSpy credentials(client.requestClientCredentialsToken(c), &TokenEndpointJob::finished);
    result = waitForResult(credentials);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.grantType, u"client_credentials"_s);
    QCOMPARE(result.token.scope, u"useraccount"_s);
    QVERIFY(result.token.refreshToken.isEmpty());

    // A scope other than the one asked for (narrower here): the token keeps what the server granted,
    // which Manage Tokens shows, not what was asked (RFC 6749 §3.3, §5.1).
    m_server->setHandler([](const TestHttpServer::Request &) { return tokenAnswer(R"(,"scope":"read")"); });
    OAuth2Config wide = c;
    wide.scope = u"read write admin"_s;
    QSignalSpy narrowed(client.requestClientCredentialsToken(wide), &TokenEndpointJob::finished);
    result = waitForResult(narrowed);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.scope, u"read"_s);
}

void tst_TokenEndpointClient::refreshKeepsIdentity_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("expectedRefreshToken");
    QTest::addColumn<QString>("expectedScope");
    QTest::addColumn<QString>("expectedIdToken");

    QTest::newRow("no refresh token in the answer: the old one stays")
        << QByteArray() << u"OLD-RT+/="_s << u"useraccount"_s << u"OLD-ID"_s;
    QTest::newRow("rotated: the new one replaces it")
        << QByteArray(R"(,"refresh_token":"NEW-RT","scope":"useraccount narrow","id_token":"NEW-ID")")
        << u"NEW-RT"_s << u"useraccount narrow"_s << u"NEW-ID"_s;
}

void tst_TokenEndpointClient::refreshKeepsIdentity()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, expectedRefreshToken);
    QFETCH(QString, expectedScope);
    QFETCH(QString, expectedIdToken);

    m_server->setHandler([=](const TestHttpServer::Request &) { return tokenAnswer(extra); });
    const OAuth2Token old = storedToken();
    TokenEndpointClient client(&m_network);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QSignalSpy finished(client.refresh(config(), old), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.message));
    const OAuth2Token &token = result.token;
    QCOMPARE(token.id, old.id);
    QCOMPARE(token.name, old.name);
    QCOMPARE(token.configKey, old.configKey);
    QCOMPARE(token.issuer, old.issuer);
    QCOMPARE(token.grantType, old.grantType);
    QCOMPARE(token.accessToken, u"AT-1"_s);
    QCOMPARE(token.refreshToken, expectedRefreshToken);
    QCOMPARE(token.scope, expectedScope);
    QCOMPARE(token.idToken, expectedIdToken);
    QVERIFY(token.obtainedAt >= before);
    QVERIFY(token.expiresAt >= before.addSecs(1799));
    QVERIFY(!token.revoked);
}

void tst_TokenEndpointClient::refreshUrlOverridesTokenUrl()
{
    TokenEndpointClient client(&m_network);
    QSignalSpy finished(client.refresh(config(), storedToken(), m_server->url(u"/refresh"_s).toString()),
                        &TokenEndpointJob::finished);
    QVERIFY(waitForResult(finished).ok());
    QCOMPARE(m_server->requests().constLast().target, QByteArray("/refresh"));
}

void tst_TokenEndpointClient::refreshRefused()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return jsonReply(
            400,
            R"({"error":"invalid_grant","error_description":"The refresh token is invalid, expired or revoked."})");
    });
    TokenEndpointClient client(&m_network);
    QSignalSpy finished(client.refresh(config(), storedToken()), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(result.error, u"invalid_grant"_s);
    QVERIFY2(result.message.contains(u"sign in again"_s), qPrintable(result.message));
    QVERIFY2(!result.message.contains(u"authorization code"_s), qPrintable(result.message));
}

void tst_TokenEndpointClient::revokeOutcomes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OAuth2Result::Failure>("failure");
    QTest::addColumn<QString>("error");

    using F = OAuth2Result::Failure;
    QTest::newRow("200 with an empty body")
        << 200 << QByteArray("text/plain") << QByteArray() << F::None << QString();
    QTest::newRow("200 with JSON") << 200 << QByteArray("application/json") << QByteArray("{}") << F::None
                                   << QString();
    QTest::newRow("unsupported_token_type")
        << 400 << QByteArray("application/json")
        << QByteArray(R"({"error":"unsupported_token_type","error_description":"nope"})")
        << F::TokenEndpointError << u"unsupported_token_type"_s;
    QTest::newRow("503 HTML page") << 503 << QByteArray("text/html") << QByteArray("<html>Maintenance</html>")
                                   << F::TokenEndpointError << QString();
}

void tst_TokenEndpointClient::revokeOutcomes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(OAuth2Result::Failure, failure);
    QFETCH(QString, error);

    m_server->setHandler([=](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply = jsonReply(status, body);
        reply.headers = { { "Content-Type", contentType } };
        return reply;
    });
    TokenEndpointClient client(&m_network);
    const OAuth2Token token = storedToken();
    QSignalSpy finished(client.revoke(config(), token, m_server->url(u"/oauth_revoke_token.do"_s).toString()),
                        &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, failure);
    QCOMPARE(result.error, error);
    QVERIFY(!result.message.isEmpty());
    if (failure != OAuth2Result::Failure::None)
        QVERIFY2(result.message.contains(u"may still accept"_s), qPrintable(result.message));
    // Marked revoked whatever the server said, and otherwise the same token.
    QVERIFY(result.token.revoked);
    QCOMPARE(result.token.id, token.id);
    QCOMPARE(result.token.accessToken, token.accessToken);
    QCOMPARE(result.ok(), failure == OAuth2Result::Failure::None);
}

void tst_TokenEndpointClient::invalidInputSendsNothing_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("tokenUrl");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty Access Token URL")
        << u"client_credentials"_s << QString() << u"Access Token URL is empty"_s;
    QTest::newRow("relative Access Token URL")
        << u"password"_s << u"/oauth_token.do"_s << u"not an absolute"_s;
    QTest::newRow("ftp Access Token URL")
        << u"client_credentials"_s << u"ftp://127.0.0.1/token"_s << u"http or https"_s;
    QTest::newRow("empty username") << u"password-nouser"_s << u"ok"_s << u"Username is empty"_s;
    QTest::newRow("token without refresh token") << u"refresh"_s << u"ok"_s << u"no refresh token"_s;
    QTest::newRow("empty revocation URL") << u"revoke"_s << u"ok"_s << u"Revocation URL is empty"_s;
}

void tst_TokenEndpointClient::invalidInputSendsNothing()
{
    QFETCH(QString, operation);
    QFETCH(QString, tokenUrl);
    QFETCH(QString, messagePart);

    OAuth2Config c = config();
    if (tokenUrl != u"ok"_s)
        c.accessTokenUrl = tokenUrl;
    OAuth2Token token = storedToken();
    token.refreshToken.clear();
    TokenEndpointClient client(&m_network);
    const qsizetype before = m_server->requests().size();
    TokenEndpointJob *job = nullptr;
    if (operation == u"password"_s)
        job = client.requestPasswordToken(c, u"admin"_s, u"admin"_s);
    else if (operation == u"password-nouser"_s)
        job = client.requestPasswordToken(c, QString(), u"admin"_s);
    else if (operation == u"client_credentials"_s)
        job = client.requestClientCredentialsToken(c);
    else if (operation == u"refresh"_s)
        job = client.refresh(c, token);
    else
        job = client.revoke(c, token, QString());
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    QCOMPARE(finished.size(), 0); // never inside the call
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::InvalidConfiguration);
    QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_server->requests().size(), before);
}

void tst_TokenEndpointClient::neverAnswers()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    TokenEndpointClient client(&m_network);
    QCOMPARE(client.timeout(), 30000);
    client.setTimeout(300);
    QPointer<TokenEndpointJob> job = client.requestPasswordToken(config(), u"admin"_s, u"admin"_s);
    QSignalSpy finished(job.data(), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::Network);
    QVERIFY2(result.message.contains(u"did not answer within 0.3 s"_s), qPrintable(result.message));
    QTRY_VERIFY(job.isNull());
    QCOMPARE(finished.size(), 1);
}

void tst_TokenEndpointClient::bodyThatNeverEnds()
{
    // Headers, then a body that keeps coming a byte at a time and never ends: the job ends at its time
    // limit, with the same message as a server that never answers, and does not wait for more.
    QTcpServer server;
    QTimer drip;
    QList<QPointer<QTcpSocket>> clients;
    connect(&server, &QTcpServer::newConnection, this, [&server, &clients] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            clients.append(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (socket->readAll().contains("\r\n\r\n"))
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n");
            });
        }
    });
    connect(&drip, &QTimer::timeout, this, [&clients] {
        for (const QPointer<QTcpSocket> &socket : std::as_const(clients)) {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                socket->write("1\r\n \r\n");
        }
    });
    drip.start(20);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    OAuth2Config c = config();
    c.accessTokenUrl = u"http://127.0.0.1:%1/oauth_token.do"_s.arg(server.serverPort());
    TokenEndpointClient client(&m_network);
    client.setTimeout(500);
    QElapsedTimer clock;
    clock.start();
    QSignalSpy finished(client.requestClientCredentialsToken(c), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::Network);
    QVERIFY2(result.message.contains(u"did not answer within 0.5 s"_s), qPrintable(result.message));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void tst_TokenEndpointClient::cancelJob()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    TokenEndpointClient client(&m_network);
    QSignalSpy received(m_server.get(), &TestHttpServer::requestReceived);
    QPointer<TokenEndpointJob> job = client.requestClientCredentialsToken(config());
    QSignalSpy finished(job.data(), &TokenEndpointJob::finished);
    QVERIFY(received.wait());
    QVERIFY(!job->isFinished());
    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<OAuth2Result>().failure, OAuth2Result::Failure::Canceled);
    QVERIFY(job->isFinished());
    job->cancel(); // a second cancel is a no-op
    QTRY_VERIFY(job.isNull());
    QCOMPARE(finished.size(), 1);
}

void tst_TokenEndpointClient::cancelAll()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    TokenEndpointClient client(&m_network);
    QSignalSpy first(client.requestClientCredentialsToken(config()), &TokenEndpointJob::finished);
    QSignalSpy second(client.refresh(config(), storedToken()), &TokenEndpointJob::finished);
    client.cancel();
    QCOMPARE(first.size(), 1);
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.first().first().value<OAuth2Result>().failure, OAuth2Result::Failure::Canceled);
    QTRY_VERIFY(client.findChildren<TokenEndpointJob *>().isEmpty());
}

void tst_TokenEndpointClient::unreachable()
{
    TestHttpServer closed;
    QVERIFY(closed.listenOnLoopback());
    OAuth2Config c = config();
    c.accessTokenUrl = closed.url(u"/oauth_token.do"_s).toString();
    closed.close();
    TokenEndpointClient client(&m_network);
    QSignalSpy finished(client.requestClientCredentialsToken(c), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::Network);
    QVERIFY2(result.message.startsWith(u"Could not reach the token endpoint"_s), qPrintable(result.message));
}

void tst_TokenEndpointClient::redirectToAnotherOriginRefused()
{
    TestHttpServer elsewhere;
    QVERIFY(elsewhere.listenOnLoopback());
    const QByteArray target = elsewhere.url(u"/steal"_s).toEncoded();
    m_server->setHandler([=](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 307;
        reply.reason = "Temporary Redirect";
        reply.headers = { { "Location", target } };
        reply.body.clear();
        return reply;
    });
    TokenEndpointClient client(&m_network);
    QSignalSpy finished(
        client.requestPasswordToken(config(ClientAuthentication::BasicHeader), u"admin"_s, password),
        &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::BadTokenResponse);
    QVERIFY2(result.message.contains(u"redirected"_s) && result.message.contains(elsewhere.url().toString()),
             qPrintable(result.message));
    QVERIFY(elsewhere.requests().isEmpty());
}

void tst_TokenEndpointClient::redirectWithinOriginFollowed()
{
    // A server of its own: requests of earlier tests that arrive late must not be counted here.
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());
    server.setHandler([](const TestHttpServer::Request &request) {
        if (request.target == "/moved") {
            TestHttpServer::Reply reply;
            reply.status = 307;
            reply.reason = "Temporary Redirect";
            reply.headers = { { "Location", "/oauth_token.do" } };
            reply.body.clear();
            return reply;
        }
        return tokenAnswer();
    });
    OAuth2Config c = config();
    c.accessTokenUrl = server.url(u"/moved"_s).toString();
    TokenEndpointClient client(&m_network);
    QSignalSpy finished(client.requestClientCredentialsToken(c), &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QByteArrayList targets;
    for (const auto &r : server.requests())
        targets << r.method + ' ' + r.target;
    // What matters: the redirect was followed within the origin, once, with the same body.
    QVERIFY2(server.requests().size() >= 2, targets.join(", ").constData());
    QCOMPARE(server.requests().constFirst().target, QByteArray("/moved"));
    QCOMPARE(targets.count("POST /oauth_token.do"), 1);
    QCOMPARE(server.requests().constLast().target, QByteArray("/oauth_token.do"));
    QCOMPARE(server.requests().constLast().body, server.requests().constFirst().body);
}

void tst_TokenEndpointClient::jobDeletesItself()
{
    TokenEndpointClient client(&m_network);
    QPointer<TokenEndpointJob> job = client.requestClientCredentialsToken(config());
    QCOMPARE(job->kind(), TokenEndpointJob::Kind::ClientCredentialsGrant);
    QCOMPARE(job->parent(), &client);
    QSignalSpy finished(job.data(), &TokenEndpointJob::finished);
    QVERIFY(finished.wait());
    QVERIFY(job->isFinished());
    QVERIFY(job->result().ok());
    QTRY_VERIFY(job.isNull());
    QCOMPARE(finished.size(), 1);

    // Destroying the client aborts what is under way, without a signal.
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    auto *shortLived = new TokenEndpointClient(&m_network);
    QSignalSpy aborted(shortLived->requestClientCredentialsToken(config()), &TokenEndpointJob::finished);
    delete shortLived;
    QCoreApplication::processEvents();
    QCOMPARE(aborted.size(), 0);
}

void tst_TokenEndpointClient::serviceNowRevokeUrl_data()
{
    QTest::addColumn<QString>("tokenUrl");
    QTest::addColumn<QString>("revokeUrl");

    QTest::newRow("instance") << u"https://dev1.service-now.com/oauth_token.do"_s
                              << u"https://dev1.service-now.com/oauth_revoke_token.do"_s;
    QTest::newRow("sandbox with port")
        << u"http://127.0.0.1:8080/oauth_token.do"_s << u"http://127.0.0.1:8080/oauth_revoke_token.do"_s;
    QTest::newRow("surrounding spaces, query dropped")
        << u"  https://x.service-now.com/oauth_token.do?a=b "_s
        << u"https://x.service-now.com/oauth_revoke_token.do"_s;
    QTest::newRow("another server") << u"https://login.example.test/oauth2/token"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_TokenEndpointClient::serviceNowRevokeUrl()
{
    QFETCH(QString, tokenUrl);
    QFETCH(QString, revokeUrl);
    OAuth2Config c;
    c.accessTokenUrl = tokenUrl;
    QCOMPARE(TokenEndpointClient::serviceNowRevokeUrl(c), revokeUrl);
}

void tst_TokenEndpointClient::noSecretInLogs()
{
    QStringList lines;
    capturedLog = &lines;
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(u"postern.*=true"_s);
    m_server->setHandler(
        [](const TestHttpServer::Request &) { return tokenAnswer(R"(,"refresh_token":"RT-SECRET-VALUE")"); });
    TokenEndpointClient client(&m_network);
    QSignalSpy obtained(client.requestPasswordToken(config(), u"admin"_s, password),
                        &TokenEndpointJob::finished);
    const OAuth2Result result = waitForResult(obtained);
    QSignalSpy refreshed(client.refresh(config(), result.token), &TokenEndpointJob::finished);
    waitForResult(refreshed);
    QSignalSpy revoked(client.revoke(config(), result.token, m_server->url(u"/revoke"_s).toString()),
                       &TokenEndpointJob::finished);
    waitForResult(revoked);
    qInstallMessageHandler(previousHandler);
    capturedLog = nullptr;
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(!lines.isEmpty());
    const QString all = lines.join(u'\n');
    for (const QString &secret : { password, u"postern-secret"_s, u"AT-1"_s, u"RT-SECRET-VALUE"_s }) {
        QVERIFY2(!all.contains(secret), qPrintable(secret));
        QVERIFY(!all.contains(QString::fromLatin1(FormUrlEncoded::encodeComponent(secret))));
    }
}

QTEST_GUILESS_MAIN(tst_TokenEndpointClient)
#include "tst_tokenendpointclient.moc"
