#pragma once

#include "bodyview/linesource.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <vector>

namespace Postern {

// The pretty-printed lines of a JSON text, without the pretty text. One linear pass over the bytes
// with an explicit stack (no DOM, no recursion) validates the text (RFC 8259) and records, for every
// line of the pretty form, where its first token starts in the body and how deep it is: eight bytes a
// line. A line's text is made when it is asked for, from the body's own bytes, so keys keep their
// order and numbers and strings their exact spelling (QJsonDocument sorts keys and rewrites numbers).
//
// The pretty form: two spaces an indentation level (capped at MaxIndentDepth, so hostile nesting
// cannot make a line quadratic), one value or key/value pair a line, "key": value, empty containers
// as {} and [] on one line, the comma at the end of the line it follows.
class JsonIndex final : public LineSource
{
    Q_DECLARE_TR_FUNCTIONS(Postern::JsonIndex)

public:
    struct Error
    {
        qsizetype offset = -1;
        int line = 0; // 1-based, in the input
        int column = 0; // 1-based, in bytes
        QString message; // "Unexpected '}' at line 3, column 7"; empty when the JSON is good
    };

    static constexpr int MaxIndentDepth = 64;
    // Depths beyond this are recorded as this (the indentation stops growing long before).
    static constexpr quint32 MaxRecordedDepth = (1u << 24) - 1;

    // Indexes data (kept, implicitly shared). A set cancel flag stops it early: the index is then
    // empty and canceled() is true.
    explicit JsonIndex(const QByteArray &data, int indent = 2, const std::atomic_bool *cancel = nullptr);

    bool ok() const { return m_error.message.isEmpty() && !m_canceled; }
    bool canceled() const { return m_canceled; }
    const Error &error() const { return m_error; }
    const QByteArray &data() const { return m_data; }

    qsizetype lineCount() const override { return qsizetype(m_lines.size()); }
    QString lineText(qsizetype line) const override;
    qsizetype widthHint() const override { return m_widthHint; }
    LineStyle style() const override { return LineStyle::Json; }

    // The line's pretty text as UTF-8 bytes, exactly as JsonFormatter writes it.
    QByteArray lineBytes(qsizetype line) const;
    // Appends the line's pretty text to out.
    void appendLine(qsizetype line, QByteArray *out) const;
    // Where the line's first token (its key, its value or its closing bracket) starts in the data.
    qsizetype offset(qsizetype line) const { return qsizetype(m_lines[size_t(line)] >> 24); }
    // How deep the line is: 0 for the top-level value, at most MaxRecordedDepth.
    int depth(qsizetype line) const { return int(m_lines[size_t(line)] & MaxRecordedDepth); }

    // The tokens of a line, for walking the values (see JsonNodes).
    // Whether the line closes a container: '}' or ']'.
    bool isClosing(qsizetype line) const;
    // The line's key as sent, quotes included; empty for an array element, the top-level value and a
    // closing line.
    QByteArrayView keyBytes(qsizetype line) const;
    // Where the line's value starts: its first token, or what follows its key and colon.
    qsizetype valueOffset(qsizetype line) const;
    // Where the string, number or literal that starts at offset ends.
    qsizetype scalarEnd(qsizetype offset) const;

private:
    void build(const std::atomic_bool *cancel);
    void fail(qsizetype at, const QString &why);

    QByteArray m_data;
    int m_indent;
    std::vector<quint64> m_lines; // offset << 24 | depth
    qsizetype m_widthHint = 0;
    Error m_error;
    bool m_canceled = false;
};

} // namespace Postern
