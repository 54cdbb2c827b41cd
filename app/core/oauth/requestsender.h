#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "oauth/tokenrefresher.h"
#include "tokentools/signingkey.h"

#include <QObject>
#include <QPointer>

namespace Postern {

class HttpCall;
class HttpClient;
class TokenRefresher;
class TokenStore;

// One request on its way through RequestSender; finished() exactly once, after send() returned.
class SendOperation : public QObject
{
    Q_OBJECT

public:
    void cancel();
    bool wasRetried() const { return m_retried; }

Q_SIGNALS:
    // The answer as it arrives: bytes of the body read so far, and its size (-1 when not known).
    void progress(qint64 received, qint64 total);
    void finished(const Postern::HttpResponse &response);

private:
    friend class RequestSender;
    SendOperation(HttpClient *client, TokenStore *store, TokenRefresher *refresher,
                  const HttpRequest &request, QObject *parent);
    void start();
    void refreshThenSend(TokenRefresher::Refresh when);
    void sendNow();
    void onResponse(const HttpResponse &response);
    void finish(const HttpResponse &response);
    bool usesStoredToken() const;
    // The token's value goes out, and for a DPoP-bound access token its key proves possession.
    void takeToken(const OAuth2Token &token);

    HttpClient *m_client;
    TokenStore *m_store;
    TokenRefresher *m_refresher;
    HttpRequest m_request;
    QPointer<HttpCall> m_call;
    bool m_retried = false;
    bool m_tokenLookedValid = false; // when it was sent: not expired by our clock
    SigningKey m_dpopKey; // of the token sent, when it is DPoP-bound
    bool m_dpopRetried = false; // a resource server's nonce demand is answered once
    bool m_canceled = false;
    bool m_finished = false;
};

// Sends requests as the user composed them, with the OAuth 2.0 care Postman users ask for:
//  - before sending with a token that has expired or expires within a minute, and has a refresh
//    token, it is refreshed first (auto-refresh, on by default; many requests, one refresh);
//  - a 401 with WWW-Authenticate: Bearer error="invalid_token" (RFC 6750 §3.1) for a token that looked
//    good when it was sent: one refresh, one retry, then the 401 is shown as it is.
// With auto-refresh off, neither happens: the token goes out as it is and the answer is shown.
// A DPoP-bound token (RFC 9449 §7) goes out as Authorization: DPoP with a proof of its key for this
// method and URL; a 401 asking for a DPoP nonce is answered once with the nonce the server gave.
// The current token's value is read from the store at send time, never from a stale copy. Borrows the
// client, the store and the refresher.
class RequestSender : public QObject
{
    Q_OBJECT

public:
    RequestSender(HttpClient *client, TokenStore *store, TokenRefresher *refresher,
                  QObject *parent = nullptr);

    SendOperation *send(const HttpRequest &request);
    HttpClient *client() const { return m_client; }

private:
    HttpClient *m_client;
    TokenStore *m_store;
    TokenRefresher *m_refresher;
};

} // namespace Postern
