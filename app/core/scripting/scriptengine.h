#pragma once

#include "scripting/scriptrunner.h"

#include <QHash>
#include <QJSValue>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QJSEngine;
QT_END_NAMESPACE

namespace Postern {

class HttpClient;
class ScriptHost;
class ScriptWatchdog;

// Runs Postman's scripts in Qt's JavaScript engine. One engine is made once (loading chai, lodash and
// Postern's pm API costs about a tenth of a second) and runs any number of script batches, one at a
// time: run() takes the scripts of one event of one request (collection, folders, request, in that
// order) and emits finished() once, never inside run(), with what they left: variables, the request
// as pre-request scripts changed it, tests, console lines, failures and setNextRequest().
//
// Each script gets its own scope (its var and function declarations do not reach the next script) and
// the globals of Postman's sandbox: pm, postman, tests, console, require, _, CryptoJS, atob/btoa,
// setTimeout and the legacy responseBody, responseCode, responseHeaders, responseTime. Scripts are
// contained: no file, process or network access except pm.sendRequest, which goes through the sender
// (an HttpClient, or the pipe to the application in postern-script-worker; none: pm.sendRequest fails
// with a message). A script that runs longer than the
// time limit is interrupted; its failure says so. pm.sendRequest answers, timers and pm.test's done()
// are waited for, up to the time limit after the last thing that happened.
class ScriptEngine : public ScriptRunner
{
    Q_OBJECT

public:
    // Sends what pm.sendRequest asks for; done runs once with the answer, later, on this thread.
    using Sender
        = std::function<void(const HttpRequest &request, std::function<void(const HttpResponse &)> done)>;
    static Sender senderFor(HttpClient *client);

    explicit ScriptEngine(HttpClient *client = nullptr, QObject *parent = nullptr);
    ~ScriptEngine() override;

    void setSender(Sender sender) { m_sender = std::move(sender); }

    // Empty when the engine and its libraries loaded; otherwise why not (every run() then fails).
    QString loadError() const override { return m_loadError; }

    void setTimeLimit(std::chrono::milliseconds limit) override { m_timeLimit = limit; }
    std::chrono::milliseconds timeLimit() const { return m_timeLimit; }

    bool isRunning() const { return m_running; }
    // Starts the batch; false (and nothing emitted) when one is running already.
    bool run(const ScriptInput &input) override;
    // Ends the running batch now: pending answers and timers are dropped, finished() is emitted.
    void cancel() override;

    // Reads a request as a script describes it (pm.sendRequest's options, pm.request after a
    // pre-request script): {method, url, headers: [{key, value, disabled}], body: {mode, raw, …}}.
    static void applyRequestJson(const QJsonObject &json, HttpRequest *request);
    static QJsonObject requestJson(const HttpRequest &request);
    static QJsonObject responseJson(const HttpResponse &response);

    // Lets ScriptProcess::Isolation::InProcess run batches in a ScriptEngine; once, before such a run,
    // by a program that links this engine (postern run, tests).
    static void registerInProcess();

private:
    friend class ScriptHost;

    bool load();
    QJSValue evaluateFile(const QString &resource, const QString &prefix, const QString &suffix);
    QJSValue nodeFile(const QString &path);
    void startScript();
    void finishScript();
    void fail(const QString &name, const QString &message, int line = 0);
    void failFromError(const QJSValue &error);
    bool call(const QJSValue &function, const QJSValueList &arguments); // guarded; false on failure
    void settle(); // after each callback: finish the script once nothing is pending
    void restartWaitTimer();
    void endBatch();
    void forgetGlobals();

    // ScriptHost's side.
    int beginWait(const QString &what);
    void endWait(int id);
    int sendRequest(const QString &json);
    int startTimer(int ms);
    void stopTimer(int id);
    void addTest(const ScriptTest &test);
    void addConsole(const QString &level, const QString &text);
    void secretRead(const QString &scope, const QString &key);

    Sender m_sender;
    std::unique_ptr<QJSEngine> m_engine;
    std::unique_ptr<ScriptWatchdog> m_watchdog;
    ScriptHost *m_host = nullptr;
    QJSValue m_api; // pm.js's {sandbox, collect, timerFired, answered}
    QSet<QString> m_baseGlobals; // the global object's own names after loading
    // Scripts compiled so far, by where they come from, their parameters and their text: a collection
    // runs the same few scripts again and again. Emptied when it grows past CompiledLimit.
    QHash<QString, QJSValue> m_compiled;
    static constexpr qsizetype CompiledLimit = 256;
    QString m_loadError;
    std::chrono::milliseconds m_timeLimit = DefaultTimeLimit;

    // The running batch.
    bool m_running = false;
    ScriptInput m_input;
    ScriptOutcome m_outcome;
    qsizetype m_index = 0;
    QJSValue m_box; // the running script's sandbox
    QString m_where;
    bool m_scriptFailed = false;
    int m_nextWaitId = 1;
    QHash<int, QString> m_waits; // done() callbacks not yet called: what each waits for
    QHash<int, QTimer *> m_timers;
    QSet<int> m_calls; // pm.sendRequest answers not yet in
    QTimer m_waitLimit;
    quint64 m_generation = 0; // bumped per script: late callbacks of an ended script are dropped
};

} // namespace Postern
