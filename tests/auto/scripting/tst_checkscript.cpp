// CheckScript: Assertions and Capture rows become post-response JavaScript, run here in ScriptEngine
// on one fixed answer: each row's test name and outcome (chai's message when it fails), the values
// captured, and a clear failure for a row that cannot be read.

#include "scripting/checkscript.h"
#include "scripting/scriptengine.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(QList<Postern::ResponseAssertion>)

class tst_CheckScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void values_data();
    void values();
    void assertions_data();
    void assertions();
    void captures();
    void nothingEnabledIsNoScript();

private:
    ScriptOutcome run(const QString &code);

    ScriptEngine m_engine;
};

void tst_CheckScript::initTestCase()
{
    qRegisterMetaType<ScriptOutcome>();
    QVERIFY2(m_engine.loadError().isEmpty(), qPrintable(m_engine.loadError()));
}

ScriptOutcome tst_CheckScript::run(const QString &code)
{
    ScriptInput input;
    input.event = ScriptEvent::Test;
    input.scripts = { { u"the assertions of the request \u201cR\u201d"_s, code } };
    HttpResponse response;
    response.statusCode = 200;
    response.reasonPhrase = u"OK"_s;
    response.headers = { { "Content-Type", "application/json; charset=utf-8" } };
    response.body = R"({"result":[{"number":"INC0010001","priority":1,"active":true}],"token":"abc"})";
    response.elapsedMs = 20;
    input.response = response;
    QSignalSpy finished(&m_engine, &ScriptEngine::finished);
    if (!m_engine.run(input) || (finished.isEmpty() && !finished.wait(10000)))
        return {};
    return finished.constFirst().constFirst().value<ScriptOutcome>();
}

void tst_CheckScript::values_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("javaScript");
    QTest::newRow("number") << u"200"_s << u"200"_s;
    QTest::newRow("negative decimal") << u"-1.5e3"_s << u"-1.5e3"_s;
    QTest::newRow("literals") << u" true "_s << u"true"_s;
    QTest::newRow("null") << u"null"_s << u"null"_s;
    QTest::newRow("double quoted") << u"\"200\""_s << u"\"200\""_s;
    QTest::newRow("single quoted") << u"'a\"b'"_s << u"\"a\\\"b\""_s;
    QTest::newRow("text") << u"INC001"_s << u"\"INC001\""_s;
    QTest::newRow("not a number") << u"012"_s << u"\"012\""_s;
    QTest::newRow("code stays text") << u"1); process.exit(1"_s << u"\"1); process.exit(1\""_s;
}

void tst_CheckScript::values()
{
    QFETCH(QString, typed);
    QFETCH(QString, javaScript);
    QCOMPARE(CheckScript::valueExpression(typed), javaScript);
}

void tst_CheckScript::assertions_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("result"); // "passed: name" or "failed: name: message"

    QTest::newRow("status eq") << u"res.status"_s << u"eq"_s << u"200"_s << u"passed: res.status eq 200"_s;
    QTest::newRow("status neq fails")
        << u"res.status"_s << u"neq"_s << u"200"_s
        << u"failed: res.status neq 200: expected 200 to not deeply equal 200"_s;
    QTest::newRow("header contains") << u"res.headers.content-type"_s << u"contains"_s << u"json"_s
                                     << u"passed: res.headers.content-type contains json"_s;
    QTest::newRow("body path eq") << u"res.body.result[0].number"_s << u"eq"_s << u"INC0010001"_s
                                  << u"passed: res.body.result[0].number eq INC0010001"_s;
    QTest::newRow("JSONPath") << u"$.result[0].priority"_s << u"lte"_s << u"1"_s
                              << u"passed: $.result[0].priority lte 1"_s;
    QTest::newRow("typed value")
        << u"res.body.result[0].priority"_s << u"eq"_s << u"\"1\""_s
        << u"failed: res.body.result[0].priority eq \"1\": expected 1 to deeply equal '1'"_s;
    QTest::newRow("boolean") << u"res.body.result[0].active"_s << u"eq"_s << u"true"_s
                             << u"passed: res.body.result[0].active eq true"_s;
    QTest::newRow("matches") << u"res.body.result[0].number"_s << u"matches"_s << u"/^inc\\d+$/i"_s
                             << u"passed: res.body.result[0].number matches /^inc\\d+$/i"_s;
    QTest::newRow("exists") << u"res.body.token"_s << u"exists"_s << QString()
                            << u"passed: res.body.token exists"_s;
    QTest::newRow("notExists fails") << u"res.body.token"_s << u"notExists"_s << QString()
                                     << u"failed: res.body.token notExists: expected 'abc' to be undefined"_s;
    QTest::newRow("time below") << u"res.responseTime"_s << u"lt"_s << u"500"_s
                                << u"passed: res.responseTime lt 500"_s;
    QTest::newRow("unknown target")
        << u"status"_s << u"eq"_s << u"200"_s
        << u"failed: status eq 200: Unknown target \u201cstatus\u201d: use res.status, "
           "res.statusText, res.responseTime, res.body, res.body.<path>, $.<path> or "
           "res.headers.<name>."_s;
    QTest::newRow("JSONPath wildcard") << u"$.result[*].number"_s << u"exists"_s << QString()
                                       << u"failed: $.result[*].number exists: The path in "
                                          u"\u201c$.result[*].number\u201d is not one Postern "
                                          "reads: use names and [indexes], such as res.body.result[0].number "
                                          "or $.result[0].number (no *, .., "
                                          "filters)."_s;
    QTest::newRow("JSONPath recursive descent")
        << u"$..number"_s << u"exists"_s << QString()
        << u"failed: $..number exists: The path in \u201c$..number\u201d is not one Postern reads: use names "
           "and [indexes], such as res.body.result[0].number or $.result[0].number (no *, .., filters)."_s;
    QTest::newRow("quoted name") << u"$['result'][0].number"_s << u"eq"_s << u"INC0010001"_s
                                 << u"passed: $['result'][0].number eq INC0010001"_s;
    QTest::newRow("unknown operator")
        << u"res.status"_s << u"equals"_s << u"200"_s
        << u"failed: res.status equals 200: Unknown operator \u201cequals\u201d: use eq, "
           "neq, gt, gte, lt, lte, contains, notContains, matches, exists, notExists, "
           "isEmpty."_s;
    QTest::newRow("hostile value stays data")
        << u"res.status"_s << u"eq"_s << u"200); while (true) {} ("_s
        << u"failed: res.status eq 200); while (true) {} (: expected 200 to deeply "
           "equal '200); while (true) {} ('"_s;
}

void tst_CheckScript::assertions()
{
    QFETCH(QString, target);
    QFETCH(QString, op);
    QFETCH(QString, value);
    QFETCH(QString, result);
    const QString code = CheckScript::javaScript({ ResponseAssertion { target, op, value, true } }, {});
    const ScriptOutcome outcome = run(code);
    QVERIFY2(outcome.failures.isEmpty(), qPrintable(outcome.failures.value(0).text() + u'\n' + code));
    QCOMPARE(outcome.tests.size(), 1);
    const ScriptTest &test = outcome.tests.constFirst();
    QString actual = scriptTestOutcomeName(test.outcome) + u": "_s + test.name;
    if (!test.passed())
        actual += u": "_s + test.message;
    QCOMPARE(actual, result);
}

void tst_CheckScript::captures()
{
    const QString code = CheckScript::javaScript(
        {},
        { ResponseCapture { u"token"_s, u"environment"_s, u"res.body.token"_s, true },
          ResponseCapture { u"first"_s, u"collection"_s, u"$.result[0].number"_s, true },
          ResponseCapture { u"type"_s, u"globals"_s, u"res.headers.Content-Type"_s, true },
          ResponseCapture { u"off"_s, u"environment"_s, u"res.status"_s, false },
          ResponseCapture { u"bad"_s, u"environment"_s, u"nowhere"_s, true } });
    const ScriptOutcome outcome = run(code);
    QVERIFY(outcome.failures.isEmpty());
    QCOMPARE(outcome.scopes.environment.size(), 1);
    QCOMPARE(outcome.scopes.environment.at(0)[u"value"_s].toString(), u"abc"_s);
    QCOMPARE(outcome.scopes.collection.at(0)[u"value"_s].toString(), u"INC0010001"_s);
    QCOMPARE(outcome.scopes.globals.at(0)[u"value"_s].toString(), u"application/json; charset=utf-8"_s);
    QCOMPARE(outcome.tests.size(), 1);
    QCOMPARE(outcome.tests.constFirst().name, u"capture bad"_s);
    QVERIFY(!outcome.tests.constFirst().passed());
}

void tst_CheckScript::nothingEnabledIsNoScript()
{
    QCOMPARE(CheckScript::javaScript({ ResponseAssertion { u"res.status"_s, u"eq"_s, u"200"_s, false } }, {}),
             QString());
    QCOMPARE(CheckScript::javaScript({ ResponseAssertion { QString(), u"eq"_s, u"200"_s, true } }, {}),
             QString());
}

QTEST_GUILESS_MAIN(tst_CheckScript)
#include "tst_checkscript.moc"
