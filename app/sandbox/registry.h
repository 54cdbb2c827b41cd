#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postern::Sandbox {

// One entry of the instance's Application Registry: an OAuth client.
struct Client
{
    enum class AuthMethod {
        Body, // client_id and client_secret in the token request body
        BasicHeader, // Authorization: Basic, RFC 6749 §2.3.1
        None, // public client: client_id only, PKCE required
    };

    QString clientId;
    QString clientSecret;
    QString name;
    QStringList redirectUrls;
    AuthMethod auth = AuthMethod::Body;
    int accessTokenLifespan = 1800;
    int refreshTokenLifespan = 8640000;
    bool rotateRefreshTokens = false;
    // The JWT bearer grant (ServiceNow's JWT verifier map): the public keys that verify assertions,
    // the sys_user field "sub" names ("user_name" or "sys_id"), and whether each jti is accepted once.
    bool jwtBearer = false;
    QJsonObject jwtKeys; // a JWK Set
    QString jwtUserField = QStringLiteral("user_name");
    bool jwtJtiVerification = true;
};

struct User
{
    QString userName;
    QString password;
    QString sysId;
    QString name;
};

// The configuration of a sandbox instance: its OAuth clients and its users. A plain value; the server
// keeps its own copy.
//
// clang-format off
// JSON form (Registry::fromJson). Required: "clients" with, per client, "clientId", "redirectUrls" and
// "clientSecret" (unless clientAuthentication is "none"); per user "userName" and "password". Unknown keys
// are rejected so that a misspelt key is reported instead of silently ignored.
//
//   {
//     "issuerParameter": false,              // add iss=<base URL> to authorization responses (RFC 9207)
//     "clients": [                           // at least one
//       {
//         "clientId": "postern",             // required, unique, non-empty
//         "clientSecret": "postern-secret",  // required unless clientAuthentication is "none"
//         "name": "Postern",                 // shown on the consent page; defaults to clientId
//         "redirectUrls": ["https://oauth.pstmn.io/v1/callback", "http://127.0.0.1/callback"],
//                                            // absolute URLs without fragment, at least one; a
//                                            // loopback http URL (127.0.0.1 or [::1]) matches any
//                                            // port (RFC 8252 §7.3)
//         "clientAuthentication": "body",    // "body" | "basic" | "none"
//         "accessTokenLifespan": 1800,       // seconds, 1..31536000
//         "refreshTokenLifespan": 8640000,   // seconds, 1..315360000
//         "rotateRefreshTokens": false,      // a refresh grant returns a new refresh token, the old one dies
//         "jwtBearer": {                     // optional: the client may use the JWT bearer grant
//           "jwks": {"keys": [...]},         // required: public keys (JWK Set) that sign its assertions
//           "userField": "user_name",        // "user_name" | "sys_id": what the assertion's sub names
//           "jtiVerification": true          // each jti accepted once
//         }
//       }
//     ],
//     "users": [                             // optional; the default users when absent
//       {
//         "userName": "admin",               // required, unique, non-empty
//         "password": "admin",               // required
//         "name": "System Administrator",    // defaults to userName
//         "sysId": "6816f79cc0a8016401c5a33be04be441"  // 32 lowercase hex; derived from userName when absent
//       }
//     ]
//   }
// clang-format on
struct Registry
{
    QList<Client> clients;
    QList<User> users;
    bool sendIssuer = false;

    // One client "postern" (secret "postern-secret", credentials in the body, Postman's and a loopback
    // callback), users admin/admin and abel.tuter/abel.tuter.
    static Registry defaults();
    static QList<User> defaultUsers();

    // nullopt and a message naming the offending key when json is not a valid registry.
    static std::optional<Registry> fromJson(const QByteArray &json, QString *error);

    const Client *client(const QString &clientId) const;
    const User *user(const QString &userName) const;
    const User *userBySysId(const QString &sysId) const;

    // Whether requested is an acceptable redirect_uri for a client that registered registered: an exact
    // string match, or for loopback http URLs the same URL on any port (RFC 8252 §7.3).
    static bool redirectMatches(const QString &registered, const QString &requested);

    // The registered URL requested matches, or an empty string.
    static QString matchingRedirect(const Client &client, const QString &requested);

    // A stable 32-hex sys_id for a user that did not configure one.
    static QString derivedSysId(const QString &userName);
};

QString authMethodName(Client::AuthMethod method);
std::optional<Client::AuthMethod> authMethodFromName(const QString &name);

} // namespace Postern::Sandbox
