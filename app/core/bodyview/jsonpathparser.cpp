#include "bodyview/jsonpathparser.h"

#include "bodyview/jsonpathscanner.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Postern {

using namespace JsonPathSyntax;

namespace {

enum class Type { Value, Logical, Nodes };

struct Signature
{
    Function function;
    const char16_t *name;
    std::vector<Type> parameters;
    Type result;
};

// §2.4.4 to §2.4.8.
const std::vector<Signature> &functions()
{
    static const std::vector<Signature> all = {
        { Function::Length, u"length", { Type::Value }, Type::Value },
        { Function::Count, u"count", { Type::Nodes }, Type::Value },
        { Function::Match, u"match", { Type::Value, Type::Value }, Type::Logical },
        { Function::Search, u"search", { Type::Value, Type::Value }, Type::Logical },
        { Function::Value, u"value", { Type::Nodes }, Type::Value },
    };
    return all;
}

const Signature &signatureOf(Function function)
{
    for (const Signature &signature : functions()) {
        if (signature.function == function)
            return signature;
    }
    return functions().front();
}

// Recursive descent over the grammar of RFC 9535's Appendix A, on top of the scanner's lexical pieces.
class Parser : public JsonPathScanner
{
    Q_DECLARE_TR_FUNCTIONS(Postern::JsonPathParser)

public:
    explicit Parser(const QString &text)
        : JsonPathScanner(text)
    {
    }

    std::optional<Query> run(JsonPath::Error *error)
    {
        std::optional<Query> result;
        if (!at(u'$'))
            fail(position(), tr("A query starts with '$'"));
        else
            result = query();
        if (result && !atEnd())
            unexpected(tr("the end of the query"));
        if (failed()) {
            if (error)
                *error = this->error();
            return std::nullopt;
        }
        return result;
    }

private:
    bool enter()
    {
        if (++m_depth > JsonPathParser::MaxNesting) {
            fail(position(), tr("Nested more than %1 deep").arg(JsonPathParser::MaxNesting));
            return false;
        }
        return true;
    }
    void leave() { --m_depth; }

    // jsonpath-query / rel-query: '$' or '@' then *(S segment).
    std::optional<Query> query()
    {
        Query result;
        result.relative = at(u'@');
        advance();
        for (;;) {
            const qsizetype save = position();
            skipBlank();
            if (!at(u'.') && !at(u'[')) {
                moveTo(save);
                return result;
            }
            std::optional<Segment> next = segment();
            if (!next)
                return std::nullopt;
            result.segments.push_back(std::move(*next));
        }
    }

    std::optional<Segment> segment()
    {
        Segment result;
        if (at(u'['))
            return bracketed(false);
        advance(); // '.'
        if (at(u'.')) {
            advance();
            result.descendant = true;
            if (at(u'['))
                return bracketed(true);
        }
        if (at(u'*')) {
            advance();
            result.selectors.push_back(Selector());
            return result;
        }
        std::optional<QString> name = memberName();
        if (!name)
            return unexpected(result.descendant ? tr("a name, '*' or '[' after '..'")
                                                : tr("a name or '*' after '.'"));
        result.selectors.push_back(nameSelector(*name));
        return result;
    }

    static Selector nameSelector(const QString &name)
    {
        Selector selector;
        selector.kind = Selector::Kind::Name;
        selector.name = name;
        selector.nameUtf8 = name.toUtf8();
        return selector;
    }

    // bracketed-selection = "[" S selector *(S "," S selector) S "]"
    std::optional<Segment> bracketed(bool descendant)
    {
        Segment result;
        result.descendant = descendant;
        advance(); // '['
        const auto blank = [&] {
            result.spaced = skipBlank() || result.spaced;
        };
        for (;;) {
            blank();
            std::optional<Selector> next = selector();
            if (!next)
                return std::nullopt;
            result.selectors.push_back(std::move(*next));
            blank();
            if (at(u']')) {
                advance();
                return result;
            }
            if (!at(u','))
                return unexpected(tr("',' or ']'"));
            advance();
        }
    }

    std::optional<Selector> selector()
    {
        if (at(u'\'') || at(u'"')) {
            std::optional<QString> name = stringLiteral();
            if (!name)
                return std::nullopt;
            return nameSelector(*name);
        }
        if (at(u'*')) {
            advance();
            return Selector();
        }
        if (at(u'?'))
            return filterSelector();
        if (at(u'-') || at(u':') || atDigit())
            return indexOrSlice();
        return unexpected(tr("a selector (a name in quotes, '*', an index, a slice or a filter)"));
    }

    // index-selector = int; slice-selector = [start S] ":" S [end S] [":" [S step]]
    std::optional<Selector> indexOrSlice()
    {
        Selector result;
        std::optional<qint64> first;
        if (!at(u':')) {
            first = integer();
            if (!first)
                return std::nullopt;
            const qsizetype save = position();
            skipBlank();
            if (!at(u':')) {
                moveTo(save);
                result.kind = Selector::Kind::Index;
                result.index = *first;
                return result;
            }
        }
        result.kind = Selector::Kind::Slice;
        result.start = first;
        advance(); // ':'
        skipBlank();
        if (at(u'-') || atDigit()) {
            result.end = integer();
            if (!result.end)
                return std::nullopt;
            skipBlank();
        }
        if (at(u':')) {
            advance();
            skipBlank();
            if (at(u'-') || atDigit()) {
                const std::optional<qint64> step = integer();
                if (!step)
                    return std::nullopt;
                result.step = *step;
            }
        }
        return result;
    }

    // filter-selector = "?" S logical-expr
    std::optional<Selector> filterSelector()
    {
        if (!enter())
            return std::nullopt;
        advance(); // '?'
        skipBlank();
        ExprPtr expr = logicalOr();
        leave();
        if (!expr)
            return std::nullopt;
        Selector result;
        result.kind = Selector::Kind::Filter;
        result.filter = std::move(expr);
        return result;
    }

    static ExprPtr makeExpr(Expr::Kind kind, std::vector<ExprPtr> operands)
    {
        auto expr = std::make_shared<Expr>();
        expr->kind = kind;
        expr->operands = std::move(operands);
        return expr;
    }

    // logical-or-expr = logical-and-expr *(S "||" S logical-and-expr); and the same for &&.
    ExprPtr logicalOr() { return logicalChain(u"||", Expr::Kind::Or); }
    ExprPtr logicalAnd() { return logicalChain(u"&&", Expr::Kind::And); }
    ExprPtr logicalChain(QStringView op, Expr::Kind kind)
    {
        std::vector<ExprPtr> operands;
        for (;;) {
            ExprPtr next = kind == Expr::Kind::Or ? logicalAnd() : basic();
            if (!next)
                return nullptr;
            operands.push_back(std::move(next));
            const qsizetype save = position();
            skipBlank();
            if (!at(op)) {
                moveTo(save);
                break;
            }
            advance(2);
            skipBlank();
        }
        return operands.size() == 1 ? operands.front() : makeExpr(kind, std::move(operands));
    }

    // basic-expr = paren-expr / comparison-expr / test-expr
    ExprPtr basic()
    {
        if (at(u'!')) {
            advance();
            skipBlank();
            ExprPtr inner;
            if (at(u'(')) {
                inner = parenthesized();
            } else {
                const qsizetype start = position();
                inner = operand();
                inner = inner ? asTest(inner, start) : nullptr;
            }
            if (!inner)
                return nullptr;
            const qsizetype save = position();
            skipBlank();
            if (comparisonAhead())
                return fail(position(), tr("'!' applies to a test or to parentheses: write !(a == b)"));
            moveTo(save);
            return makeExpr(Expr::Kind::Not, { std::move(inner) });
        }
        if (at(u'('))
            return parenthesized();
        const qsizetype start = position();
        ExprPtr left = operand();
        if (!left)
            return nullptr;
        const qsizetype save = position();
        skipBlank();
        const std::optional<CompareOp> op = comparisonOp();
        if (!op) {
            moveTo(save);
            return asTest(left, start);
        }
        if (!comparable(left, start))
            return nullptr;
        skipBlank();
        const qsizetype rightStart = position();
        ExprPtr right = operand();
        if (!right || !comparable(right, rightStart))
            return nullptr;
        auto compare = std::make_shared<Expr>();
        compare->kind = Expr::Kind::Compare;
        compare->op = *op;
        compare->operands = { std::move(left), std::move(right) };
        return compare;
    }

    bool comparisonAhead() const { return at(u"==") || at(u"!=") || at(u'<') || at(u'>'); }

    std::optional<CompareOp> comparisonOp()
    {
        static const std::pair<QStringView, CompareOp> ops[] = {
            { u"==", CompareOp::Equal },       { u"!=", CompareOp::NotEqual },
            { u"<=", CompareOp::LessOrEqual }, { u">=", CompareOp::GreaterOrEqual },
            { u"<", CompareOp::Less },         { u">", CompareOp::Greater },
        };
        for (const auto &[text, op] : ops) {
            if (at(text)) {
                advance(text.size());
                return op;
            }
        }
        return std::nullopt;
    }

    // paren-expr's "(" S logical-expr S ")"
    ExprPtr parenthesized()
    {
        if (!enter())
            return nullptr;
        advance(); // '('
        skipBlank();
        ExprPtr inner = logicalOr();
        leave();
        if (!inner)
            return nullptr;
        skipBlank();
        if (!at(u')'))
            return unexpected(u"')'"_s);
        advance();
        return inner;
    }

    static QString nameOf(const Expr &call) { return QString::fromUtf16(signatureOf(call.function).name); }

    static Type typeOf(const Expr &expr)
    {
        switch (expr.kind) {
        case Expr::Kind::Literal:
            return Type::Value;
        case Expr::Kind::Query:
            return Type::Nodes;
        case Expr::Kind::Call:
            return signatureOf(expr.function).result;
        default:
            return Type::Logical;
        }
    }

    // test-expr: a query (does it select anything?) or a function giving true or false (§2.4.3).
    ExprPtr asTest(const ExprPtr &expr, qsizetype start)
    {
        if (expr->kind == Expr::Kind::Query) {
            auto exists = std::make_shared<Expr>(*expr);
            exists->kind = Expr::Kind::Exists;
            return exists;
        }
        if (expr->kind == Expr::Kind::Literal)
            return fail(start, tr("A literal alone is no test: compare it with something"));
        if (typeOf(*expr) != Type::Logical)
            return fail(
                start,
                tr("%1() gives a value, not true or false: compare it with something").arg(nameOf(*expr)));
        return expr;
    }

    // comparable = literal / singular-query / function-expr (of a value)
    bool comparable(const ExprPtr &expr, qsizetype start)
    {
        if (expr->kind == Expr::Kind::Query && !expr->query.isSingular()) {
            fail(start,
                 tr("Only a singular query (one name or index a segment, no blank "
                    "space in brackets) can be compared"));
            return false;
        }
        if (expr->kind == Expr::Kind::Call && typeOf(*expr) != Type::Value) {
            fail(start, tr("%1() gives true or false, which cannot be compared").arg(nameOf(*expr)));
            return false;
        }
        return true;
    }

    // A literal, a query or a function call; what may stand where is checked by the caller.
    ExprPtr operand()
    {
        const qsizetype start = position();
        if (at(u'$') || at(u'@')) {
            std::optional<Query> parsed = query();
            if (!parsed)
                return nullptr;
            auto expr = std::make_shared<Expr>();
            expr->kind = Expr::Kind::Query;
            expr->query = std::move(*parsed);
            return expr;
        }
        if (at(u'\'') || at(u'"')) {
            std::optional<QString> text = stringLiteral();
            if (!text)
                return nullptr;
            auto expr = std::make_shared<Expr>();
            expr->literal.type = Literal::Type::String;
            expr->literal.string = std::move(*text);
            return expr;
        }
        if (at(u'-') || atDigit())
            return numberLiteral();
        const QString name = lowercaseName();
        if (name.isEmpty())
            return unexpected(tr("a query, a literal or a function"));
        if (at(u'('))
            return call(name, start);
        auto expr = std::make_shared<Expr>();
        if (name == u"true"_s)
            expr->literal.type = Literal::Type::True;
        else if (name == u"false"_s)
            expr->literal.type = Literal::Type::False;
        else if (name == u"null"_s)
            expr->literal.type = Literal::Type::Null;
        else if (isFunction(name))
            return unexpected(tr("'(' right after %1").arg(name));
        else
            return fail(start, tr("Unknown name '%1'").arg(name));
        return expr;
    }

    static bool isFunction(const QString &name)
    {
        for (const Signature &signature : functions()) {
            if (name == QStringView(signature.name))
                return true;
        }
        return false;
    }

    ExprPtr numberLiteral()
    {
        const std::optional<double> value = number();
        if (!value)
            return nullptr;
        auto expr = std::make_shared<Expr>();
        expr->literal.type = Literal::Type::Number;
        expr->literal.number = *value;
        return expr;
    }

    // function-expr = function-name "(" S [function-argument *(S "," S function-argument)] S ")"
    ExprPtr call(const QString &name, qsizetype start)
    {
        const Signature *signature = nullptr;
        for (const Signature &candidate : functions()) {
            if (name == QStringView(candidate.name))
                signature = &candidate;
        }
        if (!signature)
            return fail(start, tr("Unknown function %1()").arg(name));
        if (!enter())
            return nullptr;
        ExprPtr result = arguments(*signature);
        leave();
        return result;
    }

    ExprPtr arguments(const Signature &signature)
    {
        const QString name = QString::fromUtf16(signature.name);
        const qsizetype wanted = qsizetype(signature.parameters.size());
        const QString arity = wanted == 1 ? tr("%1() takes one argument").arg(name)
                                          : tr("%1() takes %2 arguments").arg(name).arg(wanted);
        auto expr = std::make_shared<Expr>();
        expr->kind = Expr::Kind::Call;
        expr->function = signature.function;
        advance(); // '('
        for (qsizetype i = 0; i < wanted; ++i) {
            skipBlank();
            if (i > 0) {
                if (at(u')'))
                    return fail(position(), arity);
                if (!at(u','))
                    return unexpected(tr("',' or ')'"));
                advance();
                skipBlank();
            }
            if (at(u')'))
                return fail(position(), arity);
            const qsizetype argumentStart = position();
            ExprPtr argument = operand();
            if (!argument)
                return nullptr;
            if (!fits(*argument, signature.parameters[size_t(i)], name, argumentStart))
                return nullptr;
            expr->operands.push_back(std::move(argument));
        }
        skipBlank();
        if (at(u','))
            return fail(position(), arity);
        if (!at(u')'))
            return unexpected(u"')'"_s);
        advance();
        return expr;
    }

    // §2.4.3: whether an argument is well-typed for its parameter.
    bool fits(const Expr &argument, Type parameter, const QString &function, qsizetype start)
    {
        if (parameter == Type::Nodes) {
            if (argument.kind != Expr::Kind::Query) {
                fail(start, tr("%1() takes a query").arg(function));
                return false;
            }
            return true;
        }
        // A value: a literal, a singular query or a function giving a value.
        if (argument.kind == Expr::Kind::Query && !argument.query.isSingular()) {
            fail(start,
                 tr("%1() takes a value: a literal or a singular query (one name or index a segment)")
                     .arg(function));
            return false;
        }
        if (argument.kind == Expr::Kind::Call && typeOf(argument) != Type::Value) {
            fail(start, tr("%1() takes a value, not true or false").arg(function));
            return false;
        }
        return true;
    }

    int m_depth = 0;
};

} // namespace

std::optional<Query> JsonPathParser::parse(const QString &expression, JsonPath::Error *error)
{
    return Parser(expression).run(error);
}

} // namespace Postern
