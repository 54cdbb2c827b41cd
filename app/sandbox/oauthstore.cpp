#include "sandbox/oauthstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

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
                                     RefreshToken refresh)
{
    prune();
    Issued issued;
    // 64 random bytes: 86 URL-safe characters, the length of a ServiceNow token.
    issued.accessToken = randomToken(64);
    m_accessTokens.insert(digest(issued.accessToken),
                          Token { clientId, userName, scope, now().addSecs(accessLifespan), grant, false });
    if (refresh == RefreshToken::Issue)
        issued.refreshToken = issueRefreshToken(clientId, userName, scope, refreshLifespan, grant);
    tokensChanged();
    return issued;
}

QByteArray OAuthStore::issueRefreshToken(const QString &clientId, const QString &userName,
                                         const QString &scope, int lifespan, const QByteArray &grant)
{
    const QByteArray token = randomToken(64);
    m_refreshTokens.insert(digest(token),
                           Token { clientId, userName, scope, now().addSecs(lifespan), grant, false });
    tokensChanged();
    return token;
}

bool OAuthStore::live(const Token &token) const
{
    return !token.revoked && now() < token.expires;
}

const OAuthStore::Token *OAuthStore::accessToken(const QByteArray &token) const
{
    const auto it = m_accessTokens.constFind(digest(token));
    return it != m_accessTokens.constEnd() && live(*it) ? &it.value() : nullptr;
}

const OAuthStore::Token *OAuthStore::refreshToken(const QByteArray &token) const
{
    const auto it = m_refreshTokens.constFind(digest(token));
    return it != m_refreshTokens.constEnd() && live(*it) ? &it.value() : nullptr;
}

bool OAuthStore::knownRefreshToken(const QByteArray &token) const
{
    return m_refreshTokens.contains(digest(token));
}

void OAuthStore::revokeRefreshToken(const QByteArray &token)
{
    const auto it = m_refreshTokens.find(digest(token));
    if (it != m_refreshTokens.end())
        it->revoked = true;
    tokensChanged();
}

void OAuthStore::revoke(const QByteArray &token)
{
    const QByteArray key = digest(token);
    const auto access = m_accessTokens.find(key);
    if (access != m_accessTokens.end())
        access->revoked = true;
    const auto refresh = m_refreshTokens.find(key);
    if (refresh != m_refreshTokens.end())
        revokeGrant(refresh->grant);
    tokensChanged();
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
    tokensChanged();
}

QByteArray OAuthStore::codeGrant(const QByteArray &code)
{
    return digest(code);
}

QByteArray OAuthStore::digest(const QByteArray &value)
{
    return value.isEmpty() ? QByteArray() : QCryptographicHash::hash(value, QCryptographicHash::Sha256);
}

void OAuthStore::setTokensChanged(std::function<void()> callback)
{
    m_tokensChanged = std::move(callback);
}

void OAuthStore::tokensChanged()
{
    if (m_tokensChanged)
        m_tokensChanged();
}

namespace {

constexpr auto stateFormat = "postern-sandbox-state";

QJsonArray tokensJson(const QHash<QByteArray, OAuthStore::Token> &tokens)
{
    QJsonArray array;
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
        array.append(QJsonObject {
            { u"sha256"_s, QString::fromLatin1(it.key().toHex()) },
            { u"clientId"_s, it->clientId },
            { u"userName"_s, it->userName },
            { u"scope"_s, it->scope },
            { u"expires"_s, it->expires.toUTC().toString(Qt::ISODateWithMs) },
            { u"grant"_s, QString::fromLatin1(it->grant.toHex()) },
            { u"revoked"_s, it->revoked },
        });
    }
    return array;
}

// Hex of a SHA-256 digest (64 characters) or, when grant, of a grant id (up to 64 bytes, maybe none).
std::optional<QByteArray> bytesFromHex(const QJsonValue &value, bool grant)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (grant ? (text.size() > 128 || text.size() % 2 != 0) : text.size() != 64)
        return std::nullopt;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return std::nullopt;
    }
    return QByteArray::fromHex(text.toLatin1());
}

bool tokensFromJson(const QJsonValue &value, qsizetype max, QHash<QByteArray, OAuthStore::Token> *tokens,
                    QString *error)
{
    if (!value.isArray()) {
        *error = u"a list of tokens is missing"_s;
        return false;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > max) {
        *error = u"more than %1 tokens"_s.arg(max);
        return false;
    }
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        const auto key = bytesFromHex(object.value(u"sha256"_s), false);
        const auto grant = bytesFromHex(object.value(u"grant"_s), true);
        const QDateTime expires
            = QDateTime::fromString(object.value(u"expires"_s).toString(), Qt::ISODateWithMs);
        if (!entry.isObject() || !key || !grant || !expires.isValid()
            || !object.value(u"clientId"_s).isString() || !object.value(u"userName"_s).isString()
            || !object.value(u"scope"_s).isString() || !object.value(u"revoked"_s).isBool()) {
            *error = u"a token entry is not valid"_s;
            return false;
        }
        tokens->insert(*key,
                       OAuthStore::Token { object.value(u"clientId"_s).toString(),
                                           object.value(u"userName"_s).toString(),
                                           object.value(u"scope"_s).toString(), expires.toUTC(), *grant,
                                           object.value(u"revoked"_s).toBool() });
    }
    return true;
}

} // namespace

QByteArray OAuthStore::saveTokens() const
{
    const QJsonObject root { { u"format"_s, QString::fromLatin1(stateFormat) },
                             { u"version"_s, 1 },
                             { u"accessTokens"_s, tokensJson(m_accessTokens) },
                             { u"refreshTokens"_s, tokensJson(m_refreshTokens) } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool OAuthStore::loadTokens(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset);
        return false;
    }
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != QLatin1StringView(stateFormat)
        || root.value(u"version"_s).toInt() != 1) {
        *error = u"not a sandbox state file of version 1"_s;
        return false;
    }
    QHash<QByteArray, Token> access;
    QHash<QByteArray, Token> refresh;
    if (!tokensFromJson(root.value(u"accessTokens"_s), maxEntries, &access, error)
        || !tokensFromJson(root.value(u"refreshTokens"_s), maxEntries, &refresh, error))
        return false;
    m_accessTokens = std::move(access);
    m_refreshTokens = std::move(refresh);
    prune();
    return true;
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
