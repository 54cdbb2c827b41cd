#include "sandbox/connectionguard.h"

#include "sandbox/tableendpoint.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

QByteArray rejection(RequestFramer::Verdict verdict, const RequestFramer::Limits &limits)
{
    int status = 400;
    QByteArray reason = "Bad Request"_ba;
    QString message = u"Malformed request"_s;
    QString detail = u"The request's Content-Length or chunked framing cannot be read."_s;
    switch (verdict) {
    case RequestFramer::Verdict::UriTooLong:
        status = 414;
        reason = "URI Too Long"_ba;
        message = u"Request URI too long"_s;
        detail = u"The sandbox instance accepts request lines up to %1 bytes."_s.arg(limits.requestLine);
        break;
    case RequestFramer::Verdict::HeadersTooLarge:
        status = 431;
        reason = "Request Header Fields Too Large"_ba;
        message = u"Request header fields too large"_s;
        detail = u"The sandbox instance accepts up to %1 header fields of %2 bytes in all."_s
                     .arg(limits.headerCount)
                     .arg(limits.headerBytes);
        break;
    case RequestFramer::Verdict::BodyTooLarge:
        status = 413;
        reason = "Content Too Large"_ba;
        message = u"Request body too large"_s;
        detail = u"The sandbox instance accepts bodies up to %1 bytes."_s.arg(limits.body);
        break;
    case RequestFramer::Verdict::Malformed:
    case RequestFramer::Verdict::Fine:
        break;
    }
    const QByteArray body = TableEndpoint::failure(status, message, detail).body;
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json;charset=UTF-8\r\nCache-Control: no-store\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

// Watches one accepted socket; a child of the socket, so it goes when QHttpServer deletes the socket.
// Its readyRead handler is connected before QHttpServer's, so it sees each byte before the server
// parses it; a second handler, connected after the server's, notes what the server left unread.
class ConnectionWatch : public QObject
{
public:
    ConnectionWatch(ConnectionGuard *guard, QTcpSocket *socket)
        : QObject(socket)
        , m_guard(guard)
        , m_socket(socket)
        , m_framer(guard->limits().request)
    {
        m_idle.setSingleShot(true);
        m_idle.setInterval(guard->limits().idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, &ConnectionWatch::close);
        connect(socket, &QIODevice::readyRead, this, &ConnectionWatch::beforeServerReads);
        connect(socket, &QIODevice::bytesWritten, this, &ConnectionWatch::active);
        active();
    }
    ~ConnectionWatch() override
    {
        if (m_guard)
            m_guard->forget(this);
    }

    qint64 idleFor() const { return m_lastActivity.elapsed(); }
    void detach() { m_guard = nullptr; }

    void close()
    {
        m_idle.stop();
        if (m_socket->bytesToWrite() > 0)
            m_socket->abort();
        else
            m_socket->disconnectFromHost();
    }

private:
    void active()
    {
        m_lastActivity.start();
        m_idle.start();
    }

    void beforeServerReads()
    {
        if (!m_afterConnected) {
            // QHttpServer has connected its own handler by now; this one runs after it.
            m_afterConnected = true;
            connect(m_socket, &QIODevice::readyRead, this, [this] { m_unread = m_socket->bytesAvailable(); });
        }
        if (m_draining) {
            m_framer.feed(m_socket->readAll());
            if (m_framer.bodyRemaining() == 0)
                answerRejection();
            return;
        }
        if (m_rejected) {
            linger();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        const qint64 skip = qMin(m_unread, available);
        const QByteArray fresh = m_socket->peek(available).sliced(skip);
        m_unread = 0; // the handler after the server's sets what it left unread
        if (fresh.isEmpty())
            return;
        const int heads = m_framer.headsCompleted();
        if (m_framer.feed(fresh) != RequestFramer::Verdict::Fine) {
            reject();
            return;
        }
        // A head must arrive within the idle timeout: its bytes alone do not count as activity.
        if (m_framer.headsCompleted() != heads || !m_framer.inPartialHead())
            active();
    }

    // Answers at once and reads no further request. The rest of what the client is sending is read
    // and dropped for a moment (a lingering close), so that a client still uploading gets to read the
    // answer instead of a reset connection; then the connection is closed.
    // A body of moderate announced size is read and dropped before the answer, because some clients
    // (QNetworkAccessManager among them) cannot read an answer that comes while they are still sending.
    void reject()
    {
        m_rejected = true;
        m_socket->readAll(); // nothing of this request reaches the server
        const qint64 body = m_framer.bodyRemaining();
        if (body > 0 && body <= lingerBytes) {
            m_draining = true; // the idle timeout still applies
            return;
        }
        answerRejection();
    }

    void answerRejection()
    {
        m_draining = false;
        m_socket->write(
            rejection(m_framer.verdict(), m_guard ? m_guard->limits().request : RequestFramer::Limits()));
        m_lingerBudget = lingerBytes;
        m_lingering.start();
        m_idle.setInterval(lingerQuietMs);
        m_idle.start();
    }

    void linger()
    {
        m_lingerBudget -= m_socket->readAll().size();
        if (m_lingerBudget <= 0 || m_lingering.elapsed() > lingerMaxMs)
            close();
        else
            m_idle.start(); // closes once the client has been quiet for lingerQuietMs
    }

    static constexpr qint64 lingerBytes = 16 * 1024 * 1024;
    static constexpr int lingerQuietMs = 500;
    static constexpr int lingerMaxMs = 5000;

    ConnectionGuard *m_guard;
    QTcpSocket *m_socket;
    RequestFramer m_framer;
    QTimer m_idle;
    QElapsedTimer m_lastActivity;
    QElapsedTimer m_lingering;
    qint64 m_lingerBudget = 0;
    qint64 m_unread = 0;
    bool m_afterConnected = false;
    bool m_rejected = false;
    bool m_draining = false;
};

ConnectionGuard::ConnectionGuard(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
#ifdef Q_OS_UNIX
    // Stay well below the descriptor limit, so that accepting never fails for want of descriptors.
    rlimit descriptors {};
    if (getrlimit(RLIMIT_NOFILE, &descriptors) == 0 && descriptors.rlim_cur != RLIM_INFINITY) {
        const auto room = qint64(descriptors.rlim_cur) - 32;
        m_limits.maxConnections = int(qBound(qint64(1), room, qint64(m_limits.maxConnections)));
    }
#endif
    // Accepting fails when descriptors run out (other processes, or a limit set very low): try again
    // shortly instead of giving up or spinning.
    connect(this, &QTcpServer::acceptError, this, [this] {
        pauseAccepting();
        QTimer::singleShot(100, this, [this] { resumeAccepting(); });
    });
}

ConnectionGuard::~ConnectionGuard()
{
    for (ConnectionWatch *watch : std::as_const(m_watches))
        watch->detach();
}

void ConnectionGuard::incomingConnection(qintptr descriptor)
{
    makeRoom();
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    m_watches.append(new ConnectionWatch(this, socket));
    addPendingConnection(socket);
}

void ConnectionGuard::forget(ConnectionWatch *watch)
{
    m_watches.removeOne(watch);
}

void ConnectionGuard::makeRoom()
{
    while (m_watches.size() >= qMax(1, m_limits.maxConnections)) {
        ConnectionWatch *idlest = m_watches.constFirst();
        for (ConnectionWatch *watch : std::as_const(m_watches)) {
            if (watch->idleFor() > idlest->idleFor())
                idlest = watch;
        }
        forget(idlest);
        idlest->detach();
        idlest->close();
    }
}

} // namespace Postern::Sandbox
