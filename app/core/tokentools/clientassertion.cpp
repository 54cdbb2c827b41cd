#include "tokentools/clientassertion.h"

#include "tokentools/signingkey.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace Postern {

QString ClientAssertion::assertionType()
{
    return u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s;
}

QString ClientAssertion::grantType()
{
    return u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s;
}

QString ClientAssertion::build(const OAuth2Config &config, QString *error, const QDateTime &now)
{
    error->clear();
    const QString clientId = config.clientId.trimmed();
    const QString audience = config.clientAssertionAudience.trimmed().isEmpty()
        ? config.accessTokenUrl.trimmed()
        : config.clientAssertionAudience.trimmed();
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject claims { { u"iss"_s, clientId },
                               { u"sub"_s, clientId },
                               { u"aud"_s, audience },
                               { u"iat"_s, issuedAt },
                               { u"exp"_s, issuedAt + LifetimeSeconds },
                               { u"jti"_s, randomJwtId() } };

    if (config.clientAuthentication == ClientAuthentication::PrivateKeyJwt)
        return signWithKey(config, claims, error);
    if (config.clientAuthentication != ClientAuthentication::ClientSecretJwt) {
        *error = tr("The client authentication is not a signed JWT.");
        return QString();
    }
    if (config.clientSecret.isEmpty()) {
        *error = tr("client_secret_jwt signs with the client secret, which is empty.");
        return QString();
    }
    const QJsonObject header { { u"alg"_s, u"HS256"_s }, { u"typ"_s, u"JWT"_s } };
    const QByteArray input = base64UrlNoPadding(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64UrlNoPadding(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature
        = QMessageAuthenticationCode::hash(input, config.clientSecret.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(input + '.' + base64UrlNoPadding(signature));
}

QString ClientAssertion::buildGrant(const OAuth2Config &config, QString *error, const QDateTime &now)
{
    error->clear();
    QJsonObject claims;
    if (!config.assertionClaims.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(config.assertionClaims.toUtf8(), &parseError);
        if (!document.isObject()) {
            *error = tr("Assertion Claims must be a JSON object, such as {\"scope\": \"read\"}.");
            return QString();
        }
        claims = document.object();
    }
    const QString issuer = config.assertionIssuer.trimmed().isEmpty() ? config.clientId.trimmed()
                                                                      : config.assertionIssuer.trimmed();
    const QString subject
        = config.assertionSubject.trimmed().isEmpty() ? issuer : config.assertionSubject.trimmed();
    const QString audience = config.assertionAudience.trimmed().isEmpty()
        ? config.accessTokenUrl.trimmed()
        : config.assertionAudience.trimmed();
    const qint64 issuedAt = now.toSecsSinceEpoch();
    // The standard claims unless Assertion Claims names them itself.
    const QJsonObject standard { { u"iss"_s, issuer },
                                 { u"sub"_s, subject },
                                 { u"aud"_s, audience },
                                 { u"iat"_s, issuedAt },
                                 { u"exp"_s, issuedAt + GrantLifetimeSeconds },
                                 { u"jti"_s, randomJwtId() } };
    for (auto it = standard.begin(); it != standard.end(); ++it) {
        if (!claims.contains(it.key()))
            claims.insert(it.key(), it.value());
    }
    if (claims.value(u"iss"_s).toString().isEmpty()) {
        *error = tr("The assertion needs an issuer: fill in Client ID or Assertion Issuer.");
        return QString();
    }
    return signWithKey(config, claims, error);
}

QString ClientAssertion::signWithKey(const OAuth2Config &config, const QJsonObject &claims, QString *error)
{
    const SigningKey key
        = SigningKey::fromFile(config.clientKeyFile.trimmed(), config.clientKeyPassphrase.toUtf8(), error);
    if (key.isNull())
        return QString();
    const QString algorithm = key.algorithmFor(config.clientAssertionAlgorithm, error);
    if (algorithm.isEmpty())
        return QString();
    QJsonObject header { { u"typ"_s, u"JWT"_s } };
    if (!config.clientKeyId.trimmed().isEmpty())
        header.insert(u"kid"_s, config.clientKeyId.trimmed());
    return key.signCompact(header, claims, algorithm, error);
}

} // namespace Postern
