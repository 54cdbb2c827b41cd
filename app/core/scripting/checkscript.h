#pragma once

#include "http/responsechecks.h"

#include <QJsonArray>
#include <QString>

namespace Postern {

// The Assertions and Capture tables as post-response JavaScript: one pm.test() per assertion, named
// "target op value" as shown, and one pm.environment / collectionVariables / globals .set() per
// capture. Postern runs this code after the request's own scripts, and a Postman export appends it to
// the request's test script, so that newman and Postman check exactly the same things. A row Postern
// cannot read (an unknown target or operator) becomes a test that fails and says why.
namespace CheckScript {

// Empty when there is no enabled row.
QString javaScript(const QList<ResponseAssertion> &assertions, const QList<ResponseCapture> &captures);

// The expression a target reads: "res.status" -> "pm.response.code"; empty with *error for an
// unknown one.
QString targetExpression(const QString &target, QString *error);
// A request's event list with javaScript() appended to its post-response script: what runs after the
// answer, and what a Postman export holds.
QJsonArray withChecks(const QJsonArray &scripts, const QList<ResponseAssertion> &assertions,
                      const QList<ResponseCapture> &captures);

// A value as typed, as JavaScript: 200, true, null, "quoted" stay; other text becomes a string.
QString valueExpression(const QString &value);

} // namespace CheckScript

} // namespace Postern
