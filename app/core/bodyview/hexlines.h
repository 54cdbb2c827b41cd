#pragma once

#include "bodyview/linesource.h"

#include <QByteArray>

namespace Postern {

// A body's bytes as the lines of `hexdump -C -v`: sixteen bytes a line, the offset in hex, the bytes
// in hex in two groups of eight, then the printable ones between bars ('.' for the others), and a last
// line with the offset of the end. An empty body has no line at all, as with hexdump. Nothing is held
// but the bytes (implicitly shared): a line is made when it is asked for.
class HexLines final : public LineSource
{
public:
    static constexpr qsizetype BytesPerLine = 16;
    // A full line: "00000000  " + 16 * "xx " + one more space + " |" + 16 characters + "|".
    static constexpr qsizetype FullLineLength = 78;

    explicit HexLines(const QByteArray &data);

    const QByteArray &data() const { return m_data; }

    qsizetype lineCount() const override;
    QString lineText(qsizetype line) const override;
    qsizetype widthHint() const override;
    QString copyText(qsizetype first, qsizetype last) const override;

    // The line as hexdump writes it, without the line break (ASCII).
    QByteArray lineBytes(qsizetype line) const;
    // The line that shows the byte at offset.
    static qsizetype lineOf(qsizetype offset) { return offset / BytesPerLine; }

private:
    void appendLine(qsizetype line, QByteArray *out) const;

    QByteArray m_data;
};

} // namespace Postern
