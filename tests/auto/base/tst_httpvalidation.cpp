#include "base/httpvalidation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_HttpValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void url_data();
    void url();
    void headerName_data();
    void headerName();
    void headerValue_data();
    void headerValue();
    void method_data();
    void method();
};

void tst_HttpValidation::url_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("errorFragment"); // empty: valid

    QTest::newRow("https instance") << u"https://dev12345.service-now.com/api/now/table/incident"_s
                                    << QString();
    QTest::newRow("loopback with port") << u"http://127.0.0.1:8080/x?a=1"_s << QString();
    QTest::newRow("surrounding spaces") << u"  http://example.com  "_s << QString();
    QTest::newRow("upper-case scheme") << u"HTTPS://example.com"_s << QString();
    QTest::newRow("ipv6") << u"http://[::1]:8080/"_s << QString();
    QTest::newRow("empty") << QString() << u"Enter a URL"_s;
    QTest::newRow("no scheme") << u"dev12345.service-now.com/api"_s << u"no scheme"_s;
    QTest::newRow("scheme without slashes") << u"http:example.com"_s << u"no scheme"_s;
    QTest::newRow("ftp") << u"ftp://example.com/file"_s << u"not supported"_s;
    QTest::newRow("javascript") << u"javascript://alert(1)"_s << u"not supported"_s;
    QTest::newRow("no host") << u"http:///path"_s << u"no host"_s;
    QTest::newRow("only scheme") << u"https://"_s << u"no host"_s;
    QTest::newRow("bad port") << u"http://example.com:99999/"_s << u"not valid"_s;
}

void tst_HttpValidation::url()
{
    QFETCH(QString, url);
    QFETCH(QString, errorFragment);
    QUrl parsed;
    const QString error = HttpValidation::urlError(url, &parsed);
    if (errorFragment.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(parsed.isValid());
        QVERIFY(!parsed.host().isEmpty());
    } else {
        QVERIFY2(error.contains(errorFragment), qPrintable(error));
    }
}

void tst_HttpValidation::headerName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("errorFragment");
    QTest::newRow("plain") << u"Accept"_s << QString();
    QTest::newRow("with dash and digits") << u"X-Total-Count2"_s << QString();
    QTest::newRow("token symbols") << u"x!#$%&'*+.^_`|~"_s << QString();
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("space") << u"X Header"_s << u"a space"_s;
    QTest::newRow("colon") << u"X:Y"_s << u"':'"_s;
    QTest::newRow("CR") << u"X\rY"_s << u"carriage return"_s;
    QTest::newRow("LF") << u"X\nY"_s << u"line feed"_s;
    QTest::newRow("non-ascii") << u"Caf\u00e9"_s << u"not allowed"_s;
}

void tst_HttpValidation::headerName()
{
    QFETCH(QString, name);
    QFETCH(QString, errorFragment);
    const QString error = HttpValidation::headerNameError(name);
    if (errorFragment.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(errorFragment), qPrintable(error));
}

void tst_HttpValidation::headerValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"application/json"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("utf-8 text") << u"caf\u00e9"_s << true;
    QTest::newRow("header injection") << u"x\r\nX-Injected: 1"_s << false;
    QTest::newRow("lone LF") << u"x\ny"_s << false;
    QTest::newRow("NUL") << u"x"_s + QChar(0) << false;
}

void tst_HttpValidation::headerValue()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(HttpValidation::headerValueError(value).isEmpty(), valid);
}

void tst_HttpValidation::method_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("valid");
    QTest::newRow("GET") << u"GET"_s << true;
    QTest::newRow("custom") << u"PROPFIND"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"GET X"_s << false;
}

void tst_HttpValidation::method()
{
    QFETCH(QString, method);
    QFETCH(bool, valid);
    QCOMPARE(HttpValidation::methodError(method).isEmpty(), valid);
}

QTEST_GUILESS_MAIN(tst_HttpValidation)
#include "tst_httpvalidation.moc"
