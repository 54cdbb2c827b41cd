#include "auth/oauth2config.h"

#include "auth/servicenow.h"
#include "base/httpvalidation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// An absolute http(s) URL with a host, or a sentence saying what is wrong with it.
QString endpointProblem(const QString &label, const QString &text, bool allowAnyScheme = false)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return OAuth2Config::tr("%1 is empty.").arg(label);
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const bool web = scheme == u"https"_s || scheme == u"http"_s;
    if (!url.isValid() || scheme.isEmpty() || (web && url.host().isEmpty()))
        return OAuth2Config::tr("%1 is not an absolute URL (e.g. https://INSTANCE.service-now.com/…).")
            .arg(label);
    if (!allowAnyScheme && !web)
        return OAuth2Config::tr("%1 must use http or https.").arg(label);
    if (url.hasFragment())
        return OAuth2Config::tr("%1 must not contain a fragment (#…).").arg(label);
    return QString();
}

} // namespace

QString grantTypeName(OAuth2GrantType type)
{
    switch (type) {
    case OAuth2GrantType::AuthorizationCode:
        return OAuth2Config::tr("Authorization Code");
    case OAuth2GrantType::AuthorizationCodePkce:
        return OAuth2Config::tr("Authorization Code (With PKCE)");
    case OAuth2GrantType::Implicit:
        return OAuth2Config::tr("Implicit (discouraged)");
    case OAuth2GrantType::Password:
        return OAuth2Config::tr("Password Credentials");
    case OAuth2GrantType::ClientCredentials:
        return OAuth2Config::tr("Client Credentials");
    case OAuth2GrantType::DeviceCode:
        return OAuth2Config::tr("Device Authorization");
    case OAuth2GrantType::JwtBearer:
        return OAuth2Config::tr("JWT Bearer");
    }
    return QString();
}

QString grantTypeKey(OAuth2GrantType type)
{
    switch (type) {
    case OAuth2GrantType::AuthorizationCode:
        return u"authorization_code"_s;
    case OAuth2GrantType::AuthorizationCodePkce:
        return u"authorization_code_with_pkce"_s;
    case OAuth2GrantType::Implicit:
        return u"implicit"_s;
    case OAuth2GrantType::Password:
        return u"password"_s;
    case OAuth2GrantType::ClientCredentials:
        return u"client_credentials"_s;
    case OAuth2GrantType::DeviceCode:
        return u"device_code"_s;
    case OAuth2GrantType::JwtBearer:
        return u"jwt_bearer"_s;
    }
    return QString();
}

OAuth2GrantType grantTypeFromKey(const QString &key)
{
    for (const OAuth2GrantType type :
         { OAuth2GrantType::AuthorizationCode, OAuth2GrantType::AuthorizationCodePkce,
           OAuth2GrantType::Implicit, OAuth2GrantType::Password, OAuth2GrantType::ClientCredentials,
           OAuth2GrantType::DeviceCode, OAuth2GrantType::JwtBearer }) {
        if (grantTypeKey(type) == key)
            return type;
    }
    return OAuth2GrantType::AuthorizationCode;
}

QString clientAuthenticationName(ClientAuthentication authentication)
{
    switch (authentication) {
    case ClientAuthentication::Body:
        return OAuth2Config::tr("Send client credentials in body");
    case ClientAuthentication::BasicHeader:
        return OAuth2Config::tr("Send as Basic Auth header");
    case ClientAuthentication::ClientSecretJwt:
        return OAuth2Config::tr("Signed JWT with the client secret (client_secret_jwt)");
    case ClientAuthentication::PrivateKeyJwt:
        return OAuth2Config::tr("Signed JWT with a private key (private_key_jwt)");
    }
    return QString();
}

QString clientAuthenticationKey(ClientAuthentication authentication)
{
    switch (authentication) {
    case ClientAuthentication::Body:
        return u"body"_s;
    case ClientAuthentication::BasicHeader:
        return u"header"_s;
    case ClientAuthentication::ClientSecretJwt:
        return u"client_secret_jwt"_s;
    case ClientAuthentication::PrivateKeyJwt:
        return u"private_key_jwt"_s;
    }
    return u"body"_s;
}

ClientAuthentication clientAuthenticationFromKey(const QString &key)
{
    for (const ClientAuthentication authentication :
         { ClientAuthentication::BasicHeader, ClientAuthentication::ClientSecretJwt,
           ClientAuthentication::PrivateKeyJwt }) {
        if (clientAuthenticationKey(authentication) == key)
            return authentication;
    }
    return ClientAuthentication::Body;
}

QStringList OAuth2Config::problems() const
{
    QStringList problems;
    if (tokenName.trimmed().isEmpty())
        problems << OAuth2Config::tr("Token Name is empty.");
    // Custom schemes (com.example.app:/callback) are legitimate redirect URIs (RFC 8252 §7.1).
    for (const QString &problem :
         { usesBrowser() ? endpointProblem(OAuth2Config::tr("Callback URL"), callbackUrl, true) : QString(),
           usesBrowser() ? endpointProblem(OAuth2Config::tr("Auth URL"), authUrl) : QString(),
           usesDeviceCode()
               ? endpointProblem(OAuth2Config::tr("Device Authorization URL"), deviceAuthorizationUrl)
               : QString(),
           usesPushedAuthorization() ? endpointProblem(OAuth2Config::tr("PAR Endpoint URL"), parUrl)
                                     : QString(),
           usesTokenEndpoint() ? endpointProblem(OAuth2Config::tr("Access Token URL"), accessTokenUrl)
                               : QString(),
           refreshUrl.trimmed().isEmpty()
               ? QString()
               : endpointProblem(OAuth2Config::tr("Refresh Token URL"), refreshUrl),
           revokeUrl.trimmed().isEmpty()
               ? QString()
               : endpointProblem(OAuth2Config::tr("Revoke Token URL"), revokeUrl) }) {
        if (!problem.isEmpty())
            problems << problem;
    }
    // A JWT bearer grant may name its client in the assertion alone (Google's service accounts).
    if (clientId.trimmed().isEmpty() && !(usesJwtBearer() && !assertionIssuer.trimmed().isEmpty()))
        problems << OAuth2Config::tr("Client ID is empty.");
    if (usesJwtBearer() && clientKeyFile.trimmed().isEmpty())
        problems << OAuth2Config::tr(
            "Private Key File is empty: the JWT bearer grant signs its assertion with a key.");
    else if (usesPrivateKey() && clientKeyFile.trimmed().isEmpty())
        problems << OAuth2Config::tr("Private Key File is empty: private_key_jwt signs with a key.");
    if (usesJwtBearer() && !assertionClaims.trimmed().isEmpty()
        && !QJsonDocument::fromJson(assertionClaims.toUtf8()).isObject())
        problems << OAuth2Config::tr(
            "Assertion Claims must be a JSON object, such as {\"scope\": \"read\"}.");
    if (usesTokenEndpoint() && clientAuthentication == ClientAuthentication::ClientSecretJwt
        && clientSecret.isEmpty())
        problems << OAuth2Config::tr("Client Secret is empty: client_secret_jwt signs with it.");
    if (!clientAssertionAudience.trimmed().isEmpty() && usesClientAssertion()) {
        if (const QString problem
            = endpointProblem(OAuth2Config::tr("Assertion Audience"), clientAssertionAudience);
            !problem.isEmpty())
            problems << problem;
    }
    if (!clientAssertionAlgorithm.isEmpty()
        && !QStringList { u"RS256"_s, u"PS256"_s, u"ES256"_s }.contains(clientAssertionAlgorithm))
        problems << OAuth2Config::tr("Signing Algorithm must be RS256, PS256 or ES256.");
    for (const OAuth2ExtraParameter &extra : extraParameters) {
        if (extra.name.trimmed().isEmpty())
            continue;
        if (extra.placement == OAuth2ExtraParameter::Placement::Header
            && extra.stage != OAuth2ExtraParameter::Stage::Authorization) {
            if (const QString e = HttpValidation::headerNameError(extra.name.trimmed()); !e.isEmpty())
                problems << OAuth2Config::tr("Extra parameter: %1").arg(e);
            if (const QString e = HttpValidation::headerValueError(extra.value); !e.isEmpty())
                problems << OAuth2Config::tr("Extra parameter “%1”: %2").arg(extra.name.trimmed(), e);
        }
    }
    if (usesPkce() && !codeVerifier.isEmpty()) {
        if (const QString problem = codeVerifierProblem(codeVerifier); !problem.isEmpty())
            problems << problem;
    }
    for (const QChar c : state) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            problems << OAuth2Config::tr("State may only hold printable ASCII characters (RFC 6749 §A.5).");
            break;
        }
    }
    return problems;
}

FormFields OAuth2Config::extraFor(OAuth2ExtraParameter::Stage stage,
                                  OAuth2ExtraParameter::Placement placement) const
{
    using Stage = OAuth2ExtraParameter::Stage;
    FormFields fields;
    if (placement == OAuth2ExtraParameter::Placement::Body || stage == Stage::Authorization) {
        if (!audience.trimmed().isEmpty() && stage != Stage::Refresh)
            fields.append({ u"audience"_s, audience.trimmed() });
        if (!resource.trimmed().isEmpty())
            fields.append({ u"resource"_s, resource.trimmed() });
    }
    for (const OAuth2ExtraParameter &extra : extraParameters) {
        if (extra.stage == stage && !extra.name.trimmed().isEmpty()
            && (stage == Stage::Authorization || extra.placement == placement))
            fields.append({ extra.name.trimmed(), extra.value });
    }
    return fields;
}

FormFields OAuth2Config::extraFor(OAuth2ExtraParameter::Stage stage) const
{
    return extraFor(stage, OAuth2ExtraParameter::Placement::Body);
}

QString OAuth2Config::codeVerifierProblem(const QString &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return OAuth2Config::tr("Code Verifier must be 43 to 128 characters long (RFC 7636 §4.1); it has %1.")
            .arg(verifier.size());
    for (const QChar c : verifier) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'-' || u == u'.' || u == u'_' || u == u'~';
        if (!ok)
            return OAuth2Config::tr(
                "Code Verifier may only hold letters, digits and - . _ ~ (RFC 7636 §4.1).");
    }
    return QString();
}

QString OAuth2Config::generateCodeVerifier()
{
    // 48 random bytes, base64url without padding: 64 characters of the unreserved alphabet.
    QByteArray bytes(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString OAuth2Config::codeChallenge(const QString &verifier, PkceMethod method)
{
    if (method == PkceMethod::Plain)
        return verifier;
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString OAuth2Config::key() const
{
    const QString identity
        = authUrl.trimmed() + u'\n' + accessTokenUrl.trimmed() + u'\n' + clientId.trimmed();
    return QString::fromLatin1(
        QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

bool isVariableReference(const QString &value)
{
    const QString trimmed = value.trimmed();
    return trimmed.size() > 4 && trimmed.startsWith(u"{{"_s) && trimmed.endsWith(u"}}"_s)
        && trimmed.indexOf(u"{{"_s, 2) < 0 && trimmed.indexOf(u"}}"_s) == trimmed.size() - 2;
}

QString pkceMethodText(PkceMethod method)
{
    return method == PkceMethod::Plain ? u"plain"_s : u"S256"_s;
}

PkceMethod pkceMethodFromText(const QString &text)
{
    return text == u"plain"_s ? PkceMethod::Plain : PkceMethod::S256;
}

QJsonObject OAuth2Config::toJson(Secrets secrets) const
{
    QJsonObject object {
        { u"tokenName"_s, tokenName },
        { u"grantType"_s, grantTypeKey(grantType) },
        { u"codeChallengeMethod"_s, pkceMethodText(pkceMethod) },
        { u"callbackUrl"_s, callbackUrl },
        { u"authUrl"_s, authUrl },
        { u"accessTokenUrl"_s, accessTokenUrl },
        { u"refreshUrl"_s, refreshUrl },
        { u"revokeUrl"_s, revokeUrl },
        { u"deviceAuthorizationUrl"_s, deviceAuthorizationUrl },
        { u"parUrl"_s, parUrl },
        { u"introspectionUrl"_s, introspectionUrl },
        { u"userInfoUrl"_s, userInfoUrl },
        { u"endSessionUrl"_s, endSessionUrl },
        { u"pushAuthorizationRequest"_s, pushAuthorizationRequest },
        { u"issuer"_s, issuer },
        { u"jwksUri"_s, jwksUri },
        { u"issParameterSupported"_s, issParameterSupported },
        { u"clientId"_s, clientId },
        { u"scope"_s, scope },
        { u"state"_s, state },
        { u"clientAuthentication"_s, clientAuthenticationKey(clientAuthentication) },
    };
    // Only where used: the files of every other configuration stay as they were.
    if (!clientKeyFile.isEmpty())
        object.insert(u"clientKeyFile"_s, clientKeyFile);
    if (!clientKeyId.isEmpty())
        object.insert(u"clientKeyId"_s, clientKeyId);
    if (!clientAssertionAlgorithm.isEmpty())
        object.insert(u"clientAssertionAlgorithm"_s, clientAssertionAlgorithm);
    if (!clientAssertionAudience.isEmpty())
        object.insert(u"clientAssertionAudience"_s, clientAssertionAudience);
    if (dpop)
        object.insert(u"dpop"_s, true);
    if (!assertionIssuer.isEmpty())
        object.insert(u"assertionIssuer"_s, assertionIssuer);
    if (!assertionSubject.isEmpty())
        object.insert(u"assertionSubject"_s, assertionSubject);
    if (!assertionAudience.isEmpty())
        object.insert(u"assertionAudience"_s, assertionAudience);
    if (!assertionClaims.isEmpty())
        object.insert(u"assertionClaims"_s, assertionClaims);
    object.insert(u"audience"_s, audience);
    object.insert(u"resource"_s, resource);
    QJsonArray extras;
    for (const OAuth2ExtraParameter &extra : extraParameters) {
        static const char *const stages[] = { "authorization", "token", "refresh" };
        static const char *const places[] = { "body", "query", "header" };
        extras.append(QJsonObject { { u"name"_s, extra.name },
                                    { u"value"_s, extra.value },
                                    { u"request"_s, QString::fromLatin1(stages[int(extra.stage)]) },
                                    { u"sendIn"_s, QString::fromLatin1(places[int(extra.placement)]) } });
    }
    object.insert(u"extraParameters"_s, extras);
    if (secrets == Secrets::Include) {
        object.insert(u"clientSecret"_s, clientSecret);
        object.insert(u"codeVerifier"_s, codeVerifier);
        if (!clientKeyPassphrase.isEmpty())
            object.insert(u"clientKeyPassphrase"_s, clientKeyPassphrase);
    } else {
        // "{{secret}}" names a variable, it is not one
        if (isVariableReference(clientSecret))
            object.insert(u"clientSecret"_s, clientSecret);
        if (isVariableReference(clientKeyPassphrase))
            object.insert(u"clientKeyPassphrase"_s, clientKeyPassphrase);
    }
    return object;
}

OAuth2Config OAuth2Config::fromJson(const QJsonObject &object)
{
    OAuth2Config config;
    config.tokenName = object.value(u"tokenName"_s).toString();
    config.grantType = grantTypeFromKey(object.value(u"grantType"_s).toString());
    config.pkceMethod = pkceMethodFromText(object.value(u"codeChallengeMethod"_s).toString());
    config.codeVerifier = object.value(u"codeVerifier"_s).toString();
    config.callbackUrl = object.value(u"callbackUrl"_s).toString();
    config.authUrl = object.value(u"authUrl"_s).toString();
    config.accessTokenUrl = object.value(u"accessTokenUrl"_s).toString();
    config.refreshUrl = object.value(u"refreshUrl"_s).toString();
    config.revokeUrl = object.value(u"revokeUrl"_s).toString();
    config.deviceAuthorizationUrl = object.value(u"deviceAuthorizationUrl"_s).toString();
    config.parUrl = object.value(u"parUrl"_s).toString();
    config.introspectionUrl = object.value(u"introspectionUrl"_s).toString();
    config.userInfoUrl = object.value(u"userInfoUrl"_s).toString();
    config.endSessionUrl = object.value(u"endSessionUrl"_s).toString();
    config.pushAuthorizationRequest = object.value(u"pushAuthorizationRequest"_s).toBool();
    config.issuer = object.value(u"issuer"_s).toString();
    config.audience = object.value(u"audience"_s).toString();
    config.resource = object.value(u"resource"_s).toString();
    for (const QJsonValue &value : object.value(u"extraParameters"_s).toArray()) {
        const QJsonObject o = value.toObject();
        OAuth2ExtraParameter extra;
        extra.name = o.value(u"name"_s).toString();
        extra.value = o.value(u"value"_s).toString();
        const QString request = o.value(u"request"_s).toString();
        extra.stage = request == u"authorization"_s ? OAuth2ExtraParameter::Stage::Authorization
            : request == u"refresh"_s               ? OAuth2ExtraParameter::Stage::Refresh
                                                    : OAuth2ExtraParameter::Stage::Token;
        const QString in = o.value(u"sendIn"_s).toString();
        extra.placement = in == u"query"_s ? OAuth2ExtraParameter::Placement::Query
            : in == u"header"_s            ? OAuth2ExtraParameter::Placement::Header
                                           : OAuth2ExtraParameter::Placement::Body;
        config.extraParameters.append(extra);
    }
    config.jwksUri = object.value(u"jwksUri"_s).toString();
    config.issParameterSupported = object.value(u"issParameterSupported"_s).toBool();
    config.clientId = object.value(u"clientId"_s).toString();
    config.clientSecret = object.value(u"clientSecret"_s).toString();
    config.scope = object.value(u"scope"_s).toString();
    config.state = object.value(u"state"_s).toString();
    config.clientAuthentication
        = clientAuthenticationFromKey(object.value(u"clientAuthentication"_s).toString());
    config.clientKeyFile = object.value(u"clientKeyFile"_s).toString();
    config.clientKeyPassphrase = object.value(u"clientKeyPassphrase"_s).toString();
    config.clientKeyId = object.value(u"clientKeyId"_s).toString();
    config.clientAssertionAlgorithm = object.value(u"clientAssertionAlgorithm"_s).toString();
    config.clientAssertionAudience = object.value(u"clientAssertionAudience"_s).toString();
    config.dpop = object.value(u"dpop"_s).toBool();
    config.assertionIssuer = object.value(u"assertionIssuer"_s).toString();
    config.assertionSubject = object.value(u"assertionSubject"_s).toString();
    config.assertionAudience = object.value(u"assertionAudience"_s).toString();
    config.assertionClaims = object.value(u"assertionClaims"_s).toString();
    return config;
}

OAuth2Config OAuth2Config::forServiceNow(const QString &instanceUrl)
{
    const QString base = ServiceNow::instanceRoot(instanceUrl);
    OAuth2Config config;
    config.authUrl = base + ServiceNow::authorizePath();
    config.accessTokenUrl = base + ServiceNow::tokenPath();
    config.revokeUrl = base + ServiceNow::revokePath();
    config.clientAuthentication = ClientAuthentication::Body;
    return config;
}

} // namespace Postern
