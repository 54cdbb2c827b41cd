#pragma once

#include <QByteArray>
#include <QString>

namespace Postern {

// Pretty-prints JSON text as the server wrote it: keys stay in their order, numbers and strings
// keep their exact spelling (QJsonDocument sorts keys and rewrites numbers, so it must not be used
// for what the user sees). One linear pass over the bytes with an explicit stack: no DOM, no
// recursion, so a 100 MB body or 100,000 nested arrays cost time and memory in proportion and
// never overflow the stack (nor, with MaxIndentDepth, blow up the output). The input is validated on the way
// (RFC 8259).
class JsonFormatter
{
public:
    struct Result
    {
        QByteArray text; // the pretty text; on error, empty
        qsizetype errorOffset = -1;
        int errorLine = 0; // 1-based, in the input
        int errorColumn = 0; // 1-based, in bytes
        QString error; // "Unexpected '}' at line 3, column 7", for the UI; empty when the JSON is good

        bool ok() const { return error.isEmpty(); }
    };

    // Indentation stops growing past this depth, so that hostile nesting cannot make the output
    // quadratic in the input.
    static constexpr size_t MaxIndentDepth = 64;

    explicit JsonFormatter(int indent = 2)
        : m_indent(indent)
    {
    }

    Result format(QByteArrayView json) const;

    // A cheap check for "does this body look like JSON at all" (first non-space byte).
    static bool looksLikeJson(QByteArrayView data);

private:
    int m_indent;
};

} // namespace Postern
