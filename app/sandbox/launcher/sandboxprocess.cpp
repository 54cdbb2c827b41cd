#include "sandbox/launcher/sandboxprocess.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Postern {

SandboxProcess::SandboxProcess(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SandboxProcess::onReadyRead);
    connect(&m_process, &QProcess::finished, this, &SandboxProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &SandboxProcess::onError);
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

QString SandboxProcess::locateExecutable()
{
    const QString name = u"postern-sandbox"_s;
    const QString fromEnv = qEnvironmentVariable("POSTERN_SANDBOX");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : { here.filePath(name), here.filePath(u"../app/sandbox/"_s + name) }) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(name);
}

QStringList SandboxProcess::standardArguments(const QString &stateFile, quint16 preferredPort)
{
    QStringList arguments = { u"--exit-with-stdin"_s };
    if (!stateFile.isEmpty())
        arguments << u"--state"_s << stateFile;
    if (preferredPort != 0)
        arguments << u"--preferred-port"_s << QString::number(preferredPort);
    return arguments;
}

QString SandboxProcess::defaultStateFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"sandbox-state.json"_s);
}

void SandboxProcess::start(const QString &program, const QStringList &arguments)
{
    m_reported = false;
    m_firstLine.clear();
    m_baseUrl.clear();
    if (program.isEmpty()) {
        m_reported = true;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT failed(tr("The postern-sandbox program was not found.")); },
            Qt::QueuedConnection);
        return;
    }
    qCInfo(lcSandbox) << "starting" << program;
    m_process.start(program, arguments);
}

void SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.disconnect(this);
    m_process.closeWriteChannel();
    if (m_process.waitForFinished(1000))
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(2000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void SandboxProcess::onReadyRead()
{
    if (m_reported) {
        m_process.readAllStandardOutput(); // later lines are not ours to read
        return;
    }
    m_firstLine += m_process.readAllStandardOutput();
    const qsizetype newline = m_firstLine.indexOf('\n');
    if (newline < 0) {
        if (m_firstLine.size() > 4096) {
            m_reported = true;
            stop();
            Q_EMIT failed(tr("The sandbox printed something other than its address."));
        }
        return;
    }
    m_reported = true;
    const QUrl url(QString::fromUtf8(m_firstLine.left(newline).trimmed()), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        stop();
        Q_EMIT failed(tr("The sandbox printed something other than its address."));
        return;
    }
    m_baseUrl = url;
    Q_EMIT ready(url);
}

void SandboxProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_reported)
        return;
    m_reported = true;
    Q_EMIT failed(status == QProcess::CrashExit
                      ? tr("The sandbox stopped unexpectedly.")
                      : tr("The sandbox exited with code %1 before it was ready.").arg(exitCode));
}

void SandboxProcess::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_reported)
        return;
    m_reported = true;
    Q_EMIT failed(tr("Could not start the sandbox: %1").arg(m_process.errorString()));
}

} // namespace Postern
