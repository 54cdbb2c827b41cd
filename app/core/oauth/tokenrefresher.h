#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace Postern {

class TokenEndpointClient;
class TokenStore;

// Keeps OAuth 2.0 tokens fresh (RFC 6749 §6). ensureFresh() answers at once with the stored token when
// it is good for at least leadSeconds more; otherwise it refreshes it, with the client authentication
// of the configuration, and answers once the new token is in the store, so a rotated refresh token has
// replaced the old one before anything uses it. However many callers wait on one token, one refresh
// request goes out. A refused refresh token (invalid_grant) marks the token expired, drops its refresh
// token so that nothing retries it, and asks for a new sign-in. Borrows the store and the client.
class TokenRefresher : public QObject
{
    Q_OBJECT

public:
    static constexpr int leadSeconds = 60;
    // IfDue refreshes only a token that is due; Always refreshes one that still looks good (the server
    // said invalid_token).
    enum class Refresh { IfDue, Always };
    using Done = std::function<void(const OAuth2Result &result)>;

    TokenRefresher(TokenStore *store, TokenEndpointClient *client, QObject *parent = nullptr);

    static bool isDue(const OAuth2Token &token, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // done runs exactly once, never inside this call.
    void ensureFresh(const QString &tokenId, const OAuth2Config &config, Done done,
                     Refresh when = Refresh::IfDue);

    bool isRefreshing(const QString &tokenId) const { return m_waiting.contains(tokenId); }

Q_SIGNALS:
    void refreshed(const QString &tokenId);
    void refreshFailed(const QString &tokenId, const QString &message);

private:
    void complete(const QString &tokenId, const OAuth2Result &result);

    TokenStore *m_store;
    TokenEndpointClient *m_client;
    QHash<QString, QList<Done>> m_waiting;
};

} // namespace Postern
