#include "oauthstore.h"

#include <QRandomGenerator>

namespace Postern::Sandbox {

namespace {

constexpr qsizetype maxPending = 10000;
constexpr qsizetype maxEntries = 100000;

template<typename Map, typename Expired> void removeIf(Map &map, Expired expired)
{
    for (auto it = map.begin(); it != map.end();) {
        if (expired(it.value()))
            it = map.erase(it);
        else
            ++it;
    }
}

} // namespace

OAuthStore::OAuthStore()
    : m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void OAuthStore::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

QDateTime OAuthStore::now() const
{
    return m_clock();
}

QByteArray OAuthStore::randomToken(int bytes)
{
    QByteArray raw;
    raw.reserve(bytes);
    while (raw.size() < bytes) {
        quint32 word = QRandomGenerator::system()->generate();
        for (int i = 0; i < 4 && raw.size() < bytes; ++i, word >>= 8)
            raw.append(char(word & 0xff));
    }
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool OAuthStore::sameSecret(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x.at(i) ^ y.at(i));
    return diff == 0;
}

QByteArray OAuthStore::addPending(PendingAuthorization pending)
{
    prune();
    pending.created = now();
    pending.bytes = 256 // the entry and its id
        + 2
            * (pending.clientId.size() + pending.responseType.size() + pending.redirectUri.size()
               + pending.state.size() + pending.scope.size() + pending.codeChallenge.size()
               + pending.codeChallengeMethod.size() + pending.userName.size());
    while (!m_pending.isEmpty()
           && (m_pending.size() >= maxPending || m_pendingBytes + pending.bytes > maxPendingBytes)) {
        auto oldest = m_pending.begin();
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (it->created < oldest->created)
                oldest = it;
        }
        erasePending(oldest);
    }
    const QByteArray id = randomToken(24);
    m_pendingBytes += pending.bytes;
    m_pending.insert(id, std::move(pending));
    return id;
}

void OAuthStore::erasePending(QHash<QByteArray, PendingAuthorization>::iterator it)
{
    m_pendingBytes -= it->bytes;
    m_pending.erase(it);
}

QByteArray OAuthStore::addFormToken()
{
    prune();
    while (m_formTokens.size() >= maxPending)
        m_formTokens.erase(m_formTokens.begin());
    const QByteArray token = randomToken(24);
    m_formTokens.insert(token, now().addSecs(pendingLifetime));
    return token;
}

bool OAuthStore::takeFormToken(const QByteArray &token)
{
    const auto it = m_formTokens.find(token);
    if (token.isEmpty() || it == m_formTokens.end())
        return false;
    const bool live = now() < it.value();
    m_formTokens.erase(it);
    return live;
}

OAuthStore::PendingAuthorization *OAuthStore::pending(const QByteArray &id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end() || it->created.addSecs(pendingLifetime) <= now())
        return nullptr;
    return &it.value();
}

void OAuthStore::removePending(const QByteArray &id)
{
    const auto it = m_pending.find(id);
    if (it != m_pending.end())
        erasePending(it);
}

QByteArray OAuthStore::addSession(const QString &userName)
{
    prune();
    const QByteArray id = randomToken(24);
    m_sessions.insert(id, { userName, now().addSecs(sessionLifetime) });
    return id;
}

QString OAuthStore::sessionUser(const QByteArray &session) const
{
    const auto it = m_sessions.constFind(session);
    if (session.isEmpty() || it == m_sessions.constEnd() || it->second <= now())
        return QString();
    return it->first;
}

QByteArray OAuthStore::addCode(AuthorizationCode code)
{
    prune();
    code.expires = now().addSecs(codeLifetime);
    const QByteArray value = randomToken(24);
    m_codes.insert(value, std::move(code));
    return value;
}

OAuthStore::AuthorizationCode *OAuthStore::code(const QByteArray &value)
{
    const auto it = m_codes.find(value);
    return it == m_codes.end() ? nullptr : &it.value();
}

OAuthStore::Issued OAuthStore::issue(const QString &clientId, const QString &userName, const QString &scope,
                                     int accessLifespan, int refreshLifespan, const QByteArray &grant,
                                     bool withRefreshToken)
{
    prune();
    Issued issued;
    // 64 random bytes: 86 URL-safe characters, the length of a ServiceNow token.
    issued.accessToken = randomToken(64);
    m_accessTokens.insert(issued.accessToken,
                          Token { clientId, userName, scope, now().addSecs(accessLifespan), grant, false });
    if (withRefreshToken)
        issued.refreshToken = issueRefreshToken(clientId, userName, scope, refreshLifespan, grant);
    return issued;
}

QByteArray OAuthStore::issueRefreshToken(const QString &clientId, const QString &userName,
                                         const QString &scope, int lifespan, const QByteArray &grant)
{
    const QByteArray token = randomToken(64);
    m_refreshTokens.insert(token, Token { clientId, userName, scope, now().addSecs(lifespan), grant, false });
    return token;
}

bool OAuthStore::live(const Token &token) const
{
    return !token.revoked && now() < token.expires;
}

const OAuthStore::Token *OAuthStore::accessToken(const QByteArray &token) const
{
    const auto it = m_accessTokens.constFind(token);
    return it != m_accessTokens.constEnd() && live(*it) ? &it.value() : nullptr;
}

const OAuthStore::Token *OAuthStore::refreshToken(const QByteArray &token) const
{
    const auto it = m_refreshTokens.constFind(token);
    return it != m_refreshTokens.constEnd() && live(*it) ? &it.value() : nullptr;
}

bool OAuthStore::knownRefreshToken(const QByteArray &token) const
{
    return m_refreshTokens.contains(token);
}

void OAuthStore::revokeRefreshToken(const QByteArray &token)
{
    const auto it = m_refreshTokens.find(token);
    if (it != m_refreshTokens.end())
        it->revoked = true;
}

void OAuthStore::revoke(const QByteArray &token)
{
    const auto access = m_accessTokens.find(token);
    if (access != m_accessTokens.end())
        access->revoked = true;
    const auto refresh = m_refreshTokens.find(token);
    if (refresh != m_refreshTokens.end())
        revokeGrant(refresh->grant);
}

void OAuthStore::revokeGrant(const QByteArray &grant)
{
    if (grant.isEmpty())
        return;
    for (Token &token : m_accessTokens) {
        if (token.grant == grant)
            token.revoked = true;
    }
    for (Token &token : m_refreshTokens) {
        if (token.grant == grant)
            token.revoked = true;
    }
}

void OAuthStore::prune()
{
    const QDateTime t = now();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->created.addSecs(pendingLifetime) <= t) {
            m_pendingBytes -= it->bytes;
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    removeIf(m_formTokens, [&](const QDateTime &expires) { return expires <= t; });
    removeIf(m_sessions, [&](const QPair<QString, QDateTime> &s) { return s.second <= t; });
    // Used codes are kept until they expire so that a replay can still be recognised (RFC 6749 §4.1.2).
    removeIf(m_codes, [&](const AuthorizationCode &c) { return c.expires.addSecs(3600) <= t; });
    removeIf(m_accessTokens, [&](const Token &k) { return k.expires.addSecs(3600) <= t; });
    removeIf(m_refreshTokens, [&](const Token &k) { return k.expires.addSecs(3600) <= t; });
    for (auto *map : { &m_accessTokens, &m_refreshTokens }) {
        while (map->size() >= maxEntries)
            map->erase(map->begin());
    }
    while (m_codes.size() >= maxEntries)
        m_codes.erase(m_codes.begin());
    while (m_sessions.size() >= maxEntries)
        m_sessions.erase(m_sessions.begin());
}

} // namespace Postern::Sandbox
