#pragma once

#include "http/httprequest.h"
#include "postman/postmanjson.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

namespace Postern {

// A Postman item's "request" (an object, or just the URL as text) to Postern's HttpRequest and back:
// method, URL (PostmanUrl), headers (a list, or "Name: value" lines), the body in every mode (raw with
// options.raw.language as its content type, urlencoded, formdata text and file parts, file, graphql),
// the authorization (PostmanAuth) and the item's protocolProfileBehavior (followRedirects, strictSSL).
// Whatever has no place in HttpRequest (proxy, certificate, body options, other behaviours, unknown
// fields and per-row fields) is kept in the item's foreign object and merged back by write().
class PostmanRequest
{
    Q_DECLARE_TR_FUNCTIONS(Postern::PostmanRequest)

public:
    // *description is the request's own description; *hasDescription says whether it had one.
    static HttpRequest read(const QJsonValue &value, const QJsonValue &protocolProfileBehavior,
                            const QString &where, QJsonObject *foreign, PostmanJson::Notes *notes,
                            QString *description, bool *hasDescription);

    // The item's "request"; *protocolProfileBehavior gets the item's behaviours (empty: leave out).
    static QJsonObject write(const HttpRequest &request, const QString &description,
                             const QJsonObject &foreign, OAuth2Config::Secrets secrets,
                             QJsonObject *protocolProfileBehavior);

    // options.raw.language for a content type ("json" for application/json), empty when none fits.
    static QString languageFor(const QString &contentType);
    static QString contentTypeFor(const QString &language);
};

} // namespace Postern
