#pragma once

#include "auth/oauth2config.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Postern {

// The signed JWT a client authenticates with at the token endpoint instead of sending its secret
// (RFC 7523 §2.2 and §3, OpenID Connect Core §9): client_secret_jwt signs with HMAC SHA-256 and the
// client secret, private_key_jwt with the private key of the configuration's key file (PEM, encrypted
// or not, or PKCS#12), RS256, PS256 or ES256.
//
// The claims: iss and sub the client id, aud the configured audience or else the Access Token URL, iat
// now, exp a minute later, and a jti of 32 random bytes so that no two assertions are alike (a server
// refuses one it has seen, RFC 7523 §3 item 7). The header names the key ("kid") when the
// configuration does. Neither the key, its passphrase nor the assertion is ever logged.
class ClientAssertion
{
    Q_DECLARE_TR_FUNCTIONS(Postern::ClientAssertion)

public:
    static constexpr int LifetimeSeconds = 60;
    static constexpr int GrantLifetimeSeconds = 300;

    // The assertion, a compact JWS, to send as client_assertion with client_assertion_type (and
    // client_id, which RFC 7523 leaves optional and servers such as Okta want). Empty, with *error a
    // sentence for the user (naming the key file, never its content), when the key cannot be read or
    // does not fit the algorithm.
    static QString build(const OAuth2Config &config, QString *error,
                         const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The JWT bearer grant's assertion (RFC 7523 §2.1 and §3), signed with the configuration's private
    // key: iss the Assertion Issuer or else the client id, sub the Assertion Subject or else the issuer,
    // aud the Assertion Audience or else the Access Token URL, iat now, exp five minutes later, a fresh
    // jti; the JSON object of Assertion Claims adds claims (scope for Google and DocuSign, …) and may
    // replace the standard ones. Empty, with *error, when the claims are not a JSON object or the key
    // cannot sign.
    static QString buildGrant(const OAuth2Config &config, QString *error,
                              const QDateTime &now = QDateTime::currentDateTimeUtc());

    // "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    static QString assertionType();
    // "urn:ietf:params:oauth:grant-type:jwt-bearer"
    static QString grantType();

private:
    static QString signWithKey(const OAuth2Config &config, const QJsonObject &claims, QString *error);
};

} // namespace Postern
