#include "scripting/scriptengine.h"

#include "base/logging.h"
#include "http/httpcall.h"
#include "http/httpclient.h"
#include "scripting/scripthost_p.h"
#include "scripting/scriptprocess.h"
#include "scripting/scriptwatchdog_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// The libraries scripts can require, embedded from Debian's packages (see CMakeLists.txt).
const QStringList vendorModules { u"chai"_s, u"lodash"_s, u"moment"_s, u"uuid"_s };

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

} // namespace

ScriptEngine::Sender ScriptEngine::senderFor(HttpClient *client)
{
    if (!client)
        return {};
    return [client](const HttpRequest &request, std::function<void(const HttpResponse &)> done) {
        HttpCall *call = client->send(request);
        QObject::connect(call, &HttpCall::finished, client, std::move(done));
    };
}

ScriptEngine::ScriptEngine(HttpClient *client, QObject *parent)
    : ScriptRunner(parent)
    , m_sender(senderFor(client))
{
    m_waitLimit.setSingleShot(true);
    connect(&m_waitLimit, &QTimer::timeout, this, [this] {
        QStringList what = m_waits.values();
        if (!m_timers.isEmpty())
            what << tr("%1 timer(s)").arg(m_timers.size());
        fail(u"TimeLimit"_s,
             tr("The script did not finish within %1 s; it was still waiting for %2.")
                 .arg(QString::number(m_timeLimit.count() / 1000.0), what.join(u", "_s)));
        finishScript();
    });
    if (!load())
        qCWarning(lcScript) << "scripts cannot run:" << m_loadError;
}

ScriptEngine::~ScriptEngine()
{
    m_watchdog.reset();
}

void ScriptEngine::registerInProcess()
{
    ScriptProcess::setInProcessRunner([](HttpClient *client, QObject *parent) -> ScriptRunner * {
        return new ScriptEngine(client, parent);
    });
}

QJSValue ScriptEngine::evaluateFile(const QString &resource, const QString &prefix, const QString &suffix)
{
    const QString source = readResource(resource);
    if (source.isEmpty()) {
        m_loadError = tr("%1 is missing from this build.").arg(resource);
        return QJSValue();
    }
    QJSValue value = m_engine->evaluate(prefix + source + suffix, resource, 1);
    if (value.isError()) {
        m_loadError = u"%1, line %2: %3"_s.arg(resource, value.property(u"lineNumber"_s).toString(),
                                               value.toString());
        return QJSValue();
    }
    return value;
}

// A file of the embedded CommonJS packages (node/<package>/…, see js/modules.js): a .js file as the
// function Node wraps a module in (with the console Node has as a global), a .json file parsed, undefined for
// anything that is not there.
QJSValue ScriptEngine::nodeFile(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (clean.isEmpty() || clean.startsWith(u'/') || clean.startsWith(u"../"_s) || clean == u".."_s)
        return QJSValue(QJSValue::UndefinedValue);
    const QString resource = u":/postern/scripting/node/"_s + clean;
    QFile file(resource);
    if (!QFileInfo(resource).isFile() || !file.open(QIODevice::ReadOnly))
        return QJSValue(QJSValue::UndefinedValue);
    const QByteArray bytes = file.readAll();
    if (clean.endsWith(u".json"_s)) {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        return document.isArray() ? m_engine->toScriptValue(document.array())
                                  : m_engine->toScriptValue(document.object());
    }
    return m_engine->evaluate(u"(function (exports, require, module, __filename, __dirname, console) {"_s
                                  + QString::fromUtf8(bytes) + u"\n})"_s,
                              u"qrc"_s + resource, 1);
}

bool ScriptEngine::load()
{
    // The JavaScript compiler's notes on lodash's style are about the library, not about anything here.
    QLoggingCategory::setFilterRules(u"qt.qml.compiler=false"_s);
    m_engine = std::make_unique<QJSEngine>();
    m_watchdog = std::make_unique<ScriptWatchdog>(m_engine.get());
    m_host = new ScriptHost(this);
    QJSValue global = m_engine->globalObject();

    QJSValue factories = m_engine->newObject();
    for (const QString &name : vendorModules) {
        const QJSValue factory = evaluateFile(u":/postern/scripting/vendor/%1.js"_s.arg(name),
                                              u"(function (module, exports, global) {"_s, u"\n})"_s);
        if (!factory.isCallable())
            return false;
        factories.setProperty(name, factory);
    }
    const QJSValue modulesFactory
        = evaluateFile(u":/postern/scripting/js/modules.js"_s, QString(), QString());
    if (!modulesFactory.isCallable())
        return false;
    const QJSValue host = m_engine->newQObject(m_host);
    const QJSValue modules = modulesFactory.call({ factories, global, host });
    const QJSValue assertions = evaluateFile(u":/postern/scripting/js/assertions.js"_s, QString(), QString());
    const QJSValue cryptoJs = evaluateFile(u":/postern/scripting/js/cryptojs.js"_s, QString(), QString());
    const QJSValue apiFactory = evaluateFile(u":/postern/scripting/js/pm.js"_s, QString(), QString());
    if (!assertions.isCallable() || !cryptoJs.isCallable() || !apiFactory.isCallable())
        return false;
    m_api = apiFactory.call({ global, host, modules, assertions, cryptoJs });
    if (m_api.isError() || !m_api.property(u"sandbox"_s).isCallable()) {
        m_loadError = tr("The scripting API did not load: %1").arg(m_api.toString());
        m_api = QJSValue();
        return false;
    }
    const QJSValue names = global.property(u"Object"_s).property(u"getOwnPropertyNames"_s).call({ global });
    const int count = names.property(u"length"_s).toInt();
    for (int i = 0; i < count; ++i)
        m_baseGlobals.insert(names.property(quint32(i)).toString());
    return true;
}

bool ScriptEngine::run(const ScriptInput &input)
{
    if (m_running)
        return false;
    m_running = true;
    m_input = input;
    m_outcome = ScriptOutcome();
    m_outcome.scopes = input.scopes;
    m_outcome.request = input.request;
    m_index = 0;
    if (!m_loadError.isEmpty()) {
        m_where = u"the script engine"_s;
        fail(u"Error"_s, tr("Scripts cannot run: %1").arg(m_loadError));
        endBatch();
        return true;
    }
    startScript();
    return true;
}

void ScriptEngine::cancel()
{
    if (!m_running || m_index >= m_input.scripts.size())
        return;
    fail(u"Canceled"_s, tr("The script was canceled."));
    m_index = m_input.scripts.size() - 1;
    finishScript();
}

void ScriptEngine::startScript()
{
    if (m_index >= m_input.scripts.size()) {
        endBatch();
        return;
    }
    const ScriptSource &source = m_input.scripts.at(m_index);
    ++m_generation;
    m_where = source.where + u' ' + scriptEventName(m_input.event) + u" script"_s;
    m_scriptFailed = false;

    QJsonObject context;
    context.insert(u"event"_s, scriptEventKey(m_input.event));
    const ScriptScopes &scopes = m_outcome.scopes;
    context.insert(u"scopes"_s,
                   QJsonObject { { u"globals"_s, scopes.globals },
                                 { u"collection"_s, scopes.collection },
                                 { u"environment"_s, scopes.environment },
                                 { u"local"_s, scopes.local },
                                 { u"data"_s, scopes.data } });
    QJsonObject request = requestJson(m_outcome.request);
    request.insert(u"id"_s, m_input.requestId);
    request.insert(u"name"_s, m_input.requestName);
    request.insert(u"description"_s, m_input.requestDescription);
    context.insert(u"request"_s, request);
    if (m_input.response)
        context.insert(u"response"_s, responseJson(*m_input.response));
    context.insert(u"info"_s,
                   QJsonObject { { u"requestName"_s, m_input.requestName },
                                 { u"requestId"_s, m_input.requestId },
                                 { u"iteration"_s, m_input.iteration },
                                 { u"iterationCount"_s, m_input.iterationCount } });
    const QJSValue parse = m_engine->globalObject().property(u"JSON"_s).property(u"parse"_s);
    QJSValue contextValue
        = parse.call({ QString::fromUtf8(QJsonDocument(context).toJson(QJsonDocument::Compact)) });
    if (m_input.response) // the body goes in as a string of its own: no JSON round trip for a large one
        contextValue.property(u"response"_s)
            .setProperty(u"body"_s, QString::fromUtf8(m_input.response->body));

    m_box = m_api.property(u"sandbox"_s).call({ contextValue });
    if (m_box.isError()) {
        failFromError(m_box);
        m_box = QJSValue();
        ++m_index;
        startScript();
        return;
    }
    const QJSValue names = m_box.property(u"names"_s);
    const QJSValue values = m_box.property(u"values"_s);
    QStringList parameters;
    QJSValueList arguments;
    const int count = names.property(u"length"_s).toInt();
    for (int i = 0; i < count; ++i) {
        parameters << names.property(quint32(i)).toString();
        arguments << values.property(quint32(i));
    }
    // The script's own scope: a function around it, opened on its first line so that line numbers
    // stay the script's. Compiled once for each place, parameter list and text.
    const QString key = m_where + u'\n' + parameters.join(u',') + u'\n' + source.code;
    QJSValue function = m_compiled.value(key);
    if (function.isUndefined()) {
        function = m_engine->evaluate(
            u"(function ("_s + parameters.join(u", "_s) + u") {"_s + source.code + u"\n})"_s, m_where, 1);
        if (!function.isError()) {
            if (m_compiled.size() >= CompiledLimit)
                m_compiled.clear();
            m_compiled.insert(key, function);
        }
    }
    if (function.isError()) {
        failFromError(function);
        finishScript();
        return;
    }
    if (!call(function, arguments)) {
        finishScript();
        return;
    }
    settle();
}

bool ScriptEngine::call(const QJSValue &function, const QJSValueList &arguments)
{
    // Through pm.js's invoke(), which catches what is thrown: a thrown string is not an Error, and
    // QJSValue::call() alone cannot tell it from a returned one.
    QJSValue argumentArray = m_engine->newArray(quint32(arguments.size()));
    for (qsizetype i = 0; i < arguments.size(); ++i)
        argumentArray.setProperty(quint32(i), arguments.at(i));
    ScriptGuard guard(m_watchdog.get(), m_timeLimit);
    const QJSValue result = m_api.property(u"invoke"_s).call({ function, argumentArray });
    if (guard.release()) {
        fail(u"TimeLimit"_s,
             tr("The script ran for more than %1 s and was stopped (the time limit for scripts).")
                 .arg(QString::number(m_timeLimit.count() / 1000.0)));
        return false;
    }
    if (result.isError()) {
        failFromError(result);
        return false;
    }
    if (result.isObject() && result.hasOwnProperty(u"thrown"_s)) {
        failFromError(result.property(u"thrown"_s));
        return false;
    }
    return true;
}

void ScriptEngine::settle()
{
    if (!m_running || m_index >= m_input.scripts.size())
        return;
    if (m_waits.isEmpty() && m_timers.isEmpty() && m_calls.isEmpty()) {
        finishScript();
        return;
    }
    restartWaitTimer();
}

void ScriptEngine::restartWaitTimer()
{
    // An answer of pm.sendRequest is bounded by the request's own timeout; the rest by the limit.
    if (m_calls.isEmpty())
        m_waitLimit.start(m_timeLimit);
    else
        m_waitLimit.stop();
}

void ScriptEngine::finishScript()
{
    m_waitLimit.stop();
    ++m_generation; // answers and timers of this script are dropped from now on
    qDeleteAll(m_timers);
    m_timers.clear();
    m_calls.clear();
    m_waits.clear();
    if (!m_box.isUndefined()) {
        const QJSValue collected = m_api.property(u"collect"_s).call({ m_box });
        if (collected.isError()) {
            failFromError(collected);
        } else {
            const QJsonObject left = QJsonDocument::fromJson(collected.toString().toUtf8()).object();
            const QJsonObject scopes = left.value(u"scopes"_s).toObject();
            m_outcome.scopes.globals = scopes.value(u"globals"_s).toArray();
            m_outcome.scopes.collection = scopes.value(u"collection"_s).toArray();
            m_outcome.scopes.environment = scopes.value(u"environment"_s).toArray();
            m_outcome.scopes.local = scopes.value(u"local"_s).toArray();
            if (m_input.event == ScriptEvent::PreRequest)
                applyRequestJson(left.value(u"request"_s).toObject(), &m_outcome.request);
            if (left.value(u"next"_s).isObject()) {
                const QJsonValue next = left.value(u"next"_s).toObject().value(u"value"_s);
                m_outcome.next = next.isNull() ? ScriptOutcome::Next::Stop : ScriptOutcome::Next::Jump;
                m_outcome.nextRequest = next.toString();
            }
            if (left.value(u"skip"_s).toBool())
                m_outcome.skipRequest = true;
        }
    }
    m_box = QJSValue();
    forgetGlobals();
    ++m_index;
    startScript();
}

void ScriptEngine::forgetGlobals()
{
    // What a script assigned without declaring it (x = 1) landed on the global object: gone before
    // the next script, as in Postman, where each script has a context of its own.
    QJSValue global = m_engine->globalObject();
    const QJSValue names = global.property(u"Object"_s).property(u"getOwnPropertyNames"_s).call({ global });
    const int count = names.property(u"length"_s).toInt();
    for (int i = 0; i < count; ++i) {
        const QString name = names.property(quint32(i)).toString();
        if (!m_baseGlobals.contains(name))
            global.deleteProperty(name);
    }
}

void ScriptEngine::endBatch()
{
    QMetaObject::invokeMethod(
        this,
        [this, outcome = m_outcome] {
            m_running = false;
            Q_EMIT finished(outcome);
        },
        Qt::QueuedConnection);
}

void ScriptEngine::fail(const QString &name, const QString &message, int line)
{
    ScriptFailure failure;
    failure.where = m_where;
    failure.name = name;
    failure.message = message;
    failure.line = line;
    m_scriptFailed = true;
    m_outcome.failures.append(failure);
}

void ScriptEngine::failFromError(const QJSValue &error)
{
    QString name = error.property(u"name"_s).toString();
    QString message = error.property(u"message"_s).toString();
    if (!error.isError() && !error.isObject()) { // throw "text"
        name = u"Error"_s;
        message = error.toString();
    }
    if (name.isEmpty() || name == u"undefined"_s)
        name = u"Error"_s;
    // The line in the script itself: the innermost frame of the script in the stack
    // ("require@file:qrc:/…/pm.js:530\n@file:the request “X” post-response script:2"), else the error's.
    int line = error.property(u"lineNumber"_s).toInt();
    if (error.property(u"fileName"_s).toString() != u"file:"_s + m_where) {
        const QString frame = u"@file:"_s + m_where + u':';
        for (const QString &entry : error.property(u"stack"_s).toString().split(u'\n')) {
            const qsizetype at = entry.indexOf(frame);
            if (at >= 0) {
                line = entry.mid(at + frame.size()).toInt();
                break;
            }
        }
    }
    fail(name, message, line);
}

int ScriptEngine::beginWait(const QString &what)
{
    const int id = m_nextWaitId++;
    m_waits.insert(id, what);
    return id;
}

void ScriptEngine::endWait(int id)
{
    m_waits.remove(id);
}

int ScriptEngine::startTimer(int ms)
{
    const int id = m_nextWaitId++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id, generation = m_generation] {
        if (generation != m_generation)
            return;
        delete m_timers.take(id);
        call(m_api.property(u"timerFired"_s), { m_box, id });
        if (m_scriptFailed)
            finishScript();
        else
            settle();
    });
    m_timers.insert(id, timer);
    timer->start(qBound(0, ms, int(m_timeLimit.count())));
    return id;
}

void ScriptEngine::stopTimer(int id)
{
    delete m_timers.take(id);
}

int ScriptEngine::sendRequest(const QString &json)
{
    if (!m_sender) {
        m_engine->throwError(u"pm.sendRequest is not available here."_s);
        return 0;
    }
    HttpRequest request;
    request.headers.clear();
    applyRequestJson(QJsonDocument::fromJson(json.toUtf8()).object(), &request);
    const int id = m_nextWaitId++;
    m_calls.insert(id);
    m_sender(request,
             [this, guard = QPointer(this), id, generation = m_generation](const HttpResponse &response) {
                 if (!guard || generation != m_generation)
                     return;
                 m_calls.remove(id);
                 const bool failed = response.error != HttpResponse::Error::None && !response.hasStatus();
                 QJsonObject answer = responseJson(response);
                 answer.insert(u"body"_s, QString::fromUtf8(response.body));
                 call(m_api.property(u"answered"_s),
                      { m_box, id, failed ? QJSValue(response.errorMessage) : QJSValue(QJSValue::NullValue),
                        QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)) });
                 if (m_scriptFailed)
                     finishScript();
                 else
                     settle();
             });
    return id;
}

void ScriptEngine::addTest(const ScriptTest &test)
{
    ScriptTest recorded = test;
    recorded.where = m_where;
    m_outcome.tests.append(recorded);
    Q_EMIT testFinished(recorded);
}

void ScriptEngine::addConsole(const QString &level, const QString &text)
{
    constexpr qsizetype maxLines = 10000;
    constexpr qsizetype maxText = 64 * 1024;
    if (m_outcome.console.size() >= maxLines)
        return;
    ScriptConsoleLine line { level, text.size() > maxText ? text.left(maxText) + u"\u2026"_s : text,
                             m_where };
    m_outcome.console.append(line);
    Q_EMIT consoleLine(line);
}

void ScriptEngine::secretRead(const QString &scope, const QString &key)
{
    const QString name = scope + u'/' + key;
    if (!m_outcome.secretsRead.contains(name))
        m_outcome.secretsRead.append(name);
}

} // namespace Postern

// Its own moc code here, not in the library's combined moc file: a program that only runs scripts in
// postern-script-worker then links none of Qt's JavaScript engine (see ScriptProcess).
#include "moc_scriptengine.cpp"
