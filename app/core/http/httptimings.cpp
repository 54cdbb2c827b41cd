#include "http/httptimings.h"

#include <QJsonValue>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr double maxMs = 24.0 * 3600 * 1000;

// The span between two reported moments; unknown when either is.
double span(double from, double to)
{
    return from >= 0 && to >= 0 && to >= from ? to - from : -1;
}

QString figure(double ms)
{
    return QLocale::c().toString(ms, 'f', ms < 10 ? 2 : 1) + u" ms"_s;
}

} // namespace

QList<HttpTimings::Phase> HttpTimings::phases() const
{
    QList<Phase> list;
    const QString notReached = tr("did not happen: the exchange ended before");
    // A phase from one reported moment to the next; no figure when either is missing.
    using Kind = Phase::Kind;
    const auto add = [&list](Kind kind, const QString &name, double from, double to, const QString &note) {
        const double ms = span(from, to);
        list.append({ kind, name, ms, note, ms >= 0 ? from : -1 });
    };
    if (redirects > 0) {
        add(Kind::Redirects, tr("Redirects"), 0, lastHopStart,
            redirects == 1
                ? tr("1 redirect followed; the phases below are the last request's")
                : tr("%1 redirects followed; the phases below are the last request's").arg(redirects));
    }
    const bool tls = encrypted >= 0;
    if (connectStarted >= 0) {
        add(Kind::Prepare, tr("Prepare"), lastHopStart, connectStarted, tr("until a connection was started"));
        const double connectEnd = tls ? encrypted : requestSent;
        add(Kind::Connect, tr("Connect"), connectStarted, connectEnd,
            tls ? tr("DNS lookup, TCP and TLS handshakes: Qt does not report where one ends")
                : connectEnd >= 0
                ? tr("DNS lookup, TCP handshake and writing the request: Qt does not report the "
                     "end of the connect apart")
                : notReached);
        if (tls) {
            add(Kind::TlsHandshake, tr("TLS handshake"), -1, -1,
                tr("inside Connect: Qt reports its end, not its start"));
            add(Kind::Send, tr("Send"), encrypted, requestSent,
                requestSent >= 0 ? tr("writing the request") : notReached);
        }
    } else if (requestSent >= 0) {
        add(Kind::Connect, tr("Connect"), -1, -1, tr("none: a connection kept open from before was reused"));
        add(Kind::Send, tr("Send"), lastHopStart, requestSent, tr("writing the request"));
    } else {
        add(Kind::Connect, tr("Connect"), -1, -1, notReached);
    }
    add(Kind::Waiting, tr("Waiting"), requestSent, headersReceived,
        headersReceived >= 0 ? tr("time to the first byte of the answer") : notReached);
    add(Kind::Download, tr("Download"), headersReceived, finished,
        finished >= 0 && headersReceived >= 0 ? tr("reading the answer") : notReached);
    add(Kind::Total, tr("Total"), finished >= 0 ? 0 : -1, finished, QString());
    return list;
}

QString HttpTimings::summary() const
{
    if (!isKnown())
        return QString();
    QStringList parts;
    if (redirects > 0)
        parts << tr("redirects %1").arg(figure(lastHopStart));
    if (connectionReused())
        parts << tr("connection reused");
    for (const Phase &phase : phases()) {
        if (phase.ms >= 0) {
            const QString ms = figure(phase.ms);
            switch (phase.kind) {
            case Phase::Kind::Redirects:
                break; // said first
            case Phase::Kind::Prepare:
                parts << tr("prepare %1").arg(ms);
                break;
            case Phase::Kind::Connect:
                parts << tr("connect %1").arg(ms);
                break;
            case Phase::Kind::TlsHandshake:
                parts << tr("TLS handshake %1").arg(ms);
                break;
            case Phase::Kind::Send:
                parts << tr("send %1").arg(ms);
                break;
            case Phase::Kind::Waiting:
                parts << tr("waiting %1").arg(ms);
                break;
            case Phase::Kind::Download:
                parts << tr("download %1").arg(ms);
                break;
            case Phase::Kind::Total:
                parts << tr("total %1").arg(ms);
                break;
            }
        } else if (phase.kind == Phase::Kind::TlsHandshake) {
            parts << tr("TLS in connect");
        }
    }
    return parts.join(u", "_s);
}

QJsonObject HttpTimings::toJson() const
{
    QJsonObject object;
    const auto put = [&object](const QString &key, double ms) {
        if (ms >= 0)
            object.insert(key, std::round(ms * 1000) / 1000);
    };
    put(u"connectStarted"_s, connectStarted);
    put(u"encrypted"_s, encrypted);
    put(u"requestSent"_s, requestSent);
    put(u"headersReceived"_s, headersReceived);
    put(u"finished"_s, finished);
    if (redirects > 0) {
        object.insert(u"redirects"_s, redirects);
        put(u"lastHopStart"_s, lastHopStart);
    }
    return object;
}

HttpTimings HttpTimings::fromJson(const QJsonObject &object)
{
    const auto take = [&object](const QString &key) {
        const QJsonValue value = object.value(key);
        const double ms = value.isDouble() ? value.toDouble() : -1;
        return std::isfinite(ms) && ms >= 0 && ms <= maxMs ? ms : -1;
    };
    HttpTimings timings;
    timings.connectStarted = take(u"connectStarted"_s);
    timings.encrypted = take(u"encrypted"_s);
    timings.requestSent = take(u"requestSent"_s);
    timings.headersReceived = take(u"headersReceived"_s);
    timings.finished = take(u"finished"_s);
    timings.redirects = qBound(0, object.value(u"redirects"_s).toInt(), 1000);
    timings.lastHopStart = timings.redirects > 0 ? qMax(0.0, take(u"lastHopStart"_s)) : 0;
    return timings;
}

bool operator==(const HttpTimings &a, const HttpTimings &b)
{
    return a.connectStarted == b.connectStarted && a.encrypted == b.encrypted
        && a.requestSent == b.requestSent && a.headersReceived == b.headersReceived
        && a.finished == b.finished && a.lastHopStart == b.lastHopStart && a.redirects == b.redirects;
}

} // namespace Postern
