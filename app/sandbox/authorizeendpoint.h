#pragma once

#include "sandbox/httpexchange.h"
#include "sandbox/oauthstore.h"
#include "sandbox/registry.h"

#include <functional>

namespace Postern::Sandbox {

// The browser side of the authorization server: /oauth_auth.do, the login page and the consent page.
//
//   client ──GET /oauth_auth.do──▶ validate client, redirect_uri, response_type, state, PKCE
//                                  └─ any failure: 400 HTML page, never a redirect (RFC 6749 §4.1.2.1)
//          ◀─302 /oauth_login.do?request=ID   (no session cookie)
//          ◀─302 /oauth_consent.do?request=ID (signed in)
//   browser ──GET /oauth_login.do──▶ form with a single-use token (hidden field sysparm_ck + cookie)
//   browser ──POST /oauth_login.do──▶ token checked (403 page if missing or wrong), session cookie,
//                                     302 to consent
//   browser ──POST /oauth_consent.do action=allow|deny──▶ 302 redirect_uri?code=…&state=…
//                                                          or #access_token=… (implicit, §4.2.2)
//                                                          or ?error=access_denied&… (§4.1.2.1)
//
// Borrows the registry and the store from the server, which outlives it.
class AuthorizeEndpoint
{
public:
    static constexpr QByteArrayView sessionCookie = "JSESSIONID";

    AuthorizeEndpoint(const Registry &registry, OAuthStore &store, std::function<QString()> issuer);

    Reply authorize(const Request &request);
    Reply login(const Request &request);
    Reply consent(const Request &request);

private:
    // The login form with a fresh form token (in a hidden field and a cookie).
    Reply loginPage(const QString &requestId, const QString &clientName, const QString &userName,
                    const QString &error);
    Reply answerAuthorization(const OAuthStore::PendingAuthorization &pending, bool allowed);
    QString location(const QString &redirectUri, const FormFields &parameters, bool inFragment) const;
    QString userDisplayName(const QString &userName) const;

    const Registry &m_registry;
    OAuthStore &m_store;
    std::function<QString()> m_issuer;
};

} // namespace Postern::Sandbox
