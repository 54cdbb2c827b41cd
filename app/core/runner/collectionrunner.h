#pragma once

#include "runner/runvalues.h"
#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Postern {

class HttpClient;
class ScriptProcess;

// Runs a collection (or one folder of it) as Postman's Collection Runner and newman do: for each
// iteration, each request in order: the pre-request scripts (collection, folders, request), the request
// with its {{variables}} replaced (local, data, environment, collection, globals) and its inherited
// authorization, then the post-response scripts in the same order. postman.setNextRequest() jumps to a
// request by name (or id) or, with null, ends the run. Variables that scripts set carry from one request
// to the next; variables(), environment() and globals() give their values at the end, for the caller to
// keep or drop ("keep variable values").
//
// Driven by signals and without a widget: the runner window and `postern run` are two front ends.
// Scripts run in postern-script-worker (ScriptProcess); requests go out through the sender given.
class CollectionRunner : public QObject
{
    Q_OBJECT

public:
    // Stops a request on its way (done then runs with Error::Canceled); may be empty.
    using CancelSend = std::function<void()>;
    // Sends a request; done runs once, later, with the answer. Returns how to stop it.
    using Sender = std::function<CancelSend(const HttpRequest &request,
                                            std::function<void(const HttpResponse &)> done)>;
    static Sender senderFor(HttpClient *client);

    CollectionRunner(Sender sender, HttpClient *scriptClient, QObject *parent = nullptr);
    ~CollectionRunner() override;

    // Whether any script would run around the request saved under itemId: its own, its folders', or
    // the collection's.
    static bool hasScripts(const Collection &collection, const QString &itemId);

    // The requests a run with these options sends per iteration, in order: id and name.
    static QList<QPair<QString, QString>> plan(const Collection &collection, const RunOptions &options);

    // Starts the run; false when one is running. The collection and environment are copies: the
    // workspace is not touched.
    bool start(const Collection &collection, const Environment &environment, const VariableList &globals,
               const RunOptions &options);
    void cancel();
    bool isRunning() const { return m_running; }

    const RunReport &report() const { return m_report; }
    // The variables at the end of the run, with the values scripts gave them.
    VariableList environment() const;
    VariableList collectionVariables() const;
    VariableList globals() const;
    // Values of the secret variables scripts read, and the credentials the requests carried (which
    // post-response scripts see in pm.request): kept out of exported reports (RunReport::toJson).
    QStringList secretValues() const;

Q_SIGNALS:
    void started(int requestsPerIteration, int iterations);
    void requestStarted(int iteration, int index, const QString &name);
    // The answer of the running request, before its post-response scripts run.
    void responseReceived(const Postern::HttpResponse &response);
    void testFinished(const Postern::ScriptTest &test);
    void executionFinished(const Postern::RunExecution &execution);
    void finished(const Postern::RunReport &report);

private:
    struct Step
    {
        const CollectionItem *item = nullptr;
        QList<const CollectionItem *> folders; // from the top down
    };

    void runStep();
    void runScripts(ScriptEvent event, std::function<void(const ScriptOutcome &)> then);
    void afterPreRequest(const ScriptOutcome &outcome);
    void send();
    void afterResponse(const HttpResponse &response);
    void afterTests(const ScriptOutcome &outcome);
    void take(const ScriptOutcome &outcome);
    void advance();
    void end(const QString &why = QString());
    QList<ScriptSource> scripts(ScriptEvent event) const;
    VariableResolver resolver(bool masked) const;

    Sender m_sender;
    ScriptProcess *m_scripts;
    bool m_running = false;
    bool m_canceled = false;
    Collection m_collection;
    RunOptions m_options;
    QList<Step> m_steps;
    int m_iteration = 0;
    qsizetype m_index = 0;
    ScriptScopes m_scopes;
    QString m_jumpTo; // setNextRequest's target for after this request
    bool m_stopAfter = false;
    HttpRequest m_request; // the running request, as its pre-request scripts left it
    HttpRequest m_sent; // the request as it went out, for the post-response scripts
    CancelSend m_cancelSend; // while a request is on its way
    HttpResponse m_response; // its answer, for the post-response scripts
    RunExecution m_execution;
    RunReport m_report;
    QElapsedTimer m_clock;
    QTimer m_delay;
    quint64 m_generation = 0;
    QStringList m_secretsRead;
    QStringList m_credentials; // what the requests' authorization put on the wire
    QStringList m_pastSecrets; // secret values as they were before the last scripts changed them
};

} // namespace Postern
