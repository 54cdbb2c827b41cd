#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Postern {

// A parsed JSONPath query (RFC 9535) as plain data: what JsonPathParser makes and JsonPathEvaluator
// walks. Immutable once parsed and shared between copies of a JsonPath, so nothing in it holds state of
// an evaluation. Nesting is bounded by the parser, so walking it recursively is safe.
namespace JsonPathSyntax {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

// §2.3: one selector of a segment.
struct Selector
{
    enum class Kind { Name, Wildcard, Index, Slice, Filter };
    Kind kind = Kind::Wildcard;
    QString name; // Name, decoded
    QByteArray nameUtf8; // Name, as it is spelled in a body when the body uses no escapes
    qint64 index = 0; // Index
    std::optional<qint64> start; // Slice
    std::optional<qint64> end; // Slice
    qint64 step = 1; // Slice
    ExprPtr filter; // Filter: a logical expression
};

// §2.5: [selectors] or ..[selectors] (the shorthands .name, .*, ..name and ..* are parsed into these).
struct Segment
{
    bool descendant = false;
    bool spaced = false; // blank space inside its brackets, which a singular query's grammar has no room for
    std::vector<Selector> selectors;
};

// §2.1 and §2.3.5: $ followed by segments, or @ followed by segments inside a filter.
struct Query
{
    bool relative = false; // @
    std::vector<Segment> segments;
    // §2.3.5.1: a singular query (child segments of one name or one index each) selects at most one node.
    bool isSingular() const
    {
        for (const Segment &segment : segments) {
            if (segment.descendant || segment.spaced || segment.selectors.size() != 1
                || (segment.selectors.front().kind != Selector::Kind::Name
                    && segment.selectors.front().kind != Selector::Kind::Index))
                return false;
        }
        return true;
    }
};

// §2.4: the function extensions this implementation has.
enum class Function { Length, Count, Match, Search, Value };

enum class CompareOp { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual };

// A literal of a filter (§2.3.5.1).
struct Literal
{
    enum class Type { Number, String, True, False, Null };
    Type type = Type::Null;
    double number = 0;
    QString string;
};

// §2.3.5: a filter's expression. Logical ones (Or, And, Not, Compare, Exists, a Call of match() or
// search()) give true or false; value ones (Literal, a singular Query, a Call of length(), count() or
// value()) give a value or nothing; a Query given to count() or value() gives its nodes.
struct Expr
{
    enum class Kind { Or, And, Not, Compare, Exists, Call, Literal, Query };
    Kind kind = Kind::Literal;
    std::vector<ExprPtr> operands; // Or, And: two or more; Not: one; Compare: two; Call: the arguments
    CompareOp op = CompareOp::Equal; // Compare
    Function function = Function::Length; // Call
    Literal literal; // Literal
    Query query; // Exists, Query
};

} // namespace JsonPathSyntax

} // namespace Postern
