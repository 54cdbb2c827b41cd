#include "bodyview/jsonpath.h"

#include "bodyview/jsonpathevaluator.h"
#include "bodyview/jsonpathparser.h"

namespace Postern {

JsonPath::JsonPath() = default;

JsonPath JsonPath::parse(const QString &expression, Error *error)
{
    JsonPath path;
    path.m_expression = expression;
    Error failure;
    std::optional<JsonPathSyntax::Query> query = JsonPathParser::parse(expression, &failure);
    if (query)
        path.m_query = std::make_shared<const JsonPathSyntax::Query>(std::move(*query));
    if (error)
        *error = failure;
    return path;
}

std::vector<qsizetype> JsonPath::select(const JsonNodes &nodes, const std::atomic_bool *cancel) const
{
    if (!m_query || nodes.index().lineCount() == 0)
        return {};
    std::vector<qsizetype> matches = JsonPathEvaluator(nodes, cancel).select(*m_query);
    // Stopped half-way, a filter may have seen a query cut short: keep nothing rather than a wrong match.
    if (cancel && cancel->load(std::memory_order_relaxed))
        return {};
    return matches;
}

QByteArray JsonPath::matchesAsJson(const JsonNodes &nodes, const std::vector<qsizetype> &matches,
                                   qsizetype limit, const std::atomic_bool *cancel, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    // A container's bytes take a walk to its closing line: take each once.
    std::vector<QByteArrayView> values;
    values.reserve(matches.size());
    qsizetype size = 2;
    for (const qsizetype node : matches) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
        values.push_back(nodes.valueBytes(node));
        size += values.back().size() + 1;
        if (limit >= 0 && size > limit) {
            if (tooLarge)
                *tooLarge = true;
            return {};
        }
    }
    QByteArray json;
    json.reserve(size);
    json += '[';
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            json += ',';
        json += values[i];
    }
    json += ']';
    return json;
}

} // namespace Postern
