#pragma once

#include "auth/oauth2token.h"
#include "oauth/deviceflow.h"
#include "runner/collectionrunner.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Postern {

class HttpClient;
class RequestSender;
class TokenEndpointClient;
class TokenStore;

// How `postern run` sends: through HttpClient, and a request whose authorization is OAuth 2.0 gets its
// token by itself when its grant needs no person in front of it: client credentials, the password grant
// with the authorization's username and password (variables, resolved by the runner), and the device
// grant (RFC 8628), whose code deviceCodeReady() hands over to be printed for a person to approve on
// any device while the run waits. A token comes from the
// token endpoint on first use, again when it has expired (or is about to) and once more after a 401 that
// says invalid_token; when the server gave a refresh token, that is tried first, and the grant again
// when it is refused. Requests waiting for the same configuration's token wait for one answer. Tokens
// stay in this object's memory and never reach the output. A grant that needs a browser here
// (authorization code, implicit) or a password grant without its credentials fails the request with a
// message naming what works.
class CliSender : public QObject
{
    Q_OBJECT

public:
    CliSender(HttpClient *client, TokenEndpointClient *endpoint, QObject *parent = nullptr);
    ~CliSender() override;

    CollectionRunner::Sender sender();
    // Every access token obtained so far and the client secrets used, for masking; with stored tokens,
    // theirs too.
    QStringList tokens() const;

    // The tokens the app stored (a workspace run): a request whose authorization uses one of them
    // (AuthConfig::oauth2TokenId), or that has none and whose configuration has a token obtained in
    // environmentId (the newest, as the app picks it), goes through sender, which refreshes it as the
    // app does. Not owned.
    void useStoredTokens(RequestSender *sender, TokenStore *store, const QString &environmentId);

Q_SIGNALS:
    // The device grant asks a person to approve: code.instructions() says how. tokenName names the
    // configuration. intervalChanged: the server asked to poll less often, or could not be reached.
    void deviceCodeReady(const QString &tokenName, const Postern::DeviceCode &code);
    void deviceIntervalChanged(const QString &tokenName, int seconds, const QString &why);

private:
    struct Pending;
    void send(const std::shared_ptr<Pending> &pending);
    void fetchToken(const std::shared_ptr<Pending> &pending);
    void sendWithToken(const std::shared_ptr<Pending> &pending);
    void tokenAnswered(const QString &key, bool refreshing, const OAuth2Result &result);

    HttpClient *m_client;
    TokenEndpointClient *m_endpoint;
    RequestSender *m_storedSender = nullptr;
    TokenStore *m_store = nullptr;
    QString m_environmentId;
    QHash<QString, OAuth2Token> m_tokens; // by OAuth2Config::key()
    QStringList m_secrets; // every token obtained and client secret sent, also those replaced since
    QHash<QString, QList<std::shared_ptr<Pending>>> m_waiting; // by key, while its token is fetched
};

} // namespace Postern
