// bench_scripts: where the time of one small test script goes. Runs the same post-response script on
// the same ~12 KB JSON answer N times through ScriptEngine, and the JavaScript of the script alone in a
// bare QJSEngine (the reference: what the engine costs without Postman's sandbox), then prints the time
// of each and their ratio. Variants split the script into its parts.
#include "scripting/scriptengine.h"
#include "shared/posternrun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

double runScripts(ScriptEngine &engine, const ScriptInput &input, int count)
{
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        QSignalSpy finished(&engine, &ScriptEngine::finished);
        engine.run(input);
        if (finished.isEmpty())
            finished.wait(5000);
    }
    return clock.nsecsElapsed() / 1000.0 / count;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int count = 1000;
    const QStringList arguments = app.arguments();
    if (const qsizetype at = arguments.indexOf(u"--scripts"_s); at >= 0 && at + 1 < arguments.size())
        count = qMax(1, arguments.at(at + 1).toInt());

    HttpResponse response;
    response.statusCode = 200;
    response.reasonPhrase = u"OK"_s;
    response.headers = { { "Content-Type", "application/json" }, { "Content-Length", "11962" } };
    response.body = PosternRun::incidentPage();
    response.elapsedMs = 1;

    ScriptInput input;
    input.event = ScriptEvent::Test;
    input.request.method = u"GET"_s;
    input.request.url = u"http://127.0.0.1:8080/api/now/table/incident"_s;
    input.response = response;
    input.requestName = u"Incidents"_s;
    input.requestId = u"1"_s;

    const struct
    {
        const char *name;
        QString code;
        QString bare;
    } variants[] = {
        { "empty script", QString(), QString() },
        { "pm.test only", u"pm.test('t', function () {});"_s, QString() },
        { "status", u"pm.test('t', function () { pm.response.to.have.status(200); });"_s, QString() },
        { "json length",
          u"pm.test('t', function () { pm.expect(pm.response.json().result).to.have.lengthOf(52); });"_s,
          u"JSON.parse(body).result.length === 52"_s },
        { "whole test",
          u"pm.test('a page of 52', function () {\n    pm.response.to.have.status(200);\n"
          "    pm.expect(pm.response.json().result).to.have.lengthOf(52);\n});"_s,
          u"JSON.parse(body).result.length === 52"_s },
    };
    ScriptEngine engine;
    if (!engine.loadError().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.loadError()));
        return 2;
    }
    QJSEngine bare;
    bare.globalObject().setProperty(u"body"_s, QString::fromUtf8(response.body));
    std::printf("%d runs of each script on a %lld-byte JSON answer (microseconds per script)\n", count,
                qint64(response.body.size()));
    for (const auto &variant : variants) {
        input.scripts = { { u"request"_s, variant.code } };
        runScripts(engine, input, qMin(count, 50)); // compiled and warm
        const double postern = runScripts(engine, input, count);
        std::printf("%-14s postern %7.1f", variant.name, postern);
        if (!variant.bare.isEmpty()) {
            QJSValue function = bare.evaluate(u"(function () { return "_s + variant.bare + u"; })"_s);
            QElapsedTimer clock;
            clock.start();
            for (int i = 0; i < count; ++i)
                function.call();
            const double reference = clock.nsecsElapsed() / 1000.0 / count;
            std::printf("   bare QJSEngine %7.1f   ratio %.1f", reference, postern / reference);
        }
        std::printf("\n");
    }
    return 0;
}
