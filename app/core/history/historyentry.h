#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace Postern {

// One sent request and what came of it, as the history keeps it. A plain value.
//
// It never holds a credential: fromExchange() and fromJson() both drop every Authorization,
// Proxy-Authorization and Cookie header (dropped, not emptied: an empty Authorization row would
// silently override the request's Authorization tab when the entry is reopened), leave the
// authorization's secrets out (AuthConfig::toJson without secrets), mask the password of a URL's user
// info and the value of query parameters that carry tokens (access_token, id_token, refresh_token,
// client_secret) as "****", and drop the response's Set-Cookie headers (the cookie jar keeps cookies).
// Bodies are kept up to a cap and flagged when cut.
struct HistoryEntry
{
    // What fromJson() accepts and fromExchange() keeps.
    struct Limits
    {
        qint64 maxBodyBytes = 64 * 1024; // request and response body each
    };

    QString id; // a UUID without braces
    QDateTime when; // UTC, when the answer (or failure) came
    HttpRequest request; // as composed and resolved; the typed URL, no credentials
    QString url; // the URL as sent (authorization's query parameter included), masked
    bool requestBodyTruncated = false;

    int statusCode = 0; // 0: no answer, see errorMessage
    QString reasonPhrase;
    QString errorMessage;
    qint64 elapsedMs = 0;
    HttpTimings timings; // the phases Qt reported; unknown in entries saved before they were kept
    qint64 sizeBytes = 0; // body and header block as received, before any cut
    QList<RawHeader> responseHeaders;
    QByteArray responseBody;
    bool responseBodyTruncated = false;
    QUrl responseUrl; // where the answer came from, after redirects (masked like url)

    static HistoryEntry fromExchange(const HttpRequest &sent, const HttpResponse &response,
                                     const Limits &limits,
                                     const QDateTime &when = QDateTime::currentDateTimeUtc());

    // "200 OK", or "Error" when there was no answer.
    QString statusText() const;
    // Case-insensitive substring over method, URL and status; an empty text matches everything.
    bool matches(const QString &text) const;

    // A request to open in a new tab: method, URL, headers and body, no credentials.
    HttpRequest toRequest() const;
    // The response as far as it was kept, for ResponseViewer.
    HttpResponse toResponse() const;

    QJsonObject toJson() const;
    // Takes what is usable, applies the limits and the credential rules again; *problems says what was
    // odd. Returns an entry with an empty id when the object is not an entry at all.
    static HistoryEntry fromJson(const QJsonObject &object, const Limits &limits,
                                 QStringList *problems = nullptr);

    // The masking rules above, exposed for tests and for other places that show a URL.
    static bool isCredentialHeader(QStringView name);
    static QString maskUrl(const QString &url);
};

} // namespace Postern
