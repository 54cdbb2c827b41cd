#pragma once

#include "http/httptimings.h"
#include "http/spooledbody.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

namespace Postern {

using RawHeader = QPair<QByteArray, QByteArray>;

// What came back for one request. Three kinds of outcome are kept apart: the request could not be
// sent or answered (error != None; no status), or it was answered with any HTTP status at all,
// which is data to show, never a failure.
struct HttpResponse
{
    enum class Error {
        None,
        InvalidRequest, // never sent: the request did not validate
        HostNotFound,
        ConnectionRefused,
        Timeout,
        Tls,
        Canceled,
        TooLarge,
        Authorization, // the request's OAuth 2.0 token could not be refreshed; nothing was sent
        Network, // any other transport failure
    };

    Error error = Error::None;
    QString errorMessage;

    int statusCode = 0;
    QString reasonPhrase;
    QList<RawHeader> headers; // in the order received, names as the server spelt them
    QByteArray body;
    // A body the client wrote to a file as it came (HttpClient::setSpoolThreshold, setMaxFileBodySize).
    // Within the client's memory limit, body reads that file's pages (SpooledBody::bytes()) and is valid
    // only while bodyFile lives: whatever keeps body past this response keeps bodyFile too (a copy of
    // the response does). Over the limit, body is empty: the file is there to be saved.
    std::shared_ptr<const SpooledBody> bodyFile;
    qint64 elapsedMs = 0;
    HttpTimings timings; // the phases, as far as Qt reported them
    QUrl url; // where the answer came from, after redirects

    bool hasStatus() const { return statusCode > 0; }
    qint64 bodySize() const { return bodyFile ? bodyFile->size() : body.size(); }
    QByteArray header(QByteArrayView name) const; // first match, case-insensitive
    QByteArray contentType() const; // lower-case, without parameters
    bool looksLikeJson() const; // by its Content-Type
    qint64 headersSize() const; // bytes of the header block as received
};

} // namespace Postern
