#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Postern {

// When a script runs: before the request is sent ("prerequest") or after its answer ("test"; Postman's
// Tests tab, the post-response script).
enum class ScriptEvent { PreRequest, Test };
QString scriptEventKey(ScriptEvent event); // "prerequest", "test": Postman's "listen" values
QString scriptEventName(ScriptEvent event); // "pre-request", "post-response"

// One script's text and where it comes from, for messages: "the collection “Demo”", "the folder
// “Auth”", "the request “Get incident”".
struct ScriptSource
{
    QString where;
    QString code;
};

// Variables as scripts see them: one list per scope, each entry {key, value, enabled, secret}, where
// value keeps the JavaScript type a script gave it (a number stays a number for the rest of a run).
struct ScriptScopes
{
    QJsonArray globals;
    QJsonArray collection;
    QJsonArray environment;
    QJsonArray local; // pm.variables.set(): this request only
    QJsonObject data; // the iteration's row of the data file (pm.iterationData)

    // A value as Postern's variables store it: strings as they are, anything else as JSON text.
    static QString text(const QJsonValue &value);
};

// One pm.test() (or legacy tests["…"]) and how it ended.
struct ScriptTest
{
    enum class Outcome { Passed, Failed, Skipped };
    QString name;
    Outcome outcome = Outcome::Passed;
    QString message; // a failure's message: chai's "expected 200 to equal 201"
    QString errorName; // "AssertionError", "TypeError", …
    QString where; // the script it ran in

    bool passed() const { return outcome == Outcome::Passed; }
};
QString scriptTestOutcomeName(ScriptTest::Outcome outcome); // "passed", "failed", "skipped"

struct ScriptConsoleLine
{
    QString level; // log, info, warn, error, debug
    QString text;
    QString where;
};

// A script that could not run to its end: a syntax error, an exception outside pm.test, the time
// limit, a done() that never came. The other scripts of the request still run.
struct ScriptFailure
{
    QString where; // "the request “Get incident” post-response script"
    QString name; // "SyntaxError", "TypeError", "TimeLimit", …
    QString message;
    int line = 0; // 1-based in the script; 0 when unknown

    // "TypeError in the request “Get incident” post-response script, line 3: x is not a function"
    QString text() const;
};

// What the scripts of one event of one request are given.
struct ScriptInput
{
    ScriptEvent event = ScriptEvent::PreRequest;
    QList<ScriptSource> scripts; // in the order they run: collection, folders, request
    HttpRequest request; // as saved, {{variables}} not yet replaced; changed by pre-request scripts
    std::optional<HttpResponse> response; // the answer, for post-response scripts
    ScriptScopes scopes;
    QString requestName;
    QString requestId;
    QString requestDescription;
    int iteration = 0; // 0-based
    int iterationCount = 1;
};

// What they left behind.
struct ScriptOutcome
{
    // postman.setNextRequest(): Continue (not called), Jump (to the request named), Stop (null).
    enum class Next { Continue, Jump, Stop };

    ScriptScopes scopes;
    HttpRequest request; // with the pre-request scripts' changes (method, URL, headers, body)
    QList<ScriptTest> tests;
    QList<ScriptConsoleLine> console;
    QList<ScriptFailure> failures;
    Next next = Next::Continue;
    QString nextRequest; // with Jump: a request's name or id
    bool skipRequest = false; // pm.execution.skipRequest() in a pre-request script
    // Secret variables a script read, as "scope/key": their values stay out of what is exported.
    QStringList secretsRead;
};

} // namespace Postern

Q_DECLARE_METATYPE(Postern::ScriptTest)
Q_DECLARE_METATYPE(Postern::ScriptConsoleLine)
Q_DECLARE_METATYPE(Postern::ScriptOutcome)
