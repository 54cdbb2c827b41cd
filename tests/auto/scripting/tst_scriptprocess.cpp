// ScriptProcess: scripts run in postern-script-worker. Tests, console lines and variables come back as
// in-process; pm.sendRequest goes out through the application's client; a script that brings the
// engine down, or a worker that is not there, ends the batch with one clear failure, and the next
// batch runs in a new worker.

#include "http/httpclient.h"
#include "scripting/scriptengine.h"
#include "scripting/scriptprocess.h"
#include "shared/testhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QJsonArray scope(const QString &key, const QString &value)
{
    return { QJsonObject { { u"key"_s, key }, { u"value"_s, value }, { u"enabled"_s, true } } };
}

} // namespace

class tst_ScriptProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testsAndVariablesComeBack_data();
    void testsAndVariablesComeBack();
    void sendRequestThroughTheApplication();
    void engineCrashIsAFailure();
    void missingWorker();

private:
    ScriptOutcome run(ScriptProcess &process, const QString &code, QSignalSpy *tests = nullptr);

    QNetworkAccessManager m_network;
    HttpClient m_client { &m_network };
};

void tst_ScriptProcess::initTestCase()
{
    ScriptEngine::registerInProcess(); // for the rows that run in this process
    qRegisterMetaType<ScriptOutcome>();
    qRegisterMetaType<ScriptTest>();
    qputenv("POSTERN_SCRIPT_WORKER", POSTERN_SCRIPT_WORKER_PATH);
}

ScriptOutcome tst_ScriptProcess::run(ScriptProcess &process, const QString &code, QSignalSpy *tests)
{
    ScriptInput input;
    input.event = ScriptEvent::Test;
    input.requestName = u"Worker"_s;
    input.scripts = { { u"the request \u201cWorker\u201d"_s, code } };
    HttpResponse response;
    response.statusCode = 200;
    response.reasonPhrase = u"OK"_s;
    response.body = R"({"n":1})";
    input.response = response;
    input.scopes.environment = scope(u"kept"_s, u"yes"_s);
    QSignalSpy finished(&process, &ScriptProcess::finished);
    Q_UNUSED(tests);
    if (!process.run(input))
        return {};
    if (!finished.wait(120000))
        return {};
    return finished.constFirst().constFirst().value<ScriptOutcome>();
}

void tst_ScriptProcess::testsAndVariablesComeBack_data()
{
    QTest::addColumn<ScriptProcess::Isolation>("isolation");
    QTest::newRow("worker") << ScriptProcess::Isolation::Worker;
    QTest::newRow("in process") << ScriptProcess::Isolation::InProcess;
}

void tst_ScriptProcess::testsAndVariablesComeBack()
{
    QFETCH(ScriptProcess::Isolation, isolation);
    ScriptProcess process(&m_client);
    process.setIsolation(isolation);
    QCOMPARE(process.workerPath(), QStringLiteral(POSTERN_SCRIPT_WORKER_PATH));
    QSignalSpy tests(&process, &ScriptProcess::testFinished);
    const ScriptOutcome outcome = run(process,
                                      u"pm.test('n is 1', () => pm.expect(pm.response.json().n).to.equal(1));"
                                      "pm.test('n is 2', () => pm.expect(pm.response.json().n).to.equal(2));"
                                      "console.warn('seen'); pm.environment.set('token', 'abc');"_s);
    QVERIFY(outcome.failures.isEmpty());
    QCOMPARE(outcome.tests.size(), 2);
    QCOMPARE(outcome.tests.at(1).message, u"expected 1 to equal 2"_s);
    QCOMPARE(tests.size(), 2);
    QCOMPARE(outcome.console.size(), 1);
    QCOMPARE(outcome.console.constFirst().level, u"warn"_s);
    QCOMPARE(outcome.scopes.environment.size(), 2);
    QCOMPARE(outcome.scopes.environment.at(1).toObject().value(u"value"_s).toString(), u"abc"_s);
}

void tst_ScriptProcess::sendRequestThroughTheApplication()
{
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());
    server.setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body = R"({"access_token":"t-1"})";
        return reply;
    });
    ScriptProcess process(&m_client);
    const ScriptOutcome outcome
        = run(process,
              u"pm.sendRequest('%1/oauth_token.do', function (err, res) {"
              " pm.environment.set('token', res.json().access_token); });"_s.arg(server.url().toString()));
    QVERIFY2(outcome.failures.isEmpty(), qPrintable(outcome.failures.value(0).text()));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(outcome.scopes.environment.at(1).toObject().value(u"value"_s).toString(), u"t-1"_s);
}

void tst_ScriptProcess::engineCrashIsAFailure()
{
    ScriptProcess process(&m_client);
    // A string that doubles until its length wraps around, then is read: more than scripts get.
    const ScriptOutcome crashed = run(process,
                                      u"pm.test('before', () => {}); var s = 'x';"
                                      " for (var i = 0; i < 40; ++i) s += s; s.indexOf('y');"_s);
    QCOMPARE(crashed.failures.size(), 1);
    const ScriptFailure failure = crashed.failures.constFirst();
    qInfo("%s", qPrintable(failure.text()));
    QVERIFY2(failure.name == u"Crash"_s || failure.name == u"TimeLimit"_s || failure.name == u"RangeError"_s,
             qPrintable(failure.text()));
    QCOMPARE(crashed.tests.size(), 1);
    QCOMPARE(crashed.scopes.environment, scope(u"kept"_s, u"yes"_s));
    // The next batch gets a working engine.
    const ScriptOutcome after = run(process, u"pm.test('after', () => pm.response.to.have.status(200));"_s);
    QVERIFY(after.failures.isEmpty());
    QCOMPARE(after.tests.size(), 1);
    QVERIFY(after.tests.constFirst().passed());
}

void tst_ScriptProcess::missingWorker()
{
    ScriptProcess process(&m_client);
    process.setWorkerPath(u"/nonexistent/postern-script-worker"_s);
    const ScriptOutcome outcome = run(process, u"pm.test('x', () => {});"_s);
    QCOMPARE(outcome.failures.size(), 1);
    QCOMPARE(outcome.failures.constFirst().message,
             u"The postern-script-worker program was not found; scripts cannot run."_s);
}

QTEST_GUILESS_MAIN(tst_ScriptProcess)
#include "tst_scriptprocess.moc"
