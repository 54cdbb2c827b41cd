#pragma once

#include <QByteArray>
#include <QString>

namespace Postern {

// Pretty-prints JSON text as the server wrote it, as one block of text: the lines of JsonIndex joined.
// For small texts (a JWT's parts); a response body is shown through its JsonIndex instead.
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

    explicit JsonFormatter(int indent = 2)
        : m_indent(indent)
    {
    }

    Result format(const QByteArray &json) const;

private:
    int m_indent;
};

} // namespace Postern
