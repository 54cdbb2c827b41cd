#include "auth/authconfig.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern {

QString authTypeName(AuthType type)
{
    switch (type) {
    case AuthType::None:
        return QCoreApplication::translate("Postern::AuthConfig", "No Auth");
    case AuthType::Basic:
        return QCoreApplication::translate("Postern::AuthConfig", "Basic Auth");
    case AuthType::Bearer:
        return QCoreApplication::translate("Postern::AuthConfig", "Bearer Token");
    case AuthType::OAuth2:
        return QCoreApplication::translate("Postern::AuthConfig", "OAuth 2.0");
    case AuthType::Inherit:
        return QCoreApplication::translate("Postern::AuthConfig", "Inherit auth from parent");
    }
    return QString();
}

namespace {

QString typeKey(AuthType type)
{
    switch (type) {
    case AuthType::None:
        return u"none"_s;
    case AuthType::Basic:
        return u"basic"_s;
    case AuthType::Bearer:
        return u"bearer"_s;
    case AuthType::OAuth2:
        return u"oauth2"_s;
    case AuthType::Inherit:
        return u"inherit"_s;
    }
    return u"none"_s;
}

} // namespace

QJsonObject AuthConfig::toJson(OAuth2Config::Secrets secrets) const
{
    const bool include = secrets == OAuth2Config::Secrets::Include;
    QJsonObject object { { u"type"_s, typeKey(type) } };
    switch (type) {
    case AuthType::None:
    case AuthType::Inherit:
        break;
    case AuthType::Basic:
        object.insert(u"username"_s, username);
        if (include || isVariableReference(password))
            object.insert(u"password"_s, password);
        break;
    case AuthType::Bearer:
        if (include || isVariableReference(token))
            object.insert(u"token"_s, token);
        break;
    case AuthType::OAuth2:
        object.insert(u"oauth2"_s, oauth2.toJson(secrets));
        object.insert(u"currentTokenId"_s, oauth2TokenId);
        object.insert(u"addTo"_s, oauth2InQuery ? u"url"_s : u"header"_s);
        object.insert(u"headerPrefix"_s, headerPrefix);
        object.insert(u"autoRefresh"_s, oauth2AutoRefresh);
        object.insert(u"useTokenType"_s, oauth2UseIdToken ? u"id_token"_s : u"access_token"_s);
        break;
    }
    return object;
}

AuthConfig AuthConfig::fromJson(const QJsonObject &object)
{
    AuthConfig config;
    const QString type = object.value(u"type"_s).toString();
    for (const AuthType candidate :
         { AuthType::None, AuthType::Basic, AuthType::Bearer, AuthType::OAuth2, AuthType::Inherit }) {
        if (typeKey(candidate) == type)
            config.type = candidate;
    }
    config.username = object.value(u"username"_s).toString();
    config.password = object.value(u"password"_s).toString();
    if (config.type == AuthType::Bearer)
        config.token = object.value(u"token"_s).toString();
    config.oauth2 = OAuth2Config::fromJson(object.value(u"oauth2"_s).toObject());
    config.oauth2TokenId = object.value(u"currentTokenId"_s).toString();
    config.oauth2InQuery = object.value(u"addTo"_s).toString() == u"url"_s;
    config.headerPrefix = object.value(u"headerPrefix"_s).toString(u"Bearer"_s);
    config.oauth2AutoRefresh = object.value(u"autoRefresh"_s).toBool(true);
    config.oauth2UseIdToken = object.value(u"useTokenType"_s).toString() == u"id_token"_s;
    return config;
}

std::optional<KeyValue> AuthConfig::header() const
{
    switch (type) {
    case AuthType::None:
    case AuthType::Inherit:
        return std::nullopt;
    case AuthType::Basic: {
        // RFC 7617: user-id ':' password, UTF-8, base64.
        const QByteArray pair = (username + u':' + password).toUtf8();
        return KeyValue { u"Authorization"_s, u"Basic "_s + QString::fromLatin1(pair.toBase64()), true, {} };
    }
    case AuthType::Bearer:
        if (token.isEmpty())
            return std::nullopt;
        return KeyValue { u"Authorization"_s, u"Bearer "_s + token.trimmed(), true, {} };
    case AuthType::OAuth2: {
        if (token.isEmpty() || (oauth2InQuery && !tokenIsDpopBound))
            return std::nullopt;
        const QString prefix = tokenIsDpopBound ? QStringLiteral("DPoP") : headerPrefix.trimmed();
        return KeyValue { u"Authorization"_s, prefix.isEmpty() ? token : prefix + u' ' + token, true, {} };
    }
    }
    return std::nullopt;
}

std::optional<KeyValue> AuthConfig::queryParameter() const
{
    if (type != AuthType::OAuth2 || !oauth2InQuery || token.isEmpty() || tokenIsDpopBound)
        return std::nullopt;
    // RFC 6750 §2.3.
    return KeyValue { u"access_token"_s, token, true, {} };
}

} // namespace Postern
