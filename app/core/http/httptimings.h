#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Postern {

// When the phases of one exchange ended, as Qt's network stack reports them (QNetworkReply's
// socketStartedConnecting, encrypted, requestSent, metaDataChanged and finished), in milliseconds
// since the request was handed to it. A negative value: the event did not happen or Qt did not report
// it. Nothing here is estimated: Qt reports neither the end of the DNS lookup nor the end of the TCP
// handshake, so they have no figure of their own and phases() says where they are counted.
//
// With redirects the phases are those of the last hop; lastHopStart says when it began.
struct HttpTimings
{
    double connectStarted = -1; // a new connection was started (DNS lookup, then TCP)
    double encrypted = -1; // its TLS handshake ended
    double requestSent = -1; // the whole request was written
    double headersReceived = -1; // the status line and headers of the answer were read
    double finished = -1; // the last byte was read (or the exchange failed)
    double lastHopStart = 0;
    int redirects = 0;

    // Whether anything was measured at all (an answer read from history before timings were kept has
    // none).
    bool isKnown() const { return finished >= 0; }
    // A request that went out without starting a connection used one kept open from before.
    bool connectionReused() const { return requestSent >= 0 && connectStarted < 0; }

    struct Phase
    {
        // What the phase is; code tells phases apart by it, never by the (translated) name.
        enum class Kind { Redirects, Prepare, Connect, TlsHandshake, Send, Waiting, Download, Total };
        Kind kind = Kind::Total;
        QString name;
        double ms = -1; // < 0: not reported by Qt; note says why
        QString note;
        double start = -1; // when it began, since the request was handed over (< 0: not known)
    };
    // In the order they happen: Redirects (when any), Prepare, Connect, Send, Waiting (time to first
    // byte), Download; then Total. A phase whose end Qt did not report has no figure and a note.
    QList<Phase> phases() const;
    // One line for a terminal or a tooltip: "connect 1.2 ms, TLS in connect, send 0.1 ms, waiting 3.4 ms,
    // …", each phase in words of its own (a translation need not lower-case the names phases() gives).
    QString summary() const;

    QJsonObject toJson() const;
    // Takes what is usable: non-numbers and values outside 0 … 24 h are dropped (left unknown).
    static HttpTimings fromJson(const QJsonObject &object);

    friend bool operator==(const HttpTimings &a, const HttpTimings &b);

    Q_DECLARE_TR_FUNCTIONS(Postern::HttpTimings)
};

} // namespace Postern
