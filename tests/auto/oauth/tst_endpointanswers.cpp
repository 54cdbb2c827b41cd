// Hostile answers from the endpoints whose answer is a JSON object rather than a token: the PAR
// endpoint (RFC 9126 §2.2: 201 with request_uri and expires_in) and the introspection endpoint
// (RFC 7662 §2.2: "active", a boolean, always there), from a loopback server that answers what each
// row says. Each ends in a clear message and nothing taken from it; a PAR answer without a usable
// request_uri ends the sign-in before any login page.

#include "oauth/oauth2session.h"
#include "oauth/tokenendpointclient.h"
#include "shared/testhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)
Q_DECLARE_METATYPE(Postern::OAuth2Result::Failure)

class tst_EndpointAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileAnswers_data();
    void hostileAnswers();
    void parWithoutUsableRequestUri_data();
    void parWithoutUsableRequestUri();

private:
    OAuth2Config config() const;

    TestHttpServer m_server;
    QNetworkAccessManager m_network;
};

void tst_EndpointAnswers::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QVERIFY(m_server.listenOnLoopback());
}

OAuth2Config tst_EndpointAnswers::config() const
{
    OAuth2Config c;
    c.tokenName = u"t"_s;
    c.grantType = OAuth2GrantType::AuthorizationCodePkce;
    c.callbackUrl = u"https://oauth.pstmn.io/v1/callback"_s;
    c.authUrl = m_server.url(u"/auth"_s).toString();
    c.accessTokenUrl = m_server.url(u"/token"_s).toString();
    c.parUrl = m_server.url(u"/par"_s).toString();
    c.pushAuthorizationRequest = true;
    c.clientId = u"client"_s;
    c.clientSecret = u"secret"_s;
    return c;
}

void tst_EndpointAnswers::hostileAnswers_data()
{
    QTest::addColumn<bool>("par"); // else introspection
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OAuth2Result::Failure>("failure");
    QTest::addColumn<QString>("said");
    using F = OAuth2Result::Failure;
    const QByteArray json = "application/json";
    QTest::newRow("PAR: a login page")
        << true << 200 << QByteArray("text/html") << QByteArray("<html>Sign in</html>") << F::BadTokenResponse
        << u"PAR endpoint answered HTTP 200 with an HTML page"_s;
    QTest::newRow("PAR: an array") << true << 201 << json << QByteArray("[]") << F::BadTokenResponse
                                   << u"not a request URI"_s;
    QTest::newRow("PAR: cut short") << true << 201 << json << QByteArray(R"({"request_uri":"urn:x)")
                                    << F::BadTokenResponse << u"not JSON"_s;
    QTest::newRow("PAR: an OAuth error")
        << true << 400 << json << QByteArray(R"({"error":"invalid_request","error_description":"bad"})")
        << F::TokenEndpointError << u"answered invalid_request (HTTP 400): bad"_s;
    QTest::newRow("PAR: a server error") << true << 500 << QByteArray("text/plain") << QByteArray("oops")
                                         << F::BadTokenResponse << u"HTTP 500"_s;
    QTest::newRow("introspection: active as a string")
        << false << 200 << json << QByteArray(R"({"active":"true"})") << F::BadTokenResponse
        << u"not whether the token is active"_s;
    QTest::newRow("introspection: no active") << false << 200 << json << QByteArray(R"({"scope":"x"})")
                                              << F::BadTokenResponse << u"Introspection URL"_s;
    QTest::newRow("introspection: an HTML page")
        << false << 200 << QByteArray("text/html") << QByteArray("<!DOCTYPE html><p>hi")
        << F::BadTokenResponse << u"HTML page"_s;
    QTest::newRow("introspection: invalid_client")
        << false << 401 << json << QByteArray(R"({"error":"invalid_client"})") << F::TokenEndpointError
        << u"introspection endpoint answered invalid_client (HTTP 401)"_s;
    QTest::newRow("introspection: inactive is an answer")
        << false << 200 << json << QByteArray(R"({"active":false})") << F::None << QString();
}

void tst_EndpointAnswers::hostileAnswers()
{
    QFETCH(bool, par);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(OAuth2Result::Failure, failure);
    QFETCH(QString, said);
    m_server.setHandler([=](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = status;
        reply.reason = "Status";
        reply.headers = { { "Content-Type", contentType } };
        reply.body = body;
        return reply;
    });
    TokenEndpointClient client(&m_network);
    OAuth2Token token;
    token.accessToken = u"AT"_s;
    TokenEndpointJob *job = par
        ? client.pushAuthorizationRequest(config(), { { u"response_type"_s, u"code"_s } })
        : client.introspect(config(), token, m_server.url(u"/introspect"_s).toString());
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    QVERIFY(finished.wait(10000));
    const OAuth2Result result = finished.first().first().value<OAuth2Result>();
    QCOMPARE(result.failure, failure);
    QVERIFY2(result.message.contains(said), qPrintable(result.message));
    QVERIFY(!result.message.contains(u"secret"_s));
}

void tst_EndpointAnswers::parWithoutUsableRequestUri_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no request_uri") << QByteArray(R"({"expires_in":60})");
    QTest::newRow("request_uri not a string") << QByteArray(R"({"request_uri":7,"expires_in":60})");
    QTest::newRow("request_uri of 3000 characters")
        << QByteArray(R"({"request_uri":")" + QByteArray(3000, 'u') + R"(","expires_in":60})");
}

void tst_EndpointAnswers::parWithoutUsableRequestUri()
{
    QFETCH(QByteArray, body);
    m_server.setHandler([=](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 201;
        reply.reason = "Created";
        reply.body = body;
        return reply;
    });
    OAuth2Session session(config());
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(ready.size(), 0); // no login page
    const OAuth2Result result = finished.first().first().value<OAuth2Result>();
    QCOMPARE(result.failure, OAuth2Result::Failure::BadTokenResponse);
    QVERIFY2(result.message.contains(u"no usable request_uri"_s), qPrintable(result.message));
}

QTEST_GUILESS_MAIN(tst_EndpointAnswers)
#include "tst_endpointanswers.moc"
