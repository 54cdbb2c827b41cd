// CollectionRunner on its own, against the sandbox instance: what post-response scripts see as the
// request (the request as it went out), and what an exported report keeps out (credentials and
// secret values, even when a failing test quotes them and a script unsets them afterwards); Cancel
// during a request.

#include "http/httpclient.h"
#include "runner/collectionrunner.h"
#include "sandbox/sandboxserver.h"
#include "scripting/scriptevents.h"
#include "shared/testhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_CollectionRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scriptsSeeTheRequestSent();
    void cancelStopsTheRequestOnItsWay();
    void planOfAFolderAndAnOrder();
    void shardsShareTheIterations();

private:
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    HttpClient m_client { &m_network };
};

void tst_CollectionRunner::initTestCase()
{
    qRegisterMetaType<RunReport>();
    qputenv("POSTERN_SCRIPT_WORKER", POSTERN_SCRIPT_WORKER_PATH);
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
}

void tst_CollectionRunner::scriptsSeeTheRequestSent()
{
    Collection collection = Collection::make(u"Sent"_s);
    collection.auth.type = AuthType::Basic;
    collection.auth.username = u"admin"_s;
    collection.auth.password = u"admin"_s;
    collection.variables = { Variable { u"table"_s, u"incident"_s, true, false, QString() } };
    HttpRequest request;
    request.url = u"{{baseUrl}}/api/now/table/{{table}}?sysparm_limit=1"_s;
    request.headers = { KeyValue { u"X-Trace"_s, u"{{trace}}"_s, true, QString() } };
    request.auth.type = AuthType::Inherit;
    request.scripts = ScriptEvents::withText(
        QJsonArray(), ScriptEvent::Test,
        u"pm.test('url', () => pm.expect(pm.request.url.toString()).to.equal(pm.environment.get('baseUrl') + "
        "'/api/now/table/incident?sysparm_limit=1'));"
        "pm.test('headers', () => { pm.request.to.have.header('Host'); "
        "pm.request.to.have.header('User-Agent');"
        " pm.expect(pm.request.headers.get('X-Trace')).to.equal('t-1');"
        " pm.expect(pm.request.headers.get('Authorization')).to.match(/^Basic /); });"
        "pm.test('quotes the credentials', () => "
        "pm.expect(pm.request.headers.get('Authorization')).to.equal('x'));"
        "pm.test('quotes a secret', () => pm.expect(pm.environment.get('trace')).to.equal('x'));"
        "pm.environment.unset('trace');"_s); // gone at the end of the run: still masked where it was quoted
    collection.items.append(CollectionItem::makeRequest(u"One"_s, request));
    Environment environment = Environment::make(u"Sandbox"_s);
    environment.variables
        = { Variable { u"baseUrl"_s, m_sandbox->baseUrl().toString(), true, false, QString() },
            Variable { u"trace"_s, u"t-1"_s, true, true, QString() } };

    CollectionRunner runner(CollectionRunner::senderFor(&m_client), &m_client);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    QVERIFY(runner.start(collection, environment, {}, RunOptions()));
    QVERIFY(finished.wait(60000));
    const RunExecution execution = runner.report().executions.value(0);
    QCOMPARE(execution.status, 200);
    QStringList outcomes;
    for (const ScriptTest &test : execution.tests)
        outcomes << test.name + u": "_s + scriptTestOutcomeName(test.outcome);
    QCOMPARE(outcomes,
             QStringList({ u"url: passed"_s, u"headers: passed"_s, u"quotes the credentials: failed"_s,
                           u"quotes a secret: failed"_s }));
    const QString basic = u"Basic "_s + QString::fromLatin1(QByteArray("admin:admin").toBase64());
    QVERIFY2(execution.tests.at(2).message.contains(basic), qPrintable(execution.tests.at(2).message));

    const QByteArray exported = QJsonDocument(runner.report().toJson(runner.secretValues())).toJson();
    QVERIFY2(!exported.contains(basic.toLatin1()), exported.constData());
    QVERIFY2(!exported.contains("YWRtaW46YWRtaW4="), exported.constData());
    QVERIFY2(!exported.contains("t-1"), exported.constData());
    QVERIFY(exported.contains("****"));
}

// Cancel while a request waits for an answer that never comes (and no time limit): the request is
// stopped and the run ends at once, saying it was canceled.
void tst_CollectionRunner::cancelStopsTheRequestOnItsWay()
{
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());
    server.setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply never;
        never.silent = true;
        return never;
    });
    Collection collection = Collection::make(u"Slow"_s);
    HttpRequest request;
    request.url = server.url(u"/never"_s).toString();
    request.timeoutMs = 0;
    request.scripts
        = ScriptEvents::withText(QJsonArray(), ScriptEvent::Test, u"pm.test('never', () => {});"_s);
    collection.items.append(CollectionItem::makeRequest(u"Never answered"_s, request));
    collection.items.append(CollectionItem::makeRequest(u"Never sent"_s, request));

    CollectionRunner runner(CollectionRunner::senderFor(&m_client), &m_client);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    QSignalSpy received(&server, &TestHttpServer::requestReceived);
    QVERIFY(runner.start(collection, Environment(), {}, RunOptions()));
    QVERIFY(received.wait(10000));
    runner.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(!runner.isRunning());
    QVERIFY(runner.report().canceled);
    QCOMPARE(runner.report().stoppedBecause, u"Canceled."_s);
    QVERIFY(runner.report().executions.isEmpty());
    QCOMPARE(server.requests().size(), 1);
}

// What a run sends per iteration: everything in the collection's order (nested folders depth first),
// one folder's requests (Run Folder), or the ticked requests in the order of the list.
void tst_CollectionRunner::planOfAFolderAndAnOrder()
{
    Collection collection = Collection::make(u"Plan"_s);
    CollectionItem outer = CollectionItem::makeFolder(u"Outer"_s);
    CollectionItem inner = CollectionItem::makeFolder(u"Inner"_s);
    inner.children = { CollectionItem::makeRequest(u"c"_s, {}) };
    outer.children = { CollectionItem::makeRequest(u"b"_s, {}), inner };
    collection.items = { CollectionItem::makeRequest(u"a"_s, {}), outer,
                         CollectionItem::makeFolder(u"Empty"_s), CollectionItem::makeRequest(u"d"_s, {}) };
    auto names = [&](const RunOptions &options) {
        QStringList list;
        for (const auto &[id, name] : CollectionRunner::plan(collection, options))
            list << name;
        return list;
    };
    QCOMPARE(names(RunOptions()), QStringList({ u"a"_s, u"b"_s, u"c"_s, u"d"_s }));
    RunOptions folder;
    folder.folderId = outer.id;
    QCOMPARE(names(folder), QStringList({ u"b"_s, u"c"_s }));
    folder.folderId = inner.id;
    QCOMPARE(names(folder), QStringList({ u"c"_s }));
    RunOptions ordered;
    ordered.requestIds
        = { collection.items.at(3).id, inner.children.constFirst().id, collection.items.at(0).id };
    QCOMPARE(names(ordered), QStringList({ u"d"_s, u"c"_s, u"a"_s }));
    ordered.folderId = outer.id; // ticked, but outside the folder: left out
    QCOMPARE(names(ordered), QStringList({ u"c"_s }));
}

// --shard i/n: the shares of a data-driven run are disjoint and cover every iteration, each with its
// own data row and its iteration number of the whole run.
void tst_CollectionRunner::shardsShareTheIterations()
{
    Collection collection = Collection::make(u"Shards"_s);
    HttpRequest request;
    request.url = m_sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=1"_s;
    request.auth.type = AuthType::Basic;
    request.auth.username = u"admin"_s;
    request.auth.password = u"admin"_s;
    request.scripts = ScriptEvents::withText(
        QJsonArray(), ScriptEvent::Test,
        u"pm.test(pm.info.iteration + '/' + pm.info.iterationCount + ' ' + pm.iterationData.get('row'), () => {});"_s);
    collection.items.append(CollectionItem::makeRequest(u"One"_s, request));
    RunOptions options;
    for (int row = 0; row < 7; ++row)
        options.data.append(QJsonObject { { u"row"_s, u"r%1"_s.arg(row) } });

    QStringList all;
    for (const int count : { 1, 3, 9 }) {
        QStringList together;
        for (int index = 0; index < count; ++index) {
            options.shardIndex = index;
            options.shardCount = count;
            CollectionRunner runner(CollectionRunner::senderFor(&m_client), &m_client);
            QSignalSpy started(&runner, &CollectionRunner::started);
            QSignalSpy finished(&runner, &CollectionRunner::finished);
            QVERIFY(runner.start(collection, Environment(), {}, options));
            QVERIFY(finished.wait(60000));
            QCOMPARE(started.constFirst().at(1).toInt(), options.shardIterationCount());
            QStringList mine;
            for (const RunExecution &execution : runner.report().executions) {
                QCOMPARE(execution.iteration % count, index);
                mine << execution.tests.value(0).name;
            }
            QCOMPARE(mine.size(), options.shardIterationCount());
            for (const QString &name : std::as_const(mine))
                QVERIFY2(!together.contains(name), qPrintable(name)); // disjoint
            together += mine;
        }
        together.sort();
        if (all.isEmpty())
            all = together;
        QCOMPARE(together, all); // every share together: the whole run, whatever n
    }
    QCOMPARE(all,
             QStringList({ u"0/7 r0"_s, u"1/7 r1"_s, u"2/7 r2"_s, u"3/7 r3"_s, u"4/7 r4"_s, u"5/7 r5"_s,
                           u"6/7 r6"_s }));
}

QTEST_GUILESS_MAIN(tst_CollectionRunner)
#include "tst_collectionrunner.moc"
