#include "oauth/loopbackreceiver.h"

#include "base/logging.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// RFC 9110 §5.6.2: tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isVisible(char c)
{
    return c >= 0x21 && c <= 0x7e;
}

// RFC 9110 §5.5: field-value is VCHAR, SP, HTAB and obs-text; no other control character.
bool isFieldValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// Whether what has arrived of a request line (no CRLF yet) can still become one: it stops junk such
// as a TLS handshake at once instead of after the timeout.
bool plausibleRequestLineStart(QByteArrayView partial)
{
    if (partial.endsWith('\r'))
        partial.chop(1);
    const qsizetype space = partial.indexOf(' ');
    const QByteArrayView method = space < 0 ? partial : partial.first(space);
    for (const char c : method) {
        if (!isTokenChar(c))
            return false;
    }
    for (const char c : partial) {
        if (c != ' ' && !isVisible(c))
            return false;
    }
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK"_ba;
    case 400:
        return "Bad Request"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 408:
        return "Request Timeout"_ba;
    default:
        return "Error"_ba;
    }
}

QByteArray plainText(const char *sentence)
{
    return QByteArray(sentence) + '\n';
}

const QByteArray textPlain = "text/plain; charset=utf-8"_ba;

QByteArray callbackPage()
{
    const QString title = u"Postern received the answer"_s.toHtmlEscaped();
    const QString text = u"You can close this tab and go back to Postern."_s.toHtmlEscaped();
    const QString html
        = u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"_s
        + title
        + u"</title>\n<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;"
          u"color:#1f2933}</style>\n</head>\n<body>\n<h1>"_s
        + title + u"</h1>\n<p>"_s + text + u"</p>\n</body>\n</html>\n"_s;
    return html.toUtf8();
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
{
}

LoopbackReceiver::~LoopbackReceiver()
{
    close();
}

bool LoopbackReceiver::listen(const QString &path, quint16 port)
{
    if (isListening()) {
        m_error = tr("The receiver is already listening on 127.0.0.1:%1.").arg(m_port);
        return false;
    }
    if (!path.startsWith(u'/') || path.contains(u'?') || path.contains(u'#')) {
        m_error = tr("The callback path must start with \"/\" and hold no \"?\" or \"#\".");
        return false;
    }
    close();
    if (m_server) { // the previous one-shot's; its last answer may still be on its way out
        m_server->deleteLater();
        m_server = nullptr;
    }
    m_error.clear();
    m_delivered = false;
    m_server = new QTcpServer(this);
    m_server->setMaxPendingConnections(maxConnections);
    // RFC 8252 §8.3: the loopback interface only, never every interface.
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        const auto error = m_server->serverError();
        if (error == QAbstractSocket::AddressInUseError)
            m_error
                = tr("Port %1 on 127.0.0.1 is in use by another program; choose another or use 0.").arg(port);
        else if (error == QAbstractSocket::SocketAccessError)
            m_error
                = tr("Port %1 on 127.0.0.1 may not be used by Postern (ports below 1024 need privileges); "
                     "choose another or use 0.")
                      .arg(port);
        else
            m_error = tr("Could not listen on 127.0.0.1:%1: %2").arg(port).arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        m_port = 0;
        return false;
    }
    m_path = path;
    m_port = m_server->serverPort();
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
    qCInfo(lcAuth) << "loopback receiver listening on 127.0.0.1 port" << m_port;
    return true;
}

bool LoopbackReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

void LoopbackReceiver::close()
{
    m_emitPending = false;
    stopListening(nullptr);
}

void LoopbackReceiver::stopListening(QTcpSocket *keep)
{
    if (m_server)
        m_server->close();
    const QList<QTcpSocket *> sockets = m_pending.keys();
    m_pending.clear();
    for (QTcpSocket *socket : sockets) {
        if (socket == keep)
            continue;
        socket->abort();
        socket->deleteLater();
    }
}

QUrl LoopbackReceiver::redirectUri() const
{
    if (m_port == 0)
        return QUrl();
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(m_path);
    return url;
}

QHostAddress LoopbackReceiver::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

void LoopbackReceiver::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        if (m_delivered || m_pending.size() >= maxConnections) {
            socket->abort();
            continue;
        }
        // Enough for a request head at its limits; a flood is read in bounded slices and then refused.
        socket->setReadBufferSize(maxRequestLine + maxHeaderSection);
        m_pending.insert(socket, QByteArray());
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { m_pending.remove(socket); });
        connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A connection that never completes its request (slowloris, a speculative preconnect) must
        // not hold a slot for ever; it does not stop the receiver from waiting for the callback.
        QTimer::singleShot(m_requestTimeout, socket, [this, socket] {
            if (m_pending.contains(socket)) {
                qCDebug(lcAuth) << "loopback receiver: no complete request in time";
                respond(socket, 408, textPlain, plainText("The request did not arrive in time."));
            }
        });
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_pending.find(socket);
    if (it == m_pending.end()) {
        socket->readAll(); // answered already; what follows is ignored
        return;
    }
    it->append(socket->readAll());
    Head head;
    switch (parse(*it, &head)) {
    case Parse::Incomplete:
        return;
    case Parse::Invalid:
        qCDebug(lcAuth) << "loopback receiver: malformed request answered 400";
        respond(socket, 400, textPlain, plainText("Bad request."));
        return;
    case Parse::Complete:
        handle(socket, head);
        return;
    }
}

// RFC 9112 §2–§5, strictly: CRLF line ends only, single spaces in the request line, no whitespace
// before a field's colon, no obsolete line folding.
LoopbackReceiver::Parse LoopbackReceiver::parse(const QByteArray &data, Head *head) const
{
    QByteArrayView rest(data);
    // §2.2: a few empty lines before the request line are ignored.
    for (int skipped = 0; rest.startsWith("\r\n"); ++skipped) {
        if (skipped == 4)
            return Parse::Invalid;
        rest = rest.sliced(2);
    }
    const qsizetype lineEnd = rest.indexOf("\r\n");
    if (lineEnd < 0) {
        if (rest.size() > maxRequestLine || !plausibleRequestLineStart(rest))
            return Parse::Invalid;
        return Parse::Incomplete;
    }
    if (lineEnd > maxRequestLine)
        return Parse::Invalid;
    const QByteArrayView line = rest.first(lineEnd);
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return Parse::Invalid;
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method))
        return Parse::Invalid;
    for (const char c : target) {
        if (!isVisible(c) || c == '#')
            return Parse::Invalid;
    }
    // HTTP/1.x only; a browser talking HTTP/2 to a plain http URL would not start with a request line.
    if (version.size() != 8 || !version.startsWith("HTTP/1.") || version[7] < '0' || version[7] > '9')
        return Parse::Invalid;

    rest = rest.sliced(lineEnd + 2);
    const qsizetype headEnd = rest.startsWith("\r\n") ? 0 : rest.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return rest.size() > maxHeaderSection ? Parse::Invalid : Parse::Incomplete;
    if (headEnd + 4 > maxHeaderSection)
        return Parse::Invalid;

    head->method = method.toByteArray();
    head->target = target.toByteArray();
    head->fields.clear();
    QByteArrayView fields = rest.first(headEnd);
    while (!fields.isEmpty()) {
        const qsizetype end = fields.indexOf("\r\n");
        const QByteArrayView field = end < 0 ? fields : fields.first(end);
        fields = end < 0 ? QByteArrayView() : fields.sliced(end + 2);
        const qsizetype colon = field.indexOf(':');
        // §5.1: no whitespace between name and colon; §5.2: obs-fold is rejected.
        if (colon <= 0 || !isToken(field.first(colon)))
            return Parse::Invalid;
        const QByteArrayView value = trimmedOws(field.sliced(colon + 1));
        if (!isFieldValue(value))
            return Parse::Invalid;
        head->fields.append({ field.first(colon).toByteArray().toLower(), value.toByteArray() });
    }
    return Parse::Complete;
}

bool LoopbackReceiver::acceptedHost(QByteArrayView host) const
{
    // RFC 8252 §8.3 with DNS rebinding in mind: a page on another name that resolves to 127.0.0.1 must
    // not be able to talk to the receiver, so the name has to be the loopback one.
    const QByteArray port = QByteArray::number(m_port);
    for (const QByteArrayView name : { QByteArrayView("127.0.0.1"), QByteArrayView("localhost") }) {
        if (host.compare(QByteArray(name.toByteArray() + ':' + port), Qt::CaseInsensitive) == 0)
            return true;
        if (m_port == 80 && host.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void LoopbackReceiver::handle(QTcpSocket *socket, const Head &head)
{
    // RFC 9112 §3.2: exactly one Host field.
    QByteArray host;
    int hosts = 0;
    for (const auto &field : head.fields) {
        if (field.first == "host") {
            host = field.second;
            ++hosts;
        }
    }
    QByteArray target = head.target;
    // §3.2.2: absolute-form; its authority stands in for Host and is held to the same rule.
    if (target.size() >= 7 && QByteArrayView(target).first(7).compare("http://", Qt::CaseInsensitive) == 0) {
        qsizetype end = target.size();
        for (const char stop : { '/', '?' }) {
            const qsizetype at = target.indexOf(stop, 7);
            if (at >= 0 && at < end)
                end = at;
        }
        host = target.mid(7, end - 7);
        target = target.mid(end);
        if (!target.startsWith('/'))
            target.prepend('/');
        hosts = 1;
    }
    if (hosts != 1 || !acceptedHost(host)) {
        qCDebug(lcAuth) << "loopback receiver: request for another host answered 400";
        respond(socket, 400, textPlain,
                plainText("This server answers requests for 127.0.0.1 and localhost only."));
        return;
    }
    if (!target.startsWith('/')) {
        respond(socket, 400, textPlain, plainText("Bad request target."));
        return;
    }
    const bool headRequest = head.method == "HEAD";
    if (head.method != "GET") {
        qCDebug(lcAuth) << "loopback receiver: method" << head.method.left(16) << "answered 405";
        respond(socket, 405, textPlain, plainText("Only GET is answered here."), { { "Allow"_ba, "GET"_ba } },
                headRequest);
        return;
    }
    const qsizetype question = target.indexOf('?');
    const QString path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    if (path != m_path || m_delivered) {
        qCDebug(lcAuth) << "loopback receiver: GET of another path answered 404";
        respond(socket, 404, textPlain, plainText("Not found."));
        return;
    }

    // The callback: the URL on the receiver's own authority, so that it compares equal to redirectUri()
    // whichever loopback name the browser used. The query is passed on as it came (RFC 8252 §7.3).
    const QUrl url = QUrl::fromEncoded(QByteArray("http://127.0.0.1:" + QByteArray::number(m_port) + target),
                                       QUrl::TolerantMode);
    if (m_acceptFilter && !m_acceptFilter(url)) {
        qCInfo(lcAuth) << "loopback receiver: a callback that is not for this sign-in answered 400";
        respond(socket, 400, textPlain,
                plainText("This answer is not for the sign-in Postern is waiting for."));
        return;
    }
    m_delivered = true;
    qCInfo(lcAuth) << "loopback receiver: callback received; no longer listening";
    respond(socket, 200, "text/html; charset=utf-8"_ba, callbackPage());
    stopListening(socket);
    // Queued: a slot may well destroy the receiver, which must not happen inside the socket's own signal.
    m_emitPending = true;
    QMetaObject::invokeMethod(
        this,
        [this, url] {
            if (!m_emitPending)
                return;
            m_emitPending = false;
            Q_EMIT redirectReceived(url);
        },
        Qt::QueuedConnection);
}

void LoopbackReceiver::respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                               const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &extraHeaders, bool headOnly)
{
    m_pending.remove(socket);
    const QString date
        = QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    QList<QPair<QByteArray, QByteArray>> headers {
        { "Date"_ba, date.toLatin1() },
        { "Content-Type"_ba, contentType },
        { "Content-Length"_ba, QByteArray::number(body.size()) },
        { "Cache-Control"_ba, "no-store"_ba },
        { "Connection"_ba, "close"_ba },
        { "X-Content-Type-Options"_ba, "nosniff"_ba },
        // The callback page's address holds the code: no referrer, no script, nothing from elsewhere.
        { "Referrer-Policy"_ba, "no-referrer"_ba },
        { "Content-Security-Policy"_ba, "default-src 'none'; style-src 'unsafe-inline'"_ba },
    };
    headers += extraHeaders;
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &header : std::as_const(headers))
        response += header.first + ": " + header.second + "\r\n";
    response += "\r\n";
    if (!headOnly)
        response += body;
    socket->write(response);
    socket->flush();
    socket->disconnectFromHost();
}

} // namespace Postern
