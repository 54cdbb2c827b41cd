#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Postern::Sandbox {

// What one request may be; beyond it the connection is answered and closed.
struct RequestLimits
{
    qsizetype requestLine = 64 * 1024; // 414 beyond
    qsizetype headerBytes = 32 * 1024; // 431 beyond (all header lines together)
    int headerCount = 100; // 431 beyond
    qint64 body = 1024 * 1024; // 413 beyond (Content-Length or the bytes of a chunked body)
};

// Follows the HTTP/1.1 request framing of one connection (RFC 9112 §2-§7) byte by byte, keeping only the
// head of the request being read, never its body: it knows where each request ends (Content-Length or
// chunked) and tells as soon as a request passes a limit, so the connection can be answered and closed
// before anything large is buffered. It does not interpret requests; QHttpServer does that.
class RequestFramer
{
public:
    using Limits = RequestLimits;

    enum class Verdict {
        Fine,
        UriTooLong, // 414
        HeadersTooLarge, // 431
        BodyTooLarge, // 413
        Malformed, // 400: framing that cannot be followed (bad Content-Length, bad chunk size)
    };

    explicit RequestFramer(Limits limits);

    // Takes the next bytes received on the connection. Once the verdict is not Fine it stays so; after a
    // Content-Length over the limit, the bytes of that body are still counted (see bodyRemaining()).
    Verdict feed(QByteArrayView bytes);
    Verdict verdict() const { return m_verdict; }

    // Bytes of the current Content-Length body not received yet.
    qint64 bodyRemaining() const { return m_state == State::Body ? m_remaining : 0; }
    // True while part of a request head has arrived but not all of it.
    bool inPartialHead() const { return m_state == State::Head && !m_head.isEmpty(); }
    // Requests whose head has been seen in full.
    int headsCompleted() const { return m_heads; }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer };

    void feedHead(QByteArrayView &bytes);
    void headComplete();
    void feedChunkLine(QByteArrayView &bytes);
    void fail(Verdict verdict) { m_verdict = verdict; }

    Limits m_limits;
    Verdict m_verdict = Verdict::Fine;
    State m_state = State::Head;
    QByteArray m_head; // the head being read (bounded by the limits), or a chunk-size / trailer line
    qint64 m_remaining = 0; // body or chunk bytes still to come
    qint64 m_bodySoFar = 0; // decoded bytes of the current chunked body
    int m_heads = 0;
};

} // namespace Postern::Sandbox
