#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

class HttpClient;
struct HttpResponse;

// A JWK Set as fetched from a jwks_uri (RFC 7517 §5), or why it could not be had.
struct JwksResult
{
    QString error; // why there is no key set, for the user; empty when there is one
    QString message; // on success a one-line summary ("2 key(s) from …")
    QStringList warnings; // e.g. private key members found and removed
    QUrl url;
    QJsonObject jwks; // {"keys": [...]}, public members only
    bool fromCache = false;

    bool ok() const { return error.isEmpty(); }

    // Checks a key set document: a JSON object with a "keys" array of objects that each have a
    // "kty". Private members (d, p, q, dp, dq, qi, oth, k) are removed, with a warning.
    static JwksResult fromDocument(const QByteArray &json, const QUrl &url);
};

// Fetches key sets and keeps each successful one for the lifetime of the fetcher (the session),
// one per URI. A cached key set answers at once (still through finished(), after fetch() has
// returned); PreferNetwork asks again, e.g. after JwtVerifier reported UnknownKey, which is what a
// key rotation looks like.
//
// Uses a QNetworkAccessManager it does not own. Each fetch() emits finished() exactly once, with its
// URL in the result. The same deadline and size cap as Discovery: 15 s, 1 MiB.
class JwksFetcher : public QObject
{
    Q_OBJECT

public:
    enum class CachePolicy { PreferCache, PreferNetwork };
    Q_ENUM(CachePolicy)

    static constexpr qint64 MaxDocumentSize = 1 << 20;

    explicit JwksFetcher(QNetworkAccessManager *manager, QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    void fetch(const QUrl &jwksUri, CachePolicy policy = CachePolicy::PreferCache);

    bool isCached(const QUrl &jwksUri) const;
    QJsonObject cached(const QUrl &jwksUri) const; // empty when not cached
    void clearCache() { m_cache.clear(); }

Q_SIGNALS:
    void finished(const Postern::JwksResult &result);

private:
    void onAnswer(const QUrl &url, const HttpResponse &response);

    HttpClient *m_client;
    int m_timeout = 15000;
    QHash<QString, QJsonObject> m_cache;
};

} // namespace Postern
