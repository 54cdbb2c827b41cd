#include "http/httpcall.h"

#include "base/httpvalidation.h"
#include "base/logging.h"
#include "http/requestbody.h"

#include <QCoreApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryFile>
#ifndef QT_NO_SSL
#include <QSslError>
#endif

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString transportMessage(QNetworkReply::NetworkError error, const QUrl &url, const QString &qtText)
{
    const QString host = url.host();
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return HttpCall::tr("Could not resolve host “%1”. Check the URL and your network connection.")
            .arg(host);
    case QNetworkReply::ConnectionRefusedError:
        return HttpCall::tr("Connection refused by %1:%2. Is the server running?")
            .arg(host, QString::number(url.port(url.scheme() == u"https"_s ? 443 : 80)));
    case QNetworkReply::RemoteHostClosedError:
        return HttpCall::tr("The server closed the connection before answering.");
    case QNetworkReply::TimeoutError:
        return HttpCall::tr("The connection to %1 timed out.").arg(host);
    case QNetworkReply::TooManyRedirectsError:
        return HttpCall::tr("Too many redirects.");
    case QNetworkReply::InsecureRedirectError:
        return HttpCall::tr("The server redirected from https to plain http; the redirect was not followed.");
    case QNetworkReply::ProtocolUnknownError:
        return HttpCall::tr("The URL's scheme is not supported.");
    default:
        return HttpCall::tr("The request failed: %1").arg(qtText);
    }
}

HttpResponse::Error classify(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return HttpResponse::Error::HostNotFound;
    case QNetworkReply::ConnectionRefusedError:
        return HttpResponse::Error::ConnectionRefused;
    case QNetworkReply::TimeoutError:
        return HttpResponse::Error::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return HttpResponse::Error::Tls;
    default:
        return HttpResponse::Error::Network;
    }
}

// Where a request goes, for logs: scheme, host and path. The query may carry secrets.
QString logUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    auto port = [](const QUrl &u) {
        return u.port(u.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

const QByteArrayView credentialHeaders[] = { "Authorization", "Cookie", "Proxy-Authorization" };

constexpr int maxRedirects = 10;

} // namespace

HttpCall::HttpCall(const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_maxBodySize(limits.maxBodySize)
    , m_maxFileBodySize(qMax(limits.maxFileBodySize, limits.maxBodySize))
    , m_spoolOver(limits.spoolThreshold > 0 && limits.maxFileBodySize > 0
                      ? qMin(limits.spoolThreshold, limits.maxBodySize)
                      : limits.maxBodySize)
    , m_spoolDirectory(limits.spoolDirectory.isEmpty() ? QDir::tempPath() : limits.spoolDirectory)
{
    m_timeout.setSingleShot(true);
    m_timeout.setTimerType(Qt::PreciseTimer);
    m_progress.setSingleShot(true);
    m_progress.setInterval(100);
    connect(&m_progress, &QTimer::timeout, this, [this] {
        if (m_progressPending)
            reportProgress();
    });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

HttpCall::~HttpCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

KeyValueList HttpCall::headersSent(const HttpRequest &request, Host host)
{
    KeyValueList headers;
    if (host == Host::Included) {
        const QUrl url(request.effectiveUrl());
        QString authority = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
        if (url.port() != -1)
            authority += u':' + QString::number(url.port());
        if (!authority.isEmpty())
            headers.append(KeyValue { u"Host"_s, authority, true, QString() });
    }
    headers.append(KeyValue { u"User-Agent"_s, u"Postern/"_s + QCoreApplication::applicationVersion(), true,
                              QString() });
    headers.append(KeyValue { u"Accept"_s, u"*/*"_s, true, QString() });
    for (const KeyValue &header : request.effectiveHeaders()) {
        auto same = std::find_if(headers.begin(), headers.end(), [&](const KeyValue &existing) {
            return existing.key.compare(header.key, Qt::CaseInsensitive) == 0;
        });
        if (same != headers.end())
            same->value = header.value;
        else
            headers.append(header);
    }
    return headers;
}

void HttpCall::cancel()
{
    if (m_finished || m_canceled)
        return;
    m_canceled = true;
    if (m_reply)
        m_reply->abort();
}

void HttpCall::failBeforeSending(HttpResponse::Error error, const QString &message)
{
    m_response.error = error;
    m_response.errorMessage = message;
    // Asynchronously, so that the caller of send() can connect to finished() first.
    QMetaObject::invokeMethod(this, &HttpCall::finish, Qt::QueuedConnection);
}

void HttpCall::start(QNetworkAccessManager *manager, const HttpRequest &request)
{
    m_clock.start();
    if (const QStringList problems = request.problems(); !problems.isEmpty()) {
        failBeforeSending(HttpResponse::Error::InvalidRequest, problems.join(u'\n'));
        return;
    }
    QUrl url;
    HttpValidation::urlError(request.effectiveUrl(), &url);
    m_response.url = url;

    QNetworkRequest networkRequest(url);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // The request carries its own Authorization header; Qt must not add cached credentials.
    networkRequest.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                request.followRedirects ? QNetworkRequest::UserVerifiedRedirectPolicy
                                                        : QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setMaximumRedirectsAllowed(maxRedirects);
    for (const KeyValue &header : headersSent(request))
        networkRequest.setRawHeader(header.key.toLatin1(), header.value.toUtf8());

    const QByteArray method = request.method.trimmed().toUpper().toLatin1();
    QByteArray body;
    if (HttpRequest::methodCarriesBody(request.method)) {
        // Files are read here, at send time: one that vanished since problems() looked is caught too.
        const WireBody wire = RequestBody::encode(request);
        if (!wire.ok()) {
            failBeforeSending(HttpResponse::Error::InvalidRequest, wire.error);
            return;
        }
        body = wire.bytes;
        if (!wire.contentType.isEmpty()) // the real multipart boundary instead of the placeholder
            networkRequest.setRawHeader("Content-Type", wire.contentType.toUtf8());
    }
    m_method = method;
    m_body = body;
    qCDebug(lcNet) << "sending" << method << logUrl(url) << "body bytes:" << body.size();

    m_manager = manager;
    m_verifyTls = request.verifyTls;
    if (!request.bodyToFileAllowed) {
        m_maxFileBodySize = m_maxBodySize;
        m_spoolOver = m_maxBodySize;
    }
    startReply(networkRequest, method, body);
    if (request.timeoutMs > 0)
        m_timeout.start(request.timeoutMs);
}

void HttpCall::startReply(const QNetworkRequest &networkRequest, const QByteArray &method,
                          const QByteArray &body)
{
    // No upload device where there is nothing to upload: with an empty one Qt 6.4 never reports
    // requestSent (and a GET needs no Content-Length). POST, PUT and PATCH keep theirs: an empty body
    // still goes out as Content-Length: 0.
    const bool bodyExpected = method == "POST" || method == "PUT" || method == "PATCH";
    m_reply = body.isEmpty() && !bodyExpected
        ? m_manager->sendCustomRequest(networkRequest, method, static_cast<QIODevice *>(nullptr))
        : m_manager->sendCustomRequest(networkRequest, method, body);
    connect(m_reply, &QNetworkReply::redirected, this, &HttpCall::onRedirected);
    // Qt's network thread reads ahead of the window's at most this much (its default has no bound: a
    // window busy for a moment then found tens of megabytes to take in at once).
    m_reply->setReadBufferSize(ReadAhead);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
    // The phases, as Qt reports them; the first report of each counts.
    const auto mark = [this](double HttpTimings::*moment) {
        return [this, moment] {
            if (m_response.timings.*moment < 0)
                m_response.timings.*moment = now();
        };
    };
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, mark(&HttpTimings::connectStarted));
    connect(m_reply, &QNetworkReply::requestSent, this, mark(&HttpTimings::requestSent));
    connect(m_reply, &QNetworkReply::metaDataChanged, this, mark(&HttpTimings::headersReceived));
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpCall::onMetaDataChanged);
#ifndef QT_NO_SSL
    connect(m_reply, &QNetworkReply::encrypted, this, mark(&HttpTimings::encrypted));
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this, verify = m_verifyTls](const QList<QSslError> &errors) {
                for (const QSslError &error : errors)
                    m_tlsErrors.append(error.errorString());
                if (!verify && m_reply)
                    m_reply->ignoreSslErrors();
            });
#endif
}

void HttpCall::onRedirected(const QUrl &target)
{
    if (!m_reply)
        return;
    const QUrl from = m_reply->request().url(); // url() may already be the target here
    if (from.scheme() == u"https"_s && target.scheme() != u"https"_s) {
        m_response.error = HttpResponse::Error::Network;
        m_response.errorMessage
            = tr("The server redirected from https to plain http (%1); the redirect was not followed.")
                  .arg(logUrl(target));
        m_redirectRefused = true;
        m_reply->abort();
        return;
    }
    const QNetworkRequest current = m_reply->request();
    bool carriesCredentials = false;
    for (const QByteArrayView name : credentialHeaders)
        carriesCredentials = carriesCredentials || current.hasRawHeader(name.toByteArray());
    if (sameOrigin(from, target) || !carriesCredentials) {
        beginHop();
        Q_EMIT m_reply->redirectAllowed();
        return;
    }
    // Another origin: send it again there without the credentials.
    if (++m_redirects > maxRedirects) {
        m_response.error = HttpResponse::Error::Network;
        m_response.errorMessage = tr("Too many redirects.");
        m_redirectRefused = true;
        m_reply->abort();
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray method = current.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    if (method.isEmpty())
        method = m_method;
    QByteArray body = m_body;
    // RFC 9110 §15.4: 303 always, and 301/302 after a POST as every client does, become a GET without body.
    if (status == 303 || ((status == 301 || status == 302) && method == "POST")) {
        method = "GET";
        body.clear();
    }
    QNetworkRequest next(target);
    for (const QNetworkRequest::Attribute attribute :
         { QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::CacheSaveControlAttribute,
           QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::RedirectPolicyAttribute }) {
        next.setAttribute(attribute, current.attribute(attribute));
    }
    next.setMaximumRedirectsAllowed(current.maximumRedirectsAllowed());
    next.setSslConfiguration(current.sslConfiguration());
    const QList<QByteArray> names = current.rawHeaderList();
    for (const QByteArray &name : names) {
        bool credential = false;
        for (const QByteArrayView c : credentialHeaders)
            credential = credential || name.compare(c, Qt::CaseInsensitive) == 0;
        // Content-Length is Qt's to write for the body that goes now (the one of a POST turned GET
        // would make the server wait for bytes that never come).
        const bool length = name.compare("content-length", Qt::CaseInsensitive) == 0;
        if (!credential && !length
            && !(body.isEmpty() && name.compare("content-type", Qt::CaseInsensitive) == 0))
            next.setRawHeader(name, current.rawHeader(name));
    }
    qCInfo(lcNet) << "redirect to another origin; sending again without credentials:" << logUrl(target);
    QNetworkReply *old = m_reply;
    old->disconnect(this);
    old->abort();
    old->deleteLater();
    m_response.body.clear();
    m_spool.reset();
    m_spooled = 0;
    beginHop();
    startReply(next, method, body);
}

void HttpCall::beginHop()
{
    HttpTimings &timings = m_response.timings;
    timings = HttpTimings { -1, -1, -1, -1, -1, now(), timings.redirects + 1 };
}

void HttpCall::onMetaDataChanged()
{
    if (!m_reply || m_tooLarge)
        return;
    bool known = false;
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (!known || length <= 0)
        return;
    // An answer that says it is too large ends now, not after the limit's worth has been read.
    if (length > m_maxFileBodySize) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    if (length > m_spoolOver) {
        if (!m_spool && !startSpool())
            m_reply->abort();
        return;
    }
    // The body is read into one buffer of the announced size (of its compressed form, when it is
    // compressed): no copy of everything read so far each time the buffer would have grown, which on a
    // big answer held the window's thread for long stretches.
    m_response.body.reserve(qsizetype(qMin<qint64>(length, MaxReservedBody)));
}

void HttpCall::onReadyRead()
{
    if (!m_drainQueued) // else the queued drain reads it, a slice a turn
        drain();
}

void HttpCall::drain()
{
    m_drainQueued = false;
    if (!m_reply)
        return;
    if (!m_tooLarge && m_spoolError.isEmpty() && m_reply->isOpen() && m_reply->bytesAvailable() > 0) {
        readSlice();
        // The rest after the window's next turn: a big answer is taken in a few megabytes at a time.
        if (m_reply && m_reply->isOpen() && m_reply->bytesAvailable() > 0 && !m_tooLarge
            && m_spoolError.isEmpty()) {
            if (!m_drainQueued) {
                m_drainQueued = true;
                QMetaObject::invokeMethod(this, &HttpCall::drain, Qt::QueuedConnection);
            }
            return;
        }
    }
    if (m_replyFinished)
        completeReply();
}

void HttpCall::readSlice()
{
    const qint64 available = m_reply->bytesAvailable();
    if (received() + available > m_maxFileBodySize) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    if (!m_spool && received() + available > m_spoolOver && !startSpool()) {
        m_reply->abort();
        return;
    }
    const qint64 slice = qMin(available, ReadSlice);
    if (m_spool) {
        const QByteArray chunk = m_reply->read(slice);
        if (!spool(chunk.constData(), chunk.size()))
            m_reply->abort();
    } else {
        QByteArray &body = m_response.body;
        const qsizetype before = body.size();
        body.resize(before + qsizetype(slice));
        const qint64 read = m_reply->read(body.data() + before, slice);
        body.resize(before + qsizetype(qMax<qint64>(0, read)));
    }
    // Qt's own downloadProgress is held back for 150 ms after the request starts and then waits for the
    // next bytes: an answer that stalls after its first megabyte would show nothing.
    if (m_progress.isActive())
        m_progressPending = true;
    else
        reportProgress();
}

void HttpCall::reportProgress()
{
    m_progressPending = false;
    qint64 total = -1;
    if (m_reply) {
        bool known = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        total = known ? length : -1;
    }
    Q_EMIT progress(received(), total);
    m_progress.start();
}

qint64 HttpCall::received() const
{
    return m_spool ? m_spooled : m_response.body.size();
}

bool HttpCall::startSpool()
{
    QDir().mkpath(m_spoolDirectory);
    m_spool = std::make_unique<QTemporaryFile>(QDir(m_spoolDirectory).filePath(u"postern-body-XXXXXX"_s));
    if (!m_spool->open()) {
        m_spoolError = m_spool->errorString();
        m_spool.reset();
        return false;
    }
    qCDebug(lcNet) << "body over" << m_spoolOver << "bytes: kept in a temporary file";
    const QByteArray sofar = std::exchange(m_response.body, QByteArray());
    return spool(sofar.constData(), sofar.size());
}

bool HttpCall::spool(const char *data, qint64 size)
{
    if (size <= 0)
        return true;
    if (m_spool->write(data, size) != size) {
        m_spoolError = m_spool->errorString();
        return false;
    }
    m_spooled += size;
    return true;
}

void HttpCall::onReplyFinished()
{
    if (!m_reply || m_replyFinished)
        return;
    m_timeout.stop();
    m_response.timings.finished = now();
    m_replyFinished = true;
    drain(); // what is left, then completeReply()
}

void HttpCall::completeReply()
{
    if (!m_reply)
        return; // completed already (an abort inside a read finishes the reply there and then)
    m_progress.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_spool && m_spoolError.isEmpty() && !m_spool->flush())
        m_spoolError = m_spool->errorString();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    if (m_redirectRefused) {
        // the message is already in m_response
    } else if (m_canceled) {
        m_response.error = HttpResponse::Error::Canceled;
        m_response.errorMessage = tr("The request was canceled.");
    } else if (m_timedOut) {
        m_response.error = HttpResponse::Error::Timeout;
        m_response.errorMessage = tr("No answer within %1 ms: the request timed out. "
                                     "The timeout can be changed in the request's Settings tab.")
                                      .arg(m_timeout.interval());
    } else if (m_tooLarge) {
        m_response.error = HttpResponse::Error::TooLarge;
        m_response.errorMessage = tr("The answer is larger than %1 MiB; it was not read to the end.")
                                      .arg(m_maxFileBodySize >> 20);
    } else if (!m_spoolError.isEmpty()) {
        m_response.error = HttpResponse::Error::TooLarge;
        m_response.errorMessage
            = tr("The answer is larger than %1 MiB and could not be kept in a temporary file: %2")
                  .arg(m_spoolOver >> 20)
                  .arg(m_spoolError);
    } else if (!m_tlsErrors.isEmpty() && error != QNetworkReply::NoError && !status.isValid()) {
        m_response.error = HttpResponse::Error::Tls;
        m_response.errorMessage
            = tr("TLS error: %1. The connection was refused; turn off certificate "
                 "verification in the request's Settings tab only if you trust this server.")
                  .arg(m_tlsErrors.join(u"; "_s));
    } else if (error != QNetworkReply::NoError && !status.isValid()) {
        m_response.error = classify(error);
        m_response.errorMessage = transportMessage(error, m_response.url, reply->errorString());
    }

    if (status.isValid() && m_response.error == HttpResponse::Error::None) {
        m_response.statusCode = status.toInt();
        m_response.reasonPhrase
            = QString::fromLatin1(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        m_response.headers = reply->rawHeaderPairs();
        m_response.url = reply->url();
    } else if (m_response.error != HttpResponse::Error::None) {
        m_response.body.clear();
    }
    if (m_spool) {
        // The file outlives the call, with the responses that hold it; a failed call's goes now.
        if (m_response.error == HttpResponse::Error::None) {
            m_spool->setAutoRemove(false);
            const QString path = m_spool->fileName();
            m_spool->close();
            // Within the memory limit it is read from the file, mapped; over it, only saved.
            const auto access
                = m_spooled <= m_maxBodySize ? SpooledBody::Access::Mapped : SpooledBody::Access::SaveOnly;
            m_response.bodyFile = std::make_shared<const SpooledBody>(path, m_spooled, access);
            m_response.body = m_response.bodyFile->bytes();
            if (access == SpooledBody::Access::Mapped && m_response.body.isEmpty())
                qCWarning(lcNet) << "a body kept in a file could not be mapped:"
                                 << m_response.bodyFile->mapError();
        }
        m_spool.reset();
    }
    // From the event loop, also when abort() finished the reply inside cancel().
    QMetaObject::invokeMethod(this, &HttpCall::finish, Qt::QueuedConnection);
}

void HttpCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_response.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    qCDebug(lcNet) << "finished" << logUrl(m_response.url) << "status" << m_response.statusCode << "bytes"
                   << m_response.bodySize() << "error" << int(m_response.error);
    // Given away: a body kept in a file goes with the last response that holds it, not with this call.
    const HttpResponse response = std::exchange(m_response, HttpResponse());
    Q_EMIT finished(response);
    deleteLater();
}

} // namespace Postern
