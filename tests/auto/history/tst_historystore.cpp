// HistoryStore: what an entry keeps and what it never keeps (credentials, checked in the file's
// bytes), the bounds, the debounced atomic file, and every kind of file it must refuse or survive.

#include "history/historystore.h"
#include "http/httpclient.h"
#include "shared/posternrun.h"
#include "shared/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpRequest)
Q_DECLARE_METATYPE(Postern::HttpResponse)

class tst_HistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void recordsARealExchange();
    void newestFirstAndBounded();
    void bodiesCutAndFlagged();
    void bodyReadFromItsFileIsCopied();
    void noCredentialInFileOrMemory_data();
    void noCredentialInFileOrMemory();
    void toRequestReopensWithoutCredentials();
    void persistsAcrossReload();
    void savesAreDebounced();
    void clearEmptiesTheFile();
    void removeOneEntry();
    void search_data();
    void search();
    void memoryOnlyWithoutPath();
    void damagedFileSetAside_data();
    void damagedFileSetAside();
    void hostileEntries_data();
    void hostileEntries();
    void loadKeepsAtMostMaxEntries();

private:
    QString historyPath() const { return m_dir->filePath(u".postern/history.json"_s); }
    QByteArray fileBytes() const;
    static HttpResponse okResponse(const QByteArray &body = "{}");
    static HttpRequest getRequest(const QString &url);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_HistoryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<HttpResponse>();
}

void tst_HistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray tst_HistoryStore::fileBytes() const
{
    QFile file(historyPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

HttpResponse tst_HistoryStore::okResponse(const QByteArray &body)
{
    HttpResponse response;
    response.statusCode = 200;
    response.reasonPhrase = u"OK"_s;
    response.headers = { { "Content-Type", "application/json" } };
    response.body = body;
    response.elapsedMs = 42;
    response.timings.connectStarted = 0.5;
    response.timings.requestSent = 2.25;
    response.timings.headersReceived = 40.125;
    response.timings.finished = 41.75;
    return response;
}

HttpRequest tst_HistoryStore::getRequest(const QString &url)
{
    HttpRequest request;
    request.url = url;
    return request;
}

void tst_HistoryStore::recordsARealExchange()
{
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());
    server.setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = 201;
        reply.reason = "Created";
        reply.body = R"({"id":7})";
        return reply;
    });
    QNetworkAccessManager manager;
    HttpClient client(&manager);
    HttpRequest request;
    request.method = u"POST"_s;
    request.url = server.url(u"/items?x=1"_s).toString();
    request.headers = { { u"X-Trace"_s, u"abc"_s, true, {} } };
    request.body = R"({"name":"n"})";
    request.bodyContentType = u"application/json"_s;

    HttpCall *call = client.send(request);
    QSignalSpy finished(call, &HttpCall::finished);
    QVERIFY(finished.wait(10000));
    const HttpResponse response = finished.first().first().value<HttpResponse>();

    HistoryStore store(historyPath());
    QVERIFY(store.load());
    QSignalSpy changed(&store, &HistoryStore::changed);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    store.record(request, response);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.count(), 1);
    const HistoryEntry entry = store.entries().first();
    QCOMPARE(entry.request.method, u"POST"_s);
    QCOMPARE(entry.url, request.url);
    QCOMPARE(entry.request.headers.size(), 1);
    QCOMPARE(entry.request.body, request.body);
    QCOMPARE(entry.statusCode, 201);
    QCOMPARE(entry.statusText(), u"201 Created"_s);
    QCOMPARE(entry.responseBody, R"({"id":7})"_ba);
    QCOMPARE(entry.elapsedMs, response.elapsedMs);
    QVERIFY(response.timings.isKnown());
    QCOMPARE(entry.timings, response.timings);
    QCOMPARE(entry.toResponse().timings, response.timings);
    QCOMPARE(entry.sizeBytes, response.body.size() + response.headersSize());
    QCOMPARE(entry.when.timeSpec(), Qt::UTC);
    QVERIFY(entry.when >= before.addSecs(-1) && entry.when <= QDateTime::currentDateTimeUtc().addSecs(1));
    QVERIFY(!entry.id.isEmpty());
}

void tst_HistoryStore::newestFirstAndBounded()
{
    HistoryStore store(historyPath());
    QVERIFY(store.load());
    QCOMPARE(store.maxEntries(), HistoryStore::DefaultMaxEntries);
    store.setMaxEntries(3);
    for (int i = 1; i <= 5; ++i)
        store.record(getRequest(u"https://example.org/%1"_s.arg(i)), okResponse());
    QList<HistoryEntry> entries = store.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).url, u"https://example.org/5"_s);
    QCOMPARE(entries.at(2).url, u"https://example.org/3"_s);

    store.setMaxEntries(2);
    entries = store.entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).url, u"https://example.org/4"_s);
    store.setMaxEntries(-5);
    QCOMPARE(store.maxEntries(), 1);
    QCOMPARE(store.count(), 1);
}

void tst_HistoryStore::bodiesCutAndFlagged()
{
    HistoryStore store(historyPath());
    QVERIFY(store.load());
    QCOMPARE(store.maxBodyBytes(), HistoryStore::DefaultMaxBodyBytes);
    store.setMaxBodyBytes(10);
    HttpRequest request = getRequest(u"https://example.org/upload"_s);
    request.method = u"POST"_s;
    request.body = QByteArray(100, 'q');
    // "é" is two bytes in UTF-8: a cut through it would leave invalid text.
    store.record(request, okResponse("123456789\xc3\xa9 and more"));
    store.record(getRequest(u"https://example.org/small"_s), okResponse("tiny"));

    const HistoryEntry big = store.entries().at(1);
    QCOMPARE(big.request.body, QByteArray(10, 'q'));
    QVERIFY(big.requestBodyTruncated);
    QCOMPARE(big.responseBody, "123456789"_ba);
    QVERIFY(big.responseBodyTruncated);
    QCOMPARE(big.sizeBytes,
             okResponse("123456789\xc3\xa9 and more").body.size() + okResponse().headersSize());
    const HistoryEntry small = store.entries().at(0);
    QCOMPARE(small.responseBody, "tiny"_ba);
    QVERIFY(!small.responseBodyTruncated);
    QVERIFY(!small.requestBodyTruncated);

    // The flags and the cut bodies survive the file.
    QVERIFY(store.flush());
    HistoryStore reloaded(historyPath());
    QVERIFY(reloaded.load());
    QVERIFY(reloaded.entries().at(1).responseBodyTruncated);
    QVERIFY(reloaded.entries().at(1).requestBodyTruncated);
    QCOMPARE(reloaded.entries().at(1).responseBody, "123456789"_ba);
}

void tst_HistoryStore::bodyReadFromItsFileIsCopied()
{
    // A body the client kept in a file is read from that file, which goes with the last response that
    // holds it: the entry keeps bytes of its own. One only to be saved is counted, not kept.
    HistoryStore store(historyPath());
    QVERIFY(store.load());
    QTemporaryDir dir;
    const QByteArray json = "{\"result\":[{\"number\":\"INC0010001\"}]}";
    const QString path = dir.filePath(u"body"_s);
    QVERIFY(PosternRun::writeFile(path, json));
    {
        HttpResponse response = okResponse();
        response.bodyFile
            = std::make_shared<const SpooledBody>(path, json.size(), SpooledBody::Access::Mapped);
        response.body = response.bodyFile->bytes();
        QVERIFY(response.body == json);
        store.record(getRequest(u"https://example.org/mapped"_s), response);
    }
    QVERIFY(!QFile::exists(path));
    HistoryEntry entry = store.entries().at(0);
    QCOMPARE(entry.responseBody, json);
    QVERIFY(!entry.responseBodyTruncated);

    const QString saveOnly = dir.filePath(u"big"_s);
    QVERIFY(PosternRun::writeFile(saveOnly, QByteArray(5000, 'x')));
    HttpResponse over = okResponse();
    over.body.clear();
    over.bodyFile = std::make_shared<const SpooledBody>(saveOnly, 5000);
    store.record(getRequest(u"https://example.org/big"_s), over);
    entry = store.entries().at(0);
    QVERIFY(entry.responseBody.isEmpty());
    QCOMPARE(entry.sizeBytes, 5000 + over.headersSize());
}

void tst_HistoryStore::noCredentialInFileOrMemory_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<QStringList>("secrets");

    const QString base = u"https://api.example.org/v1/things"_s;
    {
        HttpRequest r = getRequest(base);
        r.headers = { { u"Authorization"_s, u"Bearer typed-secret-token"_s, true, {} },
                      { u"Accept"_s, u"application/json"_s, true, {} } };
        QTest::newRow("typed Authorization header") << r << QStringList { u"typed-secret-token"_s };
    }
    {
        HttpRequest r = getRequest(base);
        r.headers = { { u"  authorization "_s, u"Bearer disabled-row-secret"_s, false, {} } };
        QTest::newRow("disabled Authorization row, odd spelling")
            << r << QStringList { u"disabled-row-secret"_s };
    }
    {
        HttpRequest r = getRequest(base);
        r.headers = { { u"Proxy-Authorization"_s, u"Basic proxy-secret"_s, true, {} } };
        QTest::newRow("Proxy-Authorization header") << r << QStringList { u"proxy-secret"_s };
    }
    {
        HttpRequest r = getRequest(base);
        r.headers = { { u"Cookie"_s, u"session=cookie-secret"_s, true, {} } };
        QTest::newRow("Cookie header") << r << QStringList { u"cookie-secret"_s };
    }
    {
        HttpRequest r = getRequest(base);
        r.auth.type = AuthType::Basic;
        r.auth.username = u"alice"_s;
        r.auth.password = u"basic-password"_s;
        QTest::newRow("Basic auth")
            << r
            << QStringList { u"basic-password"_s, QString::fromLatin1("alice:basic-password"_ba.toBase64()) };
    }
    {
        HttpRequest r = getRequest(base);
        r.auth.type = AuthType::Bearer;
        r.auth.token = u"bearer-config-token"_s;
        QTest::newRow("Bearer auth") << r << QStringList { u"bearer-config-token"_s };
    }
    {
        HttpRequest r = getRequest(base + u"?page=2"_s);
        r.auth.type = AuthType::OAuth2;
        r.auth.token = u"oauth-query-token"_s;
        r.auth.oauth2InQuery = true;
        r.auth.oauth2.clientSecret = u"client-secret-value"_s;
        QTest::newRow("OAuth 2.0 token in the query")
            << r << QStringList { u"oauth-query-token"_s, u"client-secret-value"_s };
    }
    {
        HttpRequest r = getRequest(base + u"?Access_Token=typed-query-token&page=1"_s);
        QTest::newRow("access_token typed in the URL") << r << QStringList { u"typed-query-token"_s };
    }
    {
        HttpRequest r = getRequest(base + u"?access%5Ftoken=encoded-name-token"_s);
        QTest::newRow("access_token with an encoded name") << r << QStringList { u"encoded-name-token"_s };
    }
    {
        HttpRequest r = getRequest(u"https://cb.example.org/done#access_token=fragment-token&state=s"_s);
        QTest::newRow("access_token in the fragment") << r << QStringList { u"fragment-token"_s };
    }
    {
        HttpRequest r = getRequest(u"https://bob:userinfo-password@api.example.org/x?y=@z"_s);
        QTest::newRow("password in the URL's user info") << r << QStringList { u"userinfo-password"_s };
    }
}

void tst_HistoryStore::noCredentialInFileOrMemory()
{
    QFETCH(HttpRequest, request);
    QFETCH(QStringList, secrets);

    HistoryStore store(historyPath());
    QVERIFY(store.load());
    HttpResponse response = okResponse();
    response.headers.append(RawHeader("Set-Cookie", "sid=set-cookie-secret; HttpOnly"));
    secrets << u"set-cookie-secret"_s;
    store.record(request, response);
    QVERIFY(store.flush());

    const QByteArray bytes = fileBytes();
    QVERIFY(!bytes.isEmpty());
    const HistoryEntry entry = store.entries().first();
    const QByteArray memory = QJsonDocument(entry.toJson()).toJson()
        + QJsonDocument(entry.toRequest().toJson(OAuth2Config::Secrets::Include)).toJson();
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY2(!memory.contains(secret.toUtf8()), qPrintable(secret));
    }
    QVERIFY(!bytes.toLower().contains("\"authorization\""));
    QVERIFY(!bytes.toLower().contains("\"cookie\""));
    // What the user may still read: where the request went, with the token's place visible.
    QVERIFY(entry.url.contains(u"api.example.org"_s) || entry.url.contains(u"cb.example.org"_s));
    if (request.url.contains(u"token"_s, Qt::CaseInsensitive) || request.auth.oauth2InQuery)
        QVERIFY2(entry.url.contains(u"=****"_s), qPrintable(entry.url));
}

void tst_HistoryStore::toRequestReopensWithoutCredentials()
{
    HistoryStore store(historyPath());
    QVERIFY(store.load());
    HttpRequest sent = getRequest(u"https://api.example.org/items?access_token=t0ken&q=1"_s);
    sent.method = u"PUT"_s;
    sent.headers = { { u"Authorization"_s, u"Bearer x"_s, true, {} }, { u"X-Keep"_s, u"yes"_s, true, {} } };
    sent.body = "payload";
    sent.bodyContentType = u"text/plain"_s;
    sent.auth.type = AuthType::Basic;
    sent.auth.username = u"alice"_s;
    sent.auth.password = u"pw"_s;
    store.record(sent, okResponse());

    const HttpRequest reopened = store.entries().first().toRequest();
    QCOMPARE(reopened.method, u"PUT"_s);
    QCOMPARE(reopened.url, u"https://api.example.org/items?access_token=****&q=1"_s);
    QCOMPARE(reopened.headers.size(), 1);
    QCOMPARE(reopened.headers.first().key, u"X-Keep"_s);
    QCOMPARE(reopened.body, "payload"_ba);
    QCOMPARE(reopened.bodyContentType, u"text/plain"_s);
    QCOMPARE(reopened.auth.type, AuthType::Basic);
    QCOMPARE(reopened.auth.username, u"alice"_s);
    QVERIFY(reopened.auth.password.isEmpty());
}

void tst_HistoryStore::persistsAcrossReload()
{
    {
        HistoryStore store(historyPath());
        QVERIFY(store.load());
        store.record(getRequest(u"https://example.org/a"_s), okResponse("{\"a\":1}"));
        HttpResponse failed;
        failed.error = HttpResponse::Error::ConnectionRefused;
        failed.errorMessage = u"Connection refused"_s;
        store.record(getRequest(u"https://example.org/b"_s), failed);
        HttpResponse binary = okResponse(QByteArray("\x00\xff\xfe binary", 10));
        binary.url = QUrl(u"https://example.org/c/final"_s);
        store.record(getRequest(u"https://example.org/c"_s), binary);
    } // the destructor flushes
    QVERIFY(QFile::exists(historyPath()));

    HistoryStore store(historyPath());
    QVERIFY2(store.load(), qPrintable(store.loadError()));
    QVERIFY(store.loadError().isEmpty());
    const QList<HistoryEntry> entries = store.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).url, u"https://example.org/c"_s);
    QCOMPARE(entries.at(0).responseBody, QByteArray("\x00\xff\xfe binary", 10));
    QCOMPARE(entries.at(0).responseUrl, QUrl(u"https://example.org/c/final"_s));
    QCOMPARE(entries.at(1).statusCode, 0);
    QCOMPARE(entries.at(1).statusText(), u"Error"_s);
    QCOMPARE(entries.at(1).errorMessage, u"Connection refused"_s);
    QCOMPARE(entries.at(1).toResponse().error, HttpResponse::Error::Network);
    QVERIFY(!entries.at(1).timings.isKnown()); // nothing was measured: nothing is kept
    QCOMPARE(entries.at(2).statusCode, 200);
    QCOMPARE(entries.at(2).elapsedMs, 42);
    QCOMPARE(entries.at(2).timings, okResponse(QByteArray()).timings);
    QCOMPARE(entries.at(2).toResponse().timings.phases().constLast().ms, 41.75);
    QCOMPARE(entries.at(2).toResponse().header("content-type"), "application/json"_ba);
    QCOMPARE(entries.at(2).when.timeSpec(), Qt::UTC);
    QVERIFY(entries.at(2).when.isValid());
}

void tst_HistoryStore::savesAreDebounced()
{
    HistoryStore store(historyPath());
    QVERIFY(store.load());
    store.record(getRequest(u"https://example.org/1"_s), okResponse());
    store.record(getRequest(u"https://example.org/2"_s), okResponse());
    QVERIFY(store.hasPendingChanges());
    QVERIFY(!QFile::exists(historyPath())); // not on every record
    QTRY_VERIFY_WITH_TIMEOUT(!store.hasPendingChanges(), 5000);
    QVERIFY(fileBytes().contains("https://example.org/2"));
    // Owner-only: the file may hold private data.
    QCOMPARE(QFile::permissions(historyPath()) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void tst_HistoryStore::clearEmptiesTheFile()
{
    HistoryStore store(historyPath());
    QVERIFY(store.load());
    store.record(getRequest(u"https://example.org/secret-path"_s), okResponse());
    QVERIFY(store.flush());
    QSignalSpy changed(&store, &HistoryStore::changed);
    store.clear();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.count(), 0);
    QVERIFY(store.flush());
    QVERIFY(!fileBytes().contains("secret-path"));
    HistoryStore reloaded(historyPath());
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.count(), 0);
}

void tst_HistoryStore::removeOneEntry()
{
    HistoryStore store(historyPath());
    QVERIFY(store.load());
    const HistoryEntry first = store.record(getRequest(u"https://example.org/1"_s), okResponse());
    store.record(getRequest(u"https://example.org/2"_s), okResponse());
    QVERIFY(store.entry(first.id).has_value());
    QVERIFY(store.remove(first.id));
    QVERIFY(!store.remove(first.id));
    QVERIFY(!store.entry(first.id).has_value());
    QCOMPARE(store.count(), 1);
}

void tst_HistoryStore::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("urls");

    QTest::newRow("empty matches all")
        << u""_s
        << QStringList { u"https://down.example.net/"_s, u"https://example.org/users/1"_s,
                         u"https://example.org/users"_s };
    QTest::newRow("method, any case") << u"post"_s << QStringList { u"https://example.org/users"_s };
    QTest::newRow("status code") << u"404"_s << QStringList { u"https://example.org/users/1"_s };
    QTest::newRow("reason phrase") << u"not found"_s << QStringList { u"https://example.org/users/1"_s };
    QTest::newRow("transport failure") << u"error"_s << QStringList { u"https://down.example.net/"_s };
    QTest::newRow("part of the URL") << u"/users/"_s << QStringList { u"https://example.org/users/1"_s };
    QTest::newRow("surrounding spaces ignored")
        << u"  POST "_s << QStringList { u"https://example.org/users"_s };
    QTest::newRow("nothing") << u"nowhere"_s << QStringList {};
}

void tst_HistoryStore::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, urls);

    HistoryStore store({});
    QVERIFY(store.load());
    HttpRequest post = getRequest(u"https://example.org/users"_s);
    post.method = u"POST"_s;
    store.record(post, okResponse());
    HttpResponse notFound = okResponse();
    notFound.statusCode = 404;
    notFound.reasonPhrase = u"Not Found"_s;
    store.record(getRequest(u"https://example.org/users/1"_s), notFound);
    HttpResponse refused;
    refused.error = HttpResponse::Error::ConnectionRefused;
    store.record(getRequest(u"https://down.example.net/"_s), refused);

    QStringList found;
    const QList<HistoryEntry> results = store.search(text);
    for (const HistoryEntry &entry : results)
        found << entry.url;
    QCOMPARE(found, urls);
}

void tst_HistoryStore::memoryOnlyWithoutPath()
{
    HistoryStore store({});
    QVERIFY(store.load());
    store.record(getRequest(u"https://example.org/"_s), okResponse());
    QVERIFY(store.flush());
    QCOMPARE(store.count(), 1);
    QVERIFY(QDir(m_dir->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

void tst_HistoryStore::damagedFileSetAside_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<bool>("huge"); // a (sparse) file just past maxFileBytes() instead of contents
    QTest::addColumn<QString>("reason");

    QTest::newRow("garbage") << "\x89PNG\r\n\x1a\n\x00\x01"_ba << false << u"not valid JSON"_s;
    QTest::newRow("empty file") << QByteArray() << false << u"not valid JSON"_s;
    QTest::newRow("truncated") << R"({"format":"postern-history","version":1,"entries":[{"id":"a","req)"_ba
                               << false << u"not valid JSON"_s;
    QTest::newRow("an array, not an object") << "[1,2,3]"_ba << false << u"not a Postern history file"_s;
    QTest::newRow("another program's file")
        << R"({"format":"something-else","entries":[]})"_ba << false << u"not a Postern history file"_s;
    QTest::newRow("entries not a list") << R"({"format":"postern-history","version":1,"entries":{"a":1}})"_ba
                                        << false << u"not a Postern history file"_s;
    QTest::newRow("from a newer Postern")
        << R"({"format":"postern-history","version":99,"entries":[]})"_ba << false << u"newer version"_s;
    QTest::newRow("deeply nested") << QByteArray(100000, '[') << false << u"not valid JSON"_s;
    QTest::newRow("huge") << QByteArray() << true << u"larger than"_s;
}

void tst_HistoryStore::damagedFileSetAside()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, huge);
    QFETCH(QString, reason);

    QVERIFY(QDir().mkpath(QFileInfo(historyPath()).absolutePath()));
    {
        QFile file(historyPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (huge) // resize() leaves a sparse file: past the limit without writing it
            QVERIFY(file.resize(HistoryStore(historyPath()).maxFileBytes() + 1));
        else
            QCOMPARE(file.write(contents), contents.size());
    }

    HistoryStore store(historyPath());
    QSignalSpy changed(&store, &HistoryStore::changed);
    QVERIFY(!store.load());
    QCOMPARE(changed.size(), 1);
    QVERIFY2(store.loadError().contains(reason), qPrintable(store.loadError()));
    QVERIFY(store.loadError().contains(u"history starts empty"_s));
    QCOMPARE(store.count(), 0);
    QVERIFY(!QFile::exists(historyPath()));
    const QStringList aside = QDir(QFileInfo(historyPath()).absolutePath())
                                  .entryList({ u"history.json.broken-*"_s }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY(store.loadError().contains(aside.first()));
    if (!huge) {
        QFile kept(QFileInfo(historyPath()).absolutePath() + u'/' + aside.first());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), contents);
    }

    // History goes on in a fresh file.
    store.record(getRequest(u"https://example.org/after"_s), okResponse());
    QVERIFY(store.flush());
    HistoryStore reloaded(historyPath());
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.count(), 1);
}

void tst_HistoryStore::hostileEntries_data()
{
    QTest::addColumn<QByteArray>("entries"); // the JSON array of entries
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("reportsDropped");
    QTest::addColumn<QByteArray>("absent"); // must not be in any loaded entry

    const QByteArray request = R"("request":{"method":"GET","url":"https://example.org/"})";
    QTest::newRow("entries of the wrong type")
        << "[1, \"text\", null, [], true]"_ba << 0 << true << QByteArray();
    QTest::newRow("entry without id") << "[{" + request + "}]" << 0 << true << QByteArray();
    QTest::newRow("entry without request") << R"([{"id":"a"}])"_ba << 0 << true << QByteArray();
    QTest::newRow("duplicate ids") << R"([{"id":"a",)" + request + R"(},{"id":"a",)" + request + "}]" << 1
                                   << true << QByteArray();
    QTest::newRow("fields of the wrong type")
        << R"([{"id":"a","when":5,"url":["x"],"request":{"method":7,"url":{},"headers":"no","timeoutMs":"x"},)"
           R"("response":{"status":"200","elapsedMs":-5,"size":1e300,"headers":[["a"],{"b":1},["c","d"]],)"
           R"("body":{"base64":"%%%"}}}])"_ba
        << 1 << false << QByteArray();
    QTest::newRow("Authorization and Cookie written by hand")
        << R"([{"id":"a","url":"https://x.example/?access_token=hand-token","request":{"url":"https://x.example/",)"
           R"("headers":[{"key":"Authorization","value":"Bearer hand-secret"},{"key":"cookie","value":"s=hand-cookie"}]},)"
           R"("response":{"status":200,"headers":[["Set-Cookie","sid=hand-set-cookie"]]}}])"_ba
        << 1 << false << "hand-"_ba;
    QTest::newRow("body beyond the cap") << R"([{"id":"a",)" + request
            + R"(,"response":{"status":200,"body":{"text":")" + QByteArray(200000, 'b')
            + R"("}}}])" << 1 << false << QByteArray(65537, 'b');
    QTest::newRow("huge header value") << R"([{"id":"a",)" + request
            + R"(,"response":{"status":200,"headers":[["X-Big",")" + QByteArray(100000, 'h')
            + R"("]]}}])" << 1 << false << QByteArray(100000, 'h');
    QTest::newRow("huge id") << R"([{"id":")" + QByteArray(1000, 'i') + R"(",)" + request + "}]" << 0 << true
                             << QByteArray();
    QTest::newRow("status out of range")
        << R"([{"id":"a",)" + request + R"(,"response":{"status":70000}}])"_ba << 1 << false << QByteArray();
}

void tst_HistoryStore::hostileEntries()
{
    QFETCH(QByteArray, entries);
    QFETCH(int, count);
    QFETCH(bool, reportsDropped);
    QFETCH(QByteArray, absent);

    QVERIFY(QDir().mkpath(QFileInfo(historyPath()).absolutePath()));
    QFile file(historyPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"postern-history","version":1,"entries":)" + entries + "}");
    file.close();

    HistoryStore store(historyPath());
    QVERIFY2(store.load(), qPrintable(store.loadError()));
    QCOMPARE(store.count(), count);
    QCOMPARE(!store.loadError().isEmpty(), reportsDropped);
    for (const HistoryEntry &entry : store.entries()) {
        QVERIFY(entry.statusCode >= 0 && entry.statusCode <= 999);
        QVERIFY(entry.elapsedMs >= 0);
        QVERIFY(entry.responseBody.size() <= store.maxBodyBytes());
        if (!absent.isEmpty()) {
            const QByteArray json = QJsonDocument(entry.toJson()).toJson();
            QVERIFY(!json.contains(absent));
        }
    }
    // Written back, the file holds only what was accepted.
    store.record(getRequest(u"https://example.org/next"_s), okResponse());
    QVERIFY(store.flush());
    if (!absent.isEmpty())
        QVERIFY(!fileBytes().contains(absent));
}

void tst_HistoryStore::loadKeepsAtMostMaxEntries()
{
    {
        HistoryStore store(historyPath());
        QVERIFY(store.load());
        for (int i = 0; i < 20; ++i)
            store.record(getRequest(u"https://example.org/%1"_s.arg(i)), okResponse());
    }
    HistoryStore store(historyPath());
    store.setMaxEntries(5);
    QVERIFY(store.load());
    QCOMPARE(store.count(), 5);
    QCOMPARE(store.entries().first().url, u"https://example.org/19"_s);
    QVERIFY(store.loadError().isEmpty());
}

QTEST_GUILESS_MAIN(tst_HistoryStore)
#include "tst_historystore.moc"
