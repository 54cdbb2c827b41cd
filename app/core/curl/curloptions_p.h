#pragma once

#include <QString>

namespace Postern::CurlOptions {

// What a curl option does to the request (curl(1), "OPTIONS"), for reading curl commands. Options
// that only change what curl prints or saves are Ignore; options that change what is sent in a way
// a request cannot hold are NoEquivalent, so the import can name them.
enum class Action {
    Request,
    Header,
    Data, // -d, --data-ascii: "@file" reads a file
    DataRaw, // --data-raw: taken as written
    DataBinary, // --data-binary: "@file" reads a file
    DataUrlencode,
    Json,
    UrlQuery,
    User,
    OAuth2Bearer,
    Form,
    Url,
    Get,
    Head,
    Insecure,
    Location,
    Compressed,
    UserAgent,
    Referer,
    Cookie,
    Range,
    MaxTime,
    ConnectTimeout,
    OtherAuth,
    Netrc,
    ReadsFile,
    Next,
    Variable,
    NoEquivalent,
    Ignore,
};

struct Option
{
    const char *longName;
    char shortName; // 0 for none
    bool takesValue;
    Action action;
};

// The option with this long name (without "--"), or null.
const Option *findLong(const QString &name);

// The option with this one-letter name, or null.
const Option *findShort(QChar c);

} // namespace Postern::CurlOptions
