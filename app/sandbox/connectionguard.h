#pragma once

#include "sandbox/requestframer.h"

#include <QList>
#include <QTcpServer>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Postern::Sandbox {

class ConnectionWatch;

struct ConnectionLimits
{
    int idleTimeoutMs = 30000;
    int maxConnections = 256; // lowered to what the descriptor limit allows
    RequestLimits request;
};

// The listening socket of the sandbox instance. It accepts each connection itself and watches it before
// and while QHttpServer (bound to it) reads requests from it:
//  - a connection idle for longer than the idle timeout is closed, and so is one whose request head
//    takes longer than that to arrive (a client that sends half a request and stops);
//  - at most maxConnections are open at once: a new client closes the connection idle the longest,
//    so idle clients can neither exhaust the descriptors nor keep a new client out;
//  - each request is followed as it arrives (RequestFramer): an oversized request line (414), too many
//    or too large header fields (431) or a body over the limit (413, from Content-Length or the bytes
//    read) is answered at once and the connection closed (after reading and dropping what the client
//    is still sending, for at most a few seconds), so the body is never buffered.
// Runs in the thread of the server that owns it.
class ConnectionGuard : public QTcpServer
{
    Q_OBJECT

public:
    using Limits = ConnectionLimits;

    explicit ConnectionGuard(Limits limits, QObject *parent = nullptr);
    ~ConnectionGuard() override;

    const Limits &limits() const { return m_limits; }
    int openConnections() const { return int(m_watches.size()); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class ConnectionWatch;
    void forget(ConnectionWatch *watch);
    void makeRoom();

    Limits m_limits;
    QList<ConnectionWatch *> m_watches;
};

} // namespace Postern::Sandbox
