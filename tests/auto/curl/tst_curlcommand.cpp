#include "curl/curlcommand.h"
#include "http/requestbody.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpRequest)

namespace Postern {
char *toString(const KeyValue &row)
{
    return QTest::toString(u"%1: %2%3"_s.arg(row.key, row.value, row.enabled ? QString() : u" (off)"_s));
}
} // namespace Postern

namespace {

// A request built up in one expression for a table row.
struct Req
{
    Req(const QString &method, const QString &url)
    {
        r.method = method;
        r.url = url;
    }
    Req &header(const QString &key, const QString &value, bool enabled = true)
    {
        r.headers.append({ key, value, enabled, {} });
        return *this;
    }
    Req &body(const QByteArray &body, const QString &type)
    {
        r.body = body;
        r.bodyContentType = type;
        return *this;
    }
    // An x-www-form-urlencoded body: name, value, name, value, …
    Req &form(const QStringList &pairs)
    {
        r.bodyMode = BodyMode::UrlEncoded;
        for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
            r.formFields.append({ pairs.at(i), pairs.at(i + 1), true, {} });
        return *this;
    }
    Req &text(const QString &key, const QString &value, const QString &type = QString())
    {
        r.bodyMode = BodyMode::FormData;
        r.formParts.append({ key, value, false, type, true, {} });
        return *this;
    }
    Req &file(const QString &key, const QString &path, const QString &type = QString())
    {
        r.bodyMode = BodyMode::FormData;
        r.formParts.append({ key, path, true, type, true, {} });
        return *this;
    }
    Req &binary(const QString &path, const QString &type = QString())
    {
        r.bodyMode = BodyMode::Binary;
        r.bodyFile = path;
        r.bodyContentType = type;
        return *this;
    }
    Req &graphql(const QString &query, const QString &variables = QString())
    {
        r.bodyMode = BodyMode::GraphQL;
        r.graphqlQuery = query;
        r.graphqlVariables = variables;
        return *this;
    }
    Req &basic(const QString &username, const QString &password)
    {
        r.auth.type = AuthType::Basic;
        r.auth.username = username;
        r.auth.password = password;
        return *this;
    }
    Req &bearer(const QString &token)
    {
        r.auth.type = AuthType::Bearer;
        r.auth.token = token;
        return *this;
    }
    Req &oauth2(const QString &token, bool inQuery = false, const QString &prefix = u"Bearer"_s)
    {
        r.auth.type = AuthType::OAuth2;
        r.auth.token = token;
        r.auth.oauth2InQuery = inQuery;
        r.auth.headerPrefix = prefix;
        return *this;
    }
    Req &insecure()
    {
        r.verifyTls = false;
        return *this;
    }
    Req &noRedirects()
    {
        r.followRedirects = false;
        return *this;
    }
    Req &timeout(int ms)
    {
        r.timeoutMs = ms;
        return *this;
    }

    HttpRequest r;
};

QString lines(const QStringList &parts)
{
    return parts.join(u" \\\n  "_s);
}

QString base64(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toBase64());
}

void compareRequests(const HttpRequest &actual, const HttpRequest &expected)
{
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.url, expected.url);
    QCOMPARE(actual.headers, expected.headers);
    QCOMPARE(actual.body, expected.body);
    QCOMPARE(actual.bodyContentType, expected.bodyContentType);
    QCOMPARE(bodyModeKey(actual.bodyMode), bodyModeKey(expected.bodyMode));
    QCOMPARE(actual.formFields, expected.formFields);
    QCOMPARE(actual.formParts.size(), expected.formParts.size());
    for (qsizetype i = 0; i < expected.formParts.size(); ++i) {
        QCOMPARE(actual.formParts.at(i).key, expected.formParts.at(i).key);
        QCOMPARE(actual.formParts.at(i).value, expected.formParts.at(i).value);
        QCOMPARE(actual.formParts.at(i).isFile, expected.formParts.at(i).isFile);
        QCOMPARE(actual.formParts.at(i).contentType, expected.formParts.at(i).contentType);
    }
    QCOMPARE(actual.bodyFile, expected.bodyFile);
    QCOMPARE(actual.graphqlQuery, expected.graphqlQuery);
    QCOMPARE(actual.graphqlVariables, expected.graphqlVariables);
    QCOMPARE(authTypeName(actual.auth.type), authTypeName(expected.auth.type));
    QCOMPARE(actual.auth.username, expected.auth.username);
    QCOMPARE(actual.auth.password, expected.auth.password);
    QCOMPARE(actual.auth.token, expected.auth.token);
    QCOMPARE(actual.timeoutMs, expected.timeoutMs);
    QCOMPARE(actual.verifyTls, expected.verifyTls);
    QCOMPARE(actual.followRedirects, expected.followRedirects);
}

void compareNotes(const QStringList &actual, const QStringList &expected)
{
    if (actual.size() != expected.size())
        qWarning() << "notes:" << actual;
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(actual.at(i).contains(expected.at(i), Qt::CaseInsensitive), qPrintable(actual.at(i)));
}

// What goes on the wire, for comparing requests built differently (a header row against an
// authorization, a generated Content-Type against a typed one).
KeyValueList sortedEffectiveHeaders(const HttpRequest &request)
{
    KeyValueList headers = request.effectiveHeaders();
    std::sort(headers.begin(), headers.end(), [](const KeyValue &a, const KeyValue &b) {
        return std::make_pair(a.key.toLower(), a.value) < std::make_pair(b.key.toLower(), b.value);
    });
    return headers;
}

} // namespace

class tst_CurlCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void realWorld_data();
    void realWorld();
    void errors_data();
    void errors();
    void hostile();
    void toCurl_data();
    void toCurl();
    void roundTrip_data();
    void roundTrip();
    void maskedExportStillParses();
};

void tst_CurlCommand::parse_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<HttpRequest>("expected");
    QTest::addColumn<QStringList>("notes");

    const QString url = u"https://x.example/api"_s;
    const QString form = u"application/x-www-form-urlencoded"_s;
    const QString json = u"application/json"_s;

    // Methods.
    QTest::newRow("plain GET") << u"curl https://x.example/api"_s << Req(u"GET"_s, url).r << QStringList();
    QTest::newRow("-X") << u"curl -X PUT https://x.example/api"_s << Req(u"PUT"_s, url).r << QStringList();
    QTest::newRow("--request") << u"curl --request DELETE https://x.example/api"_s << Req(u"DELETE"_s, url).r
                               << QStringList();
    QTest::newRow("-XPOST attached") << u"curl -XPOST https://x.example/api"_s << Req(u"POST"_s, url).r
                                     << QStringList();
    QTest::newRow("-X wins over data") << u"curl -d a=1 -X PATCH https://x.example/api"_s
                                       << Req(u"PATCH"_s, url).form({ u"a"_s, u"1"_s }).r << QStringList();
    QTest::newRow("-X as typed") << u"curl -X get https://x.example/api"_s << Req(u"get"_s, url).r
                                 << QStringList();
    QTest::newRow("-I") << u"curl -I https://x.example/api"_s << Req(u"HEAD"_s, url).r << QStringList();
    QTest::newRow("--head") << u"curl --head https://x.example/api"_s << Req(u"HEAD"_s, url).r
                            << QStringList();
    QTest::newRow("GET with data keeps the body")
        << u"curl -X GET -d q=1 https://x.example/api"_s << Req(u"GET"_s, url).form({ u"q"_s, u"1"_s }).r
        << QStringList { u"sends no body with GET"_s };

    // Headers.
    QTest::newRow("-H and --header")
        << u"curl -H 'Accept: application/json' --header 'X-Trace:  abc  ' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"Accept"_s, json).header(u"X-Trace"_s, u"abc"_s).r << QStringList();
    QTest::newRow("-HAccept:x attached") << u"curl -HAccept:x https://x.example/api"_s
                                         << Req(u"GET"_s, url).header(u"Accept"_s, u"x"_s).r << QStringList();
    QTest::newRow("repeated header kept twice")
        << u"curl -H 'X-A: 1' -H 'X-A: 2' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"X-A"_s, u"1"_s).header(u"X-A"_s, u"2"_s).r << QStringList();
    QTest::newRow("Name; sends an empty value")
        << u"curl -H 'X-Empty;' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"X-Empty"_s, QString()).r << QStringList();
    QTest::newRow("Name: removes a curl header")
        << u"curl -H 'User-Agent:' https://x.example/api"_s << Req(u"GET"_s, url).r
        << QStringList {
               u"leave out these headers it adds by itself; Postern cannot leave out its own, so they "
               u"were skipped: User-Agent"_s
           };
    QTest::newRow("colon in the value")
        << u"curl -H 'X-Time: 12:30:00' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"X-Time"_s, u"12:30:00"_s).r << QStringList();
    QTest::newRow("HTTP/2 pseudo-headers skipped")
        << u"curl -H ':authority: x.example' -H ':path: /api' -H 'A: b' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"A"_s, u"b"_s).r
        << QStringList {
               u"pseudo-headers are not headers a request sets; they were skipped: :authority, :path."_s
           };
    QTest::newRow("-A") << u"curl -A 'Tool/1.0 (x)' https://x.example/api"_s
                        << Req(u"GET"_s, url).header(u"User-Agent"_s, u"Tool/1.0 (x)"_s).r << QStringList();
    QTest::newRow("-A loses to -H") << u"curl -A one -H 'user-agent: two' https://x.example/api"_s
                                    << Req(u"GET"_s, url).header(u"user-agent"_s, u"two"_s).r
                                    << QStringList();
    QTest::newRow("-e") << u"curl -e https://from.example/ https://x.example/api"_s
                        << Req(u"GET"_s, url).header(u"Referer"_s, u"https://from.example/"_s).r
                        << QStringList();
    QTest::newRow("--referer with ;auto")
        << u"curl --referer 'https://from.example/;auto' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"Referer"_s, u"https://from.example/"_s).r << QStringList();
    QTest::newRow("-b cookies joined")
        << u"curl -b 'a=1; b=2' --cookie c=3 https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"Cookie"_s, u"a=1; b=2; c=3"_s).r << QStringList();
    QTest::newRow("-b cookie file") << u"curl -b cookies.txt https://x.example/api"_s << Req(u"GET"_s, url).r
                                    << QStringList { u"-b cookies.txt reads cookies from a file"_s };
    QTest::newRow("-r") << u"curl -r 0-99 https://x.example/api"_s
                        << Req(u"GET"_s, url).header(u"Range"_s, u"bytes=0-99"_s).r << QStringList();

    // Data.
    QTest::newRow("-d is a form by default")
        << u"curl -d 'a=1' https://x.example/api"_s << Req(u"POST"_s, url).form({ u"a"_s, u"1"_s }).r
        << QStringList();
    QTest::newRow("several -d joined with &")
        << u"curl -d a=1 --data b=2 --data-ascii c=3 --data-raw d=4 --data-binary e=5 https://x.example/api"_s
        << Req(u"POST"_s, url)
               .form({ u"a"_s, u"1"_s, u"b"_s, u"2"_s, u"c"_s, u"3"_s, u"d"_s, u"4"_s, u"e"_s, u"5"_s })
               .r
        << QStringList();
    QTest::newRow("--data-raw takes @ literally")
        << u"curl --data-raw '@not-a-file' https://x.example/api"_s
        << Req(u"POST"_s, url).body("@not-a-file", form).r << QStringList();
    QTest::newRow("empty -d still posts")
        << u"curl -d '' https://x.example/api"_s << Req(u"POST"_s, url).body("", form).r << QStringList();
    QTest::newRow("JSON content type")
        << u"curl -H 'Content-Type: application/json; charset=utf-8' -d '{\"a\": 1}' https://x.example/api"_s
        << Req(u"POST"_s, url)
               .header(u"Content-Type"_s, u"application/json; charset=utf-8"_s)
               .body("{\"a\": 1}", json)
               .r
        << QStringList();
    QTest::newRow("vendor JSON content type")
        << u"curl -H 'content-type: application/vnd.api+json' -d '{}' https://x.example/api"_s
        << Req(u"POST"_s, url).header(u"content-type"_s, u"application/vnd.api+json"_s).body("{}", json).r
        << QStringList();
    QTest::newRow("XML content type")
        << u"curl -H 'Content-Type: text/xml' -d '<a/>' https://x.example/api"_s
        << Req(u"POST"_s, url).header(u"Content-Type"_s, u"text/xml"_s).body("<a/>", u"application/xml"_s).r
        << QStringList();
    QTest::newRow("plain text content type")
        << u"curl -H 'Content-Type: text/plain' -d 'hi' https://x.example/api"_s
        << Req(u"POST"_s, url).header(u"Content-Type"_s, u"text/plain"_s).body("hi", u"text/plain"_s).r
        << QStringList();
    QTest::newRow("other content type is sent as text")
        << u"curl -H 'Content-Type: text/csv' -d 'a,b' https://x.example/api"_s
        << Req(u"POST"_s, url).header(u"Content-Type"_s, u"text/csv"_s).body("a,b", u"text/plain"_s).r
        << QStringList();
    QTest::newRow("--data-urlencode forms")
        << u"curl --data-urlencode 'a b' --data-urlencode '=c&d' --data-urlencode 'name=x y+z' "
           u"--data-urlencode 'q=a@b' --data-urlencode 'pre%20=\u00e9' https://x.example/api"_s
        << Req(u"POST"_s, url).body("a+b&c%26d&name=x+y%2Bz&q=a%40b&pre%20=%C3%A9", form).r << QStringList();
    QTest::newRow("--json") << u"curl --json '{\"a\":1}' https://x.example/api"_s
                            << Req(u"POST"_s, url).header(u"Accept"_s, json).body("{\"a\":1}", json).r
                            << QStringList();
    QTest::newRow("--json pieces concatenated")
        << u"curl --json '{\"a\":' --json '1}' https://x.example/api"_s
        << Req(u"POST"_s, url).header(u"Accept"_s, json).body("{\"a\":1}", json).r << QStringList();
    QTest::newRow("--json with own Accept")
        << u"curl -H 'Accept: application/hal+json' --json '[]' https://x.example/api"_s
        << Req(u"POST"_s, url).header(u"Accept"_s, u"application/hal+json"_s).body("[]", json).r
        << QStringList();
    QTest::newRow("-G moves data to the query")
        << u"curl -G -d 'q=qt' -d n=1 https://x.example/search"_s
        << Req(u"GET"_s, u"https://x.example/search?q=qt&n=1"_s).r << QStringList();
    QTest::newRow("--get with query and fragment")
        << u"curl --get --data-urlencode 'q=a b' 'https://x.example/s?lang=en#top'"_s
        << Req(u"GET"_s, u"https://x.example/s?lang=en&q=a+b#top"_s).r << QStringList();
    QTest::newRow("-G with -X POST") << u"curl -G -X POST -d a=1 https://x.example/s"_s
                                     << Req(u"POST"_s, u"https://x.example/s?a=1"_s).r << QStringList();
    QTest::newRow("--url-query")
        << u"curl --url-query 'a=b c' --url-query '+raw=x y' https://x.example/s?z=1"_s
        << Req(u"GET"_s, u"https://x.example/s?z=1&a=b+c&raw=x y"_s).r << QStringList();
    QTest::newRow("--data-urlencode fields that re-encode the same")
        << u"curl --data-urlencode 'q=a b' --data-urlencode 'tag=c&d' -d n=1 https://x.example/api"_s
        << Req(u"POST"_s, url).form({ u"q"_s, u"a b"_s, u"tag"_s, u"c&d"_s, u"n"_s, u"1"_s }).r
        << QStringList();
    QTest::newRow("form data with an explicit type")
        << u"curl -H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8' -d 'a=%C3%A9' https://x.example/api"_s
        << Req(u"POST"_s, url)
               .header(u"Content-Type"_s, u"application/x-www-form-urlencoded; charset=utf-8"_s)
               .form({ u"a"_s, u"\u00e9"_s })
               .r
        << QStringList();
    QTest::newRow("form data that would not re-encode the same stays raw")
        << u"curl -d 'a=%7e&b=1' https://x.example/api"_s << Req(u"POST"_s, url).body("a=%7e&b=1", form).r
        << QStringList();
    QTest::newRow("--data-binary @file")
        << u"curl --data-binary @/tmp/photo.jpg -H 'Content-Type: image/jpeg' https://x.example/api"_s
        << Req(u"POST"_s, url)
               .header(u"Content-Type"_s, u"image/jpeg"_s)
               .binary(u"/tmp/photo.jpg"_s, u"image/jpeg"_s)
               .r
        << QStringList();
    QTest::newRow("--data-binary @file with curl's default type")
        << u"curl --data-binary '@data/in put.bin' https://x.example/api"_s
        << Req(u"POST"_s, url).binary(u"data/in put.bin"_s, form).r
        << QStringList {
               u"relative to the folder curl would run in; check them in the Body tab: data/in put.bin."_s
           };
    QTest::newRow("GraphQL as Postern sends it")
        << u"curl -H 'Content-Type: application/json' --data-raw '{\"query\":\"{ me { id } }\",\"variables\":{\"a\":1}}' https://x.example/graphql"_s
        << Req(u"POST"_s, u"https://x.example/graphql"_s)
               .header(u"Content-Type"_s, json)
               .graphql(u"{ me { id } }"_s, u"{\n    \"a\": 1\n}"_s)
               .r
        << QStringList();
    QTest::newRow("JSON with a query and more stays raw")
        << u"curl --json '{\"query\":\"{ a }\",\"operationName\":\"x\"}' https://x.example/graphql"_s
        << Req(u"POST"_s, u"https://x.example/graphql"_s)
               .header(u"Accept"_s, json)
               .body(R"({"query":"{ a }","operationName":"x"})", json)
               .r
        << QStringList();

    // Multipart forms.
    QTest::newRow("-F text and files")
        << u"curl -F 'name=Ada' -F 'photo=@/home/ada/me.jpg' -F "
           u"'doc=@\"/tmp/a;b,c.pdf\";type=application/pdf' "
           u"--form-string 'note=@x;type=y' -H 'X-A: 1' https://x.example/api"_s
        << Req(u"POST"_s, url)
               .header(u"X-A"_s, u"1"_s)
               .text(u"name"_s, u"Ada"_s)
               .file(u"photo"_s, u"/home/ada/me.jpg"_s)
               .file(u"doc"_s, u"/tmp/a;b,c.pdf"_s, u"application/pdf"_s)
               .text(u"note"_s, u"@x;type=y"_s)
               .r
        << QStringList();
    QTest::newRow("-F text with a type and quotes")
        << u"curl --form 'meta=\"{\\\"a\\\": 1};\";type=application/json' -F 'plain= spaced  ' -F '=nameless' https://x.example/api"_s
        << Req(u"POST"_s, url)
               .text(u"meta"_s, u"{\"a\": 1};"_s, u"application/json"_s)
               .text(u"plain"_s, u"spaced"_s)
               .text(QString(), u"nameless"_s)
               .r
        << QStringList();
    QTest::newRow("-F with -X PUT and a typed multipart header")
        << u"curl -X PUT -H 'Content-Type: multipart/form-data' -F a=1 https://x.example/api"_s
        << Req(u"PUT"_s, url).header(u"Content-Type"_s, u"multipart/form-data"_s).text(u"a"_s, u"1"_s).r
        << QStringList();
    QTest::newRow("-F what a request cannot hold, noted")
        << u"curl -F 'a=<body.txt' -F 'b=@x.png,y.png' -F 'c=@/tmp/c.png;filename=other.png;headers=\"X-A: "
           u"1\"' "
           u"-F 'd=(' https://x.example/api"_s
        << Req(u"POST"_s, url).file(u"c"_s, u"/tmp/c.png"_s).r
        << QStringList { u"-F \u201ca=<body.txt\u201d: curl would send the content of body.txt as text"_s,
                         u"-F \u201cb=@x.png,y.png\u201d: several files in one field are not supported"_s,
                         u"Postern cannot set a part's headers"_s,
                         u"Postern sends the file under its own name, not \u201cother.png\u201d."_s,
                         u"nested multipart parts are not supported"_s };
    QTest::newRow("-F relative file noted")
        << u"curl -F 'photo=@me.jpg' https://x.example/api"_s
        << Req(u"POST"_s, url).file(u"photo"_s, u"me.jpg"_s).r
        << QStringList { u"relative to the folder curl would run in; check them in the Body tab: me.jpg."_s };

    // Authorization.
    QTest::newRow("-u user:password") << u"curl -u ada:s3cret https://x.example/api"_s
                                      << Req(u"GET"_s, url).basic(u"ada"_s, u"s3cret"_s).r << QStringList();
    QTest::newRow("--user with colon in password")
        << u"curl --user 'ada:pa:ss' https://x.example/api"_s
        << Req(u"GET"_s, url).basic(u"ada"_s, u"pa:ss"_s).r << QStringList();
    QTest::newRow("-u without password")
        << u"curl -u ada https://x.example/api"_s << Req(u"GET"_s, url).basic(u"ada"_s, QString()).r
        << QStringList { u"-u gives no password for \u201cada\u201d"_s };
    QTest::newRow("-u with empty password")
        << u"curl -u ada: https://x.example/api"_s << Req(u"GET"_s, url).basic(u"ada"_s, QString()).r
        << QStringList();
    QTest::newRow("-u with --digest")
        << u"curl --digest -u ada:pw https://x.example/api"_s << Req(u"GET"_s, url).basic(u"ada"_s, u"pw"_s).r
        << QStringList { u"curl would use --digest authentication"_s };
    QTest::newRow("--oauth2-bearer") << u"curl --oauth2-bearer abc.def https://x.example/api"_s
                                     << Req(u"GET"_s, url).bearer(u"abc.def"_s).r << QStringList();
    QTest::newRow("Basic header moved to auth")
        << u"curl -H 'Authorization: Basic %1' https://x.example/api"_s.arg(base64(u"admin:s\u00e9cret"_s))
        << Req(u"GET"_s, url).basic(u"admin"_s, u"s\u00e9cret"_s).r
        << QStringList { u"moved to the Authorization tab (Basic Auth)"_s };
    QTest::newRow("Bearer header moved to auth")
        << u"curl -H 'Authorization: Bearer abc' https://x.example/api"_s
        << Req(u"GET"_s, url).bearer(u"abc"_s).r
        << QStringList { u"moved to the Authorization tab (Bearer Token)"_s };
    QTest::newRow("other scheme stays a header")
        << u"curl -H 'Authorization: Digest username=\"a\"' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"Authorization"_s, u"Digest username=\"a\""_s).r << QStringList();
    QTest::newRow("undecodable Basic stays a header")
        << u"curl -H 'Authorization: Basic ***' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"Authorization"_s, u"Basic ***"_s).r << QStringList();
    QTest::newRow("header next to -u stays")
        << u"curl -u a:b -H 'Authorization: Bearer t' https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"Authorization"_s, u"Bearer t"_s).basic(u"a"_s, u"b"_s).r
        << QStringList();

    // Settings.
    QTest::newRow("-k") << u"curl -k https://x.example/api"_s << Req(u"GET"_s, url).insecure().r
                        << QStringList();
    QTest::newRow("--insecure") << u"curl --insecure https://x.example/api"_s
                                << Req(u"GET"_s, url).insecure().r << QStringList();
    QTest::newRow("-L keeps redirects on")
        << u"curl -L https://x.example/api"_s << Req(u"GET"_s, url).r << QStringList();
    QTest::newRow("--no-location") << u"curl --no-location https://x.example/api"_s
                                   << Req(u"GET"_s, url).noRedirects().r << QStringList();
    QTest::newRow("-m fractional") << u"curl -m 2.5 https://x.example/api"_s
                                   << Req(u"GET"_s, url).timeout(2500).r << QStringList();
    QTest::newRow("--max-time 0 waits forever")
        << u"curl --max-time 0 https://x.example/api"_s << Req(u"GET"_s, url).timeout(0).r << QStringList();
    QTest::newRow("--connect-timeout")
        << u"curl --connect-timeout 5 https://x.example/api"_s << Req(u"GET"_s, url).r
        << QStringList { u"--connect-timeout was ignored"_s };
    QTest::newRow("--compressed") << u"curl --compressed https://x.example/api"_s << Req(u"GET"_s, url).r
                                  << QStringList { u"Postern always accepts gzip"_s };
    QTest::newRow("output flags are silent")
        << u"curl -s -S -v -i -o out.json --fail -w '%{http_code}' --retry 3 -D - https://x.example/api"_s
        << Req(u"GET"_s, url).r << QStringList();
    QTest::newRow("combined -sSLk") << u"curl -sSLk https://x.example/api"_s
                                    << Req(u"GET"_s, url).insecure().r << QStringList();
    QTest::newRow("combined ending in a value")
        << u"curl -ksXPUT https://x.example/api"_s << Req(u"PUT"_s, url).insecure().r << QStringList();
    QTest::newRow("combined with the value next")
        << u"curl -sX PUT https://x.example/api"_s << Req(u"PUT"_s, url).r << QStringList();
    QTest::newRow("value that looks like an option")
        << u"curl -d -x https://x.example/api"_s << Req(u"POST"_s, url).body("-x", form).r << QStringList();

    // Unknown and unsupported.
    QTest::newRow("unknown long option")
        << u"curl --frobnicate https://x.example/api"_s << Req(u"GET"_s, url).r
        << QStringList { u"Unknown options were ignored: --frobnicate."_s };
    QTest::newRow("unknown short option in a cluster")
        << u"curl -s9 https://x.example/api"_s << Req(u"GET"_s, url).r
        << QStringList { u"Unknown options were ignored: -9."_s };
    QTest::newRow("options without equivalent")
        << u"curl -x http://proxy:3128 --cacert ca.pem https://x.example/api"_s << Req(u"GET"_s, url).r
        << QStringList { u"no equivalent in a Postern request and were ignored: -x, --cacert."_s };
    QTest::newRow("--netrc") << u"curl -n https://x.example/api"_s << Req(u"GET"_s, url).r
                             << QStringList { u".netrc"_s };
    QTest::newRow("--next") << u"curl https://x.example/api --next https://y.example/"_s
                            << Req(u"GET"_s, url).r << QStringList { u"more than one request (--next)"_s };
    QTest::newRow("--expand-url") << u"curl --expand-url 'https://x.example/{{p}}'"_s
                                  << Req(u"GET"_s, u"https://x.example/{{p}}"_s).r
                                  << QStringList { u"--expand-url would expand curl variables"_s };

    // URLs.
    QTest::newRow("--url") << u"curl --url https://x.example/api -s"_s << Req(u"GET"_s, url).r
                           << QStringList();
    QTest::newRow("URL without scheme")
        << u"curl example.com/api?a=1"_s << Req(u"GET"_s, u"http://example.com/api?a=1"_s).r
        << QStringList { u"no scheme; like curl, Postern uses http://"_s };
    QTest::newRow("host and port without scheme")
        << u"curl localhost:8080"_s << Req(u"GET"_s, u"http://localhost:8080"_s).r
        << QStringList { u"no scheme"_s };
    QTest::newRow("variable URL kept")
        << u"curl '{{baseUrl}}/users'"_s << Req(u"GET"_s, u"{{baseUrl}}/users"_s).r << QStringList();
    QTest::newRow("URL kept as written")
        << u"curl 'https://x.example/a b?q=%2B&r=a+b'"_s
        << Req(u"GET"_s, u"https://x.example/a b?q=%2B&r=a+b"_s).r << QStringList();
    QTest::newRow("two URLs, last wins")
        << u"curl https://a.example/ https://b.example/"_s << Req(u"GET"_s, u"https://b.example/"_s).r
        << QStringList { u"names 2 URLs; Postern imported the last one"_s };
    QTest::newRow("-- ends options") << u"curl -s -- https://x.example/api"_s << Req(u"GET"_s, url).r
                                     << QStringList();
    QTest::newRow("curl.exe") << u"curl.exe https://x.example/api"_s << Req(u"GET"_s, url).r << QStringList();
    QTest::newRow("curl by path") << u"/usr/bin/curl https://x.example/api"_s << Req(u"GET"_s, url).r
                                  << QStringList();
    QTest::newRow("shell prompt") << u"$ curl https://x.example/api"_s << Req(u"GET"_s, url).r
                                  << QStringList();

    // The shell around the command.
    QTest::newRow("variable kept and noted")
        << u"curl -H \"X-Token: $TOKEN\" https://x.example/api"_s
        << Req(u"GET"_s, url).header(u"X-Token"_s, u"$TOKEN"_s).r
        << QStringList { u"The shell would expand $TOKEN; Postern keeps it as written."_s };
    QTest::newRow("pipe ignored") << u"curl -s https://x.example/api | jq ."_s << Req(u"GET"_s, url).r
                                  << QStringList {
                                         u"after the shell operator \u201c|\u201d on line 1 was ignored"_s
                                     };
    QTest::newRow("unquoted ampersand")
        << u"curl http://x.example/api?a=1&b=2"_s << Req(u"GET"_s, u"http://x.example/api?a=1"_s).r
        << QStringList { u"put the URL in quotes"_s };
    QTest::newRow("redirections ignored")
        << u"curl https://x.example/api > out.json 2>&1 -k"_s << Req(u"GET"_s, url).insecure().r
        << QStringList { u"Shell redirections were ignored: >out.json, 2>&1."_s };
    QTest::newRow("missing backslash")
        << u"curl https://x.example/api\n  -H 'A: b'"_s << Req(u"GET"_s, url).header(u"A"_s, u"b"_s).r
        << QStringList { u"Line 1 does not end with a backslash"_s };
    QTest::newRow("URL on the next line")
        << u"curl -k\nhttps://x.example/api"_s << Req(u"GET"_s, url).insecure().r
        << QStringList { u"Line 1 does not end with a backslash"_s };
    QTest::newRow("second command ignored")
        << u"curl https://x.example/api\ncurl https://y.example/"_s << Req(u"GET"_s, url).r
        << QStringList { u"Only the first command was imported; the text from line 2 on was ignored."_s };
    QTest::newRow("comment line") << u"# fetch it\ncurl https://x.example/api # done"_s
                                  << Req(u"GET"_s, url).r << QStringList();
    QTest::newRow("CRLF continuations")
        << u"curl https://x.example/api \\\r\n  -H 'A: b' \\\r\n  -k\r\n"_s
        << Req(u"GET"_s, url).header(u"A"_s, u"b"_s).insecure().r << QStringList();
    QTest::newRow("ANSI-C quoted data") << u"curl --data-raw $'a\\tb\\u00e9' https://x.example/api"_s
                                        << Req(u"POST"_s, url).body("a\tb\xc3\xa9", form).r << QStringList();
    QTest::newRow("joined quoted parts") << u"curl -H 'X-A: '\"b c\"'d' https://x.example/api"_s
                                         << Req(u"GET"_s, url).header(u"X-A"_s, u"b cd"_s).r << QStringList();
}

void tst_CurlCommand::parse()
{
    QFETCH(QString, command);
    QFETCH(HttpRequest, expected);
    QFETCH(QStringList, notes);
    const CurlImport result = CurlCommand::parse(command);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    compareRequests(result.request, expected);
    if (QTest::currentTestFailed())
        return;
    compareNotes(result.notes, notes);
}

void tst_CurlCommand::realWorld_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<HttpRequest>("expected");
    QTest::addColumn<QStringList>("notes");

    QTest::newRow("ServiceNow Table API, short options")
        << u"curl -u admin:admin -H 'Accept: application/json' "
           u"'http://127.0.0.1:8080/api/now/table/incident?sysparm_limit=10&sysparm_query=active%3Dtrue'"_s
        << Req(u"GET"_s,
               u"http://127.0.0.1:8080/api/now/table/incident?sysparm_limit=10&sysparm_query=active%3Dtrue"_s)
               .header(u"Accept"_s, u"application/json"_s)
               .basic(u"admin"_s, u"admin"_s)
               .r
        << QStringList();
    QTest::newRow("ServiceNow REST API Explorer")
        << uR"(curl "https://dev12345.service-now.com/api/now/table/incident?sysparm_limit=1" \
--request GET \
--header "Accept:application/json" \
--user 'admin':'admin')"_s
        << Req(u"GET"_s, u"https://dev12345.service-now.com/api/now/table/incident?sysparm_limit=1"_s)
               .header(u"Accept"_s, u"application/json"_s)
               .basic(u"admin"_s, u"admin"_s)
               .r
        << QStringList();
    QTest::newRow("Postman export")
        << uR"(curl --location 'https://api.example.com/v1/users' \
--header 'Content-Type: application/json' \
--header 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' \
--data-raw '{
    "name": "Ada",
    "email": "ada@example.com"
}')"_s
        << Req(u"POST"_s, u"https://api.example.com/v1/users"_s)
               .header(u"Content-Type"_s, u"application/json"_s)
               .body("{\n    \"name\": \"Ada\",\n    \"email\": \"ada@example.com\"\n}",
                     u"application/json"_s)
               .bearer(u"eyJhbGciOiJIUzI1NiJ9.e30.sig"_s)
               .r
        << QStringList { u"moved to the Authorization tab"_s };
    QTest::newRow("Chrome copy as cURL (GET)")
        << uR"(curl 'https://www.example.com/api/search?q=qt&page=2' \
  -H 'authority: www.example.com' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-US,en;q=0.9' \
  -H 'cookie: session=abc123; theme=dark' \
  -H 'referer: https://www.example.com/search' \
  -H 'sec-ch-ua: "Chromium";v="118", "Google Chrome";v="118", "Not=A?Brand";v="99"' \
  -H 'sec-ch-ua-mobile: ?0' \
  -H 'sec-fetch-mode: cors' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36' \
  --compressed)"_s
        << Req(u"GET"_s, u"https://www.example.com/api/search?q=qt&page=2"_s)
               .header(u"authority"_s, u"www.example.com"_s)
               .header(u"accept"_s, u"application/json, text/plain, */*"_s)
               .header(u"accept-language"_s, u"en-US,en;q=0.9"_s)
               .header(u"cookie"_s, u"session=abc123; theme=dark"_s)
               .header(u"referer"_s, u"https://www.example.com/search"_s)
               .header(u"sec-ch-ua"_s,
                       u"\"Chromium\";v=\"118\", \"Google Chrome\";v=\"118\", \"Not=A?Brand\";v=\"99\""_s)
               .header(u"sec-ch-ua-mobile"_s, u"?0"_s)
               .header(u"sec-fetch-mode"_s, u"cors"_s)
               .header(u"user-agent"_s,
                       u"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                       u"Chrome/118.0.0.0 Safari/537.36"_s)
               .r
        << QStringList { u"--compressed has no effect"_s };
    QTest::newRow("Chrome copy as cURL (POST with $'')")
        << uR"(curl 'https://www.example.com/api/comments' \
  -H 'accept: */*' \
  -H 'content-type: application/json' \
  -H 'origin: https://www.example.com' \
  --data-raw $'{"text":"it\'s \\u00e9 fine\\n"}' \
  --compressed)"_s
        << Req(u"POST"_s, u"https://www.example.com/api/comments"_s)
               .header(u"accept"_s, u"*/*"_s)
               .header(u"content-type"_s, u"application/json"_s)
               .header(u"origin"_s, u"https://www.example.com"_s)
               .body(R"({"text":"it's \u00e9 fine\n"})", u"application/json"_s)
               .r
        << QStringList { u"--compressed has no effect"_s };
    QTest::newRow("Firefox copy as cURL (form POST)")
        << uR"(curl 'https://www.example.com/login' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Origin: https://www.example.com' -H 'Connection: keep-alive' --data-raw 'user=ada&pass=p%40ss')"_s
        << Req(u"POST"_s, u"https://www.example.com/login"_s)
               .header(u"User-Agent"_s,
                       u"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"_s)
               .header(u"Content-Type"_s, u"application/x-www-form-urlencoded"_s)
               .header(u"Origin"_s, u"https://www.example.com"_s)
               .header(u"Connection"_s, u"keep-alive"_s)
               .form({ u"user"_s, u"ada"_s, u"pass"_s, u"p@ss"_s })
               .r
        << QStringList();
    QTest::newRow("OAuth token request from a tutorial")
        << uR"(curl -sS -X POST https://auth.example.com/oauth/token \
     -H "Content-Type: application/x-www-form-urlencoded" \
     -d grant_type=client_credentials \
     -d client_id="$CLIENT_ID" \
     --data-urlencode "scope=read write")"_s
        << Req(u"POST"_s, u"https://auth.example.com/oauth/token"_s)
               .header(u"Content-Type"_s, u"application/x-www-form-urlencoded"_s)
               .body("grant_type=client_credentials&client_id=$CLIENT_ID&scope=read+write",
                     u"application/x-www-form-urlencoded"_s)
               .r
        << QStringList { u"The shell would expand $CLIENT_ID"_s };
}

void tst_CurlCommand::realWorld()
{
    parse();
}

void tst_CurlCommand::errors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");

    const QString onImport = u"which Postern does not do on import"_s;
    QTest::newRow("empty") << QString() << u"nothing to import"_s;
    QTest::newRow("blank lines") << u"  \n\t\n"_s << u"nothing to import"_s;
    QTest::newRow("not curl") << u"wget https://x.example/"_s
                              << u"not a curl command: it starts with \u201cwget\u201d"_s;
    QTest::newRow("operator first") << u"| curl https://x.example/"_s << u"not a curl command"_s;
    QTest::newRow("curl in quotes of another word")
        << u"curlx https://x.example/"_s << u"not a curl command"_s;
    // Found by fuzz_curl (tests/fuzz/regressions/fuzz_curl/url-with-a-line-break): the line break was
    // imported into the URL, and Copy as cURL of it read back as another URL.
    QTest::newRow("URL with a line break in quotes")
        << u"curl 'https://x.example/\r\n/'"_s << u"control character"_s;
    QTest::newRow("URL with a tab") << u"curl \"https://x.example/\ta\""_s << u"control character"_s;
    QTest::newRow("control character put into the query by -G (regressions/fuzz_curl/data-into-the-query)")
        << u"curl -d $'\\a' -G https://x.example/"_s << u"control character"_s;
    QTest::newRow("-d @file") << u"curl -d @data.json https://x.example/"_s
                              << u"\u201c-d @data.json\u201d reads a file (@data.json), "_s + onImport;
    QTest::newRow("--data @file") << u"curl --data @f https://x.example/"_s << onImport;
    QTest::newRow("--data-ascii @file") << u"curl --data-ascii @f https://x.example/"_s << onImport;
    QTest::newRow("--data-binary @file and more data")
        << u"curl --data-binary @f.bin -d a=1 https://x.example/"_s << u"reads a file (@f.bin)"_s;
    QTest::newRow("--data-binary @file with -G")
        << u"curl -G --data-binary @f.bin https://x.example/"_s << onImport;
    QTest::newRow("--data-binary @- reads standard input")
        << u"curl --data-binary @- https://x.example/"_s << u"reads standard input"_s;
    QTest::newRow("-F without =") << u"curl -F photo https://x.example/"_s << u"has no \u201c=\u201d"_s;
    QTest::newRow("-F with -d") << u"curl -F a=1 -d b=2 https://x.example/"_s
                                << u"form fields (-F) together with data"_s;
    QTest::newRow("-F @- reads standard input")
        << u"curl -F f=@- https://x.example/"_s << u"standard input"_s;
    QTest::newRow("--json @file") << u"curl --json @body.json https://x.example/"_s << onImport;
    QTest::newRow("-d @- reads standard input")
        << u"curl -d @- https://x.example/"_s << u"reads standard input (@-)"_s;
    QTest::newRow("--data-urlencode @file")
        << u"curl --data-urlencode @f https://x.example/"_s << u"reads a file (@f)"_s;
    QTest::newRow("--data-urlencode name@file")
        << u"curl --data-urlencode name@f https://x.example/"_s << u"reads a file (@f)"_s;
    QTest::newRow("--url-query @file") << u"curl --url-query a@f https://x.example/"_s << onImport;
    QTest::newRow("-H @file") << u"curl -H @headers.txt https://x.example/"_s << onImport;
    QTest::newRow("-T") << u"curl -T upload.bin https://x.example/"_s << u"reads a file (upload.bin)"_s;
    QTest::newRow("-K") << u"curl -K config.txt"_s << onImport;
    QTest::newRow("header without colon")
        << u"curl -H 'Accept application/json' https://x.example/"_s << u"has no colon"_s;
    QTest::newRow("header with a space in its name")
        << u"curl -H 'Bad Name: x' https://x.example/"_s << u"header name"_s;
    QTest::newRow("header with a line break")
        << u"curl -H $'X-A: a\\r\\nX-B: b' https://x.example/"_s << u"carriage return"_s;
    QTest::newRow("user agent with a line break")
        << u"curl -A $'agent\\r\\nX-Injected: 1' https://x.example/"_s << u"-A \u201cagent"_s;
    QTest::newRow("long user agent with a line feed")
        << u"curl --user-agent $'agent\\nX-Injected: 1' https://x.example/"_s << u"line feed"_s;
    QTest::newRow("referer with a line break")
        << u"curl -e $'https://r.example/\\r\\nX-Injected: 1' https://x.example/"_s << u"carriage return"_s;
    QTest::newRow("range with a line feed")
        << u"curl -r $'0-1\\nX-Injected: 1' https://x.example/"_s << u"-r"_s;
    QTest::newRow("cookie with a line break")
        << u"curl -b $'a=1\\r\\nX-Injected: 1' https://x.example/"_s << u"carriage return"_s;
    QTest::newRow("cookie with a lone carriage return")
        << u"curl --cookie $'a=1\\rb=2' https://x.example/"_s << u"--cookie"_s;
    QTest::newRow("no URL") << u"curl -s -H 'A: b'"_s << u"no URL"_s;
    QTest::newRow("bad method") << u"curl -X 'GE T' https://x.example/"_s << u"method"_s;
    QTest::newRow("bad max time") << u"curl -m soon https://x.example/"_s << u"number of seconds"_s;
    QTest::newRow("negative max time") << u"curl -m -1 https://x.example/"_s << u"number of seconds"_s;
    QTest::newRow("value missing at the end") << u"curl https://x.example/ -H"_s << u"-H needs a value"_s;
    QTest::newRow("value missing before a pipe")
        << u"curl https://x.example/ --data | cat"_s << u"--data needs a value"_s;
    QTest::newRow("unterminated single quote") << u"curl 'https://x.example/"_s << u"single quote"_s;
    QTest::newRow("unterminated double quote") << u"curl -H \"A: b https://x.example/"_s << u"double quote"_s;
    QTest::newRow("HEAD with data") << u"curl -I -d a=1 https://x.example/"_s << u"HEAD request (-I)"_s;
    QTest::newRow("NUL") << u"curl https://x.example/\u0000 -k"_s << u"NUL"_s;
    QTest::newRow("NUL from $''") << u"curl -d $'a\\x00' https://x.example/"_s << u"NUL"_s;
}

void tst_CurlCommand::errors()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    const CurlImport result = CurlCommand::parse(command);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(error, Qt::CaseInsensitive), qPrintable(result.error));
    QVERIFY(result.request.url.isEmpty());
}

// Large inputs finish because every step is linear; no timer is needed to prove it.
void tst_CurlCommand::hostile()
{
    // Right at the limit: imported.
    const QString head = u"curl https://x.example/ --data-raw '"_s;
    const QString nearLimit = head + QString(CurlCommand::MaxCommandLength - head.size() - 1, u'a') + u'\'';
    QCOMPARE(nearLimit.size(), CurlCommand::MaxCommandLength);
    CurlImport result = CurlCommand::parse(nearLimit);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.request.body.size(), CurlCommand::MaxCommandLength - head.size() - 1);

    // One character more: refused before any work.
    result = CurlCommand::parse(nearLimit + u' ');
    QVERIFY(!result.ok());
    QVERIFY(result.error.contains(u"longer than 1 MiB"_s));

    // 10,000 headers.
    QString many = u"curl https://x.example/"_s;
    for (int i = 0; i < 10000; ++i)
        many += u" -H 'X-H%1: v'"_s.arg(i);
    result = CurlCommand::parse(many);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.request.headers.size(), 10000);
    QCOMPARE(result.request.headers.constLast().key, u"X-H9999"_s);
    QVERIFY(result.notes.isEmpty());

    // 10,000 unknown options: one bounded note.
    QString unknown = u"curl https://x.example/"_s;
    for (int i = 0; i < 10000; ++i)
        unknown += u" --opt%1"_s.arg(i);
    result = CurlCommand::parse(unknown);
    QVERIFY(result.ok());
    QCOMPARE(result.notes.size(), 1);
    QVERIFY2(result.notes.constFirst().endsWith(u"and 9990 more."_s), qPrintable(result.notes.constFirst()));
    QVERIFY(result.notes.constFirst().size() < 400);

    // 10,000 options that each add a different note: the notes stay few.
    QString users = u"curl https://x.example/"_s;
    for (int i = 0; i < 10000; ++i)
        users += u" -u user%1"_s.arg(i);
    result = CurlCommand::parse(users);
    QVERIFY(result.ok());
    QVERIFY(result.notes.size() <= 31);
    QVERIFY(result.notes.constLast().contains(u"more notes"_s));

    // A single cluster of half a million short options.
    result = CurlCommand::parse(u"curl -"_s + QString(500000, u's') + u" https://x.example/"_s);
    QVERIFY(result.ok());
    QVERIFY(result.notes.isEmpty());

    // A huge number of empty words and line breaks.
    QString blanks = u"curl https://x.example/"_s;
    for (int i = 0; i < 100000; ++i)
        blanks += u" '' \\\n"_s;
    result = CurlCommand::parse(blanks);
    QVERIFY(result.ok());
    QCOMPARE(result.request.url, u"https://x.example/"_s);

    // NUL anywhere.
    result = CurlCommand::parse(u"curl -H 'A: \u0000' https://x.example/"_s);
    QVERIFY(!result.ok());
}

void tst_CurlCommand::toCurl_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<bool>("includeSecrets");
    QTest::addColumn<QString>("expected");

    const QString url = u"https://x.example/api"_s;
    const QString json = u"application/json"_s;

    QTest::newRow("GET") << Req(u"GET"_s, u"https://x.example/a?b=1"_s).r << false
                         << lines({ u"curl 'https://x.example/a?b=1'"_s, u"-L"_s });
    QTest::newRow("POST JSON with a quote")
        << Req(u"POST"_s, url).header(u"Accept"_s, json).body(R"({"name":"O'Brien"})", json).r << false
        << lines({ u"curl 'https://x.example/api'"_s, u"-H 'Accept: application/json'"_s,
                   u"-H 'Content-Type: application/json'"_s, uR"(--data-raw '{"name":"O'\''Brien"}')"_s,
                   u"-L"_s });
    QTest::newRow("PUT without body")
        << Req(u"PUT"_s, url).r << false << lines({ u"curl -X PUT 'https://x.example/api'"_s, u"-L"_s });
    QTest::newRow("POST without body")
        << Req(u"POST"_s, url).r << false << lines({ u"curl -X POST 'https://x.example/api'"_s, u"-L"_s });
    QTest::newRow("PATCH with body")
        << Req(u"PATCH"_s, url).body("a=1", u"application/x-www-form-urlencoded"_s).r << false
        << lines({ u"curl -X PATCH 'https://x.example/api'"_s,
                   u"-H 'Content-Type: application/x-www-form-urlencoded'"_s, u"--data-raw 'a=1'"_s,
                   u"-L"_s });
    QTest::newRow("HEAD") << Req(u"HEAD"_s, url).r << false
                          << lines({ u"curl --head 'https://x.example/api'"_s, u"-L"_s });
    QTest::newRow("GET does not send its body") << Req(u"GET"_s, url).body("x", json).r << false
                                                << lines({ u"curl 'https://x.example/api'"_s, u"-L"_s });
    QTest::newRow("disabled and empty headers")
        << Req(u"GET"_s, url).header(u"X-Off"_s, u"1"_s, false).header(u"X-Empty"_s, QString()).r << false
        << lines({ u"curl 'https://x.example/api'"_s, u"-H 'X-Empty;'"_s, u"-L"_s });
    QTest::newRow("quotes everywhere")
        << Req(u"GET"_s, u"https://x.example/it's?q=$HOME"_s).header(u"X-Q"_s, u"a'b\"c"_s).r << false
        << lines({ u"curl 'https://x.example/it'\\''s?q=$HOME'"_s, uR"(-H 'X-Q: a'\''b"c')"_s, u"-L"_s });
    QTest::newRow("settings") << Req(u"GET"_s, url).insecure().noRedirects().timeout(2500).r << false
                              << lines({ u"curl 'https://x.example/api'"_s, u"-k"_s, u"--max-time 2.5"_s });
    QTest::newRow("no timeout") << Req(u"GET"_s, url).timeout(0).r << false
                                << lines({ u"curl 'https://x.example/api'"_s, u"-L"_s, u"--max-time 0"_s });
    QTest::newRow("binary body through printf") << Req(u"POST"_s, url)
                                                       .body(QByteArray("\x00\x01"
                                                                        "ab%\\'\xff",
                                                                        8),
                                                             u"text/plain"_s)
                                                       .r
                                                << false
                                                << u"printf '\\000\\001ab%%\\\\\\047\\377' | "_s
            + lines({ u"curl 'https://x.example/api'"_s, u"-H 'Content-Type: text/plain'"_s,
                      u"--data-binary @-"_s, u"-L"_s });

    // Body modes.
    QTest::newRow("urlencoded")
        << Req(u"POST"_s, url).form({ u"a b"_s, u"it's 1+1"_s, QString(), u"x&y"_s }).r << false
        << lines({ u"curl 'https://x.example/api'"_s,
                   u"-H 'Content-Type: application/x-www-form-urlencoded'"_s,
                   u"--data-urlencode 'a+b=it'\\''s 1+1'"_s, u"-d '=x%26y'"_s, u"-L"_s });
    QTest::newRow("form-data") << Req(u"POST"_s, url)
                                      .text(u"name"_s, u"say \"hi\""_s)
                                      .file(u"photo"_s, u"/tmp/me.jpg"_s, u"image/jpeg"_s)
                                      .r
                               << false
                               << lines({ u"curl 'https://x.example/api'"_s, uR"(-F 'name="say \"hi\""')"_s,
                                          u"-F 'photo=@\"/tmp/me.jpg\";type=image/jpeg'"_s, u"-L"_s });
    QTest::newRow("form-data type that -F would read as its own options")
        << Req(u"POST"_s, url)
               .text(u"note"_s, u"x"_s, u"text/plain;headers=@/home/u/.ssh/id_rsa"_s)
               .file(u"data"_s, u"/tmp/d.json"_s)
               .r
        << false
        << lines({ u"curl 'https://x.example/api'"_s,
                   uR"(-F 'note="x";headers="Content-Type: text/plain;headers=@/home/u/.ssh/id_rsa"')"_s,
                   u"-F 'data=@\"/tmp/d.json\";type=application/json'"_s, u"-L"_s });
    QTest::newRow("binary") << Req(u"PUT"_s, url).binary(u"/tmp/p.png"_s).r << false
                            << lines({ u"curl -X PUT 'https://x.example/api'"_s,
                                       u"-H 'Content-Type: image/png'"_s, u"--data-binary '@/tmp/p.png'"_s,
                                       u"-L"_s });
    QTest::newRow("graphql") << Req(u"POST"_s, url).graphql(u"{ a }"_s, u"{\"n\": 1}"_s).r << false
                             << lines({ u"curl 'https://x.example/api'"_s,
                                        u"-H 'Content-Type: application/json'"_s,
                                        uR"(--data-raw '{"query":"{ a }","variables":{"n":1}}')"_s,
                                        u"-L"_s });
    QTest::newRow("form-data with GET sends nothing")
        << Req(u"GET"_s, url).text(u"a"_s, u"1"_s).r << false
        << lines({ u"curl 'https://x.example/api'"_s, u"-L"_s });

    // Secrets.
    QTest::newRow("Basic masked") << Req(u"GET"_s, url).basic(u"admin"_s, u"s3cret"_s).r << false
                                  << lines({ u"curl 'https://x.example/api'"_s,
                                             u"-H 'Authorization: Basic ****'"_s, u"-L"_s });
    QTest::newRow("Basic shown") << Req(u"GET"_s, url).basic(u"admin"_s, u"s3cret"_s).r << true
                                 << lines({ u"curl 'https://x.example/api'"_s,
                                            u"-H 'Authorization: Basic YWRtaW46czNjcmV0'"_s, u"-L"_s });
    QTest::newRow("Bearer masked") << Req(u"GET"_s, url).bearer(u"abc.def"_s).r << false
                                   << lines({ u"curl 'https://x.example/api'"_s,
                                              u"-H 'Authorization: Bearer ****'"_s, u"-L"_s });
    QTest::newRow("Bearer shown") << Req(u"GET"_s, url).bearer(u"abc.def"_s).r << true
                                  << lines({ u"curl 'https://x.example/api'"_s,
                                             u"-H 'Authorization: Bearer abc.def'"_s, u"-L"_s });
    QTest::newRow("OAuth 2.0 with its own prefix masked")
        << Req(u"GET"_s, url).oauth2(u"tok"_s, false, u"Token"_s).r << false
        << lines({ u"curl 'https://x.example/api'"_s, u"-H 'Authorization: Token ****'"_s, u"-L"_s });
    QTest::newRow("OAuth 2.0 without prefix masked")
        << Req(u"GET"_s, url).oauth2(u"tok"_s, false, QString()).r << false
        << lines({ u"curl 'https://x.example/api'"_s, u"-H 'Authorization: ****'"_s, u"-L"_s });
    QTest::newRow("OAuth 2.0 in the query masked")
        << Req(u"GET"_s, u"https://x.example/api?a=1#f"_s).oauth2(u"tok"_s, true).r << false
        << lines({ u"curl 'https://x.example/api?a=1&access_token=****#f'"_s, u"-L"_s });
    QTest::newRow("OAuth 2.0 in the query shown")
        << Req(u"GET"_s, u"https://x.example/api?a=1"_s).oauth2(u"tok"_s, true).r << true
        << lines({ u"curl 'https://x.example/api?a=1&access_token=tok'"_s, u"-L"_s });
    QTest::newRow("typed Authorization header masked")
        << Req(u"GET"_s, url).header(u"authorization"_s, u"ApiKey k-123"_s).r << false
        << lines({ u"curl 'https://x.example/api'"_s, u"-H 'authorization: ApiKey ****'"_s, u"-L"_s });
    QTest::newRow("typed access_token masked")
        << Req(u"GET"_s, u"https://x.example/api?access_token=abc&b=2"_s).r << false
        << lines({ u"curl 'https://x.example/api?access_token=****&b=2'"_s, u"-L"_s });
    QTest::newRow("password in the URL masked")
        << Req(u"GET"_s, u"https://ada:pw@x.example/api"_s).r << false
        << lines({ u"curl 'https://ada:****@x.example/api'"_s, u"-L"_s });
    QTest::newRow("password in the URL shown")
        << Req(u"GET"_s, u"https://ada:pw@x.example/api"_s).r << true
        << lines({ u"curl 'https://ada:pw@x.example/api'"_s, u"-L"_s });
}

void tst_CurlCommand::toCurl()
{
    QFETCH(HttpRequest, request);
    QFETCH(bool, includeSecrets);
    QFETCH(QString, expected);
    QCOMPARE(CurlCommand::toCurl(request,
                                 includeSecrets ? CurlCommand::Secrets::Include : CurlCommand::Secrets::Mask),
             expected);
}

void tst_CurlCommand::roundTrip_data()
{
    QTest::addColumn<HttpRequest>("request");

    const QString url = u"https://x.example/api"_s;
    QTest::newRow("GET with params") << Req(u"GET"_s, u"https://x.example/s?q=a%20b&r=1+2&flag#frag"_s).r;
    QTest::newRow("POST JSON")
        << Req(u"POST"_s, url)
               .header(u"Accept"_s, u"application/json"_s)
               .body("{\n  \"name\": \"O'Brien $HOME `id`\",\n  \"city\": \"M\xc3\xbcnchen\"\n}",
                     u"application/json"_s)
               .r;
    QTest::newRow("PUT form")
        << Req(u"PUT"_s, url).body("a=1&b=x+y", u"application/x-www-form-urlencoded"_s).r;
    QTest::newRow("PATCH XML") << Req(u"PATCH"_s, url).body("<a b='c'/>", u"application/xml"_s).r;
    QTest::newRow("text with a typed Content-Type")
        << Req(u"POST"_s, url).header(u"Content-Type"_s, u"text/csv"_s).body("a,b\n1,2\n", u"text/plain"_s).r;
    QTest::newRow("DELETE") << Req(u"DELETE"_s, url).r;
    QTest::newRow("POST without body") << Req(u"POST"_s, url).r;
    QTest::newRow("HEAD") << Req(u"HEAD"_s, url).r;
    QTest::newRow("OPTIONS") << Req(u"OPTIONS"_s, url).r;
    QTest::newRow("Basic with colon and non-ASCII")
        << Req(u"GET"_s, url).basic(u"\u00e4da"_s, u"p:a's\"s w\u00f6rd"_s).r;
    QTest::newRow("Bearer") << Req(u"GET"_s, url).bearer(u"eyJ.abc-_.x"_s).r;
    QTest::newRow("OAuth 2.0 header") << Req(u"POST"_s, url).oauth2(u"tok"_s).body("x", u"text/plain"_s).r;
    QTest::newRow("OAuth 2.0 custom prefix") << Req(u"GET"_s, url).oauth2(u"tok"_s, false, u"Token"_s).r;
    QTest::newRow("OAuth 2.0 in query")
        << Req(u"GET"_s, u"https://x.example/api?a=1"_s).oauth2(u"t/k+"_s, true).r;
    QTest::newRow("headers with odd values") << Req(u"GET"_s, url)
                                                    .header(u"X-Empty"_s, QString())
                                                    .header(u"X-Quote"_s, u"a'b\"c\\d $x"_s)
                                                    .header(u"X-Off"_s, u"gone"_s, false)
                                                    .header(u"Cookie"_s, u"a=1; b=2"_s)
                                                    .r;
    QTest::newRow("insecure with timeout") << Req(u"GET"_s, url).insecure().timeout(1500).r;
    QTest::newRow("no timeout") << Req(u"GET"_s, url).timeout(0).r;
    QTest::newRow("URL with quote and space") << Req(u"GET"_s, u"https://x.example/it's here?a='1'"_s).r;
    QTest::newRow("body starting with @") << Req(u"POST"_s, url).body("@me", u"text/plain"_s).r;

    // Body modes.
    HttpRequest fields = Req(u"POST"_s, url)
                             .form({ u"grant_type"_s, u"client_credentials"_s, u"a b"_s, u"x y+z&w=v"_s,
                                     u"caf\u00e9"_s, u"\u00fc'\"$`\n"_s, u"empty"_s, QString(), QString(),
                                     u"nameless"_s, u"@at"_s, u"@file"_s })
                             .r;
    fields.formFields.append({ u"off"_s, u"1"_s, false, {} });
    QTest::newRow("urlencoded fields") << fields;
    QTest::newRow("urlencoded with PATCH") << Req(u"PATCH"_s, url).form({ u"a"_s, u"1"_s }).r;
    HttpRequest parts = Req(u"POST"_s, url)
                            .text(u"name"_s, u"Ada"_s)
                            .text(u"quoted"_s, u" \"it's\"; type=x \\ @"_s)
                            .text(u"at"_s, u"@not-a-file"_s)
                            .text(u"lt"_s, u"<not-a-file"_s)
                            .text(u"meta"_s, u"{\"a\": 1}"_s, u"application/json"_s)
                            .text(u"empty"_s, QString())
                            .file(u"photo"_s, u"/tmp/my photo;1,2\".jpg"_s)
                            .file(u"doc"_s, u"/tmp/report.pdf"_s, u"application/pdf"_s)
                            .r;
    parts.formParts.append({ u"off"_s, u"x"_s, false, {}, false, {} });
    QTest::newRow("form-data parts") << parts;
    QTest::newRow("form-data with PUT") << Req(u"PUT"_s, url).text(u"a"_s, u"1"_s).r;
    QTest::newRow("form-data types -F cannot say with type=")
        << Req(u"POST"_s, url)
               .text(u"a"_s, u"1"_s, u"text/plain;headers=@/etc/passwd"_s)
               .text(u"b"_s, u"2"_s, u"text/plain; filename=x.sh"_s)
               .text(u"c"_s, u"3"_s, u"a/b; q=\"x;y\\\\\""_s)
               .file(u"d"_s, u"/tmp/d.txt"_s, u"text/plain,/etc/passwd"_s)
               .text(u"e"_s, u"5"_s, u"text/plain; charset=utf-8"_s)
               .text(u"f"_s, u"6"_s, u"text/plain;charset=utf-8;format=flowed"_s)
               .r;
    QTest::newRow("form-data with a typed multipart header")
        << Req(u"POST"_s, url).header(u"Content-Type"_s, u"multipart/form-data"_s).text(u"a"_s, u"1"_s).r;
    QTest::newRow("binary with type")
        << Req(u"POST"_s, url).binary(u"/tmp/data.bin"_s, u"application/octet-stream"_s).r;
    QTest::newRow("binary type from the name") << Req(u"PUT"_s, url).binary(u"/tmp/it's here.png"_s).r;
    QTest::newRow("graphql with variables")
        << Req(u"POST"_s, url)
               .graphql(u"query Q($id: ID!) {\n  user(id: $id) { name }\n}"_s, u"{ \"id\": \"4'2\" }"_s)
               .r;
    QTest::newRow("graphql without variables") << Req(u"POST"_s, url).graphql(u"{ me { id } }"_s).r;
    // Found by fuzz_curl: curl reads a word that starts with '-' as an option, so such a URL goes after
    // --url (tests/fuzz/regressions/fuzz_curl/url-starting-with-a-dash).
    QTest::newRow("URL that starts with a dash") << Req(u"GET"_s, u"-://"_s).r;
    QTest::newRow("URL that starts with a dash, POST")
        << Req(u"POST"_s, u"--data-raw://x"_s).body("a", u"text/plain"_s).r;
}

void tst_CurlCommand::roundTrip()
{
    QFETCH(HttpRequest, request);
    const QString command = CurlCommand::toCurl(request, CurlCommand::Secrets::Include);
    const CurlImport result = CurlCommand::parse(command);
    QVERIFY2(result.ok(), qPrintable(result.error + u"\n"_s + command));
    const HttpRequest &back = result.request;
    const bool sendsBody = HttpRequest::methodCarriesBody(request.method) && RequestBody::hasContent(request);
    QCOMPARE(back.method, request.method);
    QCOMPARE(back.effectiveUrl(), request.effectiveUrl());
    QCOMPARE(sortedEffectiveHeaders(back), sortedEffectiveHeaders(request));
    QCOMPARE(RequestBody::hasContent(back), sendsBody);
    if (sendsBody && request.bodyMode != BodyMode::Raw)
        QCOMPARE(bodyModeKey(back.bodyMode), bodyModeKey(request.bodyMode));
    if (sendsBody && request.bodyMode == BodyMode::FormData) {
        // The boundary differs from one send to the next; the parts must not.
        QList<FormPart> sent;
        for (const FormPart &part : request.formParts) {
            if (part.enabled)
                sent.append(part);
        }
        QCOMPARE(back.formParts, sent);
    } else if (sendsBody && request.bodyMode == BodyMode::Binary) {
        QCOMPARE(back.bodyFile, request.bodyFile);
    } else if (sendsBody) {
        const WireBody wire = RequestBody::encode(request);
        QVERIFY2(wire.ok(), qPrintable(wire.error));
        QCOMPARE(RequestBody::encode(back).bytes, wire.bytes);
    }
    if (sendsBody && request.bodyMode == BodyMode::Raw && back.bodyMode == BodyMode::Raw)
        QCOMPARE(back.bodyContentType, request.bodyContentType);
    QCOMPARE(back.verifyTls, request.verifyTls);
    QCOMPARE(back.timeoutMs, request.timeoutMs);
    QCOMPARE(back.followRedirects, request.followRedirects);
    QVERIFY(back.problems() == request.problems());
}

// The masked command still parses, and the credentials are not in it.
void tst_CurlCommand::maskedExportStillParses()
{
    const HttpRequest request = Req(u"POST"_s, u"https://x.example/api"_s)
                                    .basic(u"admin"_s, u"s3cret"_s)
                                    .body("{\"a\": \"it's\"}", u"application/json"_s)
                                    .r;
    const QString masked = CurlCommand::toCurl(request);
    QVERIFY(!masked.contains(base64(u"admin:s3cret"_s)));
    const CurlImport result = CurlCommand::parse(masked);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.request.body, request.body);
    QCOMPARE(result.request.headers.constFirst().value, u"Basic ****"_s);
}

QTEST_GUILESS_MAIN(tst_CurlCommand)
#include "tst_curlcommand.moc"
