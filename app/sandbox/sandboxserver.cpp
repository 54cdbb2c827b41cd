#include "sandbox/sandboxserver.h"

#include "base/atomicfile.h"
#include "base/logging.h"
#include "sandbox/authorizeendpoint.h"
#include "sandbox/httpexchange.h"
#include "sandbox/incidenttable.h"
#include "sandbox/oauthstore.h"
#include "sandbox/tableendpoint.h"
#include "sandbox/tokenendpoint.h"

#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET"_ba;
    case QHttpServerRequest::Method::Put:
        return "PUT"_ba;
    case QHttpServerRequest::Method::Delete:
        return "DELETE"_ba;
    case QHttpServerRequest::Method::Post:
        return "POST"_ba;
    case QHttpServerRequest::Method::Head:
        return "HEAD"_ba;
    case QHttpServerRequest::Method::Options:
        return "OPTIONS"_ba;
    case QHttpServerRequest::Method::Patch:
        return "PATCH"_ba;
    case QHttpServerRequest::Method::Connect:
        return "CONNECT"_ba;
    case QHttpServerRequest::Method::Trace:
        return "TRACE"_ba;
    default:
        return "UNKNOWN"_ba;
    }
}

Request toRequest(const QHttpServerRequest &request)
{
    Request result;
    result.method = methodName(request.method());
    const QUrl url = request.url();
    result.path = url.path();
    result.query = url.query(QUrl::FullyEncoded).toLatin1();
    result.body = request.body();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    for (const auto &header : request.headers().toListOfPairs())
        result.headers.append({ header.first, header.second });
#else
    for (const auto &header : request.headers())
        result.headers.append({ header.first, header.second });
#endif
    return result;
}

QHttpServerResponse toResponse(const Reply &reply)
{
    QHttpServerResponse response(reply.contentType, reply.body,
                                 static_cast<QHttpServerResponse::StatusCode>(reply.status));
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers = response.headers();
    for (const auto &header : reply.headers)
        headers.append(header.first, header.second);
    response.setHeaders(std::move(headers));
#else
    for (const auto &header : reply.headers)
        response.addHeader(header.first, header.second);
#endif
    return response;
}

Reply notFound(const QString &path)
{
    if (path.startsWith(u"/api/"))
        return TableEndpoint::failure(404, u"Requested URI does not represent any resource"_s, QString());
    return Reply::html(
        404,
        "<!DOCTYPE html><html lang=\"en\"><head><title>Not found</title></head>"
        "<body><h1>Not found</h1><p>This sandbox instance has no such page.</p></body></html>\n"_ba);
}

} // namespace

SandboxServer::SandboxServer(Registry registry, QObject *parent)
    : QObject(parent)
    , m_registry(std::move(registry))
    , m_data(std::make_unique<IncidentTable>(m_registry.users))
    , m_store(std::make_unique<OAuthStore>())
    , m_authorize(std::make_unique<AuthorizeEndpoint>(m_registry, *m_store, [this] { return issuer(); }))
    , m_token(std::make_unique<TokenEndpoint>(m_registry, *m_store))
    , m_table(std::make_unique<TableEndpoint>(m_registry, *m_store, *m_data, [this] { return issuer(); }))
    , m_http(new QHttpServer(this))
{
    auto entry = [this](const QHttpServerRequest &request) {
        return respond(request);
    };
    for (const QString &path : { u"/oauth_auth.do"_s, u"/oauth_login.do"_s, u"/oauth_consent.do"_s,
                                 u"/oauth_token.do"_s, u"/oauth_revoke_token.do"_s })
        m_http->route(path, entry);
    for (const QString &prefix : { u"/api/now/table/"_s, u"/api/now/v1/table/"_s, u"/api/now/v2/table/"_s }) {
        m_http->route(prefix + u"<arg>"_s, [this](const QString &, const QHttpServerRequest &request) {
            return respond(request);
        });
        m_http->route(prefix + u"<arg>/<arg>"_s,
                      [this](const QString &, const QString &, const QHttpServerRequest &request) {
                          return respond(request);
                      });
    }
    // Everything the routes above do not match still goes through dispatch(), which answers 404.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_http->setMissingHandler(this,
                              [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                                  responder.sendResponse(respond(request));
                              });
#else
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        respond(request).write(std::move(responder));
    });
#endif
}

SandboxServer::~SandboxServer()
{
    flushState();
}

bool SandboxServer::useStateFile(const QString &path, QString *message)
{
    constexpr qint64 maxStateFileBytes = 256 * 1024 * 1024;
    message->clear();
    m_statePath = path;
    if (!m_saveTimer) {
        m_saveTimer = new QTimer(this);
        m_saveTimer->setSingleShot(true);
        m_saveTimer->setInterval(100);
        connect(m_saveTimer, &QTimer::timeout, this, &SandboxServer::saveState);
        m_store->setTokensChanged([this] { m_saveTimer->start(); });
    }
    QString problem;
    const QFileInfo info(path);
    if (info.exists() && (!info.isFile() || info.size() > maxStateFileBytes)) {
        problem = info.isFile() ? u"larger than %1 MiB"_s.arg(maxStateFileBytes / (1024 * 1024))
                                : u"not a file"_s;
    } else {
        QByteArray data;
        const auto status = AtomicFile::read(path, &data, &problem);
        if (status == AtomicFile::ReadStatus::Missing)
            return true;
        if (status == AtomicFile::ReadStatus::Ok && m_store->loadTokens(data, &problem))
            return true;
    }
    QString error;
    const QString aside = AtomicFile::setAside(path, &error);
    if (aside.isEmpty()) {
        *message = u"The state file %1 cannot be used (%2) nor set aside (%3)."_s.arg(path, problem, error);
        m_statePath.clear();
        return false;
    }
    *message = u"The state file %1 could not be used (%2); it was set aside as %3 and the sandbox starts "
               u"with no tokens."_s.arg(path, problem, aside);
    return true;
}

void SandboxServer::flushState()
{
    if (m_saveTimer && m_saveTimer->isActive()) {
        m_saveTimer->stop();
        saveState();
    }
}

void SandboxServer::saveState()
{
    if (m_statePath.isEmpty())
        return;
    const QString error = AtomicFile::write(m_statePath, m_store->saveTokens());
    if (!error.isEmpty())
        qCWarning(lcSandbox).noquote() << "cannot save the sandbox state:" << error;
}

bool SandboxServer::listen(quint16 port)
{
    if (m_port != 0) {
        m_error = u"The sandbox instance is already listening on port %1."_s.arg(m_port);
        return false;
    }
    auto *tcp = new ConnectionGuard(m_limits, this);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        m_error = u"Cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!m_http->bind(tcp)) {
        m_error = u"Cannot serve HTTP on 127.0.0.1:%1."_s.arg(port);
        delete tcp;
        return false;
    }
#else
    m_http->bind(tcp);
#endif
    m_port = tcp->serverPort();
    m_guard = tcp;
    m_error.clear();
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    if (m_port == 0)
        return QUrl();
    return QUrl(issuer());
}

QString SandboxServer::issuer() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

QString SandboxServer::errorString() const
{
    return m_error;
}

void SandboxServer::setConnectionLimits(const ConnectionGuard::Limits &limits)
{
    m_limits = limits;
}

void SandboxServer::setRequestLogging(bool on)
{
    m_logging = on;
}

const Registry &SandboxServer::registry() const
{
    return m_registry;
}

void SandboxServer::setClockForTesting(std::function<QDateTime()> clock)
{
    m_store->setClock(std::move(clock));
}

QHttpServerResponse SandboxServer::respond(const QHttpServerRequest &request)
{
    const Request converted = toRequest(request);
    const Reply reply = dispatch(converted);
    if (m_logging) {
        // The path only: queries and bodies carry codes, tokens and passwords.
        qCInfo(lcSandbox).noquote() << QString::fromLatin1(converted.method)
                                    << request.url().path(QUrl::FullyEncoded) << reply.status;
    }
    return toResponse(reply);
}

Reply SandboxServer::dispatch(const Request &request)
{
    // The connection guard refuses larger bodies while they arrive; this is a second line.
    if (request.body.size() > m_limits.request.body) {
        return TableEndpoint::failure(
            413, u"Request body too large"_s,
            u"The sandbox instance accepts bodies up to %1 bytes."_s.arg(m_limits.request.body));
    }
    const QString &path = request.path;
    if (path == u"/oauth_auth.do")
        return m_authorize->authorize(request);
    if (path == u"/oauth_login.do")
        return m_authorize->login(request);
    if (path == u"/oauth_consent.do")
        return m_authorize->consent(request);
    if (path == u"/oauth_token.do")
        return m_token->token(request);
    if (path == u"/oauth_revoke_token.do")
        return m_token->revoke(request);

    static const QRegularExpression tablePath(u"^/api/now/(?:v[12]/)?table/([^/]+)(?:/([^/]+))?$"_s);
    const QRegularExpressionMatch match = tablePath.match(path);
    if (match.hasMatch())
        return m_table->handle(request, match.captured(1), match.captured(2));
    return notFound(path);
}

} // namespace Postern::Sandbox
