#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTemporaryFile;
QT_END_NAMESPACE

namespace Postern {

// One request on its way. Made by HttpClient::send(); emits finished() exactly once, always after
// send() has returned (so a caller can connect first), then deletes itself later. cancel() ends
// it with Error::Canceled; the timeout with Error::Timeout.
//
// Redirects (when the request follows them) are judged one by one: within the same origin they are
// followed as they are; to another origin a request that carries credentials (Authorization, Cookie,
// Proxy-Authorization) is sent again without them, as curl and browsers do, so that a token never
// travels to a host the user did not address; https to http is refused.
class HttpCall : public QObject
{
    Q_OBJECT

public:
    ~HttpCall() override;

    // The headers a request goes out with, in order: Host (which Qt writes from the URL) when asked
    // for, User-Agent and Accept unless the request sets its own, then the request's
    // effectiveHeaders(). What scripts see as the request after it was sent.
    enum class Host { Omitted, Included };
    static KeyValueList headersSent(const HttpRequest &request, Host host = Host::Omitted);

    void cancel();
    bool isFinished() const { return m_finished; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

Q_SIGNALS:
    // The body read so far and its announced size (-1 when the server did not say): at once for the
    // first bytes, then at most every 100 ms while more come, and the latest count after a pause.
    void progress(qint64 received, qint64 total);
    void finished(const Postern::HttpResponse &response);

private:
    friend class HttpClient;
    struct Limits
    {
        qint64 maxBodySize; // held in memory (or mapped) and handed on
        qint64 maxFileBodySize; // kept in a file, to be saved
        qint64 spoolThreshold; // over this, to a file as it comes; 0: over maxBodySize only
        QString spoolDirectory;
    };
    HttpCall(const Limits &limits, QObject *parent);

    void start(QNetworkAccessManager *manager, const HttpRequest &request);
    void startReply(const QNetworkRequest &request, const QByteArray &method, const QByteArray &body);
    void onRedirected(const QUrl &target);
    void failBeforeSending(HttpResponse::Error error, const QString &message);
    void onMetaDataChanged();
    void onReadyRead();
    // Reads what has come, a slice at a time with the event loop turning in between; completes the
    // reply once it has finished and all is read.
    void drain();
    void readSlice();
    void completeReply();
    // Moves the body read so far into a temporary file, where the rest will go; false if none can be
    // made (the call then ends with an error).
    bool startSpool();
    bool spool(const char *data, qint64 size);
    qint64 received() const;
    void reportProgress();
    void onReplyFinished();
    void finish();
    double now() const { return m_clock.isValid() ? m_clock.nsecsElapsed() / 1e6 : -1; }
    void beginHop(); // a redirect is followed: the phases start again

    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_manager = nullptr;
    bool m_verifyTls = true;
    int m_redirects = 0;
    bool m_redirectRefused = false;
    QByteArray m_method;
    QByteArray m_body;
    QTimer m_timeout;
    QTimer m_progress; // spaces out progress()
    bool m_progressPending = false;
    QElapsedTimer m_clock;
    HttpResponse m_response;
    QStringList m_tlsErrors;
    // The most memory set aside for a body before it arrives, whatever its Content-Length says.
    static constexpr qint64 MaxReservedBody = qint64(512) << 20;
    // The most read from the reply in one turn of the event loop, and how far Qt's network thread may
    // read ahead of it.
    static constexpr qint64 ReadSlice = qint64(2) << 20;
    static constexpr qint64 ReadAhead = qint64(8) << 20;
    bool m_drainQueued = false;
    bool m_replyFinished = false;
    qint64 m_maxBodySize = 0;
    qint64 m_maxFileBodySize = 0;
    qint64 m_spoolOver = 0; // a body over this goes to m_spool
    QString m_spoolDirectory;
    std::unique_ptr<QTemporaryFile> m_spool;
    qint64 m_spooled = 0;
    QString m_spoolError;
    bool m_canceled = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_finished = false;
};

} // namespace Postern
