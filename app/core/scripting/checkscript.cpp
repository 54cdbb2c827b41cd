#include "scripting/checkscript.h"

#include "scripting/scriptevents.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Postern::CheckScript {

namespace {

QString quoted(const QString &text)
{
    // A JSON string is a JavaScript string literal (U+2028 and U+2029 are escaped by Qt too).
    const QByteArray json = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString assertion(const QString &op, const QString &actual, const QString &value)
{
    // The operators that compare with a value, as the chai chain each one is.
    static const QHash<QString, QString> compare {
        { u"eq"_s, u"to.eql"_s },           { u"neq"_s, u"to.not.eql"_s },
        { u"gt"_s, u"to.be.above"_s },      { u"gte"_s, u"to.be.at.least"_s },
        { u"lt"_s, u"to.be.below"_s },      { u"lte"_s, u"to.be.at.most"_s },
        { u"contains"_s, u"to.include"_s }, { u"notContains"_s, u"to.not.include"_s },
    };
    if (const auto chain = compare.constFind(op); chain != compare.cend())
        return u"pm.expect(%1).%2(%3);"_s.arg(actual, *chain, valueExpression(value));
    if (op == u"matches"_s) {
        QString pattern = value.trimmed();
        QString flags;
        static const QRegularExpression literal(u"^/(.*)/([a-z]*)$"_s);
        if (const auto match = literal.match(pattern); match.hasMatch()) {
            pattern = match.captured(1);
            flags = match.captured(2);
        }
        return u"pm.expect(String(%1)).to.match(new RegExp(%2, %3));"_s.arg(actual, quoted(pattern),
                                                                            quoted(flags));
    }
    if (op == u"exists"_s)
        return u"pm.expect(%1).to.not.be.undefined;"_s.arg(actual);
    if (op == u"notExists"_s)
        return u"pm.expect(%1).to.be.undefined;"_s.arg(actual);
    if (op == u"isEmpty"_s)
        return u"pm.expect(%1).to.be.empty;"_s.arg(actual);
    return QString();
}

} // namespace

QString valueExpression(const QString &value)
{
    const QString text = value.trimmed();
    if (text == u"true"_s || text == u"false"_s || text == u"null"_s)
        return text;
    static const QRegularExpression number(u"^-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?$"_s);
    if (number.match(text).hasMatch())
        return text;
    if (text.size() >= 2
        && ((text.startsWith(u'"') && text.endsWith(u'"'))
            || (text.startsWith(u'\'') && text.endsWith(u'\''))))
        return quoted(text.mid(1, text.size() - 2));
    return quoted(value);
}

QString targetExpression(const QString &target, QString *error)
{
    const QString t = target.trimmed();
    if (t == u"res.status"_s)
        return u"pm.response.code"_s;
    if (t == u"res.statusText"_s)
        return u"pm.response.status"_s;
    if (t == u"res.responseTime"_s)
        return u"pm.response.responseTime"_s;
    if (t == u"res.body"_s)
        return u"pm.response.text()"_s;
    if (t.startsWith(u"res.headers."_s) && t.size() > 12)
        return u"pm.response.headers.get(%1)"_s.arg(quoted(t.mid(12)));
    QString path;
    if (t.startsWith(u"res.body."_s))
        path = t.mid(9);
    else if (t.startsWith(u"res.body["_s))
        path = t.mid(8);
    else if (t.startsWith(u"$."_s) || t.startsWith(u"$["_s)) // a JSONPath of names and indexes
        path = t.mid(t.at(1) == u'.' ? 2 : 1);
    if (!path.isEmpty()) {
        // Names and indexes only: a JSONPath wildcard, filter or recursive descent is refused in
        // words instead of reading as undefined.
        static const QRegularExpression plain(
            uR"re(^(?:[^.\[\]*?@()$]+|\[\d+\]|\['[^']*'\]|\["[^"]*"\])(?:\.[^.\[\]*?@()$]+|\[\d+\]|\['[^']*'\]|\["[^"]*"\])*$)re"_s);
        if (plain.match(path).hasMatch())
            return u"require('lodash').get(pm.response.json(), %1)"_s.arg(quoted(path));
        if (error)
            *error = u"The path in \u201c%1\u201d is not one Postern reads: use names and [indexes], such as "
                     "res.body.result[0].number or $.result[0].number (no *, .., filters)."_s.arg(t);
        return QString();
    }
    if (error)
        *error
            = u"Unknown target \u201c%1\u201d: use res.status, res.statusText, res.responseTime, res.body, "
              "res.body.<path>, $.<path> or res.headers.<name>."_s.arg(t);
    return QString();
}

QString javaScript(const QList<ResponseAssertion> &assertions, const QList<ResponseCapture> &captures)
{
    QStringList lines;
    for (const ResponseAssertion &row : assertions) {
        if (!row.enabled || row.target.trimmed().isEmpty())
            continue;
        const bool unary = row.op == u"exists"_s || row.op == u"notExists"_s || row.op == u"isEmpty"_s;
        const QString name
            = row.target.trimmed() + u' ' + row.op + (unary ? QString() : u' ' + row.value.trimmed());
        QString error;
        const QString actual = targetExpression(row.target, &error);
        QString body = actual.isEmpty() ? QString() : assertion(row.op, actual, row.value);
        if (body.isEmpty() && error.isEmpty())
            error = u"Unknown operator \u201c%1\u201d: use %2."_s.arg(
                row.op, ResponseChecks::operators().join(u", "_s));
        if (!error.isEmpty())
            body = u"throw new Error(%1);"_s.arg(quoted(error));
        lines << u"pm.test(%1, function () { %2 });"_s.arg(quoted(name), body);
    }
    for (const ResponseCapture &row : captures) {
        if (!row.enabled || row.variable.trimmed().isEmpty())
            continue;
        QString error;
        const QString actual = targetExpression(row.target, &error);
        const QString scope = row.scope == u"collection"_s ? u"collectionVariables"_s
            : row.scope == u"globals"_s                    ? u"globals"_s
                                                           : u"environment"_s;
        if (actual.isEmpty()) {
            lines << u"pm.test(%1, function () { throw new Error(%2); });"_s.arg(
                quoted(u"capture "_s + row.variable.trimmed()), quoted(error));
            continue;
        }
        lines << u"pm.%1.set(%2, %3);"_s.arg(scope, quoted(row.variable.trimmed()), actual);
    }
    if (lines.isEmpty())
        return QString();
    lines.prepend(u"// Assertions and captures (Postern's Assertions tab)"_s);
    return lines.join(u'\n');
}

QJsonArray withChecks(const QJsonArray &scripts, const QList<ResponseAssertion> &assertions,
                      const QList<ResponseCapture> &captures)
{
    const QString checks = javaScript(assertions, captures);
    if (checks.isEmpty())
        return scripts;
    QJsonArray lines;
    for (const QString &line : checks.split(u'\n'))
        lines.append(line);
    QJsonArray events = scripts;
    events.append(QJsonObject {
        { u"listen"_s, scriptEventKey(ScriptEvent::Test) },
        { u"script"_s, QJsonObject { { u"type"_s, u"text/javascript"_s }, { u"exec"_s, lines } } } });
    return events;
}

} // namespace Postern::CheckScript
