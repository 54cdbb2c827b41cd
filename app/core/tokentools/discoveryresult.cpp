#include "tokentools/discoveryresult.h"

#include "auth/oauth2config.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Server text in messages is quoted and cut short; escaping it for display is the UI's job.
QString quoted(const QString &text)
{
    return u'\u201c' + (text.size() > 200 ? text.left(200) + u'\u2026' : text) + u'\u201d';
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host == u"localhost"_s || host == u"127.0.0.1"_s || host == u"::1"_s
        || host.endsWith(u".localhost"_s);
}

DiscoveryResult refuse(DiscoveryResult result, const QString &message)
{
    result.error = message;
    return result;
}

// Reads a string-list member into *out. False when present but not an array of strings.
bool readList(const QJsonObject &document, const QString &key, QStringList *out)
{
    const QJsonValue value = document.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue item : value.toArray()) {
        if (!item.isString())
            return false;
        out->append(item.toString());
    }
    return true;
}

} // namespace

QStringList DiscoveryResult::effectiveTokenEndpointAuthMethods() const
{
    if (!raw.contains(u"token_endpoint_auth_methods_supported"_s))
        return { u"client_secret_basic"_s };
    return tokenEndpointAuthMethodsSupported;
}

QStringList DiscoveryResult::effectiveGrantTypes() const
{
    if (!raw.contains(u"grant_types_supported"_s))
        return { u"authorization_code"_s, u"implicit"_s };
    return grantTypesSupported;
}

OAuth2Config DiscoveryResult::applyTo(OAuth2Config config) const
{
    if (!ok())
        return config;
    if (!authorizationEndpoint.isEmpty())
        config.authUrl = authorizationEndpoint;
    if (!tokenEndpoint.isEmpty())
        config.accessTokenUrl = tokenEndpoint;
    config.revokeUrl = revocationEndpoint;
    config.deviceAuthorizationUrl = deviceAuthorizationEndpoint;
    config.parUrl = pushedAuthorizationRequestEndpoint;
    config.introspectionUrl = introspectionEndpoint;
    config.userInfoUrl = userinfoEndpoint;
    config.endSessionUrl = endSessionEndpoint;
    // A server that takes only pushed authorization requests gets only those.
    if (requirePushedAuthorizationRequests && !config.parUrl.isEmpty())
        config.pushAuthorizationRequest = true;
    config.issuer = issuer;
    config.jwksUri = jwksUri;
    config.issParameterSupported = authorizationResponseIssParameterSupported;
    const QStringList methods = effectiveTokenEndpointAuthMethods();
    config.clientAuthentication
        = methods.contains(u"client_secret_basic"_s) && !methods.contains(u"client_secret_post"_s)
        ? ClientAuthentication::BasicHeader
        : ClientAuthentication::Body;
    return config;
}

DiscoveryResult DiscoveryResult::fromDocument(const QByteArray &json, const QString &expectedIssuer,
                                              const QUrl &metadataUrl)
{
    DiscoveryResult result;
    result.requestedIssuer = expectedIssuer;
    result.metadataUrl = metadataUrl;
    const QString where = metadataUrl.isEmpty()
        ? tr("The metadata")
        : tr("The answer from %1").arg(metadataUrl.toString(QUrl::RemoveUserInfo));

    const QByteArray trimmed = json.trimmed();
    if (trimmed.isEmpty())
        return refuse(result, tr("%1 is empty.").arg(where));
    if (trimmed.startsWith('<'))
        return refuse(result, tr("%1 is an HTML or XML page, not JSON metadata.").arg(where));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return refuse(result,
                      tr("%1 is not JSON (%2 at offset %3).")
                          .arg(where, error.errorString(), QString::number(error.offset)));
    if (!document.isObject())
        return refuse(result, tr("%1 is JSON but not an object.").arg(where));
    result.raw = document.object();
    result.rawJson = json;
    const QJsonObject &doc = result.raw;

    // RFC 8414 §3.3 / OpenID Connect Discovery §4.3: the issuer must be identical to the one asked for.
    const QJsonValue issuerValue = doc.value(u"issuer"_s);
    if (!issuerValue.isString() || issuerValue.toString().isEmpty())
        return refuse(result,
                      tr("%1 has no “issuer”, so it cannot be tied to %2; refused.")
                          .arg(where, quoted(expectedIssuer)));
    result.issuer = issuerValue.toString();
    if (result.issuer != expectedIssuer) {
        const auto withoutSlash = [](QString text) {
            while (text.endsWith(u'/'))
                text.chop(1);
            return text;
        };
        if (withoutSlash(result.issuer) == withoutSlash(expectedIssuer))
            return refuse(result,
                          tr("The server’s issuer is %1, which differs from %2 by a trailing "
                             "slash. Issuers must match exactly (RFC 8414 §3.3): enter %1.")
                              .arg(quoted(result.issuer), quoted(expectedIssuer)));
        return refuse(result,
                      tr("%1 names the issuer %2, not %3. Issuers must match exactly "
                         "(RFC 8414 §3.3); the document is refused, since it could let one "
                         "server speak for another.")
                          .arg(where, quoted(result.issuer), quoted(expectedIssuer)));
    }
    const QUrl issuerUrl(result.issuer, QUrl::StrictMode);
    const bool secureIssuer = issuerUrl.scheme() == u"https"_s;
    if (!secureIssuer && !isLoopback(issuerUrl))
        result.warnings << tr("The issuer uses plain http: codes and tokens would travel unencrypted.");

    // Every endpoint: an absolute URL without fragment (RFC 6749 §3.1), https when the issuer is.
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const QString key = it.key();
        if (!key.endsWith(u"_endpoint"_s) && key != u"jwks_uri"_s)
            continue;
        if (!it.value().isString())
            return refuse(result, tr("“%1” is not a string; the document is refused.").arg(key.left(80)));
        const QString text = it.value().toString();
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != u"https"_s && scheme != u"http"_s) || url.host().isEmpty())
            return refuse(result,
                          tr("“%1” is not an absolute http(s) URL: %2.").arg(key.left(80), quoted(text)));
        if (url.hasFragment())
            return refuse(result,
                          tr("“%1” contains a fragment (#…), which endpoints must not: %2.")
                              .arg(key.left(80), quoted(text)));
        if (secureIssuer && scheme != u"https"_s)
            return refuse(result,
                          tr("“%1” uses plain http (%2) although the issuer uses https; refused, "
                             "since codes, tokens or keys would travel unencrypted.")
                              .arg(key.left(80), quoted(text)));
    }
    result.authorizationEndpoint = doc.value(u"authorization_endpoint"_s).toString();
    result.tokenEndpoint = doc.value(u"token_endpoint"_s).toString();
    result.revocationEndpoint = doc.value(u"revocation_endpoint"_s).toString();
    result.deviceAuthorizationEndpoint = doc.value(u"device_authorization_endpoint"_s).toString();
    result.pushedAuthorizationRequestEndpoint
        = doc.value(u"pushed_authorization_request_endpoint"_s).toString();
    result.requirePushedAuthorizationRequests
        = doc.value(u"require_pushed_authorization_requests"_s).toBool();
    result.userinfoEndpoint = doc.value(u"userinfo_endpoint"_s).toString();
    result.introspectionEndpoint = doc.value(u"introspection_endpoint"_s).toString();
    result.endSessionEndpoint = doc.value(u"end_session_endpoint"_s).toString();
    result.jwksUri = doc.value(u"jwks_uri"_s).toString();

    const QList<QPair<QString, QStringList *>> lists {
        { u"code_challenge_methods_supported"_s, &result.codeChallengeMethodsSupported },
        { u"token_endpoint_auth_methods_supported"_s, &result.tokenEndpointAuthMethodsSupported },
        { u"grant_types_supported"_s, &result.grantTypesSupported },
        { u"scopes_supported"_s, &result.scopesSupported },
        { u"response_types_supported"_s, &result.responseTypesSupported },
    };
    for (const auto &[key, target] : lists) {
        if (!readList(doc, key, target))
            return refuse(result, tr("“%1” is not a list of strings; the document is refused.").arg(key));
    }
    const QJsonValue iss = doc.value(u"authorization_response_iss_parameter_supported"_s);
    if (iss.isBool())
        result.authorizationResponseIssParameterSupported = iss.toBool();
    else if (!iss.isUndefined())
        result.warnings << tr("“authorization_response_iss_parameter_supported” is not true or false; "
                              "taken as false.");

    // RFC 8414 §2: the token endpoint unless only the implicit grant is offered; the authorization
    // endpoint unless no offered grant uses it.
    const QStringList grants = result.effectiveGrantTypes();
    if (result.tokenEndpoint.isEmpty() && grants != QStringList { u"implicit"_s })
        return refuse(result, tr("%1 has no “token_endpoint”.").arg(where));
    if (result.authorizationEndpoint.isEmpty()
        && (grants.contains(u"authorization_code"_s) || grants.contains(u"implicit"_s)))
        return refuse(result, tr("%1 has no “authorization_endpoint”.").arg(where));
    if (result.codeChallengeMethodsSupported.isEmpty())
        result.warnings << tr(
            "The server does not say it supports PKCE (no code_challenge_methods_supported).");
    else if (!result.codeChallengeMethodsSupported.contains(pkceMethodText(PkceMethod::S256)))
        result.warnings << tr("The server does not offer PKCE with S256.");

    result.message = tr("Found the metadata of %1.").arg(quoted(result.issuer));
    return result;
}

} // namespace Postern
