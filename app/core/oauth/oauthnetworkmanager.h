#pragma once

#include "http/clientcertificates.h"
#include "tokentools/signingkey.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace Postern {

// The network manager an OAuth flow talks through. Qt 6.4's flows can only send the client secret in
// the body; for "Send as Basic Auth header" this manager adds the header to requests for the token
// endpoint (RFC 6749 §2.3.1: id and secret form-urlencoded, joined by ':', base64). It never lets Qt
// answer an authentication challenge on its own, so a wrong secret fails once, visibly. Client
// certificates (setClientCertificates) go with the requests to their hosts, as in the app's manager.
class OAuthNetworkManager : public CertificateNetworkManager
{
    Q_OBJECT

public:
    explicit OAuthNetworkManager(QObject *parent = nullptr);

    // Requests to endpoint (scheme, host, port and path equal) get the Basic header; an empty
    // endpoint turns it off.
    void setBasicCredentials(const QUrl &endpoint, const QString &clientId, const QString &clientSecret);

    // Headers added to requests for endpoint (the form's extra parameters sent as headers).
    void setExtraHeaders(const QUrl &endpoint, const QList<QPair<QString, QString>> &headers);

    // RFC 9449: POSTs to endpoint carry a DPoP proof of key (with the nonce the server last gave).
    void setDpop(const QUrl &endpoint, const SigningKey &key);

    static QByteArray basicHeaderValue(const QString &clientId, const QString &clientSecret);

    // Aborts every request still under way (their replies are children of this manager).
    void abortAll();

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QUrl m_endpoint;
    QByteArray m_basic;
    QUrl m_headersEndpoint;
    QList<QPair<QString, QString>> m_extraHeaders;
    QUrl m_dpopEndpoint;
    SigningKey m_dpopKey;
};

} // namespace Postern
