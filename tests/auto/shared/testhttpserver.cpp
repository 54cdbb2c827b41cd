#include "shared/testhttpserver.h"

#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

QByteArray TestHttpServer::Request::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

TestHttpServer::TestHttpServer(QObject *parent)
    : QTcpServer(parent)
    , m_handler([](const Request &) { return Reply(); })
{
}

bool TestHttpServer::listenOnLoopback()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl TestHttpServer::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(serverPort()).arg(path));
}

QByteArray TestHttpServer::serialize(const Reply &reply)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reply.reason + "\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n";
    out += reply.body;
    return out;
}

void TestHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(socketDescriptor);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        while (true) {
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            qsizetype contentLength = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                request.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
                if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                    contentLength = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (buffer->size() < headerEnd + 4 + contentLength)
                return;
            request.body = buffer->mid(headerEnd + 4, contentLength);
            buffer->remove(0, headerEnd + 4 + contentLength);
            m_requests.append(request);
            const Reply reply = m_handler(request);
            Q_EMIT requestReceived();
            if (reply.silent)
                continue;
            if (reply.delayMs > 0)
                QTimer::singleShot(reply.delayMs, socket,
                                   [socket, bytes = serialize(reply)] { socket->write(bytes); });
            else
                socket->write(serialize(reply));
        }
    });
}
