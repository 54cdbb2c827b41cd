// bench_runner: a collection of 1,000 requests (10 requests, 100 iterations), each with a small test
// script, run against the sandbox instance by newman and by Postern's CollectionRunner, one after the
// other in this process; prints both times and their ratio. `--iterations N` changes the count.

#include "http/httpclient.h"
#include "interop/postmancollection.h"
#include "runner/collectionrunner.h"
#include "sandbox/sandboxserver.h"
#include "shared/newman.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QJsonObject collectionJson()
{
    QJsonArray items;
    for (int i = 1; i <= 10; ++i) {
        const QJsonObject test {
            { u"listen"_s, u"test"_s },
            { u"script"_s,
              QJsonObject { { u"type"_s, u"text/javascript"_s },
                            { u"exec"_s,
                              QJsonArray { u"pm.test('status is 200', function () {"_s,
                                           u"    pm.response.to.have.status(200);"_s, u"});"_s,
                                           u"pm.test('one record', function () {"_s,
                                           u"    pm.expect(pm.response.json().result).to.have.lengthOf(1);"_s,
                                           u"});"_s } } } }
        };
        items.append(QJsonObject {
            { u"name"_s, u"Incident %1"_s.arg(i) },
            { u"event"_s, QJsonArray { test } },
            { u"request"_s,
              QJsonObject {
                  { u"method"_s, u"GET"_s },
                  { u"url"_s,
                    u"{{baseUrl}}/api/now/table/incident?sysparm_limit=1&sysparm_offset=%1"_s.arg(i) } } } });
    }
    return QJsonObject {
        { u"info"_s,
          QJsonObject {
              { u"name"_s, u"Benchmark"_s },
              { u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s } } },
        { u"auth"_s,
          QJsonObject {
              { u"type"_s, u"basic"_s },
              { u"basic"_s,
                QJsonArray { QJsonObject { { u"key"_s, u"username"_s }, { u"value"_s, u"admin"_s } },
                             QJsonObject { { u"key"_s, u"password"_s }, { u"value"_s, u"admin"_s } } } } } },
        { u"item"_s, items }
    };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int iterations = 100;
    const QStringList arguments = app.arguments();
    if (const qsizetype at = arguments.indexOf(u"--iterations"_s); at >= 0 && at + 1 < arguments.size())
        iterations = qMax(1, arguments.at(at + 1).toInt());
    if (const QString why = Newman::unavailable(); !why.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        return 2;
    }
    qputenv("POSTERN_SCRIPT_WORKER", POSTERN_SCRIPT_WORKER_PATH);
    Sandbox::SandboxServer sandbox(Sandbox::Registry::defaults());
    if (!sandbox.listen(0)) {
        std::fprintf(stderr, "The sandbox could not listen: %s\n", qPrintable(sandbox.errorString()));
        return 2;
    }
    QTemporaryDir dir;
    const QByteArray json = QJsonDocument(collectionJson()).toJson();
    const QString file = dir.filePath(u"benchmark.postman_collection.json"_s);
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return 2;
        out.write(json);
    }
    const int requests = 10 * iterations;
    std::printf("%d requests (10 requests x %d iterations), each with 2 tests, against the sandbox\n",
                requests, iterations);

    QElapsedTimer clock;
    clock.start();
    const Newman::Result newman = Newman::run({ file, u"-n"_s, QString::number(iterations), u"--env-var"_s,
                                                u"baseUrl="_s + sandbox.baseUrl().toString() },
                                              dir.path(), 600000);
    const qint64 newmanMs = clock.elapsed();
    const QJsonObject assertions = newman.run.value(u"stats"_s).toObject().value(u"assertions"_s).toObject();
    std::printf("newman:  %6lld ms  (%d assertions, %d failed)\n", newmanMs,
                assertions.value(u"total"_s).toInt(), assertions.value(u"failed"_s).toInt());

    const PostmanImport imported = PostmanCollection::import(json);
    Environment environment;
    environment.variables
        = { Variable { u"baseUrl"_s, sandbox.baseUrl().toString(), true, false, QString() } };
    RunOptions options;
    options.iterations = iterations;
    QNetworkAccessManager network;
    HttpClient client(&network);
    CollectionRunner runner(CollectionRunner::senderFor(&client), &client);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    clock.restart();
    runner.start(imported.collection, environment, {}, options);
    if (!finished.wait(600000)) {
        std::fprintf(stderr, "Postern's run did not finish within 600 s\n");
        return 1;
    }
    const qint64 posternMs = clock.elapsed();
    const RunTotals totals = runner.report().totals();
    std::printf("Postern: %6lld ms  (%d tests, %d failed)\n", posternMs, totals.tests, totals.failed);
    std::printf("ratio Postern / newman: %.2f (below 1: Postern is faster)\n",
                double(posternMs) / double(qMax<qint64>(1, newmanMs)));
    return totals.failed == 0 && totals.tests == 2 * requests ? 0 : 1;
}
