#pragma once

#include "bodyview/iregexp.h"
#include "bodyview/jsonnodes.h"
#include "bodyview/jsonpathsyntax.h"
#include "bodyview/jsonpathvalue.h"

#include <QHash>
#include <QRegularExpression>

#include <atomic>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Postern {

// Runs a parsed JSONPath query over a body's index (RFC 9535 §2.5-§2.7). A nodelist is a list of index
// lines; each segment turns one into the next with a single forward pass over the index lines of the
// subtrees it reads, keeping only the open containers it cares about on a stack: a child segment reads
// each input node's subtree once, a descendant segment reads its input's subtrees once and gathers every
// container's children on the way (so $..number costs one pass, not one per level). The results of each
// parent are put in the RFC's order (input order, then selector order, then document order) afterwards.
//
// Filters are tested on each child as it is met; singular queries in them (@.a.b[0]) stop at the first
// member that matches. Queries from the root ($.limit) are run once per evaluation. Regular
// expressions are compiled once per pattern. One evaluator per select(); not shared between threads.
class JsonPathEvaluator
{
public:
    JsonPathEvaluator(const JsonNodes &nodes, const std::atomic_bool *cancel);

    // The nodes query selects, starting from current for a relative query (@) and from the top
    // otherwise.
    std::vector<qsizetype> select(const JsonPathSyntax::Query &query, qsizetype current = JsonNodes::Top);

    bool canceled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

private:
    struct Open; // a container whose children the scan is gathering

    std::vector<qsizetype> applySegment(const std::vector<qsizetype> &input,
                                        const JsonPathSyntax::Segment &segment);
    void meetChild(Open &parent, qsizetype child, const JsonPathSyntax::Segment &segment, bool keepAll);
    void finish(Open &parent, const JsonPathSyntax::Segment &segment, bool keepAll,
                std::vector<qsizetype> *out);
    void applySelector(const JsonPathSyntax::Selector &selector, const std::vector<qsizetype> &children,
                       bool object, std::vector<qsizetype> *out);

    bool test(const JsonPathSyntax::Expr &expr, qsizetype current);
    JsonPathValue value(const JsonPathSyntax::Expr &expr, qsizetype current);
    std::vector<qsizetype> nodesOf(const JsonPathSyntax::Query &query, qsizetype current);
    // The node a singular query selects, or -1.
    qsizetype singular(const JsonPathSyntax::Query &query, qsizetype current);
    qsizetype memberNamed(qsizetype node, const JsonPathSyntax::Selector &selector) const;
    qsizetype elementAt(qsizetype node, qint64 index) const;
    bool matches(const JsonPathSyntax::Expr &call, qsizetype current);

    bool isObject(qsizetype line) const;
    bool opensChildren(qsizetype line) const;
    bool keyMatches(qsizetype line, const JsonPathSyntax::Selector &selector) const;

    const JsonNodes &m_nodes;
    const JsonIndex &m_index;
    const std::atomic_bool *m_cancel;
    QHash<QString, std::optional<QRegularExpression>> m_regexps[2]; // by IRegexp::Mode
    std::unordered_map<const JsonPathSyntax::Query *, std::vector<qsizetype>> m_fromRoot;
    std::unordered_map<const JsonPathSyntax::Query *, qsizetype> m_singularFromRoot;
};

} // namespace Postern
