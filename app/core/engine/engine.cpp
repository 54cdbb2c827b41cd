#include "engine/engine.h"

#include "history/cookiestore.h"
#include "history/historystore.h"
#include "http/httpclient.h"
#include "oauth/requestsender.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrefresher.h"
#include "workspace/workspace.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Postern {

Engine::Engine(QNetworkAccessManager *network, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_client(new HttpClient(network, this))
    , m_endpoint(new TokenEndpointClient(network, this))
    , m_refresher(new TokenRefresher(tokens, m_endpoint, this))
    , m_sender(new RequestSender(m_client, tokens, m_refresher, this))
{
}

Engine::WorkspaceState Engine::openWorkspaceState(const Workspace *workspace, int maxHistoryEntries,
                                                  QObject *historyParent)
{
    WorkspaceState state;
    state.history = new HistoryStore(workspace->stateDirectory() + u"/history.json"_s, historyParent);
    state.history->setMaxEntries(maxHistoryEntries);
    state.history->load();
    if (!state.history->loadError().isEmpty())
        state.messages.append(state.history->loadError());
    state.cookies = new CookieStore(workspace->stateDirectory() + u"/cookies.json"_s);
    state.cookies->load();
    if (!state.cookies->loadError().isEmpty())
        state.messages.append(state.cookies->loadError());
    m_network->setCookieJar(state.cookies); // the manager owns the jar from now on
    return state;
}

} // namespace Postern
