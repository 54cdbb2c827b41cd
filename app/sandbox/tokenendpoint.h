#pragma once

#include "sandbox/httpexchange.h"
#include "sandbox/jwtbearer.h"
#include "sandbox/oauthstore.h"
#include "sandbox/registry.h"

#include <optional>

namespace Postern::Sandbox {

// /oauth_token.do and /oauth_revoke_token.do: client authentication exactly as each client is
// registered (never "whichever the client sent"), the five grants (JWT bearer too), and revocation. Errors
// follow RFC 6749 §5.2. Borrows the registry and the store from the server, which outlives it.
class TokenEndpoint
{
public:
    static constexpr qsizetype maxBodySize = 64 * 1024;

    TokenEndpoint(const Registry &registry, OAuthStore &store);

    Reply token(const Request &request);
    Reply revoke(const Request &request);

private:
    // The authenticated client, or nullptr and *failure set.
    const Client *authenticateClient(const Request &request, const FormFields &fields,
                                     std::optional<Reply> *failure) const;

    Reply authorizationCodeGrant(const Client &client, const FormFields &fields);
    Reply refreshTokenGrant(const Client &client, const FormFields &fields);
    Reply passwordGrant(const Client &client, const FormFields &fields);
    Reply clientCredentialsGrant(const Client &client, const FormFields &fields);
    Reply jwtBearerGrant(const Client &client, const FormFields &fields, const Request &request);

    const Registry &m_registry;
    OAuthStore &m_store;
    JwtBearerCheck m_jwtBearer;
};

} // namespace Postern::Sandbox
