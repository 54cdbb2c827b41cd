#include "sandbox/sandboxserver.h"
#include "shared/sandboxhttp.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Postern::Sandbox;

namespace {

// A raw client on 127.0.0.1: what a careless or hostile program would send, byte for byte.
struct RawClient
{
    explicit RawClient(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        connected = socket.waitForConnected(5000);
    }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    // Reads until the server closes the connection or timeoutMs pass; true when it was closed. Runs the
    // event loop, so a server in this thread keeps working.
    bool waitClosed(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs) {
            QTest::qWait(10);
            received += socket.readAll();
        }
        received += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }
    QByteArray statusLine() const { return received.left(received.indexOf("\r\n")); }

    QTcpSocket socket;
    QByteArray received;
    bool connected = false;
};

// User plus system CPU time of a process in clock ticks, from /proc; -1 where there is none.
qint64 cpuTicks(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? fields.at(11).toLongLong() + fields.at(12).toLongLong() : -1;
}

const QByteArray tableHead = "GET /api/now/table/incident?sysparm_limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"_ba;

} // namespace

// The sandbox instance facing clients that hold connections open, send half a request, huge bodies or
// too many headers: each is answered or closed, and other clients are still served.
class tst_SandboxConnections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_server.reset(); }

    void idleConnectionIsClosed_data();
    void idleConnectionIsClosed();
    void activeConnectionStaysOpen();
    void newClientServedWhenConnectionsAreFull();
    void manyIdleClientsDoNotStarveTheProcess();
    void oversizedRequestAnsweredAndClosed_data();
    void oversizedRequestAnsweredAndClosed();
    void requestsWithinLimitsServed_data();
    void requestsWithinLimitsServed();

private:
    void startServer(const ConnectionGuard::Limits &limits);

    std::unique_ptr<SandboxServer> m_server;
};

void tst_SandboxConnections::init()
{
    ConnectionGuard::Limits limits;
    limits.idleTimeoutMs = 400;
    limits.request.body = 64 * 1024;
    startServer(limits);
}

void tst_SandboxConnections::startServer(const ConnectionGuard::Limits &limits)
{
    m_server = std::make_unique<SandboxServer>(Registry::defaults());
    m_server->setConnectionLimits(limits);
    QVERIFY(m_server->listen());
}

void tst_SandboxConnections::idleConnectionIsClosed_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("nothingSent") << QByteArray();
    QTest::newRow("halfRequestLine") << "GET /api/now/table/inc"_ba;
    QTest::newRow("halfHead") << tableHead;
    QTest::newRow("halfBody") << "POST /oauth_token.do HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n"
                                 "Content-Type: application/x-www-form-urlencoded\r\n\r\ngrant_type="_ba;
    QTest::newRow("afterAnAnswer") << tableHead + "\r\n";
}

void tst_SandboxConnections::idleConnectionIsClosed()
{
    QFETCH(QByteArray, sent);
    RawClient client(m_server->port());
    QVERIFY(client.connected);
    QElapsedTimer timer;
    timer.start();
    client.send(sent);
    QVERIFY2(client.waitClosed(5000), "the idle connection is still open");
    QVERIFY2(timer.elapsed() >= 300, "closed before the idle timeout");
    if (sent.endsWith("\r\n\r\n"))
        QCOMPARE(client.statusLine(), "HTTP/1.1 401 Unauthorized"_ba); // answered first, closed when idle
}

void tst_SandboxConnections::activeConnectionStaysOpen()
{
    // A head that trickles in slower than the timeout is closed; a client that keeps asking is not.
    RawClient client(m_server->port());
    QVERIFY(client.connected);
    for (int i = 0; i < 6; ++i) {
        client.send(tableHead + "\r\n");
        QTRY_VERIFY(client.socket.bytesAvailable() > 0);
        client.received += client.socket.readAll();
        QTest::qWait(150);
        QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    }
    QVERIFY(client.received.startsWith("HTTP/1.1 401"));

    RawClient slow(m_server->port());
    QVERIFY(slow.connected);
    QElapsedTimer timer;
    timer.start();
    bool closed = false;
    for (const char c : tableHead) {
        slow.send(QByteArray(1, c));
        if ((closed = slow.waitClosed(100)))
            break;
    }
    QVERIFY2(closed, "a request head sent a byte at a time outlived the idle timeout");
    QVERIFY(timer.elapsed() < 2000);
}

void tst_SandboxConnections::newClientServedWhenConnectionsAreFull()
{
    ConnectionGuard::Limits limits;
    limits.idleTimeoutMs = 60000;
    limits.maxConnections = 10;
    startServer(limits);
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 25; ++i) {
        idle.push_back(std::make_unique<RawClient>(m_server->port()));
        QVERIFY(idle.back()->connected);
        QCoreApplication::processEvents();
    }
    SandboxHttp http(m_server->baseUrl());
    const auto answer = http.get(u"/api/now/table/incident?sysparm_limit=1"_s,
                                 { { "Authorization"_ba, SandboxHttp::plainBasic("admin", "admin") } });
    QCOMPARE(answer.status, 200);
    QTRY_VERIFY(m_server->openConnections() <= 10);
}

void tst_SandboxConnections::manyIdleClientsDoNotStarveTheProcess()
{
    // The real executable with few descriptors: idle clients beyond what it can hold must neither keep
    // it from accepting nor make it spin (accept() failing for want of descriptors, again and again).
    QProcess process;
    process.start(u"/bin/sh"_s,
                  { u"-c"_s, u"ulimit -n 64 && exec \"$0\" --idle-timeout 600"_s,
                    QStringLiteral(POSTERN_SANDBOX_EXECUTABLE) });
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QUrl base(QString::fromLatin1(process.readLine().trimmed()));
    QVERIFY2(base.port() > 0, process.readAllStandardError().constData());

    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 120; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, quint16(base.port()));
    }
    QTest::qWait(1000);
    const qint64 before = cpuTicks(process.processId());
    QTest::qWait(1000);
    const qint64 after = cpuTicks(process.processId());
    if (before >= 0) {
        const long perSecond = sysconf(_SC_CLK_TCK);
        QVERIFY2(
            after - before < perSecond / 4,
            qPrintable(u"the sandbox used %1 of %2 ticks while its clients were idle"_s.arg(after - before)
                           .arg(perSecond)));
    } else {
        qInfo("no /proc here: CPU use not checked");
    }
    SandboxHttp http(base);
    const auto answer = http.get(u"/api/now/table/incident?sysparm_limit=1"_s,
                                 { { "Authorization"_ba, SandboxHttp::plainBasic("admin", "admin") } });
    QCOMPARE(answer.status, 200);
    idle.clear();
    process.closeWriteChannel();
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void tst_SandboxConnections::oversizedRequestAnsweredAndClosed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");

    const QByteArray post = "POST /oauth_token.do HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/x-www-form-urlencoded\r\n"_ba;
    QTest::newRow("hugeContentLength")
        << post + "Content-Length: 300000000\r\n\r\n" + QByteArray(65536, 'a') << "413"_ba;
    QTest::newRow("contentLengthJustOver")
        << post + "Content-Length: 65537\r\n\r\n" + QByteArray(65537, 'a') << "413"_ba;
    QTest::newRow("chunkedBodyPastLimit") << post + "Transfer-Encoding: chunked\r\n\r\n8000\r\n"
            + QByteArray(0x8000, 'a') + "\r\n8001\r\n"
            + QByteArray(100, 'a') << "413"_ba;
    QTest::newRow("secondRequestTooLarge") << tableHead + "\r\n" + post + "Content-Length: 999999999\r\n\r\n"
                                           << "413"_ba;
    QByteArray manyHeaders = tableHead;
    for (int i = 0; i < 150; ++i)
        manyHeaders += "X-Filler-" + QByteArray::number(i) + ": x\r\n";
    QTest::newRow("tooManyHeaders") << manyHeaders + "\r\n"
                                    << "431"_ba;
    QTest::newRow("hugeHeader") << tableHead + "Cookie: " + QByteArray(40 * 1024, 'c') + "\r\n\r\n"
                                << "431"_ba;
    QTest::newRow("hugeHeaderStillArriving")
        << tableHead + "Cookie: " + QByteArray(40 * 1024, 'c') << "431"_ba;
    QTest::newRow("hugeAuthorization")
        << tableHead + "Authorization: Bearer " + QByteArray(64 * 1024, 't') + "\r\n\r\n"
        << "431"_ba;
    QTest::newRow("hugeRequestLine") << "GET /oauth_auth.do?state=" + QByteArray(1024 * 1024, 's')
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                     << "414"_ba;
    QTest::newRow("badContentLength") << post + "Content-Length: 12abc\r\n\r\n"
                                      << "400"_ba;
}

void tst_SandboxConnections::oversizedRequestAnsweredAndClosed()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    ConnectionGuard::Limits limits;
    limits.request.body = 64 * 1024;
    startServer(limits); // the default idle timeout: closing must come from the answer
    RawClient client(m_server->port());
    QVERIFY(client.connected);
    client.send(request);
    QVERIFY2(client.waitClosed(10000), client.received.left(200).constData());
    const qsizetype start = client.received.lastIndexOf("HTTP/1.1 ");
    QCOMPARE(client.received.mid(start + 9, 3), status);
    QVERIFY(client.received.contains("Connection: close"));
    QVERIFY(client.received.contains("\"status\":\"failure\""));

    SandboxHttp http(m_server->baseUrl());
    QCOMPARE(http.get(u"/api/now/table/incident?sysparm_limit=1"_s,
                      { { "Authorization"_ba, SandboxHttp::plainBasic("admin", "admin") } })
                 .status,
             200);
}

void tst_SandboxConnections::requestsWithinLimitsServed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QByteArray headers = tableHead;
    for (int i = 0; i < 90; ++i)
        headers += "X-Filler-" + QByteArray::number(i) + ": x\r\n";
    QTest::newRow("ninetyHeaders") << headers + "\r\n"
                                   << "401"_ba;
    const QByteArray body = "grant_type=password&username=admin&password=admin&client_id=postern&"
                            "client_secret=postern-secret"_ba;
    QTest::newRow("lengthBody") << "POST /oauth_token.do HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n"
            + body << "200"_ba;
    QTest::newRow("chunkedBody") << "POST /oauth_token.do HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Content-Type: application/x-www-form-urlencoded\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n"
            + QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n"
                                 << "200"_ba;
    QTest::newRow("twoPipelined") << tableHead + "\r\n" + tableHead + "\r\n"
                                  << "401"_ba;
}

void tst_SandboxConnections::requestsWithinLimitsServed()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    RawClient client(m_server->port());
    QVERIFY(client.connected);
    client.send(request);
    client.waitClosed(1500);
    QVERIFY2(client.received.startsWith(QByteArray("HTTP/1.1 " + status)),
             client.received.left(200).constData());
    QCOMPARE(client.received.count("HTTP/1.1 "), request.count("HTTP/1.1\r\n"));
}

QTEST_GUILESS_MAIN(tst_SandboxConnections)
#include "tst_sandboxconnections.moc"
