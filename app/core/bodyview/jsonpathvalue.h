#pragma once

#include "bodyview/jsonnodes.h"
#include "bodyview/jsonpathsyntax.h"

#include <QString>
#include <QStringView>

namespace Postern {

// A value inside a JSONPath filter (RFC 9535 §2.3.5.2, ValueType): nothing (an empty query, a function
// without a result), a node of the body, or a literal; and how two of them compare (§2.3.5.2.2).
// Numbers compare by value (1 == 1.0 == 1e0), strings by their code points after unescaping, true,
// false and null only with themselves, arrays and objects by deep equality (members in any order), and
// nothing equals only nothing. Only numbers and strings are ordered.
class JsonPathValue
{
public:
    enum class Type { Nothing, Node, Number, String, True, False, Null };

    JsonPathValue() = default; // nothing
    static JsonPathValue node(qsizetype line);
    static JsonPathValue number(double value);
    static JsonPathValue string(QString text);
    static JsonPathValue literal(const JsonPathSyntax::Literal &literal);

    Type type() const { return m_type; }
    qsizetype line() const { return m_line; }
    double numberValue() const { return m_number; }
    const QString &stringValue() const { return m_string; }

    // A node that is a string, number, true, false or null as that literal; anything else as it is.
    JsonPathValue resolved(const JsonNodes &nodes) const;

    static bool compare(const JsonNodes &nodes, JsonPathSyntax::CompareOp op, const JsonPathValue &a,
                        const JsonPathValue &b);
    static bool equal(const JsonNodes &nodes, const JsonPathValue &a, const JsonPathValue &b);
    static bool less(const JsonNodes &nodes, const JsonPathValue &a, const JsonPathValue &b);
    // Orders strings by Unicode code points (UTF-16's order differs above U+FFFF).
    static int compareCodePoints(QStringView a, QStringView b);
    static qsizetype codePointCount(QStringView text);

private:
    // Two arrays or objects, with an explicit stack: a hostile body's nesting cannot overflow ours.
    static bool deepEqual(const JsonNodes &nodes, qsizetype a, qsizetype b);

    Type m_type = Type::Nothing;
    qsizetype m_line = -1;
    double m_number = 0;
    QString m_string;
};

} // namespace Postern
