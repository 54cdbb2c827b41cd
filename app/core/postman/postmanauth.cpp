#include "postman/postmanauth.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Postern {

using PostmanJson::Params;

namespace {

const auto authKey = u"auth"_s;
const auto authParamsKey = u"authParams"_s;
const auto authOtherKey = u"authOther"_s;
const auto oauthDisabledKey = u"oauthDisabled"_s;
const auto authEmptyKey = u"authEmpty"_s;

// The secret parameters Postern has a field for: an empty one the file had is written back empty, so
// that an export without secrets imports and exports again to the same bytes.
bool isModelSecret(const QString &type, const QString &key)
{
    if (type == u"basic"_s)
        return key == u"password"_s;
    if (type == u"bearer"_s)
        return key == u"token"_s;
    return key == u"clientSecret"_s || key == u"code_verifier"_s || key == u"accessToken"_s;
}

struct GrantName
{
    OAuth2GrantType type;
    const char16_t *postman;
};

constexpr GrantName grantNames[] = {
    { OAuth2GrantType::AuthorizationCode, u"authorization_code" },
    { OAuth2GrantType::AuthorizationCodePkce, u"authorization_code_with_pkce" },
    { OAuth2GrantType::Implicit, u"implicit" },
    { OAuth2GrantType::Password, u"password_credentials" },
    { OAuth2GrantType::ClientCredentials, u"client_credentials" },
    // Postman has no device or JWT bearer grant: Postern's own words, which Postman reports as unknown.
    { OAuth2GrantType::DeviceCode, u"device_code" },
    { OAuth2GrantType::JwtBearer, u"jwt_bearer" },
};

struct StageName
{
    OAuth2ExtraParameter::Stage stage;
    const char16_t *postman;
};

constexpr StageName stageNames[] = {
    { OAuth2ExtraParameter::Stage::Authorization, u"authRequestParams" },
    { OAuth2ExtraParameter::Stage::Token, u"tokenRequestParams" },
    { OAuth2ExtraParameter::Stage::Refresh, u"refreshRequestParams" },
};

QString sendAs(OAuth2ExtraParameter::Placement placement)
{
    switch (placement) {
    case OAuth2ExtraParameter::Placement::Body:
        return u"request_body"_s;
    case OAuth2ExtraParameter::Placement::Query:
        return u"request_url"_s;
    case OAuth2ExtraParameter::Placement::Header:
        return u"request_header"_s;
    }
    return u"request_body"_s;
}

// Reads one of the three lists of extra parameters; disabled entries go to *disabled.
void readExtraParameters(const QJsonValue &value, OAuth2ExtraParameter::Stage stage, OAuth2Config *config,
                         QJsonArray *disabled, bool *wrongType)
{
    if (!value.isArray()) {
        if (!value.isNull() && !value.isUndefined())
            *wrongType = true;
        return;
    }
    const QJsonArray entries = value.toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        if (!entry.isObject()) {
            *wrongType = true;
            continue;
        }
        if (!object.value(u"enabled"_s).toBool(true)) {
            disabled->append(object);
            continue;
        }
        OAuth2ExtraParameter parameter;
        parameter.name = PostmanJson::text(object.value(u"key"_s), wrongType);
        parameter.value = PostmanJson::text(object.value(u"value"_s), wrongType);
        parameter.stage = stage;
        const QString in = object.value(u"send_as"_s).toString();
        parameter.placement = in == u"request_header"_s ? OAuth2ExtraParameter::Placement::Header
            : in == u"request_url"_s                    ? OAuth2ExtraParameter::Placement::Query
            : in.isEmpty() && stage == OAuth2ExtraParameter::Stage::Authorization
            ? OAuth2ExtraParameter::Placement::Query
            : OAuth2ExtraParameter::Placement::Body;
        config->extraParameters.append(parameter);
    }
}

// Fills the OAuth 2.0 fields from Postman's parameters; returns the ones Postern has no field for.
Params readOAuth2(const Params &params, AuthConfig *auth, QJsonObject *disabled, const QString &where,
                  PostmanJson::Notes *notes)
{
    OAuth2Config &config = auth->oauth2;
    // Postman's defaults where a key is absent.
    config.grantType = OAuth2GrantType::AuthorizationCode;
    config.clientAuthentication = ClientAuthentication::BasicHeader;
    Params unknown;
    bool wrongType = false;
    for (const auto &[key, value] : params) {
        const auto textOf = [&wrongType, &value = value] {
            return PostmanJson::text(value, &wrongType);
        };
        if (key == u"accessToken"_s) {
            auth->token = textOf();
        } else if (key == u"addTokenTo"_s) {
            auth->oauth2InQuery = textOf() == u"queryParams"_s;
        } else if (key == u"headerPrefix"_s) {
            auth->headerPrefix = textOf();
        } else if (key == u"grant_type"_s) {
            const QString grant = textOf();
            bool known = false;
            for (const GrantName &name : grantNames) {
                if (grant == QStringView(name.postman)) {
                    config.grantType = name.type;
                    known = true;
                }
            }
            if (!known)
                notes->add(
                    where,
                    PostmanAuth::tr("the OAuth 2.0 grant type “%1” is unknown; Authorization Code is used")
                        .arg(grant.left(40)));
        } else if (key == u"authUrl"_s) {
            config.authUrl = textOf();
        } else if (key == u"accessTokenUrl"_s) {
            config.accessTokenUrl = textOf();
        } else if (key == u"refreshTokenUrl"_s) {
            config.refreshUrl = textOf();
        } else if (key == u"deviceAuthorizationUrl"_s) {
            config.deviceAuthorizationUrl = textOf();
        } else if (key == u"parUrl"_s) {
            config.parUrl = textOf();
        } else if (key == u"pushAuthorizationRequest"_s) {
            config.pushAuthorizationRequest = value.toBool() || value.toString() == u"true"_s;
        } else if (key == u"clientId"_s) {
            config.clientId = textOf();
        } else if (key == u"clientSecret"_s) {
            config.clientSecret = textOf();
        } else if (key == u"scope"_s) {
            config.scope = textOf();
        } else if (key == u"state"_s) {
            config.state = textOf();
        } else if (key == u"redirect_uri"_s || key == u"callback"_s) {
            config.callbackUrl = textOf();
        } else if (key == u"client_authentication"_s) {
            // Postman knows body and header (its default); the JWT methods are Postern's own words.
            const QString method = textOf();
            config.clientAuthentication
                = method == u"body"_s || method == u"client_secret_jwt"_s || method == u"private_key_jwt"_s
                ? clientAuthenticationFromKey(method)
                : ClientAuthentication::BasicHeader;
        } else if (key == u"clientKeyFile"_s) {
            config.clientKeyFile = textOf();
        } else if (key == u"clientKeyId"_s) {
            config.clientKeyId = textOf();
        } else if (key == u"clientAssertionAlgorithm"_s) {
            config.clientAssertionAlgorithm = textOf();
        } else if (key == u"clientAssertionAudience"_s) {
            config.clientAssertionAudience = textOf();
        } else if (key == u"dpop"_s) {
            config.dpop = value.toBool() || value.toString() == u"true"_s;
        } else if (key == u"assertionIssuer"_s) {
            config.assertionIssuer = textOf();
        } else if (key == u"assertionSubject"_s) {
            config.assertionSubject = textOf();
        } else if (key == u"assertionAudience"_s) {
            config.assertionAudience = textOf();
        } else if (key == u"assertionClaims"_s) {
            config.assertionClaims = textOf();
        } else if (key == u"clientKeyPassphrase"_s) {
            config.clientKeyPassphrase = textOf();
        } else if (key == u"tokenName"_s) {
            config.tokenName = textOf();
        } else if (key == u"challengeAlgorithm"_s) {
            config.pkceMethod = pkceMethodFromText(textOf());
        } else if (key == u"code_verifier"_s) {
            config.codeVerifier = textOf();
        } else if (key == u"audience"_s) {
            config.audience = textOf();
        } else if (key == u"resource"_s) {
            config.resource = textOf();
        } else if (key == u"username"_s) {
            auth->username = textOf();
        } else if (key == u"password"_s) {
            // A variable is kept (postern run fills it in); a password itself never is.
            const QString password = textOf();
            if (isVariableReference(password))
                auth->password = password;
            else if (!password.isEmpty())
                notes->add(
                    where,
                    PostmanAuth::tr(
                        "the OAuth 2.0 password is not imported; Postern asks for it when it gets a token"));
        } else {
            bool isList = false;
            for (const StageName &stage : stageNames) {
                if (key == QStringView(stage.postman)) {
                    QJsonArray off;
                    readExtraParameters(value, stage.stage, &config, &off, &wrongType);
                    if (!off.isEmpty())
                        disabled->insert(key, off);
                    isList = true;
                }
            }
            if (!isList)
                unknown.append({ key, value });
        }
    }
    if (wrongType)
        notes->add(where, PostmanAuth::tr("some OAuth 2.0 settings have the wrong type and were left empty"));
    return unknown;
}

} // namespace

QString PostmanAuth::typeName(const QString &type)
{
    static const QList<QPair<QString, const char *>> names {
        { u"apikey"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "API Key") },
        { u"awsv4"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "AWS Signature") },
        { u"digest"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "Digest") },
        { u"edgegrid"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "Akamai EdgeGrid") },
        { u"hawk"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "Hawk") },
        { u"ntlm"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "NTLM") },
        { u"oauth1"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "OAuth 1.0") },
        { u"jwt"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "JWT Bearer") },
        { u"asap"_s, QT_TRANSLATE_NOOP("Postern::PostmanAuth", "ASAP (Atlassian)") },
    };
    for (const auto &[key, name] : names) {
        if (key == type)
            return PostmanAuth::tr(name);
    }
    return u"\u201c%1\u201d"_s.arg(type.left(40));
}

AuthConfig PostmanAuth::read(const QJsonValue &value, Level level, const QString &where, QJsonObject *foreign,
                             PostmanJson::Notes *notes)
{
    AuthConfig auth;
    const AuthType inherit = level == Level::Collection ? AuthType::None : AuthType::Inherit;
    auth.type = inherit;
    if (value.isUndefined() || value.isNull())
        return auth;
    if (!value.isObject()) {
        notes->add(
            where,
            PostmanAuth::tr("“auth” is %1, not an object; it was ignored").arg(PostmanJson::typeName(value)));
        return auth;
    }
    QJsonObject object = value.toObject();
    const QString type = object.value(u"type"_s).toString();
    if (type == u"inherit"_s)
        return auth;
    if (type == u"noauth"_s) {
        auth.type = AuthType::None;
        return auth;
    }
    if (type != u"basic"_s && type != u"bearer"_s && type != u"oauth2"_s) {
        QStringList blanked;
        foreign->insert(authKey, PostmanJson::blankSecrets(object, &blanked));
        auth.type = AuthType::None;
        notes->add(
            where,
            blanked.isEmpty()
                ? PostmanAuth::tr("%1 auth is not supported; kept for export but not sent")
                      .arg(typeName(type))
                : PostmanAuth::tr(
                      "%1 auth is not supported; kept for export but not sent (its secret values are left "
                      "out: %2)")
                      .arg(typeName(type), blanked.join(u", "_s)));
        return auth;
    }

    bool wrongType = false;
    const Params params = PostmanJson::params(object.take(type), &wrongType);
    object.remove(u"type"_s);
    auth.type = type == u"basic"_s ? AuthType::Basic
        : type == u"bearer"_s      ? AuthType::Bearer
                                   : AuthType::OAuth2;
    if (wrongType)
        notes->add(where,
                   PostmanAuth::tr("some %1 settings are not in a form Postern knows and were skipped")
                       .arg(authTypeName(auth.type)));
    Params unknown;
    if (type == u"basic"_s) {
        auth.type = AuthType::Basic;
        for (const auto &[key, param] : params) {
            if (key == u"username"_s)
                auth.username = PostmanJson::text(param);
            else if (key == u"password"_s)
                auth.password = PostmanJson::text(param);
            else
                unknown.append({ key, param });
        }
    } else if (type == u"bearer"_s) {
        auth.type = AuthType::Bearer;
        for (const auto &[key, param] : params) {
            if (key == u"token"_s)
                auth.token = PostmanJson::text(param);
            else
                unknown.append({ key, param });
        }
    } else {
        auth.type = AuthType::OAuth2;
        QJsonObject disabled;
        unknown = readOAuth2(params, &auth, &disabled, where, notes);
        if (!disabled.isEmpty()) {
            foreign->insert(oauthDisabledKey, disabled);
            qsizetype n = 0;
            for (const QJsonValue &list : std::as_const(disabled))
                n += list.toArray().size();
            notes->add(
                where,
                PostmanAuth::tr("%1 kept for export but not sent")
                    .arg(PostmanJson::count(n, PostmanAuth::tr("disabled OAuth 2.0 extra parameter is"),
                                            PostmanAuth::tr("disabled OAuth 2.0 extra parameters are"))));
        }
    }
    if (!unknown.isEmpty()) {
        QStringList names;
        QStringList blanked;
        Params kept;
        for (const auto &[key, param] : std::as_const(unknown)) {
            names.append(key);
            const bool secret = PostmanJson::isSecretParam(type, key)
                && PostmanJson::isLiteralSecret(PostmanJson::text(param));
            if (secret)
                blanked.append(key);
            kept.append({ key, secret ? QJsonValue(QString()) : param });
        }
        foreign->insert(authParamsKey, QJsonObject { { type, PostmanJson::paramsToArray(kept) } });
        notes->add(where,
                   blanked.isEmpty()
                       ? PostmanAuth::tr("%1 settings Postern does not use (%2) are kept for export")
                             .arg(authTypeName(auth.type), names.join(u", "_s))
                       : PostmanAuth::tr(
                             "%1 settings Postern does not use (%2) are kept for export without their secret "
                             "values")
                             .arg(authTypeName(auth.type), names.join(u", "_s)));
    }
    QJsonArray empty;
    for (const auto &[key, param] : params) {
        if (isModelSecret(type, key) && param.isString() && param.toString().isEmpty()
            && !empty.contains(key))
            empty.append(key);
    }
    if (!empty.isEmpty())
        foreign->insert(authEmptyKey, empty);
    if (!object.isEmpty()) {
        // Postman keeps the settings of other auth types it was switched away from.
        QStringList blanked;
        foreign->insert(authOtherKey, PostmanJson::blankSecrets(object, &blanked));
    }
    return auth;
}

namespace {

void addText(Params *params, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        params->append({ key, value });
}

// A literal secret is written empty unless secrets is Include; a {{variable}} reference as it is; an
// empty value only when the imported file had it (in foreign's list of empty secrets).
struct SecretWriter
{
    OAuth2Config::Secrets secrets;
    QJsonArray keptEmpty;

    void add(Params *params, const QString &key, const QString &value) const
    {
        if (value.isEmpty()) {
            if (keptEmpty.contains(key))
                params->append({ key, QString() });
            return;
        }
        const bool leaveOut = secrets == OAuth2Config::Secrets::Omit && PostmanJson::isLiteralSecret(value);
        params->append({ key, leaveOut ? QString() : value });
    }
};

Params writeOAuth2(const AuthConfig &auth, const QJsonObject &foreign, const SecretWriter &secret)
{
    const OAuth2Config &config = auth.oauth2;
    Params params;
    for (const GrantName &name : grantNames) {
        if (name.type == config.grantType)
            params.append({ u"grant_type"_s, QString::fromUtf16(name.postman) });
    }
    addText(&params, u"tokenName"_s, config.tokenName);
    addText(&params, u"authUrl"_s, config.authUrl);
    addText(&params, u"accessTokenUrl"_s, config.accessTokenUrl);
    addText(&params, u"refreshTokenUrl"_s, config.refreshUrl);
    addText(&params, u"deviceAuthorizationUrl"_s, config.deviceAuthorizationUrl);
    addText(&params, u"parUrl"_s, config.parUrl);
    if (config.pushAuthorizationRequest)
        params.append({ u"pushAuthorizationRequest"_s, true });
    addText(&params, u"clientId"_s, config.clientId);
    secret.add(&params, u"clientSecret"_s, config.clientSecret);
    addText(&params, u"scope"_s, config.scope);
    addText(&params, u"state"_s, config.state);
    addText(&params, u"redirect_uri"_s, config.callbackUrl);
    params.append({ u"client_authentication"_s, clientAuthenticationKey(config.clientAuthentication) });
    addText(&params, u"clientKeyFile"_s, config.clientKeyFile);
    addText(&params, u"clientKeyId"_s, config.clientKeyId);
    addText(&params, u"clientAssertionAlgorithm"_s, config.clientAssertionAlgorithm);
    addText(&params, u"clientAssertionAudience"_s, config.clientAssertionAudience);
    secret.add(&params, u"clientKeyPassphrase"_s, config.clientKeyPassphrase);
    if (config.dpop)
        params.append({ u"dpop"_s, true });
    addText(&params, u"assertionIssuer"_s, config.assertionIssuer);
    addText(&params, u"assertionSubject"_s, config.assertionSubject);
    addText(&params, u"assertionAudience"_s, config.assertionAudience);
    addText(&params, u"assertionClaims"_s, config.assertionClaims);
    if (config.usesPkce())
        params.append({ u"challengeAlgorithm"_s, pkceMethodText(config.pkceMethod) });
    secret.add(&params, u"code_verifier"_s, config.codeVerifier);
    addText(&params, u"audience"_s, config.audience);
    addText(&params, u"resource"_s, config.resource);
    if (config.grantType == OAuth2GrantType::Password) {
        addText(&params, u"username"_s, auth.username);
        if (isVariableReference(auth.password))
            addText(&params, u"password"_s, auth.password);
    }
    params.append({ u"addTokenTo"_s, auth.oauth2InQuery ? u"queryParams"_s : u"header"_s });
    params.append({ u"headerPrefix"_s, auth.headerPrefix });
    secret.add(&params, u"accessToken"_s, auth.token);
    const QJsonObject disabled = foreign.value(oauthDisabledKey).toObject();
    for (const StageName &stage : stageNames) {
        QJsonArray list;
        for (const OAuth2ExtraParameter &parameter : config.extraParameters) {
            if (parameter.stage == stage.stage) {
                list.append(QJsonObject { { u"key"_s, parameter.name },
                                          { u"value"_s, parameter.value },
                                          { u"enabled"_s, true },
                                          { u"send_as"_s, sendAs(parameter.placement) } });
            }
        }
        const QString key = QString::fromUtf16(stage.postman);
        for (const QJsonValue &off : disabled.value(key).toArray())
            list.append(off);
        if (!list.isEmpty())
            params.append({ key, list });
    }
    return params;
}

} // namespace

QJsonValue PostmanAuth::write(const AuthConfig &auth, Level level, const QJsonObject &foreign,
                              OAuth2Config::Secrets secrets)
{
    QString type;
    Params params;
    const SecretWriter secret { secrets, foreign.value(authEmptyKey).toArray() };
    switch (auth.type) {
    case AuthType::Inherit:
        return QJsonValue(QJsonValue::Undefined);
    case AuthType::None:
        if (foreign.value(authKey).isObject())
            return foreign.value(authKey);
        if (level == Level::Collection)
            return QJsonValue(QJsonValue::Undefined);
        return QJsonObject { { u"type"_s, u"noauth"_s } };
    case AuthType::Basic:
        type = u"basic"_s;
        params.append({ u"username"_s, auth.username });
        secret.add(&params, u"password"_s, auth.password);
        break;
    case AuthType::Bearer:
        type = u"bearer"_s;
        secret.add(&params, u"token"_s, auth.token);
        break;
    case AuthType::OAuth2:
        type = u"oauth2"_s;
        params = writeOAuth2(auth, foreign, secret);
        break;
    }
    QJsonArray array = PostmanJson::paramsToArray(params);
    const QJsonArray extras = foreign.value(authParamsKey).toObject().value(type).toArray();
    for (const QJsonValue &extra : extras)
        array.append(extra);
    QJsonObject object { { u"type"_s, type }, { type, array } };
    PostmanJson::merge(object, foreign.value(authOtherKey).toObject());
    return object;
}

} // namespace Postern
