// CliSender: OAuth 2.0 client credentials without a person, against a loopback server that is both
// the token endpoint and the API: one token request for requests that wait together, a new token
// after a 401 invalid_token (once), the token in the Authorization header, and a clear failure for
// a grant that needs a person.

#include "cli/clisender.h"
#include "http/httpclient.h"
#include "oauth/tokenendpointclient.h"
#include "shared/testhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// The API's side of the test server: 401 invalid_token for a refused token, else the token it got.
TestHttpServer::Reply api(const TestHttpServer::Request &request, const QStringList &refusedTokens)
{
    TestHttpServer::Reply reply;
    const QString token = QString::fromLatin1(request.header("Authorization")).mid(7);
    if (refusedTokens.contains(token)) {
        reply.status = 401;
        reply.reason = "Unauthorized";
        reply.headers.append(qMakePair("WWW-Authenticate"_ba, "Bearer error=\"invalid_token\""_ba));
        return reply;
    }
    reply.body = "{\"token\":\"" + token.toLatin1() + "\"}";
    return reply;
}

} // namespace

class tst_CliSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientCredentials();
    void passwordGrantAndRefresh();
    void aPersonsGrantIsRefused();
    void hostileTokenAnswers_data();
    void hostileTokenAnswers();

private:
    HttpRequest request(OAuth2GrantType grant) const;

    TestHttpServer m_server;
    QNetworkAccessManager m_network;
    HttpClient m_client { &m_network };
    TokenEndpointClient m_endpoint { &m_network };
};

HttpRequest tst_CliSender::request(OAuth2GrantType grant) const
{
    HttpRequest request;
    request.url = m_server.url(u"/api/items"_s).toString();
    request.auth.type = AuthType::OAuth2;
    request.auth.oauth2.grantType = grant;
    request.auth.oauth2.accessTokenUrl = m_server.url(u"/token"_s).toString();
    request.auth.oauth2.clientId = u"cli"_s;
    request.auth.oauth2.clientSecret = u"cli-secret"_s;
    return request;
}

void tst_CliSender::clientCredentials()
{
    QVERIFY(m_server.isListening() || m_server.listenOnLoopback());
    int issued = 0;
    QStringList refusedTokens { u"t1"_s }; // the API stops taking the first token
    m_server.setHandler([&](const TestHttpServer::Request &request) {
        TestHttpServer::Reply reply;
        if (request.target == "/token") {
            ++issued;
            reply.body = "{\"access_token\":\"t" + QByteArray::number(issued)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
            return reply;
        }
        return api(request, refusedTokens);
    });
    CliSender sender(&m_client, &m_endpoint);
    const CollectionRunner::Sender send = sender.sender();

    // Two requests at once: one token request; both answered 401, then both with the new token.
    QList<HttpResponse> answers;
    for (int i = 0; i < 2; ++i)
        send(request(OAuth2GrantType::ClientCredentials),
             [&answers](const HttpResponse &response) { answers << response; });
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 10000);
    for (const HttpResponse &answer : std::as_const(answers)) {
        QCOMPARE(answer.statusCode, 200);
        QCOMPARE(answer.body, "{\"token\":\"t2\"}"_ba);
    }
    QCOMPARE(issued, 2); // t1 for both, refused; t2 once for both
    QCOMPARE(sender.tokens(), QStringList({ u"cli-secret"_s, u"t1"_s, u"t2"_s })); // all, for masking

    // A token the API keeps refusing: one more try, then the 401 as it is.
    refusedTokens << u"t2"_s << u"t3"_s;
    answers.clear();
    send(request(OAuth2GrantType::ClientCredentials),
         [&answers](const HttpResponse &response) { answers << response; });
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 10000);
    QCOMPARE(answers.constFirst().statusCode, 401);
    QCOMPARE(issued, 3);
    const TestHttpServer::Request &tokenRequest = m_server.requests().constFirst();
    QCOMPARE(tokenRequest.target, "/token"_ba);
    QVERIFY(tokenRequest.body.contains("grant_type=client_credentials"));
}

// The password grant with the authorization's username and password; a token the API refuses is
// renewed with the refresh token first, and when the server refuses that too, with the grant again.
void tst_CliSender::passwordGrantAndRefresh()
{
    QVERIFY(m_server.isListening() || m_server.listenOnLoopback());
    int issued = 0;
    QStringList grants; // grant_type of each token request, in order
    bool refreshWorks = true;
    QStringList refusedTokens;
    m_server.setHandler([&](const TestHttpServer::Request &request) {
        TestHttpServer::Reply reply;
        if (request.target == "/token") {
            const QByteArray body = request.body;
            const QByteArray grant = body.mid(body.indexOf("grant_type=") + 11).split('&').constFirst();
            grants << QString::fromLatin1(grant);
            if (grant == "password" && !body.contains("username=abel&password=s%26cret")) {
                reply.status = 400;
                reply.body = R"({"error":"invalid_grant"})";
                return reply;
            }
            if (grant == "refresh_token"
                && (!refreshWorks
                    || !body.contains(QByteArray("refresh_token=r" + QByteArray::number(issued))))) {
                reply.status = 400;
                reply.body = R"({"error":"invalid_grant"})";
                return reply;
            }
            ++issued;
            reply.body = "{\"access_token\":\"t" + QByteArray::number(issued) + "\",\"refresh_token\":\"r"
                + QByteArray::number(issued) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
            return reply;
        }
        return api(request, refusedTokens);
    });
    CliSender sender(&m_client, &m_endpoint);
    const CollectionRunner::Sender send = sender.sender();
    HttpRequest asAbel = request(OAuth2GrantType::Password);
    asAbel.auth.username = u"abel"_s;
    asAbel.auth.password = u"s&cret"_s;
    const auto ask = [&] {
        HttpResponse answer;
        bool answered = false;
        send(asAbel, [&](const HttpResponse &response) {
            answer = response;
            answered = true;
        });
        return QTest::qWaitFor([&] { return answered; }, 10000) ? answer : HttpResponse();
    };

    QCOMPARE(ask().body, "{\"token\":\"t1\"}"_ba);
    QCOMPARE(grants, QStringList { u"password"_s });
    refusedTokens << u"t1"_s;
    QCOMPARE(ask().body, "{\"token\":\"t2\"}"_ba); // renewed with r1
    QCOMPARE(grants, (QStringList { u"password"_s, u"refresh_token"_s }));
    refusedTokens << u"t2"_s;
    refreshWorks = false;
    QCOMPARE(ask().body, "{\"token\":\"t3\"}"_ba); // r2 refused: the password grant again
    QCOMPARE(grants, (QStringList { u"password"_s, u"refresh_token"_s, u"refresh_token"_s, u"password"_s }));
    for (const QString &secret : { u"s&cret"_s, u"t1"_s, u"r1"_s, u"t3"_s, u"cli-secret"_s })
        QVERIFY2(sender.tokens().contains(secret), qPrintable(secret)); // for masking

    asAbel.auth.password.clear();
    const HttpResponse refused = ask();
    QCOMPARE(refused.error, HttpResponse::Error::Authorization);
    QCOMPARE(
        refused.errorMessage,
        u"This request's authorization is OAuth 2.0 with the password grant, but its password has no value: "
        "put {{username}} and {{password}} in the authorization and give them with --env-var or the "
        "environment."_s);
}

void tst_CliSender::aPersonsGrantIsRefused()
{
    CliSender sender(&m_client, &m_endpoint);
    HttpResponse answer;
    bool answered = false;
    sender.sender()(request(OAuth2GrantType::AuthorizationCodePkce), [&](const HttpResponse &response) {
        answer = response;
        answered = true;
    });
    QVERIFY(!answered); // never inside the call
    QTRY_VERIFY(answered);
    QCOMPARE(answer.error, HttpResponse::Error::Authorization);
    QVERIFY2(answer.errorMessage.contains(u"needs a person to sign in"_s), qPrintable(answer.errorMessage));
}

// A token endpoint that answers with anything but a token: the request fails with a message that says
// why, the API is never called, and nothing is kept as a token.
void tst_CliSender::hostileTokenAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("server error page") << 500 << "<html><body>Internal error</body></html>"_ba;
    QTest::newRow("not JSON") << 200 << "access_token=abc"_ba;
    QTest::newRow("no access_token") << 200 << R"({"token_type":"Bearer"})"_ba;
    QTest::newRow("access_token not text") << 200 << R"({"access_token":{"a":1},"token_type":"Bearer"})"_ba;
    QTest::newRow("OAuth error") << 401 << R"({"error":"invalid_client","error_description":"no"})"_ba;
    QTest::newRow("huge garbage") << 200 << QByteArray(2 * 1024 * 1024, '{');
}

void tst_CliSender::hostileTokenAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QVERIFY(m_server.isListening() || m_server.listenOnLoopback());
    int apiCalls = 0;
    m_server.setHandler([&](const TestHttpServer::Request &request) {
        TestHttpServer::Reply reply;
        if (request.target != "/token")
            ++apiCalls;
        reply.status = status;
        reply.reason = status == 200 ? "OK" : "Error";
        reply.body = body;
        return reply;
    });
    CliSender sender(&m_client, &m_endpoint);
    HttpResponse answer;
    bool answered = false;
    sender.sender()(request(OAuth2GrantType::ClientCredentials), [&](const HttpResponse &response) {
        answer = response;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
    QCOMPARE(answer.error, HttpResponse::Error::Authorization);
    QVERIFY2(answer.errorMessage.startsWith(u"No OAuth 2.0 token from the token endpoint: "_s),
             qPrintable(answer.errorMessage));
    QVERIFY(answer.errorMessage.size() > 45); // with the reason
    QCOMPARE(apiCalls, 0);
    QCOMPARE(sender.tokens(), QStringList({ u"cli-secret"_s })); // only the secret, to be masked
}

QTEST_GUILESS_MAIN(tst_CliSender)
#include "tst_clisender.moc"
