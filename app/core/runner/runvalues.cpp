#include "runner/runvalues.h"

#include <QJsonArray>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern {

namespace RunSettings {

namespace {
constexpr std::chrono::milliseconds shortest { 100 };
constexpr std::chrono::milliseconds longest { 600000 };
} // namespace

std::chrono::milliseconds scriptTimeLimit()
{
    const qint64 ms = QSettings().value(u"scripts/timeLimitMs"_s, qint64(5000)).toLongLong();
    return std::clamp(std::chrono::milliseconds(ms), shortest, longest);
}

void setScriptTimeLimit(std::chrono::milliseconds limit)
{
    QSettings().setValue(u"scripts/timeLimitMs"_s, qint64(std::clamp(limit, shortest, longest).count()));
}

} // namespace RunSettings

int RunOptions::iterationCount() const
{
    return qMax(qMax(iterations, 1), int(data.size()));
}

int RunOptions::shardIterationCount() const
{
    const int count = qMax(shardCount, 1);
    const int total = iterationCount();
    return shardIndex >= total ? 0 : (total - shardIndex + count - 1) / count;
}

int RunExecution::failedTests() const
{
    int count = 0;
    for (const ScriptTest &test : tests)
        count += test.outcome == ScriptTest::Outcome::Failed ? 1 : 0;
    return count;
}

void RunTotals::add(const RunExecution &execution)
{
    if (execution.skipped)
        return;
    ++requests;
    failedRequests += execution.error.isEmpty() ? 0 : 1;
    scriptErrors += int(execution.failures.size());
    for (const ScriptTest &test : execution.tests) {
        ++tests;
        passed += test.outcome == ScriptTest::Outcome::Passed ? 1 : 0;
        failed += test.outcome == ScriptTest::Outcome::Failed ? 1 : 0;
        skipped += test.outcome == ScriptTest::Outcome::Skipped ? 1 : 0;
    }
}

void RunReport::add(const RunExecution &execution, bool keepPassed)
{
    if (keepPassed || execution.failed())
        executions.append(execution);
    else
        notKept.add(execution);
}

RunTotals RunReport::totals() const
{
    RunTotals totals = notKept;
    for (const RunExecution &execution : executions)
        totals.add(execution);
    return totals;
}

QJsonObject RunReport::toJson(const QStringList &secretValues, Secrets secrets) const
{
    auto clean = [&](QString text) {
        if (secrets == Secrets::Include)
            return text;
        for (const QString &value : secretValues) {
            if (value.size() >= 3) // a one- or two-letter value would mask half of every message
                text.replace(value, u"****"_s);
        }
        return text;
    };
    QJsonArray executionsJson;
    for (const RunExecution &execution : executions) {
        QJsonArray testsJson;
        for (const ScriptTest &test : execution.tests) {
            QJsonObject object { { u"name"_s, clean(test.name) },
                                 { u"outcome"_s, scriptTestOutcomeName(test.outcome) } };
            if (test.outcome == ScriptTest::Outcome::Failed)
                object.insert(u"message"_s, clean(test.message));
            testsJson.append(object);
        }
        QJsonArray failuresJson;
        for (const ScriptFailure &failure : execution.failures) {
            failuresJson.append(QJsonObject { { u"name"_s, failure.name },
                                              { u"message"_s, clean(failure.message) },
                                              { u"where"_s, failure.where },
                                              { u"line"_s, failure.line },
                                              { u"text"_s, clean(failure.text()) } });
        }
        QJsonArray consoleJson;
        for (const ScriptConsoleLine &line : execution.console)
            consoleJson.append(QJsonObject {
                { u"level"_s, line.level },
                { u"text"_s, secrets == Secrets::MaskConsoleToo ? clean(line.text) : line.text } });
        QJsonObject object { { u"iteration"_s, execution.iteration + 1 },
                             { u"name"_s, execution.name },
                             { u"id"_s, execution.itemId },
                             { u"method"_s, execution.method },
                             { u"url"_s, clean(execution.url) },
                             { u"tests"_s, testsJson } };
        if (execution.skipped) {
            object.insert(u"skipped"_s, true);
        } else if (!execution.error.isEmpty()) {
            object.insert(u"error"_s, clean(execution.error));
        } else {
            object.insert(u"status"_s, execution.status);
            object.insert(u"reason"_s, execution.reason);
            object.insert(u"responseTime"_s, execution.responseTime);
            if (execution.timings.isKnown())
                object.insert(u"timings"_s, execution.timings.toJson());
            object.insert(u"responseSize"_s, execution.responseSize);
        }
        if (!failuresJson.isEmpty())
            object.insert(u"scriptErrors"_s, failuresJson);
        if (!consoleJson.isEmpty()) // the console is the script's own choice of what to print
            object.insert(u"console"_s, consoleJson);
        executionsJson.append(object);
    }
    const RunTotals t = totals();
    QJsonObject json { { u"collection"_s, collectionName },
                       { u"environment"_s, environmentName },
                       { u"iterations"_s, iterations },
                       { u"startedAt"_s, startedAt.toUTC().toString(Qt::ISODateWithMs) },
                       { u"durationMs"_s, durationMs },
                       { u"totals"_s,
                         QJsonObject { { u"requests"_s, t.requests },
                                       { u"failedRequests"_s, t.failedRequests },
                                       { u"tests"_s, t.tests },
                                       { u"passed"_s, t.passed },
                                       { u"failed"_s, t.failed },
                                       { u"skipped"_s, t.skipped },
                                       { u"scriptErrors"_s, t.scriptErrors } } },
                       { u"executions"_s, executionsJson } };
    if (canceled)
        json.insert(u"canceled"_s, true);
    if (!stoppedBecause.isEmpty())
        json.insert(u"stopped"_s, stoppedBecause);
    return json;
}

} // namespace Postern
