#include "bodyview/jsonindex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Scans the string starting at data[pos] == '"'. Returns the offset just past the closing quote,
// or -1 with *errorAt and *why set.
qsizetype scanString(QByteArrayView data, qsizetype pos, qsizetype *errorAt, QString *why)
{
    const char *d = data.data();
    const qsizetype n = data.size();
    qsizetype i = pos + 1;
    while (i < n) {
        const auto c = static_cast<unsigned char>(d[i]);
        if (c == '"')
            return i + 1;
        if (c < 0x20) {
            *errorAt = i;
            *why = JsonIndex::tr("Control character in a string");
            return -1;
        }
        if (c != '\\') {
            ++i;
            continue;
        }
        if (i + 1 >= n)
            break;
        const char e = d[i + 1];
        if (e == 'u') {
            if (i + 5 >= n || !isHex(d[i + 2]) || !isHex(d[i + 3]) || !isHex(d[i + 4]) || !isHex(d[i + 5])) {
                *errorAt = i;
                *why = JsonIndex::tr("Invalid \\u escape");
                return -1;
            }
            i += 6;
            continue;
        }
        if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
            *errorAt = i;
            *why = JsonIndex::tr("Invalid escape in a string");
            return -1;
        }
        i += 2;
    }
    *errorAt = n;
    *why = JsonIndex::tr("Unterminated string");
    return -1;
}

// RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
qsizetype scanNumber(QByteArrayView data, qsizetype pos)
{
    qsizetype i = pos;
    const qsizetype n = data.size();
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < n && isDigit(data[i]))
            ++i;
        return i > start;
    };
    if (i < n && data[i] == '-')
        ++i;
    if (i >= n)
        return -1;
    if (data[i] == '0')
        ++i;
    else if (!isDigit(data[i]) || !digits())
        return -1;
    if (i < n && data[i] == '.') {
        ++i;
        if (!digits())
            return -1;
    }
    if (i < n && (data[i] == 'e' || data[i] == 'E')) {
        ++i;
        if (i < n && (data[i] == '+' || data[i] == '-'))
            ++i;
        if (!digits())
            return -1;
    }
    return i;
}

QString describeByte(QByteArrayView data, qsizetype at)
{
    if (at >= data.size())
        return JsonIndex::tr("end of input");
    const auto c = static_cast<unsigned char>(data[at]);
    if (c >= 0x20 && c < 0x7f)
        return u"'%1'"_s.arg(QString(QLatin1Char(char(c))));
    return JsonIndex::tr("byte 0x%1").arg(int(c), 2, 16, QChar(u'0'));
}

// In an index that validated, the end of the string at pos (just past its closing quote).
qsizetype stringEnd(QByteArrayView data, qsizetype pos)
{
    qsizetype i = pos + 1;
    while (i < data.size() && data[i] != '"')
        i += data[i] == '\\' ? 2 : 1;
    return qMin(i + 1, data.size());
}

// In an index that validated, the end of the number or literal at pos.
qsizetype numberOrLiteralEnd(QByteArrayView data, qsizetype pos)
{
    qsizetype i = pos;
    while (i < data.size() && !isJsonSpace(data[i]) && data[i] != ',' && data[i] != ']' && data[i] != '}')
        ++i;
    return i;
}

} // namespace

JsonIndex::JsonIndex(const QByteArray &data, int indent, const std::atomic_bool *cancel)
    : m_data(data)
    , m_indent(indent)
{
    build(cancel);
}

void JsonIndex::fail(qsizetype at, const QString &why)
{
    m_lines.clear();
    m_lines.shrink_to_fit();
    m_widthHint = 0;
    const qsizetype n = m_data.size();
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype k = 0; k < at && k < n; ++k) {
        if (m_data[k] == '\n') {
            ++line;
            lineStart = k + 1;
        }
    }
    m_error.offset = at;
    m_error.line = line;
    m_error.column = int(at - lineStart + 1);
    m_error.message = JsonIndex::tr("%1 at line %2, column %3").arg(why).arg(line).arg(m_error.column);
}

void JsonIndex::build(const std::atomic_bool *cancel)
{
    enum class Expect { Value, FirstValueOrEnd, FirstKeyOrEnd, Key, Colon, CommaOrEnd, Nothing };

    const QByteArrayView data(m_data);
    const qsizetype n = data.size();
    m_lines.reserve(size_t(n / 24 + 1));
    std::vector<char> stack; // '{' or '['
    Expect expect = Expect::Value;
    qsizetype i = 0;
    if (n >= 3 && data.first(3) == QByteArrayView("\xEF\xBB\xBF"))
        i = 3;

    bool lineOpen = false; // a line has begun and is waiting for its first token
    size_t lineDepth = 0;
    qsizetype lastOffset = -1;
    qsizetype lastIndent = 0;
    // The line that starts at the token at `at`, if one is waiting for it.
    const auto token = [&](qsizetype at) {
        if (!lineOpen)
            return;
        lineOpen = false;
        // The pretty line is its stretch of the input plus the space after a key's colon at most.
        if (lastOffset >= 0)
            m_widthHint = qMax(m_widthHint, lastIndent + at - lastOffset + 1);
        lastOffset = at;
        lastIndent = qsizetype(std::min<size_t>(lineDepth, MaxIndentDepth)) * m_indent;
        m_lines.push_back(quint64(at) << 24 | std::min<size_t>(lineDepth, MaxRecordedDepth));
    };
    const auto newline = [&](size_t depth) {
        lineOpen = true;
        lineDepth = depth;
    };
    const auto afterValue = [&] {
        expect = stack.empty() ? Expect::Nothing : Expect::CommaOrEnd;
    };
    newline(0);

    for (quint32 steps = 0;; ++steps) {
        if ((steps & 0xffff) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
            m_lines.clear();
            m_lines.shrink_to_fit();
            m_canceled = true;
            return;
        }
        while (i < n && isJsonSpace(data[i]))
            ++i;
        if (i >= n)
            break;
        const char c = data[i];
        switch (expect) {
        case Expect::Nothing:
            return fail(
                i, JsonIndex::tr("Unexpected %1 after the end of the JSON value").arg(describeByte(data, i)));
        case Expect::Colon:
            if (c != ':')
                return fail(i, JsonIndex::tr("Expected ':' but found %1").arg(describeByte(data, i)));
            ++i;
            expect = Expect::Value;
            continue;
        case Expect::CommaOrEnd:
            if (c == ',') {
                newline(stack.size());
                ++i;
                expect = stack.back() == '{' ? Expect::Key : Expect::Value;
                continue;
            }
            if ((c == '}' && stack.back() == '{') || (c == ']' && stack.back() == '[')) {
                stack.pop_back();
                newline(stack.size());
                token(i);
                ++i;
                afterValue();
                continue;
            }
            return fail(
                i,
                JsonIndex::tr("Expected ',' or '%1' but found %2")
                    .arg(QString(QLatin1Char(stack.back() == '{' ? '}' : ']')), describeByte(data, i)));
        case Expect::FirstKeyOrEnd:
        case Expect::FirstValueOrEnd: {
            const char close = expect == Expect::FirstKeyOrEnd ? '}' : ']';
            if (c == close) { // an empty container stays on its opening line
                stack.pop_back();
                ++i;
                afterValue();
                continue;
            }
            newline(stack.size());
            expect = expect == Expect::FirstKeyOrEnd ? Expect::Key : Expect::Value;
            continue; // re-examine c as a key or value
        }
        case Expect::Key: {
            if (c != '"')
                return fail(
                    i,
                    JsonIndex::tr("Expected a key in double quotes but found %1").arg(describeByte(data, i)));
            qsizetype errorAt = -1;
            QString why;
            const qsizetype end = scanString(data, i, &errorAt, &why);
            if (end < 0)
                return fail(errorAt, why);
            token(i);
            i = end;
            expect = Expect::Colon;
            continue;
        }
        case Expect::Value:
            break;
        }

        // A value.
        token(i);
        if (c == '{' || c == '[') {
            stack.push_back(c);
            ++i;
            expect = c == '{' ? Expect::FirstKeyOrEnd : Expect::FirstValueOrEnd;
            continue;
        }
        if (c == '"') {
            qsizetype errorAt = -1;
            QString why;
            const qsizetype end = scanString(data, i, &errorAt, &why);
            if (end < 0)
                return fail(errorAt, why);
            i = end;
            afterValue();
            continue;
        }
        if (c == '-' || isDigit(c)) {
            const qsizetype end = scanNumber(data, i);
            if (end < 0)
                return fail(i, JsonIndex::tr("Invalid number"));
            i = end;
            afterValue();
            continue;
        }
        bool literal = false;
        for (const QByteArrayView word :
             { QByteArrayView("true"), QByteArrayView("false"), QByteArrayView("null") }) {
            if (data.sliced(i).startsWith(word)) {
                i += word.size();
                literal = true;
                break;
            }
        }
        if (!literal)
            return fail(i, JsonIndex::tr("Unexpected %1").arg(describeByte(data, i)));
        afterValue();
    }

    if (m_lines.empty())
        return fail(i, JsonIndex::tr("Empty document"));
    if (expect != Expect::Nothing)
        return fail(n, JsonIndex::tr("Unexpected end of input"));
    m_widthHint = qMax(m_widthHint, lastIndent + n - lastOffset + 1);
    m_lines.shrink_to_fit();
}

void JsonIndex::appendLine(qsizetype line, QByteArray *out) const
{
    const QByteArrayView data(m_data);
    const qsizetype n = data.size();
    const auto skipSpace = [&](qsizetype at) {
        while (at < n && isJsonSpace(data[at]))
            ++at;
        return at;
    };
    const auto comma = [&](qsizetype at) {
        at = skipSpace(at);
        if (at < n && data[at] == ',')
            out->append(',');
    };

    out->append(qsizetype(qMin(depth(line), MaxIndentDepth)) * m_indent, ' ');
    qsizetype at = offset(line);
    char c = data[at];
    if (c == '}' || c == ']') {
        out->append(c);
        return comma(at + 1);
    }
    if (c == '"') {
        const qsizetype end = stringEnd(data, at);
        const qsizetype colon = skipSpace(end);
        if (colon < n && data[colon] == ':') { // a key; its value follows on the same line
            out->append(data.sliced(at, end - at));
            out->append(": ");
            at = skipSpace(colon + 1);
            c = data[at];
        }
    }
    if (c == '{' || c == '[') {
        out->append(c);
        const qsizetype next = skipSpace(at + 1);
        if (next < n && (data[next] == '}' || data[next] == ']')) {
            out->append(data[next]);
            comma(next + 1);
        }
        return;
    }
    const qsizetype end = c == '"' ? stringEnd(data, at) : numberOrLiteralEnd(data, at);
    out->append(data.sliced(at, end - at));
    comma(end);
}

bool JsonIndex::isClosing(qsizetype line) const
{
    const char c = m_data.at(offset(line));
    return c == '}' || c == ']';
}

QByteArrayView JsonIndex::keyBytes(qsizetype line) const
{
    const QByteArrayView data(m_data);
    const qsizetype at = offset(line);
    if (data[at] != '"')
        return {};
    const qsizetype end = stringEnd(data, at);
    qsizetype colon = end;
    while (colon < data.size() && isJsonSpace(data[colon]))
        ++colon;
    if (colon >= data.size() || data[colon] != ':')
        return {};
    return data.sliced(at, end - at);
}

qsizetype JsonIndex::valueOffset(qsizetype line) const
{
    const QByteArrayView key = keyBytes(line);
    if (key.isEmpty())
        return offset(line);
    const QByteArrayView data(m_data);
    qsizetype at = offset(line) + key.size();
    while (at < data.size() && (isJsonSpace(data[at]) || data[at] == ':'))
        ++at;
    return at;
}

qsizetype JsonIndex::scalarEnd(qsizetype offset) const
{
    const QByteArrayView data(m_data);
    return data[offset] == '"' ? stringEnd(data, offset) : numberOrLiteralEnd(data, offset);
}

QByteArray JsonIndex::lineBytes(qsizetype line) const
{
    QByteArray bytes;
    appendLine(line, &bytes);
    return bytes;
}

QString JsonIndex::lineText(qsizetype line) const
{
    // Validated JSON holds no raw control character: the UTF-8 needs no visible symbols.
    return QString::fromUtf8(lineBytes(line));
}

} // namespace Postern
