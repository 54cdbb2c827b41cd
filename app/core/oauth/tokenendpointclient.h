#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2token.h"
#include "base/formurlencoded.h"
#include "oauth/tokenendpointjob.h"

#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

// The requests Postern makes straight to a token endpoint, without a browser: the password, client
// credentials and JWT bearer grants, refresh, and revocation.
//
//   requestPasswordToken / requestClientCredentialsToken / requestJwtBearerToken / refresh
//     │ POST accessTokenUrl (or the refresh URL), application/x-www-form-urlencoded,
//     │      Accept: application/json, client authentication as the configuration says (§2.3.1)
//     ▼
//   OAuth2ReplyHandler::checkTokenResponse judges the answer (§5.1 / §5.2), as for every flow
//     │ error, HTML, not JSON, no access_token or token_type, no answer in time → finished(failure)
//     ▼
//   finished(token)  (expiry counted from when the answer arrived)
//
//   revoke
//     │ POST token=…&token_type_hint=… to the revocation endpoint, same client authentication
//     ▼
//   any 200 is success (RFC 7009 §2.2); otherwise a message, and the token comes back marked revoked
//   either way so that the caller can stop using it
//
// Client authentication, the same for every request (Postman's refresh ignores it; this does not):
//   Body         client_id and client_secret in the form
//   BasicHeader  Authorization: Basic base64(urlencode(id) ":" urlencode(secret)), no secret in the body
//   no secret    a public client: client_id in the form only
//
// The network manager is borrowed (it must outlive the client). Each operation returns a
// TokenEndpointJob, a child of this client, whose finished() comes later and exactly once. The password
// is put into one request body and kept nowhere else. Logs carry endpoints' origins, statuses and sizes,
// never a token, secret or password.
class TokenEndpointClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultTimeoutMs = 30000;

    explicit TokenEndpointClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TokenEndpointClient() override;

    // How long an endpoint may take to answer before the job fails with Failure::Network.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // Added to every grant and refresh request after the standard parameters (audience, resource, …).
    // A name the client sends itself (grant_type, client_id, client_secret, refresh_token, …) is skipped.
    void setExtraParameters(const FormFields &parameters) { m_extraParameters = parameters; }
    FormFields extraParameters() const { return m_extraParameters; }

    // RFC 6749 §4.3: grant_type=password, username, password, scope when set.
    TokenEndpointJob *requestPasswordToken(const OAuth2Config &config, const QString &username,
                                           const QString &password);

    // RFC 6749 §4.4: grant_type=client_credentials, scope when set.
    TokenEndpointJob *requestClientCredentialsToken(const OAuth2Config &config);

    // RFC 7523 §2.1: grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer, assertion (signed from the
    // configuration's key and claims, see ClientAssertion::buildGrant), scope when set. The client
    // authenticates as configured; with no client id (an issuer alone) nothing names it.
    TokenEndpointJob *requestJwtBearerToken(const OAuth2Config &config);

    // RFC 8628 §3.1: scope when set, to deviceAuthorizationUrl, the client authenticating as for the
    // token endpoint (a public client names itself); the form's authorization-request parameters
    // (audience, resource, Advanced) go in the body. The job's answer() is the device code's JSON.
    TokenEndpointJob *requestDeviceAuthorization(const OAuth2Config &config,
                                                 const QString &deviceAuthorizationUrl);

    // RFC 9126 §2.1: the authorization request's parameters (response_type, redirect_uri, state, …,
    // given in parameters) POSTed to the configuration's PAR Endpoint URL, the client authenticating as
    // for the token endpoint. The job's answer() holds request_uri and expires_in.
    TokenEndpointJob *pushAuthorizationRequest(const OAuth2Config &config, const FormFields &parameters);

    // RFC 8628 §3.4: grant_type=urn:ietf:params:oauth:grant-type:device_code with deviceCode. A code not
    // yet approved ends in Failure::TokenEndpointError with error "authorization_pending" (§3.5).
    TokenEndpointJob *requestDeviceToken(const OAuth2Config &config, const QString &deviceCode);

    // RFC 6749 §6: grant_type=refresh_token with token's refresh token, to refreshUrl (default: the
    // Access Token URL). The new token keeps token's id, name, configKey, issuer and grantType, so a
    // store can update it in place; it keeps the old refresh token unless the answer brings a new one.
    // A refused refresh token ends in Failure::TokenEndpointError with error "invalid_grant".
    TokenEndpointJob *refresh(const OAuth2Config &config, const OAuth2Token &token,
                              const QString &refreshUrl = QString());

    // RFC 7009: revokes token's refresh token when it has one (which also ends its access tokens at
    // ServiceNow), else its access token. The result carries token with revoked set, also on failure.
    TokenEndpointJob *revoke(const OAuth2Config &config, const OAuth2Token &token, const QString &revokeUrl);

    // RFC 7662 §2.1: asks introspectionUrl whether token's access token is still active, the client
    // authenticating as for the token endpoint. The job's answer() is the server's JSON object ("active",
    // and when active "scope", "exp", "client_id", "sub", …).
    TokenEndpointJob *introspect(const OAuth2Config &config, const OAuth2Token &token,
                                 const QString &introspectionUrl);

    QNetworkAccessManager *network() const { return m_network; }

    // Cancels every job still under way.
    void cancel();

    // <instance>/oauth_revoke_token.do when the Access Token URL ends in /oauth_token.do, else empty.
    static QString serviceNowRevokeUrl(const OAuth2Config &config);

private:
    TokenEndpointJob *startJob(TokenEndpointJob::Kind kind, const OAuth2Config &config, const QString &url,
                               FormFields fields, const OAuth2Token &tokenTemplate, QString problem);

    QNetworkAccessManager *m_network;
    int m_timeoutMs = defaultTimeoutMs;
    FormFields m_extraParameters;
};

} // namespace Postern
