#pragma once

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

class TokenEndpointClient;
class TokenRefresher;
class TokenStore;

// What the OAuth 2.0 widgets use and none of them owns: the token store, the client for direct token
// endpoint requests (password, client credentials, refresh, revoke) and the refresher. The main window
// makes the last two and outlives every widget that holds this.
struct OAuthServices
{
    TokenStore *tokens = nullptr;
    TokenEndpointClient *endpoint = nullptr;
    TokenRefresher *refresher = nullptr;
    QNetworkAccessManager *network = nullptr; // for discovery and key sets
};

} // namespace Postern
