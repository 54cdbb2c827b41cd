#include "bodyview/hexlines.h"

namespace Postern {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

void appendOffset(qsizetype offset, QByteArray *out)
{
    // At least eight digits, more past 4 GiB.
    int digits = 8;
    while (digits < 16 && (quint64(offset) >> (4 * digits)) != 0)
        ++digits;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        out->append(HexDigits[(quint64(offset) >> shift) & 0xf]);
}

} // namespace

HexLines::HexLines(const QByteArray &data)
    : m_data(data)
{
}

qsizetype HexLines::lineCount() const
{
    if (m_data.isEmpty())
        return 0;
    // Every line of bytes, then the end's offset.
    return (m_data.size() + BytesPerLine - 1) / BytesPerLine + 1;
}

qsizetype HexLines::widthHint() const
{
    return m_data.size() > BytesPerLine ? FullLineLength : FullLineLength - BytesPerLine + m_data.size();
}

void HexLines::appendLine(qsizetype line, QByteArray *out) const
{
    const qsizetype start = line * BytesPerLine;
    appendOffset(qMin(start, m_data.size()), out);
    if (start >= m_data.size())
        return; // the end's offset alone
    const qsizetype count = qMin(BytesPerLine, m_data.size() - start);
    const auto *bytes = reinterpret_cast<const uchar *>(m_data.constData() + start);
    out->append("  ");
    for (qsizetype i = 0; i < BytesPerLine; ++i) {
        if (i == 8)
            out->append(' ');
        if (i < count) {
            out->append(HexDigits[bytes[i] >> 4]);
            out->append(HexDigits[bytes[i] & 0xf]);
            out->append(' ');
        } else {
            out->append("   ");
        }
    }
    out->append(" |");
    for (qsizetype i = 0; i < count; ++i)
        out->append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? char(bytes[i]) : '.');
    out->append('|');
}

QByteArray HexLines::lineBytes(qsizetype line) const
{
    QByteArray text;
    if (line < 0 || line >= lineCount())
        return text;
    text.reserve(FullLineLength);
    appendLine(line, &text);
    return text;
}

QString HexLines::lineText(qsizetype line) const
{
    return QString::fromLatin1(lineBytes(line));
}

QString HexLines::copyText(qsizetype first, qsizetype last) const
{
    first = qMax<qsizetype>(0, first);
    last = qMin(last, lineCount() - 1);
    if (last < first)
        return QString();
    QByteArray text;
    text.reserve((last - first + 1) * (FullLineLength + 1));
    for (qsizetype line = first; line <= last; ++line) {
        if (line > first)
            text.append('\n');
        appendLine(line, &text);
    }
    return QString::fromLatin1(text);
}

} // namespace Postern
