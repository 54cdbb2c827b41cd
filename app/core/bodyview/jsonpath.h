#pragma once

#include "bodyview/jsonnodes.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace Postern {

namespace JsonPathSyntax {
struct Query;
}

// A JSONPath query (RFC 9535) over a JSON body, as the user types it above the response:
// $.result[*].number, $..[?@.priority < 3 && match(@.state, 'New|Open')].sys_id.
//
// Everything of RFC 9535 is supported: names (.name, ['name'], ["name"] with escapes), wildcards, indexes
// and slices (negative too), unions, descendant segments, filters with @ and $ queries, comparisons,
// existence tests, && || ! and parentheses, and the functions length(), count(), match(), search() and
// value() (match and search take I-Regexp, RFC 9485). An invalid expression gives an error with its
// position. Selecting walks the body's index (JsonNodes), never a DOM: each segment is one pass over the
// index lines of the subtrees it reads, so $.result[*].number and $..number stay linear in the body
// (a filter's @ queries read the subtree of the node they test). A name given twice in an object, which
// I-JSON forbids, selects both members; a filter's singular query sees the first.
//
// A JsonPath is immutable and cheap to copy (the parsed query is shared); select() is const and keeps its
// state on the stack, so one JsonPath can run in another thread while the view shows the last matches.
class JsonPath
{
public:
    struct Error
    {
        qsizetype position = -1; // a UTF-16 index into the expression; -1 when there is no error
        QString message; // "Expected ']' at column 13" (column = position + 1)
    };

    JsonPath(); // not valid: selects nothing
    // Parses expression; an invalid one gives an invalid JsonPath and sets *error (when given).
    static JsonPath parse(const QString &expression, Error *error = nullptr);

    bool isValid() const { return m_query != nullptr; }
    const QString &expression() const { return m_expression; }

    // The nodes selected (lines of the index, as JsonNodes names them), in RFC 9535 order (a node may come
    // more than once: $[0,0]). A set cancel flag stops early, and then nothing is selected.
    std::vector<qsizetype> select(const JsonNodes &nodes, const std::atomic_bool *cancel = nullptr) const;

    // The matches as one JSON array, "[v1,v2,...]", made of the values' own bytes (keys keep their order,
    // numbers their spelling), ready for a JsonIndex.
    // Over limit bytes (-1: no limit) it stops, empty, with *tooLarge set: `$..*` of a deep body repeats
    // every subtree once for each level above it. A set cancel flag stops it too.
    static QByteArray matchesAsJson(const JsonNodes &nodes, const std::vector<qsizetype> &matches,
                                    qsizetype limit = -1, const std::atomic_bool *cancel = nullptr,
                                    bool *tooLarge = nullptr);

private:
    QString m_expression;
    std::shared_ptr<const JsonPathSyntax::Query> m_query;
};

} // namespace Postern
