#pragma once

#include "postman/postmanjson.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Postern {

// Postman's "url": text, or an object with "raw" and the parts (protocol, host, port, path, query,
// hash). Postern keeps the URL as typed, its query being the Params table; what the URL cannot hold
// (disabled query parameters, path variables, descriptions) is kept in the item's foreign object
// ("url", "urlString", "disabledQuery", "queryRows") and put back, in place, by write().
class PostmanUrl
{
    Q_DECLARE_TR_FUNCTIONS(Postern::PostmanUrl)

public:
    // The URL as typed: "raw" when there is one, otherwise the parts joined as Postman joins them.
    // Unknown keys are added to *unknownFields as "url.KEY".
    static QString read(const QJsonValue &value, const QString &where, QJsonObject *foreign,
                        PostmanJson::Notes *notes, QStringList *unknownFields);

    // Text when the import had text and nothing was kept aside, otherwise the object with the parts
    // (newman reads the parts, not "raw").
    static QJsonValue write(const QString &url, const QJsonObject &foreign);

    // The parts of url as Postman writes them: host and path as lists, the query as [{key, value}].
    static QJsonObject parts(const QString &url);
};

} // namespace Postern
