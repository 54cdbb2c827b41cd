// newman's cookie jar files (tough-cookie's serialized jar): what is read, what is refused with which
// message, and that a jar written is read back the same.

#include "interop/cookiejarfile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_CookieJarFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void roundTrip();
};

void tst_CookieJarFile::read_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("cookies"); // "name=value domain path"

    QTest::newRow("host-only and domain cookies")
        << QByteArray(
               R"({"cookies":[{"key":"a","value":"1","domain":"api.example.com","path":"/v1","hostOnly":true},
                                      {"key":"b","value":"2","domain":"example.com","path":"/"}]})")
        << QString() << QStringList { u"a=1 api.example.com /v1"_s, u"b=2 .example.com /"_s };
    QTest::newRow("expired left out, Infinity kept") << QByteArray(
        R"({"cookies":[{"key":"old","value":"x","domain":"h","expires":"2001-01-01T00:00:00.000Z"},
                                      {"key":"new","value":"y","domain":"h","expires":"Infinity"}]})")
                                                     << QString() << QStringList { u"new=y .h /"_s };
    QTest::newRow("empty jar") << QByteArray(R"({"version":"tough-cookie@4.1.3","cookies":[]})") << QString()
                               << QStringList();
    QTest::newRow("not JSON") << QByteArray("cookies: none") << u"it is not JSON (illegal value at byte 1)."_s
                              << QStringList();
    QTest::newRow("no list") << QByteArray(R"({"cookie":[]})")
                             << u"it is not a cookie jar: there is no \u201ccookies\u201d list."_s
                             << QStringList();
    QTest::newRow("an array") << QByteArray("[]")
                              << u"it is not a cookie jar: there is no \u201ccookies\u201d list."_s
                              << QStringList();
    QTest::newRow("no key") << QByteArray(R"({"cookies":[{"value":"x","domain":"h"}]})")
                            << u"cookie 1 of the jar has no key."_s << QStringList();
    QTest::newRow("no domain") << QByteArray(R"({"cookies":[{"key":"a","value":"x"},{"key":"b"}]})")
                               << u"cookie 1 of the jar has no domain."_s << QStringList();
    QTest::newRow("bad date")
        << QByteArray(R"({"cookies":[{"key":"a","domain":"h","expires":"soon"}]})")
        << u"cookie 1 of the jar (a) expires at \u201csoon\u201d, which is not a date."_s << QStringList();
    QTest::newRow("not objects") << QByteArray(R"({"cookies":[1, "x"]})")
                                 << u"cookie 1 of the jar has no key."_s << QStringList();
}

void tst_CookieJarFile::read()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QFETCH(QStringList, cookies);
    const CookieJarFile::Read read = CookieJarFile::read(json);
    QCOMPARE(read.error, error);
    QStringList seen;
    for (const QNetworkCookie &cookie : read.cookies)
        seen << QString::fromUtf8(cookie.name() + '=' + cookie.value()) + u' ' + cookie.domain() + u' '
                + cookie.path();
    QCOMPARE(seen, cookies);
}

void tst_CookieJarFile::roundTrip()
{
    QNetworkCookie session("session", "s-1");
    session.setDomain(u"127.0.0.1"_s);
    session.setPath(u"/"_s);
    session.setHttpOnly(true);
    QNetworkCookie lasting("theme", "dark");
    lasting.setDomain(u".example.com"_s);
    lasting.setPath(u"/app"_s);
    lasting.setSecure(true);
    const QDateTime expires = QDateTime::currentDateTimeUtc().addDays(3);
    lasting.setExpirationDate(expires);
    const QByteArray written = CookieJarFile::write({ session, lasting });
    QCOMPARE(QJsonDocument::fromJson(written).object().value(u"storeType"_s).toString(),
             u"MemoryCookieStore"_s);
    const CookieJarFile::Read read = CookieJarFile::read(written);
    QVERIFY(read.ok());
    QCOMPARE(read.cookies.size(), 2);
    QCOMPARE(read.cookies.at(0).toRawForm(), session.toRawForm());
    QCOMPARE(read.cookies.at(1).domain(), u".example.com"_s);
    QVERIFY(read.cookies.at(1).isSecure());
    QCOMPARE(read.cookies.at(1).expirationDate().toMSecsSinceEpoch(), expires.toMSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(tst_CookieJarFile)
#include "tst_cookiejarfile.moc"
