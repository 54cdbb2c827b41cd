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

QString display(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

} // namespace

JwksResult JwksResult::fromDocument(const QByteArray &json, const QUrl &url)
{
    JwksResult result;
    result.url = url;
    const QString where = url.isEmpty() ? u"The key set"_s : u"The key set at %1"_s.arg(display(url));
    if (json.trimmed().startsWith('<')) {
        result.error = where + u" is an HTML or XML page, not JSON."_s;
        return result;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        result.error
            = where + u" is not JSON (%1 at offset %2)."_s.arg(error.errorString()).arg(error.offset);
        return result;
    }
    const QJsonValue keysValue = document.object().value(u"keys"_s);
    if (!document.isObject() || !keysValue.isArray()) {
        result.error = where + u" is not a JWK Set: it has no \u201ckeys\u201d array."_s;
        return result;
    }

    // RFC 7517 §4: private members. A published set must never hold them; they are dropped.
    static const QStringList privateMembers { u"d"_s,  u"p"_s,  u"q"_s,   u"dp"_s,
                                              u"dq"_s, u"qi"_s, u"oth"_s, u"k"_s };
    QJsonArray keys;
    const QJsonArray input = keysValue.toArray();
    for (qsizetype i = 0; i < input.size(); ++i) {
        if (!input.at(i).isObject() || !input.at(i).toObject().value(u"kty"_s).isString()) {
            result.error = where + u": key #%1 is not a JWK (an object with a \u201ckty\u201d)."_s.arg(i + 1);
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
            result.warnings << u"Key #%1 was published with private key material, which was discarded; the "
                               "server leaks its secret."_s.arg(i + 1);
        keys.append(key);
    }
    if (keys.isEmpty())
        result.warnings << u"The key set has no keys."_s;
    result.jwks = QJsonObject { { u"keys"_s, keys } };
    result.message = u"%1 key(s) from %2."_s.arg(keys.size()).arg(display(url));
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
        result.message = u"%1 key(s) from %2 (fetched earlier in this session)."_s
                             .arg(result.jwks.value(u"keys"_s).toArray().size())
                             .arg(display(jwksUri));
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
        result.error = u"No answer from %1 within %2 s."_s.arg(display(url)).arg(m_timeout / 1000.0);
    } else if (response.error == HttpResponse::Error::TooLarge) {
        result.error = u"The key set at %1 is larger than %2 MiB; refused."_s.arg(display(url))
                           .arg(MaxDocumentSize >> 20);
    } else if (response.error != HttpResponse::Error::None) {
        result.error = u"Could not fetch %1: %2"_s.arg(display(url), response.errorMessage);
    } else if (response.statusCode != 200) {
        result.error = u"%1 answered HTTP %2."_s.arg(display(url)).arg(response.statusCode);
    } else {
        result = JwksResult::fromDocument(response.body, url);
        if (result.ok())
            m_cache.insert(cacheKey(url), result.jwks);
    }
    qCDebug(lcAuth) << "key set fetched, ok:" << result.ok();
    Q_EMIT finished(result);
}

} // namespace Postern
