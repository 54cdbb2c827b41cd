#include "oauth/tokenendpointjob.h"

#include "base/logging.h"
#include "oauth/oauth2replyhandler.h"
#include "tokentools/dpop.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// A token or revocation answer is a few hundred bytes; anything much larger is not one.
constexpr qint64 maxAnswerSize = 1024 * 1024;

// Server text is shown as plain text, cut to a readable size.
QString replyExcerpt(const QString &text, int max = 200)
{
    QString simplified = text.simplified();
    if (simplified.size() > max)
        simplified = simplified.left(max) + u'\u2026';
    return simplified;
}

QString origin(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

int portOf(const QUrl &url)
{
    return url.port(url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && portOf(a) == portOf(b);
}

// What the endpoint is called in messages; tr() gives it in the user's language, logs take it as it is.
const char *endpointNoun(TokenEndpointJob::Kind kind)
{
    switch (kind) {
    case TokenEndpointJob::Kind::Revocation:
        return QT_TRANSLATE_NOOP("Postern::TokenEndpointJob", "revocation endpoint");
    case TokenEndpointJob::Kind::DeviceAuthorization:
        return QT_TRANSLATE_NOOP("Postern::TokenEndpointJob", "device authorization endpoint");
    case TokenEndpointJob::Kind::PushedAuthorization:
        return QT_TRANSLATE_NOOP("Postern::TokenEndpointJob", "PAR endpoint");
    case TokenEndpointJob::Kind::Introspection:
        return QT_TRANSLATE_NOOP("Postern::TokenEndpointJob", "introspection endpoint");
    default:
        return QT_TRANSLATE_NOOP("Postern::TokenEndpointJob", "token endpoint");
    }
}

const char *kindName(TokenEndpointJob::Kind kind)
{
    switch (kind) {
    case TokenEndpointJob::Kind::PasswordGrant:
        return "password grant";
    case TokenEndpointJob::Kind::ClientCredentialsGrant:
        return "client credentials grant";
    case TokenEndpointJob::Kind::Refresh:
        return "refresh";
    case TokenEndpointJob::Kind::Revocation:
        return "revocation";
    case TokenEndpointJob::Kind::DeviceAuthorization:
        return "device authorization";
    case TokenEndpointJob::Kind::DeviceCodeGrant:
        return "device code grant";
    case TokenEndpointJob::Kind::PushedAuthorization:
        return "pushed authorization request";
    case TokenEndpointJob::Kind::Introspection:
        return "introspection";
    case TokenEndpointJob::Kind::JwtBearerGrant:
        return "JWT bearer grant";
    }
    return "";
}

// ": description" without a final period, for a sentence that goes on after it.
QString saidPart(const QString &description)
{
    QString said = replyExcerpt(description);
    while (said.endsWith(u'.'))
        said.chop(1);
    return said.isEmpty() ? QString() : u": "_s + said;
}

QString seconds(int milliseconds)
{
    return TokenEndpointJob::tr("%1 s").arg(QString::number(milliseconds / 1000.0, 'g', 4));
}

// What invalid_grant means depends on what was presented (RFC 6749 §5.2).
QString invalidGrantHint(TokenEndpointJob::Kind kind)
{
    switch (kind) {
    case TokenEndpointJob::Kind::PasswordGrant:
        return TokenEndpointJob::tr("The user name or password was refused.");
    case TokenEndpointJob::Kind::Refresh:
        return TokenEndpointJob::tr(
            "The refresh token was refused (expired, revoked or already used): sign in again to get a "
            "new "
            "token.");
    case TokenEndpointJob::Kind::DeviceCodeGrant:
        return TokenEndpointJob::tr(
            "The device code was refused (unknown, or already used): get a new code.");
    case TokenEndpointJob::Kind::JwtBearerGrant:
        return TokenEndpointJob::tr(
            "The assertion was refused: check the key the server knows, the issuer, subject and "
            "audience, and the clocks (an assertion lives five minutes).");
    case TokenEndpointJob::Kind::ClientCredentialsGrant:
        return TokenEndpointJob::tr(
            "The grant was refused. A server that binds tokens to a client certificate (RFC 8705) "
            "refuses a request that presents none: check that one is set for its host.");
    case TokenEndpointJob::Kind::Revocation:
    case TokenEndpointJob::Kind::DeviceAuthorization:
    case TokenEndpointJob::Kind::PushedAuthorization:
    case TokenEndpointJob::Kind::Introspection:
        break;
    }
    return TokenEndpointJob::tr("The grant was refused.");
}

} // namespace

TokenEndpointJob::TokenEndpointJob(Kind kind, const OAuth2Token &tokenTemplate, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_template(tokenTemplate)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TokenEndpointJob::onTimeout);
}

TokenEndpointJob::~TokenEndpointJob()
{
    abortReply();
}

void TokenEndpointJob::start(QNetworkAccessManager *network, const QNetworkRequest &request,
                             const FormFields &fields, int timeoutMs, const QString &problem)
{
    m_endpoint = request.url();
    if (!problem.isEmpty() || !network) {
        const QString why = problem.isEmpty() ? tr("No network access manager was given.") : problem;
        QMetaObject::invokeMethod(
            this,
            [this, why] { finish(OAuth2Result::failed(OAuth2Result::Failure::InvalidConfiguration, why)); },
            Qt::QueuedConnection);
        return;
    }
    m_network = network;
    m_request = request;
    m_fields = fields;
    m_timer.start(timeoutMs);
    send();
}

void TokenEndpointJob::useDpop(const SigningKey &key, std::function<void(FormFields *)> renewAssertions)
{
    m_dpopKey = key;
    m_renewAssertions = std::move(renewAssertions);
}

void TokenEndpointJob::send()
{
    if (!m_dpopKey.isNull()) {
        QString error;
        const QString proof
            = Dpop::proof(m_dpopKey, "POST", m_endpoint, QString(), Dpop::nonceFor(m_endpoint), &error);
        if (proof.isEmpty()) {
            finish(OAuth2Result::failed(OAuth2Result::Failure::InvalidConfiguration,
                                        tr("No DPoP proof could be made: %1").arg(error)));
            return;
        }
        m_request.setRawHeader("DPoP", proof.toLatin1());
    }
    const QByteArray body = FormUrlEncoded::encode(m_fields);
    qCInfo(lcAuth).noquote() << kindName(m_kind) << "request to" << origin(m_endpoint)
                             << "body bytes:" << body.size()
                             << (m_dpopKey.isNull() ? "" : "with a DPoP proof");
    m_reply = m_network->post(m_request, body);
    connect(m_reply, &QNetworkReply::redirected, this, &TokenEndpointJob::onRedirected);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if ((received > maxAnswerSize || total > maxAnswerSize) && m_reply && !m_tooLarge) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &TokenEndpointJob::onReplyFinished);
    if (m_reply->isFinished())
        QMetaObject::invokeMethod(this, &TokenEndpointJob::onReplyFinished, Qt::QueuedConnection);
}

bool TokenEndpointJob::asksForDpopNonce(int status, const QByteArray &body) const
{
    if (m_dpopKey.isNull() || (status != 400 && status != 401))
        return false;
    return QJsonDocument::fromJson(body).object().value(u"error"_s).toString() == u"use_dpop_nonce"_s;
}

void TokenEndpointJob::cancel(const QString &why)
{
    if (m_finished)
        return;
    abortReply();
    finish(OAuth2Result::failed(
        OAuth2Result::Failure::Canceled,
        !why.isEmpty() ? why
            : m_kind == Kind::Revocation || m_kind == Kind::DeviceAuthorization
                || m_kind == Kind::PushedAuthorization || m_kind == Kind::Introspection
            ? tr("The request to the %1 was canceled.").arg(endpointName())
            : tr("The request to the %1 was canceled. No token was stored.").arg(endpointName())));
}

void TokenEndpointJob::onRedirected(const QUrl &target)
{
    if (!m_reply)
        return;
    const QUrl resolved = m_reply->url().resolved(target);
    if (sameOrigin(resolved, m_endpoint)) {
        qCInfo(lcAuth).noquote() << "following a redirect within" << origin(m_endpoint);
        Q_EMIT m_reply->redirectAllowed();
        return;
    }
    // Following it would hand the client secret, the password or the token to another server.
    qCWarning(lcAuth).noquote() << "refusing a redirect from" << origin(m_endpoint) << "to"
                                << origin(resolved);
    m_refusedRedirect = resolved;
    m_reply->abort();
}

void TokenEndpointJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    disconnect(reply, nullptr, this, nullptr);
    m_reply = nullptr;
    reply->deleteLater();
    using Failure = OAuth2Result::Failure;

    if (!m_refusedRedirect.isEmpty()) {
        finish(OAuth2Result::failed(Failure::BadTokenResponse,
                                    tr("The %1 redirected the request to another server (%2). Postern does "
                                       "not follow it, so that the "
                                       "credentials are not sent there. Check the URL.")
                                        .arg(endpointName(), origin(m_refusedRedirect))));
        return;
    }
    if (m_tooLarge) {
        finish(OAuth2Result::failed(
            Failure::BadTokenResponse,
            tr("The %1's answer is larger than 1 MiB; it is not a token response.").arg(endpointName())));
        return;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        qCInfo(lcAuth) << kindName(m_kind) << "request failed:" << reply->error();
        finish(OAuth2Result::failed(
            Failure::Network,
            tr("Could not reach the %1 %2: %3")
                .arg(endpointName(),
                     reply->url().adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString(),
                     reply->errorString())));
        return;
    }
    const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
    const QByteArray body = reply->readAll();
    if (reply->hasRawHeader("DPoP-Nonce"))
        Dpop::rememberNonce(m_endpoint, reply->rawHeader("DPoP-Nonce"));
    if (asksForDpopNonce(status.toInt(), body)) {
        // RFC 9449 §8: once with the server's nonce; a second demand is an answer like any other.
        if (!m_dpopRetried && reply->hasRawHeader("DPoP-Nonce")) {
            m_dpopRetried = true;
            qCInfo(lcAuth) << kindName(m_kind) << "the server wants a DPoP nonce; sending once more with it";
            if (m_renewAssertions)
                m_renewAssertions(&m_fields);
            send();
            return;
        }
    }
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    OAuth2Result result = m_kind == Kind::Revocation
        ? judgeRevocationAnswer(status.toInt(), contentType, body)
        : m_kind == Kind::DeviceAuthorization || m_kind == Kind::PushedAuthorization
            || m_kind == Kind::Introspection
        ? judgeObjectAnswer(status.toInt(), contentType, body)
        : judgeTokenAnswer(status.toInt(), contentType, body, receivedAt);
    if (!m_dpopKey.isNull() && result.ok() && !result.token.accessToken.isEmpty()) {
        // Bound only when the server says so (RFC 9449 §5); a Bearer answer is used as a bearer token.
        if (result.token.tokenType.compare(Dpop::tokenType(), Qt::CaseInsensitive) == 0) {
            result.token.dpopKey = QString::fromLatin1(m_dpopKey.toPem());
            result.token.dpopThumbprint = m_dpopKey.thumbprint();
        } else {
            result.token.dpopKey.clear();
            result.token.dpopThumbprint.clear();
        }
    }
    qCInfo(lcAuth).noquote() << endpointNoun(m_kind) << "answered" << status.toInt()
                             << "bytes:" << body.size()
                             << (result.failure == Failure::None ? "accepted" : "refused");
    finish(result);
}

void TokenEndpointJob::onTimeout()
{
    if (m_finished)
        return;
    abortReply();
    finish(OAuth2Result::failed(
        OAuth2Result::Failure::Network,
        m_kind == Kind::Revocation || m_kind == Kind::DeviceAuthorization
                || m_kind == Kind::PushedAuthorization || m_kind == Kind::Introspection
            ? tr("The %1 did not answer within %2.").arg(endpointName(), seconds(m_timer.interval()))
            : tr("The %1 did not answer within %2. No token was stored.")
                  .arg(endpointName(), seconds(m_timer.interval()))));
}

OAuth2Result TokenEndpointJob::judgeTokenAnswer(int status, const QByteArray &contentType,
                                                const QByteArray &body, const QDateTime &receivedAt) const
{
    QJsonObject json;
    OAuth2Result check
        = OAuth2ReplyHandler::checkTokenResponse(status, contentType, body, &json, !m_dpopKey.isNull());
    if (check.failure != OAuth2Result::Failure::None) {
        if (check.error == u"invalid_grant"_s) {
            check.message = tr("The token endpoint answered invalid_grant (HTTP %1)%2. %3")
                                .arg(QString::number(status), saidPart(check.errorDescription),
                                     invalidGrantHint(m_kind));
        }
        return check;
    }
    QString error;
    OAuth2Token token = OAuth2Token::fromResponse(json, receivedAt, &error);
    if (!token.isValid())
        return OAuth2Result::failed(OAuth2Result::Failure::BadTokenResponse, error);

    if (m_kind == Kind::Refresh) {
        // The same token, renewed: the store updates it in place (RFC 6749 §6). A server that does not
        // rotate refresh tokens sends none back; the old one stays valid then.
        if (!m_template.id.isEmpty())
            token.id = m_template.id;
        if (token.refreshToken.isEmpty())
            token.refreshToken = m_template.refreshToken;
        if (token.idToken.isEmpty())
            token.idToken = m_template.idToken;
        token.issuer = m_template.issuer;
        token.grantType = m_template.grantType;
    } else {
        token.issuer = m_template.issuer;
        token.grantType = m_template.grantType;
    }
    token.name = m_template.name;
    token.configKey = m_template.configKey;
    if (token.scope.isEmpty())
        token.scope = m_template.scope; // §5.1: omitted when identical to the requested (or old) scope
    OAuth2Result result;
    result.token = token;
    return result;
}

OAuth2Result TokenEndpointJob::judgeRevocationAnswer(int status, const QByteArray &contentType,
                                                     const QByteArray &body) const
{
    // RFC 7009 §2.2: 200 means revoked, or the token was already invalid; the body does not matter.
    if (status >= 200 && status <= 299) {
        OAuth2Result result;
        result.message = tr("The token was revoked at %1.").arg(origin(m_endpoint));
        return result;
    }
    const QString consequence = tr("The server may still accept the token until it expires.");
    QJsonParseError parseError {};
    const QJsonObject object = QJsonDocument::fromJson(body, &parseError).object();
    // §2.2.1: errors as in RFC 6749 §5.2, plus unsupported_token_type.
    if (OAuth2Result result;
        parseError.error == QJsonParseError::NoError && OAuth2Result::fromErrorAnswer(object, &result)) {
        result.message = tr("The revocation endpoint answered %1 (HTTP %2)%3. %4")
                             .arg(replyExcerpt(result.error, 60), QString::number(status),
                                  saidPart(result.errorDescription), consequence);
        return result;
    }
    const bool html = contentType.contains("html") || body.trimmed().startsWith('<');
    return OAuth2Result::failed(
        OAuth2Result::Failure::TokenEndpointError,
        html ? tr("The revocation endpoint answered HTTP %1 with an HTML page. %2 Check the revocation URL.")
                   .arg(QString::number(status), consequence)
             : tr("The revocation endpoint answered HTTP %1. %2 Check the revocation URL.")
                   .arg(QString::number(status), consequence));
}

OAuth2Result TokenEndpointJob::judgeObjectAnswer(int status, const QByteArray &contentType,
                                                 const QByteArray &body)
{
    // RFC 8628 §3.2: 200 with a JSON object; RFC 9126 §2.2: 201 with one; errors as in RFC 6749 §5.2.
    const bool pushed = m_kind == Kind::PushedAuthorization;
    const bool introspection = m_kind == Kind::Introspection;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const QString endpoint = endpointName();
    if (OAuth2Result result; isObject && OAuth2Result::fromErrorAnswer(object, &result)) {
        result.message = tr("The %1 answered %2 (HTTP %3)%4.")
                             .arg(endpoint, replyExcerpt(result.error, 60), QString::number(status),
                                  saidPart(result.errorDescription));
        return result;
    }
    const bool statusOk = status == 200 || (pushed && status == 201);
    // RFC 7662 §2.2: "active" is a boolean, always there.
    if (!statusOk || !isObject || (introspection && !object.value(u"active"_s).isBool())) {
        const bool html = contentType.contains("html") || body.trimmed().startsWith('<');
        return OAuth2Result::failed(
            OAuth2Result::Failure::BadTokenResponse,
            (html ? tr("The %1 answered HTTP %2 with an HTML page, not %3. Check the %4.")
                 : isObject
                 ? tr("The %1 answered HTTP %2, not %3. Check the %4.")
                 : tr("The %1 answered HTTP %2 with something that is not JSON, not %3. Check the %4."))
                .arg(endpoint, QString::number(status),
                     introspection ? tr("whether the token is active")
                         : pushed  ? tr("a request URI")
                                   : tr("a device code"),
                     introspection ? tr("Introspection URL")
                         : pushed  ? tr("PAR Endpoint URL")
                                   : tr("Device Authorization URL")));
    }
    m_answer = object;
    return OAuth2Result();
}

QString TokenEndpointJob::endpointName() const
{
    return tr(endpointNoun(m_kind));
}

void TokenEndpointJob::abortReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void TokenEndpointJob::finish(const OAuth2Result &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_result = result;
    if (m_kind == Kind::Revocation) {
        // Whatever the server said, the caller stops using the token.
        m_result.token = m_template;
        m_result.token.revoked = true;
    }
    qCInfo(lcAuth) << kindName(m_kind)
                   << "finished:" << (m_result.failure == OAuth2Result::Failure::None ? "ok" : "failed")
                   << int(m_result.failure);
    QPointer<TokenEndpointJob> self(this);
    Q_EMIT finished(m_result);
    if (self)
        deleteLater();
}

} // namespace Postern
