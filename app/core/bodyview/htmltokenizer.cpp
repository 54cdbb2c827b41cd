#include "bodyview/htmltokenizer.h"

#include <cstring>

namespace Postern {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

} // namespace

HtmlTokenizer::HtmlTokenizer(QByteArrayView data)
    : m_data(data)
{
}

HtmlTokenizer::Token HtmlTokenizer::next()
{
    m_tokenStart = m_pos;
    m_attributes.clear();
    m_selfClosing = false;
    const qsizetype n = m_data.size();
    if (m_pos >= n)
        return Token::End;
    if (m_data[m_pos] != '<' || m_pos + 1 >= n)
        return text();
    const char c = m_data[m_pos + 1];
    if (c == '!' || c == '?' || (c == '/' && (m_pos + 2 >= n || !isAsciiLetter(m_data[m_pos + 2]))))
        return markup();
    if (c == '/' || isAsciiLetter(c)) {
        if (c == '/' ? endTag() : startTag())
            return c == '/' ? Token::EndTag : Token::StartTag;
        // A tag the input ends in (a browser drops it, and all after it): the rest as text.
        m_pos = n;
        return Token::Text;
    }
    // A '<' that starts no tag: text, as far as the next tag.
    m_pos = m_tokenStart + 1;
    return text();
}

HtmlTokenizer::Token HtmlTokenizer::text()
{
    const qsizetype n = m_data.size();
    while (m_pos < n) {
        const auto *lt
            = static_cast<const char *>(std::memchr(m_data.data() + m_pos, '<', size_t(n - m_pos)));
        if (!lt) {
            m_pos = n;
            break;
        }
        const qsizetype at = lt - m_data.data();
        const char c = at + 1 < n ? m_data[at + 1] : '\0';
        if (isAsciiLetter(c) || c == '/' || c == '!' || c == '?') {
            m_pos = at;
            break;
        }
        m_pos = at + 1;
    }
    return Token::Text;
}

bool HtmlTokenizer::startTag()
{
    const qsizetype n = m_data.size();
    qsizetype p = m_pos + 1;
    m_nameStart = p;
    while (p < n && !isHtmlSpace(m_data[p]) && m_data[p] != '/' && m_data[p] != '>')
        ++p;
    m_nameEnd = p;
    while (true) {
        while (p < n && (isHtmlSpace(m_data[p]) || m_data[p] == '/')) {
            m_selfClosing = m_data[p] == '/';
            ++p;
        }
        if (p >= n)
            return false;
        if (m_data[p] == '>') {
            m_pos = p + 1;
            break;
        }
        m_selfClosing = false;
        Attribute attribute;
        attribute.nameStart = p++; // a first '=' belongs to the name
        while (p < n && !isHtmlSpace(m_data[p]) && m_data[p] != '/' && m_data[p] != '>' && m_data[p] != '=')
            ++p;
        attribute.nameEnd = p;
        qsizetype q = p;
        while (q < n && isHtmlSpace(m_data[q]))
            ++q;
        if (q < n && m_data[q] == '=') {
            ++q;
            while (q < n && isHtmlSpace(m_data[q]))
                ++q;
            if (q >= n)
                return false;
            attribute.valueStart = q;
            if (m_data[q] == '"' || m_data[q] == '\'') {
                const qsizetype close = m_data.indexOf(m_data[q], q + 1);
                if (close < 0)
                    return false;
                q = close + 1;
            } else {
                while (q < n && !isHtmlSpace(m_data[q]) && m_data[q] != '>')
                    ++q;
            }
            attribute.valueEnd = q;
            p = q;
        }
        m_attributes.push_back(attribute);
    }
    m_lowerName.resize(m_nameEnd - m_nameStart);
    for (qsizetype i = 0; i < m_lowerName.size(); ++i)
        m_lowerName[i] = toLower(m_data[m_nameStart + i]);
    return true;
}

bool HtmlTokenizer::endTag()
{
    const qsizetype n = m_data.size();
    qsizetype p = m_pos + 2;
    m_nameStart = p;
    while (p < n && !isHtmlSpace(m_data[p]) && m_data[p] != '/' && m_data[p] != '>')
        ++p;
    m_nameEnd = p;
    // Whatever an end tag holds up to its '>' is dropped by browsers; quotes still count.
    while (p < n && m_data[p] != '>') {
        if (m_data[p] == '"' || m_data[p] == '\'') {
            const qsizetype close = m_data.indexOf(m_data[p], p + 1);
            if (close < 0)
                return false;
            p = close;
        }
        ++p;
    }
    if (p >= n)
        return false;
    m_pos = p + 1;
    m_lowerName.resize(m_nameEnd - m_nameStart);
    for (qsizetype i = 0; i < m_lowerName.size(); ++i)
        m_lowerName[i] = toLower(m_data[m_nameStart + i]);
    return true;
}

HtmlTokenizer::Token HtmlTokenizer::markup()
{
    const QByteArrayView rest = m_data.sliced(m_pos);
    if (rest.startsWith("<!--")) {
        // "<!-->" and "<!--->" end at once, as in browsers; an unterminated comment runs to the end.
        qsizetype end;
        if (rest.startsWith("<!-->"))
            end = m_pos + 5;
        else if (rest.startsWith("<!--->"))
            end = m_pos + 6;
        else {
            const qsizetype close = m_data.indexOf("-->", m_pos + 4);
            end = close < 0 ? m_data.size() : close + 3;
        }
        m_pos = end;
        return Token::Markup;
    }
    const qsizetype close = m_data.indexOf('>', m_pos + 2);
    m_pos = close < 0 ? m_data.size() : close + 1;
    return Token::Markup;
}

qsizetype HtmlTokenizer::rawTextEnd(QByteArrayView lowerName) const
{
    const qsizetype n = m_data.size();
    for (qsizetype at = m_data.indexOf("</", m_pos); at >= 0; at = m_data.indexOf("</", at + 2)) {
        const qsizetype after = at + 2 + lowerName.size();
        if (after > n)
            break;
        bool same = true;
        for (qsizetype i = 0; same && i < lowerName.size(); ++i)
            same = toLower(m_data[at + 2 + i]) == lowerName[i];
        if (same
            && (after == n || isHtmlSpace(m_data[after]) || m_data[after] == '/' || m_data[after] == '>'))
            return at;
    }
    return n;
}

} // namespace Postern
