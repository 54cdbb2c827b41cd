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

    // Bodies larger than this end the call with Error::TooLarge (a hostile or runaway server must
    // not take all memory). Default 1 GiB.
    void setMaxBodySize(qint64 bytes) { m_maxBodySize = bytes; }
    qint64 maxBodySize() const { return m_maxBodySize; }

    QNetworkAccessManager *manager() const { return m_manager; }

private:
    QNetworkAccessManager *m_manager;
    qint64 m_maxBodySize = qint64(1) << 30;
};

} // namespace Postern
