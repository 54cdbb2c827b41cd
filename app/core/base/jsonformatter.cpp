#include "base/jsonformatter.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

bool isSpace(char c)
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
// or -1 with *errorAt set.
qsizetype scanString(QByteArrayView data, qsizetype pos, qsizetype *errorAt, QString *why)
{
    qsizetype i = pos + 1;
    const qsizetype n = data.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == '"')
            return i + 1;
        if (c < 0x20) {
            *errorAt = i;
            *why = u"Control character in a string"_s;
            return -1;
        }
        if (c == '\\') {
            if (i + 1 >= n)
                break;
            const char e = data[i + 1];
            if (e == 'u') {
                if (i + 5 >= n || !isHex(data[i + 2]) || !isHex(data[i + 3]) || !isHex(data[i + 4])
                    || !isHex(data[i + 5])) {
                    *errorAt = i;
                    *why = u"Invalid \\u escape"_s;
                    return -1;
                }
                i += 6;
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r'
                && e != 't') {
                *errorAt = i;
                *why = u"Invalid escape in a string"_s;
                return -1;
            }
            i += 2;
            continue;
        }
        ++i;
    }
    *errorAt = n;
    *why = u"Unterminated string"_s;
    return -1;
}

// RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
qsizetype scanNumber(QByteArrayView data, qsizetype pos)
{
    qsizetype i = pos;
    const qsizetype n = data.size();
    if (i < n && data[i] == '-')
        ++i;
    if (i >= n)
        return -1;
    if (data[i] == '0') {
        ++i;
    } else if (isDigit(data[i])) {
        while (i < n && isDigit(data[i]))
            ++i;
    } else {
        return -1;
    }
    if (i < n && data[i] == '.') {
        ++i;
        if (i >= n || !isDigit(data[i]))
            return -1;
        while (i < n && isDigit(data[i]))
            ++i;
    }
    if (i < n && (data[i] == 'e' || data[i] == 'E')) {
        ++i;
        if (i < n && (data[i] == '+' || data[i] == '-'))
            ++i;
        if (i >= n || !isDigit(data[i]))
            return -1;
        while (i < n && isDigit(data[i]))
            ++i;
    }
    return i;
}

QString describeByte(QByteArrayView data, qsizetype at)
{
    if (at >= data.size())
        return u"end of input"_s;
    const auto c = static_cast<unsigned char>(data[at]);
    if (c >= 0x20 && c < 0x7f)
        return u"'%1'"_s.arg(QString(QLatin1Char(char(c))));
    return u"byte 0x%1"_s.arg(int(c), 2, 16, QChar(u'0'));
}

} // namespace

bool JsonFormatter::looksLikeJson(QByteArrayView data)
{
    for (const char c : data) {
        if (isSpace(c))
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

JsonFormatter::Result JsonFormatter::format(QByteArrayView data) const
{
    enum class Expect { Value, FirstValueOrEnd, FirstKeyOrEnd, Key, Colon, CommaOrEnd, Nothing };

    Result result;
    QByteArray &out = result.text;
    out.reserve(data.size() + data.size() / 2 + 16);
    std::vector<char> stack; // '{' or '['
    Expect expect = Expect::Value;
    qsizetype i = 0;
    const qsizetype n = data.size();
    if (n >= 3 && data.first(3) == QByteArrayView("\xEF\xBB\xBF"))
        i = 3;

    auto newline = [&](size_t depth) {
        out.append('\n');
        out.append(qsizetype(std::min<size_t>(depth, MaxIndentDepth)) * m_indent, ' ');
    };
    auto fail = [&](qsizetype at, const QString &why) {
        result.text.clear();
        result.errorOffset = at;
        int line = 1;
        qsizetype lineStart = 0;
        for (qsizetype k = 0; k < at && k < n; ++k) {
            if (data[k] == '\n') {
                ++line;
                lineStart = k + 1;
            }
        }
        result.errorLine = line;
        result.errorColumn = int(at - lineStart + 1);
        result.error = u"%1 at line %2, column %3"_s.arg(why).arg(line).arg(result.errorColumn);
        return result;
    };
    auto afterValue = [&] {
        expect = stack.empty() ? Expect::Nothing : Expect::CommaOrEnd;
    };

    while (true) {
        while (i < n && isSpace(data[i]))
            ++i;
        if (i >= n)
            break;
        const char c = data[i];
        switch (expect) {
        case Expect::Nothing:
            return fail(i, u"Unexpected %1 after the end of the JSON value"_s.arg(describeByte(data, i)));
        case Expect::Colon:
            if (c != ':')
                return fail(i, u"Expected ':' but found %1"_s.arg(describeByte(data, i)));
            out.append(": ");
            ++i;
            expect = Expect::Value;
            continue;
        case Expect::CommaOrEnd:
            if (c == ',') {
                out.append(',');
                newline(stack.size());
                ++i;
                expect = stack.back() == '{' ? Expect::Key : Expect::Value;
                continue;
            }
            if ((c == '}' && stack.back() == '{') || (c == ']' && stack.back() == '[')) {
                stack.pop_back();
                newline(stack.size());
                out.append(c);
                ++i;
                afterValue();
                continue;
            }
            return fail(i,
                        u"Expected ',' or '%1' but found %2"_s.arg(
                            QString(QLatin1Char(stack.back() == '{' ? '}' : ']')), describeByte(data, i)));
        case Expect::FirstKeyOrEnd:
        case Expect::FirstValueOrEnd: {
            const char close = expect == Expect::FirstKeyOrEnd ? '}' : ']';
            if (c == close) {
                stack.pop_back();
                out.append(close);
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
                return fail(i, u"Expected a key in double quotes but found %1"_s.arg(describeByte(data, i)));
            qsizetype errorAt = -1;
            QString why;
            const qsizetype end = scanString(data, i, &errorAt, &why);
            if (end < 0)
                return fail(errorAt, why);
            out.append(data.sliced(i, end - i));
            i = end;
            expect = Expect::Colon;
            continue;
        }
        case Expect::Value:
            break;
        }

        // A value.
        if (c == '{' || c == '[') {
            stack.push_back(c);
            out.append(c);
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
            out.append(data.sliced(i, end - i));
            i = end;
            afterValue();
            continue;
        }
        if (c == '-' || isDigit(c)) {
            const qsizetype end = scanNumber(data, i);
            if (end < 0)
                return fail(i, u"Invalid number"_s);
            out.append(data.sliced(i, end - i));
            i = end;
            afterValue();
            continue;
        }
        bool literal = false;
        for (const QByteArrayView word :
             { QByteArrayView("true"), QByteArrayView("false"), QByteArrayView("null") }) {
            if (data.sliced(i).startsWith(word)) {
                out.append(word);
                i += word.size();
                literal = true;
                break;
            }
        }
        if (!literal)
            return fail(i, u"Unexpected %1"_s.arg(describeByte(data, i)));
        afterValue();
    }

    if (expect == Expect::Value && stack.empty() && out.isEmpty())
        return fail(i, u"Empty document"_s);
    if (expect != Expect::Nothing)
        return fail(n, u"Unexpected end of input"_s);
    return result;
}

} // namespace Postern
