#pragma once

#include "cli/clisender.h"
#include "cli/runcommand.h"
#include "cli/runreporters.h"
#include "http/httpclient.h"
#include "oauth/tokenendpointclient.h"
#include "runner/runvalues.h"
#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>

#include <map>
#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Postern {

class CliWorkspace;
class CollectionRunner;
class CookieStore;
class RequestSender;
class TokenRefresher;

// `postern run`: loads what the command names (collection, environment, globals, data file), runs it
// with CollectionRunner, writes what the reporters write, exports what was asked for, and ends with an
// ExitCode. Output goes to output (the cli reporter), one-line errors to errors.
class CommandLineRun : public QObject
{
    Q_OBJECT

public:
    CommandLineRun(const RunCommand &command, QIODevice *output, QIODevice *errors,
                   QObject *parent = nullptr);
    ~CommandLineRun() override;

    // Loads and starts the run; finished() comes later in every case, also when loading failed.
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void fail(ExitCode code, const QString &message);
    void begin(); // load() and run
    bool load();
    void onExecution(const RunExecution &execution);
    void report(const RunExecution &execution); // to the cli and progress reporters
    void onFinished(const RunReport &report);
    // --parallel: one runner per iteration, at most N at a time; output in the iterations' order.
    void startParallel();
    void startIteration(int iteration);
    void onIterationFinished(int iteration, const RunReport &ended);
    void stopAll();
    bool writeFile(const QString &path, const QByteArray &bytes, const QString &what);
    QStringList secrets() const;
    void print(const QString &text);
    void note(const QString &message); // one line to errors: "postern run: message"

    RunCommand m_command;
    QIODevice *m_output;
    QIODevice *m_errors;
    QNetworkAccessManager m_network;
    CookieStore *m_cookies = nullptr; // m_network's jar
    HttpClient m_client { &m_network };
    TokenEndpointClient m_endpoint { &m_network };
    CliSender m_sender { &m_client, &m_endpoint };
    // --workspace: the workspace, and the sender of requests that use the tokens the app stored.
    std::unique_ptr<CliWorkspace> m_workspace;
    std::unique_ptr<TokenRefresher> m_refresher;
    std::unique_ptr<RequestSender> m_storedSender;
    std::unique_ptr<CollectionRunner> m_runner; // a run in one go (not --parallel)
    RunOptions m_options;
    struct Iteration
    {
        std::unique_ptr<CollectionRunner> runner; // while it runs
        QList<RunExecution> executions;
        bool finished = false;
    };
    std::map<int, Iteration> m_parallel; // --parallel: by iteration
    QList<int> m_queue; // iterations not started yet
    QList<int> m_order; // every iteration of this run, in order
    qsizetype m_printed = 0; // of m_order, reported so far
    RunReport m_merged;
    QElapsedTimer m_clock;
    QStringList m_pastSecrets; // secret values of the iterations that have ended
    VariableList m_lastEnvironment; // as the last iteration left them
    VariableList m_lastGlobals;
    bool m_stopStarting = false;
    bool m_ended = false; // finished() has been decided
    Collection m_collection;
    Environment m_environment;
    VariableList m_globals;
    RunReporters::Cli m_cli;
    int m_iterations = 1;
    int m_total = 0; // requests the run will send, as far as known at its start (for progress)
    int m_done = 0;
    bool m_timedOut = false;
};

} // namespace Postern
