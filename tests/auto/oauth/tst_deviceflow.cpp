// The device authorization grant (RFC 8628) against a recording loopback server playing the
// authorization server: what is sent, the polling rules of §3.5 (authorization_pending, slow_down,
// access_denied, expired_token, the code's own expiry, no answer), cancel, and hostile answers. Time
// runs faster here: one of the server's seconds lasts 20 ms (DeviceAuthorizationFlow::setSecondLength).

#include "base/formurlencoded.h"
#include "oauth/deviceflow.h"
#include "oauth/tokenendpointclient.h"
#include "shared/testhttpserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

namespace {

constexpr std::chrono::milliseconds Second { 20 };

TestHttpServer::Reply json(const QJsonObject &object, int status = 200)
{
    TestHttpServer::Reply reply;
    reply.status = status;
    reply.reason = status == 200 ? "OK"_ba : "Bad Request"_ba;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

TestHttpServer::Reply oauthError(const QString &error)
{
    return json({ { u"error"_s, error } }, 400);
}

QJsonObject deviceAnswer(int expiresIn = 600, int interval = 5)
{
    return { { u"device_code"_s, u"device-code-0123456789"_s },
             { u"user_code"_s, u"WDJB-MJHT"_s },
             { u"verification_uri"_s, u"https://example.com/device"_s },
             { u"verification_uri_complete"_s, u"https://example.com/device?user_code=WDJB-MJHT"_s },
             { u"expires_in"_s, expiresIn },
             { u"interval"_s, interval } };
}

TestHttpServer::Reply token()
{
    return json({ { u"access_token"_s, u"device-access-token"_s },
                  { u"token_type"_s, u"Bearer"_s },
                  { u"expires_in"_s, 3600 },
                  { u"refresh_token"_s, u"device-refresh-token"_s } });
}

} // namespace

class tst_DeviceFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void pendingThenToken();
    void confidentialClientAuthenticates();
    void slowDownAddsFiveSeconds();
    void deniedOrExpired_data();
    void deniedOrExpired();
    void codeExpiresWithoutAnswer();
    void noAnswerBacksOff();
    void cancelStopsPolling();
    void hostileCodeAnswers_data();
    void hostileCodeAnswers();
    void codeAnswerOddNumbers();
    void instructionsForATerminal();

private:
    OAuth2Config config(const QString &secret = QString()) const;
    // Starts a flow and waits for finished(); the token endpoint answers with the replies in turn (the
    // last one again when they run out).
    OAuth2Result run(QList<TestHttpServer::Reply> tokenReplies, const QJsonObject &code = deviceAnswer(),
                     const QString &secret = QString());
    QList<TestHttpServer::Request> polls() const;

    QNetworkAccessManager m_network;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<TokenEndpointClient> m_endpoint;
    std::unique_ptr<DeviceAuthorizationFlow> m_flow;
    QList<qint64> m_pollTimes; // ms since the code came
};

void tst_DeviceFlow::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    qRegisterMetaType<DeviceCode>();
}

void tst_DeviceFlow::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
    m_endpoint = std::make_unique<TokenEndpointClient>(&m_network);
    m_endpoint->setTimeout(2000);
    m_flow = std::make_unique<DeviceAuthorizationFlow>(m_endpoint.get());
    m_flow->setSecondLength(Second);
    m_pollTimes.clear();
}

OAuth2Config tst_DeviceFlow::config(const QString &secret) const
{
    OAuth2Config c;
    c.tokenName = u"TV"_s;
    c.accessTokenUrl = m_server->url(u"/token"_s).toString();
    c.clientId = u"tv-client"_s;
    c.clientSecret = secret;
    c.clientAuthentication = ClientAuthentication::BasicHeader;
    c.scope = u"openid offline_access"_s;
    return c;
}

OAuth2Result tst_DeviceFlow::run(QList<TestHttpServer::Reply> tokenReplies, const QJsonObject &code,
                                 const QString &secret)
{
    auto clock = std::make_shared<QElapsedTimer>();
    m_server->setHandler([this, tokenReplies, code, clock](const TestHttpServer::Request &request) mutable {
        if (request.target.startsWith("/device"))
            return json(code);
        m_pollTimes.append(clock->elapsed());
        return tokenReplies.size() > 1 ? tokenReplies.takeFirst() : tokenReplies.first();
    });
    connect(m_flow.get(), &DeviceFlow::codeReady, this, [clock] { clock->start(); });
    QSignalSpy finished(m_flow.get(), &DeviceFlow::finished);
    m_flow->start(config(secret), m_server->url(u"/device"_s).toString());
    if (!finished.wait(20000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return finished.first().first().value<OAuth2Result>();
}

QList<TestHttpServer::Request> tst_DeviceFlow::polls() const
{
    QList<TestHttpServer::Request> polls;
    for (const TestHttpServer::Request &request : m_server->requests()) {
        if (request.target.startsWith("/token"))
            polls.append(request);
    }
    return polls;
}

void tst_DeviceFlow::pendingThenToken()
{
    QSignalSpy code(m_flow.get(), &DeviceFlow::codeReady);
    const OAuth2Result result
        = run({ oauthError(u"authorization_pending"_s), oauthError(u"authorization_pending"_s), token() });
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.accessToken, u"device-access-token"_s);
    QCOMPARE(result.token.refreshToken, u"device-refresh-token"_s);
    QCOMPARE(result.token.grantType, u"device_code"_s);
    QCOMPARE(result.token.name, u"TV"_s);

    QCOMPARE(code.size(), 1);
    const DeviceCode shown = code.first().first().value<DeviceCode>();
    QCOMPARE(shown.userCode, u"WDJB-MJHT"_s);
    QCOMPARE(shown.verificationUri, QUrl(u"https://example.com/device"_s));
    QCOMPARE(shown.verificationUriComplete, QUrl(u"https://example.com/device?user_code=WDJB-MJHT"_s));
    QCOMPARE(shown.intervalSeconds, 5);
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(shown.expiresAt);
    QVERIFY2(lifetime > 590 && lifetime <= 600, qPrintable(QString::number(lifetime)));

    // §3.1: the client names itself (a public client) and asks for its scope.
    const TestHttpServer::Request ask = m_server->requests().first();
    QCOMPARE(ask.method, "POST"_ba);
    const FormFields asked = FormUrlEncoded::parse(ask.body);
    QCOMPARE(FormUrlEncoded::value(asked, u"client_id"_s), u"tv-client"_s);
    QCOMPARE(FormUrlEncoded::value(asked, u"scope"_s), u"openid offline_access"_s);
    QVERIFY(ask.header("Authorization").isEmpty());

    // §3.4: three polls, each an interval (5 of the server's seconds) after the one before.
    const QList<TestHttpServer::Request> sent = polls();
    QCOMPARE(sent.size(), 3);
    const FormFields poll = FormUrlEncoded::parse(sent.first().body);
    QCOMPARE(FormUrlEncoded::value(poll, u"grant_type"_s), u"urn:ietf:params:oauth:grant-type:device_code"_s);
    QCOMPARE(FormUrlEncoded::value(poll, u"device_code"_s), u"device-code-0123456789"_s);
    QCOMPARE(FormUrlEncoded::value(poll, u"client_id"_s), u"tv-client"_s);
    for (qsizetype i = 0; i < m_pollTimes.size(); ++i) {
        const qint64 earliest = (i + 1) * 5 * Second.count();
        QVERIFY2(
            m_pollTimes.at(i) >= earliest - 5,
            qPrintable(u"poll %1 at %2 ms, before %3 ms"_s.arg(i + 1).arg(m_pollTimes.at(i)).arg(earliest)));
    }
}

void tst_DeviceFlow::confidentialClientAuthenticates()
{
    const OAuth2Result result = run({ token() }, deviceAnswer(), u"tv-secret"_s);
    QVERIFY2(result.ok(), qPrintable(result.message));
    // RFC 6749 §2.3.1, on both requests: Basic, and no secret in any body.
    for (const TestHttpServer::Request &request : m_server->requests()) {
        QVERIFY(request.header("Authorization").startsWith("Basic "));
        QVERIFY(!request.body.contains("tv-secret"));
    }
}

void tst_DeviceFlow::slowDownAddsFiveSeconds()
{
    QSignalSpy interval(m_flow.get(), &DeviceFlow::intervalChanged);
    const OAuth2Result result = run({ oauthError(u"slow_down"_s), oauthError(u"slow_down"_s), token() });
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(interval.size(), 2);
    QCOMPARE(interval.at(0).first().toInt(), 10);
    QCOMPARE(interval.at(0).at(1).toString(), u"The server asked to be polled less often (slow_down)."_s);
    QCOMPARE(interval.at(1).first().toInt(), 15);
    QCOMPARE(m_flow->intervalSeconds(), 15);
    QCOMPARE(m_pollTimes.size(), 3);
    // 5, then 10 more, then 15 more of the server's seconds.
    QVERIFY(m_pollTimes.at(1) - m_pollTimes.at(0) >= 10 * Second.count() - 5);
    QVERIFY(m_pollTimes.at(2) - m_pollTimes.at(1) >= 15 * Second.count() - 5);
}

void tst_DeviceFlow::deniedOrExpired_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<OAuth2Result::Failure>("failure");
    QTest::addColumn<QString>("message");
    QTest::newRow("access_denied")
        << u"access_denied"_s << OAuth2Result::Failure::AccessDenied
        << u"The sign-in with the code WDJB-MJHT was denied. No token was stored."_s;
    QTest::newRow("expired_token")
        << u"expired_token"_s << OAuth2Result::Failure::TokenEndpointError
        << u"The code WDJB-MJHT expired before it was approved. Get a new one to try again."_s;
    QTest::newRow("invalid_grant")
        << u"invalid_grant"_s << OAuth2Result::Failure::TokenEndpointError
        << u"The token endpoint answered invalid_grant (HTTP 400). The device code was "
           "refused (unknown, or already used): get a new code."_s;
}

void tst_DeviceFlow::deniedOrExpired()
{
    QFETCH(QString, error);
    QFETCH(OAuth2Result::Failure, failure);
    QFETCH(QString, message);
    const OAuth2Result result = run({ oauthError(u"authorization_pending"_s), oauthError(error) });
    QCOMPARE(result.failure, failure);
    QCOMPARE(result.error, error);
    QCOMPARE(result.message, message);
    QCOMPARE(polls().size(), 2); // and no more after it
    QTest::qWait(int(12 * Second.count()));
    QCOMPARE(polls().size(), 2);
}

void tst_DeviceFlow::codeExpiresWithoutAnswer()
{
    // A code that lives 12 of the server's seconds, never approved: two polls, then the flow ends at the
    // code's expiry without polling again (§3.5).
    QElapsedTimer clock;
    clock.start();
    const OAuth2Result result = run({ oauthError(u"authorization_pending"_s) }, deviceAnswer(12, 5));
    QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(result.error, u"expired_token"_s);
    QVERIFY(result.message.contains(u"expired before it was approved"_s));
    QCOMPARE(polls().size(), 2);
    QVERIFY(clock.elapsed() >= 12 * Second.count() - 5);
}

void tst_DeviceFlow::noAnswerBacksOff()
{
    // The token endpoint does not answer in time twice: the interval doubles each time (§3.5), then a
    // token comes.
    TestHttpServer::Reply silent;
    silent.silent = true;
    m_endpoint->setTimeout(400);
    QSignalSpy interval(m_flow.get(), &DeviceFlow::intervalChanged);
    const OAuth2Result result = run({ silent, silent, token() }, deviceAnswer(600, 2));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(interval.size(), 2);
    QCOMPARE(interval.at(0).first().toInt(), 4);
    QCOMPARE(interval.at(1).first().toInt(), 8);
    // Why, for the front end to show: the endpoint's failure as the token endpoint client words it.
    QVERIFY2(interval.at(0).at(1).toString().startsWith(u"The token endpoint did not answer within 0.4 s."_s),
             qPrintable(interval.at(0).at(1).toString()));
}

void tst_DeviceFlow::cancelStopsPolling()
{
    m_server->setHandler([](const TestHttpServer::Request &request) {
        return request.target.startsWith("/device") ? json(deviceAnswer())
                                                    : oauthError(u"authorization_pending"_s);
    });
    QSignalSpy code(m_flow.get(), &DeviceFlow::codeReady);
    QSignalSpy finished(m_flow.get(), &DeviceFlow::finished);
    QVERIFY(m_flow->start(config(), m_server->url(u"/device"_s).toString()));
    QVERIFY(!m_flow->start(config(), m_server->url(u"/device"_s).toString())); // one at a time
    QVERIFY(code.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(polls().size(), 1, 5000);
    m_flow->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<OAuth2Result>().failure, OAuth2Result::Failure::Canceled);
    QVERIFY(!m_flow->isRunning());
    QTest::qWait(int(12 * Second.count()));
    QCOMPARE(polls().size(), 1);
    QCOMPARE(finished.size(), 1);
}

void tst_DeviceFlow::hostileCodeAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QString noCode = u"The device authorization endpoint's answer %1, so there is no code to show."_s;
    QTest::newRow("HTML")
        << "<html><body>Sign in</body></html>"_ba << 200
        << u"The device authorization endpoint answered HTTP 200 with an HTML page, not a device "
           "code. Check the Device Authorization URL."_s;
    QTest::newRow("not JSON")
        << "device_code=x"_ba << 200
        << u"The device authorization endpoint answered HTTP 200 with something that is not "
           "JSON, not a device code. Check the Device Authorization URL."_s;
    QTest::newRow("an error")
        << "{\"error\":\"invalid_client\",\"error_description\":\"no such client.\"}"_ba << 401
        << u"The device authorization endpoint answered invalid_client (HTTP 401): no such "
           "client."_s;
    QTest::newRow("no device_code") << "{\"user_code\":\"A\",\"verification_uri\":\"https://x.example/d\"}"_ba
                                    << 200 << noCode.arg(u"has no usable device_code"_s);
    QTest::newRow("no user_code") << "{\"device_code\":\"d\",\"verification_uri\":\"https://x.example/d\"}"_ba
                                  << 200 << noCode.arg(u"has no usable user_code"_s);
    QTest::newRow("javascript: verification_uri")
        << "{\"device_code\":\"d\",\"user_code\":\"A\",\"verification_uri\":\"javascript:alert(1)\"}"_ba
        << 200 << noCode.arg(u"has no http or https verification_uri"_s);
    QTest::newRow("control characters in the user code")
        << "{\"device_code\":\"d\",\"user_code\":\"A\\u001b[2J\",\"verification_uri\":\"https://x.example/d\"}"_ba
        << 200 << noCode.arg(u"has a user_code with characters that cannot be shown"_s);
    const QByteArray huge = "{\"device_code\":\"d\",\"user_code\":\"" + QByteArray(5000, 'A')
        + "\",\"verification_uri\":\"https://x.example/d\"}";
    QTest::newRow("a huge user code") << huge << 200 << noCode.arg(u"has no usable user_code"_s);
}

void tst_DeviceFlow::hostileCodeAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    m_server->setHandler([body, status](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = status;
        reply.headers = { { "Content-Type", body.startsWith('<') ? "text/html"_ba : "application/json"_ba } };
        reply.body = body;
        return reply;
    });
    QSignalSpy code(m_flow.get(), &DeviceFlow::codeReady);
    QSignalSpy finished(m_flow.get(), &DeviceFlow::finished);
    m_flow->start(config(), m_server->url(u"/device"_s).toString());
    QVERIFY(finished.wait(5000));
    const OAuth2Result result = finished.first().first().value<OAuth2Result>();
    QVERIFY(!result.ok());
    QCOMPARE(result.message, message);
    QCOMPARE(code.size(), 0);
    QCOMPARE(polls().size(), 0);
}

void tst_DeviceFlow::codeAnswerOddNumbers()
{
    // Numbers as strings, missing or absurd: read where they can be, bounded, else the defaults.
    QString deviceCode, problem;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject answer = deviceAnswer();
    answer.insert(u"expires_in"_s, u"900"_s);
    answer.insert(u"interval"_s, u"abc"_s);
    DeviceCode code = DeviceCode::fromAnswer(answer, now, &deviceCode, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(deviceCode, u"device-code-0123456789"_s);
    QCOMPARE(now.secsTo(code.expiresAt), 900);
    QCOMPARE(code.intervalSeconds, 5);

    answer.insert(u"expires_in"_s, 1e300);
    answer.insert(u"interval"_s, -3);
    code = DeviceCode::fromAnswer(answer, now, &deviceCode, &problem);
    QCOMPARE(now.secsTo(code.expiresAt), 24 * 60 * 60);
    QCOMPARE(code.intervalSeconds, 5);

    answer.remove(u"expires_in"_s);
    answer.insert(u"interval"_s, 100000);
    answer.remove(u"verification_uri"_s);
    answer.insert(u"verification_url"_s, u"https://www.google.com/device"_s); // Google's name
    answer.insert(u"verification_uri_complete"_s, u"file:///etc/passwd"_s); // dropped, not refused
    code = DeviceCode::fromAnswer(answer, now, &deviceCode, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(now.secsTo(code.expiresAt), 30 * 60);
    QCOMPARE(code.intervalSeconds, 300);
    QCOMPARE(code.verificationUri, QUrl(u"https://www.google.com/device"_s));
    QVERIFY(code.verificationUriComplete.isEmpty());
}

void tst_DeviceFlow::instructionsForATerminal()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    DeviceCode code;
    code.userCode = u"WDJB-MJHT"_s;
    code.verificationUri = QUrl(u"https://as.example/device"_s);
    code.expiresAt = now.addSecs(600);
    QCOMPARE(code.instructions(now),
             u"Open https://as.example/device on any device and enter the code WDJB-MJHT. The code expires "
             "in 10 minutes."_s);
    code.verificationUriComplete = QUrl(u"https://as.example/device?user_code=WDJB-MJHT"_s);
    code.expiresAt = now.addSecs(45);
    QCOMPARE(code.instructions(now),
             u"Open https://as.example/device on any device and enter the code WDJB-MJHT (or open "
             "https://as.example/device?user_code=WDJB-MJHT, which has it filled in). The code expires "
             "within a minute."_s);
}

QTEST_GUILESS_MAIN(tst_DeviceFlow)
#include "tst_deviceflow.moc"
