#pragma once

#include "tokentools/discoveryresult.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

class HttpCall;
class HttpClient;
struct HttpResponse;

// Finds an authorization server's metadata from its issuer identifier.
//
//   discover("https://idp.example/tenant")
//     │ 1. https://idp.example/tenant/.well-known/openid-configuration   (OIDC Discovery §4: appended)
//     │ 2. https://idp.example/.well-known/oauth-authorization-server/tenant   (RFC 8414 §3.1: inserted)
//     │ an HTTP error status or a body that is not a JSON object → the next URL
//     │ no answer, too large, a transport error → stop: the next URL would fare no better
//     ▼
//   a JSON object: DiscoveryResult::fromDocument checks it (exact issuer, endpoints) → finished()
//
// A metadata URL may be given instead of an issuer (…/.well-known/openid-configuration): then only
// that URL is asked, for the issuer it implies. Each request has a deadline (default 15 s) and a
// 1 MiB cap on the answer; redirects are followed unless they go from https to http.
//
// Uses a QNetworkAccessManager it does not own. One discovery at a time: discover() while one is
// running cancels it first. finished() is emitted exactly once per discover(), always after
// discover() has returned; cancel() emits it too, not ok, with message "Canceled.".
class Discovery : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxDocumentSize = 1 << 20;

    explicit Discovery(QNetworkAccessManager *manager, QObject *parent = nullptr);
    ~Discovery() override;

    // Per request, in milliseconds; default 15000.
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }
    int timeout() const { return m_timeout; }

    void discover(const QString &issuer);
    void cancel();
    bool isRunning() const { return m_running; }

    // What discover() will ask for: the issuer to compare with and the URLs in order, or an error
    // for input that is not an issuer (not an absolute http(s) URL, a query or fragment, user info).
    struct Plan
    {
        QString issuer;
        QList<QUrl> urls;
        QString error;
    };
    static Plan plan(const QString &issuerOrMetadataUrl);

Q_SIGNALS:
    void finished(const Postern::DiscoveryResult &result);

private:
    void tryNext();
    void onAnswer(const HttpResponse &response);
    void finish(DiscoveryResult result);

    HttpClient *m_client;
    QPointer<HttpCall> m_call;
    int m_timeout = 15000;
    bool m_running = false;
    Plan m_plan;
    int m_next = 0;
    QStringList m_attempts;
    QStringList m_softFailures;
};

} // namespace Postern
