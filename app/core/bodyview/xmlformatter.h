#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>

namespace Postern {

// Pretty-prints XML as the server wrote it: one element, comment or processing instruction a line,
// two spaces an indentation level (capped at MaxIndentDepth), the XML declaration and the doctype
// kept. Tags are rewritten with single spaces between attributes, and <a></a> becomes <a/>; attribute
// values, text, references, CDATA sections and comments are the input's own bytes: no entity is
// expanded, nothing is decoded. An element that holds text (or only whitespace) keeps its content as
// it is, on its start tag's line: <a>text</a>, and <p>mixed <b>content</b></p> untouched, since
// indenting it would change its text. Whitespace between elements is dropped.
//
// The document is checked for well-formedness (tags, nesting, one root, names, references, the
// characters XML allows; not DTD validity, not namespaces), in two linear passes over the bytes with
// no tree: the first checks and learns which elements hold text, the second writes. UTF-16 input
// (with a byte order mark or an XML declaration in UTF-16) is read as such; the result is UTF-8.
class XmlFormatter
{
    Q_DECLARE_TR_FUNCTIONS(Postern::XmlFormatter)

public:
    struct Result
    {
        QByteArray text; // UTF-8; empty on error or when canceled
        qsizetype errorOffset = -1; // in the input's bytes (or in its UTF-8 form, for UTF-16 input)
        int errorLine = 0; // 1-based
        int errorColumn = 0; // 1-based, in bytes
        QString error; // "Expected '>' ... at line 3, column 7", for the UI; empty when well-formed
        bool canceled = false;

        bool ok() const { return error.isEmpty() && !canceled; }
    };

    static constexpr int MaxIndentDepth = 64;

    explicit XmlFormatter(int indent = 2)
        : m_indent(indent)
    {
    }

    // A set cancel flag stops the work early: the result is then empty and canceled.
    Result format(const QByteArray &xml, const std::atomic_bool *cancel = nullptr) const;

private:
    int m_indent;
};

} // namespace Postern
