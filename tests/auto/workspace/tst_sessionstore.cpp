#include "workspace/sessionstore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

// session.json and drafts/: round trips, damaged files set aside without losing the rest, and tab
// ids that would reach outside the folder.
class tst_SessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sessionRoundTrip();
    void missingSessionIsEmpty();
    void draftRoundTrip();
    void corruptSessionSetAside_data();
    void corruptSessionSetAside();
    void corruptDraftSetAside_data();
    void corruptDraftSetAside();
    void unsafeTabIdsRefused_data();
    void unsafeTabIdsRefused();
    void hostileSessionContents();
};

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

Session sampleSession()
{
    Session session;
    session.tabs = { { u"tab-1"_s, u"collection-1"_s, u"item-1"_s, u"Get orders"_s },
                     { u"tab-2"_s, QString(), QString(), u"Untitled"_s } };
    session.currentTabId = u"tab-2"_s;
    session.environmentId = u"env-1"_s;
    session.windowGeometry = QByteArray("\x01\x02\xff geometry", 12);
    session.windowState = QByteArray("state\x00\x01", 7);
    session.splitterState = "splitter";
    return session;
}

HttpRequest sampleRequest()
{
    HttpRequest request;
    request.method = u"PATCH"_s;
    request.url = u"https://{{host}}/orders/1"_s;
    request.headers = { { u"X-Draft"_s, u"yes"_s, true, {} } };
    request.body = "{\"status\": \"shipped\"}";
    request.bodyContentType = u"application/json"_s;
    request.auth.type = AuthType::Basic;
    request.auth.username = u"me"_s;
    request.auth.password = u"CANARY-draft-password"_s;
    return request;
}

} // namespace

void tst_SessionStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_SessionStore::sessionRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SessionStore store(dir.filePath(u".postern"_s));
    const Session session = sampleSession();
    QCOMPARE(store.save(session), QString());
    QStringList messages;
    const Session back = store.load(&messages);
    QVERIFY(messages.isEmpty());
    QCOMPARE(back.tabs.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(back.tabs.at(i).id, session.tabs.at(i).id);
        QCOMPARE(back.tabs.at(i).collectionId, session.tabs.at(i).collectionId);
        QCOMPARE(back.tabs.at(i).itemId, session.tabs.at(i).itemId);
        QCOMPARE(back.tabs.at(i).title, session.tabs.at(i).title);
    }
    QCOMPARE(back.currentTabId, session.currentTabId);
    QCOMPARE(back.environmentId, session.environmentId);
    QCOMPARE(back.windowGeometry, session.windowGeometry);
    QCOMPARE(back.windowState, session.windowState);
    QCOMPARE(back.splitterState, session.splitterState);
    QCOMPARE(back.toJson(), session.toJson());
}

void tst_SessionStore::missingSessionIsEmpty()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SessionStore store(dir.filePath(u"nothing-here"_s));
    QStringList messages;
    const Session session = store.load(&messages);
    QVERIFY(messages.isEmpty());
    QVERIFY(session.tabs.isEmpty());
    QVERIFY(store.draftIds().isEmpty());
    QVERIFY(!store.loadDraft(u"tab-1"_s, &messages).has_value());
    QVERIFY(messages.isEmpty());
}

void tst_SessionStore::draftRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SessionStore store(dir.path());
    const HttpRequest request = sampleRequest();
    QCOMPARE(store.saveDraft(u"tab-1"_s, request), QString());
    QCOMPARE(store.saveDraft(u"tab-2"_s, HttpRequest()), QString());
    QCOMPARE(store.draftPath(u"tab-1"_s), dir.filePath(u"drafts/tab-1.json"_s));
    QStringList ids = store.draftIds();
    ids.sort();
    QCOMPARE(ids, (QStringList { u"tab-1"_s, u"tab-2"_s }));

    QStringList messages;
    const std::optional<HttpRequest> back = store.loadDraft(u"tab-1"_s, &messages);
    QVERIFY(messages.isEmpty());
    QVERIFY(back.has_value());
    QCOMPARE(back->toJson(), request.toJson());
    QCOMPARE(back->auth.password, QString()); // drafts hold no secrets
    QFile file(store.draftPath(u"tab-1"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("CANARY-draft-password"));

    // Saving again replaces; removing removes.
    HttpRequest edited = request;
    edited.url = u"https://{{host}}/orders/2"_s;
    QCOMPARE(store.saveDraft(u"tab-1"_s, edited), QString());
    QCOMPARE(store.loadDraft(u"tab-1"_s, &messages)->url, edited.url);
    store.removeDraft(u"tab-1"_s);
    QVERIFY(!store.loadDraft(u"tab-1"_s, &messages).has_value());
    QCOMPARE(store.draftIds(), QStringList { u"tab-2"_s });
    QVERIFY(messages.isEmpty());
}

void tst_SessionStore::corruptSessionSetAside_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("garbage") << QByteArray("\x00\x01 not json", 11);
    QTest::newRow("truncated") << QByteArray(R"({"postern": "session", "tabs": [)");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("an array") << QByteArray("[1, 2]");
    QTest::newRow("a draft") << QByteArray(R"({"postern": "draft"})");
}

void tst_SessionStore::corruptSessionSetAside()
{
    QFETCH(QByteArray, data);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SessionStore store(dir.path());
    QCOMPARE(store.saveDraft(u"tab-1"_s, sampleRequest()), QString());
    QVERIFY(writeFile(dir.filePath(u"session.json"_s), data));

    QStringList messages;
    const Session session = store.load(&messages);
    QVERIFY(session.tabs.isEmpty());
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().contains(u"session.json"_s), qPrintable(messages.first()));
    const QStringList kept = QDir(dir.path()).entryList({ u"session.json.broken-*"_s }, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QVERIFY2(messages.first().contains(kept.first()), qPrintable(messages.first()));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"session.json"_s)));
    // The drafts are still there to be reopened.
    QCOMPARE(store.draftIds(), QStringList { u"tab-1"_s });
    QVERIFY(store.loadDraft(u"tab-1"_s, &messages).has_value());
    QCOMPARE(messages.size(), 1);

    // Next time: no session, no message; a new save works.
    messages.clear();
    store.load(&messages);
    QVERIFY(messages.isEmpty());
    QCOMPARE(store.save(sampleSession()), QString());
    QCOMPARE(store.load(&messages).tabs.size(), 2);
}

void tst_SessionStore::corruptDraftSetAside_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("garbage") << QByteArray("garbage");
    QTest::newRow("truncated") << QByteArray(R"({"postern": "draft", "request": {"url": )");
    QTest::newRow("a session") << QByteArray(R"({"postern": "session"})");
    QTest::newRow("empty") << QByteArray();
}

void tst_SessionStore::corruptDraftSetAside()
{
    QFETCH(QByteArray, data);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SessionStore store(dir.path());
    QCOMPARE(store.saveDraft(u"good"_s, sampleRequest()), QString());
    QVERIFY(writeFile(store.draftPath(u"bad"_s), data));

    QStringList messages;
    QVERIFY(!store.loadDraft(u"bad"_s, &messages).has_value());
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().contains(u"bad.json"_s), qPrintable(messages.first()));
    const QStringList kept
        = QDir(dir.filePath(u"drafts"_s)).entryList({ u"bad.json.broken-*"_s }, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QVERIFY2(messages.first().contains(kept.first()), qPrintable(messages.first()));
    // The other draft is untouched, and the bad one is no longer listed.
    QCOMPARE(store.draftIds(), QStringList { u"good"_s });
    messages.clear();
    QCOMPARE(store.loadDraft(u"good"_s, &messages)->url, sampleRequest().url);
    QVERIFY(messages.isEmpty());
}

void tst_SessionStore::unsafeTabIdsRefused_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("parent folder") << u"../x"_s;
    QTest::newRow("absolute path") << u"/tmp/x"_s;
    QTest::newRow("subfolder") << u"a/b"_s;
    QTest::newRow("backslash") << u"..\\x"_s;
    QTest::newRow("dot dot") << u".."_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("too long") << QString(65, u'a');
    QTest::newRow("nul") << u"a\u0000b"_s;
}

void tst_SessionStore::unsafeTabIdsRefused()
{
    QFETCH(QString, id);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stateDir = dir.filePath(u"state"_s);
    const SessionStore store(stateDir);
    QVERIFY(!store.saveDraft(id, sampleRequest()).isEmpty());
    // Nothing written anywhere in or next to the state folder.
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    QStringList messages;
    QVERIFY(!store.loadDraft(id, &messages).has_value());
    store.removeDraft(id);

    // A file planted where "../x" would point is neither read nor removed.
    QVERIFY(writeFile(dir.filePath(u"x.json"_s), R"({"postern": "draft", "request": {"url": "planted"}})"));
    QVERIFY(!store.loadDraft(u"../x"_s, &messages).has_value());
    store.removeDraft(u"../../x"_s);
    store.removeDraft(u"../x"_s);
    QVERIFY(QFileInfo::exists(dir.filePath(u"x.json"_s)));
    QVERIFY(messages.isEmpty());
}

void tst_SessionStore::hostileSessionContents()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SessionStore store(dir.path());
    // Tabs with unsafe ids are dropped, wrong types read as empty, and the list is capped.
    QByteArray data
        = R"({"postern": "session", "currentTab": 5, "windowGeometry": "!!not base64!!", "tabs": [)";
    data += R"({"id": "../evil"}, 7, "x", {"id": "ok-1", "title": 12}, )";
    for (int i = 0; i < 2000; ++i)
        data += R"({"id": "t)" + QByteArray::number(i) + R"("},)";
    data += R"({"id": "last"}]})";
    QVERIFY(writeFile(dir.filePath(u"session.json"_s), data));
    QStringList messages;
    const Session session = store.load(&messages);
    QVERIFY(messages.isEmpty());
    QVERIFY(session.tabs.size() <= 500);
    QCOMPARE(session.tabs.first().id, u"ok-1"_s);
    QCOMPARE(session.tabs.first().title, QString());
    for (const SessionTab &tab : session.tabs)
        QVERIFY(!tab.id.contains(u'/'));
    QCOMPARE(session.currentTabId, QString());
}

QTEST_GUILESS_MAIN(tst_SessionStore)
#include "tst_sessionstore.moc"
