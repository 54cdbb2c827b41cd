#pragma once

#include "http/responsechecks.h"

#include <QJsonArray>
#include <QString>

namespace Postern {

// The Assertions and Capture tables as post-response JavaScript: one pm.test() per assertion, named
// "target op value" as shown, and one pm.environment / collectionVariables / globals .set() per
// capture. Postern runs this code as a script of its own right after the post-response script of the
// collection, folder or request the rows belong to, and a Postman export writes it as a test event of
// its own after that one, so that newman and Postman check exactly the same things, even when the
// script before them throws. A row Postern
// cannot read (an unknown target or operator) becomes a test that fails and says why.
namespace CheckScript {

// Empty when there is no enabled row.
QString javaScript(const QList<ResponseAssertion> &assertions, const QList<ResponseCapture> &captures);

// The expression a target reads: "res.status" -> "pm.response.code"; empty with *error for an
// unknown one.
QString targetExpression(const QString &target, QString *error);
// An event list with javaScript() as one more test event at its end: what a Postman export holds.
QJsonArray withChecks(const QJsonArray &scripts, const QList<ResponseAssertion> &assertions,
                      const QList<ResponseCapture> &captures);

// A value as typed, as JavaScript: 200, true, null, "quoted" stay; other text becomes a string.
QString valueExpression(const QString &value);

} // namespace CheckScript

} // namespace Postern
