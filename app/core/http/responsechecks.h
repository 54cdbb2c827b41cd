#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace Postern {

// A check on an answer without JavaScript (the Assertions table): a target ("res.status",
// "res.headers.content-type", "res.body.result[0].number", "res.responseTime"), an operator (eq, neq,
// gt, gte, lt, lte, contains, notContains, matches, exists, notExists, isEmpty) and a value (200,
// true, null, "text", or text as typed). Runs after the scripts and reports like pm.test().
struct ResponseAssertion
{
    QString target;
    QString op = QStringLiteral("eq");
    QString value;
    bool enabled = true;

    friend bool operator==(const ResponseAssertion &a, const ResponseAssertion &b)
    {
        return a.target == b.target && a.op == b.op && a.value == b.value && a.enabled == b.enabled;
    }
    friend bool operator!=(const ResponseAssertion &a, const ResponseAssertion &b) { return !(a == b); }
};

// A value taken from an answer into a variable (the Capture table): the variable, its scope
// (environment, collection, globals) and the target, as for an assertion.
struct ResponseCapture
{
    QString variable;
    QString scope = QStringLiteral("environment");
    QString target;
    bool enabled = true;

    friend bool operator==(const ResponseCapture &a, const ResponseCapture &b)
    {
        return a.variable == b.variable && a.scope == b.scope && a.target == b.target
            && a.enabled == b.enabled;
    }
    friend bool operator!=(const ResponseCapture &a, const ResponseCapture &b) { return !(a == b); }
};

namespace ResponseChecks {

QStringList operators();
QStringList scopes();

QJsonArray assertionsToJson(const QList<ResponseAssertion> &assertions);
QList<ResponseAssertion> assertionsFromJson(const QJsonArray &array);
QJsonArray capturesToJson(const QList<ResponseCapture> &captures);
QList<ResponseCapture> capturesFromJson(const QJsonArray &array);

} // namespace ResponseChecks

} // namespace Postern
