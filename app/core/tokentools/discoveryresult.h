#pragma once

#include "auth/oauth2config.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Postern {

// What an authorization server publishes about itself (RFC 8414 §2, OpenID Connect Discovery 1.0
// §3), checked, or why it was refused. A plain value made by Discovery, or by fromDocument() for a
// document obtained some other way.
//
// A document is refused, never half-used, when: it is not a JSON object; its "issuer" is missing
// or differs in any character from the issuer asked for (RFC 8414 §3.3); an endpoint is not an
// absolute http(s) URL without fragment; an endpoint uses plain http while the issuer uses https;
// the token endpoint, or the authorization endpoint for grants that need it, is missing; a listed
// field has the wrong JSON type.
struct DiscoveryResult
{
    QString error; // why the metadata was refused or not found, for the user; empty when it was had
    QString message; // on success a one-line summary
    QStringList warnings; // accepted but worth saying ("the issuer uses plain http")

    QString requestedIssuer; // what was asked for, exactly as compared
    QUrl metadataUrl; // where the document was found
    QStringList attempts; // one line per URL tried: "https://…/.well-known/… → HTTP 404"

    QString issuer;
    QString authorizationEndpoint;
    QString tokenEndpoint;
    QString revocationEndpoint;
    QString deviceAuthorizationEndpoint; // RFC 8628 §4
    QString pushedAuthorizationRequestEndpoint; // RFC 9126 §5
    bool requirePushedAuthorizationRequests = false;
    QString userinfoEndpoint;
    QString introspectionEndpoint;
    QString endSessionEndpoint; // OpenID Connect RP-Initiated Logout 1.0 §2.1
    QString jwksUri;
    // As advertised; empty when the document leaves them out (see the effective…() defaults).
    QStringList codeChallengeMethodsSupported;
    QStringList tokenEndpointAuthMethodsSupported;
    QStringList grantTypesSupported;
    QStringList scopesSupported;
    QStringList responseTypesSupported;
    bool authorizationResponseIssParameterSupported = false; // RFC 9207

    QJsonObject raw; // the whole document
    QByteArray rawJson; // its bytes as received, keys in the server's order

    // RFC 8414 §2 defaults for omitted lists: ["client_secret_basic"] and
    // ["authorization_code", "implicit"].
    bool ok() const { return error.isEmpty(); }

    QStringList effectiveTokenEndpointAuthMethods() const;
    QStringList effectiveGrantTypes() const;

    // The form's Auth URL and Access Token URL from the metadata, and client authentication: the
    // Basic header when the server takes client_secret_basic but not client_secret_post (also when it
    // lists no methods: RFC 8414's default is client_secret_basic), the body otherwise. Other fields
    // are kept. Returns config unchanged when !ok.
    OAuth2Config applyTo(OAuth2Config config) const;

    // Checks a metadata document against the issuer asked for (exact comparison). metadataUrl is only
    // used in messages.
    static DiscoveryResult fromDocument(const QByteArray &json, const QString &expectedIssuer,
                                        const QUrl &metadataUrl = QUrl());

    Q_DECLARE_TR_FUNCTIONS(Postern::DiscoveryResult)
};

} // namespace Postern
