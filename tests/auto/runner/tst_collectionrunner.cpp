// CollectionRunner on its own, against the sandbox instance: what post-response scripts see as the
// request (the request as it went out), and what an exported report keeps out (credentials and
// secret values, even when a failing test quotes them).

#include "http/httpclient.h"
#include "runner/collectionrunner.h"
#include "sandbox/sandboxserver.h"
#include "scripting/scriptevents.h"

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
        "pm.test('quotes a secret', () => pm.expect(pm.environment.get('trace')).to.equal('x'));"_s);
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

QTEST_GUILESS_MAIN(tst_CollectionRunner)
#include "tst_collectionrunner.moc"
