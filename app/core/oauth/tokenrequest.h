#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2result.h"
#include "oauth/deviceflow.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace Postern {

class DeviceFlow;
class LoopbackReceiver;
class OAuth2Session;
class TokenEndpointClient;
class TokenEndpointJob;
class TokenStore;

// What a token request is given besides the configuration (what the form holds that is not stored).
struct TokenRequestOptions
{
    bool systemBrowser = false; // code grants only: sign in in the user's own browser
    QString username; // password grant
    QString password; // password grant; used for this one request and kept nowhere
};

// Gets one OAuth 2.0 token for an already resolved configuration, whatever shows the user what is
// going on (the Get New Access Token dialog, a command line). start() checks the configuration and
// picks the flow:
//
//   password, client credentials,
//   JWT bearer ────────────────────▶ TokenEndpoint: straight to the token endpoint, no browser
//   device authorization ──────────▶ Device: a DeviceFlow asks for a code, deviceCodeReady(code) asks
//                                    the front end to show it, the token endpoint is polled until the
//                                    user approved elsewhere, denied, or the code expired
//   code grants + systemBrowser ───▶ SystemBrowser: a LoopbackReceiver on a port chosen now is the
//                                    redirect URI (RFC 8252 §7.3), BrowserLauncher opens the
//                                    authorization URL; only the redirect carrying this sign-in's state
//                                    ends the wait, which gives up after browserTimeout()
//   every other grant ──────────────▶ LoginWindow: authorizationUrlReady(url) asks the front end to
//                                    show url; it hands the redirect back with handleRedirect() (or
//                                    passes session() to a window that does) and cancel() when the
//                                    user gives up
//
// When a token comes back it is given the environment (setEnvironment) and added to the TokenStore
// (when there is one; TokenStore::add writes asynchronously, its tokensChanged()/errorOccurred() say
// when it is kept), and then finished() is emitted.
//
// Async contract: started(flow) once the configuration passed the checks, finished(result) exactly once
// per start(). A start() that sends nothing (incomplete configuration, no token endpoint client, no
// loopback port) emits finished() before it returns, and returns false. start() while a request runs
// does nothing and returns false. The endpoint client and the store are not owned and must outlive
// this object; the session and the receiver are. Never logs a secret.
class TokenRequest : public QObject
{
    Q_OBJECT

public:
    enum class Flow { None, TokenEndpoint, SystemBrowser, LoginWindow, Device };
    Q_ENUM(Flow)

    using Options = TokenRequestOptions;

    static constexpr int defaultBrowserTimeout = 5 * 60 * 1000;

    TokenRequest(TokenEndpointClient *endpoint, TokenStore *store, QObject *parent = nullptr);
    ~TokenRequest() override;

    // The id of the environment the token is obtained in ("" for none).
    void setEnvironment(const QString &environmentId) { m_environment = environmentId; }
    QString environment() const { return m_environment; }

    // How long the system browser may take to come back; 5 minutes by default.
    void setBrowserTimeout(int milliseconds) { m_browserTimeout = milliseconds; }
    int browserTimeout() const { return m_browserTimeout; }

    bool start(const OAuth2Config &config, const Options &options = {});
    bool isRunning() const { return m_running; }
    Flow flow() const { return m_flow; }
    // The configuration as sent: with the system browser, the Callback URL is the loopback one.
    const OAuth2Config &config() const { return m_config; }

    // The session of a browser flow while it runs (for a login window), else nullptr.
    OAuth2Session *session() const;
    // The login window's part: whether url is the Callback URL, and giving it back. handleRedirect()
    // returns true when url was the callback.
    bool isCallback(const QUrl &url) const;
    bool handleRedirect(const QUrl &url);
    // Ends the running request with Failure::Canceled and why as its message (a default when empty).
    void cancel(const QString &why = QString());

Q_SIGNALS:
    void started(Postern::TokenRequest::Flow flow);
    // LoginWindow flow: show url to the user and hand the redirect back.
    void authorizationUrlReady(const QUrl &url);
    // SystemBrowser flow: the browser came back to the loopback receiver (the front end may raise itself).
    void browserReturned();
    // Device flow: show the code; the seconds between polls changed (slow_down, or the endpoint failed).
    void deviceCodeReady(const Postern::DeviceCode &code);
    void deviceIntervalChanged(int seconds, const QString &why);
    void finished(const Postern::OAuth2Result &result);

private:
    void startEndpoint(const Options &options);
    void startSession(bool systemBrowser);
    void startDevice();
    void onSessionFinished(const OAuth2Result &result);
    void finish(OAuth2Result result);

    TokenEndpointClient *m_endpoint;
    QPointer<TokenStore> m_store;
    QString m_environment;
    int m_browserTimeout = defaultBrowserTimeout;
    OAuth2Config m_config;
    Flow m_flow = Flow::None;
    bool m_running = false;
    QPointer<OAuth2Session> m_session;
    QPointer<LoopbackReceiver> m_receiver;
    QPointer<TokenEndpointJob> m_job;
    QPointer<DeviceFlow> m_device;
};

} // namespace Postern
