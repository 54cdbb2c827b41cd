#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2token.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace Postern {

// OpenID Connect RP-Initiated Logout 1.0: ending the user's session at the OpenID provider, in the
// same window the user signed in with (the login window, so its cookies are the session's).
//
//   begin(config, token) ─▶ end_session_endpoint?id_token_hint=…&client_id=…
//                                      &post_logout_redirect_uri=<Callback URL>&state=<fresh>
//   the provider asks the person (its own page), then redirects to the Callback URL with state
//   finish(url, state) ─▶ empty when the sign-out is confirmed, else why not
//
// The ID token is sent as the hint (§2); without one the provider may still sign out, asking the person
// which session. Never logs the ID token.
class RpLogout
{
    Q_DECLARE_TR_FUNCTIONS(Postern::RpLogout)

public:
    struct Start
    {
        QUrl url; // to open in the login window
        QString state; // to compare with the redirect's
        QString problem; // why no sign-out can start (no end_session_endpoint, …); empty when it can
    };

    static Start begin(const OAuth2Config &config, const OAuth2Token &token);
    // Whether url is the configuration's Callback URL (scheme, host, port and path), whatever its query.
    static bool isReturn(const OAuth2Config &config, const QUrl &url);
    // Empty when url (the redirect) confirms the sign-out for state; else a sentence for the person.
    static QString finish(const QUrl &url, const QString &state);
};

} // namespace Postern
