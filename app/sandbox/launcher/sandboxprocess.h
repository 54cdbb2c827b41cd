#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace Postern {

// Runs the postern-sandbox executable as a child process for as long as this object lives, and
// reports the base URL it prints on its first line of output. Used when Postern starts with no
// instance configured, so that there is something real to send requests to.
class SandboxProcess : public QObject
{
    Q_OBJECT

public:
    explicit SandboxProcess(QObject *parent = nullptr);
    ~SandboxProcess() override;

    // Where the executable is looked for, in order: $POSTERN_SANDBOX, next to the running
    // executable, in ../app/sandbox (a build tree), then on $PATH. Empty when not found.
    static QString locateExecutable();

    // The arguments Postern starts the sandbox with: it ends with Postern (--exit-with-stdin), keeps
    // the tokens it issues in stateFile, and listens on preferredPort when that is free (0: any port),
    // so that {{instance}} and the tokens obtained from it stay valid across restarts.
    static QStringList standardArguments(const QString &stateFile, quint16 preferredPort);
    // Where Postern keeps the sandbox's state file, in its data folder.
    static QString defaultStateFile(const QString &dataDir);

    // Starts the child; emits ready() or failed() once. Its standard input stays open until stop(), so
    // a child started with postern-sandbox's --exit-with-stdin ends with this process, even a killed one.
    void start(const QString &program, const QStringList &arguments = {});
    // Closes the child's standard input and gives it a moment to end by itself (saving its state),
    // then terminates it.
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }

Q_SIGNALS:
    void ready(const QUrl &baseUrl);
    void failed(const QString &message);

private:
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);

    QProcess m_process;
    QByteArray m_firstLine;
    QUrl m_baseUrl;
    bool m_reported = false;
};

} // namespace Postern
