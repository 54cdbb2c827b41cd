#include "oauth/tokenendpointclient.h"

#include "auth/servicenow.h"
#include "base/logging.h"
#include "oauth/oauthnetworkmanager.h"
#include "tokentools/clientassertion.h"
#include "tokentools/signingkey.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// An absolute http(s) URL with a host and no fragment, or a sentence saying what is wrong with it.
QString endpointProblem(const QString &label, const QString &text)
{
    if (text.isEmpty())
        return TokenEndpointClient::tr("%1 is empty.").arg(label);
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"https"_s && scheme != u"http"_s) || url.host().isEmpty())
        return TokenEndpointClient::tr("%1 is not an absolute http or https URL.").arg(label);
    if (url.hasFragment())
        return TokenEndpointClient::tr("%1 must not contain a fragment (#…).").arg(label);
    return QString();
}

QString originOf(const QString &urlText)
{
    return QUrl(urlText)
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

QString joinProblems(const QStringList &problems)
{
    QStringList nonEmpty;
    for (const QString &problem : problems) {
        if (!problem.isEmpty())
            nonEmpty << problem;
    }
    return nonEmpty.join(u'\n');
}

// The fields every new token inherits from the configuration that obtained it.
// The parameters that say who the client is: the form's, never an extra parameter's.
bool isClientAuthentication(const QString &name)
{
    return name == u"client_id"_s || name == u"client_secret"_s || name == u"client_assertion"_s
        || name == u"client_assertion_type"_s;
}

OAuth2Token newTokenTemplate(const OAuth2Config &config, const QString &grantType)
{
    OAuth2Token token;
    token.name = config.tokenName.trimmed();
    token.issuer = originOf(config.accessTokenUrl.trimmed());
    token.configKey = config.key();
    token.grantType = grantType;
    token.scope = config.scope.trimmed();
    return token;
}

} // namespace

TokenEndpointClient::TokenEndpointClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

TokenEndpointClient::~TokenEndpointClient() = default;

TokenEndpointJob *TokenEndpointClient::requestPasswordToken(const OAuth2Config &config,
                                                            const QString &username, const QString &password)
{
    FormFields fields { { u"grant_type"_s, u"password"_s },
                        { u"username"_s, username },
                        { u"password"_s, password } };
    if (!config.scope.trimmed().isEmpty())
        fields.append({ u"scope"_s, config.scope.trimmed() });
    const QString problem
        = joinProblems({ endpointProblem(tr("Access Token URL"), config.accessTokenUrl.trimmed()),
                         config.clientId.trimmed().isEmpty() ? tr("Client ID is empty.") : QString(),
                         username.isEmpty() ? tr("Username is empty.") : QString() });
    return startJob(TokenEndpointJob::Kind::PasswordGrant, config, config.accessTokenUrl.trimmed(), fields,
                    newTokenTemplate(config, u"password"_s), problem);
}

TokenEndpointJob *TokenEndpointClient::requestClientCredentialsToken(const OAuth2Config &config)
{
    FormFields fields { { u"grant_type"_s, u"client_credentials"_s } };
    if (!config.scope.trimmed().isEmpty())
        fields.append({ u"scope"_s, config.scope.trimmed() });
    const QString problem
        = joinProblems({ endpointProblem(tr("Access Token URL"), config.accessTokenUrl.trimmed()),
                         config.clientId.trimmed().isEmpty() ? tr("Client ID is empty.") : QString() });
    return startJob(TokenEndpointJob::Kind::ClientCredentialsGrant, config, config.accessTokenUrl.trimmed(),
                    fields, newTokenTemplate(config, u"client_credentials"_s), problem);
}

TokenEndpointJob *TokenEndpointClient::requestJwtBearerToken(const OAuth2Config &config)
{
    QString error;
    const QString assertion = ClientAssertion::buildGrant(config, &error);
    FormFields fields { { u"grant_type"_s, ClientAssertion::grantType() }, { u"assertion"_s, assertion } };
    if (!config.scope.trimmed().isEmpty())
        fields.append({ u"scope"_s, config.scope.trimmed() });
    const QString problem
        = joinProblems({ endpointProblem(tr("Access Token URL"), config.accessTokenUrl.trimmed()), error });
    return startJob(TokenEndpointJob::Kind::JwtBearerGrant, config, config.accessTokenUrl.trimmed(), fields,
                    newTokenTemplate(config, u"jwt_bearer"_s), problem);
}

TokenEndpointJob *TokenEndpointClient::requestDeviceAuthorization(const OAuth2Config &config,
                                                                  const QString &deviceAuthorizationUrl)
{
    FormFields fields;
    if (!config.scope.trimmed().isEmpty())
        fields.append({ u"scope"_s, config.scope.trimmed() });
    const QString problem
        = joinProblems({ endpointProblem(tr("Device Authorization URL"), deviceAuthorizationUrl.trimmed()),
                         config.clientId.trimmed().isEmpty() ? tr("Client ID is empty.") : QString() });
    return startJob(TokenEndpointJob::Kind::DeviceAuthorization, config, deviceAuthorizationUrl.trimmed(),
                    fields, OAuth2Token(), problem);
}

TokenEndpointJob *TokenEndpointClient::introspect(const OAuth2Config &config, const OAuth2Token &token,
                                                  const QString &introspectionUrl)
{
    const FormFields fields { { u"token"_s, token.accessToken },
                              { u"token_type_hint"_s, u"access_token"_s } };
    const QString problem
        = joinProblems({ endpointProblem(tr("Introspection URL"), introspectionUrl.trimmed()),
                         token.accessToken.isEmpty() ? tr("The token holds no access token.") : QString() });
    return startJob(TokenEndpointJob::Kind::Introspection, config, introspectionUrl.trimmed(), fields, token,
                    problem);
}

TokenEndpointJob *TokenEndpointClient::pushAuthorizationRequest(const OAuth2Config &config,
                                                                const FormFields &parameters)
{
    const QString problem
        = joinProblems({ endpointProblem(tr("PAR Endpoint URL"), config.parUrl.trimmed()),
                         config.clientId.trimmed().isEmpty() ? tr("Client ID is empty.") : QString() });
    return startJob(TokenEndpointJob::Kind::PushedAuthorization, config, config.parUrl.trimmed(), parameters,
                    OAuth2Token(), problem);
}

TokenEndpointJob *TokenEndpointClient::requestDeviceToken(const OAuth2Config &config,
                                                          const QString &deviceCode)
{
    const FormFields fields { { u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:device_code"_s },
                              { u"device_code"_s, deviceCode } };
    const QString problem
        = joinProblems({ endpointProblem(tr("Access Token URL"), config.accessTokenUrl.trimmed()),
                         config.clientId.trimmed().isEmpty() ? tr("Client ID is empty.") : QString(),
                         deviceCode.isEmpty() ? tr("There is no device code.") : QString() });
    return startJob(TokenEndpointJob::Kind::DeviceCodeGrant, config, config.accessTokenUrl.trimmed(), fields,
                    newTokenTemplate(config, u"device_code"_s), problem);
}

TokenEndpointJob *TokenEndpointClient::refresh(const OAuth2Config &config, const OAuth2Token &token,
                                               const QString &refreshUrl)
{
    const bool ownUrl = !refreshUrl.trimmed().isEmpty();
    const QString url = ownUrl ? refreshUrl.trimmed() : config.accessTokenUrl.trimmed();
    // RFC 6749 §6: no scope, so the server keeps the one originally granted.
    const FormFields fields { { u"grant_type"_s, u"refresh_token"_s },
                              { u"refresh_token"_s, token.refreshToken } };
    const QString problem = joinProblems(
        { endpointProblem(ownUrl ? tr("Refresh Token URL") : tr("Access Token URL"), url),
          config.clientId.trimmed().isEmpty() ? tr("Client ID is empty.") : QString(),
          token.refreshToken.isEmpty() ? tr("This token has no refresh token; get a new token instead.")
                                       : QString() });
    OAuth2Token renewed = token;
    if (renewed.name.isEmpty())
        renewed.name = config.tokenName.trimmed();
    if (renewed.issuer.isEmpty())
        renewed.issuer = originOf(config.accessTokenUrl.trimmed());
    if (renewed.configKey.isEmpty())
        renewed.configKey = config.key();
    return startJob(TokenEndpointJob::Kind::Refresh, config, url, fields, renewed, problem);
}

TokenEndpointJob *TokenEndpointClient::revoke(const OAuth2Config &config, const OAuth2Token &token,
                                              const QString &revokeUrl)
{
    // RFC 7009 §2.1: revoking the refresh token ends the grant, and with it its access tokens.
    const bool refresh = !token.refreshToken.isEmpty();
    const FormFields fields { { u"token"_s, refresh ? token.refreshToken : token.accessToken },
                              { u"token_type_hint"_s, refresh ? u"refresh_token"_s : u"access_token"_s } };
    const QString problem = joinProblems(
        { endpointProblem(tr("Revocation URL"), revokeUrl.trimmed()),
          !refresh && token.accessToken.isEmpty() ? tr("The token holds nothing to revoke.") : QString() });
    return startJob(TokenEndpointJob::Kind::Revocation, config, revokeUrl.trimmed(), fields, token, problem);
}

void TokenEndpointClient::cancel()
{
    const QList<TokenEndpointJob *> jobs = findChildren<TokenEndpointJob *>(Qt::FindDirectChildrenOnly);
    for (TokenEndpointJob *job : jobs)
        job->cancel();
}

QString TokenEndpointClient::serviceNowRevokeUrl(const OAuth2Config &config)
{
    QUrl url(config.accessTokenUrl.trimmed(), QUrl::StrictMode);
    const QString path = url.path();
    const QString tokenPath = ServiceNow::tokenPath();
    if (!url.isValid() || url.host().isEmpty() || !path.endsWith(tokenPath, Qt::CaseInsensitive))
        return QString();
    url.setPath(path.chopped(tokenPath.size()) + ServiceNow::revokePath());
    url.setQuery(QString());
    url.setFragment(QString());
    return url.toString();
}

TokenEndpointJob *TokenEndpointClient::startJob(TokenEndpointJob::Kind kind, const OAuth2Config &config,
                                                const QString &url, FormFields fields,
                                                const OAuth2Token &tokenTemplate, QString problem)
{
    auto *job = new TokenEndpointJob(kind, tokenTemplate, this);
    QNetworkRequest request { QUrl(url) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setRawHeader("Accept", "application/json");
    // Redirects are judged one by one in the job: same origin only.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    // The request stands alone: no credentials Qt remembers, no cookies of other requests, nothing cached.
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    // RFC 6749 §2.3.1. A public client (no secret) only names itself.
    const QString clientId = config.clientId.trimmed();
    if (config.usesClientAssertion()) {
        // RFC 7523 §2.2: a signed JWT instead of the secret, made afresh for every request.
        QString error;
        const QString assertion = ClientAssertion::build(config, &error);
        if (assertion.isEmpty() && problem.isEmpty())
            problem = error;
        fields.append({ u"client_id"_s, clientId });
        fields.append({ u"client_assertion_type"_s, ClientAssertion::assertionType() });
        fields.append({ u"client_assertion"_s, assertion });
    } else if (config.clientSecret.isEmpty()) {
        if (!clientId.isEmpty())
            fields.append({ u"client_id"_s, clientId });
    } else if (config.clientAuthentication == ClientAuthentication::BasicHeader) {
        request.setRawHeader("Authorization",
                             OAuthNetworkManager::basicHeaderValue(clientId, config.clientSecret));
    } else {
        fields.append({ u"client_id"_s, clientId });
        fields.append({ u"client_secret"_s, config.clientSecret });
    }

    if (kind == TokenEndpointJob::Kind::PushedAuthorization) {
        // The caller gave the whole authorization request, its extra parameters included; client_id
        // belongs to it (RFC 9126 §2.1) also when the client authenticates with Basic.
        if (!FormUrlEncoded::contains(fields, u"client_id"_s))
            fields.prepend({ u"client_id"_s, clientId });
    } else if (kind == TokenEndpointJob::Kind::DeviceAuthorization) {
        // What would have gone in the authorization URL's query, in the body of this request instead.
        for (const FormField &extra : config.extraFor(OAuth2ExtraParameter::Stage::Authorization)) {
            const bool reserved
                = isClientAuthentication(extra.first) || FormUrlEncoded::contains(fields, extra.first);
            if (!extra.first.isEmpty() && !reserved)
                fields.append(extra);
        }
    } else if (kind != TokenEndpointJob::Kind::Revocation && kind != TokenEndpointJob::Kind::Introspection) {
        // The form's Advanced parameters of this request: in the body, the query or a header.
        using Placement = OAuth2ExtraParameter::Placement;
        const auto stage = kind == TokenEndpointJob::Kind::Refresh ? OAuth2ExtraParameter::Stage::Refresh
                                                                   : OAuth2ExtraParameter::Stage::Token;
        FormFields extras = m_extraParameters;
        extras += config.extraFor(stage, Placement::Body);
        request.setUrl(
            FormUrlEncoded::appendToQuery(request.url(), config.extraFor(stage, Placement::Query)));
        for (const FormField &header : config.extraFor(stage, Placement::Header)) {
            if (header.first.compare(u"authorization"_s, Qt::CaseInsensitive) == 0)
                continue; // client authentication is the form's, not an extra's
            request.setRawHeader(header.first.toLatin1(), header.second.toUtf8());
        }
        for (const FormField &extra : std::as_const(extras)) {
            const bool reserved
                = isClientAuthentication(extra.first) || FormUrlEncoded::contains(fields, extra.first);
            if (extra.first.isEmpty() || reserved) {
                qCWarning(lcAuth) << "extra token parameter skipped:" << extra.first;
                continue;
            }
            fields.append(extra);
        }
    }
    if (!m_network && problem.isEmpty())
        problem = tr("No network access manager was given.");

    // RFC 9449: requests that obtain a token prove a key; a refresh proves the token's own key.
    const bool obtainsToken = kind != TokenEndpointJob::Kind::Revocation
        && kind != TokenEndpointJob::Kind::Introspection
        && kind != TokenEndpointJob::Kind::DeviceAuthorization
        && kind != TokenEndpointJob::Kind::PushedAuthorization;
    SigningKey dpopKey;
    if (obtainsToken && kind == TokenEndpointJob::Kind::Refresh && tokenTemplate.isDpopBound()) {
        dpopKey = SigningKey::fromPem(tokenTemplate.dpopKey.toLatin1());
        if (dpopKey.isNull() && problem.isEmpty())
            problem = tr("The token's DPoP key cannot be read; get a new token.");
    } else if (obtainsToken && config.dpop) {
        dpopKey = SigningKey::generateP256();
        if (dpopKey.isNull() && problem.isEmpty())
            problem = tr("No key pair could be made for DPoP.");
    }
    if (!dpopKey.isNull()) {
        // A second sending needs assertions with new jti values.
        job->useDpop(dpopKey, [config](FormFields *form) {
            QString error;
            for (FormField &field : *form) {
                if (field.first == u"client_assertion"_s && config.usesClientAssertion())
                    field.second = ClientAssertion::build(config, &error);
                else if (field.first == u"assertion"_s && config.usesJwtBearer())
                    field.second = ClientAssertion::buildGrant(config, &error);
            }
        });
    }
    job->start(m_network, request, fields, m_timeoutMs, problem);
    return job;
}

} // namespace Postern
