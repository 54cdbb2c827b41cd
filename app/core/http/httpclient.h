#pragma once

#include "http/httpcall.h"

#include <QObject>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

// Sends HttpRequests through a QNetworkAccessManager it does not own (one per application, passed
// in so that tests can give their own). Never blocks: send() returns at once with an HttpCall.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QNetworkAccessManager *manager, QObject *parent = nullptr);

    // Validates and sends; an invalid request finishes with Error::InvalidRequest and the reasons.
    // The call is a child of this client and deletes itself after finished().
    HttpCall *send(const HttpRequest &request);

    // Bodies larger than this are not held in memory: they end the call with Error::TooLarge (a hostile
    // or runaway server must not take all memory), or go to a temporary file (see below). Default 1 GiB.
    void setMaxBodySize(qint64 bytes) { m_maxBodySize = bytes; }
    qint64 maxBodySize() const { return m_maxBodySize; }
    // Bodies over maxBodySize() but not over this are written to a temporary file instead
    // (HttpResponse::bodyFile); 0, the default, keeps none.
    void setMaxFileBodySize(qint64 bytes) { m_maxFileBodySize = bytes; }
    qint64 maxFileBodySize() const { return m_maxFileBodySize; }
    // With a file allowed (above, and HttpRequest::bodyToFileAllowed), bodies over this size go to the
    // file as they come even when they are within maxBodySize(); those are still read as
    // HttpResponse::body, from the file mapped into memory. 0, the default: only those over
    // maxBodySize().
    void setSpoolThreshold(qint64 bytes) { m_spoolThreshold = bytes; }
    qint64 spoolThreshold() const { return m_spoolThreshold; }
    // Where those files go (made when needed); empty, the default: the system's temporary folder. A
    // folder on disk is better where that one is in memory (tmpfs).
    void setSpoolDirectory(const QString &path) { m_spoolDirectory = path; }
    const QString &spoolDirectory() const { return m_spoolDirectory; }

    QNetworkAccessManager *manager() const { return m_manager; }

private:
    QNetworkAccessManager *m_manager;
    qint64 m_maxBodySize = qint64(1) << 30;
    qint64 m_maxFileBodySize = 0;
    qint64 m_spoolThreshold = 0;
    QString m_spoolDirectory;
};

} // namespace Postern
