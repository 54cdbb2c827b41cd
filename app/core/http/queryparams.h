#pragma once

#include "base/keyvalue.h"

namespace Postern {

// The two-way link between a URL as typed and its Params table.
//
// Both sides are kept as the user wrote them: a param "q=a%20b" shows as key "q", value "a%20b",
// and is written back the same way, so that editing either side never rewrites what the user typed
// in the other. Percent-encoding of what still needs it happens only when the request is sent.
// A param without '=' ("?flag") and one with an empty value ("?flag=") both read as an empty value;
// an empty value is written back with '=' when the URL had "key=", without it otherwise.
namespace QueryParams {

// The enabled params found in urlText's query (between the first '?' and the first '#').
KeyValueList parse(const QString &urlText);

// urlText with its query replaced by the enabled rows of params (the fragment is kept). Rows with
// an empty key and value are skipped; no params means no '?'.
QString compose(const QString &urlText, const KeyValueList &params);

// What the Params table should hold after the user edited the URL: the URL's params, then the
// disabled rows the table had (they are not in the URL, but the user has not deleted them).
KeyValueList merge(const KeyValueList &table, const QString &urlText);

} // namespace QueryParams
} // namespace Postern
