#pragma once

#include "authconfig.h"
#include "keyvalue.h"

#include <QByteArray>
#include <QJsonObject>
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

    // For files (collections, drafts, history): every field, secrets left out unless asked (see
    // AuthConfig::toJson). A body that is not valid UTF-8 is kept as base64. fromJson() takes what is
    // there and keeps defaults for the rest; it never fails, *problems lists what was odd.
    QJsonObject toJson(OAuth2Config::Secrets secrets = OAuth2Config::Secrets::Omit) const;
    static HttpRequest fromJson(const QJsonObject &object, QStringList *problems = nullptr);

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
