#include "bodyview/htmlformatter.h"

#include "bodyview/htmltokenizer.h"

#include <QHash>

#include <initializer_list>
#include <vector>

namespace Postern {

namespace {

using HtmlToken = HtmlTokenizer::Token;

// How far down the open elements an implicit close looks: enough for real pages, and a bound on
// the work for hostile ones.
constexpr qsizetype ImplicitCloseReach = 16;

bool isOneOf(QByteArrayView name, std::initializer_list<const char *> names)
{
    for (const char *candidate : names) {
        if (name == candidate)
            return true;
    }
    return false;
}

bool isVoid(QByteArrayView name)
{
    return isOneOf(name,
                   { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                     "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame" });
}

// Elements whose content is not markup, or is to be shown exactly as sent.
bool keepsContent(QByteArrayView name)
{
    return isOneOf(name,
                   { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "pre",
                     "listing", "plaintext" });
}

bool closesParagraph(QByteArrayView name)
{
    return isOneOf(name,
                   { "address",    "article", "aside",   "blockquote", "details", "div",  "dl",  "fieldset",
                     "figcaption", "figure",  "footer",  "form",       "h1",      "h2",   "h3",  "h4",
                     "h5",         "h6",      "header",  "hr",         "main",    "menu", "nav", "ol",
                     "p",          "pre",     "section", "table",      "ul" });
}

// Whether a start tag ends the open element before it (a new <li> the previous one).
bool closes(QByteArrayView tag, QByteArrayView open)
{
    if (tag == "li")
        return open == "li";
    if (tag == "dt" || tag == "dd")
        return isOneOf(open, { "dt", "dd" });
    if (tag == "td" || tag == "th")
        return isOneOf(open, { "td", "th" });
    if (tag == "tr")
        return isOneOf(open, { "tr", "td", "th" });
    if (isOneOf(tag, { "thead", "tbody", "tfoot" }))
        return isOneOf(open, { "thead", "tbody", "tfoot", "tr", "td", "th" });
    if (tag == "option")
        return open == "option";
    if (tag == "optgroup")
        return isOneOf(open, { "option", "optgroup" });
    if (tag == "rt" || tag == "rp")
        return isOneOf(open, { "rt", "rp" });
    return open == "p" && closesParagraph(tag);
}

// Where the search for an element a start tag closes stops (a <li> does not close one outside its list).
bool stopsSearch(QByteArrayView tag, QByteArrayView open)
{
    if (tag == "li")
        return isOneOf(open, { "ul", "ol", "menu" });
    if (tag == "dt" || tag == "dd")
        return open == "dl";
    if (tag == "td" || tag == "th")
        return isOneOf(open, { "tr", "table" });
    if (tag == "tr" || tag == "thead" || tag == "tbody" || tag == "tfoot")
        return open == "table";
    if (tag == "option" || tag == "optgroup")
        return isOneOf(open, { "select", "datalist" });
    return isOneOf(open, { "html", "body", "table", "td", "th", "caption", "button", "object", "template" });
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && isHtmlSpace(text[start]))
        ++start;
    while (end > start && isHtmlSpace(text[end - 1]))
        --end;
    return text.sliced(start, end - start);
}

// The open elements, and how many of each name are open, so that an end tag finds its element in
// time proportional to what it closes.
class OpenElements
{
public:
    qsizetype depth() const { return qsizetype(m_names.size()); }
    bool isOpen(const QByteArray &name) const { return m_counts.value(name) > 0; }

    void push(const QByteArray &name)
    {
        m_names.push_back(name);
        ++m_counts[name];
    }

    // Closes the innermost open element of that name, and every one opened after it.
    void closeLast(const QByteArray &name)
    {
        while (!m_names.empty()) {
            const QByteArray top = m_names.back();
            m_names.pop_back();
            --m_counts[top];
            if (top == name)
                return;
        }
    }

    // Closes the open element a start tag ends by itself, if there is one near enough.
    void closeImplicitly(QByteArrayView tag)
    {
        const qsizetype last = depth() - 1;
        for (qsizetype i = last; i >= 0 && i > last - ImplicitCloseReach; --i) {
            const QByteArray &open = m_names[size_t(i)];
            if (closes(tag, open)) {
                closeLast(QByteArray(open));
                return;
            }
            if (stopsSearch(tag, open))
                return;
        }
    }

private:
    std::vector<QByteArray> m_names;
    QHash<QByteArray, qsizetype> m_counts;
};

class HtmlWriter
{
public:
    HtmlWriter(QByteArray *out, int indent)
        : m_out(out)
        , m_indent(indent)
    {
    }

    void newLine(qsizetype depth)
    {
        if (!m_out->isEmpty())
            m_out->append('\n');
        m_out->append(qMin<qsizetype>(depth, HtmlFormatter::MaxIndentDepth) * m_indent, ' ');
    }

    void startTag(const HtmlTokenizer &tokens, QByteArrayView data)
    {
        m_out->append('<');
        m_out->append(tokens.name());
        for (const HtmlTokenizer::Attribute &a : tokens.attributes()) {
            m_out->append(' ');
            m_out->append(data.sliced(a.nameStart, a.nameEnd - a.nameStart));
            if (a.valueStart >= 0) {
                m_out->append('=');
                m_out->append(data.sliced(a.valueStart, a.valueEnd - a.valueStart));
            }
        }
        m_out->append(tokens.isSelfClosing() ? QByteArrayView("/>") : QByteArrayView(">"));
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

} // namespace

QByteArray HtmlFormatter::format(const QByteArray &html, const std::atomic_bool *cancel) const
{
    QByteArray out;
    out.reserve(html.size() + html.size() / 4 + 16);
    HtmlWriter writer(&out, m_indent);
    OpenElements open;
    HtmlTokenizer tokens(html);
    quint32 steps = 0;
    for (HtmlToken token = tokens.next(); token != HtmlToken::End; token = tokens.next()) {
        if ((++steps & 0x3ff) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return QByteArray();
        switch (token) {
        case HtmlToken::Text:
            if (const QByteArrayView text = trimmed(tokens.token()); !text.isEmpty()) {
                writer.newLine(open.depth());
                writer.append(text);
            }
            break;
        case HtmlToken::Markup:
            writer.newLine(open.depth());
            writer.append(tokens.token());
            break;
        case HtmlToken::EndTag:
            // A stray end tag is shown where it stands.
            if (open.isOpen(tokens.lowerName()))
                open.closeLast(tokens.lowerName());
            writer.newLine(open.depth());
            writer.endTag(tokens.name());
            break;
        case HtmlToken::StartTag: {
            const QByteArray name = tokens.lowerName();
            open.closeImplicitly(name);
            writer.newLine(open.depth());
            writer.startTag(tokens, html);
            if (tokens.isSelfClosing() || isVoid(name))
                break;
            if (keepsContent(name)) {
                const qsizetype from = tokens.position();
                const qsizetype end = name == "plaintext" ? html.size() : tokens.rawTextEnd(name);
                writer.append(QByteArrayView(html).sliced(from, end - from));
                tokens.setPosition(end);
                if (end < html.size()) {
                    // Its end tag, or (cut by the end of the input) the rest as text.
                    if (tokens.next() == HtmlToken::EndTag)
                        writer.endTag(tokens.name());
                    else
                        writer.append(tokens.token());
                }
                break;
            }
            // On one line when only text follows up to its end tag, or up to what ends it.
            const qsizetype afterTag = tokens.position();
            QByteArrayView text;
            HtmlToken following = tokens.next();
            qsizetype afterText = afterTag;
            if (following == HtmlToken::Text) {
                text = trimmed(tokens.token());
                afterText = tokens.position();
                following = tokens.next();
            }
            if (following == HtmlToken::EndTag && tokens.lowerName() == name) {
                writer.append(text);
                writer.endTag(tokens.name());
                break;
            }
            if (following == HtmlToken::End
                || (following == HtmlToken::EndTag && open.isOpen(tokens.lowerName()))
                || (following == HtmlToken::StartTag && closes(tokens.lowerName(), name))) {
                writer.append(text);
                tokens.setPosition(afterText);
                break;
            }
            tokens.setPosition(afterTag);
            open.push(name);
            break;
        }
        case HtmlToken::End:
            break;
        }
    }
    return out;
}

} // namespace Postern
