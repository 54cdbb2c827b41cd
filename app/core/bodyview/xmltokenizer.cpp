#include "bodyview/xmltokenizer.h"

#include <algorithm>
#include <cstring>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Names are checked for their ASCII part; any byte of a multi-byte UTF-8 character is taken.
bool isNameStart(char c)
{
    const auto u = uchar(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == ':' || u >= 0x80;
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Control characters XML 1.0 does not allow anywhere, even as a reference.
bool isForbidden(char c)
{
    return uchar(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

bool isAllowedCodePoint(quint32 u)
{
    return u == 0x9 || u == 0xa || u == 0xd || (u >= 0x20 && u <= 0xd7ff) || (u >= 0xe000 && u <= 0xfffd)
        || (u >= 0x10000 && u <= 0x10ffff);
}

int digitValue(char c, bool hex)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (hex && c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

XmlTokenizer::XmlTokenizer(QByteArrayView data, qsizetype start)
    : m_data(data)
    , m_start(start)
    , m_pos(start)
{
}

XmlTokenizer::Token XmlTokenizer::fail(qsizetype at, const QString &message)
{
    if (!failed()) {
        m_error = message;
        m_errorOffset = at;
    }
    return Token::Error;
}

void XmlTokenizer::skipSpace()
{
    while (m_pos < m_data.size() && isSpace(m_data[m_pos]))
        ++m_pos;
}

qsizetype XmlTokenizer::nameEnd(qsizetype from) const
{
    if (from >= m_data.size() || !isNameStart(m_data[from]))
        return from;
    qsizetype end = from + 1;
    while (end < m_data.size() && isNameChar(m_data[end]))
        ++end;
    return end;
}

bool XmlTokenizer::checkChars(qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        if (isForbidden(m_data[i])) {
            fail(i, tr("Invalid character 0x%1").arg(int(uchar(m_data[i])), 2, 16, QLatin1Char('0')));
            return false;
        }
    }
    return true;
}

bool XmlTokenizer::skipPast(QByteArrayView terminator, const char *unterminated)
{
    const qsizetype at = m_data.indexOf(terminator, m_pos);
    if (at < 0) {
        fail(m_tokenStart, tr(unterminated));
        return false;
    }
    if (!checkChars(m_pos, at))
        return false;
    m_pos = at + terminator.size();
    return true;
}

XmlTokenizer::Token XmlTokenizer::next()
{
    if (failed())
        return Token::Error;
    m_tokenStart = m_pos;
    m_attributes.clear();
    if (m_pos >= m_data.size())
        return Token::End;
    if (m_data[m_pos] != '<')
        return text();
    if (m_pos + 1 >= m_data.size())
        return fail(m_pos, tr("Unexpected end of input after '<'"));
    switch (m_data[m_pos + 1]) {
    case '/':
        return endTag();
    case '!':
        return markup();
    case '?':
        return processingInstruction();
    default:
        return tag();
    }
}

XmlTokenizer::Token XmlTokenizer::text()
{
    m_blank = true;
    const qsizetype n = m_data.size();
    while (m_pos < n) {
        const char c = m_data[m_pos];
        if (c == '<')
            break;
        if (c == '&') {
            if (!reference())
                return Token::Error;
            m_blank = false;
            continue;
        }
        if (isForbidden(c))
            return fail(m_pos, tr("Invalid character 0x%1").arg(int(uchar(c)), 2, 16, QLatin1Char('0')));
        if (c == '>' && m_pos - 2 >= m_tokenStart && m_data[m_pos - 1] == ']' && m_data[m_pos - 2] == ']')
            return fail(m_pos - 2, tr("']]>' in text"));
        if (!isSpace(c))
            m_blank = false;
        ++m_pos;
    }
    return Token::Text;
}

bool XmlTokenizer::reference()
{
    const qsizetype at = m_pos++;
    const qsizetype n = m_data.size();
    if (m_pos < n && m_data[m_pos] == '#') {
        ++m_pos;
        const bool hex = m_pos < n && m_data[m_pos] == 'x';
        if (hex)
            ++m_pos;
        const qsizetype digits = m_pos;
        quint32 value = 0;
        int digit;
        while (m_pos < n && (digit = digitValue(m_data[m_pos], hex)) >= 0) {
            value = qMin<quint32>(value * (hex ? 16 : 10) + quint32(digit), 0x110000);
            ++m_pos;
        }
        if (m_pos == digits || m_pos >= n || m_data[m_pos] != ';') {
            fail(at, tr("Invalid character reference"));
            return false;
        }
        ++m_pos;
        if (!isAllowedCodePoint(value)) {
            fail(at, tr("Character reference to a character XML does not allow"));
            return false;
        }
        return true;
    }
    const qsizetype end = nameEnd(m_pos);
    if (end == m_pos || end >= n || m_data[end] != ';') {
        fail(at, tr("Invalid entity reference ('&' must be written &amp;)"));
        return false;
    }
    const QByteArrayView entity = m_data.sliced(m_pos, end - m_pos);
    if (!m_doctypeSeen && entity != "lt" && entity != "gt" && entity != "amp" && entity != "apos"
        && entity != "quot") {
        fail(at, tr("Undeclared entity '&%1;'").arg(QString::fromUtf8(entity)));
        return false;
    }
    m_pos = end + 1;
    return true;
}

XmlTokenizer::Token XmlTokenizer::tag()
{
    const qsizetype n = m_data.size();
    ++m_pos; // '<'
    m_nameStart = m_pos;
    m_nameEnd = nameEnd(m_pos);
    if (m_nameEnd == m_pos)
        return fail(m_pos, tr("Expected an element name after '<'"));
    m_pos = m_nameEnd;
    Token token;
    while (true) {
        const qsizetype before = m_pos;
        skipSpace();
        if (m_pos >= n)
            return fail(m_pos, tr("Unexpected end of input in a tag"));
        const char c = m_data[m_pos];
        if (c == '>') {
            ++m_pos;
            token = Token::StartTag;
            break;
        }
        if (c == '/') {
            if (m_pos + 1 >= n || m_data[m_pos + 1] != '>')
                return fail(m_pos, tr("Expected '>' after '/' in a tag"));
            m_pos += 2;
            token = Token::EmptyElementTag;
            break;
        }
        if (m_pos == before)
            return fail(m_pos, tr("Expected whitespace, '>' or '/>' in a tag"));
        Attribute attribute;
        attribute.nameStart = m_pos;
        attribute.nameEnd = nameEnd(m_pos);
        if (attribute.nameEnd == m_pos)
            return fail(m_pos, tr("Expected an attribute name"));
        m_pos = attribute.nameEnd;
        skipSpace();
        if (m_pos >= n || m_data[m_pos] != '=')
            return fail(m_pos, tr("Expected '=' after an attribute name"));
        ++m_pos;
        skipSpace();
        if (!attributeValue(&attribute))
            return Token::Error;
        m_attributes.push_back(attribute);
    }
    if (m_attributes.size() > 1) {
        // Sorted names side by side: n log n, whatever a hostile tag holds.
        m_attributeNames.clear();
        for (const Attribute &a : m_attributes)
            m_attributeNames.push_back(m_data.sliced(a.nameStart, a.nameEnd - a.nameStart));
        std::sort(m_attributeNames.begin(), m_attributeNames.end());
        const auto twice = std::adjacent_find(m_attributeNames.begin(), m_attributeNames.end());
        if (twice != m_attributeNames.end())
            return fail(qMax(twice->data(), std::next(twice)->data()) - m_data.data(),
                        tr("Attribute '%1' given twice").arg(QString::fromUtf8(*twice)));
    }
    return token;
}

bool XmlTokenizer::attributeValue(Attribute *attribute)
{
    const qsizetype n = m_data.size();
    if (m_pos >= n || (m_data[m_pos] != '"' && m_data[m_pos] != '\'')) {
        fail(m_pos, tr("Expected a quoted attribute value"));
        return false;
    }
    const char quote = m_data[m_pos];
    attribute->valueStart = m_pos++;
    while (m_pos < n && m_data[m_pos] != quote) {
        const char c = m_data[m_pos];
        if (c == '&') {
            if (!reference())
                return false;
            continue;
        }
        if (c == '<') {
            fail(m_pos, tr("'<' in an attribute value"));
            return false;
        }
        if (!checkChars(m_pos, m_pos + 1))
            return false;
        ++m_pos;
    }
    if (m_pos >= n) {
        fail(attribute->valueStart, tr("Unterminated attribute value"));
        return false;
    }
    attribute->valueEnd = ++m_pos;
    return true;
}

XmlTokenizer::Token XmlTokenizer::endTag()
{
    m_pos += 2; // "</"
    m_nameStart = m_pos;
    m_nameEnd = nameEnd(m_pos);
    if (m_nameEnd == m_pos)
        return fail(m_pos, tr("Expected an element name after '</'"));
    m_pos = m_nameEnd;
    skipSpace();
    if (m_pos >= m_data.size() || m_data[m_pos] != '>')
        return fail(m_pos, tr("Expected '>' to end the end tag"));
    ++m_pos;
    return Token::EndTag;
}

XmlTokenizer::Token XmlTokenizer::markup()
{
    const QByteArrayView rest = m_data.sliced(m_pos);
    if (rest.startsWith("<!--")) {
        m_pos += 4;
        const qsizetype dashes = m_data.indexOf("--", m_pos);
        if (dashes < 0)
            return fail(m_tokenStart, tr("Unterminated comment"));
        if (dashes + 2 >= m_data.size() || m_data[dashes + 2] != '>')
            return fail(dashes, tr("'--' in a comment"));
        if (!checkChars(m_pos, dashes))
            return Token::Error;
        m_pos = dashes + 3;
        return Token::Comment;
    }
    if (rest.startsWith("<![CDATA[")) {
        m_pos += 9;
        return skipPast("]]>", QT_TR_NOOP("Unterminated CDATA section")) ? Token::CData : Token::Error;
    }
    if (rest.startsWith("<!DOCTYPE")) {
        m_pos += 9;
        if (!doctype())
            return Token::Error;
        m_doctypeSeen = true;
        return Token::Doctype;
    }
    return fail(m_pos, tr("Unexpected '<!'"));
}

bool XmlTokenizer::skipQuoted()
{
    const char quote = m_data[m_pos];
    const qsizetype close = m_data.indexOf(quote, m_pos + 1);
    if (close < 0) {
        fail(m_pos, tr("Unterminated quoted text in the doctype"));
        return false;
    }
    m_pos = close + 1;
    return true;
}

bool XmlTokenizer::doctype()
{
    // <!DOCTYPE name ExternalID? [internal subset]? >: the declarations are skipped, not read.
    const qsizetype n = m_data.size();
    const qsizetype before = m_pos;
    skipSpace();
    const qsizetype end = nameEnd(m_pos);
    if (m_pos == before || end == m_pos) {
        fail(m_pos, tr("Expected whitespace and a name after <!DOCTYPE"));
        return false;
    }
    m_pos = end;
    bool subsetSeen = false;
    while (true) {
        skipSpace();
        if (m_pos >= n) {
            fail(m_tokenStart, tr("Unterminated doctype"));
            return false;
        }
        const char c = m_data[m_pos];
        if (c == '>') {
            ++m_pos;
            return checkChars(m_tokenStart, m_pos);
        }
        if (subsetSeen) {
            fail(m_pos, tr("Expected '>' after the internal subset"));
            return false;
        }
        if (c == '"' || c == '\'') {
            if (!skipQuoted())
                return false;
        } else if (c == '[') {
            ++m_pos;
            if (!internalSubset())
                return false;
            subsetSeen = true;
        } else if (isNameChar(c)) { // SYSTEM, PUBLIC
            while (m_pos < n && isNameChar(m_data[m_pos]))
                ++m_pos;
        } else {
            fail(m_pos, tr("Unexpected character in the doctype"));
            return false;
        }
    }
}

bool XmlTokenizer::internalSubset()
{
    const qsizetype n = m_data.size();
    while (true) {
        skipSpace();
        if (m_pos >= n) {
            fail(m_tokenStart, tr("Unterminated doctype"));
            return false;
        }
        const QByteArrayView rest = m_data.sliced(m_pos);
        if (rest.startsWith(']')) {
            ++m_pos;
            return true;
        }
        if (rest.startsWith("<!--")) {
            m_pos += 4;
            if (!skipPast("-->", QT_TR_NOOP("Unterminated comment")))
                return false;
        } else if (rest.startsWith("<?")) {
            if (!skipPast("?>", QT_TR_NOOP("Unterminated processing instruction")))
                return false;
        } else if (rest.startsWith("<!")) {
            // A markup declaration, up to its '>' (quoted literals may hold one).
            m_pos += 2;
            while (m_pos < n && m_data[m_pos] != '>') {
                if (m_data[m_pos] == '"' || m_data[m_pos] == '\'') {
                    if (!skipQuoted())
                        return false;
                } else {
                    ++m_pos;
                }
            }
            if (m_pos >= n) {
                fail(m_tokenStart, tr("Unterminated doctype"));
                return false;
            }
            ++m_pos;
        } else if (rest.startsWith('%')) {
            const qsizetype end = nameEnd(m_pos + 1);
            if (end == m_pos + 1 || end >= n || m_data[end] != ';') {
                fail(m_pos, tr("Invalid parameter entity reference"));
                return false;
            }
            m_pos = end + 1;
        } else {
            fail(m_pos, tr("Unexpected character in the internal subset"));
            return false;
        }
    }
}

XmlTokenizer::Token XmlTokenizer::processingInstruction()
{
    m_pos += 2; // "<?"
    m_nameStart = m_pos;
    m_nameEnd = nameEnd(m_pos);
    if (m_nameEnd == m_pos)
        return fail(m_pos, tr("Expected a target after '<?'"));
    m_pos = m_nameEnd;
    if (m_data.sliced(m_pos).startsWith("?>")) {
        m_pos += 2;
    } else {
        if (m_pos >= m_data.size() || !isSpace(m_data[m_pos]))
            return fail(m_pos, tr("Expected whitespace after a processing instruction's target"));
        if (!skipPast("?>", QT_TR_NOOP("Unterminated processing instruction")))
            return Token::Error;
    }
    const QByteArrayView target = name();
    if (target.size() != 3 || qstrnicmp(target.data(), "xml", 3) != 0)
        return Token::ProcessingInstruction;
    if (target != "xml" || m_tokenStart != m_start)
        return fail(m_tokenStart, tr("XML declaration not at the start of the document"));
    QByteArrayView body = m_data.sliced(m_nameEnd, m_pos - 2 - m_nameEnd);
    while (!body.isEmpty() && isSpace(body.front()))
        body = body.sliced(1);
    if (!body.startsWith("version"))
        return fail(m_nameEnd, tr("Expected 'version' in the XML declaration"));
    return Token::Declaration;
}

} // namespace Postern
