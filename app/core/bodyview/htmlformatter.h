#pragma once

#include <QByteArray>

#include <atomic>

namespace Postern {

// Indents HTML as a browser would read its tags, and never fails: one tag, comment or run of text a
// line, two spaces an indentation level (capped at MaxIndentDepth, so ten thousand unclosed <div>s cost
// no more than the input). Void elements (br, img, meta, input, link ...) open no level; an element
// holding only text stays on one line (<title>Hi</title>); the content of script, style, textarea,
// title and pre is kept exactly as sent; elements closed by what follows (li, td, p, option ...) and
// mis-nested or stray tags are tolerated, never reordered or dropped. Tags get single spaces between
// their attributes, which are kept as written (unquoted, without values); text keeps its bytes and
// entities, only the whitespace around it is dropped. Linear in the input.
class HtmlFormatter
{
public:
    static constexpr int MaxIndentDepth = 64;

    explicit HtmlFormatter(int indent = 2)
        : m_indent(indent)
    {
    }

    // The indented text (UTF-8 if the input is). A set cancel flag stops the work early; the result
    // is then empty.
    QByteArray format(const QByteArray &html, const std::atomic_bool *cancel = nullptr) const;

private:
    int m_indent;
};

} // namespace Postern
