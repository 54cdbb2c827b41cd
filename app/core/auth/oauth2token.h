#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Postern {

struct OAuth2Config;

// One access token as obtained from a token endpoint, with everything the answer carried.
//
// Two halves with different homes: the metadata (name, type, scope, times, where it came from) is not
// secret and may be written to a settings file; the secrets (access, refresh and ID tokens, and the
// raw answer, which contains them) go to the OS keychain only. metadataJson() never contains a secret.
struct OAuth2Token
{
    QString id; // stable, random, unique per token
    QString name; // "Token Name" as the user gave it
    QString tokenType; // "Bearer" as the server said, case preserved
    QString scope; // the granted scope, or the requested one when the server did not say
    QString grantType; // "authorization_code", …
    QString issuer; // the token endpoint's origin, e.g. https://dev1.service-now.com
    QString configKey; // which request / OAuth configuration obtained it
    QString environment; // the id of the environment in use when it was obtained ("" for none)
    QDateTime obtainedAt; // when the answer was received, UTC
    QDateTime expiresAt; // obtainedAt + expires_in, UTC; invalid when the server did not say
    bool revoked = false;
    // DPoP (RFC 9449): the RFC 7638 thumbprint of the key the token is bound to; empty for a bearer token.
    QString dpopThumbprint;

    // Secrets.
    QString accessToken;
    QString refreshToken;
    QString idToken;
    QJsonObject raw; // the whole token response, as received
    QString dpopKey; // the private key (PEM) that proves possession of a DPoP-bound token

    bool isValid() const { return !id.isEmpty() && !accessToken.isEmpty(); }
    bool isDpopBound() const { return !dpopKey.isEmpty(); }
    bool hasExpiry() const { return expiresAt.isValid(); }
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // Seconds until expiry (negative when past); 0 when there is no expiry.
    qint64 secondsLeft(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Builds a token from a token endpoint's JSON answer received at receivedAt. Fails (returns a token
    // with an empty accessToken and sets *error) when access_token is missing or not a string.
    static OAuth2Token fromResponse(const QJsonObject &response, const QDateTime &receivedAt, QString *error);

    QJsonObject metadataJson() const;
    static OAuth2Token fromMetadataJson(const QJsonObject &object);

    // The secret half, serialised for the keychain, and back.
    QByteArray secretsBlob() const;
    bool setSecretsFromBlob(const QByteArray &blob);

    static QString newId();

    // The newest token, not revoked, obtained in environment for the configuration whose key() is
    // configKey (a token that does not say its configuration counts for any); nullptr when none.
    // Switching environments picks the current token with this, so that one environment's token is
    // never sent in another.
    static const OAuth2Token *newestFor(const QList<OAuth2Token> &tokens, const QString &configKey,
                                        const QString &environment);

    // The instance a configuration obtains its tokens from, as issuer holds it for them: the origin of
    // its token URL (of its auth URL for the implicit grant); empty when that URL is not set.
    static QString instanceOf(const OAuth2Config &config);

    // Why token (nullptr: none chosen) must not be sent with a request authorized by config: revoked,
    // expired with no refresh token, or obtained from another instance than config's. Empty when it
    // may go out. In words for the user; never contains a secret.
    static QString unusableReason(const OAuth2Token *token, const OAuth2Config &config,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Postern
