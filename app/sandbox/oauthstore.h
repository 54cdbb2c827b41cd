#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace Postern::Sandbox {

// The authorization server's memory: pending authorization requests, browser sessions, authorization
// codes, and access and refresh tokens. Every secret it hands out comes from QRandomGenerator::system().
// Entries expire against the clock it is given, so tests can move time instead of sleeping. Owned by
// the server; not thread-safe (the server runs in one thread). Sizes are capped so a flood of requests
// cannot grow it without bound.
// Access and refresh tokens are known by their SHA-256 digest only (as is the grant they belong to), so
// what saveTokens() writes for the state file holds no usable token; codes, sessions and pending
// authorizations live in memory only.
class OAuthStore
{
public:
    using Clock = std::function<QDateTime()>;

    struct PendingAuthorization
    {
        QString clientId;
        QString responseType; // "code" or "token"
        QString redirectUri; // the effective one (the registered URL when none was sent)
        bool redirectUriSent = false;
        QString state;
        QString scope;
        QString codeChallenge;
        QString codeChallengeMethod; // "S256" or "plain"; empty without PKCE
        QString userName; // set once a signed-in browser reaches the consent page
        QDateTime created;
        qsizetype bytes = 0; // what it holds, counted against maxPendingBytes
    };

    struct AuthorizationCode
    {
        QString clientId;
        QString redirectUri;
        bool redirectUriSent = false;
        QString scope;
        QString userName;
        QString codeChallenge;
        QString codeChallengeMethod;
        QDateTime expires;
        bool used = false;
    };

    struct Token
    {
        QString clientId;
        QString userName; // empty for client_credentials
        QString scope;
        QDateTime expires;
        QByteArray grant; // all tokens from one code (codeGrant()) or one password/client grant share it
        bool revoked = false;
    };

    static constexpr int pendingLifetime = 600; // seconds to sign in and consent
    static constexpr int codeLifetime = 60; // RFC 6749 §4.1.2 recommends at most 10 minutes
    static constexpr int sessionLifetime = 8 * 3600;
    // Pending authorizations hold what the client sent (state, scope, …): at most this many bytes in
    // all, the oldest giving way, so large parameters cannot grow the store either.
    static constexpr qsizetype maxPendingBytes = 4 * 1024 * 1024;

    OAuthStore();

    void setClock(Clock clock);
    QDateTime now() const;

    // An unguessable URL-safe string of bytes random bytes.
    static QByteArray randomToken(int bytes);
    // Compares secrets in time independent of where they differ.
    static bool sameSecret(const QString &a, const QString &b);

    QByteArray addPending(PendingAuthorization pending);
    PendingAuthorization *pending(const QByteArray &id);
    void removePending(const QByteArray &id);
    qsizetype pendingCount() const { return m_pending.size(); }
    qsizetype pendingBytes() const { return m_pendingBytes; }

    // A single-use token for one sign-in form (against cross-site request forgery), valid as long as
    // a pending authorization. takeFormToken() is true once for a token it issued and that is unexpired.
    QByteArray addFormToken();
    bool takeFormToken(const QByteArray &token);

    QByteArray addSession(const QString &userName);
    // The user signed in with session, or an empty string.
    QString sessionUser(const QByteArray &session) const;

    QByteArray addCode(AuthorizationCode code);
    AuthorizationCode *code(const QByteArray &code);

    struct Issued
    {
        QByteArray accessToken;
        QByteArray refreshToken; // empty when none was issued
    };
    // Whether issue() also issues a refresh token.
    enum class RefreshToken { None, Issue };
    Issued issue(const QString &clientId, const QString &userName, const QString &scope, int accessLifespan,
                 int refreshLifespan, const QByteArray &grant, RefreshToken refresh);
    QByteArray issueRefreshToken(const QString &clientId, const QString &userName, const QString &scope,
                                 int lifespan, const QByteArray &grant);

    // A live (known, unexpired, unrevoked) token, or nullptr.
    const Token *accessToken(const QByteArray &token) const;
    const Token *refreshToken(const QByteArray &token) const;
    // Known at all, whatever its state (to tell reuse of a rotated refresh token apart).
    bool knownRefreshToken(const QByteArray &token) const;

    void revokeRefreshToken(const QByteArray &token);
    // RFC 7009 §2.1: revoking a refresh token also revokes the access tokens of its grant.
    void revoke(const QByteArray &token);
    void revokeGrant(const QByteArray &grant);
    // The grant id of the tokens issued for an authorization code: its digest, so that the state file
    // does not hold the code.
    static QByteArray codeGrant(const QByteArray &code);

    // Called after every change to the tokens (issued, revoked), e.g. to save them.
    void setTokensChanged(std::function<void()> callback);
    // The tokens as JSON for the state file (digests, never token values).
    QByteArray saveTokens() const;
    // Replaces the tokens with those of saveTokens()'s JSON. False and *error when it is not such JSON
    // (then nothing changes).
    bool loadTokens(const QByteArray &json, QString *error);

private:
    static QByteArray digest(const QByteArray &value);
    void tokensChanged();
    void prune();
    bool live(const Token &token) const;

    void erasePending(QHash<QByteArray, PendingAuthorization>::iterator it);

    Clock m_clock;
    QHash<QByteArray, PendingAuthorization> m_pending;
    qsizetype m_pendingBytes = 0;
    QHash<QByteArray, QDateTime> m_formTokens;
    QHash<QByteArray, QPair<QString, QDateTime>> m_sessions;
    QHash<QByteArray, AuthorizationCode> m_codes;
    QHash<QByteArray, Token> m_accessTokens; // by digest
    QHash<QByteArray, Token> m_refreshTokens; // by digest
    std::function<void()> m_tokensChanged;
};

} // namespace Postern::Sandbox
