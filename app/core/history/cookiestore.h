#pragma once

#include "base/statefile.h"
#include "http/httpresponse.h"

#include <QNetworkCookieJar>

namespace Postern {

// The cookies servers set, kept across restarts in one JSON file the owner names (the workspace puts
// it at "<workspace>/.postern/cookies.json"); an empty path keeps them in memory only.
//
// Ownership: QNetworkAccessManager::setCookieJar() makes the manager the jar's parent, so the manager
// deletes it; an owner that wants to keep the jar longer sets its parent again after that call and
// must then keep it alive as long as the manager may send. The destructor flushes.
//
// Like Postman, session cookies (no Expires/Max-Age) are written to the file too, so a login survives
// a restart; setPersistSessionCookies(false) keeps them in memory only. The file therefore holds live
// credentials: it is written owner-only (AtomicFile), and nothing here logs a cookie's value.
// Expired cookies are dropped when loading and saving. Changes are written atomically at most every
// saveDelayMs and by flush(), which the owner calls when the application quits. A file that cannot be
// understood is moved aside ("cookies.json.broken-<timestamp>"), loadError() says so, and the jar
// starts empty.
//
// Limits against a hostile server or file (RFC 6265 §6.1 asks for at least 4096 bytes per cookie,
// 50 per domain and 3000 in all): a cookie whose name and value pass maxCookieBytes is refused; past
// maxPerDomain or maxCookies the oldest cookies go.
class CookieStore : public QNetworkCookieJar
{
    Q_OBJECT

public:
    static constexpr int maxCookies = 3000;
    static constexpr int maxPerDomain = 180;
    static constexpr int maxCookieBytes = 4096;
    static constexpr qint64 maxFileBytes = 16 * 1024 * 1024;
    static constexpr int saveDelayMs = 500;

    explicit CookieStore(const QString &path, QObject *parent = nullptr);
    ~CookieStore() override;

    QString path() const { return m_file.path(); }

    // Reads the file, replacing the cookies in memory. Returns false when the file was there but could
    // not be used (loadError() says why and where it went). Unusable cookies are dropped, counted in
    // loadError(), and load() still returns true.
    bool load();
    QString loadError() const { return m_file.loadError(); }
    QString saveError() const { return m_file.saveError(); }

    bool persistSessionCookies() const { return m_persistSession; }
    void setPersistSessionCookies(bool persist);

    // Every cookie that has not expired, oldest first.
    QList<QNetworkCookie> cookies() const;
    // Removes the cookies of domain and its subdomains ("example.com" takes ".example.com" and
    // "api.example.com" too); returns how many went.
    int clear(const QString &domain);
    int clear();

    // Removes these cookies (by name, domain and path) with one change; returns how many went.
    int deleteCookies(const QList<QNetworkCookie> &cookies);

    bool insertCookie(const QNetworkCookie &cookie) override;
    bool deleteCookie(const QNetworkCookie &cookie) override;

    bool hasPendingChanges() const { return m_file.hasPendingChanges(); }
    bool flush();

    // The cookies a response set, from its Set-Cookie headers, with domain and path filled in from
    // the response's URL as a jar would.
    static QList<QNetworkCookie> cookiesSetBy(const HttpResponse &response);
    // "example.com" for ".example.com".
    static QString bareDomain(const QNetworkCookie &cookie);

Q_SIGNALS:
    void changed();
    void saveFailed(const QString &message);

private:
    void noteChanged();
    void enforceLimits(const QString &domain);
    QByteArray serialize() const;

    StateFile m_file;
    bool m_persistSession = true;
    int m_inserting = 0; // insertCookie() calls deleteCookie(); announce the change once
};

} // namespace Postern
