#include "tokentools/discovery.h"

#include "base/logging.h"
#include "http/httpcall.h"
#include "http/httpclient.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

const QString OidcSuffix = u"/.well-known/openid-configuration"_s;
const QString OAuthPrefix = u"/.well-known/oauth-authorization-server"_s;

QString display(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

} // namespace

Discovery::Discovery(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_client(new HttpClient(manager, this))
{
    m_client->setMaxBodySize(MaxDocumentSize);
}

Discovery::~Discovery()
{
    if (m_call)
        m_call->disconnect(this);
}

Discovery::Plan Discovery::plan(const QString &issuerOrMetadataUrl)
{
    Plan plan;
    const QString input = issuerOrMetadataUrl.trimmed();
    plan.issuer = input;
    const QUrl url(input, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (input.isEmpty() || !url.isValid() || (scheme != u"https"_s && scheme != u"http"_s)
        || url.host().isEmpty()) {
        plan.error
            = tr("Enter the issuer as an absolute https URL, e.g. https://login.example.com/realms/main.");
        return plan;
    }
    if (url.hasQuery() || url.hasFragment()) {
        plan.error = tr("An issuer has no query (?…) or fragment (#…) (RFC 8414 §2).");
        return plan;
    }
    if (!url.userInfo().isEmpty()) {
        plan.error = tr("An issuer has no user name or password in it.");
        return plan;
    }

    const QUrl origin = url.adjusted(QUrl::RemovePath);
    const QString originText = origin.toString(QUrl::FullyEncoded);
    const QString path = url.path(QUrl::FullyEncoded);
    const auto at = [&origin](const QString &newPath) {
        QUrl result = origin;
        result.setPath(newPath, QUrl::TolerantMode);
        return result;
    };

    // A metadata URL pasted in place of the issuer: ask only it, for the issuer it implies.
    if (path.endsWith(OidcSuffix)) {
        plan.issuer = originText + path.chopped(OidcSuffix.size());
        plan.urls = { url };
        return plan;
    }
    if (path == OAuthPrefix || path.startsWith(OAuthPrefix + u'/')) {
        plan.issuer = originText + path.mid(OAuthPrefix.size());
        plan.urls = { url };
        return plan;
    }

    // OIDC Discovery §4.1 and RFC 8414 §3.1: a terminating "/" is removed before the well-known
    // part is appended (OIDC) or inserted between host and path (RFC 8414).
    QString trimmedPath = path;
    while (trimmedPath.endsWith(u'/'))
        trimmedPath.chop(1);
    plan.urls = { at(trimmedPath + OidcSuffix), at(OAuthPrefix + trimmedPath) };
    return plan;
}

void Discovery::discover(const QString &issuer)
{
    if (m_running)
        cancel();
    m_running = true;
    m_plan = plan(issuer);
    m_next = 0;
    m_attempts.clear();
    m_softFailures.clear();
    qCDebug(lcAuth) << "discovering metadata, candidate URLs:" << m_plan.urls.size();
    if (!m_plan.error.isEmpty()) {
        DiscoveryResult result;
        result.requestedIssuer = m_plan.issuer;
        result.error = m_plan.error;
        // After discover() has returned, so that the caller can connect first.
        QMetaObject::invokeMethod(
            this, [this, result] { finish(result); }, Qt::QueuedConnection);
        return;
    }
    tryNext();
}

void Discovery::cancel()
{
    if (!m_running)
        return;
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call = nullptr;
    }
    DiscoveryResult result;
    result.requestedIssuer = m_plan.issuer;
    result.attempts = m_attempts;
    result.error = tr("Canceled.");
    finish(result);
}

void Discovery::tryNext()
{
    if (m_next >= m_plan.urls.size()) {
        DiscoveryResult result;
        result.requestedIssuer = m_plan.issuer;
        result.attempts = m_attempts;
        result.error = tr("No authorization server metadata found for “%1”. %2 Enter the Auth URL "
                          "and Access Token URL by hand, or check the issuer.")
                           .arg(m_plan.issuer, m_softFailures.join(u' '));
        finish(result);
        return;
    }
    const QUrl url = m_plan.urls.at(m_next++);
    HttpRequest request;
    request.url = url.toString(QUrl::FullyEncoded);
    request.headers = { KeyValue { u"Accept"_s, u"application/json"_s, true, QString() } };
    request.timeoutMs = m_timeout;
    request.followRedirects = true;
    m_call = m_client->send(request);
    connect(m_call, &HttpCall::finished, this, &Discovery::onAnswer);
}

void Discovery::onAnswer(const HttpResponse &response)
{
    m_call = nullptr;
    const QUrl url = m_plan.urls.at(m_next - 1);
    DiscoveryResult result;
    result.requestedIssuer = m_plan.issuer;

    if (response.error != HttpResponse::Error::None) {
        QString message;
        switch (response.error) {
        case HttpResponse::Error::Timeout:
            message = tr("No answer from %1 within %2 s; the server did not respond.")
                          .arg(display(url))
                          .arg(m_timeout / 1000.0);
            m_attempts << tr("%1 → no answer").arg(display(url));
            break;
        case HttpResponse::Error::TooLarge:
            message
                = tr("The answer from %1 is larger than %2 MiB; metadata is a few KiB, so it was refused.")
                      .arg(display(url))
                      .arg(MaxDocumentSize >> 20);
            m_attempts << tr("%1 → too large").arg(display(url));
            break;
        default:
            message = tr("Could not fetch %1: %2").arg(display(url), response.errorMessage);
            m_attempts << display(url) + u" \u2192 "_s + response.errorMessage;
            break;
        }
        result.attempts = m_attempts;
        result.error = message;
        finish(result);
        return;
    }

    if (response.statusCode != 200) {
        m_attempts << display(url) + u" \u2192 HTTP %1"_s.arg(response.statusCode);
        m_softFailures << tr("%1 answered HTTP %2.").arg(display(url)).arg(response.statusCode);
        tryNext();
        return;
    }

    result = DiscoveryResult::fromDocument(response.body, m_plan.issuer, url);
    result.requestedIssuer = m_plan.issuer;
    if (!result.ok() && result.raw.isEmpty()) {
        // Not a JSON object (often an HTML page from a catch-all route): maybe the other URL has it.
        m_attempts << tr("%1 → HTTP 200, not JSON metadata").arg(display(url));
        m_softFailures << result.error;
        tryNext();
        return;
    }
    m_attempts << (result.ok() ? tr("%1 → metadata") : tr("%1 → refused")).arg(display(url));
    result.attempts = m_attempts;
    finish(result);
}

void Discovery::finish(DiscoveryResult result)
{
    if (!m_running)
        return;
    m_running = false;
    qCDebug(lcAuth) << "discovery finished, ok:" << result.ok() << "attempts:" << result.attempts.size();
    Q_EMIT finished(result);
}

} // namespace Postern
