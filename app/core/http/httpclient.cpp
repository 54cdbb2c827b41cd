#include "http/httpclient.h"

namespace Postern {

HttpClient::HttpClient(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
}

HttpCall *HttpClient::send(const HttpRequest &request)
{
    auto *call = new HttpCall({ m_maxBodySize, m_maxFileBodySize, m_spoolThreshold, m_spoolDirectory }, this);
    call->start(m_manager, request);
    return call;
}

} // namespace Postern
