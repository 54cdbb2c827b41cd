#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2result.h"
#include "base/formurlencoded.h"
#include "http/clientcertificates.h"
#include "tokentools/signingkey.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

QT_BEGIN_NAMESPACE
class QOAuth2AuthorizationCodeFlow;
QT_END_NAMESPACE

namespace Postern {

class OAuth2ReplyHandler;
class OAuthNetworkManager;

// One attempt to get a token with the authorization code grant (RFC 6749 §4.1), driven by Qt's
// QOAuth2AuthorizationCodeFlow, with what Qt 6.4 lacks done here.
//
//   start()
//     │ validate the form; state := 32 random bytes from QRandomGenerator::system()  (§10.12;
//     │                                                    Qt 6.4's own is weak: CVE-2024-36048)
//     │ with PKCE: code_verifier (given or 48 random bytes), code_challenge S256|plain   (RFC 7636)
//     ▼
//     │ with PAR (RFC 9126): the parameters go to the PAR endpoint first, with the client's
//     │ authentication; url then carries only client_id and the request_uri it answered
//     ▼
//   authorizationUrlReady(url) ──▶ the UI shows url in a login window; the user signs in, clicks Allow
//     │
//   handleRedirect(url)  ◀── the window saw a navigation to the Callback URL and stopped it
//     │ error=…            → finished(AccessDenied / AuthorizationError)            (§4.1.2.1)
//     │ state ≠ ours       → finished(StateMismatch); nothing is sent              (§10.12)
//     │ code               → the flow POSTs it to the token endpoint                (§4.1.3)
//     ▼
//   OAuth2ReplyHandler checks the answer (§5.1 / §5.2)
//     │ error, HTML, no access_token, no answer → finished(failure)
//     │ scope openid: the ID token's nonce must be the one sent (OpenID Connect Core §3.1.3.7)
//     ▼
//   finished(token)  (expiry counted from when the answer arrived, never the server's clock)
//
// The implicit grant (RFC 6749 §4.2), which Qt 6.4 has no flow for, runs here too: the authorization URL
// asks for response_type=token and the token comes back in the redirect's fragment, state checked the
// same way; there is no token endpoint and no refresh token.
//
// finished() is emitted exactly once. Owns its flow and its network manager. Never logs a secret.
class OAuth2Session : public QObject
{
    Q_OBJECT

public:
    explicit OAuth2Session(const OAuth2Config &config, QObject *parent = nullptr);
    ~OAuth2Session() override;

    const OAuth2Config &config() const { return m_config; }
    QString state() const { return m_state; }
    bool isFinished() const { return m_finished; }

    // How long the token endpoint may take to answer; default 30 s.
    void setTokenRequestTimeout(int milliseconds) { m_tokenTimeout.setInterval(milliseconds); }

    void start();
    // The client certificates its requests (the code exchange, PAR) present over TLS; before start().
    void setClientCertificates(const ClientCertificates &certificates) { m_certificates = certificates; }

    // Whether url is a navigation to the Callback URL: same scheme, host, port and path.
    bool isCallback(const QUrl &url) const;

    // Gives the session a navigation the login window intercepted. Returns true when it was the
    // callback (the window must then not load it); a second callback is ignored and returns true.
    bool handleRedirect(const QUrl &url);

    // Ends the attempt (the user closed the window or pressed Cancel).
    void cancel(const QString &why = QString());

Q_SIGNALS:
    void authorizationUrlReady(const QUrl &url);
    void finished(const Postern::OAuth2Result &result);

private:
    void finish(const OAuth2Result &result);
    void onGranted();
    void startImplicit();
    void pushThenGrant();
    void finishImplicit(const FormFields &fields);
    OAuth2Token withOrigin(OAuth2Token token) const;
    // Why the ID token cannot be taken (its nonce), or empty.
    QString nonceProblem(const QString &idToken) const;

    OAuth2Config m_config;
    QString m_state;
    QString m_codeVerifier; // RFC 7636, with the PKCE grant
    QString m_requestUri; // RFC 9126, once the authorization request was pushed
    QString m_nonce; // OpenID Connect Core §3.1.2.1, when the scope asks for an ID token
    OAuthNetworkManager *m_manager = nullptr;
    OAuth2ReplyHandler *m_handler = nullptr;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    SigningKey m_dpopKey; // RFC 9449, when the configuration asks for DPoP
    ClientCertificates m_certificates; // TLS client certificates for the token endpoint
    QVariantMap m_callbackValues; // to exchange the code once more after a DPoP nonce demand
    QTimer m_tokenTimeout;
    bool m_callbackSeen = false;
    bool m_finished = false;
};

} // namespace Postern
