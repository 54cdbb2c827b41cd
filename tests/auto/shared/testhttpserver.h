#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <functional>

// A loopback HTTP/1.1 server for tests that records every request it receives, so that a test can
// assert on what was sent, not only on what came back. Each test sets a handler; the default
// answers 200 with an empty JSON object. A handler may answer later (or never) through the
// socket it is given.
class TestHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(QByteArrayView name) const;
    };

    struct Reply
    {
        int status = 200;
        QByteArray reason = "OK";
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" } };
        QByteArray body = "{}";
        bool silent = false; // never answer (for timeouts)
        int delayMs = 0; // answer after this long (the server's think time)
    };

    using Handler = std::function<Reply(const Request &)>;

    explicit TestHttpServer(QObject *parent = nullptr);

    bool listenOnLoopback();
    QUrl url(const QString &path = QString()) const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }

    static QByteArray serialize(const Reply &reply);

Q_SIGNALS:
    void requestReceived();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Handler m_handler;
    QList<Request> m_requests;
};
