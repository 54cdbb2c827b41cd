#pragma once

#include "http/httprequest.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace Postern {

// A body as it goes on the wire: the bytes, the Content-Type header to send with them, or why it
// cannot be built.
struct WireBody
{
    QByteArray bytes;
    // The Content-Type header to send; empty: the body adds none (there is no body, or the user's own
    // header goes out as typed).
    QString contentType;
    QString error; // one sentence; empty when the body was built

    bool ok() const { return error.isEmpty(); }
};

// The bytes each body mode sends:
//  - Raw: `body`, with `bodyContentType`;
//  - UrlEncoded: the enabled fields as application/x-www-form-urlencoded (FormUrlEncoded);
//  - FormData: multipart/form-data (RFC 7578) of the enabled parts, files read when the request is
//    sent, with a random boundary checked against the content;
//  - Binary: the bytes of `bodyFile`, with `bodyContentType` or the type its name suggests;
//  - GraphQL: {"query": …, "variables": {…}} as application/json, "variables" left out when empty.
// A mode with nothing to send (no enabled field, no file chosen) sends no body and no Content-Type.
//
// The multipart boundary is only known once the body is built, so automaticContentType() names it
// with BoundaryPlaceholder (as the Headers tab shows it) and encode() gives the real header. When the
// user typed a multipart Content-Type themselves, encode() adds the boundary to it if it has none, and
// uses theirs (checked against the content) if it has one.
//
// Files are read whole, at most MaxFileSize bytes for the whole body: a missing, unreadable or larger
// file is an error that stops the send, and so is a file the request's FileAccess does not allow (one
// outside the working directory that the user did not choose); a relative path is a file in the
// working directory. Whether a request is sent with a body at all is
// HttpRequest::methodCarriesBody()'s decision, not this one's.
namespace RequestBody {

inline constexpr qint64 MaxFileSize = qint64(100) * 1024 * 1024;

inline constexpr char16_t BoundaryPlaceholder[] = u"<calculated when the request is sent>";

// Whether the mode has something to send (without reading any file).
bool hasContent(const HttpRequest &request);

// The Content-Type the body implies, as the Headers tab shows it; empty when there is no body.
QString automaticContentType(const HttpRequest &request);

// What stops the body from being sent, one sentence each: a file part without a file, a file that is
// missing, not a file or too large (looked up, not read), invalid GraphQL variables, a part's content
// type that would break its header. Empty when the mode has nothing to check.
QStringList problems(const HttpRequest &request);

// Builds the body. boundarySource, when given, supplies boundary candidates (tests); by default they
// are random.
WireBody encode(const HttpRequest &request, const std::function<QByteArray()> &boundarySource = {});

// The type a file part or a binary body gets when none is given: the one its name suggests.
QString fileContentType(const QString &path);

// A file a request names, in any body mode (a mode not chosen now can be chosen later).
struct FileReference
{
    QString path; // as the request names it
    bool formPart = false; // a form-data file part, or else the binary body
    QString partName; // the form-data field
    bool sent = false; // part of the body the request sends now (its mode, an enabled part)
};
QList<FileReference> fileReferences(const HttpRequest &request);

// A fresh random boundary: RFC 2046 characters only, well under its 70-character limit.
QByteArray newBoundary();

// The GraphQL variables as a JSON object; *error says why they are not one. Empty text is no variables.
QJsonObject graphqlVariables(const QString &text, QString *error);

} // namespace RequestBody
} // namespace Postern
