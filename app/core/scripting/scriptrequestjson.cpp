#include "base/keyvalue.h"
#include "scripting/scriptengine.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

// The requests and answers as scripts see them (pm.request, pm.response, pm.sendRequest's options):
// ScriptEngine's JSON shapes, kept apart from the engine itself.
namespace Postern {

namespace {

KeyValueList keyValuesFrom(const QJsonValue &value)
{
    KeyValueList rows;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject object = item.toObject();
        if (!object.contains(u"key"_s))
            continue;
        rows.append(KeyValue { ScriptScopes::text(object.value(u"key"_s)),
                               ScriptScopes::text(object.value(u"value"_s)),
                               !object.value(u"disabled"_s).toBool(), QString() });
    }
    return rows;
}

} // namespace

QJsonObject ScriptEngine::requestJson(const HttpRequest &request)
{
    QJsonObject json { { u"method"_s, request.method },
                       { u"url"_s, request.url },
                       { u"headers"_s, keyValuesToJson(request.headers) } };
    QJsonObject body;
    switch (request.bodyMode) {
    case BodyMode::Raw:
        if (!request.body.isEmpty())
            body = { { u"mode"_s, u"raw"_s }, { u"raw"_s, QString::fromUtf8(request.body) } };
        break;
    case BodyMode::UrlEncoded:
        body = { { u"mode"_s, u"urlencoded"_s }, { u"urlencoded"_s, keyValuesToJson(request.formFields) } };
        break;
    case BodyMode::FormData: {
        QJsonArray parts;
        for (const FormPart &part : request.formParts) {
            QJsonObject object { { u"key"_s, part.key },
                                 { u"type"_s, part.isFile ? u"file"_s : u"text"_s },
                                 { part.isFile ? u"src"_s : u"value"_s, part.value } };
            if (!part.enabled)
                object.insert(u"disabled"_s, true);
            parts.append(object);
        }
        body = { { u"mode"_s, u"formdata"_s }, { u"formdata"_s, parts } };
        break;
    }
    case BodyMode::Binary:
        body = { { u"mode"_s, u"file"_s }, { u"file"_s, QJsonObject { { u"src"_s, request.bodyFile } } } };
        break;
    case BodyMode::GraphQL:
        body = { { u"mode"_s, u"graphql"_s },
                 { u"graphql"_s,
                   QJsonObject { { u"query"_s, request.graphqlQuery },
                                 { u"variables"_s, request.graphqlVariables } } } };
        break;
    }
    if (!body.isEmpty())
        json.insert(u"body"_s, body);
    return json;
}

void ScriptEngine::applyRequestJson(const QJsonObject &json, HttpRequest *request)
{
    if (json.value(u"method"_s).isString())
        request->method = json.value(u"method"_s).toString().toUpper();
    if (json.contains(u"url"_s))
        request->url = ScriptScopes::text(json.value(u"url"_s));
    if (json.value(u"headers"_s).isArray())
        request->headers = keyValuesFrom(json.value(u"headers"_s));
    const QJsonValue bodyValue = json.value(u"body"_s);
    if (!bodyValue.isObject())
        return;
    const QJsonObject body = bodyValue.toObject();
    const QString mode = body.value(u"mode"_s).toString();
    if (mode == u"raw"_s) {
        request->bodyMode = BodyMode::Raw;
        request->body = ScriptScopes::text(body.value(u"raw"_s)).toUtf8();
    } else if (mode == u"urlencoded"_s) {
        request->bodyMode = BodyMode::UrlEncoded;
        request->formFields = keyValuesFrom(body.value(u"urlencoded"_s));
    } else if (mode == u"formdata"_s) {
        request->bodyMode = BodyMode::FormData;
        request->formParts.clear();
        for (const QJsonValue &item : body.value(u"formdata"_s).toArray()) {
            const QJsonObject object = item.toObject();
            FormPart part;
            part.key = object.value(u"key"_s).toString();
            part.isFile = object.value(u"type"_s).toString() == u"file"_s;
            part.value = ScriptScopes::text(object.value(part.isFile ? u"src"_s : u"value"_s));
            part.enabled = !object.value(u"disabled"_s).toBool();
            request->formParts.append(part);
        }
    } else if (mode == u"graphql"_s) {
        request->bodyMode = BodyMode::GraphQL;
        const QJsonObject graphql = body.value(u"graphql"_s).toObject();
        request->graphqlQuery = graphql.value(u"query"_s).toString();
        request->graphqlVariables = ScriptScopes::text(graphql.value(u"variables"_s));
    } else if (mode == u"file"_s) {
        request->bodyMode = BodyMode::Binary;
        request->bodyFile = body.value(u"file"_s).toObject().value(u"src"_s).toString();
    }
}

QJsonObject ScriptEngine::responseJson(const HttpResponse &response)
{
    QJsonArray headers;
    for (const RawHeader &header : response.headers)
        headers.append(QJsonObject { { u"key"_s, QString::fromLatin1(header.first) },
                                     { u"value"_s, QString::fromLatin1(header.second) } });
    return QJsonObject { { u"code"_s, response.statusCode },
                         { u"status"_s, response.reasonPhrase },
                         { u"headers"_s, headers },
                         { u"responseTime"_s, response.elapsedMs },
                         { u"responseSize"_s, response.body.size() } };
}

} // namespace Postern
