#include "sandbox/requestframer.h"

#include <QList>

namespace Postern::Sandbox {

namespace {

constexpr qsizetype maxChunkLine = 1024; // a chunk size with extensions, or one trailer field

QByteArrayView trimmedLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line.trimmed();
}

// The end of the head (just past its empty line) in head, searching from from; -1 when not there yet.
qsizetype headEnd(const QByteArray &head, qsizetype from)
{
    for (qsizetype i = head.indexOf('\n', from); i >= 0; i = head.indexOf('\n', i + 1)) {
        if (i + 1 < head.size() && head.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < head.size() && head.at(i + 1) == '\r' && head.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

} // namespace

RequestFramer::RequestFramer(Limits limits)
    : m_limits(limits)
{
}

RequestFramer::Verdict RequestFramer::feed(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && (m_verdict == Verdict::Fine || m_state == State::Body)) {
        switch (m_state) {
        case State::Head:
            feedHead(bytes);
            break;
        case State::Body:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, bytes.size());
            m_remaining -= take;
            bytes = bytes.sliced(take);
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Head : State::ChunkDataEnd;
            break;
        }
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailer:
            feedChunkLine(bytes);
            break;
        }
    }
    return m_verdict;
}

void RequestFramer::feedHead(QByteArrayView &bytes)
{
    if (m_head.isEmpty()) {
        // RFC 9112 §2.2: empty lines before a request line are ignored.
        while (!bytes.isEmpty() && (bytes.front() == '\r' || bytes.front() == '\n'))
            bytes = bytes.sliced(1);
        if (bytes.isEmpty())
            return;
    }
    const qsizetype before = m_head.size();
    const qsizetype room = m_limits.requestLine + m_limits.headerBytes + 8 - before;
    const qsizetype take = qMin(bytes.size(), qMax<qsizetype>(room, 1));
    m_head.append(bytes.first(take));
    const qsizetype end = headEnd(m_head, qMax<qsizetype>(0, before - 2));
    if (end >= 0) {
        const qsizetype unused = m_head.size() - end;
        bytes = bytes.sliced(take - unused);
        m_head.truncate(end);
        headComplete();
        return;
    }
    bytes = bytes.sliced(take);
    // An unfinished head is judged by what has arrived so far.
    const qsizetype firstLineEnd = m_head.indexOf('\n');
    if (firstLineEnd < 0) {
        if (m_head.size() > m_limits.requestLine)
            fail(Verdict::UriTooLong);
        return;
    }
    if (firstLineEnd > m_limits.requestLine + 1)
        fail(Verdict::UriTooLong);
    else if (m_head.size() - firstLineEnd - 1 > m_limits.headerBytes
             || m_head.count('\n') - 1 > m_limits.headerCount)
        fail(Verdict::HeadersTooLarge);
}

void RequestFramer::headComplete()
{
    const QList<QByteArray> lines = m_head.split('\n');
    m_head.clear();
    ++m_heads;
    if (trimmedLine(lines.constFirst()).size() > m_limits.requestLine)
        return fail(Verdict::UriTooLong);

    qsizetype headerBytes = 0;
    int headerCount = 0;
    bool chunked = false;
    qint64 length = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = trimmedLine(lines.at(i));
        if (line.isEmpty())
            continue;
        headerBytes += line.size() + 2;
        if (++headerCount > m_limits.headerCount || headerBytes > m_limits.headerBytes)
            return fail(Verdict::HeadersTooLarge);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // the HTTP parser behind will refuse it
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            chunked = QByteArray(value.data(), value.size()).toLower().contains("chunked");
        } else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = value.size() <= 18 && !value.isEmpty();
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 parsed = ok ? QByteArray(value.data(), value.size()).toLongLong(&ok) : -1;
            if (!ok || (length >= 0 && length != parsed))
                return fail(Verdict::Malformed); // RFC 9112 §6.3: an invalid length is unrecoverable
            length = parsed;
        }
    }
    if (chunked) {
        m_bodySoFar = 0;
        m_state = State::ChunkSize;
    } else if (length > 0) {
        if (length > m_limits.body)
            fail(Verdict::BodyTooLarge);
        m_remaining = length;
        m_state = State::Body;
    }
}

void RequestFramer::feedChunkLine(QByteArrayView &bytes)
{
    const qsizetype newline = bytes.indexOf('\n');
    const qsizetype take = newline < 0 ? bytes.size() : newline + 1;
    m_head.append(bytes.first(take));
    bytes = bytes.sliced(take);
    if (newline < 0) {
        if (m_head.size() > maxChunkLine)
            fail(Verdict::Malformed);
        return;
    }
    const QByteArrayView line = trimmedLine(m_head);
    switch (m_state) {
    case State::ChunkSize: {
        // RFC 9112 §7.1: chunk-size in hex, then optional extensions after ';'.
        const qsizetype semicolon = line.indexOf(';');
        const QByteArrayView digits = (semicolon < 0 ? line : line.first(semicolon)).trimmed();
        bool ok = !digits.isEmpty() && digits.size() <= 15;
        const qint64 size = ok ? QByteArray(digits.data(), digits.size()).toLongLong(&ok, 16) : -1;
        if (!ok || size < 0) {
            fail(Verdict::Malformed);
        } else if (size == 0) {
            m_remaining = 0; // counts trailer fields from here
            m_state = State::Trailer;
        } else if ((m_bodySoFar += size) > m_limits.body) {
            fail(Verdict::BodyTooLarge);
        } else {
            m_remaining = size;
            m_state = State::ChunkData;
        }
        break;
    }
    case State::ChunkDataEnd:
        if (!line.isEmpty())
            fail(Verdict::Malformed);
        m_state = State::ChunkSize;
        break;
    case State::Trailer:
        if (line.isEmpty())
            m_state = State::Head;
        else if (++m_remaining > m_limits.headerCount)
            fail(Verdict::HeadersTooLarge);
        break;
    default:
        break;
    }
    m_head.clear();
}

} // namespace Postern::Sandbox
