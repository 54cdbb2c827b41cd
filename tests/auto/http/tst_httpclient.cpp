#include "http/httpclient.h"
#include "shared/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpResponse)

class tst_HttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void sendsWhatTheUserComposed();
    void statusIsDataNotFailure_data();
    void statusIsDataNotFailure();
    void bodyAndContentTypeForPost();
    void invalidRequestNeverSent_data();
    void invalidRequestNeverSent();
    void timeout();
    void cancel();
    void connectionRefused();
    void hostNotFound();
    void tlsErrorRefusedByDefault();
    void tlsErrorIgnoredWhenAsked();
    void httpsToHttpRedirectRefused();
    void emptyBody();
    void bodyLargerThanLimit();
    void announcedSizeLargerThanLimit();
    void bodyReadWhole_data();
    void bodyReadWhole();
    void bigAnswerIsTakenInSlices();
    void bodyOverLimitGoesToAFile_data();
    void bodyOverLimitGoesToAFile();
    void bodyOverThresholdIsReadFromItsFile_data();
    void bodyOverThresholdIsReadFromItsFile();
    void serverClosesWithoutAnswer();
    void redirectKeepsCredentialsOnlyOnTheSameOrigin_data();
    void redirectKeepsCredentialsOnlyOnTheSameOrigin();
    void timingsOfANewAndAReusedConnection();
    void timingsAfterARedirect();

private:
    HttpResponse sendAndWait(const HttpRequest &request, int timeoutMs = 10000);

    QNetworkAccessManager m_manager;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<TestHttpServer> m_server;
};

void tst_HttpClient::initTestCase()
{
    qRegisterMetaType<HttpResponse>();
}

void tst_HttpClient::init()
{
    m_manager.clearConnectionCache();
    m_client = std::make_unique<HttpClient>(&m_manager);
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
}

HttpResponse tst_HttpClient::sendAndWait(const HttpRequest &request, int timeoutMs)
{
    HttpCall *call = m_client->send(request);
    QSignalSpy spy(call, &HttpCall::finished);
    if (!spy.wait(timeoutMs))
        return {};
    return spy.first().first().value<HttpResponse>();
}

void tst_HttpClient::sendsWhatTheUserComposed()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.headers.append(qMakePair("X-Total-Count"_ba, "57"_ba));
        reply.body = R"({"result":[{"number":"INC0010001"}]})";
        return reply;
    });
    HttpRequest request;
    request.url = m_server->url(u"/api/now/table/incident?sysparm_limit=10&q=a%20b"_s).toString();
    request.headers = { { u"Accept"_s, u"application/json"_s, true, {} },
                        { u"X-Off"_s, u"no"_s, false, {} },
                        { u"X-Unicode"_s, u"caf\u00e9"_s, true, {} } };
    request.auth.type = AuthType::Basic;
    request.auth.username = u"admin"_s;
    request.auth.password = u"admin"_s;

    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::None);
    QCOMPARE(response.statusCode, 200);
    QCOMPARE(response.reasonPhrase, u"OK"_s);
    QCOMPARE(response.header("x-total-count"), "57"_ba);
    QVERIFY(response.looksLikeJson());
    QCOMPARE(response.body, R"({"result":[{"number":"INC0010001"}]})"_ba);
    QVERIFY(response.elapsedMs >= 0);

    QCOMPARE(m_server->requests().size(), 1);
    const TestHttpServer::Request &received = m_server->requests().first();
    QCOMPARE(received.method, "GET"_ba);
    QCOMPARE(received.target, "/api/now/table/incident?sysparm_limit=10&q=a%20b"_ba);
    QCOMPARE(received.header("accept"), "application/json"_ba);
    QCOMPARE(received.header("authorization"), "Basic YWRtaW46YWRtaW4="_ba);
    QVERIFY(received.header("x-off").isEmpty());
    QCOMPARE(received.header("x-unicode"), u"caf\u00e9"_s.toUtf8());
    QVERIFY(received.header("user-agent").startsWith("Postern/"));
}

void tst_HttpClient::statusIsDataNotFailure_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("401 unauthenticated") << 401;
    QTest::newRow("404 not found") << 404;
    QTest::newRow("500 server error") << 500;
    QTest::newRow("204 no content") << 204;
}

void tst_HttpClient::statusIsDataNotFailure()
{
    QFETCH(int, status);
    m_server->setHandler([status](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = status;
        reply.reason = "Whatever";
        reply.body = status == 204 ? QByteArray() : R"({"error":{"message":"User Not Authenticated"}})"_ba;
        return reply;
    });
    HttpRequest request;
    request.url = m_server->url(u"/x"_s).toString();
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::None);
    QCOMPARE(response.statusCode, status);
    QCOMPARE(response.reasonPhrase, u"Whatever"_s);
    QCOMPARE(response.body.isEmpty(), status == 204);
}

void tst_HttpClient::bodyAndContentTypeForPost()
{
    HttpRequest request;
    request.method = u"post"_s;
    request.url = m_server->url(u"/api/now/table/incident"_s).toString();
    request.body = R"({"short_description":"Printer on fire"})";
    request.bodyContentType = u"application/json"_s;
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.statusCode, 200);
    const TestHttpServer::Request &received = m_server->requests().first();
    QCOMPARE(received.method, "POST"_ba);
    QCOMPARE(received.body, request.body);
    QCOMPARE(received.header("content-type"), "application/json"_ba);

    // A GET does not carry the body even when one was typed.
    request.method = u"GET"_s;
    sendAndWait(request);
    QCOMPARE(m_server->requests().size(), 2);
    QVERIFY(m_server->requests().at(1).body.isEmpty());
}

void tst_HttpClient::invalidRequestNeverSent_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("headerName");
    QTest::addColumn<QString>("headerValue");
    QTest::addColumn<QString>("message");

    QTest::newRow("no scheme") << u"127.0.0.1/x"_s << QString() << QString() << u"no scheme"_s;
    QTest::newRow("no host") << u"http:///x"_s << QString() << QString() << u"no host"_s;
    QTest::newRow("space in header name") << QString() << u"X Bad"_s << u"1"_s << u"a space"_s;
    QTest::newRow("CR LF in header value")
        << QString() << u"X-Good"_s << u"1\r\nX-Evil: 1"_s << u"carriage return"_s;
}

void tst_HttpClient::invalidRequestNeverSent()
{
    QFETCH(QString, url);
    QFETCH(QString, headerName);
    QFETCH(QString, headerValue);
    QFETCH(QString, message);
    HttpRequest request;
    request.url = url.isEmpty() ? m_server->url(u"/x"_s).toString() : url;
    if (!headerName.isEmpty())
        request.headers = { { headerName, headerValue, true, {} } };
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::InvalidRequest);
    QVERIFY2(response.errorMessage.contains(message), qPrintable(response.errorMessage));
    QCOMPARE(response.statusCode, 0);
    QVERIFY(m_server->requests().isEmpty());
}

void tst_HttpClient::timeout()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    HttpRequest request;
    request.url = m_server->url(u"/slow"_s).toString();
    request.timeoutMs = 300;
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::Timeout);
    QVERIFY(response.errorMessage.contains(u"timed out"_s));
    QVERIFY(response.elapsedMs >= 300);
}

void tst_HttpClient::cancel()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    HttpRequest request;
    request.url = m_server->url(u"/slow"_s).toString();
    request.timeoutMs = 0;
    HttpCall *call = m_client->send(request);
    QSignalSpy finished(call, &HttpCall::finished);
    QSignalSpy received(m_server.get(), &TestHttpServer::requestReceived);
    QVERIFY(received.wait());
    call->cancel();
    QVERIFY(finished.wait());
    const auto response = finished.first().first().value<HttpResponse>();
    QCOMPARE(response.error, HttpResponse::Error::Canceled);
    QCOMPARE(finished.size(), 1);
}

void tst_HttpClient::connectionRefused()
{
    const quint16 port = m_server->serverPort();
    m_server->close();
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/x"_s.arg(port);
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::ConnectionRefused);
    QVERIFY2(response.errorMessage.contains(u"refused"_s), qPrintable(response.errorMessage));
    QVERIFY(response.errorMessage.contains(QString::number(port)));
}

void tst_HttpClient::hostNotFound()
{
    // RFC 6761 reserves .invalid: no resolver may answer it with an address.
    const QString host = u"no-such-instance.invalid"_s;
    if (QHostInfo::fromName(host).error() != QHostInfo::HostNotFound)
        QSKIP("This machine's resolver answers names under .invalid; cannot test an unknown host here.");
    HttpRequest request;
    request.url = u"https://%1/api/now/table/incident"_s.arg(host);
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::HostNotFound);
    QVERIFY2(response.errorMessage.contains(host), qPrintable(response.errorMessage));
}

namespace {
// The phase of that name, or one with no figure and the name "missing".
HttpTimings::Phase phase(const HttpTimings &timings, const QString &name)
{
    const QList<HttpTimings::Phase> phases = timings.phases();
    for (const HttpTimings::Phase &p : phases) {
        if (p.name == name)
            return p;
    }
    HttpTimings::Phase missing;
    missing.name = u"missing"_s;
    return missing;
}
} // namespace

namespace {
// A TLS server with a self-signed certificate that answers every request with 200.
// Answers every request with answer, or with {"tls":true} when none is given.
std::unique_ptr<QSslServer> startTlsServer(const std::optional<TestHttpServer::Reply> &answer = std::nullopt)
{
    QFile certFile(QStringLiteral(POSTERN_TEST_DATA_DIR "/selfsigned.crt"));
    QFile keyFile(QStringLiteral(POSTERN_TEST_DATA_DIR "/selfsigned.key"));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return nullptr;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    QObject::connect(server.get(), &QSslServer::pendingConnectionAvailable, server.get(),
                     [s = server.get(), answer] {
                         while (QTcpSocket *socket = s->nextPendingConnection()) {
                             QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
                                 if (socket->readAll().contains("\r\n\r\n")) {
                                     TestHttpServer::Reply reply = answer.value_or(TestHttpServer::Reply {});
                                     if (!answer)
                                         reply.body = R"({"tls":true})";
                                     socket->write(TestHttpServer::serialize(reply));
                                 }
                             });
                         }
                     });
    if (!server->listen(QHostAddress::LocalHost, 0))
        return nullptr;
    return server;
}
} // namespace

void tst_HttpClient::tlsErrorRefusedByDefault()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt build has no TLS backend.");
    auto server = startTlsServer();
    QVERIFY(server);
    HttpRequest request;
    request.url = u"https://127.0.0.1:%1/"_s.arg(server->serverPort());
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::Tls);
    QVERIFY2(response.errorMessage.contains(u"self signed"_s, Qt::CaseInsensitive)
                 || response.errorMessage.contains(u"self-signed"_s, Qt::CaseInsensitive),
             qPrintable(response.errorMessage));
    QCOMPARE(response.statusCode, 0);
}

void tst_HttpClient::httpsToHttpRedirectRefused()
{
    // A redirect from https down to plain http would send the request (and its credentials) in the
    // clear: it is refused, said so, and the http server receives nothing.
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt build has no TLS backend.");
    TestHttpServer::Reply redirect;
    redirect.status = 302;
    redirect.reason = "Found";
    redirect.headers = { { "Location", m_server->url(u"/landing"_s).toEncoded() } };
    auto server = startTlsServer(redirect);
    QVERIFY(server);
    HttpRequest request;
    request.url = u"https://127.0.0.1:%1/start"_s.arg(server->serverPort());
    request.verifyTls = false; // the test's certificate is self-signed
    request.auth.type = AuthType::Bearer;
    request.auth.token = u"secret-token"_s;
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::Network);
    QVERIFY2(response.errorMessage.contains(u"from https to plain http"_s),
             qPrintable(response.errorMessage));
    QVERIFY(m_server->requests().isEmpty());
}

void tst_HttpClient::tlsErrorIgnoredWhenAsked()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt build has no TLS backend.");
    auto server = startTlsServer();
    QVERIFY(server);
    HttpRequest request;
    request.url = u"https://127.0.0.1:%1/"_s.arg(server->serverPort());
    request.verifyTls = false;
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::None);
    QCOMPARE(response.statusCode, 200);
    QCOMPARE(response.body, R"({"tls":true})"_ba);
    // The phases of a TLS connection.
    const HttpTimings &timings = response.timings;
    QVERIFY(timings.connectStarted >= 0);
    QVERIFY(timings.encrypted >= timings.connectStarted);
    QVERIFY(timings.requestSent >= timings.encrypted);
    QVERIFY(phase(timings, u"Connect"_s).note.contains(u"TLS"_s));
    // Qt reports the end of the handshake, not its start: no figure, and a note that says so.
    QCOMPARE(phase(timings, u"TLS handshake"_s).ms, -1.0);
    QVERIFY(phase(timings, u"TLS handshake"_s).note.contains(u"inside Connect"_s));
    QVERIFY(phase(timings, u"Send"_s).ms >= 0);
}

void tst_HttpClient::emptyBody()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body.clear();
        return reply;
    });
    HttpRequest request;
    request.url = m_server->url(u"/empty"_s).toString();
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::None);
    QCOMPARE(response.statusCode, 200);
    QVERIFY(response.body.isEmpty());
}

void tst_HttpClient::bodyLargerThanLimit()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body = QByteArray(256 * 1024, 'x');
        return reply;
    });
    m_client->setMaxBodySize(64 * 1024);
    HttpRequest request;
    request.url = m_server->url(u"/big"_s).toString();
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::TooLarge);
    QVERIFY(response.body.isEmpty());
}

void tst_HttpClient::announcedSizeLargerThanLimit()
{
    // A server that says a terabyte is coming, sends a little and waits: the call ends as soon as the
    // headers say so, not when the limit's worth has been read or the request times out.
    QTcpServer boastful;
    QVERIFY(boastful.listen(QHostAddress::LocalHost, 0));
    connect(&boastful, &QTcpServer::newConnection, &boastful, [&boastful] {
        QTcpSocket *socket = boastful.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          "1099511627776\r\n\r\n[1,");
        });
    });
    m_client->setMaxBodySize(64 * 1024 * 1024);
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(boastful.serverPort());
    request.timeoutMs = 5000;
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::TooLarge);
    QVERIFY(response.elapsedMs < 4000);
    QVERIFY(response.body.isEmpty());
}

void tst_HttpClient::bodyReadWhole_data()
{
    QTest::addColumn<bool>("announced");
    QTest::newRow("with Content-Length") << true;
    QTest::newRow("chunked, no size") << false;
}

namespace {

// Bytes that differ from one position to the next, so a byte lost or moved shows.
QByteArray patternedBody(qsizetype size)
{
    QByteArray body(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char('a' + (i * 7) % 26);
    return body;
}

// Answers every request on server with body, with its Content-Length or chunked without one.
void serveBody(QTcpServer *server, const QByteArray &body, bool announced)
{
    QObject::connect(server, &QTcpServer::newConnection, server, [server, body, announced] {
        QTcpSocket *socket = server->nextPendingConnection();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, body, announced] {
            socket->readAll();
            if (socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            if (announced) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size())
                              + "\r\n\r\n");
                socket->write(body);
            } else {
                socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                for (qsizetype at = 0; at < body.size(); at += 100000) {
                    const QByteArray chunk = body.mid(at, 100000);
                    socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
                }
                socket->write("0\r\n\r\n");
            }
        });
    });
}

QStringList spoolFiles(const QString &directory)
{
    return QDir(directory).entryList({ u"postern-body-*"_s }, QDir::Files);
}

} // namespace

void tst_HttpClient::bodyReadWhole()
{
    // Read into a buffer of the announced size, or one that grows: the same bytes either way.
    QFETCH(bool, announced);
    const QByteArray body = patternedBody(3 * 1024 * 1024 + 17);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    serveBody(&server, body, announced);
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(server.serverPort());
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::None);
    QCOMPARE(response.body.size(), body.size());
    QVERIFY(response.body == body);
    QVERIFY(!response.bodyFile);
}

namespace {

// Serves one request from a thread of its own, as a real server would: the whole body written as fast as
// the socket takes it, whatever the window's thread is doing.
class ThreadedServer : public QThread
{
public:
    explicit ThreadedServer(QByteArray body)
        : m_body(std::move(body))
    {
    }
    quint16 port()
    {
        m_ready.acquire();
        return m_port;
    }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        m_ready.release();
        if (!server.waitForNewConnection(10000))
            return;
        QTcpSocket *socket = server.nextPendingConnection();
        socket->waitForReadyRead(10000);
        socket->readAll();
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n");
        socket->write(m_body);
        while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(10000)) { }
    }

private:
    QByteArray m_body;
    QSemaphore m_ready;
    quint16 m_port = 0;
};

} // namespace

void tst_HttpClient::bigAnswerIsTakenInSlices()
{
    // The window is busy for a moment while 24 MB arrive: what piled up is read a few megabytes a turn of
    // the event loop, not all in one, so the window answers in between (it took tens of megabytes at once).
    const QByteArray body = patternedBody(24 * 1024 * 1024);
    ThreadedServer server(body);
    server.start();
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(server.port());
    HttpCall *call = m_client->send(request);
    int turns = -1;
    QTimer tick;
    tick.setInterval(0);
    connect(&tick, &QTimer::timeout, this, [&turns] { ++turns; });
    connect(call, &HttpCall::progress, this, [&](qint64, qint64) {
        if (turns >= 0)
            return;
        turns = 0;
        QThread::msleep(500); // busy: everything arrives meanwhile
        tick.start();
    });
    QSignalSpy finished(call, &HttpCall::finished);
    QVERIFY(finished.wait(20000));
    tick.stop();
    const auto response = finished.first().first().value<HttpResponse>();
    QCOMPARE(response.error, HttpResponse::Error::None);
    QVERIFY(response.body == body);
    QVERIFY2(turns >= 8, qPrintable(u"%1 turns of the event loop"_s.arg(turns)));
    server.wait();
}

void tst_HttpClient::bodyOverLimitGoesToAFile_data()
{
    bodyReadWhole_data();
}

void tst_HttpClient::bodyOverLimitGoesToAFile()
{
    // Over the memory limit but not the file limit: the body is in a temporary file, whole, and the
    // file goes with the last response that holds it.
    QFETCH(bool, announced);
    QTemporaryDir spoolDir;
    m_client->setSpoolDirectory(spoolDir.filePath(u"bodies"_s)); // made when needed
    const QStringList before = spoolFiles(spoolDir.filePath(u"bodies"_s));
    const QByteArray body = patternedBody(3 * 1024 * 1024 + 17);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    serveBody(&server, body, announced);
    m_client->setMaxBodySize(1024 * 1024);
    m_client->setMaxFileBodySize(8 * 1024 * 1024);
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(server.serverPort());
    request.bodyToFileAllowed = true;
    QString path;
    {
        const HttpResponse response = sendAndWait(request);
        QCOMPARE(response.error, HttpResponse::Error::None);
        QCOMPARE(response.statusCode, 200);
        QVERIFY(response.body.isEmpty());
        QVERIFY(response.bodyFile);
        QCOMPARE(response.bodySize(), body.size());
        path = response.bodyFile->path();
        QVERIFY2(path.startsWith(spoolDir.filePath(u"bodies/postern-body-"_s)), qPrintable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == body);
        const HttpResponse copy = response;
        QVERIFY(QFile::exists(path));
    }
    QVERIFY(!QFile::exists(path));
    QCOMPARE(spoolFiles(spoolDir.filePath(u"bodies"_s)), before);

    // A request that does not allow it (the runner's) ends as too large, as without a file limit.
    {
        QTcpServer third;
        QVERIFY(third.listen(QHostAddress::LocalHost, 0));
        serveBody(&third, body, announced);
        HttpRequest strict = request;
        strict.url = u"http://127.0.0.1:%1/"_s.arg(third.serverPort());
        strict.bodyToFileAllowed = false;
        const HttpResponse refused = sendAndWait(strict);
        QCOMPARE(refused.error, HttpResponse::Error::TooLarge);
        QVERIFY(!refused.bodyFile);
        QVERIFY(refused.errorMessage.contains(u"1 MiB"_s));
    }

    // Over the file limit too: nothing kept, nothing left behind.
    QTcpServer second;
    QVERIFY(second.listen(QHostAddress::LocalHost, 0));
    serveBody(&second, body, announced);
    request.url = u"http://127.0.0.1:%1/"_s.arg(second.serverPort());
    m_client->setMaxFileBodySize(2 * 1024 * 1024);
    const HttpResponse refused = sendAndWait(request);
    QCOMPARE(refused.error, HttpResponse::Error::TooLarge);
    QVERIFY(!refused.bodyFile);
    QVERIFY(refused.errorMessage.contains(u"2 MiB"_s));
    QCOMPARE(spoolFiles(spoolDir.filePath(u"bodies"_s)), before);
}

void tst_HttpClient::bodyOverThresholdIsReadFromItsFile_data()
{
    bodyReadWhole_data();
}

void tst_HttpClient::bodyOverThresholdIsReadFromItsFile()
{
    // Over the spool threshold but within the memory limit: the body went to a file as it came, and is
    // still the response's body, read from that file; the file goes with the last holder.
    QFETCH(bool, announced);
    QTemporaryDir spoolDir;
    m_client->setSpoolDirectory(spoolDir.path());
    m_client->setMaxBodySize(8 * 1024 * 1024);
    m_client->setMaxFileBodySize(16 * 1024 * 1024);
    m_client->setSpoolThreshold(1024 * 1024);
    const QByteArray body = patternedBody(3 * 1024 * 1024 + 5);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    serveBody(&server, body, announced);
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(server.serverPort());
    request.bodyToFileAllowed = true;
    QString path;
    QByteArray kept;
    {
        HttpResponse response = sendAndWait(request);
        QCOMPARE(response.error, HttpResponse::Error::None);
        QVERIFY(response.bodyFile);
        QVERIFY(response.bodyFile->mapError().isEmpty());
        path = response.bodyFile->path();
        QVERIFY(QFile::exists(path));
        QCOMPARE(response.bodySize(), body.size());
        QVERIFY(response.body == body);
        QCOMPARE(response.body.constData(), response.bodyFile->bytes().constData()); // no copy
        kept = QByteArray(response.body.constData(), 1000); // a copy of its own outlives the file
    }
    QVERIFY(!QFile::exists(path));
    QVERIFY(kept == body.left(1000));

    // A request that does not allow a file holds it in memory, as without a threshold.
    QTcpServer second;
    QVERIFY(second.listen(QHostAddress::LocalHost, 0));
    serveBody(&second, body, announced);
    request.url = u"http://127.0.0.1:%1/"_s.arg(second.serverPort());
    request.bodyToFileAllowed = false;
    const HttpResponse inMemory = sendAndWait(request);
    QCOMPARE(inMemory.error, HttpResponse::Error::None);
    QVERIFY(!inMemory.bodyFile);
    QVERIFY(inMemory.body == body);
    QVERIFY(QDir(spoolDir.path()).isEmpty());
}

void tst_HttpClient::serverClosesWithoutAnswer()
{
    QTcpServer rude;
    QVERIFY(rude.listen(QHostAddress::LocalHost, 0));
    connect(&rude, &QTcpServer::newConnection, &rude, [&rude] {
        QTcpSocket *socket = rude.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("garbage that is not HTTP\r\n\r\n");
            socket->disconnectFromHost();
        });
    });
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/"_s.arg(rude.serverPort());
    const HttpResponse response = sendAndWait(request);
    QVERIFY(response.error != HttpResponse::Error::None);
    QVERIFY(!response.errorMessage.isEmpty());
}

void tst_HttpClient::redirectKeepsCredentialsOnlyOnTheSameOrigin_data()
{
    QTest::addColumn<bool>("sameOrigin");
    QTest::addColumn<int>("status");
    QTest::newRow("same origin, 302") << true << 302;
    QTest::newRow("another origin, 302") << false << 302;
    QTest::newRow("another origin, 307 keeps the method") << false << 307;
}

void tst_HttpClient::redirectKeepsCredentialsOnlyOnTheSameOrigin()
{
    QFETCH(bool, sameOrigin);
    QFETCH(int, status);
    TestHttpServer other; // another port: another origin
    QVERIFY(other.listenOnLoopback());
    TestHttpServer &target = sameOrigin ? *m_server : other;
    const QUrl finalUrl = target.url(u"/final"_s);
    m_server->setHandler([finalUrl, status](const TestHttpServer::Request &r) {
        TestHttpServer::Reply reply;
        if (r.target.startsWith("/final"))
            return reply;
        reply.status = status;
        reply.reason = "Moved";
        reply.headers = { { "Location", finalUrl.toEncoded() } };
        reply.body.clear();
        return reply;
    });
    HttpRequest request;
    request.method = u"POST"_s;
    request.url = m_server->url(u"/start"_s).toString();
    request.body = "x=1";
    request.bodyContentType = u"application/x-www-form-urlencoded"_s;
    request.headers = { { u"Cookie"_s, u"session=abc"_s, true, {} }, { u"X-Kept"_s, u"yes"_s, true, {} } };
    request.auth.type = AuthType::Bearer;
    request.auth.token = u"secret-token"_s;
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.error, HttpResponse::Error::None);
    QCOMPARE(response.statusCode, 200);
    QVERIFY(!target.requests().isEmpty());
    const TestHttpServer::Request &arrived = target.requests().constLast();
    QCOMPARE(arrived.target, "/final"_ba);
    QCOMPARE(arrived.header("x-kept"), "yes"_ba);
    if (sameOrigin) {
        QCOMPARE(arrived.header("authorization"), "Bearer secret-token"_ba);
    } else {
        QVERIFY(arrived.header("authorization").isEmpty());
        QVERIFY(arrived.header("cookie").isEmpty());
        QCOMPARE(arrived.method, status == 307 ? "POST"_ba : "GET"_ba);
        QCOMPARE(arrived.body, status == 307 ? "x=1"_ba : QByteArray());
        QCOMPARE(arrived.header("content-length"), status == 307 ? "3"_ba : QByteArray());
    }
}

void tst_HttpClient::timingsOfANewAndAReusedConnection()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.delayMs = 150; // the server thinks: that is the wait for the first byte
        return reply;
    });
    HttpRequest request;
    request.url = m_server->url(u"/api/now/table/incident"_s).toString();
    const HttpTimings first = sendAndWait(request).timings;
    QVERIFY(first.isKnown());
    QVERIFY(!first.connectionReused());
    QVERIFY(first.connectStarted >= 0);
    QVERIFY(first.requestSent >= first.connectStarted);
    QVERIFY(first.headersReceived >= first.requestSent + 140);
    QVERIFY(first.finished >= first.headersReceived);
    QCOMPARE(first.encrypted, -1.0);
    QVERIFY(phase(first, u"Connect"_s).ms >= 0);
    QVERIFY(phase(first, u"Waiting"_s).ms >= 140);
    QCOMPARE(phase(first, u"TLS handshake"_s).name, u"missing"_s); // plain http
    QCOMPARE(phase(first, u"Total"_s).ms, first.finished);
    QVERIFY2(first.summary().startsWith(u"prepare "_s), qPrintable(first.summary()));

    // The same server again: Qt keeps the connection open, nothing is connected.
    const HttpTimings second = sendAndWait(request).timings;
    QVERIFY(second.isKnown());
    QVERIFY(second.connectionReused());
    QCOMPARE(second.connectStarted, -1.0);
    QCOMPARE(phase(second, u"Connect"_s).ms, -1.0);
    QVERIFY(phase(second, u"Connect"_s).note.contains(u"reused"_s));
    QVERIFY(phase(second, u"Send"_s).ms >= 0);
    QVERIFY(phase(second, u"Waiting"_s).ms >= 140);
    QVERIFY2(second.summary().startsWith(u"connection reused, send "_s), qPrintable(second.summary()));
}

void tst_HttpClient::timingsAfterARedirect()
{
    const QUrl finalUrl = m_server->url(u"/final"_s);
    m_server->setHandler([finalUrl](const TestHttpServer::Request &r) {
        TestHttpServer::Reply reply;
        if (r.target.startsWith("/final"))
            return reply;
        reply.status = 302;
        reply.reason = "Found";
        reply.headers = { { "Location", finalUrl.toEncoded() } };
        reply.body.clear();
        reply.delayMs = 100;
        return reply;
    });
    HttpRequest request;
    request.url = m_server->url(u"/start"_s).toString();
    const HttpResponse response = sendAndWait(request);
    QCOMPARE(response.statusCode, 200);
    const HttpTimings &timings = response.timings;
    QCOMPARE(timings.redirects, 1);
    QVERIFY(timings.lastHopStart >= 100);
    QCOMPARE(phase(timings, u"Redirects"_s).ms, timings.lastHopStart);
    QVERIFY(timings.finished >= timings.lastHopStart);
    QVERIFY(timings.requestSent >= timings.lastHopStart);
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
