#include "bodyview/xmlformatter.h"

#include "bodyview/xmltokenizer.h"

#include <QStringDecoder>

#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

using Token = XmlTokenizer::Token;

// What the second pass does with an element's content, learnt in the first.
enum class Content : quint8 {
    Empty, // nothing between the tags: written <a/>
    Verbatim, // text, whitespace only, or text mixed with elements: kept as it is
    Children, // elements, comments, processing instructions and whitespace: indented
};

struct OpenElement
{
    qsizetype nameStart;
    qsizetype nameSize;
    size_t ordinal; // in the order of start tags
    bool anyContent = false;
    bool markup = false; // an element, comment or processing instruction
    bool text = false; // text that is not only whitespace, a reference, a CDATA section
};

// UTF-16 input as UTF-8 (its byte order mark dropped); other input unchanged.
QByteArray asUtf8(const QByteArray &xml)
{
    std::optional<QStringConverter::Encoding> encoding;
    if (xml.startsWith("\xff\xfe") || xml.startsWith("\xfe\xff"))
        encoding = QStringConverter::Utf16;
    else if (xml.startsWith(QByteArrayView("<\0?\0", 4)))
        encoding = QStringConverter::Utf16LE;
    else if (xml.startsWith(QByteArrayView("\0<\0?", 4)))
        encoding = QStringConverter::Utf16BE;
    if (!encoding)
        return xml;
    QStringDecoder decoder(*encoding);
    const QString text = decoder(xml);
    return text.toUtf8();
}

// A name for a message, cut if a hostile one is long.
QString shown(QByteArrayView name)
{
    return QString::fromUtf8(name.first(qMin<qsizetype>(name.size(), 80)));
}

class Writer
{
public:
    Writer(QByteArray *out, int indent)
        : m_out(out)
        , m_indent(indent)
    {
    }

    void newLine(int depth)
    {
        if (!m_out->isEmpty())
            m_out->append('\n');
        m_out->append(qsizetype(qMin(depth, XmlFormatter::MaxIndentDepth)) * m_indent, ' ');
    }

    // A start tag, single spaces between its attributes, no space around their '='.
    void startTag(const XmlTokenizer &tokens, QByteArrayView data, bool selfClosing)
    {
        m_out->append('<');
        m_out->append(tokens.name());
        for (const XmlTokenizer::Attribute &a : tokens.attributes()) {
            m_out->append(' ');
            m_out->append(data.sliced(a.nameStart, a.nameEnd - a.nameStart));
            m_out->append('=');
            m_out->append(data.sliced(a.valueStart, a.valueEnd - a.valueStart));
        }
        m_out->append(selfClosing ? QByteArrayView("/>") : QByteArrayView(">"));
    }

    void endTag(QByteArrayView name)
    {
        m_out->append("</");
        m_out->append(name);
        m_out->append('>');
    }

    void append(QByteArrayView bytes) { m_out->append(bytes); }

private:
    QByteArray *m_out;
    int m_indent;
};

bool isCanceled(const std::atomic_bool *cancel, quint32 *steps)
{
    return (++*steps & 0x3ff) == 0 && cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

XmlFormatter::Result XmlFormatter::format(const QByteArray &xml, const std::atomic_bool *cancel) const
{
    const QByteArray data = asUtf8(xml);
    const qsizetype start = data.startsWith("\xef\xbb\xbf") ? 3 : 0;
    Result result;
    const auto fail = [&](qsizetype at, const QString &message) {
        result.errorOffset = at;
        const QByteArrayView before = QByteArrayView(data).first(at);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        result.errorLine = int(before.count('\n') + 1);
        result.errorColumn = int(at - lineStart + 1);
        result.error
            = XmlFormatter::tr("%1 at line %2, column %3")
                  .arg(message, QString::number(result.errorLine), QString::number(result.errorColumn));
        return result;
    };
    const auto canceled = [&result] {
        result.canceled = true;
        return result;
    };

    // First pass: well-formedness, and what each element holds.
    std::vector<Content> contents;
    std::vector<OpenElement> open;
    bool rootSeen = false;
    bool doctypeSeen = false;
    quint32 steps = 0;
    XmlTokenizer tokens(data, start);
    for (Token token = tokens.next(); token != Token::End; token = tokens.next()) {
        if (isCanceled(cancel, &steps))
            return canceled();
        OpenElement *parent = open.empty() ? nullptr : &open.back();
        switch (token) {
        case Token::Error:
            return fail(tokens.errorOffset(), tokens.error());
        case Token::Text:
            if (parent) {
                parent->anyContent = true;
                parent->text = parent->text || !tokens.isBlank();
            } else if (!tokens.isBlank()) {
                qsizetype first = tokens.tokenStart();
                while (first < tokens.tokenEnd() && QByteArrayView(" \t\r\n").contains(data[first]))
                    ++first;
                return fail(first, XmlFormatter::tr("Text outside the root element"));
            }
            break;
        case Token::CData:
            if (!parent)
                return fail(tokens.tokenStart(), XmlFormatter::tr("CDATA section outside the root element"));
            parent->anyContent = parent->text = true;
            break;
        case Token::Comment:
        case Token::ProcessingInstruction:
            if (parent)
                parent->anyContent = parent->markup = true;
            break;
        case Token::Declaration:
            break;
        case Token::Doctype:
            if (rootSeen)
                return fail(tokens.tokenStart(), XmlFormatter::tr("Doctype after the root element"));
            if (doctypeSeen)
                return fail(tokens.tokenStart(), XmlFormatter::tr("Second doctype"));
            doctypeSeen = true;
            break;
        case Token::StartTag:
        case Token::EmptyElementTag:
            if (parent) {
                parent->anyContent = parent->markup = true;
            } else if (rootSeen) {
                return fail(tokens.tokenStart(),
                            XmlFormatter::tr("Second root element <%1> (a document has one)")
                                .arg(shown(tokens.name())));
            }
            rootSeen = true;
            if (token == Token::StartTag) {
                open.push_back(
                    { tokens.name().data() - data.constData(), tokens.name().size(), contents.size() });
                contents.push_back(Content::Empty);
            }
            break;
        case Token::EndTag: {
            if (!parent)
                return fail(tokens.tokenStart(),
                            XmlFormatter::tr("End tag </%1> with no element open").arg(shown(tokens.name())));
            const QByteArrayView name = QByteArrayView(data).sliced(parent->nameStart, parent->nameSize);
            if (tokens.name() != name)
                return fail(tokens.tokenStart(),
                            XmlFormatter::tr("End tag </%1> where </%2> was expected")
                                .arg(shown(tokens.name()), shown(name)));
            contents[parent->ordinal] = !parent->anyContent ? Content::Empty
                : (parent->text || !parent->markup)         ? Content::Verbatim
                                                            : Content::Children;
            open.pop_back();
            break;
        }
        case Token::End:
            break;
        }
    }
    if (!open.empty()) {
        const OpenElement &last = open.back();
        return fail(data.size(),
                    XmlFormatter::tr("Unexpected end of input: <%1> is not closed")
                        .arg(shown(QByteArrayView(data).sliced(last.nameStart, last.nameSize))));
    }
    if (!rootSeen)
        return fail(data.size(), XmlFormatter::tr("No root element"));

    // Second pass: the same tokens again, written.
    QByteArray out;
    out.reserve(data.size() + data.size() / 4 + 16);
    Writer writer(&out, m_indent);
    int depth = 0;
    size_t ordinal = 0;
    XmlTokenizer again(data, start);
    for (Token token = again.next(); token != Token::End && token != Token::Error; token = again.next()) {
        if (isCanceled(cancel, &steps))
            return canceled();
        switch (token) {
        case Token::Text: // only whitespace here: dropped
            break;
        case Token::StartTag: {
            const Content content = contents[ordinal++];
            writer.newLine(depth);
            writer.startTag(again, data, content == Content::Empty);
            if (content == Content::Empty) {
                again.next(); // its end tag
            } else if (content == Content::Children) {
                ++depth;
            } else {
                const qsizetype from = again.tokenEnd();
                int nesting = 0;
                while (true) {
                    const Token inner = again.next();
                    if (inner == Token::StartTag) {
                        ++ordinal;
                        ++nesting;
                    } else if (inner == Token::EndTag && nesting-- == 0) {
                        break;
                    } else if (inner == Token::End || inner == Token::Error) {
                        break; // not after the first pass
                    }
                    if (isCanceled(cancel, &steps))
                        return canceled();
                }
                writer.append(QByteArrayView(data).sliced(from, again.tokenStart() - from));
                writer.endTag(again.name());
            }
            break;
        }
        case Token::EmptyElementTag:
            writer.newLine(depth);
            writer.startTag(again, data, true);
            break;
        case Token::EndTag:
            --depth;
            writer.newLine(depth);
            writer.endTag(again.name());
            break;
        default: // declaration, doctype, comment, processing instruction
            writer.newLine(depth);
            writer.append(again.token());
            break;
        }
    }
    result.text = out;
    return result;
}

} // namespace Postern
