#include "tokentools/dpop.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonObject>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString()
        .toLower();
}

struct NonceBook
{
    QMutex mutex;
    QHash<QString, QString> byOrigin;
};

NonceBook &nonceBook()
{
    static NonceBook book;
    return book;
}

} // namespace

QString Dpop::htu(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

QString Dpop::ath(const QString &accessToken)
{
    return QString::fromLatin1(
        base64UrlNoPadding(QCryptographicHash::hash(accessToken.toLatin1(), QCryptographicHash::Sha256)));
}

QString Dpop::proof(const SigningKey &key, const QByteArray &method, const QUrl &url,
                    const QString &accessToken, const QString &nonce, QString *error, const QDateTime &now)
{
    const QString algorithm = key.algorithmFor(u"ES256"_s, error);
    if (algorithm.isEmpty())
        return QString();
    const QJsonObject header { { u"typ"_s, u"dpop+jwt"_s }, { u"jwk"_s, key.publicJwk() } };
    QJsonObject claims { { u"jti"_s, randomJwtId() },
                         { u"htm"_s, QString::fromLatin1(method) },
                         { u"htu"_s, htu(url) },
                         { u"iat"_s, now.toSecsSinceEpoch() } };
    if (!accessToken.isEmpty())
        claims.insert(u"ath"_s, ath(accessToken));
    if (!nonce.isEmpty())
        claims.insert(u"nonce"_s, nonce);
    return key.signCompact(header, claims, algorithm, error);
}

void Dpop::rememberNonce(const QUrl &url, const QByteArray &header)
{
    const QByteArray nonce = header.trimmed();
    if (nonce.isEmpty() || nonce.size() > 1024)
        return;
    for (const char c : nonce) {
        if (c <= 0x20 || c >= 0x7f)
            return; // RFC 9449 §8.1: NQCHAR only
    }
    NonceBook &book = nonceBook();
    const QMutexLocker lock(&book.mutex);
    book.byOrigin.insert(originOf(url), QString::fromLatin1(nonce));
}

QString Dpop::nonceFor(const QUrl &url)
{
    NonceBook &book = nonceBook();
    const QMutexLocker lock(&book.mutex);
    return book.byOrigin.value(originOf(url));
}

void Dpop::forgetNonces()
{
    NonceBook &book = nonceBook();
    const QMutexLocker lock(&book.mutex);
    book.byOrigin.clear();
}

bool Dpop::resourceAsksForNonce(int status, const QByteArray &wwwAuthenticate)
{
    const QByteArray value = wwwAuthenticate.toLower();
    return status == 401 && value.contains("dpop") && value.contains("use_dpop_nonce");
}

} // namespace Postern
