#pragma once

#include "http/httprequest.h"

#include <QStringList>

namespace Postern {

// What importing a curl command gave: the request, or one sentence saying why there is none, and
// what the request could not keep of the command, one sentence each.
struct CurlImport
{
    QString error; // why there is no request; empty when there is one
    HttpRequest request;
    QStringList notes;

    bool ok() const { return error.isEmpty(); }
};

// "Import cURL" and "Copy as cURL".
//
// parse() splits the text as a POSIX shell would (ShellWords) and reads the words as curl(1) reads
// its options. It runs nothing, reads no file and expands no variable. The body lands in the mode
// that sends the same bytes: -F and --form-string parts as form-data (files by path), a lone
// --data-binary @file as a binary body, data that re-encodes to itself as x-www-form-urlencoded fields,
// Postern's own GraphQL JSON as GraphQL, anything else as raw. An option that would read a file into
// the command (-d @file, -H @file, -F name=<file, …) is an error or a note, and whatever curl would do
// that a request cannot hold (proxies, client certificates, part headers, unknown options, …) is named
// in a note, never dropped silently.
//
// toCurl() writes the command a POSIX shell runs to send what Postern would send: the effective
// URL and headers (authorization and the body's Content-Type included), the body, TLS and redirect
// settings; each body mode as curl writes it (--data-urlencode per field, -F per part, --data-binary
// @file, GraphQL as its JSON). Credentials are masked unless includeSecrets is set, so the text is safe
// to paste into a bug report. parse(toCurl(r, true)) gives back a request that sends the same thing.
// A form-data part is written so that curl's -F sends exactly its bytes (content and file names in
// double quotes, an unusual content type as a quoted part header, a file type curl would guess
// differently written out); a part curl cannot send as Postern does (no name, or an '=' in it) makes
// toCurl() return nothing and say why in *error. A relative file path is written as the file in the
// request's working directory.
namespace CurlCommand {

// Longer commands are refused: no pasted command is this long, and the limit bounds the work.
inline constexpr qsizetype MaxCommandLength = 1024 * 1024;

// What a masked credential reads as.
inline constexpr char16_t MaskedSecret[] = u"****";

CurlImport parse(const QString &commandLine);

// Whether the command shows credentials as they are or as MaskedSecret.
enum class Secrets { Mask, Include };

QString toCurl(const HttpRequest &request, Secrets secrets = Secrets::Mask, QString *error = nullptr);

} // namespace CurlCommand
} // namespace Postern
