#include "oauth/requestsender.h"

#include "base/logging.h"
#include "http/httpclient.h"
#include "oauth/tokenrefresher.h"
#include "oauth/tokenstore.h"
#include "tokentools/dpop.h"

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// RFC 6750 §3.1: the resource server says the token is expired, revoked or otherwise bad.
bool saysInvalidToken(const HttpResponse &response)
{
    if (response.statusCode != 401)
        return false;
    for (const RawHeader &header : response.headers) {
        if (header.first.compare("www-authenticate", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray value = header.second.toLower();
        if (value.contains("bearer") && value.contains("invalid_token"))
            return true;
    }
    return false;
}

QString tokenValue(const OAuth2Token &token, bool idToken)
{
    return idToken && !token.idToken.isEmpty() ? token.idToken : token.accessToken;
}

} // namespace

RequestSender::RequestSender(HttpClient *client, TokenStore *store, TokenRefresher *refresher,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_refresher(refresher)
{
}

SendOperation *RequestSender::send(const HttpRequest &request)
{
    auto *operation = new SendOperation(m_client, m_store, m_refresher, request, this);
    operation->start();
    return operation;
}

SendOperation::SendOperation(HttpClient *client, TokenStore *store, TokenRefresher *refresher,
                             const HttpRequest &request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_refresher(refresher)
    , m_request(request)
{
}

bool SendOperation::usesStoredToken() const
{
    return m_request.auth.type == AuthType::OAuth2 && !m_request.auth.oauth2TokenId.isEmpty();
}

void SendOperation::start()
{
    if (usesStoredToken()) {
        const std::optional<OAuth2Token> token = m_store->token(m_request.auth.oauth2TokenId);
        if (token) {
            takeToken(*token);
            m_tokenLookedValid = !token->isExpired();
            if (m_request.auth.oauth2AutoRefresh && !token->refreshToken.isEmpty()
                && TokenRefresher::isDue(*token)) {
                refreshThenSend(TokenRefresher::Refresh::IfDue);
                return;
            }
        }
    }
    sendNow();
}

void SendOperation::refreshThenSend(TokenRefresher::Refresh when)
{
    m_refresher->ensureFresh(
        m_request.auth.oauth2TokenId, m_request.auth.oauth2,
        [this, guard = QPointer(this)](const OAuth2Result &result) {
            if (!guard || m_canceled || m_finished)
                return;
            if (result.failure == OAuth2Result::Failure::InvalidConfiguration) {
                // Nothing could be asked of the server (no refresh token, another configuration's token): the
                // stored token goes out as it is and the server's answer is shown.
                qCInfo(lcAuth) << "token not refreshed before sending:" << int(result.failure);
                sendNow();
                return;
            }
            if (!result.ok()) {
                HttpResponse failure;
                failure.error = HttpResponse::Error::Authorization;
                failure.errorMessage = tr("The token could not be refreshed, so the request was not sent. %1")
                                           .arg(result.message);
                finish(failure);
                return;
            }
            takeToken(result.token);
            m_tokenLookedValid = !result.token.isExpired();
            sendNow();
        },
        when);
}

void SendOperation::takeToken(const OAuth2Token &token)
{
    m_request.auth.token = tokenValue(token, m_request.auth.oauth2UseIdToken);
    const bool proves = token.isDpopBound() && m_request.auth.token == token.accessToken;
    m_dpopKey = proves ? SigningKey::fromPem(token.dpopKey.toLatin1()) : SigningKey();
    m_request.auth.tokenIsDpopBound = !m_dpopKey.isNull();
}

void SendOperation::sendNow()
{
    if (m_canceled)
        return;
    HttpRequest request = m_request;
    if (!m_dpopKey.isNull()) {
        // RFC 9449 §7.1: the DPoP scheme, in the header only, with a proof for this very request.
        request.auth.tokenIsDpopBound = true;
        const QUrl url(request.effectiveUrl());
        QString error;
        const QString proof = Dpop::proof(m_dpopKey, request.method.trimmed().toUpper().toLatin1(), url,
                                          request.auth.token, Dpop::nonceFor(url), &error);
        if (proof.isEmpty()) {
            HttpResponse failure;
            failure.error = HttpResponse::Error::Authorization;
            failure.errorMessage = tr("No DPoP proof could be made for the token: %1").arg(error);
            finish(failure);
            return;
        }
        request.headers.append(KeyValue { u"DPoP"_s, proof, true, QString() });
    }
    m_call = m_client->send(request);
    connect(m_call, &HttpCall::progress, this, &SendOperation::progress);
    connect(m_call, &HttpCall::finished, this, &SendOperation::onResponse);
}

void SendOperation::onResponse(const HttpResponse &response)
{
    m_call = nullptr;
    if (!m_dpopKey.isNull()) {
        const QUrl url(m_request.effectiveUrl());
        if (!response.header("DPoP-Nonce").isEmpty())
            Dpop::rememberNonce(url, response.header("DPoP-Nonce"));
        if (!m_dpopRetried && !m_canceled
            && Dpop::resourceAsksForNonce(response.statusCode, response.header("WWW-Authenticate"))
            && !response.header("DPoP-Nonce").isEmpty()) {
            qCInfo(lcAuth) << "resource server wants a DPoP nonce; sending once more with it";
            m_dpopRetried = true;
            sendNow();
            return;
        }
    }
    if (!m_retried && !m_canceled && usesStoredToken() && m_request.auth.oauth2AutoRefresh
        && m_tokenLookedValid && saysInvalidToken(response)) {
        const std::optional<OAuth2Token> token = m_store->token(m_request.auth.oauth2TokenId);
        if (token && !token->refreshToken.isEmpty()) {
            qCInfo(lcAuth) << "resource server said invalid_token; refreshing once and retrying";
            m_retried = true;
            m_refresher->ensureFresh(
                m_request.auth.oauth2TokenId, m_request.auth.oauth2,
                [this, guard = QPointer(this), response](const OAuth2Result &result) {
                    if (!guard || m_canceled || m_finished)
                        return;
                    if (!result.ok()) {
                        finish(response); // the 401, as the server sent it
                        return;
                    }
                    takeToken(result.token);
                    sendNow();
                },
                TokenRefresher::Refresh::Always);
            return;
        }
    }
    finish(response);
}

void SendOperation::cancel()
{
    if (m_finished || m_canceled)
        return;
    if (m_call) {
        m_call->cancel(); // finishes through onResponse with Error::Canceled
        return;
    }
    m_canceled = true;
    HttpResponse canceled;
    canceled.error = HttpResponse::Error::Canceled;
    canceled.errorMessage = tr("The request was canceled.");
    QMetaObject::invokeMethod(
        this, [this, canceled] { finish(canceled); }, Qt::QueuedConnection);
}

void SendOperation::finish(const HttpResponse &response)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(response);
    deleteLater();
}

} // namespace Postern
