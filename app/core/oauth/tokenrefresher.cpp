#include "oauth/tokenrefresher.h"

#include "base/logging.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenstore.h"

using namespace Qt::StringLiterals;

namespace Postern {

TokenRefresher::TokenRefresher(TokenStore *store, TokenEndpointClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
{
}

bool TokenRefresher::isDue(const OAuth2Token &token, const QDateTime &now)
{
    return !token.revoked && token.hasExpiry() && token.secondsLeft(now) < leadSeconds;
}

void TokenRefresher::ensureFresh(const QString &tokenId, const OAuth2Config &config, Done done, Refresh when)
{
    auto later = [this, done](const OAuth2Result &result) {
        QMetaObject::invokeMethod(
            this, [done, result] { done(result); }, Qt::QueuedConnection);
    };
    const std::optional<OAuth2Token> token = m_store->token(tokenId);
    if (!token) {
        later(OAuth2Result::failed(OAuth2Result::Failure::InvalidConfiguration,
                                   tr("The token is no longer stored.")));
        return;
    }
    if (when == Refresh::IfDue && !isDue(*token)) {
        OAuth2Result current;
        current.token = *token;
        later(current);
        return;
    }
    // A refresh token goes only to the client and server it was issued for (RFC 6749 §6): never with
    // another configuration's client credentials or to another token endpoint.
    if (!token->configKey.isEmpty() && token->configKey != config.key()) {
        OAuth2Result other = OAuth2Result::failed(
            OAuth2Result::Failure::InvalidConfiguration,
            tr("The token “%1” was obtained with another OAuth 2.0 configuration (%2); it is not "
               "refreshed "
               "with this one. Open Get New Access Token with the form it came from, or get a new token.")
                .arg(token->name, token->issuer));
        other.token = *token;
        later(other);
        return;
    }
    if (token->refreshToken.isEmpty()) {
        OAuth2Result stale = OAuth2Result::failed(
            OAuth2Result::Failure::InvalidConfiguration,
            tr("The token “%1” has expired and has no refresh token: get a new one.").arg(token->name));
        stale.token = *token;
        later(stale);
        return;
    }
    const bool alreadyRunning = m_waiting.contains(tokenId);
    m_waiting[tokenId].append(std::move(done));
    if (alreadyRunning)
        return;

    qCInfo(lcAuth) << "refreshing token" << tokenId;
    TokenEndpointJob *job = m_client->refresh(config, *token, config.refreshUrl);
    connect(
        job, &TokenEndpointJob::finished, this, [this, tokenId, old = *token](const OAuth2Result &result) {
            if (result.ok()) {
                // Stored before anyone uses it: a rotated refresh token must not be lost.
                m_store->update(result.token, [this, tokenId, result](bool ok, const QString &error) {
                    if (!ok) {
                        complete(tokenId,
                                 OAuth2Result::failed(
                                     OAuth2Result::Failure::Storage,
                                     tr("The refreshed token could not be stored: %1").arg(error)));
                        return;
                    }
                    Q_EMIT refreshed(tokenId);
                    complete(tokenId, result);
                });
                return;
            }
            OAuth2Result failure = result;
            if (result.error == u"invalid_grant"_s) {
                // RFC 6749 §5.2: the refresh token is dead. Mark the token expired, drop the refresh token so
                // nothing retries it, and ask for a new sign-in.
                OAuth2Token dead = old;
                dead.expiresAt = QDateTime::currentDateTimeUtc();
                dead.refreshToken.clear();
                failure.message
                    = tr("The server refused the refresh token (invalid_grant). The token is marked expired: "
                         "sign in again with Get New Access Token.");
                m_store->update(dead, [this, tokenId, failure](bool, const QString &) {
                    Q_EMIT refreshFailed(tokenId, failure.message);
                    complete(tokenId, failure);
                });
                return;
            }
            Q_EMIT refreshFailed(tokenId, failure.message);
            complete(tokenId, failure);
        });
}

void TokenRefresher::complete(const QString &tokenId, const OAuth2Result &result)
{
    const QList<Done> waiting = m_waiting.take(tokenId);
    for (const Done &done : waiting)
        done(result);
}

} // namespace Postern
