#include "authconfig.h"

using namespace Qt::StringLiterals;

namespace Postern {

QString authTypeName(AuthType type)
{
    switch (type) {
    case AuthType::None:
        return u"No Auth"_s;
    case AuthType::Basic:
        return u"Basic Auth"_s;
    case AuthType::Bearer:
        return u"Bearer Token"_s;
    case AuthType::OAuth2:
        return u"OAuth 2.0"_s;
    }
    return QString();
}

std::optional<KeyValue> AuthConfig::header() const
{
    switch (type) {
    case AuthType::None:
        return std::nullopt;
    case AuthType::Basic: {
        // RFC 7617: user-id ':' password, UTF-8, base64.
        const QByteArray pair = (username + u':' + password).toUtf8();
        return KeyValue{u"Authorization"_s, u"Basic "_s + QString::fromLatin1(pair.toBase64()), true, {}};
    }
    case AuthType::Bearer:
        if (token.isEmpty())
            return std::nullopt;
        return KeyValue{u"Authorization"_s, u"Bearer "_s + token.trimmed(), true, {}};
    case AuthType::OAuth2: {
        if (token.isEmpty() || oauth2InQuery)
            return std::nullopt;
        const QString prefix = headerPrefix.trimmed();
        return KeyValue{u"Authorization"_s, prefix.isEmpty() ? token : prefix + u' ' + token, true, {}};
    }
    }
    return std::nullopt;
}

std::optional<KeyValue> AuthConfig::queryParameter() const
{
    if (type != AuthType::OAuth2 || !oauth2InQuery || token.isEmpty())
        return std::nullopt;
    // RFC 6750 §2.3.
    return KeyValue{u"access_token"_s, token, true, {}};
}

} // namespace Postern
