#include "bodyview/jsonpathevaluator.h"

#include <algorithm>
#include <cstring>

namespace Postern {

using namespace JsonPathSyntax;

namespace {

// The results one parent gave, as a stretch of the picked lines.
struct Record
{
    qsizetype parent;
    qsizetype start;
    qsizetype length;
};

constexpr int MaxCachedPatterns = 256;

} // namespace

struct JsonPathEvaluator::Open
{
    qsizetype line = 0;
    int depth = 0;
    qsizetype root = -1; // its place among the segment's input containers, or -1
    bool object = false;
    qint64 ordinal = 0; // children met so far
    std::vector<qsizetype> kept; // every child (keepAll), or the children the selectors picked
    std::vector<int> keptBy; // the selector that picked each, when the segment has more than one
};

JsonPathEvaluator::JsonPathEvaluator(const JsonNodes &nodes, const std::atomic_bool *cancel)
    : m_nodes(nodes)
    , m_index(nodes.index())
    , m_cancel(cancel)
{
}

std::vector<qsizetype> JsonPathEvaluator::select(const Query &query, qsizetype current)
{
    std::vector<qsizetype> nodes = { query.relative ? current : JsonNodes::Top };
    for (const Segment &segment : query.segments) {
        if (nodes.empty() || canceled())
            break;
        nodes = applySegment(nodes, segment);
    }
    return nodes;
}

bool JsonPathEvaluator::opensChildren(qsizetype line) const
{
    // Only a container with children has a deeper line right after it.
    return line + 1 < m_index.lineCount() && m_index.depth(line + 1) > m_index.depth(line);
}

bool JsonPathEvaluator::isObject(qsizetype line) const
{
    return m_index.data().at(m_index.valueOffset(line)) == '{';
}

bool JsonPathEvaluator::keyMatches(qsizetype line, const Selector &selector) const
{
    const QByteArrayView key = m_index.keyBytes(line);
    if (key.size() < 2)
        return false;
    const QByteArrayView inner = key.sliced(1, key.size() - 2);
    if (!std::memchr(inner.data(), '\\', size_t(inner.size())))
        return inner == QByteArrayView(selector.nameUtf8);
    return JsonNodes::decodeString(key) == selector.name;
}

std::vector<qsizetype> JsonPathEvaluator::applySegment(const std::vector<qsizetype> &input,
                                                       const Segment &segment)
{
    // Slices and negative indexes need a parent's children all at once; the rest can pick as they go.
    bool keepAll = false;
    for (const Selector &selector : segment.selectors) {
        keepAll = keepAll || selector.kind == Selector::Kind::Slice
            || (selector.kind == Selector::Kind::Index && selector.index < 0);
    }
    std::vector<qsizetype> roots;
    roots.reserve(input.size());
    for (const qsizetype node : input) {
        if (opensChildren(node))
            roots.push_back(node);
    }
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());

    // One pass over the lines of the roots' subtrees. The stack holds the open containers whose
    // children are wanted: the roots (and, for a descendant segment, every container below them); a
    // line one level below the top of the stack is a child of it.
    const qsizetype count = m_index.lineCount();
    std::vector<qsizetype> ends(roots.size(), count - 1);
    std::vector<Record> records;
    std::vector<qsizetype> picked;
    std::vector<Open> stack;
    size_t next = 0;
    const auto push = [&](qsizetype line, int depth) {
        Open open;
        open.line = line;
        open.depth = depth;
        open.object = isObject(line);
        if (next < roots.size() && roots[next] == line)
            open.root = qsizetype(next++);
        stack.push_back(std::move(open));
    };
    const auto pop = [&](qsizetype closing) {
        Open open = std::move(stack.back());
        stack.pop_back();
        if (open.root >= 0)
            ends[size_t(open.root)] = closing;
        const auto start = qsizetype(picked.size());
        finish(open, segment, keepAll, &picked);
        if (qsizetype(picked.size()) > start)
            records.push_back({ open.line, start, qsizetype(picked.size()) - start });
    };
    qsizetype line = 0;
    for (;;) {
        if (stack.empty()) {
            while (next < roots.size() && roots[next] < line) // inside a subtree already read
                ++next;
            if (next >= roots.size() || canceled())
                break;
            line = roots[next];
            push(line, m_index.depth(line));
            ++line;
            continue;
        }
        if ((line & 0xffff) == 0 && canceled())
            break;
        if (line >= count) { // a closing line is missing (cannot happen in a validated index)
            while (!stack.empty())
                pop(count - 1);
            break;
        }
        const int depth = m_index.depth(line);
        while (!stack.empty() && stack.back().depth >= depth)
            pop(line);
        if (stack.empty()) {
            ++line;
            continue;
        }
        if (stack.back().depth == depth - 1 && !m_index.isClosing(line))
            meetChild(stack.back(), line, segment, keepAll);
        if (opensChildren(line) && (segment.descendant || (next < roots.size() && roots[next] == line)))
            push(line, depth);
        ++line;
    }

    // Containers finish inner ones first; put the parents back in document order, then the results in
    // the order of the input (§2.5.1.2) and, for a descendant segment, of each input's subtree (§2.5.2.2).
    std::sort(records.begin(), records.end(),
              [](const Record &a, const Record &b) { return a.parent < b.parent; });
    const auto firstFrom = [&records](qsizetype parent) {
        return std::lower_bound(records.begin(), records.end(), parent,
                                [](const Record &r, qsizetype at) { return r.parent < at; });
    };
    std::vector<qsizetype> out;
    const auto append = [&](const Record &record) {
        out.insert(out.end(), picked.begin() + record.start, picked.begin() + record.start + record.length);
    };
    for (const qsizetype node : input) {
        if (!opensChildren(node))
            continue;
        auto it = firstFrom(node);
        if (!segment.descendant) {
            if (it != records.end() && it->parent == node)
                append(*it);
            continue;
        }
        const auto root = std::lower_bound(roots.begin(), roots.end(), node) - roots.begin();
        const qsizetype last = ends[size_t(root)];
        for (; it != records.end() && it->parent <= last; ++it)
            append(*it);
    }
    return out;
}

void JsonPathEvaluator::meetChild(Open &parent, qsizetype child, const Segment &segment, bool keepAll)
{
    const qint64 ordinal = parent.ordinal++;
    if (keepAll) {
        parent.kept.push_back(child);
        return;
    }
    const auto selectors = int(segment.selectors.size());
    for (int s = 0; s < selectors; ++s) {
        const Selector &selector = segment.selectors[size_t(s)];
        bool pick = false;
        switch (selector.kind) {
        case Selector::Kind::Name:
            pick = parent.object && keyMatches(child, selector);
            break;
        case Selector::Kind::Wildcard:
            pick = true;
            break;
        case Selector::Kind::Index:
            pick = !parent.object && selector.index == ordinal;
            break;
        case Selector::Kind::Slice: // kept whole
            break;
        case Selector::Kind::Filter:
            pick = test(*selector.filter, child);
            break;
        }
        if (!pick)
            continue;
        parent.kept.push_back(child);
        if (selectors > 1)
            parent.keptBy.push_back(s);
    }
}

void JsonPathEvaluator::finish(Open &parent, const Segment &segment, bool keepAll,
                               std::vector<qsizetype> *out)
{
    if (keepAll) {
        for (const Selector &selector : segment.selectors)
            applySelector(selector, parent.kept, parent.object, out);
        return;
    }
    if (segment.selectors.size() == 1) {
        out->insert(out->end(), parent.kept.begin(), parent.kept.end());
        return;
    }
    for (int s = 0; s < int(segment.selectors.size()); ++s) {
        for (size_t i = 0; i < parent.kept.size(); ++i) {
            if (parent.keptBy[i] == s)
                out->push_back(parent.kept[i]);
        }
    }
}

void JsonPathEvaluator::applySelector(const Selector &selector, const std::vector<qsizetype> &children,
                                      bool object, std::vector<qsizetype> *out)
{
    const auto length = qint64(children.size());
    switch (selector.kind) {
    case Selector::Kind::Name:
        if (object) {
            for (const qsizetype child : children) {
                if (keyMatches(child, selector))
                    out->push_back(child);
            }
        }
        return;
    case Selector::Kind::Wildcard:
        out->insert(out->end(), children.begin(), children.end());
        return;
    case Selector::Kind::Index: {
        const qint64 at = selector.index < 0 ? length + selector.index : selector.index;
        if (!object && at >= 0 && at < length)
            out->push_back(children[size_t(at)]);
        return;
    }
    case Selector::Kind::Slice: {
        // §2.3.4.2.2
        const qint64 step = selector.step;
        if (object || step == 0)
            return;
        const auto normalize = [length](qint64 i) {
            return i >= 0 ? i : length + i;
        };
        if (step > 0) {
            const qint64 lower = qBound<qint64>(0, normalize(selector.start.value_or(0)), length);
            const qint64 upper = qBound<qint64>(0, normalize(selector.end.value_or(length)), length);
            for (qint64 i = lower; i < upper; i += step)
                out->push_back(children[size_t(i)]);
        } else {
            const qint64 upper
                = qBound<qint64>(-1, normalize(selector.start.value_or(length - 1)), length - 1);
            const qint64 lower
                = qBound<qint64>(-1, normalize(selector.end.value_or(-length - 1)), length - 1);
            for (qint64 i = upper; lower < i; i += step)
                out->push_back(children[size_t(i)]);
        }
        return;
    }
    case Selector::Kind::Filter:
        for (size_t i = 0; i < children.size(); ++i) {
            if ((i & 0xfff) == 0 && canceled())
                return;
            if (test(*selector.filter, children[i]))
                out->push_back(children[i]);
        }
        return;
    }
}

bool JsonPathEvaluator::test(const Expr &expr, qsizetype current)
{
    switch (expr.kind) {
    case Expr::Kind::Or:
        return std::any_of(expr.operands.begin(), expr.operands.end(),
                           [&](const ExprPtr &operand) { return test(*operand, current); });
    case Expr::Kind::And:
        return std::all_of(expr.operands.begin(), expr.operands.end(),
                           [&](const ExprPtr &operand) { return test(*operand, current); });
    case Expr::Kind::Not:
        return !test(*expr.operands.front(), current);
    case Expr::Kind::Compare:
        return JsonPathValue::compare(m_nodes, expr.op, value(*expr.operands[0], current),
                                      value(*expr.operands[1], current));
    case Expr::Kind::Exists:
        return expr.query.isSingular() ? singular(expr.query, current) >= 0
                                       : !nodesOf(expr.query, current).empty();
    case Expr::Kind::Call:
        return matches(expr, current);
    case Expr::Kind::Literal:
    case Expr::Kind::Query:
        break;
    }
    return false;
}

JsonPathValue JsonPathEvaluator::value(const Expr &expr, qsizetype current)
{
    if (expr.kind == Expr::Kind::Literal)
        return JsonPathValue::literal(expr.literal);
    if (expr.kind == Expr::Kind::Query) {
        const qsizetype node = singular(expr.query, current);
        return node >= 0 ? JsonPathValue::node(node) : JsonPathValue();
    }
    if (expr.kind != Expr::Kind::Call)
        return {};
    switch (expr.function) {
    case Function::Length: { // §2.4.4
        const JsonPathValue argument = value(*expr.operands.front(), current).resolved(m_nodes);
        if (argument.type() == JsonPathValue::Type::String)
            return JsonPathValue::number(double(JsonPathValue::codePointCount(argument.stringValue())));
        if (argument.type() == JsonPathValue::Type::Node)
            return JsonPathValue::number(double(m_nodes.childCount(argument.line())));
        return {};
    }
    case Function::Count: // §2.4.5
        return JsonPathValue::number(double(nodesOf(expr.operands.front()->query, current).size()));
    case Function::Value: { // §2.4.8
        const std::vector<qsizetype> nodes = nodesOf(expr.operands.front()->query, current);
        return nodes.size() == 1 ? JsonPathValue::node(nodes.front()) : JsonPathValue();
    }
    case Function::Match:
    case Function::Search:
        break;
    }
    return {};
}

// §2.4.6, §2.4.7: false unless both are strings and the pattern is an I-Regexp.
bool JsonPathEvaluator::matches(const Expr &call, qsizetype current)
{
    const JsonPathValue subject = value(*call.operands[0], current).resolved(m_nodes);
    const JsonPathValue pattern = value(*call.operands[1], current).resolved(m_nodes);
    if (subject.type() != JsonPathValue::Type::String || pattern.type() != JsonPathValue::Type::String)
        return false;
    const IRegexp::Mode mode
        = call.function == Function::Match ? IRegexp::Mode::Whole : IRegexp::Mode::Anywhere;
    auto &cache = m_regexps[int(mode)];
    auto found = cache.constFind(pattern.stringValue());
    if (found == cache.constEnd()) {
        if (cache.size() >= MaxCachedPatterns) // patterns from the body: do not grow without end
            cache.clear();
        found = cache.insert(pattern.stringValue(), IRegexp::compile(pattern.stringValue(), mode));
    }
    return found.value() && found.value()->match(subject.stringValue()).hasMatch();
}

std::vector<qsizetype> JsonPathEvaluator::nodesOf(const Query &query, qsizetype current)
{
    if (query.relative)
        return select(query, current);
    auto found = m_fromRoot.find(&query);
    if (found == m_fromRoot.end())
        found = m_fromRoot.emplace(&query, select(query)).first;
    return found->second;
}

qsizetype JsonPathEvaluator::singular(const Query &query, qsizetype current)
{
    if (!query.relative) {
        const auto found = m_singularFromRoot.find(&query);
        if (found != m_singularFromRoot.end())
            return found->second;
    }
    qsizetype node = query.relative ? current : JsonNodes::Top;
    for (const Segment &segment : query.segments) {
        const Selector &selector = segment.selectors.front();
        node = selector.kind == Selector::Kind::Name ? memberNamed(node, selector)
                                                     : elementAt(node, selector.index);
        if (node < 0)
            break;
    }
    if (!query.relative)
        m_singularFromRoot.emplace(&query, node);
    return node;
}

qsizetype JsonPathEvaluator::memberNamed(qsizetype node, const Selector &selector) const
{
    if (!opensChildren(node) || !isObject(node))
        return -1;
    const int depth = m_index.depth(node);
    for (qsizetype line = node + 1; line < m_index.lineCount(); ++line) {
        const int d = m_index.depth(line);
        if (d <= depth)
            break;
        // A closing line has no key, so it never matches.
        if (d == depth + 1 && keyMatches(line, selector))
            return line;
    }
    return -1;
}

qsizetype JsonPathEvaluator::elementAt(qsizetype node, qint64 index) const
{
    if (!opensChildren(node) || isObject(node))
        return -1;
    if (index < 0) {
        const std::vector<qsizetype> elements = m_nodes.children(node);
        const qint64 at = qint64(elements.size()) + index;
        return at >= 0 ? elements[size_t(at)] : -1;
    }
    const int depth = m_index.depth(node);
    qint64 ordinal = 0;
    for (qsizetype line = node + 1; line < m_index.lineCount(); ++line) {
        const int d = m_index.depth(line);
        if (d <= depth)
            break;
        if (d == depth + 1 && !m_index.isClosing(line) && ordinal++ == index)
            return line;
    }
    return -1;
}

} // namespace Postern
