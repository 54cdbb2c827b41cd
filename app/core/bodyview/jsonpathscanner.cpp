#include "bodyview/jsonpathscanner.h"

using namespace Qt::StringLiterals;

namespace Postern {

JsonPathScanner::JsonPathScanner(const QString &text)
    : m_text(text)
{
}

bool JsonPathScanner::skipBlank()
{
    const qsizetype from = m_pos;
    while (!atEnd() && isBlank(m_text.at(m_pos)))
        ++m_pos;
    return m_pos > from;
}

JsonPathScanner::Failure JsonPathScanner::fail(qsizetype at, const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_error.position = at;
        m_error.message = tr("%1 at column %2").arg(message, QString::number(at + 1));
    }
    return {};
}

JsonPathScanner::Failure JsonPathScanner::unexpected(const QString &expected)
{
    return fail(m_pos, tr("Expected %1 but found %2").arg(expected, describeHere()));
}

QString JsonPathScanner::describeHere() const
{
    if (atEnd())
        return tr("the end");
    const QChar c = m_text.at(m_pos);
    if (isBlank(c))
        return tr("blank space");
    if (c.unicode() < 0x20)
        return tr("a control character");
    if (c.isHighSurrogate() && peek(1).isLowSurrogate())
        return u"'"_s + m_text.mid(m_pos, 2) + u"'"_s;
    return u"'"_s + c + u"'"_s;
}

std::optional<QString> JsonPathScanner::stringLiteral()
{
    const qsizetype start = m_pos;
    const QChar quote = peek();
    ++m_pos;
    QString text;
    for (;;) {
        if (atEnd())
            return fail(start, tr("A string without its closing quote"));
        const QChar c = peek();
        if (c == quote) {
            ++m_pos;
            return text;
        }
        if (c.unicode() < 0x20)
            return fail(m_pos, tr("A control character in a string (escape it)"));
        if (c.isHighSurrogate() && peek(1).isLowSurrogate()) {
            text += c;
            text += peek(1);
            m_pos += 2;
            continue;
        }
        if (c.isSurrogate())
            return fail(m_pos, tr("A lone surrogate in a string"));
        if (c != u'\\') {
            text += c;
            ++m_pos;
            continue;
        }
        if (!escape(quote, &text))
            return std::nullopt;
    }
}

// JSON's escapes, and the quote that delimits the string (\' in single quotes, \" in double ones).
bool JsonPathScanner::escape(QChar quote, QString *text)
{
    const qsizetype start = m_pos;
    const QChar e = peek(1);
    m_pos += 2;
    switch (e.unicode()) {
    case u'b':
        *text += u'\b';
        return true;
    case u'f':
        *text += u'\f';
        return true;
    case u'n':
        *text += u'\n';
        return true;
    case u'r':
        *text += u'\r';
        return true;
    case u't':
        *text += u'\t';
        return true;
    case u'/':
    case u'\\':
        *text += e;
        return true;
    case u'u':
        break;
    default:
        if (e == quote) {
            *text += e;
            return true;
        }
        fail(start, tr("Invalid escape in a string"));
        return false;
    }
    const std::optional<char16_t> unit = hex4();
    if (!unit) {
        fail(start, tr("\\u needs four hex digits"));
        return false;
    }
    if (QChar::isLowSurrogate(*unit)) {
        fail(start, tr("A lone low surrogate in a string"));
        return false;
    }
    if (!QChar::isHighSurrogate(*unit)) {
        *text += QChar(*unit);
        return true;
    }
    std::optional<char16_t> low;
    if (at(u"\\u")) {
        m_pos += 2;
        low = hex4();
    }
    if (!low || !QChar::isLowSurrogate(*low)) {
        fail(start, tr("A high surrogate without its low one"));
        return false;
    }
    *text += QChar(*unit);
    *text += QChar(*low);
    return true;
}

std::optional<char16_t> JsonPathScanner::hex4()
{
    if (m_pos + 4 > m_text.size())
        return std::nullopt;
    char16_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const char16_t c = m_text.at(m_pos + i).unicode();
        int digit = -1;
        if (c >= u'0' && c <= u'9')
            digit = c - u'0';
        else if (c >= u'a' && c <= u'f')
            digit = c - u'a' + 10;
        else if (c >= u'A' && c <= u'F')
            digit = c - u'A' + 10;
        if (digit < 0)
            return std::nullopt;
        value = char16_t(value * 16 + digit);
    }
    m_pos += 4;
    return value;
}

std::optional<qint64> JsonPathScanner::integer()
{
    const qsizetype start = m_pos;
    const bool negative = at(u'-');
    if (negative)
        ++m_pos;
    if (!atDigit())
        return unexpected(tr("a digit"));
    if (at(u'0')) {
        ++m_pos;
        if (negative)
            return fail(start, tr("-0 is not an integer here"));
        if (atDigit())
            return fail(start, tr("An integer cannot start with 0"));
        return 0;
    }
    qint64 value = 0;
    while (atDigit()) {
        value = value * 10 + (peek().unicode() - u'0');
        ++m_pos;
        if (value > MaxInteger)
            return fail(start, tr("An integer beyond ±(2^53-1)"));
    }
    return negative ? -value : value;
}

std::optional<double> JsonPathScanner::number()
{
    const qsizetype start = m_pos;
    if (at(u'-'))
        ++m_pos;
    if (!atDigit())
        return unexpected(tr("a digit"));
    if (at(u'0')) {
        ++m_pos;
        if (atDigit())
            return fail(start, tr("A number cannot start with 0"));
    }
    const auto digits = [this] {
        const qsizetype from = m_pos;
        while (atDigit())
            ++m_pos;
        return m_pos > from;
    };
    digits();
    if (at(u'.')) {
        ++m_pos;
        if (!digits())
            return unexpected(tr("a digit after '.'"));
    }
    if (at(u'e') || at(u'E')) {
        ++m_pos;
        if (at(u'+') || at(u'-'))
            ++m_pos;
        if (!digits())
            return unexpected(tr("a digit in the exponent"));
    }
    // Out of double's range is infinity or zero, as a JSON reader would make it.
    return QStringView(m_text).sliced(start, m_pos - start).toDouble();
}

std::optional<QString> JsonPathScanner::memberName()
{
    const auto isAlpha = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    };
    const qsizetype start = m_pos;
    while (!atEnd()) {
        const QChar c = m_text.at(m_pos);
        if (isAlpha(c) || c == u'_' || (c.unicode() >= 0x80 && !c.isSurrogate())
            || (m_pos > start && isDigit(c)))
            ++m_pos;
        else if (c.isHighSurrogate() && peek(1).isLowSurrogate())
            m_pos += 2;
        else
            break;
    }
    if (m_pos == start)
        return std::nullopt;
    return m_text.mid(start, m_pos - start);
}

QString JsonPathScanner::lowercaseName()
{
    const qsizetype start = m_pos;
    while (!atEnd() && ((peek() >= u'a' && peek() <= u'z') || (m_pos > start && (atDigit() || at(u'_')))))
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

} // namespace Postern
