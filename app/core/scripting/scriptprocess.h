#pragma once

#include "scripting/scriptrunner.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

QT_BEGIN_NAMESPACE
class QProcess;
QT_END_NAMESPACE

namespace Postern {

class HttpClient;

// Runs script batches in postern-script-worker, a process of its own, so that a script that brings
// JavaScript down (a string of gigabytes, a bug in the engine) costs a failure message, never the
// application. The same interface as ScriptEngine: run() emits testFinished() and consoleLine() as they
// happen and finished() once, never inside run(). pm.sendRequest goes out through the HttpClient given.
//
// The worker is started at the first run() and kept for the next ones; its memory is capped. When it
// ends in the middle of a batch, or says nothing for twice the time limit and a few seconds more while
// no answer is awaited, it is stopped and the batch finishes with one failure saying so and the
// variables as they were before it.
//
// Isolation::InProcess runs the same batches in a ScriptEngine of this process instead, with the same
// time limit and without the round trip through the pipe (a millisecond a batch): for a program that is
// a process of its own already and reports its own crashes, as postern run does. Such a program calls
// ScriptEngine::registerInProcess() first: this class does not link Qt's JavaScript engine itself, so
// that the application, which runs scripts in the worker, does not load it.
class ScriptProcess : public QObject
{
    Q_OBJECT

public:
    enum class Isolation { Worker, InProcess };

    explicit ScriptProcess(HttpClient *client, QObject *parent = nullptr);
    ~ScriptProcess() override;

    // Before the first run().
    void setIsolation(Isolation isolation) { m_isolation = isolation; }
    // What makes the runner of Isolation::InProcess (ScriptEngine::registerInProcess sets it).
    using InProcessRunner = std::function<ScriptRunner *(HttpClient *client, QObject *parent)>;
    static void setInProcessRunner(InProcessRunner make);
    Isolation isolation() const { return m_isolation; }

    // $POSTERN_SCRIPT_WORKER, next to the application, in the build tree, or on PATH; empty if none.
    static QString locateWorker();
    void setWorkerPath(const QString &path) { m_workerPath = path; }
    QString workerPath() const { return m_workerPath; }

    void setTimeLimit(std::chrono::milliseconds limit) { m_timeLimit = limit; }
    std::chrono::milliseconds timeLimit() const { return m_timeLimit; }

    bool isRunning() const { return m_running; }
    bool run(const ScriptInput &input);
    void cancel();

Q_SIGNALS:
    void testFinished(const Postern::ScriptTest &test);
    void consoleLine(const Postern::ScriptConsoleLine &line);
    void finished(const Postern::ScriptOutcome &outcome);

private:
    bool startWorker(QString *error);
    void readOutput();
    void handle(const QJsonObject &message);
    void send(const QJsonObject &message);
    void workerEnded();
    void abandon(const QString &name, const QString &message);
    void finish(const ScriptOutcome &outcome);
    void touch();

    void runInProcess(const ScriptInput &input);

    HttpClient *m_client;
    Isolation m_isolation = Isolation::Worker;
    ScriptRunner *m_engine = nullptr; // InProcess: made at the first run()
    QString m_workerPath;
    std::chrono::milliseconds m_timeLimit;
    QProcess *m_process = nullptr;
    QByteArray m_buffer;
    bool m_ready = false;
    bool m_running = false;
    int m_sendsOut = 0;
    quint64 m_batch = 0;
    ScriptInput m_input;
    QList<ScriptTest> m_tests; // as they came, for a batch that ends with its worker
    QList<ScriptConsoleLine> m_console;
    QTimer m_silence;
};

} // namespace Postern
