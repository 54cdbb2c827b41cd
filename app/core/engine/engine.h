#pragma once

#include <QObject>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

class CookieStore;
class HistoryStore;
class HttpClient;
class RequestSender;
class TokenEndpointClient;
class TokenRefresher;
class TokenStore;
class Workspace;

// The objects that send requests and keep tokens fresh, made in one place over a network manager and a
// token store it does not own: the HTTP client, the token endpoint client (direct grants, refresh,
// revocation), the refresher and the sender that attaches tokens. The window and any front end without
// widgets (a command line) use the same ones; all are children of this object.
class Engine : public QObject
{
    Q_OBJECT

public:
    Engine(QNetworkAccessManager *network, TokenStore *tokens, QObject *parent = nullptr);

    QNetworkAccessManager *network() const { return m_network; }
    TokenStore *tokens() const { return m_tokens; }
    HttpClient *client() const { return m_client; }
    TokenEndpointClient *endpoint() const { return m_endpoint; }
    TokenRefresher *refresher() const { return m_refresher; }
    RequestSender *sender() const { return m_sender; }

    // A workspace's history and cookie jar, this machine's, in the workspace's state folder: loaded,
    // the jar installed in the network manager (which owns it from then on), the history a child of
    // historyParent. messages says what could not be read (the store starts empty then).
    struct WorkspaceState
    {
        HistoryStore *history = nullptr;
        CookieStore *cookies = nullptr;
        QStringList messages;
    };
    WorkspaceState openWorkspaceState(const Workspace *workspace, int maxHistoryEntries,
                                      QObject *historyParent);

private:
    QNetworkAccessManager *m_network;
    TokenStore *m_tokens;
    HttpClient *m_client;
    TokenEndpointClient *m_endpoint;
    TokenRefresher *m_refresher;
    RequestSender *m_sender;
};

} // namespace Postern
