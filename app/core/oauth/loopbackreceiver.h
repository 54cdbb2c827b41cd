#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace Postern {

// Catches one OAuth redirect from the user's own browser on a loopback address (RFC 8252 §7.3).
//
//   listen()  ── 127.0.0.1 only, an ephemeral port unless one is asked for (RFC 8252 §8.3)
//     │ redirectUri() = http://127.0.0.1:PORT/callback  → the authorization request's redirect_uri
//     ▼
//   the browser connects; each connection gets one request, answered with Connection: close
//     │ bad bytes, a request line over 8 KiB, headers over 16 KiB,
//     │ a Host other than 127.0.0.1:PORT / localhost:PORT (DNS rebinding)  → 400
//     │ no complete request head within requestTimeout()                     → 408, closed
//     │ not GET                                                              → 405
//     │ GET of another path (/favicon.ico, …)                                → 404
//     │ … and the receiver keeps waiting
//     ▼
//   GET PATH[?query]  → a small "go back to Postern" page, the listener and every other connection
//                       closed, then redirectReceived(full URL, query untouched) — once
//
// The receiver does not interpret the query: the OAuth session checks state, code and error. A callback
// without any query is delivered too. It has no overall deadline: the caller decides how long a user
// may take in the browser and calls close() (or destroys the receiver) when that time is up.
//
// Owns its server and connections; everything runs in the thread that owns it. Logs methods and
// statuses only, never a request target, query or header value.
class LoopbackReceiver : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype maxRequestLine = 8 * 1024;
    static constexpr qsizetype maxHeaderSection = 16 * 1024;
    static constexpr int maxConnections = 32; // open at once; more are closed straight away

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Starts listening on 127.0.0.1:port (0: a free port) for a GET of path, which must start with '/'
    // and hold no '?' or '#'. False and errorString() when the port cannot be had or the receiver is
    // already listening.
    // A check the callback must pass before it is taken (e.g. "carries the state of this sign-in"). A
    // request that fails it is answered 400 and the receiver keeps waiting for the real one.
    void setAcceptFilter(std::function<bool(const QUrl &)> filter) { m_acceptFilter = std::move(filter); }

    bool listen(const QString &path = QStringLiteral("/callback"), quint16 port = 0);
    bool isListening() const;
    // Stops listening and drops every connection; nothing is emitted afterwards.
    void close();

    // http://127.0.0.1:PORT/PATH while listening (and after the callback came); empty before listen().
    QUrl redirectUri() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const { return m_port; }
    QString errorString() const { return m_error; }

    // How long one connection may take to send a complete request head; 10 s by default.
    void setRequestTimeout(int milliseconds) { m_requestTimeout = milliseconds; }
    int requestTimeout() const { return m_requestTimeout; }

Q_SIGNALS:
    // The browser's request for the callback path: the full URL on 127.0.0.1, query as received. Emitted
    // once, from the event loop after the page went out, so a slot may delete the receiver.
    void redirectReceived(const QUrl &url);

private:
    struct Head
    {
        QByteArray method;
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> fields;
    };
    enum class Parse { Incomplete, Complete, Invalid };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const Head &head);
    Parse parse(const QByteArray &data, Head *head) const;
    bool acceptedHost(QByteArrayView host) const;
    void respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}, bool headOnly = false);
    void stopListening(QTcpSocket *keep);

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_pending; // connections still sending their request head
    QString m_path;
    quint16 m_port = 0;
    QString m_error;
    int m_requestTimeout = 10000;
    std::function<bool(const QUrl &)> m_acceptFilter;
    bool m_delivered = false;
    bool m_emitPending = false;
};

} // namespace Postern
