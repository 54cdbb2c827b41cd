#include "http/httprequest.h"

#include <QJsonDocument>
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
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonLeavesSecretsOut();
    void hostileJson();
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
    request.headers = { { u"authorization"_s, u"Bearer mine"_s, true, {} } };
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
    request.headers
        = { { u"A"_s, u"1"_s, true, {} }, { u"B"_s, u"2"_s, false, {} }, { QString(), QString(), true, {} } };
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
    request.headers = { { u"Bad Name"_s, u"x"_s, true, {} }, { u"X-Ok"_s, u"a\r\nb"_s, true, {} } };
    const QStringList problems = request.problems();
    QCOMPARE(problems.size(), 3);
    QVERIFY(problems.at(0).contains(u"no scheme"_s));
    QVERIFY(problems.at(1).contains(u"a space"_s));
    QVERIFY(problems.at(2).contains(u"X-Ok"_s));
}

void tst_HttpRequest::jsonRoundTrip_data()
{
    QTest::addColumn<int>("authType");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no auth, no body") << int(AuthType::None) << QByteArray();
    QTest::newRow("basic, JSON body")
        << int(AuthType::Basic) << R"({"short_description":"Printer on fire"})"_ba;
    QTest::newRow("bearer, binary body") << int(AuthType::Bearer) << QByteArray("\x00\xff\xfe binary", 10);
    QTest::newRow("oauth2") << int(AuthType::OAuth2) << QByteArray();
}

void tst_HttpRequest::jsonRoundTrip()
{
    QFETCH(int, authType);
    QFETCH(QByteArray, body);
    HttpRequest r;
    r.method = u"PATCH"_s;
    r.url = u"{{instance}}/api/now/table/incident/abc?sysparm_fields=number"_s;
    r.headers = { { u"Accept"_s, u"application/json"_s, true, u"what we want"_s },
                  { u"X-Off"_s, u"1"_s, false, {} } };
    r.body = body;
    r.bodyContentType = body.isEmpty() ? QString() : u"application/json"_s;
    r.timeoutMs = 5000;
    r.verifyTls = false;
    r.followRedirects = false;
    r.auth.type = AuthType(authType);
    r.auth.username = u"admin"_s;
    r.auth.password = u"pw"_s;
    r.auth.token = u"tok"_s;
    r.auth.oauth2 = OAuth2Config::forServiceNow(u"dev1"_s);
    r.auth.oauth2.clientId = u"id"_s;
    r.auth.oauth2TokenId = u"t1"_s;
    r.auth.oauth2InQuery = true;
    r.auth.headerPrefix = u"Token"_s;
    r.auth.oauth2AutoRefresh = false;
    const HttpRequest back = HttpRequest::fromJson(r.toJson(OAuth2Config::Secrets::Include));
    QCOMPARE(back.method, r.method);
    QCOMPARE(back.url, r.url);
    QCOMPARE(back.headers, r.headers);
    QCOMPARE(back.body, r.body);
    QCOMPARE(back.bodyContentType, r.bodyContentType);
    QCOMPARE(back.timeoutMs, 5000);
    QVERIFY(!back.verifyTls);
    QVERIFY(!back.followRedirects);
    QCOMPARE(int(back.auth.type), authType);
    QCOMPARE(back.effectiveHeaders(), r.effectiveHeaders());
    if (r.auth.type == AuthType::OAuth2) {
        QCOMPARE(back.auth.oauth2.authUrl, r.auth.oauth2.authUrl);
        QCOMPARE(back.auth.oauth2TokenId, u"t1"_s);
        QVERIFY(back.auth.oauth2InQuery);
        QCOMPARE(back.auth.headerPrefix, u"Token"_s);
        QVERIFY(!back.auth.oauth2AutoRefresh);
    }
}

void tst_HttpRequest::jsonLeavesSecretsOut()
{
    for (const AuthType type : { AuthType::Basic, AuthType::Bearer, AuthType::OAuth2 }) {
        HttpRequest r;
        r.url = u"https://x/"_s;
        r.auth.type = type;
        r.auth.username = u"admin"_s;
        r.auth.password = u"canary-password"_s;
        r.auth.token = u"canary-token"_s;
        r.auth.oauth2.clientSecret = u"canary-secret"_s;
        const QByteArray json = QJsonDocument(r.toJson()).toJson();
        QVERIFY2(!json.contains("canary"), json.constData());
    }
}

void tst_HttpRequest::hostileJson()
{
    QStringList problems;
    const HttpRequest r = HttpRequest::fromJson(
        QJsonDocument::fromJson(R"({"method":42,"url":["x"],"headers":"nope","timeoutMs":-5,
                                    "body":{"base64":"%%%"},"auth":{"type":"kerberos"}})")
            .object(),
        &problems);
    QCOMPARE(r.method, u"GET"_s);
    QVERIFY(r.url.isEmpty());
    QVERIFY(r.headers.isEmpty());
    QCOMPARE(r.timeoutMs, HttpRequest().timeoutMs);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(r.auth.type, AuthType::None);
    QCOMPARE(problems.size(), 3);
}

QTEST_GUILESS_MAIN(tst_HttpRequest)
#include "tst_httprequest.moc"
