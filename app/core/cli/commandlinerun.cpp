#include "cli/commandlinerun.h"

#include "base/atomicfile.h"
#include "cli/cliinputs.h"
#include "cli/clitls.h"
#include "cli/cliworkspace.h"
#include "history/cookiestore.h"
#include "interop/cookiejarfile.h"
#include "interop/postmancollection.h"
#include "interop/postmanenvironment.h"
#include "oauth/requestsender.h"
#include "oauth/tokenrefresher.h"
#include "oauth/tokenstore.h"
#include "runner/collectionrunner.h"
#include "runner/datafile.h"
#include "scripting/scriptengine.h"
#include "scripting/scriptprocess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

using CliInputs::findNamed;
using CliInputs::setOrAdd;

void applyToRequests(QList<CollectionItem> *items, const std::function<void(HttpRequest *)> &change)
{
    for (CollectionItem &item : *items) {
        if (item.isFolder())
            applyToRequests(&item.children, change);
        else
            change(&item.request);
    }
}

} // namespace

CommandLineRun::CommandLineRun(const RunCommand &command, QIODevice *output, QIODevice *errors,
                               QObject *parent)
    : QObject(parent)
    , m_command(command)
    , m_output(output)
    , m_errors(errors)
{
    m_cookies = new CookieStore(QString()); // in memory; the manager owns it
    m_network.setCookieJar(m_cookies);
    // The device grant waits for a person: what to do goes to standard error, even with --silent.
    connect(&m_sender, &CliSender::deviceCodeReady, this,
            [this](const QString &name, const DeviceCode &code) {
                note(u"%1: %2 Waiting for the approval."_s.arg(name.isEmpty() ? u"OAuth 2.0"_s : name,
                                                               code.instructions()));
            });
    connect(&m_sender, &CliSender::deviceIntervalChanged, this,
            [this](const QString &name, int seconds, const QString &why) {
                note(u"%1: %2 Asking every %3 seconds now."_s.arg(name.isEmpty() ? u"OAuth 2.0"_s : name, why)
                         .arg(seconds));
            });
}

void CommandLineRun::note(const QString &message)
{
    if (!m_errors)
        return;
    m_errors->write((u"postern run: "_s + message + u'\n').toUtf8());
    if (auto *file = qobject_cast<QFile *>(m_errors))
        file->flush();
}

CommandLineRun::~CommandLineRun() = default;

void CommandLineRun::print(const QString &text)
{
    if (!m_command.silent && m_output) {
        m_output->write(text.toUtf8());
        if (auto *file = qobject_cast<QFile *>(m_output))
            file->flush();
    }
}

void CommandLineRun::fail(ExitCode code, const QString &message)
{
    note(message);
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(int(code)); });
}

QStringList CommandLineRun::secrets() const
{
    if (m_command.showSecrets)
        return {};
    QStringList values = m_pastSecrets + m_sender.tokens();
    if (m_runner)
        values += m_runner->secretValues();
    for (const auto &[iteration, state] : m_parallel) {
        if (state.runner)
            values += state.runner->secretValues();
    }
    values.removeDuplicates();
    return values;
}

bool CommandLineRun::load()
{
    QString error;
    CliInputs::Failure failure;
    const std::optional<Collection> collection
        = CliInputs::collection(m_command.collection, m_workspace.get(), m_command.workspace, &failure);
    if (!collection) {
        fail(failure.code, failure.message);
        return false;
    }
    m_collection = *collection;

    const CliTls::Loaded tls = CliTls::load(m_command);
    if (!tls.ok()) {
        fail(ExitCode::CertificateProblem, tls.error);
        return false;
    }
    if (tls.configuration) // for every connection of this process: requests, token endpoints, scripts
        QSslConfiguration::setDefaultConfiguration(*tls.configuration);
    if (!m_command.cookieJar.isEmpty()) {
        const CookieJarFile::Read jar = CookieJarFile::read(CliInputs::readFile(m_command.cookieJar, &error));
        if (!error.isEmpty() || !jar.ok()) {
            fail(ExitCode::CookieJarProblem,
                 u"the cookie jar: "_s + (error.isEmpty() ? jar.error : error + u'.'));
            return false;
        }
        for (const QNetworkCookie &cookie : jar.cookies)
            m_cookies->insertCookie(cookie);
    }

    // With --workspace, -e names one of its environments unless it is a file; its globals are used
    // unless -g names others.
    if (!m_command.environment.isEmpty()) {
        const std::optional<Environment> environment
            = CliInputs::environment(m_command.environment, m_workspace.get(), u"environment"_s, &failure);
        if (!environment) {
            fail(failure.code, failure.message);
            return false;
        }
        m_environment = *environment;
    }
    Environment globals = m_workspace ? m_workspace->globals() : Environment();
    if (!m_command.globals.isEmpty()) {
        const std::optional<Environment> read
            = CliInputs::environment(m_command.globals, nullptr, u"globals"_s, &failure);
        if (!read) {
            fail(failure.code, failure.message);
            return false;
        }
        globals = *read;
    }
    m_globals = globals.variables;
    for (const auto &[key, value] : std::as_const(m_command.envVars))
        setOrAdd(&m_environment.variables, key, value);
    for (const auto &[key, value] : std::as_const(m_command.globalVars))
        setOrAdd(&m_globals, key, value);

    RunOptions options;
    if (!m_command.iterationData.isEmpty()) {
        const DataFile data = DataFile::read(m_command.iterationData);
        if (!data.ok()) {
            fail(ExitCode::DataFileProblem, u"the iteration data: "_s + data.error);
            return false;
        }
        options.data = data.rows;
    }
    options.iterations = qMax(1, m_command.iterationCount);
    if (m_command.iterationCount == 0 && !options.data.isEmpty())
        options.iterations = int(options.data.size());
    if (m_command.iterationCount > 0 && options.data.size() > m_command.iterationCount)
        options.data.resize(m_command.iterationCount); // -n wins over the rows, as in newman
    m_iterations = options.iterations;
    for (const QString &name : std::as_const(m_command.folders)) {
        const CollectionItem *item = findNamed(m_collection.items, name);
        if (!item) {
            fail(ExitCode::Usage,
                 u"--folder \u201c%1\u201d: there is no folder or request of that name in \u201c%2\u201d."_s
                     .arg(name, m_collection.name));
            return false;
        }
        if (!item->isFolder()) {
            options.requestIds << item->id;
            continue;
        }
        RunOptions inFolder;
        inFolder.folderId = item->id;
        const QList<QPair<QString, QString>> inside = CollectionRunner::plan(m_collection, inFolder);
        if (inside.isEmpty()) { // an empty list would mean "everything" to the runner
            fail(ExitCode::Usage, u"--folder \u201c%1\u201d holds no request."_s.arg(name));
            return false;
        }
        for (const auto &[id, requestName] : inside)
            options.requestIds << id;
    }
    bool scripts = false;
    for (const auto &[id, requestName] : CollectionRunner::plan(m_collection, RunOptions()))
        scripts = scripts || CollectionRunner::hasScripts(m_collection, id);
    options.scriptsInProcess = !m_command.isolateScripts;
    if (options.scriptsInProcess)
        ScriptEngine::registerInProcess();
    // The cli reporter needs the totals and the failures only; json and junit need every request.
    options.keepPassedExecutions
        = m_command.reporters.contains(u"json"_s) || m_command.reporters.contains(u"junit"_s);
    if (scripts && m_command.isolateScripts && ScriptProcess::locateWorker().isEmpty()) {
        fail(
            ExitCode::ScriptWorkerMissing,
            u"postern-script-worker, which runs the collection's scripts, was not found where Postern installs it."_s);
        return false;
    }
    options.shardIndex = m_command.shardIndex;
    options.shardCount = m_command.shardCount;
    options.delay = std::chrono::milliseconds(m_command.delayRequest);
    options.stopOnFailure = m_command.bail;
    if (m_command.timeoutScript > 0)
        options.scriptTimeLimit = std::chrono::milliseconds(m_command.timeoutScript);
    applyToRequests(&m_collection.items, [this](HttpRequest *request) {
        if (m_command.timeoutRequest > 0)
            request->timeoutMs = m_command.timeoutRequest;
        if (m_command.insecure)
            request->verifyTls = false;
        if (m_command.ignoreRedirects)
            request->followRedirects = false;
    });

    m_options = options;
    if (m_command.timeout > 0) {
        QTimer::singleShot(m_command.timeout, this, [this] {
            bool running = m_runner && m_runner->isRunning();
            for (const auto &[iteration, state] : m_parallel)
                running = running || state.runner;
            if (!running)
                return;
            m_timedOut = true;
            if (m_errors)
                m_errors->write(
                    u"postern run: the run went on longer than --timeout %1 ms and was stopped.\n"_s
                        .arg(m_command.timeout)
                        .toUtf8());
            stopAll();
        });
    }
    if (m_command.parallel > 1) {
        startParallel();
        return true;
    }
    m_runner = std::make_unique<CollectionRunner>(m_sender.sender(), &m_client);
    connect(m_runner.get(), &CollectionRunner::executionFinished, this, &CommandLineRun::onExecution);
    connect(m_runner.get(), &CollectionRunner::finished, this, &CommandLineRun::onFinished);
    connect(m_runner.get(), &CollectionRunner::started, this,
            [this](int perIteration, int iterations) { m_total = perIteration * iterations; });
    if (!m_runner->start(m_collection, m_environment, m_globals, options)) {
        fail(ExitCode::Usage, u"the run could not start."_s);
        return false;
    }
    return true;
}

void CommandLineRun::start()
{
    m_cli.color = m_command.color == RunCommand::Color::On;
    m_cli.verbose = m_command.verbose;
    if (m_command.workspace.isEmpty()) {
        begin();
        return;
    }
    if (const QString why = CliWorkspace::notAWorkspace(m_command.workspace); !why.isEmpty()) {
        fail(ExitCode::WorkspaceProblem, why);
        return;
    }
    m_workspace = std::make_unique<CliWorkspace>(m_command.workspace);
    connect(
        m_workspace.get(), &CliWorkspace::ready, this,
        [this] {
            for (const QString &message : m_workspace->messages())
                m_errors->write((u"postern run: "_s + message + u'\n').toUtf8());
            TokenStore *tokens = m_workspace->tokens();
            if (tokens->storageMode() == TokenStore::StorageMode::MemoryOnly)
                m_errors->write((u"postern run: the workspace's secret values and stored tokens are not "
                                 "available: "_s
                                 + tokens->statusMessage() + u'\n')
                                    .toUtf8());
            m_refresher = std::make_unique<TokenRefresher>(tokens, &m_endpoint);
            m_storedSender = std::make_unique<RequestSender>(&m_client, tokens, m_refresher.get());
            begin();
        },
        Qt::SingleShotConnection);
    m_workspace->open();
}

void CommandLineRun::begin()
{
    if (!load())
        return;
    if (m_storedSender)
        m_sender.useStoredTokens(m_storedSender.get(), m_workspace->tokens(), m_environment.id);
    if (m_command.reporters.contains(u"cli"_s))
        print(m_collection.name + u'\n');
}

void CommandLineRun::onExecution(const RunExecution &execution)
{
    report(execution);
}

void CommandLineRun::report(const RunExecution &execution)
{
    ++m_done;
    if (m_command.reporters.contains(u"progress"_s)) {
        // One line per request: how far, how it went (setNextRequest may end a run early).
        const int total = qMax(m_total, m_done);
        const int filled = total > 0 ? m_done * 20 / total : 20;
        print(u"[%1%2] %3/%4 %5 %6\n"_s.arg(QString(filled, u'#'), QString(20 - filled, u'-'))
                  .arg(m_done)
                  .arg(total)
                  .arg(execution.failed() ? u"\u2717"_s : u"\u2713"_s)
                  .arg(execution.name));
    }
    if (!m_command.reporters.contains(u"cli"_s))
        return;
    m_cli.secrets = secrets();
    print(m_cli.execution(execution, m_iterations));
}

bool CommandLineRun::writeFile(const QString &path, const QByteArray &bytes, const QString &what)
{
    QDir().mkpath(QFileInfo(path).absolutePath()); // newman's default folder, newman/
    if (const QString error = AtomicFile::write(path, bytes); !error.isEmpty()) {
        if (m_errors)
            m_errors->write(u"postern run: the %1 could not be written: %2\n"_s.arg(what, error).toUtf8());
        return false;
    }
    return true;
}

void CommandLineRun::onFinished(const RunReport &report)
{
    if (std::exchange(m_ended, true))
        return;
    const QStringList hidden = secrets();
    if (m_command.reporters.contains(u"cli"_s)) {
        m_cli.secrets = hidden;
        print(m_cli.summary(report, !m_command.noSummary));
    }
    bool written = true;
    const QString base = QFileInfo(m_command.collection).completeBaseName();
    if (m_command.reporters.contains(u"json"_s)) {
        const QString path
            = m_command.jsonExport.isEmpty() ? u"newman/%1-report.json"_s.arg(base) : m_command.jsonExport;
        // What scripts printed is masked too: postern run keeps secrets out of every output it writes.
        const QJsonObject json = report.toJson(
            hidden, hidden.isEmpty() ? RunReport::Secrets::Include : RunReport::Secrets::MaskConsoleToo);
        written = writeFile(path, QJsonDocument(json).toJson(), u"json report"_s) && written;
    }
    if (m_command.reporters.contains(u"junit"_s)) {
        const QString path
            = m_command.junitExport.isEmpty() ? u"newman/%1-report.xml"_s.arg(base) : m_command.junitExport;
        written = writeFile(path, RunReporters::junit(report, hidden), u"junit report"_s) && written;
    }
    const PostmanEnvironment::Secrets exportSecrets
        = m_command.showSecrets ? PostmanEnvironment::Secrets::Include : PostmanEnvironment::Secrets::Omit;
    // A value that is a secret somewhere (a token, a client secret given with --env-var) is exported
    // as a secret: empty unless --show-secrets.
    auto guarded = [&hidden](VariableList variables) {
        for (Variable &variable : variables) {
            if (variable.value.size() >= 3 && hidden.contains(variable.value))
                variable.secret = true;
        }
        return variables;
    };
    if (!m_command.exportEnvironment.isEmpty()) {
        Environment environment = m_environment;
        environment.variables = guarded(m_runner ? m_runner->environment() : m_lastEnvironment);
        written = writeFile(m_command.exportEnvironment,
                            PostmanEnvironment::exportJson(environment, exportSecrets), u"environment"_s)
            && written;
    }
    if (!m_command.exportCookieJar.isEmpty())
        written = writeFile(m_command.exportCookieJar, CookieJarFile::write(m_cookies->cookies()),
                            u"cookie jar"_s)
            && written;
    if (!m_command.exportGlobals.isEmpty()) {
        Environment globals = Environment::make(u"globals"_s);
        globals.variables = guarded(m_runner ? m_runner->globals() : m_lastGlobals);
        written = writeFile(m_command.exportGlobals, PostmanEnvironment::exportJson(globals, exportSecrets),
                            u"globals"_s)
            && written;
    }
    if (m_errors) {
        if (auto *file = qobject_cast<QFile *>(m_errors))
            file->flush();
    }
    ExitCode code = ExitCode::Passed;
    if (!written)
        code = ExitCode::OutputProblem;
    else if (!m_command.suppressExitCode) {
        if (m_timedOut)
            code = ExitCode::Failed;
        for (const RunExecution &execution : report.executions) {
            if (execution.failed())
                code = ExitCode::Failed;
        }
    }
    Q_EMIT finished(int(code));
}

} // namespace Postern
