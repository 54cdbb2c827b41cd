#pragma once

#include "cli/runcommand.h"
#include "cli/runreporters.h"
#include "http/httpclient.h"
#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Postern {

class CollectionRunner;

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
    bool load();
    void onExecution(const RunExecution &execution);
    void onFinished(const RunReport &report);
    bool writeFile(const QString &path, const QByteArray &bytes, const QString &what);
    QStringList secrets() const;
    void print(const QString &text);

    RunCommand m_command;
    QIODevice *m_output;
    QIODevice *m_errors;
    QNetworkAccessManager m_network;
    HttpClient m_client { &m_network };
    std::unique_ptr<CollectionRunner> m_runner;
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
