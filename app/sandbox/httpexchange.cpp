#include "sandbox/httpexchange.h"

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

QList<QByteArray> Request::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            values.append(header.second);
    }
    return values;
}

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

QByteArray Request::cookie(QByteArrayView name) const
{
    for (const QByteArray &line : headerValues("Cookie")) {
        for (const QByteArray &part : line.split(';')) {
            const QByteArray pair = part.trimmed();
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && QByteArrayView(pair).first(eq) == name)
                return pair.mid(eq + 1);
        }
    }
    return QByteArray();
}

Reply &Reply::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
    return *this;
}

Reply Reply::json(int status, const QByteArray &body)
{
    return Reply { status, "application/json;charset=UTF-8"_ba, body, {} };
}

Reply Reply::html(int status, const QByteArray &body)
{
    // The sign-in and consent pages must not be framed by another site (clickjacking); no page here
    // needs to be.
    return Reply { status, "text/html;charset=UTF-8"_ba, body, {} }
        .withHeader("X-Frame-Options"_ba, "DENY"_ba)
        .withHeader("Content-Security-Policy"_ba, "frame-ancestors 'none'"_ba);
}

Reply Reply::text(int status, const QByteArray &body)
{
    return Reply { status, "text/plain;charset=UTF-8"_ba, body, {} };
}

Reply Reply::redirect(const QString &location)
{
    const QByteArray escaped = location.toHtmlEscaped().toUtf8();
    Reply reply
        = html(302,
               "<!DOCTYPE html><html lang=\"en\"><head><title>Redirecting</title></head><body><p><a href=\""
                   + escaped + "\">Continue</a></p></body></html>\n");
    QByteArray header;
    for (const char c : location.toUtf8()) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            header.append('%').append(
                QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0'));
        else
            header.append(c);
    }
    reply.withHeader("Location"_ba, header);
    return reply;
}

} // namespace Postern::Sandbox
