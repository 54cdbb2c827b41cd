#include "auth/oauth2token.h"

#include "auth/oauth2config.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// expires_in as RFC 6749 §5.1 says (a number of seconds), tolerating a numeric string as some
// servers send. Returns -1 when absent or unusable.
qint64 expiresIn(const QJsonValue &value)
{
    qint64 seconds = -1;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d >= 0 && d < 1e12)
            seconds = qint64(d);
    } else if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok && parsed >= 0 && parsed < qint64(1e12))
            seconds = parsed;
    }
    return seconds;
}

} // namespace

bool OAuth2Token::isExpired(const QDateTime &now) const
{
    return revoked || (expiresAt.isValid() && now >= expiresAt);
}

qint64 OAuth2Token::secondsLeft(const QDateTime &now) const
{
    return expiresAt.isValid() ? now.secsTo(expiresAt) : 0;
}

OAuth2Token OAuth2Token::fromResponse(const QJsonObject &response, const QDateTime &receivedAt,
                                      QString *error)
{
    OAuth2Token token;
    const QJsonValue access = response.value(u"access_token"_s);
    if (!access.isString() || access.toString().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("Postern::OAuth2Token",
                                                 "The token endpoint's answer has no access_token.");
        return token;
    }
    token.id = newId();
    token.accessToken = access.toString();
    token.refreshToken = response.value(u"refresh_token"_s).toString();
    token.idToken = response.value(u"id_token"_s).toString();
    token.tokenType = response.value(u"token_type"_s).toString();
    token.scope = response.value(u"scope"_s).toString();
    token.obtainedAt = receivedAt.toUTC();
    const qint64 seconds = expiresIn(response.value(u"expires_in"_s));
    if (seconds > 0)
        token.expiresAt = token.obtainedAt.addSecs(seconds);
    else if (seconds == 0)
        token.expiresAt = token.obtainedAt;
    token.raw = response;
    return token;
}

QJsonObject OAuth2Token::metadataJson() const
{
    QJsonObject object {
        { u"id"_s, id },
        { u"name"_s, name },
        { u"tokenType"_s, tokenType },
        { u"scope"_s, scope },
        { u"grantType"_s, grantType },
        { u"issuer"_s, issuer },
        { u"configKey"_s, configKey },
        { u"obtainedAt"_s, obtainedAt.toString(Qt::ISODateWithMs) },
        { u"hasRefreshToken"_s, !refreshToken.isEmpty() },
    };
    if (expiresAt.isValid())
        object.insert(u"expiresAt"_s, expiresAt.toString(Qt::ISODateWithMs));
    if (revoked)
        object.insert(u"revoked"_s, true);
    if (!environment.isEmpty())
        object.insert(u"environment"_s, environment);
    if (!dpopThumbprint.isEmpty())
        object.insert(u"dpopThumbprint"_s, dpopThumbprint);
    return object;
}

OAuth2Token OAuth2Token::fromMetadataJson(const QJsonObject &object)
{
    OAuth2Token token;
    token.id = object.value(u"id"_s).toString();
    token.name = object.value(u"name"_s).toString();
    token.tokenType = object.value(u"tokenType"_s).toString();
    token.scope = object.value(u"scope"_s).toString();
    token.grantType = object.value(u"grantType"_s).toString();
    token.issuer = object.value(u"issuer"_s).toString();
    token.configKey = object.value(u"configKey"_s).toString();
    token.obtainedAt = QDateTime::fromString(object.value(u"obtainedAt"_s).toString(), Qt::ISODateWithMs);
    token.expiresAt = QDateTime::fromString(object.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
    token.revoked = object.value(u"revoked"_s).toBool();
    token.environment = object.value(u"environment"_s).toString();
    token.dpopThumbprint = object.value(u"dpopThumbprint"_s).toString();
    return token;
}

QByteArray OAuth2Token::secretsBlob() const
{
    QJsonObject secrets {
        { u"accessToken"_s, accessToken },
        { u"refreshToken"_s, refreshToken },
        { u"idToken"_s, idToken },
        { u"raw"_s, raw },
    };
    if (!dpopKey.isEmpty())
        secrets.insert(u"dpopKey"_s, dpopKey);
    return QJsonDocument(secrets).toJson(QJsonDocument::Compact);
}

bool OAuth2Token::setSecretsFromBlob(const QByteArray &blob)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(blob, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject secrets = document.object();
    accessToken = secrets.value(u"accessToken"_s).toString();
    refreshToken = secrets.value(u"refreshToken"_s).toString();
    idToken = secrets.value(u"idToken"_s).toString();
    raw = secrets.value(u"raw"_s).toObject();
    dpopKey = secrets.value(u"dpopKey"_s).toString();
    return !accessToken.isEmpty();
}

const OAuth2Token *OAuth2Token::newestFor(const QList<OAuth2Token> &tokens, const QString &configKey,
                                          const QString &environment)
{
    const OAuth2Token *best = nullptr;
    for (const OAuth2Token &token : tokens) {
        if (token.environment != environment || token.revoked
            || (!token.configKey.isEmpty() && token.configKey != configKey))
            continue;
        if (!best || token.obtainedAt > best->obtainedAt)
            best = &token;
    }
    return best;
}

QString OAuth2Token::instanceOf(const OAuth2Config &config)
{
    const QUrl url(config.usesTokenEndpoint() ? config.accessTokenUrl.trimmed() : config.authUrl.trimmed());
    if (!url.isValid() || url.host().isEmpty())
        return QString();
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

QString OAuth2Token::unusableReason(const OAuth2Token *token, const OAuth2Config &config,
                                    const QDateTime &now)
{
    if (!token || token->accessToken.isEmpty())
        return QCoreApplication::translate(
            "Postern::OAuth2Token",
            "This request uses OAuth 2.0 but has no token, so it was not sent (it would have gone out "
            "without an Authorization header). Get a new access token, or choose one in Current Token.");
    const QString name = token->name.isEmpty()
        ? QCoreApplication::translate("Postern::OAuth2Token", "(unnamed)")
        : token->name;
    if (token->revoked)
        return QCoreApplication::translate(
                   "Postern::OAuth2Token",
                   "The token “%1” was revoked, so the request was not sent: Postern does not use a "
                   "revoked token. Get a new access token.")
            .arg(name);
    if (token->expiresAt.isValid() && now >= token->expiresAt && token->refreshToken.isEmpty())
        return QCoreApplication::translate(
                   "Postern::OAuth2Token",
                   "The token “%1” expired at %2 and has no refresh token, so the request was not "
                   "sent. "
                   "Get a new access token.")
            .arg(name, QLocale().toString(token->expiresAt.toLocalTime(), QLocale::ShortFormat));
    const QString expected = instanceOf(config);
    if (!token->issuer.isEmpty() && !expected.isEmpty() && token->issuer != expected)
        return QCoreApplication::translate(
                   "Postern::OAuth2Token",
                   "The token “%1” belongs to %2, but this request's OAuth 2.0 settings point to %3, "
                   "so "
                   "the request was not sent. Get a new access token for %3.")
            .arg(name, token->issuer, expected);
    return QString();
}

QString OAuth2Token::newId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QString id;
    for (const quint32 word : words)
        id += u"%1"_s.arg(word, 8, 16, QChar(u'0'));
    return id;
}

} // namespace Postern
