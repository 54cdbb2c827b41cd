#pragma once

#include "scripting/scriptvalues.h"

#include <QJsonObject>

namespace Postern {

// Script batches as JSON, for the pipe between the application and postern-script-worker. A request
// travels as a script sees it (method, URL, headers, body: ScriptEngine::requestJson), never with its
// authorization; the receiving side applies what comes back to its own copy.
namespace ScriptJson {

QJsonObject fromInput(const ScriptInput &input);
ScriptInput toInput(const QJsonObject &json);

QJsonObject fromOutcome(const ScriptOutcome &outcome);
// The outcome, with its request made from `request` and the changes in the JSON.
ScriptOutcome toOutcome(const QJsonObject &json, const HttpRequest &request);

QJsonObject fromTest(const ScriptTest &test);
ScriptTest toTest(const QJsonObject &json);

QJsonObject fromConsoleLine(const ScriptConsoleLine &line);
ScriptConsoleLine toConsoleLine(const QJsonObject &json);

QJsonObject fromResponse(const HttpResponse &response); // with the body, as text
HttpResponse toResponse(const QJsonObject &json);

} // namespace ScriptJson

} // namespace Postern
