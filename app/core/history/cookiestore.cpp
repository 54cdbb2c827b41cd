#include "history/cookiestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookie>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// A function, not a constant: the words are in the user's language, known once a translator is installed.
StateFile::Format cookieFileFormat()
{
    return { u"postern-cookies"_s,
             1,
             u"cookies"_s,
             CookieStore::tr("cookies"),
             CookieStore::tr("Cookies are"),
             CookieStore::tr("cookie file"),
             CookieStore::tr("the cookie jar starts empty") };
}
constexpr qsizetype maxDomainChars = 255;
constexpr qsizetype maxPathChars = 1024;

bool isExpired(const QNetworkCookie &cookie, const QDateTime &now)
{
    return !cookie.isSessionCookie() && cookie.expirationDate() <= now;
}

bool tooLarge(const QNetworkCookie &cookie)
{
    return cookie.name().size() + cookie.value().size() > CookieStore::maxCookieBytes
        || cookie.domain().size() > maxDomainChars || cookie.path().size() > maxPathChars;
}

// Names and values are bytes; most are text, and the file stays readable when they are.
void putBytes(QJsonObject &object, const QString &key, const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() == bytes)
        object.insert(key, text);
    else
        object.insert(key + u"Base64"_s, QString::fromLatin1(bytes.toBase64()));
}

std::optional<QByteArray> takeBytes(const QJsonObject &object, const QString &key)
{
    if (object.value(key).isString())
        return object.value(key).toString().toUtf8();
    const QJsonValue encoded = object.value(key + u"Base64"_s);
    if (!encoded.isString())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(encoded.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

QString sameSiteKey(QNetworkCookie::SameSite sameSite)
{
    switch (sameSite) {
    case QNetworkCookie::SameSite::None:
        return u"None"_s;
    case QNetworkCookie::SameSite::Lax:
        return u"Lax"_s;
    case QNetworkCookie::SameSite::Strict:
        return u"Strict"_s;
    case QNetworkCookie::SameSite::Default:
        break;
    }
    return {};
}

QNetworkCookie::SameSite sameSiteFromKey(const QString &key)
{
    if (key == u"None"_s)
        return QNetworkCookie::SameSite::None;
    if (key == u"Lax"_s)
        return QNetworkCookie::SameSite::Lax;
    if (key == u"Strict"_s)
        return QNetworkCookie::SameSite::Strict;
    return QNetworkCookie::SameSite::Default;
}

QJsonObject cookieToJson(const QNetworkCookie &cookie)
{
    QJsonObject object;
    putBytes(object, u"name"_s, cookie.name());
    putBytes(object, u"value"_s, cookie.value());
    object.insert(u"domain"_s, cookie.domain());
    object.insert(u"path"_s, cookie.path());
    if (!cookie.isSessionCookie())
        object.insert(u"expires"_s, cookie.expirationDate().toUTC().toString(Qt::ISODateWithMs));
    if (cookie.isSecure())
        object.insert(u"secure"_s, true);
    if (cookie.isHttpOnly())
        object.insert(u"httpOnly"_s, true);
    if (const QString sameSite = sameSiteKey(cookie.sameSitePolicy()); !sameSite.isEmpty())
        object.insert(u"sameSite"_s, sameSite);
    return object;
}

std::optional<QNetworkCookie> cookieFromJson(const QJsonObject &object)
{
    const std::optional<QByteArray> name = takeBytes(object, u"name"_s);
    const std::optional<QByteArray> value = takeBytes(object, u"value"_s);
    const QString domain = object.value(u"domain"_s).toString();
    if (!name || name->isEmpty() || !value || domain.isEmpty() || !object.value(u"path"_s).isString())
        return std::nullopt;
    QNetworkCookie cookie(*name, *value);
    cookie.setDomain(domain);
    cookie.setPath(object.value(u"path"_s).toString());
    if (object.contains(u"expires"_s)) {
        const QDateTime expires
            = QDateTime::fromString(object.value(u"expires"_s).toString(), Qt::ISODateWithMs);
        if (!expires.isValid())
            return std::nullopt;
        cookie.setExpirationDate(expires);
    }
    cookie.setSecure(object.value(u"secure"_s).toBool());
    cookie.setHttpOnly(object.value(u"httpOnly"_s).toBool());
    cookie.setSameSitePolicy(sameSiteFromKey(object.value(u"sameSite"_s).toString()));
    if (tooLarge(cookie))
        return std::nullopt;
    return cookie;
}

bool inDomain(const QNetworkCookie &cookie, const QString &domain)
{
    const QString bare = CookieStore::bareDomain(cookie);
    return bare.compare(domain, Qt::CaseInsensitive) == 0
        || bare.endsWith(u'.' + domain, Qt::CaseInsensitive);
}

} // namespace

CookieStore::CookieStore(const QString &path, QObject *parent)
    : QNetworkCookieJar(parent)
    , m_file(path, cookieFileFormat(), saveDelayMs, [this] { return serialize(); })
{
    connect(&m_file, &StateFile::saveFailed, this, &CookieStore::saveFailed);
}

CookieStore::~CookieStore()
{
    flush();
}

QString CookieStore::bareDomain(const QNetworkCookie &cookie)
{
    const QString domain = cookie.domain();
    return domain.startsWith(u'.') ? domain.mid(1) : domain;
}

void CookieStore::setPersistSessionCookies(bool persist)
{
    if (m_persistSession == persist)
        return;
    m_persistSession = persist;
    m_file.scheduleSave();
}

bool CookieStore::load()
{
    setAllCookies({});
    QJsonArray array;
    const bool ok = m_file.load(maxFileBytes, &array);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QNetworkCookie> loaded;
    int unusable = 0;
    for (const QJsonValue &value : array) {
        if (loaded.size() >= maxCookies)
            break;
        const std::optional<QNetworkCookie> cookie = cookieFromJson(value.toObject());
        if (!cookie) {
            ++unusable;
            continue;
        }
        if (isExpired(*cookie, now))
            continue;
        // A later duplicate replaces an earlier one, as insertCookie() would.
        loaded.removeIf([&](const QNetworkCookie &other) { return other.hasSameIdentifier(*cookie); });
        loaded.append(*cookie);
    }
    setAllCookies(loaded);
    if (unusable > 0) {
        m_file.setLoadError(unusable == 1
                                ? tr("One cookie could not be read and was left out.")
                                : tr("%1 cookies could not be read and were left out.").arg(unusable));
    }
    Q_EMIT changed();
    return ok;
}

QList<QNetworkCookie> CookieStore::cookies() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QNetworkCookie> list = allCookies();
    list.removeIf([&now](const QNetworkCookie &cookie) { return isExpired(cookie, now); });
    return list;
}

bool CookieStore::insertCookie(const QNetworkCookie &cookie)
{
    if (tooLarge(cookie))
        return false;
    const qsizetype before = allCookies().size();
    ++m_inserting;
    const bool inserted = QNetworkCookieJar::insertCookie(cookie);
    const bool removed = allCookies().size() != before + (inserted ? 1 : 0);
    if (inserted)
        enforceLimits(bareDomain(cookie));
    --m_inserting;
    if (inserted || removed)
        noteChanged();
    return inserted;
}

bool CookieStore::deleteCookie(const QNetworkCookie &cookie)
{
    const bool removed = QNetworkCookieJar::deleteCookie(cookie);
    if (removed && m_inserting == 0)
        noteChanged();
    return removed;
}

void CookieStore::enforceLimits(const QString &domain)
{
    QList<QNetworkCookie> list = allCookies();
    const qsizetype before = list.size();
    qsizetype inDomainCount = 0;
    for (const QNetworkCookie &cookie : std::as_const(list))
        inDomainCount += bareDomain(cookie).compare(domain, Qt::CaseInsensitive) == 0 ? 1 : 0;
    // Oldest first: the list is in the order cookies were inserted.
    for (qsizetype i = 0; i < list.size() && inDomainCount > maxPerDomain;) {
        if (bareDomain(list.at(i)).compare(domain, Qt::CaseInsensitive) == 0) {
            list.removeAt(i);
            --inDomainCount;
        } else {
            ++i;
        }
    }
    if (list.size() > maxCookies)
        list.remove(0, list.size() - maxCookies);
    if (list.size() != before)
        setAllCookies(list);
}

int CookieStore::clear(const QString &domain)
{
    const QString wanted = domain.trimmed().startsWith(u'.') ? domain.trimmed().mid(1) : domain.trimmed();
    QList<QNetworkCookie> list = allCookies();
    const qsizetype removed
        = list.removeIf([&wanted](const QNetworkCookie &cookie) { return inDomain(cookie, wanted); });
    if (removed > 0) {
        setAllCookies(list);
        noteChanged();
    }
    return int(removed);
}

int CookieStore::deleteCookies(const QList<QNetworkCookie> &cookies)
{
    QList<QNetworkCookie> list = allCookies();
    const qsizetype removed = list.removeIf([&cookies](const QNetworkCookie &cookie) {
        return std::any_of(cookies.cbegin(), cookies.cend(), [&cookie](const QNetworkCookie &doomed) {
            return doomed.hasSameIdentifier(cookie);
        });
    });
    if (removed > 0) {
        setAllCookies(list);
        noteChanged();
    }
    return int(removed);
}

int CookieStore::clear()
{
    const int removed = int(allCookies().size());
    if (removed > 0) {
        setAllCookies({});
        noteChanged();
    }
    return removed;
}

void CookieStore::noteChanged()
{
    m_file.scheduleSave();
    Q_EMIT changed();
}

QByteArray CookieStore::serialize() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray array;
    for (const QNetworkCookie &cookie : allCookies()) {
        if (isExpired(cookie, now) || (cookie.isSessionCookie() && !m_persistSession))
            continue;
        array.append(cookieToJson(cookie));
    }
    const StateFile::Format format = cookieFileFormat();
    const QJsonObject root { { u"format"_s, format.name },
                             { u"version"_s, format.version },
                             { format.listKey, array } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool CookieStore::flush()
{
    return m_file.flush();
}

QList<QNetworkCookie> CookieStore::cookiesSetBy(const HttpResponse &response)
{
    QList<QNetworkCookie> list;
    for (const RawHeader &header : response.headers) {
        if (header.first.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        // Qt joins repeated Set-Cookie headers with newlines; parseCookies() splits them again.
        const QList<QNetworkCookie> parsed = QNetworkCookie::parseCookies(header.second);
        for (QNetworkCookie cookie : parsed) {
            if (response.url.isValid())
                cookie.normalize(response.url);
            list.append(cookie);
        }
    }
    return list;
}

} // namespace Postern
