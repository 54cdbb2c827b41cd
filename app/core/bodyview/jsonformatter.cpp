#include "bodyview/jsonformatter.h"

#include "bodyview/jsonindex.h"

namespace Postern {

JsonFormatter::Result JsonFormatter::format(const QByteArray &json) const
{
    const JsonIndex index(json, m_indent);
    Result result;
    if (!index.ok()) {
        result.errorOffset = index.error().offset;
        result.errorLine = index.error().line;
        result.errorColumn = index.error().column;
        result.error = index.error().message;
        return result;
    }
    result.text.reserve(json.size() + json.size() / 2 + 16);
    for (qsizetype line = 0; line < index.lineCount(); ++line) {
        if (line > 0)
            result.text.append('\n');
        index.appendLine(line, &result.text);
    }
    return result;
}

} // namespace Postern
