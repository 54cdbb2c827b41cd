#pragma once

#include "auth/oauth2token.h"

#include <QString>

namespace Postern {

// How one attempt to get a token ended: a token, or one failure with a message for the user. OAuth
// errors keep RFC 6749's triple (error, error_description, error_uri) apart from transport failures.
struct OAuth2Result
{
    enum class Failure {
        None,
        InvalidConfiguration, // the form was incomplete; nothing was sent
        AccessDenied, // the user clicked Deny (error=access_denied on the redirect)
        AuthorizationError, // any other error on the redirect
        StateMismatch, // the redirect's state is missing, repeated or not ours
        MissingCode, // a redirect without code or error
        TokenEndpointError, // the token endpoint answered an OAuth error
        BadTokenResponse, // the token endpoint answered, but not with a usable token
        Network, // the token endpoint could not be reached
        Loopback, // no loopback port could be had for the browser's redirect; nothing was sent
        Storage, // a token came back but could not be stored
        Canceled, // the user closed the login window or pressed Cancel
    };

    Failure failure = Failure::None;
    QString message; // one or two sentences for the user
    QString error; // RFC 6749 error code, when the server sent one
    QString errorDescription;
    QString errorUri;
    OAuth2Token token; // valid only when ok()

    bool ok() const { return failure == Failure::None && token.isValid(); }

    static OAuth2Result failed(Failure failure, const QString &message)
    {
        OAuth2Result result;
        result.failure = failure;
        result.message = message;
        return result;
    }
};

} // namespace Postern
