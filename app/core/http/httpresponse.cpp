#include "http/httpresponse.h"

namespace Postern {

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const RawHeader &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

QByteArray HttpResponse::contentType() const
{
    QByteArray type = header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

bool HttpResponse::looksLikeJson() const
{
    const QByteArray type = contentType();
    return type == "application/json" || type.endsWith("+json") || type == "text/json";
}

qint64 HttpResponse::headersSize() const
{
    qint64 size = 0;
    for (const RawHeader &h : headers)
        size += h.first.size() + 2 + h.second.size() + 2;
    return size;
}

} // namespace Postern
