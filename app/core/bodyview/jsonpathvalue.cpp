#include "bodyview/jsonpathvalue.h"

#include <QHash>

#include <utility>
#include <vector>

namespace Postern {

using namespace JsonPathSyntax;

JsonPathValue JsonPathValue::node(qsizetype line)
{
    JsonPathValue value;
    value.m_type = Type::Node;
    value.m_line = line;
    return value;
}

JsonPathValue JsonPathValue::number(double number)
{
    JsonPathValue value;
    value.m_type = Type::Number;
    value.m_number = number;
    return value;
}

JsonPathValue JsonPathValue::string(QString text)
{
    JsonPathValue value;
    value.m_type = Type::String;
    value.m_string = std::move(text);
    return value;
}

JsonPathValue JsonPathValue::literal(const Literal &literal)
{
    switch (literal.type) {
    case Literal::Type::Number:
        return number(literal.number);
    case Literal::Type::String:
        return string(literal.string);
    case Literal::Type::True: {
        JsonPathValue value;
        value.m_type = Type::True;
        return value;
    }
    case Literal::Type::False: {
        JsonPathValue value;
        value.m_type = Type::False;
        return value;
    }
    case Literal::Type::Null:
        break;
    }
    JsonPathValue value;
    value.m_type = Type::Null;
    return value;
}

JsonPathValue JsonPathValue::resolved(const JsonNodes &nodes) const
{
    if (m_type != Type::Node)
        return *this;
    switch (nodes.kind(m_line)) {
    case JsonNodes::Kind::Number:
        return number(QByteArrayView(nodes.valueBytes(m_line)).toDouble());
    case JsonNodes::Kind::String:
        return string(JsonNodes::decodeString(nodes.valueBytes(m_line)));
    case JsonNodes::Kind::Bool: {
        JsonPathValue value;
        value.m_type = nodes.valueBytes(m_line).startsWith('t') ? Type::True : Type::False;
        return value;
    }
    case JsonNodes::Kind::Null: {
        JsonPathValue value;
        value.m_type = Type::Null;
        return value;
    }
    case JsonNodes::Kind::Object:
    case JsonNodes::Kind::Array:
        break;
    }
    return *this;
}

bool JsonPathValue::compare(const JsonNodes &nodes, CompareOp op, const JsonPathValue &a,
                            const JsonPathValue &b)
{
    switch (op) {
    case CompareOp::Equal:
        return equal(nodes, a, b);
    case CompareOp::NotEqual:
        return !equal(nodes, a, b);
    case CompareOp::Less:
        return less(nodes, a, b);
    case CompareOp::LessOrEqual:
        return less(nodes, a, b) || equal(nodes, a, b);
    case CompareOp::Greater:
        return less(nodes, b, a);
    case CompareOp::GreaterOrEqual:
        return less(nodes, b, a) || equal(nodes, a, b);
    }
    return false;
}

bool JsonPathValue::equal(const JsonNodes &nodes, const JsonPathValue &a, const JsonPathValue &b)
{
    if (a.m_type == Type::Nothing || b.m_type == Type::Nothing)
        return a.m_type == b.m_type;
    const JsonPathValue x = a.resolved(nodes);
    const JsonPathValue y = b.resolved(nodes);
    if (x.m_type == Type::Node && y.m_type == Type::Node)
        return deepEqual(nodes, x.m_line, y.m_line);
    if (x.m_type != y.m_type)
        return false;
    switch (x.m_type) {
    case Type::Number:
        return x.m_number == y.m_number;
    case Type::String:
        return x.m_string == y.m_string;
    default:
        return true; // true, false, null
    }
}

bool JsonPathValue::less(const JsonNodes &nodes, const JsonPathValue &a, const JsonPathValue &b)
{
    if (a.m_type == Type::Nothing || b.m_type == Type::Nothing)
        return false;
    const JsonPathValue x = a.resolved(nodes);
    const JsonPathValue y = b.resolved(nodes);
    if (x.m_type == Type::Number && y.m_type == Type::Number)
        return x.m_number < y.m_number;
    if (x.m_type == Type::String && y.m_type == Type::String)
        return compareCodePoints(x.m_string, y.m_string) < 0;
    return false;
}

bool JsonPathValue::deepEqual(const JsonNodes &nodes, qsizetype a, qsizetype b)
{
    std::vector<std::pair<qsizetype, qsizetype>> pending = { { a, b } };
    while (!pending.empty()) {
        const auto [x, y] = pending.back();
        pending.pop_back();
        const JsonNodes::Kind kind = nodes.kind(x);
        if (kind != nodes.kind(y))
            return false;
        if (kind != JsonNodes::Kind::Object && kind != JsonNodes::Kind::Array) {
            if (!equal(nodes, node(x), node(y)))
                return false;
            continue;
        }
        if (nodes.valueBytes(x) == nodes.valueBytes(y)) // the same text: equal without a closer look
            continue;
        const std::vector<qsizetype> xs = nodes.children(x);
        const std::vector<qsizetype> ys = nodes.children(y);
        if (xs.size() != ys.size())
            return false;
        if (kind == JsonNodes::Kind::Array) {
            for (size_t i = 0; i < xs.size(); ++i)
                pending.emplace_back(xs[i], ys[i]);
            continue;
        }
        QHash<QString, qsizetype> members;
        members.reserve(qsizetype(ys.size()));
        for (const qsizetype member : ys)
            members.insert(nodes.key(member), member);
        for (const qsizetype member : xs) {
            const auto found = members.constFind(nodes.key(member));
            if (found == members.constEnd())
                return false;
            pending.emplace_back(member, found.value());
        }
    }
    return true;
}

int JsonPathValue::compareCodePoints(QStringView a, QStringView b)
{
    // Surrogates (U+D800..DFFF in UTF-16) stand for code points above every other unit: move them up.
    const auto weight = [](char16_t unit) {
        if (unit >= 0xd800 && unit < 0xe000)
            return int(unit) + 0x2000;
        if (unit >= 0xe000)
            return int(unit) - 0x800;
        return int(unit);
    };
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int x = weight(a.at(i).unicode());
        const int y = weight(b.at(i).unicode());
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

qsizetype JsonPathValue::codePointCount(QStringView text)
{
    qsizetype count = text.size();
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && text.at(i + 1).isLowSurrogate()) {
            --count;
            ++i;
        }
    }
    return count;
}

} // namespace Postern
