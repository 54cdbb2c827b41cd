#include "interop/cookiejarfile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern::CookieJarFile {

Read read(const QByteArray &json)
{
    Read result;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error
            = u"it is not JSON (%1 at byte %2)."_s.arg(parseError.errorString()).arg(parseError.offset);
        return result;
    }
    const QJsonValue list = document.object().value(u"cookies"_s);
    if (!document.isObject() || !list.isArray()) {
        result.error = u"it is not a cookie jar: there is no \u201ccookies\u201d list."_s;
        return result;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonArray cookies = list.toArray();
    for (qsizetype i = 0; i < cookies.size(); ++i) {
        const QJsonObject entry = cookies.at(i).toObject();
        const QString key = entry.value(u"key"_s).toString();
        const QString domain = entry.value(u"domain"_s).toString();
        if (key.isEmpty() || domain.isEmpty()) {
            result.error
                = u"cookie %1 of the jar has no %2."_s.arg(i + 1).arg(key.isEmpty() ? u"key"_s : u"domain"_s);
            result.cookies.clear();
            return result;
        }
        QNetworkCookie cookie(key.toUtf8(), entry.value(u"value"_s).toString().toUtf8());
        // tough-cookie keeps a domain without its leading dot and says hostOnly for a cookie that its
        // server set without a Domain attribute; Qt marks the other kind with the dot.
        const bool hostOnly = entry.value(u"hostOnly"_s).toBool(false);
        cookie.setDomain(hostOnly || domain.startsWith(u'.') ? domain : u'.' + domain);
        cookie.setPath(entry.value(u"path"_s).toString(u"/"_s));
        cookie.setSecure(entry.value(u"secure"_s).toBool());
        cookie.setHttpOnly(entry.value(u"httpOnly"_s).toBool());
        const QString expires = entry.value(u"expires"_s).toString();
        if (!expires.isEmpty() && expires != u"Infinity"_s) {
            const QDateTime when = QDateTime::fromString(expires, Qt::ISODateWithMs);
            if (!when.isValid()) {
                result.error = u"cookie %1 of the jar (%2) expires at \u201c%3\u201d, which is not a date."_s
                                   .arg(i + 1)
                                   .arg(key, expires);
                result.cookies.clear();
                return result;
            }
            if (when <= now)
                continue;
            cookie.setExpirationDate(when);
        }
        if (result.cookies.size() < maxCookies)
            result.cookies.append(cookie);
    }
    return result;
}

QByteArray write(const QList<QNetworkCookie> &cookies)
{
    QJsonArray list;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const QNetworkCookie &cookie : cookies) {
        QString domain = cookie.domain();
        const bool hostOnly = !domain.startsWith(u'.');
        if (!hostOnly)
            domain.remove(0, 1);
        QJsonObject entry { { u"key"_s, QString::fromUtf8(cookie.name()) },
                            { u"value"_s, QString::fromUtf8(cookie.value()) },
                            { u"domain"_s, domain },
                            { u"path"_s, cookie.path().isEmpty() ? u"/"_s : cookie.path() },
                            { u"hostOnly"_s, hostOnly },
                            { u"creation"_s, now },
                            { u"lastAccessed"_s, now } };
        if (!cookie.isSessionCookie())
            entry.insert(u"expires"_s, cookie.expirationDate().toUTC().toString(Qt::ISODateWithMs));
        if (cookie.isSecure())
            entry.insert(u"secure"_s, true);
        if (cookie.isHttpOnly())
            entry.insert(u"httpOnly"_s, true);
        list.append(entry);
    }
    return QJsonDocument(QJsonObject { { u"version"_s, u"tough-cookie@4.1.3"_s },
                                       { u"storeType"_s, u"MemoryCookieStore"_s },
                                       { u"rejectPublicSuffixes"_s, true },
                                       { u"cookies"_s, list } })
        .toJson();
}

} // namespace Postern::CookieJarFile
