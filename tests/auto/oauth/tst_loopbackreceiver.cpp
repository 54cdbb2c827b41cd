// LoopbackReceiver at the byte level: raw QTcpSocket clients send what browsers, other programs and
// hostile pages might, and the tests check what was answered and whether the callback got through.

#include "oauth/loopbackreceiver.h"

#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Postern::LoopbackReceiver;

namespace {

struct Response
{
    int status = 0; // 0: the connection was closed without an answer
    QByteArray raw;
    QByteArray body;
    QByteArray header(QByteArrayView name) const
    {
        const qsizetype end = raw.indexOf("\r\n\r\n");
        for (const QByteArray &line : raw.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && QByteArrayView(line).first(colon).compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return QByteArray();
    }
};

Response parseResponse(const QByteArray &raw)
{
    Response response;
    response.raw = raw;
    if (raw.startsWith("HTTP/1.1 ") && raw.size() >= 12)
        response.status = raw.mid(9, 3).toInt();
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end >= 0)
        response.body = raw.mid(end + 4);
    return response;
}

// A raw client: connects, sends, and collects everything until the server hangs up.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QIODevice::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    // Waits for the server to close the connection; false when it did not within the time.
    bool waitClosed(int milliseconds = 5000)
    {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy closed(&m_socket, &QAbstractSocket::disconnected);
        return closed.wait(milliseconds) || m_socket.state() == QAbstractSocket::UnconnectedState;
    }

    bool waitConnected()
    {
        if (m_socket.state() == QAbstractSocket::ConnectedState)
            return true;
        QSignalSpy connected(&m_socket, &QAbstractSocket::connected);
        return connected.wait(5000);
    }

    Response response()
    {
        m_received += m_socket.readAll();
        return parseResponse(m_received);
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray hostHeader(quint16 port)
{
    return "127.0.0.1:" + QByteArray::number(port);
}

QByteArray get(const QByteArray &target, const QByteArray &host)
{
    return "GET " + target + " HTTP/1.1\r\nHost: " + host
        + "\r\nUser-Agent: Mozilla/5.0\r\nAccept: text/html\r\nAccept-Encoding: gzip\r\n\r\n";
}

// Sends request on a fresh connection and returns the answer once the server hung up.
Response exchange(quint16 port, const QByteArray &request)
{
    RawClient client(port);
    client.send(request);
    if (!client.waitClosed())
        qWarning("the receiver kept the connection open");
    return client.response();
}

bool refused(quint16 port)
{
    QTcpSocket socket;
    QSignalSpy failed(&socket, &QAbstractSocket::errorOccurred);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (failed.isEmpty() && !failed.wait(5000))
        return false;
    return socket.error() == QAbstractSocket::ConnectionRefusedError;
}

} // namespace

class tst_LoopbackReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listensOnLoopbackOnly();
    void callbackDelivered_data();
    void callbackDelivered();
    void ignoredRequests_data();
    void ignoredRequests();
    void stalledRequestTimesOut();
    void acceptFilterTurnsAwayForgedCallbacks();
    void stalledRequestDoesNotBlockCallback();
    void requestSentByteByByte();
    void customPath();
    void portInUse();
    void badPath_data();
    void badPath();
    void closeDropsEverything();
    void receiverDestroyedBySlot();

private:
    // The callback, sent after whatever a test did, must still be delivered.
    void expectCallbackStillTaken(LoopbackReceiver &receiver, QSignalSpy &delivered);
};

void tst_LoopbackReceiver::listensOnLoopbackOnly()
{
    LoopbackReceiver receiver;
    QCOMPARE(receiver.redirectUri(), QUrl());
    QVERIFY2(receiver.listen(), qPrintable(receiver.errorString()));
    QVERIFY(receiver.isListening());
    QCOMPARE(receiver.serverAddress(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(receiver.serverPort() != 0);
    QCOMPARE(receiver.redirectUri(), QUrl(u"http://127.0.0.1:%1/callback"_s.arg(receiver.serverPort())));

    // Not reachable on the machine's other addresses.
    const auto addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        QTcpSocket socket;
        QSignalSpy failed(&socket, &QAbstractSocket::errorOccurred);
        socket.connectToHost(address, receiver.serverPort());
        QVERIFY(failed.wait(5000));
        QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    }
}

void tst_LoopbackReceiver::callbackDelivered_data()
{
    QTest::addColumn<QByteArray>("target"); // %1 is replaced by the port
    QTest::addColumn<QByteArray>("host"); // %1 is replaced by the port
    QTest::addColumn<QByteArray>("prefix"); // bytes before the request line
    QTest::addColumn<QByteArray>("query"); // expected query, fully encoded
    QTest::addColumn<bool>("hasQuery");

    QTest::newRow("code and state") << "/callback?code=abc123&state=XyZ-_9"_ba
                                    << "127.0.0.1:%1"_ba << QByteArray() << "code=abc123&state=XyZ-_9"_ba
                                    << true;
    QTest::newRow("percent-encoding and plus untouched")
        << "/callback?code=a%2Bb+c%20d%26e%3Df%25&state=s%2F1+2"_ba
        << "127.0.0.1:%1"_ba << QByteArray() << "code=a%2Bb+c%20d%26e%3Df%25&state=s%2F1+2"_ba << true;
    QTest::newRow("error answer")
        << "/callback?error=access_denied&error_description=The+user+said+no&state=x"_ba
        << "127.0.0.1:%1"_ba << QByteArray()
        << "error=access_denied&error_description=The+user+said+no&state=x"_ba << true;
    QTest::newRow("no query at all") << "/callback"_ba
                                     << "127.0.0.1:%1"_ba << QByteArray() << QByteArray() << false;
    QTest::newRow("empty query") << "/callback?"_ba
                                 << "127.0.0.1:%1"_ba << QByteArray() << QByteArray() << true;
    QTest::newRow("Host localhost") << "/callback?code=1&state=2"_ba
                                    << "LocalHost:%1"_ba << QByteArray() << "code=1&state=2"_ba << true;
    QTest::newRow("absolute-form target") << "http://127.0.0.1:%1/callback?code=1&state=2"_ba
                                          << "127.0.0.1:%1"_ba << QByteArray() << "code=1&state=2"_ba << true;
    QTest::newRow("empty line before the request") << "/callback?code=1&state=2"_ba
                                                   << "127.0.0.1:%1"_ba
                                                   << "\r\n"_ba
                                                   << "code=1&state=2"_ba << true;
}

void tst_LoopbackReceiver::callbackDelivered()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, query);
    QFETCH(bool, hasQuery);

    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    const QByteArray port = QByteArray::number(receiver.serverPort());
    target.replace("%1", port);
    host.replace("%1", port);
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);

    const Response response = exchange(receiver.serverPort(), prefix + get(target, host));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), "text/html; charset=utf-8"_ba);
    QCOMPARE(response.header("Connection"), "close"_ba);
    QCOMPARE(response.header("Cache-Control"), "no-store"_ba);
    QCOMPARE(response.header("Referrer-Policy"), "no-referrer"_ba);
    QCOMPARE(response.header("Content-Length").toInt(), response.body.size());
    QVERIFY(response.body.contains("You can close this tab and go back to Postern."));
    QVERIFY(!response.body.contains("<script"));

    QTRY_COMPARE(delivered.size(), 1);
    const QUrl url = delivered.first().first().toUrl();
    QCOMPARE(url.adjusted(QUrl::RemoveQuery), receiver.redirectUri());
    QCOMPARE(url.hasQuery(), hasQuery);
    QCOMPARE(url.query(QUrl::FullyEncoded).toLatin1(), query);

    // One-shot: the listener is gone, and nothing more is delivered.
    QVERIFY(!receiver.isListening());
    QVERIFY(refused(receiver.serverPort()));
    QTest::qWait(0);
    QCOMPARE(delivered.size(), 1);
}

void tst_LoopbackReceiver::ignoredRequests_data()
{
    QTest::addColumn<QByteArray>("request"); // %1 is replaced by the port
    QTest::addColumn<int>("status"); // 0: 400, or closed before the answer could be read

    const QByteArray host = "127.0.0.1:%1"_ba;
    QTest::newRow("favicon") << get("/favicon.ico", host) << 404;
    QTest::newRow("other path") << get("/other?code=1&state=2", host) << 404;
    QTest::newRow("below the callback path") << get("/callback/more?code=1", host) << 404;
    QTest::newRow("callback path with a trailing slash") << get("/callback/?code=1", host) << 404;
    QTest::newRow("root") << get("/", host) << 404;
    QTest::newRow("POST to the callback")
        << "POST /callback?code=1&state=2 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nContent-Type: "
           "application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\ncode=1&"_ba
        << 405;
    QTest::newRow("HEAD of the callback")
        << "HEAD /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n\r\n"_ba << 405;
    QTest::newRow("OPTIONS") << "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n\r\n"_ba << 400;
    QTest::newRow("lowercase method")
        << "get /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n\r\n"_ba << 405;
    QTest::newRow("TLS handshake") << "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\x5e\x00\x17"_ba << 400;
    QTest::newRow("junk line") << "hello there\r\n\r\n"_ba << 400;
    QTest::newRow("binary junk") << QByteArray("\x00\x01\x02\xff\xfe", 5) << 400;
    QTest::newRow("HTTP/2 preface") << "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"_ba << 400;
    QTest::newRow("HTTP/0.9") << "GET /callback?code=1\r\n"_ba << 400;
    QTest::newRow("two spaces in the request line")
        << "GET  /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n\r\n"_ba << 400;
    QTest::newRow("bare LF line ends") << "GET /callback?code=1 HTTP/1.1\nHost: 127.0.0.1:%1\n\n"_ba << 400;
    QTest::newRow("fragment in the target") << get("/callback?code=1#x", host) << 400;
    QTest::newRow("request line over 8 KiB") << get("/callback?code=" + QByteArray(9000, 'a'), host) << 0;
    QTest::newRow("request line over 8 KiB, unfinished")
        << "GET /callback?code="_ba + QByteArray(9000, 'a') << 0;
    QTest::newRow("headers over 16 KiB")
        << "GET /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nX-Big: "_ba + QByteArray(17000, 'b')
            + "\r\n\r\n"
        << 0;
    QTest::newRow("headers over 16 KiB, unfinished")
        << "GET /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n"_ba + QByteArray(17000, 'b') << 0;
    QTest::newRow("a mebibyte of junk") << QByteArray(1024 * 1024, 'a') << 0;
    QTest::newRow("wrong Host (DNS rebinding)")
        << get("/callback?code=1&state=2", "attacker.example:%1") << 400;
    QTest::newRow("Host without the port") << get("/callback?code=1&state=2", "127.0.0.1") << 400;
    QTest::newRow("Host with another port") << get("/callback?code=1&state=2", "127.0.0.1:1") << 400;
    QTest::newRow("no Host") << "GET /callback?code=1 HTTP/1.1\r\nAccept: */*\r\n\r\n"_ba << 400;
    QTest::newRow("two Host fields")
        << "GET /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nHost: attacker.example\r\n\r\n"_ba << 400;
    QTest::newRow("absolute-form for another host")
        << get("http://attacker.example:%1/callback?code=1", host) << 400;
    QTest::newRow("space before the colon")
        << "GET /callback?code=1 HTTP/1.1\r\nHost : 127.0.0.1:%1\r\n\r\n"_ba << 400;
    QTest::newRow("folded field")
        << "GET /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nX-A: one\r\n two\r\n\r\n"_ba << 400;
    QTest::newRow("control character in a field")
        << "GET /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nX-A: a\x01"
           "b\r\n\r\n"_ba
        << 400;
    QTest::newRow("too many empty lines first")
        << "\r\n\r\n\r\n\r\n\r\n"_ba + get("/callback?code=1", host) << 400;
}

void tst_LoopbackReceiver::ignoredRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    request.replace("%1", QByteArray::number(receiver.serverPort()));
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);

    const Response response = exchange(receiver.serverPort(), request);
    if (status == 0)
        QVERIFY(response.status == 0 || response.status == 400);
    else
        QCOMPARE(response.status, status);
    if (response.status == 405)
        QCOMPARE(response.header("Allow"), "GET"_ba);
    if (request.startsWith("HEAD "))
        QVERIFY(response.body.isEmpty());
    else if (response.status != 0)
        QCOMPARE(response.header("Content-Length").toInt(), response.body.size());
    QCOMPARE(response.header("Connection"), response.status ? "close"_ba : QByteArray());

    QVERIFY(receiver.isListening());
    QCOMPARE(delivered.size(), 0);
    expectCallbackStillTaken(receiver, delivered);
}

void tst_LoopbackReceiver::acceptFilterTurnsAwayForgedCallbacks()
{
    LoopbackReceiver receiver;
    receiver.setAcceptFilter([](const QUrl &url) { return url.query().contains(u"state=s"_s); });
    QVERIFY(receiver.listen());
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);
    // Something else that found the port, with an error of its choosing: turned away.
    const Response forged = exchange(
        receiver.serverPort(),
        get("/callback?error=access_denied&error_description=gotcha", hostHeader(receiver.serverPort())));
    QCOMPARE(forged.status, 400);
    QVERIFY(receiver.isListening());
    QCOMPARE(delivered.size(), 0);
    expectCallbackStillTaken(receiver, delivered);
}

void tst_LoopbackReceiver::expectCallbackStillTaken(LoopbackReceiver &receiver, QSignalSpy &delivered)
{
    const Response response = exchange(receiver.serverPort(),
                                       get("/callback?code=real&state=s", hostHeader(receiver.serverPort())));
    QCOMPARE(response.status, 200);
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().first().toUrl().query(), u"code=real&state=s"_s);
    QVERIFY(!receiver.isListening());
}

void tst_LoopbackReceiver::stalledRequestTimesOut()
{
    LoopbackReceiver receiver;
    receiver.setRequestTimeout(300);
    QVERIFY(receiver.listen());
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);

    // Half a request for the callback itself, then nothing: it must not count as the callback.
    RawClient stalled(receiver.serverPort());
    stalled.send("GET /callback?code=1&state=2 HTTP/1.1\r\nHost: "_ba + hostHeader(receiver.serverPort())
                 + "\r\n");
    QVERIFY(stalled.waitClosed());
    QCOMPARE(stalled.response().status, 408);
    QCOMPARE(delivered.size(), 0);
    QVERIFY(receiver.isListening());

    // A connection that sends nothing at all (a browser's speculative preconnect) is closed the same way.
    RawClient idle(receiver.serverPort());
    QVERIFY(idle.waitConnected());
    QVERIFY(idle.waitClosed());
    QVERIFY(receiver.isListening());

    expectCallbackStillTaken(receiver, delivered);
}

void tst_LoopbackReceiver::stalledRequestDoesNotBlockCallback()
{
    LoopbackReceiver receiver; // the default 10 s: the callback must not wait for the stalled client
    QVERIFY(receiver.listen());
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);

    RawClient stalled(receiver.serverPort());
    stalled.send("GET /favicon.ico HTTP/1.1\r\nHost: "_ba);
    QVERIFY(stalled.waitConnected());
    RawClient idle(receiver.serverPort());
    QVERIFY(idle.waitConnected());

    expectCallbackStillTaken(receiver, delivered);
    // The one-shot receiver hung up on the others.
    QVERIFY(stalled.waitClosed());
    QVERIFY(idle.waitClosed());
    QCOMPARE(stalled.response().status, 0);
}

void tst_LoopbackReceiver::requestSentByteByByte()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);

    RawClient client(receiver.serverPort());
    QVERIFY(client.waitConnected());
    const QByteArray request = get("/callback?code=a%2Bb&state=s", hostHeader(receiver.serverPort()));
    for (const char c : request) {
        client.send(QByteArray(1, c));
        QVERIFY(client.socket().waitForBytesWritten(1000));
        QTest::qWait(0);
    }
    QVERIFY(client.waitClosed());
    QCOMPARE(client.response().status, 200);
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().first().toUrl().query(QUrl::FullyEncoded), u"code=a%2Bb&state=s"_s);
}

void tst_LoopbackReceiver::customPath()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen(u"/oauth/done"_s));
    QCOMPARE(receiver.redirectUri(), QUrl(u"http://127.0.0.1:%1/oauth/done"_s.arg(receiver.serverPort())));
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);
    const QByteArray host = hostHeader(receiver.serverPort());
    QCOMPARE(exchange(receiver.serverPort(), get("/callback?code=1", host)).status, 404);
    QCOMPARE(exchange(receiver.serverPort(), get("/oauth/done?code=1", host)).status, 200);
    QTRY_COMPARE(delivered.size(), 1);
}

void tst_LoopbackReceiver::portInUse()
{
    LoopbackReceiver first;
    QVERIFY(first.listen());
    const quint16 port = first.serverPort();

    LoopbackReceiver second;
    QVERIFY(!second.listen(u"/callback"_s, port));
    QCOMPARE(second.errorString(),
             u"Port %1 on 127.0.0.1 is in use by another program; choose another or use 0."_s.arg(port));
    QVERIFY(!second.isListening());
    QCOMPARE(second.redirectUri(), QUrl());

    // The same receiver cannot listen twice either.
    QVERIFY(!first.listen());
    QVERIFY(first.errorString().contains(u"already listening"_s));
    QVERIFY(first.isListening());

    // Once the port is free, it can be asked for by number.
    first.close();
    QVERIFY2(second.listen(u"/callback"_s, port), qPrintable(second.errorString()));
    QCOMPARE(second.serverPort(), port);
}

void tst_LoopbackReceiver::badPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("relative") << u"callback"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("with a query") << u"/callback?x=1"_s;
    QTest::newRow("with a fragment") << u"/callback#x"_s;
}

void tst_LoopbackReceiver::badPath()
{
    QFETCH(QString, path);
    LoopbackReceiver receiver;
    QVERIFY(!receiver.listen(path));
    QVERIFY(!receiver.errorString().isEmpty());
    QVERIFY(!receiver.isListening());
}

void tst_LoopbackReceiver::closeDropsEverything()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    const quint16 port = receiver.serverPort();
    QSignalSpy delivered(&receiver, &LoopbackReceiver::redirectReceived);
    RawClient waiting(port);
    waiting.send("GET /callback?code=1 HTTP/1.1\r\n"_ba);
    QVERIFY(waiting.waitConnected());
    QTRY_VERIFY(!waiting.socket().bytesToWrite());
    receiver.close();
    QVERIFY(!receiver.isListening());
    QVERIFY(waiting.waitClosed());
    QVERIFY(refused(port));
    QCOMPARE(delivered.size(), 0);
}

void tst_LoopbackReceiver::receiverDestroyedBySlot()
{
    auto receiver = std::make_unique<LoopbackReceiver>();
    QVERIFY(receiver->listen());
    const quint16 port = receiver->serverPort();
    QUrl seen;
    QObject context;
    QObject::connect(receiver.get(), &LoopbackReceiver::redirectReceived, &context, [&](const QUrl &url) {
        seen = url;
        receiver.reset();
    });
    const Response response = exchange(port, get("/callback?code=1&state=2", hostHeader(port)));
    QCOMPARE(response.status, 200);
    QTRY_VERIFY(!receiver);
    QCOMPARE(seen.query(), u"code=1&state=2"_s);
    QVERIFY(refused(port));
}

QTEST_GUILESS_MAIN(tst_LoopbackReceiver)
#include "tst_loopbackreceiver.moc"
