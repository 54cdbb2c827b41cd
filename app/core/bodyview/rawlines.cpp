#include "bodyview/rawlines.h"

#include <algorithm>
#include <cstring>

namespace Postern {

namespace {

bool isUtf8Continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xc0) == 0x80;
}

} // namespace

RawLines::RawLines(const QByteArray &utf8, const std::atomic_bool *cancel)
    : m_data(utf8)
{
    const char *d = m_data.constData();
    const qsizetype n = m_data.size();
    m_starts.reserve(size_t(n / 64 + 1));
    qsizetype lineStart = 0;
    quint32 steps = 0;
    while (true) {
        if ((++steps & 0xfff) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
            m_starts.clear();
            m_starts.shrink_to_fit();
            m_canceled = true;
            return;
        }
        const auto *newline
            = static_cast<const char *>(std::memchr(d + lineStart, '\n', size_t(n - lineStart)));
        const qsizetype lineEnd = newline ? qsizetype(newline - d) : n;
        m_starts.push_back(lineStart);
        // Cut a long line into segments, never inside a UTF-8 sequence (a run of continuation bytes
        // in hostile input is cut anyway after three).
        qsizetype segment = lineStart;
        while (lineEnd - segment > MaxSegment) {
            qsizetype cut = segment + MaxSegment;
            for (int back = 0; back < 3 && isUtf8Continuation(d[cut]); ++back)
                --cut;
            m_widthHint = qMax(m_widthHint, cut - segment);
            segment = cut;
            m_starts.push_back(-segment - 1);
        }
        // A tab shows as up to four spaces.
        const auto tabs = std::count(d + segment, d + lineEnd, '\t');
        m_widthHint = qMax(m_widthHint, lineEnd - segment + 3 * qsizetype(tabs));
        if (!newline)
            break;
        lineStart = lineEnd + 1;
    }
    m_starts.shrink_to_fit();
}

bool RawLines::isContinuation(qsizetype line) const
{
    return m_starts[size_t(line)] < 0;
}

qsizetype RawLines::start(qsizetype line) const
{
    const qint64 s = m_starts[size_t(line)];
    return s < 0 ? -s - 1 : s;
}

qsizetype RawLines::end(qsizetype line) const
{
    if (line + 1 >= lineCount())
        return m_data.size();
    if (isContinuation(line + 1))
        return start(line + 1);
    qsizetype e = start(line + 1) - 1; // the '\n'
    if (e > start(line) && m_data[e - 1] == '\r')
        --e;
    return e;
}

QByteArrayView RawLines::lineBytes(qsizetype line) const
{
    const qsizetype s = start(line);
    return QByteArrayView(m_data).sliced(s, end(line) - s);
}

QString RawLines::lineText(qsizetype line) const
{
    return displayText(lineBytes(line));
}

QString RawLines::copyText(qsizetype first, qsizetype last) const
{
    first = qBound<qsizetype>(0, first, lineCount());
    last = qBound<qsizetype>(first - 1, last, lineCount() - 1);
    if (last < first)
        return QString();
    const qsizetype s = start(first);
    return QString::fromUtf8(QByteArrayView(m_data).sliced(s, end(last) - s));
}

} // namespace Postern
