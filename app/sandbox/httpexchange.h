#pragma once

#include "base/formurlencoded.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Postern::Sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request as the endpoints see it, independent of the QHttpServer version that received it.
struct Request
{
    QByteArray method; // "GET", "POST", …
    QString path; // decoded path, no query
    QByteArray query; // raw query string as sent, without '?'
    QByteArray body;
    HeaderList headers; // names as sent

    // The values of every header called name (case-insensitive), in order.
    QList<QByteArray> headerValues(QByteArrayView name) const;
    // The first such value, or an empty array.
    QByteArray header(QByteArrayView name) const;
    // The value of one cookie of the Cookie header(s), or an empty string.
    QByteArray cookie(QByteArrayView name) const;

    FormFields queryFields() const { return FormUrlEncoded::parse(query); }
};

// The answer an endpoint produces. Converted to a QHttpServerResponse in one place.
struct Reply
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HeaderList headers;

    Reply &withHeader(const QByteArray &name, const QByteArray &value);

    static Reply json(int status, const QByteArray &body);
    // With X-Frame-Options: DENY and Content-Security-Policy: frame-ancestors 'none'.
    static Reply html(int status, const QByteArray &body);
    static Reply text(int status, const QByteArray &body);
    // 302 Found to location, with a tiny HTML body for agents that show it.
    static Reply redirect(const QString &location);
};

} // namespace Postern::Sandbox
