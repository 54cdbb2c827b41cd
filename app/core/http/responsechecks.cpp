#include "http/responsechecks.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern::ResponseChecks {

QStringList operators()
{
    return { u"eq"_s,       u"neq"_s,         u"gt"_s,      u"gte"_s,    u"lt"_s,        u"lte"_s,
             u"contains"_s, u"notContains"_s, u"matches"_s, u"exists"_s, u"notExists"_s, u"isEmpty"_s };
}

QStringList scopes()
{
    return { u"environment"_s, u"collection"_s, u"globals"_s };
}

QJsonArray assertionsToJson(const QList<ResponseAssertion> &assertions)
{
    QJsonArray array;
    for (const ResponseAssertion &a : assertions) {
        QJsonObject object { { u"target"_s, a.target }, { u"op"_s, a.op }, { u"value"_s, a.value } };
        if (!a.enabled)
            object.insert(u"enabled"_s, false);
        array.append(object);
    }
    return array;
}

QList<ResponseAssertion> assertionsFromJson(const QJsonArray &array)
{
    QList<ResponseAssertion> assertions;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        ResponseAssertion a;
        a.target = object.value(u"target"_s).toString();
        a.op = object.value(u"op"_s).toString(u"eq"_s);
        a.value = object.value(u"value"_s).toString();
        a.enabled = object.value(u"enabled"_s).toBool(true);
        assertions.append(a);
    }
    return assertions;
}

QJsonArray capturesToJson(const QList<ResponseCapture> &captures)
{
    QJsonArray array;
    for (const ResponseCapture &c : captures) {
        QJsonObject object { { u"variable"_s, c.variable },
                             { u"scope"_s, c.scope },
                             { u"target"_s, c.target } };
        if (!c.enabled)
            object.insert(u"enabled"_s, false);
        array.append(object);
    }
    return array;
}

QList<ResponseCapture> capturesFromJson(const QJsonArray &array)
{
    QList<ResponseCapture> captures;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        ResponseCapture c;
        c.variable = object.value(u"variable"_s).toString();
        c.scope = object.value(u"scope"_s).toString(u"environment"_s);
        c.target = object.value(u"target"_s).toString();
        c.enabled = object.value(u"enabled"_s).toBool(true);
        captures.append(c);
    }
    return captures;
}

} // namespace Postern::ResponseChecks
