#pragma once

#include "bodyview/jsonpath.h"
#include "bodyview/jsonpathsyntax.h"

#include <QString>

#include <optional>

namespace Postern {

// Reads a JSONPath expression into a JsonPathSyntax::Query by the grammar of RFC 9535 (Appendix A):
// one pass of recursive descent, strict about blank space as the RFC is (none before $ or after the
// end, none after a dot), checking well-typedness (§2.4.3) on the way: only singular queries, literals
// and value functions are compared; length() and the like must be compared, match() and search()
// cannot be; count() and value() take a query. Filters, parentheses and function calls nest at most
// MaxNesting deep, so a hostile expression gets an error, never a stack overflow.
class JsonPathParser
{
public:
    static constexpr int MaxNesting = 64;

    // The query, or nothing with *error set (its position a UTF-16 index into expression).
    static std::optional<JsonPathSyntax::Query> parse(const QString &expression, JsonPath::Error *error);
};

} // namespace Postern
