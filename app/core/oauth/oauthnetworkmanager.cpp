#include "oauth/oauthnetworkmanager.h"

#include "base/formurlencoded.h"
#include "tokentools/dpop.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace Postern {

namespace {

bool sameEndpoint(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
        == b.port(b.scheme() == QLatin1String("https") ? 443 : 80)
        && a.path() == b.path();
}

} // namespace

OAuthNetworkManager::OAuthNetworkManager(QObject *parent)
    : CertificateNetworkManager(parent)
{
    // Qt would follow a redirect with the headers set here (the client's Basic credentials among them)
    // to any host: the token endpoint's answer is taken as it is, a 3xx included.
    setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QByteArray OAuthNetworkManager::basicHeaderValue(const QString &clientId, const QString &clientSecret)
{
    const QByteArray pair
        = FormUrlEncoded::encodeComponent(clientId) + ':' + FormUrlEncoded::encodeComponent(clientSecret);
    return "Basic " + pair.toBase64();
}

void OAuthNetworkManager::setBasicCredentials(const QUrl &endpoint, const QString &clientId,
                                              const QString &clientSecret)
{
    m_endpoint = endpoint;
    m_basic = endpoint.isEmpty() ? QByteArray() : basicHeaderValue(clientId, clientSecret);
}

void OAuthNetworkManager::setExtraHeaders(const QUrl &endpoint, const QList<QPair<QString, QString>> &headers)
{
    m_headersEndpoint = endpoint;
    m_extraHeaders = headers;
}

void OAuthNetworkManager::setDpop(const QUrl &endpoint, const SigningKey &key)
{
    m_dpopEndpoint = endpoint;
    m_dpopKey = key;
}

void OAuthNetworkManager::abortAll()
{
    const QList<QNetworkReply *> replies = findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

QNetworkReply *OAuthNetworkManager::createRequest(Operation op, const QNetworkRequest &request,
                                                  QIODevice *outgoingData)
{
    QNetworkRequest copy(request);
    copy.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    if (!m_extraHeaders.isEmpty() && sameEndpoint(request.url(), m_headersEndpoint)) {
        for (const auto &header : m_extraHeaders) {
            if (header.first.compare(QLatin1String("authorization"), Qt::CaseInsensitive) != 0)
                copy.setRawHeader(header.first.toLatin1(), header.second.toUtf8());
        }
    }
    if (!m_basic.isEmpty() && sameEndpoint(request.url(), m_endpoint))
        copy.setRawHeader("Authorization", m_basic);
    if (!m_dpopKey.isNull() && op == PostOperation && sameEndpoint(request.url(), m_dpopEndpoint)) {
        QString error;
        const QString proof
            = Dpop::proof(m_dpopKey, "POST", request.url(), QString(), Dpop::nonceFor(request.url()), &error);
        if (!proof.isEmpty())
            copy.setRawHeader("DPoP", proof.toLatin1());
    }
    return CertificateNetworkManager::createRequest(op, copy, outgoingData);
}

} // namespace Postern
