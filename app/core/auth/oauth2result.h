#pragma once

#include "auth/oauth2token.h"

#include <QJsonObject>
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

    // An OAuth error answer (RFC 6749 §5.2: a JSON object whose "error" is a string) as a
    // TokenEndpointError with its error, error_description and error_uri; the message is the caller's.
    // False, and *result untouched, for anything else.
    static bool fromErrorAnswer(const QJsonObject &answer, OAuth2Result *result)
    {
        if (!answer.value(QLatin1String("error")).isString())
            return false;
        result->failure = Failure::TokenEndpointError;
        result->error = answer.value(QLatin1String("error")).toString();
        result->errorDescription = answer.value(QLatin1String("error_description")).toString();
        result->errorUri = answer.value(QLatin1String("error_uri")).toString();
        return true;
    }
};

} // namespace Postern
