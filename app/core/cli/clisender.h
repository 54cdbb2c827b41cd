#pragma once

#include "auth/oauth2token.h"
#include "runner/collectionrunner.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Postern {

class HttpClient;
class TokenEndpointClient;

// How `postern run` sends: through HttpClient, and a request whose authorization is OAuth 2.0 gets its
// token by itself when its grant needs no person: client credentials, and the password grant with the
// authorization's username and password (variables, resolved by the runner). A token comes from the
// token endpoint on first use, again when it has expired (or is about to) and once more after a 401 that
// says invalid_token; when the server gave a refresh token, that is tried first, and the grant again
// when it is refused. Requests waiting for the same configuration's token wait for one answer. Tokens
// stay in this object's memory and never reach the output. A grant that needs a person (authorization
// code, implicit) or a password grant without its credentials fails the request with a message naming
// what works.
class CliSender : public QObject
{
    Q_OBJECT

public:
    CliSender(HttpClient *client, TokenEndpointClient *endpoint, QObject *parent = nullptr);
    ~CliSender() override;

    CollectionRunner::Sender sender();
    // Every access token obtained so far and the client secrets used, for masking.
    QStringList tokens() const;

private:
    struct Pending;
    void send(const std::shared_ptr<Pending> &pending);
    void fetchToken(const std::shared_ptr<Pending> &pending);
    void sendWithToken(const std::shared_ptr<Pending> &pending);

    HttpClient *m_client;
    TokenEndpointClient *m_endpoint;
    QHash<QString, OAuth2Token> m_tokens; // by OAuth2Config::key()
    QStringList m_secrets; // every token obtained and client secret sent, also those replaced since
    QHash<QString, QList<std::shared_ptr<Pending>>> m_waiting; // by key, while its token is fetched
};

} // namespace Postern
