#include "runner/collectionrunner.h"

#include "http/httpcall.h"
#include "http/httpclient.h"
#include "runner/runvariables.h"
#include "scripting/checkscript.h"
#include "scripting/scriptevents.h"
#include "scripting/scriptprocess.h"

#include <QPointer>

#include <utility>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString quoted(const QString &name)
{
    return u"\u201c"_s + name + u"\u201d"_s;
}

void collect(const QList<CollectionItem> &items, QList<const CollectionItem *> folders,
             QList<QPair<const CollectionItem *, QList<const CollectionItem *>>> *out)
{
    for (const CollectionItem &item : items) {
        if (item.isFolder()) {
            QList<const CollectionItem *> inner = folders;
            inner.append(&item);
            collect(item.children, inner, out);
        } else {
            out->append({ &item, folders });
        }
    }
}

} // namespace

CollectionRunner::Sender CollectionRunner::senderFor(HttpClient *client)
{
    return
        [client](const HttpRequest &request, std::function<void(const HttpResponse &)> done) -> CancelSend {
            HttpCall *call = client->send(request);
            QObject::connect(call, &HttpCall::finished, client, std::move(done));
            return [call = QPointer<HttpCall>(call)] {
                if (call)
                    call->cancel();
            };
        };
}

CollectionRunner::CollectionRunner(Sender sender, HttpClient *scriptClient, QObject *parent)
    : QObject(parent)
    , m_sender(std::move(sender))
    , m_scripts(new ScriptProcess(scriptClient, this))
{
    m_delay.setSingleShot(true);
    connect(&m_delay, &QTimer::timeout, this, &CollectionRunner::runStep);
    connect(m_scripts, &ScriptProcess::testFinished, this, &CollectionRunner::testFinished);
}

CollectionRunner::~CollectionRunner() = default;

bool CollectionRunner::hasScripts(const Collection &collection, const QString &itemId)
{
    const CollectionItem *item = collection.find(itemId);
    if (!item)
        return false;
    if (!CheckScript::javaScript(item->request.assertions, item->request.captures).isEmpty()
        || !CheckScript::javaScript(collection.assertions, collection.captures).isEmpty())
        return true;
    QList<QJsonArray> lists { collection.scripts, item->request.scripts };
    for (const CollectionItem *folder : collection.ancestors(itemId)) {
        if (!CheckScript::javaScript(folder->assertions, folder->captures).isEmpty())
            return true;
        lists.append(folder->scripts);
    }
    for (const QJsonArray &events : std::as_const(lists)) {
        for (const ScriptEvent event : { ScriptEvent::PreRequest, ScriptEvent::Test }) {
            if (!ScriptEvents::text(events, event).trimmed().isEmpty())
                return true;
        }
    }
    return false;
}

QList<QPair<QString, QString>> CollectionRunner::plan(const Collection &collection, const RunOptions &options)
{
    QList<QPair<const CollectionItem *, QList<const CollectionItem *>>> all;
    collect(collection.items, {}, &all);
    QList<QPair<QString, QString>> steps;
    auto inFolder = [&](const QList<const CollectionItem *> &folders) {
        if (options.folderId.isEmpty())
            return true;
        for (const CollectionItem *folder : folders) {
            if (folder->id == options.folderId)
                return true;
        }
        return false;
    };
    if (options.requestIds.isEmpty()) {
        for (const auto &[item, folders] : all) {
            if (inFolder(folders))
                steps.append({ item->id, item->name });
        }
        return steps;
    }
    for (const QString &id : options.requestIds) {
        for (const auto &[item, folders] : all) {
            if (item->id == id && inFolder(folders))
                steps.append({ item->id, item->name });
        }
    }
    return steps;
}

bool CollectionRunner::start(const Collection &collection, const Environment &environment,
                             const VariableList &globals, const RunOptions &options)
{
    if (m_running)
        return false;
    m_running = true;
    m_canceled = false;
    ++m_generation;
    m_collection = collection;
    m_options = options;
    m_scripts->setTimeLimit(options.scriptTimeLimit);
    if (!m_scripts->isRunning())
        m_scripts->setIsolation(options.scriptsInProcess ? ScriptProcess::Isolation::InProcess
                                                         : ScriptProcess::Isolation::Worker);
    m_steps.clear();
    for (const auto &[id, name] : plan(m_collection, options)) {
        Q_UNUSED(name);
        Step step;
        step.item = m_collection.find(id);
        step.folders = m_collection.ancestors(id);
        m_steps.append(step);
    }
    m_scopes = ScriptScopes();
    m_scopes.environment = variablesToScope(environment.variables);
    m_scopes.collection = variablesToScope(collection.variables);
    m_scopes.globals = variablesToScope(globals);
    m_secretsRead.clear();
    m_credentials.clear();
    m_pastSecrets.clear();
    m_report = RunReport();
    m_report.collectionName = collection.name;
    m_report.environmentName = environment.name;
    m_report.iterations = options.iterationCount();
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_iteration = qMax(options.shardIndex, 0);
    m_index = 0;
    m_jumpTo.clear();
    m_stopAfter = false;
    Q_EMIT started(int(m_steps.size()), options.shardIterationCount());
    QMetaObject::invokeMethod(this, &CollectionRunner::runStep, Qt::QueuedConnection);
    return true;
}

void CollectionRunner::cancel()
{
    if (!m_running)
        return;
    m_canceled = true;
    m_scripts->cancel();
    if (m_cancelSend) // the answer comes back canceled, and the run ends there
        std::exchange(m_cancelSend, CancelSend())();
    if (m_delay.isActive()) {
        m_delay.stop();
        end(tr("Canceled."));
    }
}

void CollectionRunner::runStep()
{
    if (!m_running)
        return;
    if (m_canceled) {
        end(tr("Canceled."));
        return;
    }
    if (m_index >= m_steps.size()) {
        m_iteration += qMax(m_options.shardCount, 1);
        m_index = 0;
    }
    if (m_iteration >= m_report.iterations || m_steps.isEmpty()) {
        end();
        return;
    }
    const Step &step = m_steps.at(m_index);
    m_execution = RunExecution();
    m_execution.iteration = m_iteration;
    m_execution.itemId = step.item->id;
    m_execution.name = step.item->name;
    m_request = step.item->request;
    m_scopes.local = QJsonArray();
    m_scopes.data = m_options.data.isEmpty()
        ? QJsonObject()
        : m_options.data.at(qMin(m_iteration, int(m_options.data.size()) - 1));
    Q_EMIT requestStarted(m_iteration, int(m_index), step.item->name);
    runScripts(ScriptEvent::PreRequest, [this](const ScriptOutcome &outcome) { afterPreRequest(outcome); });
}

QList<ScriptSource> CollectionRunner::scripts(ScriptEvent event) const
{
    const Step &step = m_steps.at(m_index);
    QList<ScriptSource> sources;
    auto add = [&](const QString &where, const QJsonArray &events) {
        const QStringList entries = ScriptEvents::texts(events, event);
        for (const QString &code : entries) {
            if (!code.trimmed().isEmpty())
                sources.append({ where, code });
        }
    };
    // The Assertions tabs' rows run as a script of their own right after the post-response script of
    // the collection, folder or request they belong to (so a script that throws does not stop them),
    // which is exactly what a Postman export holds: Postman and newman check the same things.
    auto addChecks = [&](const QString &where, const QList<ResponseAssertion> &assertions,
                         const QList<ResponseCapture> &captures) {
        if (event != ScriptEvent::Test)
            return;
        const QString code = CheckScript::javaScript(assertions, captures);
        if (!code.isEmpty())
            sources.append({ where + u" (Assertions tab)"_s, code });
    };
    const QString collectionWhere = u"the collection "_s + quoted(m_collection.name);
    add(collectionWhere, m_collection.scripts);
    addChecks(collectionWhere, m_collection.assertions, m_collection.captures);
    for (const CollectionItem *folder : step.folders) {
        const QString folderWhere = u"the folder "_s + quoted(folder->name);
        add(folderWhere, folder->scripts);
        addChecks(folderWhere, folder->assertions, folder->captures);
    }
    const QString requestWhere = u"the request "_s + quoted(step.item->name);
    add(requestWhere, m_request.scripts);
    addChecks(requestWhere, m_request.assertions, m_request.captures);
    return sources;
}

void CollectionRunner::runScripts(ScriptEvent event, std::function<void(const ScriptOutcome &)> then)
{
    ScriptInput input;
    input.event = event;
    input.scripts = scripts(event);
    if (input.scripts.isEmpty()) {
        ScriptOutcome nothing;
        nothing.scopes = m_scopes;
        nothing.request = m_request;
        then(nothing);
        return;
    }
    const Step &step = m_steps.at(m_index);
    input.request = m_request;
    if (event == ScriptEvent::Test) {
        input.request = m_sent;
        input.response = m_response;
    }
    input.scopes = m_scopes;
    input.requestName = step.item->name;
    input.requestDescription = step.item->description;
    input.requestId = step.item->id;
    input.iteration = m_iteration;
    input.iterationCount = m_report.iterations;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_scripts, &ScriptProcess::finished, this,
        [this, connection, then = std::move(then), generation = m_generation](const ScriptOutcome &outcome) {
            disconnect(*connection);
            if (generation == m_generation)
                then(outcome);
        });
    m_scripts->run(input);
}

void CollectionRunner::take(const ScriptOutcome &outcome)
{
    for (const QString &name : outcome.secretsRead) {
        if (!m_secretsRead.contains(name))
            m_secretsRead.append(name);
    }
    // A secret a script changed or unset keeps its old value masked in what came before.
    m_pastSecrets = secretValues();
    m_scopes = outcome.scopes;
    m_execution.tests += outcome.tests;
    m_execution.failures += outcome.failures;
    m_execution.console += outcome.console;
    if (outcome.next == ScriptOutcome::Next::Jump) {
        m_jumpTo = outcome.nextRequest;
        m_stopAfter = false;
    } else if (outcome.next == ScriptOutcome::Next::Stop) {
        m_jumpTo.clear();
        m_stopAfter = true;
    }
}

void CollectionRunner::afterPreRequest(const ScriptOutcome &outcome)
{
    take(outcome);
    m_request = outcome.request;
    if (m_canceled) {
        end(tr("Canceled."));
        return;
    }
    if (outcome.skipRequest) {
        m_execution.skipped = true;
        m_execution.method = m_request.method;
        advance();
        return;
    }
    send();
}

VariableResolver CollectionRunner::resolver(bool masked) const
{
    VariableList nearest = variablesFromScope(m_scopes.environment);
    for (auto it = m_scopes.data.constBegin(); it != m_scopes.data.constEnd(); ++it)
        nearest.append(Variable { it.key(), ScriptScopes::text(it.value()), true, false, QString() });
    nearest += variablesFromScope(m_scopes.local); // the last definition in a scope wins
    const VariableResolver resolver(nearest, variablesFromScope(m_scopes.collection),
                                    variablesFromScope(m_scopes.globals));
    return masked ? resolver.withSecretsMasked() : resolver;
}

void CollectionRunner::send()
{
    HttpRequest request = m_request;
    if (request.auth.type == AuthType::Inherit)
        request.auth = m_collection.inheritedAuth(m_execution.itemId);
    m_execution.method = request.method;
    m_execution.url = resolver(true).resolve(request.url);
    request = resolver(false).resolve(request);
    // Post-response scripts see the request as it went out: variables replaced, the inherited
    // authorization and the headers added on the way in place (Postman's pm.request after sending).
    m_sent = request;
    m_sent.headers = HttpCall::headersSent(request, HttpCall::Host::Included);
    m_sent.url = request.effectiveUrl();
    m_sent.auth = AuthConfig();
    // Post-response scripts can read the credentials now: they are masked in reports like secrets.
    auto keep = [this](const QString &value) {
        if (!value.isEmpty() && !m_credentials.contains(value))
            m_credentials.append(value);
    };
    keep(request.auth.password);
    keep(request.auth.token);
    if (const std::optional<KeyValue> parameter = request.auth.queryParameter())
        keep(parameter->value);
    for (const KeyValue &header :
         request.auth.type == AuthType::None ? KeyValueList() : request.generatedHeaders()) {
        if (header.key.compare(u"Authorization"_s, Qt::CaseInsensitive) == 0) {
            keep(header.value);
            keep(header.value.section(u' ', 1));
        }
    }
    m_cancelSend = m_sender(
        request, [this, guard = QPointer(this), generation = m_generation](const HttpResponse &response) {
            if (guard && generation == m_generation) {
                m_cancelSend = CancelSend();
                afterResponse(response);
            }
        });
}

void CollectionRunner::afterResponse(const HttpResponse &response)
{
    m_response = response;
    Q_EMIT responseReceived(response);
    if (response.hasStatus()) {
        m_execution.status = response.statusCode;
        m_execution.reason = response.reasonPhrase;
        m_execution.responseTime = response.elapsedMs;
        m_execution.timings = response.timings;
        m_execution.responseSize = response.body.size();
    } else {
        m_execution.error = response.errorMessage.isEmpty() ? tr("No answer.") : response.errorMessage;
    }
    if (m_canceled) {
        end(tr("Canceled."));
        return;
    }
    runScripts(ScriptEvent::Test, [this](const ScriptOutcome &outcome) { afterTests(outcome); });
}

void CollectionRunner::afterTests(const ScriptOutcome &outcome)
{
    take(outcome);
    m_response = HttpResponse();
    advance();
}

void CollectionRunner::advance()
{
    m_report.add(m_execution, m_options.keepPassedExecutions);
    Q_EMIT executionFinished(m_execution);
    if (m_canceled) {
        end(tr("Canceled."));
        return;
    }
    if (m_options.stopOnFailure && m_execution.failed()) {
        end(tr("Stopped after %1 failed (stop on first failure).").arg(quoted(m_execution.name)));
        return;
    }
    if (m_stopAfter) {
        end(tr("postman.setNextRequest(null) in %1 ended the run.").arg(quoted(m_execution.name)));
        return;
    }
    if (!m_jumpTo.isEmpty()) {
        const QString target = m_jumpTo;
        m_jumpTo.clear();
        qsizetype found = -1;
        for (qsizetype i = 0; i < m_steps.size() && found < 0; ++i) {
            if (m_steps.at(i).item->name == target || m_steps.at(i).item->id == target)
                found = i;
        }
        if (found < 0) {
            end(tr("postman.setNextRequest(%1): no request of this run has that name; the run ended.")
                    .arg(quoted(target)));
            return;
        }
        m_index = found;
    } else {
        ++m_index;
    }
    if (m_options.delay.count() > 0)
        m_delay.start(m_options.delay);
    else
        QMetaObject::invokeMethod(this, &CollectionRunner::runStep, Qt::QueuedConnection);
}

void CollectionRunner::end(const QString &why)
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_report.durationMs = m_clock.elapsed();
    m_report.canceled = m_canceled;
    m_report.stoppedBecause = why;
    Q_EMIT finished(m_report);
}

VariableList CollectionRunner::environment() const
{
    return variablesFromScope(m_scopes.environment);
}

VariableList CollectionRunner::collectionVariables() const
{
    return variablesFromScope(m_scopes.collection);
}

VariableList CollectionRunner::globals() const
{
    return variablesFromScope(m_scopes.globals);
}

QStringList CollectionRunner::secretValues() const
{
    QStringList values = m_pastSecrets;
    const QList<QPair<QString, QJsonArray>> scopes { { u"environment"_s, m_scopes.environment },
                                                     { u"collection"_s, m_scopes.collection },
                                                     { u"globals"_s, m_scopes.globals } };
    for (const auto &[name, entries] : scopes) {
        for (const QJsonValue &entry : entries) {
            const QString value = ScriptScopes::text(entry[u"value"_s]);
            if ((entry[u"secret"_s].toBool()
                 || m_secretsRead.contains(name + u'/' + entry[u"key"_s].toString()))
                && !values.contains(value)) {
                values << value;
            }
        }
    }
    for (const QString &credential : m_credentials) {
        if (!values.contains(credential))
            values << credential;
    }
    return values;
}

} // namespace Postern
