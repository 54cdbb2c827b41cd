#include "scripting/scriptprocess.h"

#include "base/logging.h"
#include "http/httpcall.h"
#include "http/httpclient.h"
#include "scripting/scriptengine.h" // its request JSON only (scriptrequestjson.cpp): no JavaScript engine
#include "scripting/scriptjson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr qsizetype MaxMessage = 256 * 1024 * 1024; // a line longer than this is not the worker's

} // namespace

ScriptProcess::ScriptProcess(HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_workerPath(locateWorker())
    , m_timeLimit(ScriptRunner::DefaultTimeLimit)
{
    m_silence.setSingleShot(true);
    connect(&m_silence, &QTimer::timeout, this, [this] {
        abandon(u"TimeLimit"_s,
                tr("The scripts did not finish within %1 s and their engine was stopped.")
                    .arg(QString::number(m_silence.interval() / 1000.0)));
    });
}

ScriptProcess::~ScriptProcess()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString ScriptProcess::locateWorker()
{
    const QString name = u"postern-script-worker"_s;
    const QString fromEnv = qEnvironmentVariable("POSTERN_SCRIPT_WORKER");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QDir here(QCoreApplication::applicationDirPath());
    // Installed (in the library folder, or next to the program), then ui/ and app/cli/ of a build.
    for (const QString &candidate :
         { here.filePath(QStringLiteral(POSTERN_WORKER_FROM_BIN "/") + name), here.filePath(name),
           here.filePath(u"../app/scriptworker/"_s + name), here.filePath(u"../scriptworker/"_s + name) }) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(name);
}

bool ScriptProcess::startWorker(QString *error)
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        return true;
    if (m_workerPath.isEmpty() || !QFileInfo(m_workerPath).isExecutable()) {
        *error = tr("The postern-script-worker program was not found; scripts cannot run.");
        return false;
    }
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProgram(m_workerPath);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_buffer.clear();
    m_ready = false;
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ScriptProcess::readOutput);
    connect(m_process, &QProcess::finished, this, &ScriptProcess::workerEnded);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            workerEnded();
    });
    m_process->start();
    return true;
}

bool ScriptProcess::run(const ScriptInput &input)
{
    if (m_running)
        return false;
    m_running = true;
    ++m_batch;
    m_input = input;
    m_tests.clear();
    m_console.clear();
    m_sendsOut = 0;
    if (m_isolation == Isolation::InProcess) {
        runInProcess(input);
        return true;
    }
    QString error;
    if (!startWorker(&error)) {
        QMetaObject::invokeMethod(
            this, [this, error] { abandon(u"Error"_s, error); }, Qt::QueuedConnection);
        return true;
    }
    send({ { u"type"_s, u"run"_s },
           { u"timeLimitMs"_s, qint64(m_timeLimit.count()) },
           { u"input"_s, ScriptJson::fromInput(input) } });
    touch();
    return true;
}

namespace {
ScriptProcess::InProcessRunner &inProcessRunner()
{
    static ScriptProcess::InProcessRunner make;
    return make;
}
} // namespace

void ScriptProcess::setInProcessRunner(InProcessRunner make)
{
    inProcessRunner() = std::move(make);
}

void ScriptProcess::runInProcess(const ScriptInput &input)
{
    if (!m_engine) {
        if (!inProcessRunner()) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    abandon(u"Error"_s,
                            tr("Scripts cannot run in this process: this program has no JavaScript engine."));
                },
                Qt::QueuedConnection);
            return;
        }
        m_engine = inProcessRunner()(m_client, this);
        connect(m_engine, &ScriptRunner::testFinished, this, &ScriptProcess::testFinished);
        connect(m_engine, &ScriptRunner::consoleLine, this, &ScriptProcess::consoleLine);
        connect(m_engine, &ScriptRunner::finished, this, [this](const ScriptOutcome &outcome) {
            if (m_running)
                finish(outcome);
        });
    }
    m_engine->setTimeLimit(m_timeLimit);
    m_engine->run(input);
}

void ScriptProcess::cancel()
{
    if (!m_running)
        return;
    if (m_engine)
        m_engine->cancel();
    else
        send({ { u"type"_s, u"cancel"_s } });
}

void ScriptProcess::touch()
{
    if (!m_running)
        return;
    if (m_sendsOut > 0) { // an answer is awaited: bounded by the request's own timeout
        m_silence.stop();
        return;
    }
    m_silence.start(int(m_timeLimit.count()) * 2 + 3000);
}

void ScriptProcess::send(const QJsonObject &message)
{
    if (m_process)
        m_process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void ScriptProcess::readOutput()
{
    m_buffer += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        handle(QJsonDocument::fromJson(line).object());
    }
    if (m_buffer.size() > MaxMessage) {
        m_buffer.clear();
        abandon(u"Error"_s, tr("The script engine sent more than it may; it was stopped."));
    }
}

void ScriptProcess::handle(const QJsonObject &message)
{
    const QString type = message.value(u"type"_s).toString();
    touch();
    if (type == u"ready"_s) {
        m_ready = true;
        if (const QString error = message.value(u"error"_s).toString(); !error.isEmpty())
            qCWarning(lcScript) << "the script worker cannot run scripts:" << error;
    } else if (type == u"test"_s && m_running) {
        const ScriptTest test = ScriptJson::toTest(message.value(u"test"_s).toObject());
        m_tests.append(test);
        Q_EMIT testFinished(test);
    } else if (type == u"console"_s && m_running) {
        const ScriptConsoleLine line = ScriptJson::toConsoleLine(message.value(u"line"_s).toObject());
        m_console.append(line);
        Q_EMIT consoleLine(line);
    } else if (type == u"send"_s && m_running) {
        const int id = message.value(u"id"_s).toInt();
        HttpRequest request;
        request.headers.clear();
        ScriptEngine::applyRequestJson(message.value(u"request"_s).toObject(), &request);
        if (!m_client) {
            HttpResponse refused;
            refused.error = HttpResponse::Error::InvalidRequest;
            refused.errorMessage = u"pm.sendRequest is not available here."_s;
            send({ { u"type"_s, u"answer"_s },
                   { u"id"_s, id },
                   { u"response"_s, ScriptJson::fromResponse(refused) } });
            return;
        }
        ++m_sendsOut;
        touch();
        HttpCall *call = m_client->send(request);
        connect(call, &HttpCall::finished, this, [this, id, batch = m_batch](const HttpResponse &response) {
            if (batch != m_batch || !m_running)
                return;
            --m_sendsOut;
            send({ { u"type"_s, u"answer"_s },
                   { u"id"_s, id },
                   { u"response"_s, ScriptJson::fromResponse(response) } });
            touch();
        });
    } else if (type == u"finished"_s && m_running) {
        finish(ScriptJson::toOutcome(message.value(u"outcome"_s).toObject(), m_input.request));
    }
}

void ScriptProcess::workerEnded()
{
    if (!m_process)
        return;
    const QString how = m_process->exitStatus() == QProcess::CrashExit
        ? tr("it crashed")
        : tr("it exited with code %1").arg(m_process->exitCode());
    m_process->deleteLater();
    m_process = nullptr;
    if (m_running)
        abandon(u"Crash"_s,
                tr("The script engine stopped (%1) while running the scripts of “%2”; nothing they "
                   "changed was kept. A script may have asked for more memory than scripts get.")
                    .arg(how, m_input.requestName));
}

void ScriptProcess::abandon(const QString &name, const QString &message)
{
    if (!m_running)
        return;
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
        m_process->deleteLater();
        m_process = nullptr;
    }
    ScriptOutcome outcome;
    outcome.scopes = m_input.scopes;
    outcome.request = m_input.request;
    outcome.tests = m_tests;
    outcome.console = m_console;
    ScriptFailure failure;
    failure.where = m_input.scripts.isEmpty() ? u"the scripts"_s : m_input.scripts.constLast().where;
    failure.name = name;
    failure.message = message;
    outcome.failures.append(failure);
    finish(outcome);
}

void ScriptProcess::finish(const ScriptOutcome &outcome)
{
    m_silence.stop();
    m_running = false;
    ++m_batch;
    Q_EMIT finished(outcome);
}

} // namespace Postern
