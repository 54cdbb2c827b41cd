#include "cli/clisender.h"

#include "http/httpcall.h"
#include "http/httpclient.h"
#include "oauth/requestsender.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenendpointjob.h"
#include "oauth/tokenstore.h"
#include "tokentools/dpop.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Postern {

struct CliSender::Pending
{
    HttpRequest request;
    std::function<void(const HttpResponse &)> done;
    QPointer<HttpCall> call;
    QPointer<SendOperation> operation; // through the stored tokens' sender
    bool canceled = false;
    bool retried = false; // sent once more with a new token after a 401 invalid_token
    bool nonceRetried = false; // sent once more with a resource server's DPoP nonce
    QString token; // the access token it was sent with
};

namespace {

HttpResponse failed(HttpResponse::Error error, const QString &message)
{
    HttpResponse response;
    response.error = error;
    response.errorMessage = message;
    return response;
}

// A token that expires within this many seconds is fetched again before it is used.
constexpr int expiryMargin = 30;

// One token per configuration and, for the password grant, per user.
QString tokenKey(const AuthConfig &auth)
{
    const QString key = auth.oauth2.key();
    return auth.oauth2.grantType == OAuth2GrantType::Password ? key + u'\n' + auth.username : key;
}

void remember(QStringList *secrets, const QString &value)
{
    if (!value.isEmpty() && !secrets->contains(value))
        secrets->append(value);
}

} // namespace

CliSender::CliSender(HttpClient *client, TokenEndpointClient *endpoint, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_endpoint(endpoint)
{
}

CliSender::~CliSender() = default;

QStringList CliSender::tokens() const
{
    QStringList values = m_secrets;
    if (m_store) {
        const QList<OAuth2Token> stored = m_store->tokens();
        for (const OAuth2Token &token : stored) {
            remember(&values, token.accessToken);
            remember(&values, token.refreshToken);
        }
    }
    return values;
}

void CliSender::useStoredTokens(RequestSender *sender, TokenStore *store, const QString &environmentId)
{
    m_storedSender = sender;
    m_store = store;
    m_environmentId = environmentId;
}

CollectionRunner::Sender CliSender::sender()
{
    return [this, guard = QPointer(this)](
               const HttpRequest &request,
               std::function<void(const HttpResponse &)> done) -> CollectionRunner::CancelSend {
        auto pending = std::make_shared<Pending>();
        pending->request = request;
        pending->done = std::move(done);
        if (guard)
            send(pending);
        return [pending, guard] {
            if (pending->canceled)
                return;
            pending->canceled = true;
            if (pending->operation) {
                pending->operation->cancel();
            } else if (pending->call) {
                pending->call->cancel(); // its answer comes back as Error::Canceled
            } else if (guard) { // still waiting for a token
                QTimer::singleShot(0, guard.data(), [pending] {
                    pending->done(failed(HttpResponse::Error::Canceled, u"The request was canceled."_s));
                });
            }
        };
    };
}

void CliSender::send(const std::shared_ptr<Pending> &pending)
{
    const AuthConfig &auth = pending->request.auth;
    if (auth.type != AuthType::OAuth2) {
        pending->call = m_client->send(pending->request);
        connect(pending->call, &HttpCall::finished, this,
                [pending](const HttpResponse &response) { pending->done(response); });
        return;
    }
    if (m_storedSender && m_store) {
        QString tokenId = auth.oauth2TokenId;
        if (tokenId.isEmpty() || !m_store->token(tokenId)) {
            const QList<OAuth2Token> stored = m_store->tokens();
            const OAuth2Token *newest = OAuth2Token::newestFor(stored, auth.oauth2.key(), m_environmentId);
            tokenId = newest ? newest->id : QString();
        }
        // A token that has expired and cannot be refreshed is of no use: the grant gets a new one.
        const std::optional<OAuth2Token> stored = tokenId.isEmpty() ? std::nullopt : m_store->token(tokenId);
        if (stored && (!stored->isExpired() || !stored->refreshToken.isEmpty())) {
            HttpRequest request = pending->request;
            request.auth.oauth2TokenId = tokenId;
            pending->operation = m_storedSender->send(request);
            connect(pending->operation, &SendOperation::finished, this,
                    [pending](const HttpResponse &response) { pending->done(response); });
            return;
        }
    }
    const OAuth2Config &config = auth.oauth2;
    QString refusal;
    if (config.usesBrowser())
        refusal = (auth.oauth2TokenId.isEmpty() ? QString()
                                                : u"The token this request uses is not in this machine's "
                                                  "token store. "_s)
            + u"This request's authorization is OAuth 2.0 with the %1 grant, which needs a person to sign "
              "in in a browser; postern run gets tokens by itself with the client credentials, password and "
              "device grants. For a "
              "workspace collection, postern token get --workspace gets one in the browser first."_s.arg(
                  grantTypeName(config.grantType));
    else if (config.grantType == OAuth2GrantType::Password) {
        // Empty, or a variable that nothing gave a value ("{{password}}" as it is).
        const auto missing = [](const QString &value) {
            return value.isEmpty() || (value.startsWith(u"{{"_s) && value.endsWith(u"}}"_s));
        };
        if (missing(auth.username) || missing(auth.password))
            refusal = u"This request's authorization is OAuth 2.0 with the password grant, but its %1 has no "
                      "value: put {{username}} and {{password}} in the authorization and give them with "
                      "--env-var or the environment."_s.arg(missing(auth.username) ? u"username"_s
                                                                                   : u"password"_s);
    }
    if (!refusal.isEmpty()) {
        QTimer::singleShot(0, this, [pending, refusal] {
            if (!pending->canceled)
                pending->done(failed(HttpResponse::Error::Authorization, refusal));
        });
        return;
    }
    const QString key = tokenKey(auth);
    const auto found = m_tokens.constFind(key);
    if (found != m_tokens.cend()
        && !found->isExpired(QDateTime::currentDateTimeUtc().addSecs(expiryMargin))) {
        sendWithToken(pending);
        return;
    }
    fetchToken(pending);
}

void CliSender::fetchToken(const std::shared_ptr<Pending> &pending)
{
    const AuthConfig &auth = pending->request.auth;
    const OAuth2Config &config = auth.oauth2;
    const QString key = tokenKey(auth);
    // A token already renewed by another request's 401 is simply used.
    if (!pending->token.isEmpty() && m_tokens.contains(key)
        && m_tokens.value(key).accessToken != pending->token) {
        sendWithToken(pending);
        return;
    }
    const OAuth2Token old = m_tokens.take(key);
    remember(&m_secrets, config.clientSecret);
    remember(&m_secrets, config.clientKeyPassphrase);
    if (config.grantType == OAuth2GrantType::Password)
        remember(&m_secrets, auth.password);
    const bool asked = m_waiting.contains(key);
    m_waiting[key].append(pending);
    if (asked)
        return; // one answer for all who wait
    // RFC 6749 §6: a refresh token the server gave is tried first; when it is refused, the grant again.
    const bool refreshing = !old.refreshToken.isEmpty();
    if (!refreshing && config.usesDeviceCode()) {
        // RFC 8628: the code is printed for a person to approve on any device; the run waits.
        DeviceFlow *flow = DeviceFlow::create(m_endpoint, this);
        const QString name = config.tokenName;
        connect(flow, &DeviceFlow::codeReady, this,
                [this, name](const DeviceCode &code) { Q_EMIT deviceCodeReady(name, code); });
        connect(flow, &DeviceFlow::intervalChanged, this, [this, name](int seconds, const QString &why) {
            Q_EMIT deviceIntervalChanged(name, seconds, why);
        });
        connect(flow, &DeviceFlow::finished, this, [this, flow, key](const OAuth2Result &result) {
            flow->deleteLater();
            tokenAnswered(key, false, result);
        });
        flow->start(config, config.deviceAuthorizationUrl.trimmed());
        return;
    }
    TokenEndpointJob *job = refreshing ? m_endpoint->refresh(config, old)
        : config.grantType == OAuth2GrantType::Password
        ? m_endpoint->requestPasswordToken(config, auth.username, auth.password)
        : config.usesJwtBearer() ? m_endpoint->requestJwtBearerToken(config)
                                 : m_endpoint->requestClientCredentialsToken(config);
    connect(job, &TokenEndpointJob::finished, this,
            [this, key, refreshing](const OAuth2Result &result) { tokenAnswered(key, refreshing, result); });
}

void CliSender::tokenAnswered(const QString &key, bool refreshing, const OAuth2Result &result)
{
    const QList<std::shared_ptr<Pending>> waiting = m_waiting.take(key);
    if (!result.ok() && refreshing) {
        for (const std::shared_ptr<Pending> &waiter : waiting) {
            if (!waiter->canceled)
                fetchToken(waiter);
        }
        return;
    }
    if (result.ok()) {
        m_tokens.insert(key, result.token);
        remember(&m_secrets, result.token.accessToken);
        remember(&m_secrets, result.token.refreshToken);
    }
    for (const std::shared_ptr<Pending> &waiter : waiting) {
        if (waiter->canceled)
            continue;
        if (result.ok())
            sendWithToken(waiter);
        else
            waiter->done(failed(HttpResponse::Error::Authorization,
                                u"No OAuth 2.0 token from the token endpoint: "_s + result.message));
    }
}

void CliSender::sendWithToken(const std::shared_ptr<Pending> &pending)
{
    HttpRequest request = pending->request;
    const QString key = tokenKey(request.auth);
    const OAuth2Token token = m_tokens.value(key);
    request.auth.token = token.accessToken;
    pending->token = request.auth.token;
    const QUrl url(request.effectiveUrl());
    if (token.isDpopBound()) {
        // RFC 9449 §7.1: Authorization: DPoP with a proof of the token's key for this request.
        QString error;
        const QString proof = Dpop::proof(SigningKey::fromPem(token.dpopKey.toLatin1()),
                                          request.method.trimmed().toUpper().toLatin1(), url,
                                          token.accessToken, Dpop::nonceFor(url), &error);
        if (proof.isEmpty()) {
            pending->done(failed(HttpResponse::Error::Authorization,
                                 u"No DPoP proof could be made for the token: "_s + error));
            return;
        }
        request.auth.tokenIsDpopBound = true;
        request.headers.append(KeyValue { u"DPoP"_s, proof, true, QString() });
    }
    pending->call = m_client->send(request);
    connect(
        pending->call, &HttpCall::finished, this,
        [this, pending, key, url, bound = token.isDpopBound()](const HttpResponse &response) {
            if (bound && !response.header("DPoP-Nonce").isEmpty()) {
                Dpop::rememberNonce(url, response.header("DPoP-Nonce"));
                if (!pending->nonceRetried && !pending->canceled
                    && Dpop::resourceAsksForNonce(response.statusCode, response.header("WWW-Authenticate"))) {
                    pending->nonceRetried = true; // once, never in a loop
                    pending->call = nullptr;
                    sendWithToken(pending);
                    return;
                }
            }
            // RFC 6750 §3.1: a token the server no longer takes; one more try with a new one.
            const bool invalidToken = response.statusCode == 401
                && QString::fromLatin1(response.header("WWW-Authenticate")).contains(u"invalid_token"_s);
            if (invalidToken && !pending->retried && !pending->canceled) {
                pending->retried = true;
                pending->call = nullptr;
                fetchToken(pending);
                return;
            }
            pending->done(response);
        });
}

} // namespace Postern
