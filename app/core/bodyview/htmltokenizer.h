#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace Postern {

// ASCII whitespace as HTML defines it (space, tab, line feed, carriage return, form feed).
inline bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Splits HTML into tags, text and other markup the way a browser's tokenizer would find them, but
// never refuses anything: a '<' that starts no tag is text, a tag cut by the end of the input is text,
// an unterminated comment runs to the end. Every token is a range of the input; nothing is decoded.
// Raw text (the content of script, style, textarea, title ...) is found with rawTextEnd(). Used by
// HtmlFormatter.
class HtmlTokenizer
{
public:
    enum class Token {
        End,
        Text,
        StartTag,
        EndTag,
        Markup, // a comment, a doctype, <?...>, </ followed by no name
    };

    // The ranges of an attribute's name and of its value as written (quotes included); a value-less
    // attribute has valueStart == -1.
    struct Attribute
    {
        qsizetype nameStart = 0;
        qsizetype nameEnd = 0;
        qsizetype valueStart = -1;
        qsizetype valueEnd = -1;
    };

    explicit HtmlTokenizer(QByteArrayView data);

    Token next();

    qsizetype position() const { return m_pos; }
    void setPosition(qsizetype position) { m_pos = position; }
    qsizetype tokenStart() const { return m_tokenStart; }
    QByteArrayView token() const { return m_data.sliced(m_tokenStart, m_pos - m_tokenStart); }
    // A tag's name as written, and in lower case.
    QByteArrayView name() const { return m_data.sliced(m_nameStart, m_nameEnd - m_nameStart); }
    const QByteArray &lowerName() const { return m_lowerName; }
    const std::vector<Attribute> &attributes() const { return m_attributes; }
    // Whether a start tag ends with "/>".
    bool isSelfClosing() const { return m_selfClosing; }

    // Where the raw text from the current position ends: at "</name" (any case) followed by
    // whitespace, '/' or '>', or at the end of the input.
    qsizetype rawTextEnd(QByteArrayView lowerName) const;

private:
    Token text();
    bool startTag();
    bool endTag();
    Token markup();

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    qsizetype m_tokenStart = 0;
    qsizetype m_nameStart = 0;
    qsizetype m_nameEnd = 0;
    QByteArray m_lowerName;
    std::vector<Attribute> m_attributes;
    bool m_selfClosing = false;
};

} // namespace Postern
