#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkCookie>
#include <QString>

namespace Postern {

// Cookie jars in the JSON that newman reads with --cookie-jar and writes with --export-cookie-jar
// (tough-cookie's serialized jar): {"version", "storeType", …, "cookies": [{key, value, domain, path,
// expires, secure, httpOnly, hostOnly, sameSite, creation, lastAccessed}]}. A cookie's "expires" is an
// ISO 8601 date, or absent or "Infinity" for a session cookie.
namespace CookieJarFile {

struct Read
{
    QList<QNetworkCookie> cookies;
    QString error; // one sentence; empty when the file was read
    bool ok() const { return error.isEmpty(); }
};

// Cookies without a name or a domain are refused with a message naming their place in the file;
// expired ones are left out. At most maxCookies.
Read read(const QByteArray &json);
QByteArray write(const QList<QNetworkCookie> &cookies);

constexpr int maxCookies = 3000;

} // namespace CookieJarFile

} // namespace Postern
