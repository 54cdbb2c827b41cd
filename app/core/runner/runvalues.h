#pragma once

#include "http/httptimings.h"
#include "scripting/scriptvalues.h"
#include "workspace/variables.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace Postern {

// The user's setting for how long one script may run (Settings > Script Time Limit…), kept with
// QSettings under "scripts/timeLimitMs"; 5 s unless set, and never below 100 ms or above 10 minutes.
namespace RunSettings {
std::chrono::milliseconds scriptTimeLimit();
void setScriptTimeLimit(std::chrono::milliseconds limit);
} // namespace RunSettings

// How a collection is run: which requests in which order, how often, with which data.
struct RunOptions
{
    QString folderId; // run only this folder's requests; empty: the whole collection
    QStringList requestIds; // the requests to run, in this order; empty: all, in the collection's order
    int iterations = 1; // with data rows: at least one iteration per row
    QList<QJsonObject> data; // the data file's rows (CSV or JSON): pm.iterationData, and variables
    std::chrono::milliseconds delay { 0 }; // between two requests
    bool stopOnFailure = false; // stop after the first request with a failed test or script error
    // A share of the iterations, for one of several machines: those whose index i (0-based) has
    // i % shardCount == shardIndex. pm.info.iteration and the data row stay those of the whole run.
    int shardIndex = 0;
    int shardCount = 1;
    std::chrono::milliseconds scriptTimeLimit { 5000 };
    // Whether the report keeps the executions that passed (the json and junit reporters, the runner
    // window need them); failures are always kept.
    bool keepPassedExecutions = true;
    // Scripts in an engine of this process instead of postern-script-worker: faster, for a program
    // that reports its own crashes (postern run); see ScriptProcess::Isolation.
    bool scriptsInProcess = false;

    int iterationCount() const; // of the whole run
    int shardIterationCount() const; // of this share of it
};

// One request of a run: what went out, what came back, what its tests said.
struct RunExecution
{
    int iteration = 0; // 0-based
    QString itemId;
    QString name;
    QString method;
    QString url; // as sent, secret variables masked
    bool skipped = false; // pm.execution.skipRequest()
    int status = 0; // 0: no answer
    QString reason;
    qint64 responseTime = 0;
    HttpTimings timings; // the phases of the exchange, as far as Qt reported them
    qint64 responseSize = 0;
    QString error; // why there is no answer
    QList<ScriptTest> tests;
    QList<ScriptFailure> failures; // scripts that did not run to their end
    QList<ScriptConsoleLine> console;

    int failedTests() const;
    bool failed() const { return failedTests() > 0 || !failures.isEmpty() || !error.isEmpty(); }
};

struct RunTotals
{
    int requests = 0;
    int failedRequests = 0; // no answer
    int tests = 0;
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    int scriptErrors = 0;

    void add(const RunExecution &execution);
};

// A whole run: what the runner window shows and what Export saves.
struct RunReport
{
    QString collectionName;
    QString environmentName;
    int iterations = 0;
    QDateTime startedAt;
    qint64 durationMs = 0;
    bool canceled = false;
    QString stoppedBecause; // a failure with "stop on first failure", setNextRequest(null), …
    QList<RunExecution> executions;
    // Executions that were counted but not kept (add() with keepPassed false): a long run whose
    // reporters need only the totals and the failures keeps its memory flat.
    RunTotals notKept;

    // Keeps execution, or only counts it when it passed and keepPassed is false.
    void add(const RunExecution &execution, bool keepPassed = true);
    RunTotals totals() const;
    // The report as JSON. Values of secret variables that scripts read are replaced by "****"
    // wherever they appear in messages (Mask); what scripts printed to the console is the scripts' own
    // choice and stays as printed, unless MaskConsoleToo (postern run, which keeps secrets out of every
    // output); Include leaves everything as it is.
    enum class Secrets { Mask, MaskConsoleToo, Include };
    QJsonObject toJson(const QStringList &secretValues, Secrets secrets = Secrets::Mask) const;
};

} // namespace Postern
