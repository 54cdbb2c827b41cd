#pragma once

#include "auth/authconfig.h"
#include "base/keyvalue.h"
#include "http/fileaccess.h"
#include "http/responsechecks.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Postern {

// How the Body tab builds the body. Raw sends `body` with `bodyContentType` (nothing when both are
// empty); the others build it from their own fields when the request is sent.
enum class BodyMode { Raw, UrlEncoded, FormData, Binary, GraphQL };

QString bodyModeKey(BodyMode mode);
BodyMode bodyModeFromKey(const QString &key, bool *known = nullptr);

// One part of a multipart/form-data body: a text value, or (isFile) the path of a file to send.
struct FormPart
{
    QString key;
    QString value; // the text, or the file's path
    bool isFile = false;
    QString contentType; // empty: text/plain for text, guessed from the name for a file
    bool enabled = true;
    QString description;

    friend bool operator==(const FormPart &a, const FormPart &b)
    {
        return a.key == b.key && a.value == b.value && a.isFile == b.isFile && a.contentType == b.contentType
            && a.enabled == b.enabled && a.description == b.description;
    }
    friend bool operator!=(const FormPart &a, const FormPart &b) { return !(a == b); }
};

// A request as the user composed it: the URL as typed (its query is the Params table), headers,
// body and authorization. A plain value; sending it is HttpClient's job.
struct HttpRequest
{
    QString method = QStringLiteral("GET");
    QString url;
    KeyValueList headers;
    QByteArray body;
    QString bodyContentType; // the Content-Type the Body tab implies; empty for none
    BodyMode bodyMode = BodyMode::Raw;
    KeyValueList formFields; // UrlEncoded
    QList<FormPart> formParts; // FormData
    QString bodyFile; // Binary: the file whose bytes are the body
    QString graphqlQuery; // GraphQL: sent as {"query": …, "variables": …}
    QString graphqlVariables; // GraphQL: JSON text; empty for none
    AuthConfig auth;
    int timeoutMs = 30000; // 0 waits forever
    bool verifyTls = true;
    bool followRedirects = true;
    // Not saved: whether a body over the client's memory limit may go to a temporary file for this
    // request (HttpClient::setMaxFileBodySize); without it such a body ends the call with TooLarge. The
    // window's Send allows it; the runner and scripts' sendRequest do not, as their scripts need the body.
    bool bodyToFileAllowed = false;
    // Postman's "event" list of a saved request (its pre-request and post-response scripts), verbatim.
    QJsonArray scripts;
    // Checks and captures on the answer without JavaScript (the Assertions tab).
    QList<ResponseAssertion> assertions;
    QList<ResponseCapture> captures;
    // Which files the body may read (the working directory, the files the user chose). Set by whoever
    // sends the request; never stored in a file, so nothing imported can widen it.
    FileAccess files;

    static bool methodCarriesBody(const QString &method);

    // For files (collections, drafts, history): every field, secrets left out unless asked (see
    // AuthConfig::toJson). A body that is not valid UTF-8 is kept as base64. fromJson() takes what is
    // there and keeps defaults for the rest; it never fails, *problems lists what was odd.
    QJsonObject toJson(OAuth2Config::Secrets secrets = OAuth2Config::Secrets::Omit) const;
    static HttpRequest fromJson(const QJsonObject &object, QStringList *problems = nullptr);

    // The headers Postern adds on its own (authorization, the body's Content-Type), shown in the
    // Headers tab as automatic rows. A header the user set by hand wins over a generated one. A
    // multipart body's boundary is only chosen when it is sent: its row reads
    // "multipart/form-data; boundary=<calculated when the request is sent>" (see RequestBody).
    KeyValueList generatedHeaders() const;

    // The enabled headers as they go on the wire: the user's, then the generated ones.
    KeyValueList effectiveHeaders() const;

    // The URL as sent: the typed one plus what the authorization adds to the query.
    QString effectiveUrl() const;

    // What stops this request from being sent, one sentence each; empty when it can be sent. For a
    // method that carries a body this includes the body's problems (RequestBody::problems(): files are
    // looked up on disk, not read).
    QStringList problems() const;
};

} // namespace Postern
