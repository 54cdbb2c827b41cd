#pragma once

#include "auth/oauth2config.h"
#include "base/keyvalue.h"

#include <optional>

namespace Postern {

// Inherit takes the authorization of the folder or collection the request is saved in (Postman's
// "Inherit auth from parent"); a request that is in none is sent without authorization.
enum class AuthType { None, Basic, Bearer, OAuth2, Inherit };

QString authTypeName(AuthType type);

// How a request proves who sends it. The credentials are secrets: nothing here logs them, and the
// UI masks them.
struct AuthConfig
{
    AuthType type = AuthType::None;
    QString username; // Basic
    QString password; // Basic
    QString token; // Bearer; for OAuth 2.0 the current token's access token, filled in by its owner

    // OAuth 2.0: the Get New Access Token form, the token in use and where it goes.
    OAuth2Config oauth2;
    QString oauth2TokenId;
    bool oauth2InQuery = false; // "Add authorization data to": request URL instead of headers
    bool oauth2AutoRefresh = true; // refresh a due token before sending (when it has a refresh token)
    bool oauth2UseIdToken = false; // "Use Token Type": the ID token instead of the access token
    QString headerPrefix = QStringLiteral("Bearer");
    // Not saved: the token in use is DPoP-bound (RFC 9449 §7.1), so it goes out as "DPoP <token>" in
    // the header whatever the prefix and "Add authorization data to" say; its proof is made at sending.
    bool tokenIsDpopBound = false;

    // For files (collections, drafts, history): the password, the bearer token and the OAuth 2.0 client
    // secret are left out unless Secrets::Include (a value that is only a {{variable}} reference is
    // kept: it names a variable); the current token's value never goes in (only its id).
    QJsonObject toJson(OAuth2Config::Secrets secrets = OAuth2Config::Secrets::Omit) const;
    static AuthConfig fromJson(const QJsonObject &object);

    // The header this authorization adds to the request, if any ("Authorization: Basic …").
    std::optional<KeyValue> header() const;
    // The query parameter it adds instead (OAuth 2.0 with "Request URL"), if any.
    std::optional<KeyValue> queryParameter() const;
};

} // namespace Postern
