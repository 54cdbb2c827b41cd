// ScriptEngine: Postman's pm API and legacy globals on one fixed answer, data-driven; the libraries
// scripts require (the real chai, lodash, moment, uuid and ajv, and crypto-js's hashes against known
// digests); pm.sendRequest against a loopback server; and hostile scripts, each of which must end with
// a clear failure while the engine keeps working.

#include "http/httpclient.h"
#include "scripting/scriptengine.h"
#include "shared/testhttpserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

HttpResponse incidentAnswer()
{
    HttpResponse response;
    response.statusCode = 200;
    response.reasonPhrase = u"OK"_s;
    response.headers = { { "Content-Type", "application/json" }, { "X-Id", "42" } };
    response.body = R"({"result":[{"number":"INC001","priority":1}],"ok":true})";
    response.elapsedMs = 12;
    return response;
}

QJsonArray scope(std::initializer_list<std::pair<QString, QJsonValue>> entries)
{
    QJsonArray array;
    for (const auto &[key, value] : entries)
        array.append(QJsonObject { { u"key"_s, key }, { u"value"_s, value }, { u"enabled"_s, true } });
    return array;
}

// "name=value" for each enabled entry, in order.
QStringList flat(const QJsonArray &entries)
{
    QStringList lines;
    for (const QJsonValue &entry : entries)
        lines << entry[u"key"_s].toString() + u'=' + ScriptScopes::text(entry[u"value"_s]);
    return lines;
}

// "passed: name", "failed: name: message", "skipped: name".
QStringList tests(const ScriptOutcome &outcome)
{
    QStringList lines;
    for (const ScriptTest &test : outcome.tests) {
        QString line = scriptTestOutcomeName(test.outcome) + u": "_s + test.name;
        if (test.outcome == ScriptTest::Outcome::Failed)
            line += u": "_s + test.message;
        lines << line;
    }
    return lines;
}

} // namespace

class tst_ScriptEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pmApi_data();
    void pmApi();
    void preRequestChangesTheRequest();
    void packagesWriteToTheConsole();
    void consoleLevelsAndScopesLeftBehind();
    void eachScriptHasItsOwnScope();
    void aScriptRunAgainStartsAfresh();
    void nextRequest_data();
    void nextRequest();
    void secretReadsAreNamed();
    void sendRequest();
    void hostileScripts_data();
    void hostileScripts();
    void doneThatNeverComes();
    void timeLimitCountsFromEachScript();

private:
    ScriptOutcome run(const ScriptInput &input);
    ScriptOutcome runTest(const QString &code);

    QNetworkAccessManager m_network;
    HttpClient m_client { &m_network };
    ScriptEngine m_engine { &m_client };
};

void tst_ScriptEngine::initTestCase()
{
    qRegisterMetaType<ScriptOutcome>();
    QVERIFY2(m_engine.loadError().isEmpty(), qPrintable(m_engine.loadError()));
}

ScriptOutcome tst_ScriptEngine::run(const ScriptInput &input)
{
    QSignalSpy finished(&m_engine, &ScriptEngine::finished);
    if (!m_engine.run(input))
        return {};
    if (finished.isEmpty() && !finished.wait(20000))
        return {};
    return finished.constFirst().constFirst().value<ScriptOutcome>();
}

ScriptOutcome tst_ScriptEngine::runTest(const QString &code)
{
    ScriptInput input;
    input.event = ScriptEvent::Test;
    input.scripts = { { u"the request \u201cList incidents\u201d"_s, code } };
    input.request.url = u"{{baseUrl}}/api/now/table/incident"_s;
    input.response = incidentAnswer();
    input.scopes.environment = scope({ { u"baseUrl"_s, u"http://127.0.0.1:9"_s }, { u"count"_s, 1 } });
    input.scopes.collection
        = scope({ { u"table"_s, u"incident"_s }, { u"dup"_s, u"first"_s }, { u"dup"_s, u"second"_s } });
    input.scopes.collection.append(
        QJsonObject { { u"key"_s, u"off"_s }, { u"value"_s, u"x"_s }, { u"enabled"_s, false } });
    input.scopes.globals = scope({ { u"who"_s, u"abel"_s } });
    input.scopes.data = QJsonObject { { u"row"_s, u"first"_s } };
    input.requestName = u"List incidents"_s;
    input.requestDescription = u"All open incidents"_s;
    input.iteration = 2;
    input.iterationCount = 3;
    return run(input);
}

void tst_ScriptEngine::pmApi_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("tests");
    QTest::addColumn<QStringList>("environment"); // empty: unchanged

    const QStringList unchanged;
    QTest::newRow("status passes")
        << u"pm.test('Status is 200', function () { pm.response.to.have.status(200); });"_s
        << QStringList { u"passed: Status is 200"_s } << unchanged;
    QTest::newRow("status fails with Postman's message")
        << u"pm.test('Created', () => pm.response.to.have.status(201));"_s
        << QStringList { u"failed: Created: expected response to have status code 201 but got 200"_s }
        << unchanged;
    QTest::newRow("status reason")
        << u"pm.test('r', () => pm.response.to.have.status('Created'));"_s
        << QStringList { u"failed: r: expected response to have status reason 'Created' but got 'OK'"_s }
        << unchanged;
    QTest::newRow("chai equal") << u"pm.test('eq', () => pm.expect(200).to.equal(201));"_s
                                << QStringList { u"failed: eq: expected 200 to equal 201"_s } << unchanged;
    QTest::newRow("chai deep and chains")
        << u"pm.test('deep', () => { pm.expect({a: [1, 2, {b: 3}]}).to.eql({a: [1, 2, {b: 3}]});"
           " pm.expect(pm.response.json()).to.have.property('result').that.is.an('array').with.lengthOf(1);"
           " pm.expect(pm.response.text()).to.include('INC001'); });"_s
        << QStringList { u"passed: deep"_s } << unchanged;
    QTest::newRow("jsonBody path")
        << u"pm.test('a', () => pm.response.to.have.jsonBody('result[0].number', 'INC001'));"
           "pm.test('b', () => pm.response.to.have.jsonBody('result[0].number', 'INC002'));"
           "pm.test('c', () => pm.response.to.have.jsonBody('nothing'));"_s
        << QStringList { u"passed: a"_s,
                         u"failed: b: expected response body json at \"result[0].number\" to contain 'INC002' but got 'INC001'"_s,
                         u"failed: c: expected { result: [ { \u2026(2) } ], ok: true } in response to contain property 'nothing'"_s }
        << unchanged;
    QTest::newRow("headers")
        << u"pm.test('has', () => pm.response.to.have.header('x-id', '42'));"
           "pm.test('missing', () => pm.response.to.have.header('X-Missing'));"
           "pm.test('get', () => pm.expect(pm.response.headers.get('content-type')).to.equal('application/json'));"_s
        << QStringList { u"passed: has"_s,
                         u"failed: missing: expected response to have header with key 'X-Missing'"_s,
                         u"passed: get"_s }
        << unchanged;
    QTest::newRow("status classes")
        << u"pm.test('ok', () => pm.response.to.be.ok); pm.test('success', () => pm.response.to.be.success);"
           "pm.test('client', () => pm.response.to.be.clientError); pm.test('json', () => "
           "pm.response.to.be.json);"
           "pm.test('truthy', () => pm.expect(1).to.be.ok);"_s
        << QStringList { u"passed: ok"_s, u"passed: success"_s,
                         u"failed: client: expected response code to be 4XX but found 200"_s,
                         u"passed: json"_s, u"passed: truthy"_s }
        << unchanged;
    QTest::newRow("response values") << u"pm.test('v', () => { pm.expect(pm.response.code).to.equal(200); "
                                        u"pm.expect(pm.response.status).to.equal('OK');"
                                        " pm.expect(pm.response.responseTime).to.equal(12); "
                                        "pm.expect(pm.response.responseSize).to.be.above(10);"
                                        " pm.expect(pm.response.json().result[0].priority).to.equal(1); });"_s
                                     << QStringList { u"passed: v"_s } << unchanged;
    QTest::newRow("environment set, get, unset, has")
        << u"pm.environment.set('token', 'abc'); pm.environment.set('n', 5); pm.environment.unset('count');"
           "pm.test('has', () => { pm.expect(pm.environment.has('token')).to.be.true;"
           " pm.expect(pm.environment.get('n')).to.equal(5); pm.expect(pm.environment.get('count')).to.be.undefined; });"_s
        << QStringList { u"passed: has"_s }
        << QStringList { u"baseUrl=http://127.0.0.1:9"_s, u"token=abc"_s, u"n=5"_s };
    QTest::newRow("variables in Postman's order")
        << u"pm.variables.set('who', 'local');"
           "pm.test('order', () => { pm.expect(pm.variables.get('who')).to.equal('local');"
           " pm.expect(pm.globals.get('who')).to.equal('abel'); "
           "pm.expect(pm.variables.get('row')).to.equal('first');"
           " pm.expect(pm.variables.get('table')).to.equal('incident');"
           " pm.expect(pm.variables.replaceIn('{{baseUrl}}/{{table}}')).to.equal('http://127.0.0.1:9/"
           "incident');"
           " pm.expect(pm.environment.toObject()).to.eql({baseUrl: 'http://127.0.0.1:9', count: 1}); });"_s
        << QStringList { u"passed: order"_s } << unchanged;
    QTest::newRow("collection variables and globals")
        << u"pm.collectionVariables.set('table', 'problem'); pm.globals.set('g', 'x');"
           "pm.test('set', () => { pm.expect(pm.collectionVariables.get('table')).to.equal('problem');"
           " pm.expect(pm.globals.get('g')).to.equal('x'); });"_s
        << QStringList { u"passed: set"_s } << unchanged;
    QTest::newRow("info and iteration data")
        << u"pm.test('info', () => { pm.expect(pm.info.requestName).to.equal('List incidents');"
           " pm.expect(pm.info.eventName).to.equal('test'); pm.expect(pm.info.iteration).to.equal(2);"
           " pm.expect(pm.info.iterationCount).to.equal(3); "
           "pm.expect(pm.iterationData.get('row')).to.equal('first'); });"
           "tests['legacy request'] = request.name === 'List incidents' && request.description === 'All open "
           "incidents'"
           " && request.method === 'GET';"_s
        << QStringList { u"passed: info"_s, u"passed: legacy request"_s } << unchanged;
    QTest::newRow("legacy globals")
        << u"tests['code is 200'] = responseCode.code === 200; tests['body has INC001'] = "
           "responseBody.indexOf('INC001') >= 0; tests['header'] = responseHeaders['X-Id'] === '42';"
           "tests['time'] = typeof responseTime === 'number'; tests['fails'] = false;"
           "postman.setEnvironmentVariable('legacy', postman.getEnvironmentVariable('baseUrl') + '/x');"
           "postman.setGlobalVariable('lg', 1);"_s
        << QStringList { u"passed: code is 200"_s, u"passed: body has INC001"_s, u"passed: header"_s,
                         u"passed: time"_s, u"failed: fails: fails"_s }
        << QStringList { u"baseUrl=http://127.0.0.1:9"_s, u"count=1"_s, u"legacy=http://127.0.0.1:9/x"_s };
    QTest::newRow("every scope's has, unset, toObject, replaceIn")
        << u"pm.collectionVariables.set('tmp', 1); pm.collectionVariables.unset('tmp');"
           "pm.globals.set('g1', 'x'); pm.globals.unset('g1'); pm.variables.set('loc', 'L'); "
           "pm.variables.unset('loc');"
           "pm.test('scopes', () => { pm.expect(pm.collectionVariables.has('tmp')).to.be.false;"
           " pm.expect(pm.globals.has('g1')).to.be.false; pm.expect(pm.variables.has('loc')).to.be.false;"
           " pm.expect(pm.globals.has('who')).to.be.true; pm.expect(pm.globals.toObject()).to.eql({ who: "
           "'abel' });"
           " pm.expect(pm.variables.toObject()).to.include({ who: 'abel', table: 'incident', row: 'first' });"
           " pm.expect(pm.environment.replaceIn('{{baseUrl}}/x')).to.equal('http://127.0.0.1:9/x');"
           " pm.expect(pm.collectionVariables.replaceIn('{{table}}/{{who}}')).to.equal('incident/{{who}}');"
           " pm.expect(pm.globals.replaceIn('{{who}}')).to.equal('abel');"
           " pm.expect(pm.response.headers.has('X-Id')).to.be.true; "
           "pm.expect(pm.response.headers.has('X-None')).to.be.false; });"
           "pm.test('server error', () => pm.response.to.be.serverError);"_s
        << QStringList { u"passed: scopes"_s,
                         u"failed: server error: expected response code to be 5XX but found 200"_s }
        << unchanged;
    QTest::newRow("repeated and disabled keys")
        << u"pm.test('last enabled wins', () => { "
           u"pm.expect(pm.collectionVariables.get('dup')).to.equal('second');"
           " pm.expect(pm.variables.replaceIn('{{dup}}')).to.equal('second');"
           " pm.expect(pm.collectionVariables.has('off')).to.be.false; "
           "pm.expect(pm.variables.get('off')).to.be.undefined;"
           " pm.expect(pm.collectionVariables.toObject()).to.eql({ table: 'incident', dup: 'second' }); });"_s
        << QStringList { u"passed: last enabled wins"_s } << unchanged;
    // The legacy objects follow the legacy setters within one script (newman's clear-vars collection).
    QTest::newRow("legacy environment and globals objects")
        << u"postman.setEnvironmentVariable('e', 2); postman.setGlobalVariable('g', '3');"
           "tests['set'] = environment.e === '2' && globals.g === '3' && globals.who === 'abel';"
           "postman.clearEnvironmentVariable('e'); postman.clearGlobalVariables();"
           "tests['cleared'] = environment.e === undefined && globals.who === undefined && environment.count "
           "=== 1;"
           "pm.environment.set('modern', 1); tests['not by pm'] = environment.modern === undefined;"_s
        << QStringList { u"passed: set"_s, u"passed: cleared"_s, u"passed: not by pm"_s }
        << QStringList { u"baseUrl=http://127.0.0.1:9"_s, u"count=1"_s, u"modern=1"_s };
    // chai-postman's jsonSchema (ajv) and type properties, and chai's own type checks of its proxies.
    QTest::newRow("jsonSchema and types")
        << u"pm.test('schema', () => { pm.response.to.have.jsonSchema({ required: ['result'] });"
           " pm.expect({ a: 1 }).to.not.be.jsonSchema({ properties: { a: { type: 'string' } } }); });"
           "pm.test('schema fails', () => pm.expect({ a: 1 }).to.be.jsonSchema({ properties: { a: { type: "
           "'string' } } }));"
           "pm.test('negated fails', () => pm.response.to.not.have.jsonSchema({ type: 'object' }));"
           "pm.test('types', () => { pm.expect(pm.response.to).to.be.an('object'); "
           "pm.request.to.be.a.postmanRequestOrResponse;"
           " pm.response.to.be.a.postmanRequestOrResponse; pm.expect(Object.prototype.toString.call(new "
           "Proxy([], {})))"
           ".to.equal('[object Array]'); });"
           "pm.test('not a request', () => pm.expect({}).to.be.a.postmanRequestOrResponse);"
           "pm.test('negated', () => { pm.response.to.not.be.serverError; "
           "pm.response.to.not.have.statusCode(400);"
           " pm.response.to.not.be.a.postmanRequest; pm.request.to.not.be.a.postmanResponse; });"
           "pm.test('negated needs a response', () => pm.expect(5).to.not.be.serverError);"_s
        << QStringList { u"passed: schema"_s,
                         u"failed: schema fails: expected data to satisfy schema but found following errors: \ndata.a should be string"_s,
                         u"failed: negated fails: expected data to not satisfy schema"_s,
                         u"passed: types"_s,
                         u"failed: not a request: expecting a postman request or response object but got {}"_s,
                         u"passed: negated"_s,
                         u"failed: negated needs a response: expecting a postman response object but got 5"_s }
        << unchanged;
    QTest::newRow("skip and an error inside a test")
        << u"pm.test.skip('later', () => {}); pm.test('boom', () => { undefinedFunction(); });"
           "pm.test('after', () => {});"_s
        << QStringList { u"skipped: later"_s, u"failed: boom: undefinedFunction is not defined"_s,
                         u"passed: after"_s }
        << unchanged;
    QTest::newRow("done callback and a timer")
        << u"pm.test('async', function (done) { setTimeout(function () { pm.expect(1).to.equal(1); done(); "
           u"}, 10); });"
           "pm.test('async fails', function (done) { setTimeout(function () { try { "
           "pm.expect(1).to.equal(2); done(); }"
           " catch (e) { done(e); } }, 5); });"_s
        << QStringList { u"failed: async fails: expected 1 to equal 2"_s, u"passed: async"_s } << unchanged;
    QTest::newRow("lodash, moment, uuid")
        << u"pm.test('libs', () => { pm.expect(_.sum([1, 2, 3])).to.equal(6);"
           " pm.expect(require('lodash').chunk([1, 2, 3], 2)).to.eql([[1, 2], [3]]);"
           " pm.expect(require('moment')('2026-12-04T10:00:00Z').utc().format('YYYY-MM-DD')).to.equal('2026-"
           "12-04');"
           " pm.expect(require('uuid').v4()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); });"_s
        << QStringList { u"passed: libs"_s } << unchanged;
    // ajv 6 as collections use it: draft-07 keywords, a format, a $ref, and its error texts.
    QTest::newRow("ajv")
        << u"var Ajv = require('ajv'); var ajv = new Ajv({ allErrors: true });"
           "var schema = { type: 'object', required: ['number', 'opened'], definitions: { num: { type: "
           "'string',"
           " pattern: '^INC[0-9]+$' } }, properties: { number: { $ref: '#/definitions/num' },"
           " opened: { type: 'string', format: 'date-time' }, priority: { type: 'integer', minimum: 1 } } };"
           "pm.test('valid', () => pm.expect(ajv.validate(schema, { number: 'INC0010001',"
           " opened: '2026-12-04T10:00:00Z', priority: 2 })).to.be.true);"
           "pm.test('invalid', () => { pm.expect(ajv.validate(schema, { number: 7, opened: 'soon', priority: "
           "0 }))"
           ".to.be.false; pm.expect(ajv.errorsText()).to.equal('data.number should be string, "
           "data.opened should match format \"date-time\", data.priority should be >= 1'); });"
           "pm.test('compiled', () => { var check = ajv.compile({ type: 'array', items: { type: 'number' } "
           "});"
           " pm.expect(check([1, 2])).to.be.true; pm.expect(check([1, 'x'])).to.be.false;"
           " pm.expect(check.errors[0].dataPath).to.equal('[1]'); });"
           "pm.test('bad schema', () => pm.expect(() => ajv.compile({ type: 'nothing' })).to.throw(/schema "
           "is invalid/));"
           "pm.test('same module', () => pm.expect(require('ajv')).to.equal(Ajv));"_s
        << QStringList { u"passed: valid"_s, u"passed: invalid"_s, u"passed: compiled"_s,
                         u"passed: bad schema"_s, u"passed: same module"_s }
        << unchanged;
    // Digests from RFC 4231 (HMAC-SHA-256 test case 2) and the SHA-256 of "abc" (FIPS 180-2).
    QTest::newRow("crypto-js")
        << u"var C = require('crypto-js');"
           "pm.test('hmac', () => pm.expect(C.HmacSHA256('what do ya want for nothing?', 'Jefe').toString())"
           ".to.equal('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'));"
           "pm.test('sha', () => pm.expect(C.SHA256('abc').toString(C.enc.Hex))"
           ".to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'));"
           "pm.test('base64', () => { "
           "pm.expect(C.enc.Base64.stringify(C.enc.Utf8.parse('hi'))).to.equal('aGk=');"
           " pm.expect(btoa('hi')).to.equal('aGk='); pm.expect(atob('aGk=')).to.equal('hi');"
           " pm.expect(C.MD5('').toString()).to.equal('d41d8cd98f00b204e9800998ecf8427e'); });"_s
        << QStringList { u"passed: hmac"_s, u"passed: sha"_s, u"passed: base64"_s } << unchanged;
}

void tst_ScriptEngine::pmApi()
{
    QFETCH(QString, code);
    QFETCH(QStringList, tests);
    QFETCH(QStringList, environment);
    const ScriptOutcome outcome = runTest(code);
    QStringList failures;
    for (const ScriptFailure &failure : outcome.failures)
        failures << failure.text();
    QVERIFY2(outcome.failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(::tests(outcome), tests);
    if (!environment.isEmpty())
        QCOMPARE(flat(outcome.scopes.environment), environment);
    else
        QCOMPARE(flat(outcome.scopes.environment),
                 (QStringList { u"baseUrl=http://127.0.0.1:9"_s, u"count=1"_s }));
}

void tst_ScriptEngine::preRequestChangesTheRequest()
{
    ScriptInput input;
    input.event = ScriptEvent::PreRequest;
    input.request.method = u"GET"_s;
    input.request.url = u"{{baseUrl}}/api/now/table/incident?sysparm_limit=1"_s;
    input.request.headers = { KeyValue { u"Accept"_s, u"application/json"_s, true, QString() } };
    input.scripts = {
        { u"the collection \u201cDemo\u201d"_s, u"pm.request.headers.add({key: 'X-Trace', value: 'c'});"_s },
        { u"the request \u201cCreate\u201d"_s,
          u"pm.request.method = 'POST'; pm.request.url.addQueryParams('sysparm_display_value=true');"
          "pm.request.headers.upsert({key: 'accept', value: 'text/plain'}); "
          "pm.request.headers.remove('X-Trace');"
          "pm.request.body = {mode: 'raw', raw: JSON.stringify({short_description: "
          "pm.variables.get('who')})};"
          "console.log('url', pm.request.url.toString(), {n: 1});"_s },
    };
    input.scopes.globals = scope({ { u"who"_s, u"abel"_s } });
    const ScriptOutcome outcome = run(input);
    QVERIFY(outcome.failures.isEmpty());
    QCOMPARE(outcome.request.method, u"POST"_s);
    QCOMPARE(outcome.request.url,
             u"{{baseUrl}}/api/now/table/incident?sysparm_limit=1&sysparm_display_value=true"_s);
    QCOMPARE(outcome.request.headers.size(), 1);
    QCOMPARE(outcome.request.headers.constFirst().value, u"text/plain"_s);
    QCOMPARE(outcome.request.body, R"({"short_description":"abel"})"_ba);
    QCOMPARE(outcome.console.size(), 1);
    QCOMPARE(
        outcome.console.constFirst().text,
        u"url {{baseUrl}}/api/now/table/incident?sysparm_limit=1&sysparm_display_value=true {\"n\":1}"_s);
    QCOMPARE(outcome.console.constFirst().where, u"the request \u201cCreate\u201d pre-request script"_s);
}

// Each console level as itself; what scripts set in the globals and the collection comes back with
// the outcome (values set by the legacy calls as text, as Postman does).
void tst_ScriptEngine::consoleLevelsAndScopesLeftBehind()
{
    const ScriptOutcome outcome = runTest(
        u"console.info('i'); console.error('e', 1); console.warn({ a: 1 }); console.debug('d');"
        "postman.setGlobalVariable('lg', 1); pm.globals.set('g2', 'x'); pm.collectionVariables.set('c', 'y');"_s);
    QVERIFY(outcome.failures.isEmpty());
    QStringList console;
    for (const ScriptConsoleLine &line : outcome.console)
        console << line.level + u": "_s + line.text;
    QCOMPARE(console, QStringList({ u"info: i"_s, u"error: e 1"_s, u"warn: {\"a\":1}"_s, u"debug: d"_s }));
    QCOMPARE(flat(outcome.scopes.globals), QStringList({ u"who=abel"_s, u"lg=1"_s, u"g2=x"_s }));
    QVERIFY(outcome.scopes.globals.at(1)[u"value"_s].isString());
    QVERIFY(flat(outcome.scopes.collection).contains(u"c=y"_s));
}

// A package's file sees Node's global console: ajv's warnings go to the script's Console lines.
void tst_ScriptEngine::packagesWriteToTheConsole()
{
    const ScriptOutcome outcome = runTest(
        u"var Ajv = require('ajv');\n"
        "new Ajv({ unknownFormats: 'ignore' }).validate({ type: 'string', format: 'no-such-format' }, 'x');"_s);
    QVERIFY(outcome.failures.isEmpty());
    // ajv 6 writes this warning twice for one schema; Node prints the same two lines for this script.
    QCOMPARE(outcome.console.size(), 2);
    QCOMPARE(outcome.console.constLast().text, outcome.console.constFirst().text);
    QCOMPARE(outcome.console.constFirst().level, u"warn"_s);
    QCOMPARE(outcome.console.constFirst().text,
             uR"(unknown format "no-such-format" ignored in schema at path "#")"_s);
    QCOMPARE(outcome.console.constFirst().where,
             u"the request \u201cList incidents\u201d post-response script"_s);
}

void tst_ScriptEngine::eachScriptHasItsOwnScope()
{
    ScriptInput input;
    input.event = ScriptEvent::Test;
    input.response = incidentAnswer();
    input.scripts = {
        { u"the collection \u201cDemo\u201d"_s,
          u"var mine = 1; leaked = 2; function helper() {} pm = undefined;"_s },
        { u"the request \u201cList\u201d"_s,
          u"pm.test('clean', () => { pm.expect(typeof mine).to.equal('undefined');"
          " pm.expect(typeof leaked).to.equal('undefined'); pm.expect(typeof helper).to.equal('undefined'); });"_s },
    };
    const ScriptOutcome outcome = run(input);
    QVERIFY(outcome.failures.isEmpty());
    QCOMPARE(tests(outcome), QStringList { u"passed: clean"_s });
}

// A script is compiled once and kept (a run repeats the same few): each run of it still starts from
// nothing it left, and the same text in another place fails under that place's name.
void tst_ScriptEngine::aScriptRunAgainStartsAfresh()
{
    const QString code = u"var before = typeof mine; var mine = 1; counted = typeof counted;"
                         " pm.test(before + ' ' + counted, function () {});"_s;
    for (int round = 0; round < 3; ++round) {
        const ScriptOutcome outcome = runTest(code);
        QVERIFY(outcome.failures.isEmpty());
        QCOMPARE(tests(outcome), QStringList { u"passed: undefined undefined"_s });
    }
    ScriptInput input;
    input.event = ScriptEvent::Test;
    input.response = incidentAnswer();
    const QString failing = u"\nnull.x;"_s;
    input.scripts = { { u"the collection \u201cDemo\u201d"_s, failing },
                      { u"the request \u201cList\u201d"_s, failing } };
    const ScriptOutcome outcome = run(input);
    QCOMPARE(outcome.failures.size(), 2);
    QCOMPARE(outcome.failures.at(0).where, u"the collection \u201cDemo\u201d post-response script"_s);
    QCOMPARE(outcome.failures.at(1).where, u"the request \u201cList\u201d post-response script"_s);
    QCOMPARE(outcome.failures.at(1).line, 2);
}

void tst_ScriptEngine::nextRequest_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("next");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << u"1;"_s << int(ScriptOutcome::Next::Continue) << QString();
    QTest::newRow("jump") << u"postman.setNextRequest('Login');"_s << int(ScriptOutcome::Next::Jump)
                          << u"Login"_s;
    QTest::newRow("pm.execution") << u"pm.execution.setNextRequest('B');"_s << int(ScriptOutcome::Next::Jump)
                                  << u"B"_s;
    QTest::newRow("stop") << u"postman.setNextRequest(null);"_s << int(ScriptOutcome::Next::Stop)
                          << QString();
}

void tst_ScriptEngine::nextRequest()
{
    QFETCH(QString, code);
    QFETCH(int, next);
    QFETCH(QString, name);
    const ScriptOutcome outcome = runTest(code);
    QCOMPARE(int(outcome.next), next);
    QCOMPARE(outcome.nextRequest, name);
}

void tst_ScriptEngine::secretReadsAreNamed()
{
    ScriptInput input;
    input.event = ScriptEvent::PreRequest;
    QJsonArray environment = scope({ { u"password"_s, u"s3cret"_s }, { u"user"_s, u"abel"_s } });
    QJsonObject secret = environment.at(0).toObject();
    secret.insert(u"secret"_s, true);
    environment.replace(0, secret);
    input.scopes.environment = environment;
    input.scripts = { { u"the request \u201cLogin\u201d"_s,
                        u"var p = pm.environment.get('password'); var u = pm.environment.get('user');"_s } };
    const ScriptOutcome outcome = run(input);
    QVERIFY(outcome.failures.isEmpty());
    QCOMPARE(outcome.secretsRead, QStringList { u"environment/password"_s });
    QVERIFY(outcome.scopes.environment.at(0).toObject().value(u"secret"_s).toBool());
}

void tst_ScriptEngine::sendRequest()
{
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());
    server.setHandler([](const TestHttpServer::Request &request) {
        TestHttpServer::Reply reply;
        reply.headers.append(qMakePair("Content-Type"_ba, "application/json"_ba));
        reply.body = R"({"value":")" + request.header("x-sent") + R"("})";
        return reply;
    });
    ScriptInput input;
    input.event = ScriptEvent::PreRequest;
    input.scopes.environment = scope({ { u"api"_s, server.url().toString() }, { u"tag"_s, u"t1"_s } });
    input.scripts
        = { { u"the request \u201cChained\u201d"_s,
              u"pm.sendRequest({url: '{{api}}/token', method: 'POST', header: {'X-Sent': '{{tag}}'}},"
              " function (err, res) { pm.test('answered', () => { pm.expect(err).to.be.null;"
              " pm.expect(res.code).to.equal(200); }); pm.environment.set('token', res.json().value); });"
              "pm.sendRequest('http://127.0.0.1:1/nothing', function (err, res) {"
              " pm.test('refused', () => pm.expect(err).to.be.an('error')); });"_s } };
    const ScriptOutcome outcome = run(input);
    QVERIFY2(outcome.failures.isEmpty(), qPrintable(outcome.failures.value(0).text()));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().constFirst().method, "POST"_ba);
    QCOMPARE(server.requests().constFirst().target, "/token"_ba);
    QStringList results = tests(outcome);
    results.sort();
    QCOMPARE(results, (QStringList { u"passed: answered"_s, u"passed: refused"_s }));
    QVERIFY(flat(outcome.scopes.environment).contains(u"token=t1"_s));
}

void tst_ScriptEngine::hostileScripts_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("failure"); // a prefix of ScriptFailure::text()

    const QString where = u" in the request \u201cHostile\u201d post-response script"_s;
    QTest::newRow("syntax error") << u"var a = 1;\nvar b = ;\n"_s
                                  << u"SyntaxError"_s + where + u", line 2: "_s;
    QTest::newRow("endless loop") << u"while (true) {}"_s
                                  << u"TimeLimit"_s + where + u": The script ran for more than 0.5 s"_s;
    QTest::newRow("deep recursion") << u"function f(n) { return f(n + 1) + 1; }\nf(0);"_s
                                    << u"RangeError"_s + where + u", line 1: "_s;
    QTest::newRow("require fs") << u"\nrequire('fs');"_s
                                << u"Error"_s + where
            + u", line 2: Cannot find module 'fs': scripts can require"_s;
    QTest::newRow("a package ajv needs")
        << u"require('uri-js');"_s << u"Error"_s + where + u", line 1: Cannot find module 'uri-js'"_s;
    QTest::newRow("out of the packages")
        << u"require('ajv/../../js/pm.js');"_s
        << u"Error"_s + where + u", line 1: Cannot find module 'ajv/../../js/pm.js'"_s;
    QTest::newRow("no pm") << u"delete pm; pm = undefined;\npm.test('x', () => {});"_s
                           << u"TypeError"_s + where + u", line 2: "_s;
    QTest::newRow("throws a string") << u"throw 'plain';"_s << u"Error"_s + where + u": plain"_s;
    QTest::newRow("no process, no file") << u"process.exit(1);"_s << u"ReferenceError"_s + where;
    QTest::newRow("a timer past the limit")
        << u"setTimeout(function () { while (true) {} }, 1);"_s << u"TimeLimit"_s + where;
}

void tst_ScriptEngine::hostileScripts()
{
    QFETCH(QString, code);
    QFETCH(QString, failure);
    m_engine.setTimeLimit(std::chrono::milliseconds(500));
    ScriptInput input;
    input.event = ScriptEvent::Test;
    input.response = incidentAnswer();
    input.scopes.environment = scope({ { u"kept"_s, u"yes"_s } });
    input.scripts = { { u"the request \u201cHostile\u201d"_s, code },
                      { u"the request \u201cAfter\u201d"_s,
                        u"pm.test('still works', () => pm.response.to.have.status(200));"_s } };
    const ScriptOutcome outcome = run(input);
    m_engine.setTimeLimit(ScriptEngine::DefaultTimeLimit);
    QCOMPARE(outcome.failures.size(), 1);
    QVERIFY2(outcome.failures.constFirst().text().startsWith(failure),
             qPrintable(outcome.failures.constFirst().text()));
    QCOMPARE(tests(outcome), QStringList { u"passed: still works"_s });
    QCOMPARE(flat(outcome.scopes.environment), QStringList { u"kept=yes"_s });
}

void tst_ScriptEngine::timeLimitCountsFromEachScript()
{
    // The watchdog sleeps until the deadline of the script it last saw and is not woken for the later
    // deadline of the next one: an endless script right after a quick one still gets its whole limit.
    m_engine.setTimeLimit(std::chrono::milliseconds(600));
    QCOMPARE(tests(runTest(u"pm.test('quick', () => {});"_s)), QStringList { u"passed: quick"_s });
    QTest::qWait(400);
    QElapsedTimer clock;
    clock.start();
    const ScriptOutcome outcome = runTest(u"while (true) {}"_s);
    const qint64 ran = clock.elapsed();
    m_engine.setTimeLimit(ScriptEngine::DefaultTimeLimit);
    QCOMPARE(outcome.failures.size(), 1);
    QCOMPARE(outcome.failures.constFirst().name, u"TimeLimit"_s);
    QVERIFY2(ran >= 550, qPrintable(u"stopped after %1 ms"_s.arg(ran)));
    QCOMPARE(tests(runTest(u"pm.test('after', () => {});"_s)), QStringList { u"passed: after"_s });
}

void tst_ScriptEngine::doneThatNeverComes()
{
    m_engine.setTimeLimit(std::chrono::milliseconds(300));
    const ScriptOutcome outcome = runTest(u"pm.test('waits', function (done) { });"_s);
    m_engine.setTimeLimit(ScriptEngine::DefaultTimeLimit);
    QCOMPARE(outcome.failures.size(), 1);
    QCOMPARE(outcome.failures.constFirst().name, u"TimeLimit"_s);
    QVERIFY2(
        outcome.failures.constFirst().message.contains(u"the test \u201cwaits\u201d did not call done()"_s),
        qPrintable(outcome.failures.constFirst().message));
}

QTEST_GUILESS_MAIN(tst_ScriptEngine)
#include "tst_scriptengine.moc"
