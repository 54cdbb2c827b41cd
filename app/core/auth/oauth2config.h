#pragma once

#include "base/formurlencoded.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Postern {

enum class OAuth2GrantType {
    AuthorizationCode,
    AuthorizationCodePkce,
    Implicit, // RFC 6749 §4.2; discouraged by RFC 9700 §2.1.2, kept for servers that still need it
    Password, // RFC 6749 §4.3; the password is asked for each time and never stored
    ClientCredentials, // RFC 6749 §4.4
    DeviceCode, // RFC 8628: the user approves on another device (a phone, a browser) with a short code
    JwtBearer, // RFC 7523 §2.1: a JWT signed with the configuration's private key is the grant
};

// RFC 7636 §4.2. Plain only for servers that cannot do S256.
enum class PkceMethod { S256, Plain };
// The method's "code_challenge_method" text (RFC 7636 §4.3): "S256" or "plain". Also the word Postern's
// files and Postman's "challengeAlgorithm" use.
QString pkceMethodText(PkceMethod method);
// The method a text names: "plain" is Plain, anything else S256 (the method every server should offer).
PkceMethod pkceMethodFromText(const QString &text);

// How the client proves itself at the token endpoint (RFC 6749 §2.3.1).
enum class ClientAuthentication {
    Body, // client_id and client_secret in the form body: ServiceNow's default
    BasicHeader, // Authorization: Basic base64(urlencode(id) ":" urlencode(secret))
    // A signed JWT in client_assertion (RFC 7523 §2.2, OpenID Connect Core §9):
    ClientSecretJwt, // HS256 with the client secret
    PrivateKeyJwt, // RS256, PS256 or ES256 with a private key from a PEM or PKCS#12 file
};
// The word Postern's files use ("body", "header", "client_secret_jwt", "private_key_jwt"), and back
// (anything else is the body).
QString clientAuthenticationKey(ClientAuthentication authentication);
ClientAuthentication clientAuthenticationFromKey(const QString &key);

// One more parameter for one of the requests of a grant (Postman's "Advanced" options).
struct OAuth2ExtraParameter
{
    enum class Stage { Authorization, Token, Refresh };
    // The authorization request is a browser navigation: its parameters always go in the URL's query.
    enum class Placement { Body, Query, Header };

    QString name;
    QString value;
    Stage stage = Stage::Token;
    Placement placement = Placement::Body;

    friend bool operator==(const OAuth2ExtraParameter &a, const OAuth2ExtraParameter &b)
    {
        return a.name == b.name && a.value == b.value && a.stage == b.stage && a.placement == b.placement;
    }
};

// What the Get New Access Token form holds: everything needed to ask for one token. A plain value;
// problems() says what stops it from being used. The client secret is a secret: toJson() leaves it out
// unless asked.
struct OAuth2Config
{
    QString tokenName;
    // PKCE by default (RFC 9700 §2.1.1): a server that does not know it ignores the challenge.
    OAuth2GrantType grantType = OAuth2GrantType::AuthorizationCodePkce;
    QString callbackUrl;
    QString authUrl;
    QString accessTokenUrl;
    QString refreshUrl; // empty: the Access Token URL
    QString revokeUrl; // RFC 7009 endpoint; empty: none known
    QString introspectionUrl; // RFC 7662 endpoint (from discovery); empty: none known
    QString userInfoUrl; // OpenID Connect Core §5.3 endpoint (from discovery); empty: none known
    QString endSessionUrl; // OpenID Connect RP-Initiated Logout endpoint (from discovery); empty: none
    QString deviceAuthorizationUrl; // RFC 8628 §3.1 endpoint, for the device grant
    // RFC 9126: the code grants push their authorization parameters to parUrl first and send the
    // browser with client_id and the request_uri it answers, nothing else.
    bool pushAuthorizationRequest = false;
    QString parUrl;
    // RFC 9449: tokens obtained at the token endpoint are bound to a key pair made for each token
    // (kept with the token's secrets), proven with a DPoP proof on every request that uses them.
    bool dpop = false;
    // From discovery (RFC 8414): who the authorization server says it is, where its keys are, and
    // whether it promises "iss" on every authorization response (RFC 9207).
    QString issuer;
    QString jwksUri;
    bool issParameterSupported = false;
    QString clientId;
    QString clientSecret;
    QString scope;
    QString state; // empty: a fresh random one per request
    ClientAuthentication clientAuthentication = ClientAuthentication::Body;
    // private_key_jwt: the key's file (PEM, or PKCS#12 .p12/.pfx), its passphrase (a secret, like the
    // client secret), the "kid" the server knows it by (may be empty), and the algorithm ("RS256",
    // "PS256", "ES256"; empty: RS256 for an RSA key, ES256 for a P-256 key).
    QString clientKeyFile;
    QString clientKeyPassphrase;
    QString clientKeyId;
    QString clientAssertionAlgorithm;
    // Both JWT methods: the assertion's "aud"; empty: the Access Token URL (what RFC 7523 §3 and
    // OpenID Connect Core §9 name; some servers want their issuer instead).
    QString clientAssertionAudience;
    // The JWT bearer grant's assertion (signed with the private key above): "iss" (empty: the client
    // id), "sub" (empty: the issuer), "aud" (empty: the Access Token URL), and a JSON object of more
    // claims, which may also replace those (Google and DocuSign want "scope" there).
    QString assertionIssuer;
    QString assertionSubject;
    QString assertionAudience;
    QString assertionClaims;
    bool usesClientAssertion() const
    {
        return clientAuthentication == ClientAuthentication::ClientSecretJwt
            || clientAuthentication == ClientAuthentication::PrivateKeyJwt;
    }
    QString audience; // "audience", sent with the authorization and token requests (Auth0, Okta, …)
    QString resource; // RFC 8707 "resource", sent with the authorization, token and refresh requests
    QList<OAuth2ExtraParameter> extraParameters;
    PkceMethod pkceMethod = PkceMethod::S256; // with AuthorizationCodePkce
    QString codeVerifier; // empty: a fresh random one per request

    bool usesPkce() const { return grantType == OAuth2GrantType::AuthorizationCodePkce; }
    bool usesTokenEndpoint() const { return grantType != OAuth2GrantType::Implicit; }
    bool usesDeviceCode() const { return grantType == OAuth2GrantType::DeviceCode; }
    bool usesJwtBearer() const { return grantType == OAuth2GrantType::JwtBearer; }
    // Whether the configuration's private key is used: to sign client assertions or the grant.
    bool usesPrivateKey() const
    {
        return usesJwtBearer()
            || (usesTokenEndpoint() && clientAuthentication == ClientAuthentication::PrivateKeyJwt);
    }
    bool usesPushedAuthorization() const
    {
        return pushAuthorizationRequest
            && (grantType == OAuth2GrantType::AuthorizationCode
                || grantType == OAuth2GrantType::AuthorizationCodePkce);
    }
    // The grants that need a person to approve (in a browser here or on another device).
    bool needsPerson() const { return usesBrowser() || usesDeviceCode(); }
    // The grants that send the user to the authorization server in a browser.
    bool usesBrowser() const
    {
        return grantType == OAuth2GrantType::AuthorizationCode
            || grantType == OAuth2GrantType::AuthorizationCodePkce || grantType == OAuth2GrantType::Implicit;
    }

    // RFC 7636 §4.1: 43 to 128 characters of A-Z a-z 0-9 - . _ ~; empty when fine.
    static QString codeVerifierProblem(const QString &verifier);
    // A verifier of 64 characters from QRandomGenerator::system(); the challenge for a verifier.
    static QString generateCodeVerifier();
    static QString codeChallenge(const QString &verifier, PkceMethod method);

    // The extra parameters of one request that go in one place, audience and resource included.
    FormFields extraFor(OAuth2ExtraParameter::Stage stage, OAuth2ExtraParameter::Placement placement) const;
    // All of one request's extra parameters, wherever they were to go (for the authorization URL).
    FormFields extraFor(OAuth2ExtraParameter::Stage stage) const;

    // One sentence per problem, naming the field; empty when the configuration can be used.
    QStringList problems() const;

    // Identifies the configuration a token was obtained with (not secret, stable across restarts).
    QString key() const;

    enum class Secrets { Omit, Include };
    QJsonObject toJson(Secrets secrets = Secrets::Omit) const;
    static OAuth2Config fromJson(const QJsonObject &object);

    // A ServiceNow instance's endpoints: https://NAME.service-now.com/oauth_auth.do, …/oauth_token.do.
    static OAuth2Config forServiceNow(const QString &instanceUrl);

    Q_DECLARE_TR_FUNCTIONS(Postern::OAuth2Config)
};

// True for a value that is nothing but one {{name}} reference: it names a variable (whose value may be
// secret) and is not a secret itself, so files may keep it.
bool isVariableReference(const QString &value);

QString grantTypeName(OAuth2GrantType type);
// The grant as saved in files and stored with tokens: "authorization_code", "implicit", …
QString grantTypeKey(OAuth2GrantType type);
OAuth2GrantType grantTypeFromKey(const QString &key);
QString clientAuthenticationName(ClientAuthentication authentication);

} // namespace Postern
