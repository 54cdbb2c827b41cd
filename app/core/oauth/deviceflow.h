#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace Postern {

class TokenEndpointClient;
class TokenEndpointJob;

// What the user is shown to approve a device authorization (RFC 8628 §3.2–3.3).
struct DeviceCode
{
    QString userCode; // to type on the verification page
    QUrl verificationUri;
    QUrl verificationUriComplete; // the page with the code filled in; empty when the server gave none
    QDateTime expiresAt; // UTC
    int intervalSeconds = 5; // between two polls of the token endpoint

    // The answer of a device authorization endpoint, judged as hostile: device_code, user_code and
    // verification_uri (Google's verification_url too) must be there, the URIs http or https; a missing
    // or odd expires_in counts as 30 minutes (at most a day), a missing or odd interval as 5 seconds (at
    // most 5 minutes). On a problem, *problem says what is wrong and the result is empty.
    static DeviceCode fromAnswer(const QJsonObject &answer, const QDateTime &receivedAt, QString *deviceCode,
                                 QString *problem);

    // What a person is told to do, in plain text for a terminal: "Open https://… on any device and
    // enter the code WDJB-MJHT (or open https://…?user_code=WDJB-MJHT, which has it filled in). The code
    // expires in 10 minutes." (the minutes counted from now).
    QString instructions(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    Q_DECLARE_TR_FUNCTIONS(Postern::DeviceCode)
};

// The device authorization grant (RFC 8628), as the front ends see it: start() asks for a code,
// codeReady() hands it over to be shown, the token endpoint is polled until the user approved, denied,
// or the code expired, and finished() comes exactly once per start() (also after cancel()).
//
// Postern's own flow (DeviceAuthorizationFlow) is the one made by create(); this interface is what a
// flow built on Qt's QOAuth2DeviceAuthorizationFlow (Qt 6.9 and later) would implement, so that the
// front ends do not change with it.
class DeviceFlow : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // config: client, scope and Access Token URL as for every grant; deviceAuthorizationUrl is where the
    // code is asked for. Returns false while a flow runs, and (after finished()) when there is nothing
    // to send it with; a configuration that cannot be used ends in finished() later.
    virtual bool start(const OAuth2Config &config, const QString &deviceAuthorizationUrl) = 0;
    virtual void cancel(const QString &why = QString()) = 0;
    virtual bool isRunning() const = 0;

    // The endpoint client is borrowed: it must outlive the flow.
    static DeviceFlow *create(TokenEndpointClient *endpoint, QObject *parent = nullptr);

Q_SIGNALS:
    void codeReady(const Postern::DeviceCode &code);
    // The server asked to poll less often (slow_down), or the token endpoint could not be reached and
    // the flow backs off: the seconds between polls from now on, and why, in a sentence to show.
    void intervalChanged(int seconds, const QString &why);
    void finished(const Postern::OAuth2Result &result);
};

// RFC 8628 on TokenEndpointClient:
//
//   start ── POST device authorization URL (scope, client authentication) ──▶ codeReady(code)
//     every interval seconds, until the code expires:
//       POST token endpoint grant_type=urn:ietf:params:oauth:grant-type:device_code
//         authorization_pending ──▶ poll again
//         slow_down ──────────────▶ interval + 5 s, intervalChanged(), poll again (§3.5)
//         no answer ──────────────▶ interval doubled (at most a minute), poll again (§3.5)
//         access_denied ──────────▶ finished(AccessDenied)
//         expired_token, or the code's own expiry ──▶ finished(TokenEndpointError) with a message
//         a token ────────────────▶ finished(token)   any other error ──▶ finished(that error)
//
// Never logs the device code, the user code or a token.
class DeviceAuthorizationFlow : public DeviceFlow
{
    Q_OBJECT

public:
    explicit DeviceAuthorizationFlow(TokenEndpointClient *endpoint, QObject *parent = nullptr);
    ~DeviceAuthorizationFlow() override;

    bool start(const OAuth2Config &config, const QString &deviceAuthorizationUrl) override;
    void cancel(const QString &why = QString()) override;
    bool isRunning() const override { return m_running; }

    // How long one of the server's seconds lasts here (intervals and expiry): a second, except in tests.
    void setSecondLength(std::chrono::milliseconds length) { m_second = length; }
    int intervalSeconds() const { return m_code.intervalSeconds; }

private:
    void onCodeAnswer(const OAuth2Result &result);
    void scheduleNextPoll();
    void poll();
    void onPollAnswer(const OAuth2Result &result);
    void setInterval(int seconds, const QString &why);
    qint64 millisecondsLeft() const;
    bool m_expiryNext = false; // the timer wakes the flow at the code's expiry, not for a poll
    void finish(OAuth2Result result);

    TokenEndpointClient *m_endpoint;
    std::chrono::milliseconds m_second { 1000 };
    OAuth2Config m_config;
    DeviceCode m_code;
    QString m_deviceCode;
    QElapsedTimer m_sinceCode; // monotonic: a change of the system clock does not move the expiry
    qint64 m_lifetimeSeconds = 0;
    bool m_running = false;
    QPointer<TokenEndpointJob> m_job;
    QTimer m_timer;
};

} // namespace Postern

Q_DECLARE_METATYPE(Postern::DeviceCode)
