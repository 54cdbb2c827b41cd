// CookieStore against a real loopback server: cookies a server sets are kept, sent back, survive a
// reload from the file, and go when deleted; damaged and hostile files and servers are refused.

#include "history/cookiestore.h"
#include "http/httpclient.h"
#include "shared/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpResponse)

class tst_CookieStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keptAndSentBack();
    void survivesReload();
    void sessionCookiesStayInMemoryWhenAsked();
    void deleteCookie();
    void serverDeletesWithMaxAgeZero();
    void clearByDomain();
    void expiredDroppedOnLoad();
    void savesAreDebounced();
    void managerTakesOwnership();
    void oversizedCookieRefused();
    void oldestGoPastTheDomainLimit();
    void cookiesSetByAResponse();
    void damagedFileSetAside_data();
    void damagedFileSetAside();
    void hostileCookieEntries_data();
    void hostileCookieEntries();

private:
    QString cookiePath() const { return m_dir->filePath(u".postern/cookies.json"_s); }
    // A jar on cookiePath(), loaded without complaint and given to manager, which then owns it;
    // nullptr (with the reason printed) when the load failed or reported anything.
    CookieStore *loadedJar(QNetworkAccessManager *manager);
    // loadedJar() after GET /login has set its two cookies ("session" and "theme"); nullptr otherwise.
    CookieStore *loggedInJar(QNetworkAccessManager *manager);
    // Sends GET path through a fresh client on manager and waits for the answer.
    HttpResponse get(QNetworkAccessManager *manager, const QString &path);
    QByteArray lastCookieHeader() const { return m_server->requests().last().header("Cookie"); }
    void writeFile(const QByteArray &contents);
    static QStringList names(const QList<QNetworkCookie> &cookies);
    // The names of the cookies a fresh jar reads from cookiePath(), or why it could not read them.
    QStringList namesInFile() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void tst_CookieStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<HttpResponse>();
}

void tst_CookieStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
    m_server->setHandler([](const TestHttpServer::Request &request) {
        TestHttpServer::Reply reply;
        if (request.target == "/login") {
            reply.headers.append(qMakePair("Set-Cookie"_ba, "session=abc123; Path=/; HttpOnly"_ba));
            reply.headers.append(qMakePair("Set-Cookie"_ba, "theme=dark; Max-Age=3600; Path=/"_ba));
        } else if (request.target == "/logout") {
            reply.headers.append(qMakePair("Set-Cookie"_ba, "session=; Max-Age=0; Path=/"_ba));
        } else if (request.target == "/huge") {
            reply.headers.append(
                qMakePair("Set-Cookie"_ba, "big=" + QByteArray(CookieStore::maxCookieBytes + 10, 'x')));
        }
        return reply;
    });
}

void tst_CookieStore::cleanup()
{
    m_server.reset();
}

HttpResponse tst_CookieStore::get(QNetworkAccessManager *manager, const QString &path)
{
    HttpClient client(manager);
    HttpRequest request;
    request.url = m_server->url(path).toString();
    HttpCall *call = client.send(request);
    QSignalSpy finished(call, &HttpCall::finished);
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<HttpResponse>();
}

CookieStore *tst_CookieStore::loadedJar(QNetworkAccessManager *manager)
{
    auto jar = std::make_unique<CookieStore>(cookiePath());
    if (!jar->load() || !jar->loadError().isEmpty()) {
        qWarning("%s", qPrintable(jar->loadError()));
        return nullptr;
    }
    manager->setCookieJar(jar.get());
    return jar.release();
}

CookieStore *tst_CookieStore::loggedInJar(QNetworkAccessManager *manager)
{
    CookieStore *jar = loadedJar(manager);
    if (!jar)
        return nullptr;
    get(manager, u"/login"_s);
    if (jar->cookies().size() != 2) {
        qWarning("login set %d cookies, not 2", int(jar->cookies().size()));
        return nullptr;
    }
    return jar;
}

void tst_CookieStore::writeFile(const QByteArray &contents)
{
    QVERIFY(QDir().mkpath(QFileInfo(cookiePath()).absolutePath()));
    QFile file(cookiePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(contents), contents.size());
}

QStringList tst_CookieStore::names(const QList<QNetworkCookie> &cookies)
{
    QStringList list;
    for (const QNetworkCookie &cookie : cookies)
        list << QString::fromUtf8(cookie.name());
    list.sort();
    return list;
}

QStringList tst_CookieStore::namesInFile() const
{
    CookieStore reloaded(cookiePath());
    if (!reloaded.load())
        return { u"(not loaded: %1)"_s.arg(reloaded.loadError()) };
    return names(reloaded.cookies());
}

void tst_CookieStore::keptAndSentBack()
{
    QNetworkAccessManager manager;
    auto *jar = loadedJar(&manager);
    QVERIFY(jar);
    QSignalSpy changed(jar, &CookieStore::changed);

    QCOMPARE(get(&manager, u"/login"_s).statusCode, 200);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(names(jar->cookies()), (QStringList { u"session"_s, u"theme"_s }));
    const QNetworkCookie session = jar->cookies().first();
    QCOMPARE(session.domain(), u"127.0.0.1"_s);
    QVERIFY(session.isHttpOnly());
    QVERIFY(session.isSessionCookie());

    QCOMPARE(get(&manager, u"/echo"_s).statusCode, 200);
    const QByteArray sent = lastCookieHeader();
    QVERIFY2(sent.contains("session=abc123"), sent.constData());
    QVERIFY2(sent.contains("theme=dark"), sent.constData());
}

void tst_CookieStore::survivesReload()
{
    {
        QNetworkAccessManager manager;
        QVERIFY(loggedInJar(&manager));
    } // the manager deletes the jar, which flushes
    QVERIFY(QFile::exists(cookiePath()));

    QNetworkAccessManager manager;
    auto *jar = loadedJar(&manager);
    QVERIFY(jar);
    // Session cookies are kept across restarts, as Postman does.
    QCOMPARE(names(jar->cookies()), (QStringList { u"session"_s, u"theme"_s }));
    get(&manager, u"/again"_s);
    QVERIFY(lastCookieHeader().contains("session=abc123"));
    QVERIFY(lastCookieHeader().contains("theme=dark"));
    for (const QNetworkCookie &cookie : jar->cookies()) {
        if (cookie.name() == "session") {
            QVERIFY(cookie.isHttpOnly());
            QVERIFY(cookie.isSessionCookie());
        } else {
            QVERIFY(!cookie.isSessionCookie());
            QVERIFY(cookie.expirationDate() > QDateTime::currentDateTimeUtc().addSecs(3000));
        }
    }
}

void tst_CookieStore::sessionCookiesStayInMemoryWhenAsked()
{
    {
        QNetworkAccessManager manager;
        auto *jar = loadedJar(&manager);
        QVERIFY(jar);
        jar->setPersistSessionCookies(false);
        get(&manager, u"/login"_s);
        QCOMPARE(jar->cookies().size(), 2);
        get(&manager, u"/echo"_s);
        QVERIFY(lastCookieHeader().contains("session=abc123")); // still sent in this session
        QVERIFY(jar->flush());
    }
    QFile file(cookiePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("abc123"));
    QCOMPARE(namesInFile(), QStringList { u"theme"_s });
}

void tst_CookieStore::deleteCookie()
{
    QNetworkAccessManager manager;
    auto *jar = loggedInJar(&manager);
    QVERIFY(jar);
    QSignalSpy changed(jar, &CookieStore::changed);
    QNetworkCookie session;
    for (const QNetworkCookie &cookie : jar->cookies()) {
        if (cookie.name() == "session")
            session = cookie;
    }
    QVERIFY(jar->deleteCookie(session));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!jar->deleteCookie(session));
    QCOMPARE(changed.size(), 1);

    get(&manager, u"/echo"_s);
    QVERIFY(!lastCookieHeader().contains("session"));
    QVERIFY(lastCookieHeader().contains("theme=dark"));
    QVERIFY(jar->flush());
    QCOMPARE(namesInFile(), QStringList { u"theme"_s });
}

void tst_CookieStore::serverDeletesWithMaxAgeZero()
{
    QNetworkAccessManager manager;
    auto *jar = loggedInJar(&manager);
    QVERIFY(jar);
    QSignalSpy changed(jar, &CookieStore::changed);
    get(&manager, u"/logout"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(names(jar->cookies()), QStringList { u"theme"_s });
}

void tst_CookieStore::clearByDomain()
{
    CookieStore jar(cookiePath());
    QVERIFY(jar.load());
    const auto add = [&jar](const char *name, const QString &domain) {
        QNetworkCookie cookie(name, "v");
        cookie.setDomain(domain);
        cookie.setPath(u"/"_s);
        QVERIFY(jar.insertCookie(cookie));
    };
    add("a", u".example.com"_s);
    add("b", u"api.example.com"_s);
    add("c", u"example.com"_s);
    add("d", u"notexample.com"_s);
    add("e", u"example.org"_s);

    QSignalSpy changed(&jar, &CookieStore::changed);
    QCOMPARE(jar.clear(u"example.com"_s), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(names(jar.cookies()), (QStringList { u"d"_s, u"e"_s }));
    QCOMPARE(jar.clear(u"example.com"_s), 0);
    QCOMPARE(changed.size(), 1);
    add("f", u"example.net"_s);
    changed.clear();
    // Several at once, one change; the value does not matter, name, domain and path do.
    QNetworkCookie d = jar.cookies().at(0);
    d.setValue("other");
    QCOMPARE(jar.deleteCookies({ d, jar.cookies().at(2) }), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(jar.deleteCookies({ d }), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(jar.clear(), 1);
    QVERIFY(jar.cookies().isEmpty());
    QVERIFY(jar.flush());
    QCOMPARE(namesInFile(), QStringList());
}

void tst_CookieStore::expiredDroppedOnLoad()
{
    const QString past = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs);
    const QString future = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs);
    writeFile(uR"({"format":"postern-cookies","version":1,"cookies":[
        {"name":"old","value":"1","domain":"example.com","path":"/","expires":"%1"},
        {"name":"fresh","value":"2","domain":"example.com","path":"/","expires":"%2"},
        {"name":"session","value":"3","domain":"example.com","path":"/"}]})"_s.arg(past, future)
                  .toUtf8());
    CookieStore jar(cookiePath());
    QVERIFY(jar.load());
    QVERIFY(jar.loadError().isEmpty()); // expiry is not damage
    QCOMPARE(names(jar.cookies()), (QStringList { u"fresh"_s, u"session"_s }));
}

void tst_CookieStore::savesAreDebounced()
{
    CookieStore jar(cookiePath());
    QVERIFY(jar.load());
    QNetworkCookie cookie("k", "v");
    cookie.setDomain(u"example.com"_s);
    cookie.setPath(u"/"_s);
    QVERIFY(jar.insertCookie(cookie));
    QVERIFY(jar.hasPendingChanges());
    QVERIFY(!QFile::exists(cookiePath()));
    QTRY_VERIFY_WITH_TIMEOUT(!jar.hasPendingChanges(), 5000);
    QVERIFY(QFile::exists(cookiePath()));
    // The file holds live credentials: owner-only.
    QCOMPARE(QFile::permissions(cookiePath()) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void tst_CookieStore::managerTakesOwnership()
{
    QObject keeper;
    QPointer<CookieStore> jar = new CookieStore({}, &keeper);
    {
        QNetworkAccessManager manager;
        manager.setCookieJar(jar);
        QCOMPARE(jar->parent(), &manager);
        jar->setParent(&keeper); // an owner that outlives the manager takes it back
    }
    QVERIFY(jar);
    {
        QNetworkAccessManager manager;
        manager.setCookieJar(jar);
    }
    QVERIFY(!jar); // left with the manager, it goes with the manager
}

void tst_CookieStore::oversizedCookieRefused()
{
    QNetworkAccessManager manager;
    auto *jar = loadedJar(&manager);
    QVERIFY(jar);
    QCOMPARE(get(&manager, u"/huge"_s).statusCode, 200);
    QVERIFY(jar->cookies().isEmpty());
}

void tst_CookieStore::oldestGoPastTheDomainLimit()
{
    CookieStore jar({});
    QVERIFY(jar.load());
    for (int i = 0; i < CookieStore::maxPerDomain + 20; ++i) {
        QNetworkCookie cookie("c" + QByteArray::number(i), "v");
        cookie.setDomain(i % 2 ? u".example.com"_s : u"example.com"_s);
        cookie.setPath(u"/"_s);
        jar.insertCookie(cookie);
    }
    QNetworkCookie other("other", "v");
    other.setDomain(u"example.org"_s);
    other.setPath(u"/"_s);
    jar.insertCookie(other);
    const QStringList kept = names(jar.cookies());
    QCOMPARE(kept.size(), CookieStore::maxPerDomain + 1);
    QVERIFY(!kept.contains(u"c0"_s));
    QVERIFY(!kept.contains(u"c19"_s));
    QVERIFY(kept.contains(u"c20"_s));
    QVERIFY(kept.contains(u"other"_s));
}

void tst_CookieStore::cookiesSetByAResponse()
{
    HttpResponse response;
    response.statusCode = 200;
    response.url = QUrl(u"https://api.example.com/v1/login"_s);
    response.headers = { { "Content-Type", "text/plain" },
                         { "set-cookie", "a=1; Path=/v1; Secure; HttpOnly; SameSite=Strict" },
                         // As Qt hands over repeated headers: joined with newlines.
                         { "Set-Cookie", "b=2; Domain=example.com; Max-Age=60\nc=3" } };
    const QList<QNetworkCookie> cookies = CookieStore::cookiesSetBy(response);
    QCOMPARE(cookies.size(), 3);
    QCOMPARE(cookies.at(0).name(), "a"_ba);
    QCOMPARE(cookies.at(0).path(), u"/v1"_s);
    QCOMPARE(cookies.at(0).domain(), u"api.example.com"_s);
    QVERIFY(cookies.at(0).isSecure());
    QVERIFY(cookies.at(0).isHttpOnly());
    QCOMPARE(cookies.at(0).sameSitePolicy(), QNetworkCookie::SameSite::Strict);
    QCOMPARE(cookies.at(1).domain(), u".example.com"_s);
    QVERIFY(!cookies.at(1).isSessionCookie());
    QCOMPARE(cookies.at(2).value(), "3"_ba);
    QCOMPARE(cookies.at(2).path(),
             u"/v1/"_s); // the default path: the request path's directory, as Qt spells it

    HttpResponse none;
    none.headers = { { "Set-Cookie", ";;;" }, { "X-Other", "a=b" } };
    QVERIFY(CookieStore::cookiesSetBy(none).isEmpty());
}

void tst_CookieStore::damagedFileSetAside_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<bool>("huge");
    QTest::addColumn<QString>("reason");

    QTest::newRow("garbage") << "\x00\x01\x02garbage"_ba << false << u"not valid JSON"_s;
    QTest::newRow("truncated") << R"({"format":"postern-cookies","version":1,"cookies":[{"name":"a)"_ba
                               << false << u"not valid JSON"_s;
    QTest::newRow("a list, not an object") << "[]"_ba << false << u"not a Postern cookie file"_s;
    QTest::newRow("history file instead") << R"({"format":"postern-history","version":1,"entries":[]})"_ba
                                          << false << u"not a Postern cookie file"_s;
    QTest::newRow("cookies not a list") << R"({"format":"postern-cookies","version":1,"cookies":"a=b"})"_ba
                                        << false << u"not a Postern cookie file"_s;
    QTest::newRow("from a newer Postern")
        << R"({"format":"postern-cookies","version":2,"cookies":[]})"_ba << false << u"newer version"_s;
    QTest::newRow("huge") << QByteArray() << true << u"larger than"_s;
}

void tst_CookieStore::damagedFileSetAside()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, huge);
    QFETCH(QString, reason);

    writeFile(contents);
    if (huge) {
        QFile file(cookiePath());
        QVERIFY(file.resize(CookieStore::maxFileBytes + 1)); // sparse
    }
    CookieStore jar(cookiePath());
    QVERIFY(!jar.load());
    QVERIFY2(jar.loadError().contains(reason), qPrintable(jar.loadError()));
    QVERIFY(jar.loadError().contains(u"starts empty"_s));
    QVERIFY(jar.cookies().isEmpty());
    QVERIFY(!QFile::exists(cookiePath()));
    const QStringList aside
        = QDir(QFileInfo(cookiePath()).absolutePath()).entryList({ u"cookies.json.broken-*"_s }, QDir::Files);
    QCOMPARE(aside.size(), 1);

    QNetworkCookie cookie("k", "v");
    cookie.setDomain(u"example.com"_s);
    cookie.setPath(u"/"_s);
    QVERIFY(jar.insertCookie(cookie));
    QVERIFY(jar.flush());
    QCOMPARE(namesInFile().size(), 1);
}

void tst_CookieStore::hostileCookieEntries_data()
{
    QTest::addColumn<QByteArray>("cookies");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<bool>("reportsDropped");

    const QByteArray good = R"({"name":"good","value":"1","domain":"example.com","path":"/"})";
    QTest::newRow("wrong types") << "[1, null, \"a=b\", [], " + good + "]" << QStringList { u"good"_s }
                                 << true;
    QTest::newRow("missing name") << R"([{"value":"1","domain":"example.com","path":"/"}, )" + good + "]"
                                  << QStringList { u"good"_s } << true;
    QTest::newRow("missing domain") << R"([{"name":"x","value":"1","path":"/"}, )" + good + "]"
                                    << QStringList { u"good"_s } << true;
    QTest::newRow("damaged base64")
        << R"([{"nameBase64":"%%%","value":"1","domain":"example.com","path":"/"}, )" + good + "]"
        << QStringList { u"good"_s } << true;
    QTest::newRow("binary value as base64")
        << R"([{"name":"bin","valueBase64":"AP8=","domain":"example.com","path":"/"}])"_ba
        << QStringList { u"bin"_s } << false;
    QTest::newRow("unreadable expiry")
        << R"([{"name":"x","value":"1","domain":"a.b","path":"/","expires":"soon"}, )" + good + "]"
        << QStringList { u"good"_s } << true;
    QTest::newRow("value too long") << R"([{"name":"x","value":")"
            + QByteArray(CookieStore::maxCookieBytes, 'v') + R"(","domain":"example.com","path":"/"}, )"
            + good + "]" << QStringList { u"good"_s }
                                    << true;
    QTest::newRow("duplicates: the last wins")
        << R"([{"name":"d","value":"first","domain":"example.com","path":"/"},)"
           R"({"name":"d","value":"last","domain":"example.com","path":"/"}])"_ba
        << QStringList { u"d"_s } << false;
}

void tst_CookieStore::hostileCookieEntries()
{
    QFETCH(QByteArray, cookies);
    QFETCH(QStringList, kept);
    QFETCH(bool, reportsDropped);

    writeFile(R"({"format":"postern-cookies","version":1,"cookies":)" + cookies + "}");
    CookieStore jar(cookiePath());
    QVERIFY2(jar.load(), qPrintable(jar.loadError()));
    QCOMPARE(names(jar.cookies()), kept);
    QCOMPARE(!jar.loadError().isEmpty(), reportsDropped);
    if (kept == QStringList { u"d"_s })
        QCOMPARE(jar.cookies().first().value(), "last"_ba);
    if (kept == QStringList { u"bin"_s })
        QCOMPARE(jar.cookies().first().value(), QByteArray("\x00\xff", 2));
}

QTEST_GUILESS_MAIN(tst_CookieStore)
#include "tst_cookiestore.moc"
