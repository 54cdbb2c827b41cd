#include "httprequest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_HttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void basicAuthHeader();
    void bearerAuthHeader();
    void userHeaderWinsOverGenerated();
    void contentTypeOnlyWithBody();
    void disabledHeadersAreNotSent();
    void problemsListEveryBadInput();
};

void tst_HttpRequest::basicAuthHeader()
{
    HttpRequest request;
    request.auth.type = AuthType::Basic;
    request.auth.username = u"admin"_s;
    request.auth.password = u"p\u00e4ss:word"_s;
    const KeyValueList generated = request.generatedHeaders();
    QCOMPARE(generated.size(), 1);
    QCOMPARE(generated.first().key, u"Authorization"_s);
    QCOMPARE(generated.first().value,
             u"Basic "_s + QString::fromLatin1(u"admin:p\u00e4ss:word"_s.toUtf8().toBase64()));
}

void tst_HttpRequest::bearerAuthHeader()
{
    HttpRequest request;
    request.auth.type = AuthType::Bearer;
    QVERIFY(request.generatedHeaders().isEmpty()); // no token, no header
    request.auth.token = u" abc.def \n"_s;
    QCOMPARE(request.generatedHeaders().value(0).value, u"Bearer abc.def"_s);
}

void tst_HttpRequest::userHeaderWinsOverGenerated()
{
    HttpRequest request;
    request.auth.type = AuthType::Bearer;
    request.auth.token = u"generated"_s;
    request.headers = {{u"authorization"_s, u"Bearer mine"_s, true, {}}};
    QVERIFY(request.generatedHeaders().isEmpty());
    request.headers[0].enabled = false;
    QCOMPARE(request.generatedHeaders().size(), 1);
}

void tst_HttpRequest::contentTypeOnlyWithBody()
{
    HttpRequest request;
    request.method = u"POST"_s;
    request.bodyContentType = u"application/json"_s;
    QVERIFY(request.generatedHeaders().isEmpty());
    request.body = "{}";
    QCOMPARE(request.generatedHeaders().value(0).key, u"Content-Type"_s);
    request.method = u"GET"_s;
    QVERIFY(request.generatedHeaders().isEmpty());
}

void tst_HttpRequest::disabledHeadersAreNotSent()
{
    HttpRequest request;
    request.headers = {{u"A"_s, u"1"_s, true, {}}, {u"B"_s, u"2"_s, false, {}}, {QString(), QString(), true, {}}};
    const KeyValueList effective = request.effectiveHeaders();
    QCOMPARE(effective.size(), 1);
    QCOMPARE(effective.first().key, u"A"_s);
}

void tst_HttpRequest::problemsListEveryBadInput()
{
    HttpRequest request;
    request.url = u"http://127.0.0.1/"_s;
    QVERIFY(request.problems().isEmpty());
    request.url = u"127.0.0.1/api"_s;
    request.headers = {{u"Bad Name"_s, u"x"_s, true, {}}, {u"X-Ok"_s, u"a\r\nb"_s, true, {}}};
    const QStringList problems = request.problems();
    QCOMPARE(problems.size(), 3);
    QVERIFY(problems.at(0).contains(u"no scheme"_s));
    QVERIFY(problems.at(1).contains(u"a space"_s));
    QVERIFY(problems.at(2).contains(u"X-Ok"_s));
}

QTEST_GUILESS_MAIN(tst_HttpRequest)
#include "tst_httprequest.moc"
