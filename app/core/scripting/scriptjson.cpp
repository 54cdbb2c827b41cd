#include "scripting/scriptjson.h"

#include "scripting/scriptengine.h"

using namespace Qt::StringLiterals;

namespace Postern::ScriptJson {

namespace {

QJsonObject fromScopes(const ScriptScopes &scopes)
{
    return { { u"globals"_s, scopes.globals },
             { u"collection"_s, scopes.collection },
             { u"environment"_s, scopes.environment },
             { u"local"_s, scopes.local },
             { u"data"_s, scopes.data } };
}

ScriptScopes toScopes(const QJsonObject &json)
{
    ScriptScopes scopes;
    scopes.globals = json.value(u"globals"_s).toArray();
    scopes.collection = json.value(u"collection"_s).toArray();
    scopes.environment = json.value(u"environment"_s).toArray();
    scopes.local = json.value(u"local"_s).toArray();
    scopes.data = json.value(u"data"_s).toObject();
    return scopes;
}

HttpRequest requestFrom(const QJsonObject &json)
{
    HttpRequest request;
    request.headers.clear();
    ScriptEngine::applyRequestJson(json, &request);
    return request;
}

} // namespace

QJsonObject fromInput(const ScriptInput &input)
{
    QJsonArray scripts;
    for (const ScriptSource &source : input.scripts)
        scripts.append(QJsonObject { { u"where"_s, source.where }, { u"code"_s, source.code } });
    QJsonObject json { { u"event"_s, scriptEventKey(input.event) },
                       { u"scripts"_s, scripts },
                       { u"request"_s, ScriptEngine::requestJson(input.request) },
                       { u"scopes"_s, fromScopes(input.scopes) },
                       { u"requestName"_s, input.requestName },
                       { u"requestDescription"_s, input.requestDescription },
                       { u"requestId"_s, input.requestId },
                       { u"iteration"_s, input.iteration },
                       { u"iterationCount"_s, input.iterationCount } };
    if (input.response)
        json.insert(u"response"_s, fromResponse(*input.response));
    return json;
}

ScriptInput toInput(const QJsonObject &json)
{
    ScriptInput input;
    input.event
        = json.value(u"event"_s).toString() == u"test"_s ? ScriptEvent::Test : ScriptEvent::PreRequest;
    for (const QJsonValue &value : json.value(u"scripts"_s).toArray())
        input.scripts.append({ value[u"where"_s].toString(), value[u"code"_s].toString() });
    input.request = requestFrom(json.value(u"request"_s).toObject());
    if (json.value(u"response"_s).isObject())
        input.response = toResponse(json.value(u"response"_s).toObject());
    input.scopes = toScopes(json.value(u"scopes"_s).toObject());
    input.requestName = json.value(u"requestName"_s).toString();
    input.requestDescription = json.value(u"requestDescription"_s).toString();
    input.requestId = json.value(u"requestId"_s).toString();
    input.iteration = json.value(u"iteration"_s).toInt();
    input.iterationCount = json.value(u"iterationCount"_s).toInt(1);
    return input;
}

QJsonObject fromOutcome(const ScriptOutcome &outcome)
{
    QJsonArray tests;
    for (const ScriptTest &test : outcome.tests)
        tests.append(fromTest(test));
    QJsonArray console;
    for (const ScriptConsoleLine &line : outcome.console)
        console.append(fromConsoleLine(line));
    QJsonArray failures;
    for (const ScriptFailure &failure : outcome.failures)
        failures.append(QJsonObject { { u"where"_s, failure.where },
                                      { u"name"_s, failure.name },
                                      { u"message"_s, failure.message },
                                      { u"line"_s, failure.line } });
    const QString next = outcome.next == ScriptOutcome::Next::Jump ? u"jump"_s
        : outcome.next == ScriptOutcome::Next::Stop                ? u"stop"_s
                                                                   : u"continue"_s;
    return { { u"scopes"_s, fromScopes(outcome.scopes) },
             { u"request"_s, ScriptEngine::requestJson(outcome.request) },
             { u"tests"_s, tests },
             { u"console"_s, console },
             { u"failures"_s, failures },
             { u"next"_s, next },
             { u"nextRequest"_s, outcome.nextRequest },
             { u"skipRequest"_s, outcome.skipRequest },
             { u"secretsRead"_s, QJsonArray::fromStringList(outcome.secretsRead) } };
}

ScriptOutcome toOutcome(const QJsonObject &json, const HttpRequest &request)
{
    ScriptOutcome outcome;
    outcome.scopes = toScopes(json.value(u"scopes"_s).toObject());
    outcome.request = request;
    ScriptEngine::applyRequestJson(json.value(u"request"_s).toObject(), &outcome.request);
    for (const QJsonValue &value : json.value(u"tests"_s).toArray())
        outcome.tests.append(toTest(value.toObject()));
    for (const QJsonValue &value : json.value(u"console"_s).toArray())
        outcome.console.append(toConsoleLine(value.toObject()));
    for (const QJsonValue &value : json.value(u"failures"_s).toArray()) {
        ScriptFailure failure;
        failure.where = value[u"where"_s].toString();
        failure.name = value[u"name"_s].toString();
        failure.message = value[u"message"_s].toString();
        failure.line = value[u"line"_s].toInt();
        outcome.failures.append(failure);
    }
    const QString next = json.value(u"next"_s).toString();
    outcome.next = next == u"jump"_s ? ScriptOutcome::Next::Jump
        : next == u"stop"_s          ? ScriptOutcome::Next::Stop
                                     : ScriptOutcome::Next::Continue;
    outcome.nextRequest = json.value(u"nextRequest"_s).toString();
    outcome.skipRequest = json.value(u"skipRequest"_s).toBool();
    for (const QJsonValue &value : json.value(u"secretsRead"_s).toArray())
        outcome.secretsRead.append(value.toString());
    return outcome;
}

QJsonObject fromTest(const ScriptTest &test)
{
    return { { u"name"_s, test.name },
             { u"outcome"_s, scriptTestOutcomeName(test.outcome) },
             { u"message"_s, test.message },
             { u"errorName"_s, test.errorName },
             { u"where"_s, test.where } };
}

ScriptTest toTest(const QJsonObject &json)
{
    ScriptTest test;
    test.name = json.value(u"name"_s).toString();
    const QString outcome = json.value(u"outcome"_s).toString();
    test.outcome = outcome == u"passed"_s ? ScriptTest::Outcome::Passed
        : outcome == u"skipped"_s         ? ScriptTest::Outcome::Skipped
                                          : ScriptTest::Outcome::Failed;
    test.message = json.value(u"message"_s).toString();
    test.errorName = json.value(u"errorName"_s).toString();
    test.where = json.value(u"where"_s).toString();
    return test;
}

QJsonObject fromConsoleLine(const ScriptConsoleLine &line)
{
    return { { u"level"_s, line.level }, { u"text"_s, line.text }, { u"where"_s, line.where } };
}

ScriptConsoleLine toConsoleLine(const QJsonObject &json)
{
    return { json.value(u"level"_s).toString(), json.value(u"text"_s).toString(),
             json.value(u"where"_s).toString() };
}

QJsonObject fromResponse(const HttpResponse &response)
{
    QJsonObject json = ScriptEngine::responseJson(response);
    json.insert(u"body"_s, QString::fromUtf8(response.body));
    if (response.error != HttpResponse::Error::None && !response.hasStatus())
        json.insert(u"error"_s,
                    response.errorMessage.isEmpty() ? u"The request failed."_s : response.errorMessage);
    return json;
}

HttpResponse toResponse(const QJsonObject &json)
{
    HttpResponse response;
    response.statusCode = json.value(u"code"_s).toInt();
    response.reasonPhrase = json.value(u"status"_s).toString();
    for (const QJsonValue &header : json.value(u"headers"_s).toArray())
        response.headers.append(
            { header[u"key"_s].toString().toLatin1(), header[u"value"_s].toString().toLatin1() });
    response.body = json.value(u"body"_s).toString().toUtf8();
    response.elapsedMs = json.value(u"responseTime"_s).toInteger();
    if (json.contains(u"error"_s)) {
        response.error = HttpResponse::Error::Network;
        response.errorMessage = json.value(u"error"_s).toString();
    }
    return response;
}

} // namespace Postern::ScriptJson
