#include "sandbox/jwtbearer.h"

#include "tokentools/jwt.h"
#include "tokentools/jwtverifier.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

constexpr qint64 clockSkewSeconds = 60;
constexpr qint64 maxLifetimeSeconds = 3600;

} // namespace

JwtBearerCheck::Outcome JwtBearerCheck::check(const Client &client, const Registry &registry,
                                              const QString &assertion, const QString &tokenUrl,
                                              const QDateTime &now)
{
    if (!client.jwtBearer)
        return { {}, u"The client is not registered for the JWT bearer grant."_s };
    if (assertion.isEmpty())
        return { {}, u"The assertion parameter is missing."_s };
    const JwtInfo info = Jwt::decode(assertion);
    if (!info.isJwt)
        return { {}, u"The assertion is not a JWT."_s };
    const JwtVerifier::Result verified = JwtVerifier::verify(info, client.jwtKeys);
    if (!verified.isValid())
        return { {}, u"The assertion's signature was not verified: %1"_s.arg(verified.message) };

    const QJsonObject claims = info.payload;
    if (claims.value(u"iss"_s).toString() != client.clientId)
        return { {}, u"The assertion's iss is not the client id."_s };
    QStringList audiences;
    const QJsonValue aud = claims.value(u"aud"_s);
    if (aud.isArray()) {
        for (const QJsonValue &value : aud.toArray())
            audiences << value.toString();
    } else {
        audiences << aud.toString();
    }
    if (!audiences.contains(client.clientId) && !audiences.contains(tokenUrl))
        return { {}, u"The assertion's aud is neither the client id nor %1."_s.arg(tokenUrl) };
    const qint64 seconds = now.toSecsSinceEpoch();
    const QJsonValue exp = claims.value(u"exp"_s);
    if (!exp.isDouble())
        return { {}, u"The assertion has no exp."_s };
    if (exp.toDouble() + clockSkewSeconds < double(seconds))
        return { {}, u"The assertion expired."_s };
    if (exp.toDouble() > double(seconds + maxLifetimeSeconds + clockSkewSeconds))
        return { {}, u"The assertion expires more than an hour from now."_s };
    if (claims.contains(u"nbf"_s) && claims.value(u"nbf"_s).toDouble() > double(seconds + clockSkewSeconds))
        return { {}, u"The assertion is not valid yet (nbf)."_s };

    const QString subject = claims.value(u"sub"_s).toString();
    const User *user
        = client.jwtUserField == u"sys_id"_s ? registry.userBySysId(subject) : registry.user(subject);
    if (subject.isEmpty() || !user)
        return { {}, u"No user's %1 matches the assertion's sub."_s.arg(client.jwtUserField) };

    if (client.jwtJtiVerification) {
        for (auto it = m_seen.begin(); it != m_seen.end();)
            it = it.value() < seconds ? m_seen.erase(it) : std::next(it);
        const QString jti = claims.value(u"jti"_s).toString();
        if (jti.isEmpty())
            return { {}, u"The assertion has no jti, which JTI verification requires."_s };
        const QString key = client.clientId + u'\n' + jti;
        if (m_seen.contains(key))
            return { {}, u"The assertion's jti was used before."_s };
        m_seen.insert(key, qint64(exp.toDouble()) + clockSkewSeconds);
    }
    return { user->userName, {} };
}

} // namespace Postern::Sandbox
