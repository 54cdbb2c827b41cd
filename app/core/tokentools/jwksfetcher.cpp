#include "tokentools/jwksfetcher.h"

#include "base/logging.h"
#include "http/httpcall.h"
#include "http/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString cacheKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment).toString(QUrl::FullyEncoded);
}

QString withoutUserInfo(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

} // namespace

JwksResult JwksResult::fromDocument(const QByteArray &json, const QUrl &url)
{
    JwksResult result;
    result.url = url;
    const QString where = url.isEmpty() ? JwksFetcher::tr("The key set")
                                        : JwksFetcher::tr("The key set at %1").arg(withoutUserInfo(url));
    if (json.trimmed().startsWith('<')) {
        result.error = JwksFetcher::tr("%1 is an HTML or XML page, not JSON.").arg(where);
        return result;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        result.error = JwksFetcher::tr("%1 is not JSON (%2 at offset %3).")
                           .arg(where, error.errorString(), QString::number(error.offset));
        return result;
    }
    const QJsonValue keysValue = document.object().value(u"keys"_s);
    if (!document.isObject() || !keysValue.isArray()) {
        result.error = JwksFetcher::tr("%1 is not a JWK Set: it has no “keys” array.").arg(where);
        return result;
    }

    // RFC 7517 §4: private members. A published set must never hold them; they are dropped.
    static const QStringList privateMembers { u"d"_s,  u"p"_s,  u"q"_s,   u"dp"_s,
                                              u"dq"_s, u"qi"_s, u"oth"_s, u"k"_s };
    QJsonArray keys;
    const QJsonArray input = keysValue.toArray();
    for (qsizetype i = 0; i < input.size(); ++i) {
        if (!input.at(i).isObject() || !input.at(i).toObject().value(u"kty"_s).isString()) {
            result.error = JwksFetcher::tr("%1: key #%2 is not a JWK (an object with a “kty”).")
                               .arg(where, QString::number(i + 1));
            return result;
        }
        QJsonObject key = input.at(i).toObject();
        bool stripped = false;
        for (const QString &member : privateMembers) {
            if (key.contains(member)) {
                key.remove(member);
                stripped = true;
            }
        }
        if (stripped)
            result.warnings
                << JwksFetcher::tr(
                       "Key #%1 was published with private key material, which was discarded; the "
                       "server leaks its secret.")
                       .arg(i + 1);
        keys.append(key);
    }
    if (keys.isEmpty())
        result.warnings << JwksFetcher::tr("The key set has no keys.");
    result.jwks = QJsonObject { { u"keys"_s, keys } };
    result.message = JwksFetcher::tr("%1 key(s) from %2.").arg(keys.size()).arg(withoutUserInfo(url));
    return result;
}

JwksFetcher::JwksFetcher(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_client(new HttpClient(manager, this))
{
    m_client->setMaxBodySize(MaxDocumentSize);
}

bool JwksFetcher::isCached(const QUrl &jwksUri) const
{
    return m_cache.contains(cacheKey(jwksUri));
}

QJsonObject JwksFetcher::cached(const QUrl &jwksUri) const
{
    return m_cache.value(cacheKey(jwksUri));
}

void JwksFetcher::fetch(const QUrl &jwksUri, CachePolicy policy)
{
    if (policy == CachePolicy::PreferCache && isCached(jwksUri)) {
        JwksResult result;
        result.url = jwksUri;
        result.jwks = cached(jwksUri);
        result.fromCache = true;
        result.message = tr("%1 key(s) from %2 (fetched earlier in this session).")
                             .arg(result.jwks.value(u"keys"_s).toArray().size())
                             .arg(withoutUserInfo(jwksUri));
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
        return;
    }
    HttpRequest request;
    request.url = jwksUri.toString(QUrl::FullyEncoded);
    request.headers
        = { KeyValue { u"Accept"_s, u"application/json, application/jwk-set+json"_s, true, QString() } };
    request.timeoutMs = m_timeout;
    HttpCall *call = m_client->send(request);
    connect(call, &HttpCall::finished, this,
            [this, jwksUri](const HttpResponse &response) { onAnswer(jwksUri, response); });
}

void JwksFetcher::onAnswer(const QUrl &url, const HttpResponse &response)
{
    JwksResult result;
    result.url = url;
    if (response.error == HttpResponse::Error::Timeout) {
        result.error = tr("No answer from %1 within %2 s.").arg(withoutUserInfo(url)).arg(m_timeout / 1000.0);
    } else if (response.error == HttpResponse::Error::TooLarge) {
        result.error = tr("The key set at %1 is larger than %2 MiB; refused.")
                           .arg(withoutUserInfo(url))
                           .arg(MaxDocumentSize >> 20);
    } else if (response.error != HttpResponse::Error::None) {
        result.error = tr("Could not fetch %1: %2").arg(withoutUserInfo(url), response.errorMessage);
    } else if (response.statusCode != 200) {
        result.error = tr("%1 answered HTTP %2.").arg(withoutUserInfo(url)).arg(response.statusCode);
    } else {
        result = JwksResult::fromDocument(response.body, url);
        if (result.ok())
            m_cache.insert(cacheKey(url), result.jwks);
    }
    qCDebug(lcAuth) << "key set fetched, ok:" << result.ok();
    Q_EMIT finished(result);
}

} // namespace Postern
