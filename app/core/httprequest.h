#pragma once

#include "authconfig.h"
#include "keyvalue.h"

#include <QByteArray>
#include <QStringList>

namespace Postern {

// A request as the user composed it: the URL as typed (its query is the Params table), headers,
// body and authorization. A plain value; sending it is HttpClient's job.
struct HttpRequest
{
    QString method = QStringLiteral("GET");
    QString url;
    KeyValueList headers;
    QByteArray body;
    QString bodyContentType; // the Content-Type the Body tab implies; empty for none
    AuthConfig auth;
    int timeoutMs = 30000;   // 0 waits forever
    bool verifyTls = true;
    bool followRedirects = true;

    static bool methodCarriesBody(const QString &method);

    // The headers Postern adds on its own (authorization, the body's Content-Type), shown in the
    // Headers tab as automatic rows. A header the user set by hand wins over a generated one.
    KeyValueList generatedHeaders() const;

    // The enabled headers as they go on the wire: the user's, then the generated ones.
    KeyValueList effectiveHeaders() const;

    // The URL as sent: the typed one plus what the authorization adds to the query.
    QString effectiveUrl() const;

    // What stops this request from being sent, one sentence each; empty when it can be sent.
    QStringList problems() const;
};

} // namespace Postern
