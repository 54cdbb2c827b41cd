#include "postman/postmanrequest.h"

#include "postman/postmanauth.h"
#include "postman/postmanurl.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

const auto requestKey = u"request"_s;
const auto bodyKey = u"body"_s;
const auto rowsKey = u"rows"_s;
const auto behaviourKey = u"protocolProfileBehavior"_s;
const auto descriptionFormatKey = u"descriptionFormat"_s;

constexpr std::pair<const char16_t *, const char16_t *> languages[] = {
    { u"json", u"application/json" }, { u"javascript", u"application/javascript" },
    { u"html", u"text/html" },        { u"xml", u"application/xml" },
    { u"text", u"text/plain" },
};

struct RowReader
{
    PostmanJson::RowExtras extras;
    bool wrongType = false;

    // Takes the columns Postern has from entry; what is left is kept for export.
    KeyValue read(QJsonObject entry)
    {
        KeyValue row;
        row.key = PostmanJson::text(entry.take(u"key"_s), &wrongType);
        row.value = PostmanJson::text(entry.take(u"value"_s), &wrongType);
        row.enabled = !entry.take(u"disabled"_s).toBool() && entry.take(u"enabled"_s).toBool(true);
        QJsonObject format;
        row.description = PostmanJson::readDescription(entry.take(u"description"_s), &format, &wrongType);
        if (entry.value(u"type"_s) == u"text"_s)
            entry.remove(u"type"_s);
        extras.add(row.key, entry);
        return row;
    }
};

QJsonObject writeRow(const QString &key, const QString &value, bool enabled, const QString &description)
{
    QJsonObject row { { u"key"_s, key }, { u"value"_s, value } };
    if (!enabled)
        row.insert(u"disabled"_s, true);
    if (!description.isEmpty())
        row.insert(u"description"_s, description);
    return row;
}

KeyValueList readHeaders(const QJsonValue &value, RowReader *reader, const QString &where,
                         PostmanJson::Notes *notes)
{
    KeyValueList headers;
    if (value.isString()) {
        // "Name: value" lines; Postman's bulk editor marks a disabled one with "//".
        const QStringList lines = value.toString().split(u'\n');
        for (QString line : lines) {
            line = line.trimmed();
            if (line.isEmpty())
                continue;
            const bool disabled = line.startsWith(u"//"_s);
            if (disabled)
                line = line.mid(2).trimmed();
            const qsizetype colon = line.indexOf(u':');
            headers.append({ colon < 0 ? line : line.left(colon).trimmed(),
                             colon < 0 ? QString() : line.mid(colon + 1).trimmed(),
                             !disabled,
                             {} });
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            if (entry.isObject())
                headers.append(reader->read(entry.toObject()));
            else
                reader->wrongType = true;
        }
    } else if (!value.isUndefined() && !value.isNull()) {
        notes->add(where,
                   PostmanRequest::tr("“header” is %1, not a list; it was ignored")
                       .arg(PostmanJson::typeName(value)));
    }
    return headers;
}

void readBody(const QJsonValue &value, HttpRequest *request, QJsonObject *foreign, QJsonObject *rows,
              const QString &where, PostmanJson::Notes *notes, QStringList *unknownFields)
{
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isObject()) {
        notes->add(where,
                   PostmanRequest::tr("“body” is %1, not an object; it was ignored")
                       .arg(PostmanJson::typeName(value)));
        return;
    }
    QJsonObject body = value.toObject();
    bool wrongType = false;
    const QString mode = PostmanJson::text(body.take(u"mode"_s), &wrongType);
    request->body = PostmanJson::text(body.take(u"raw"_s), &wrongType).toUtf8();

    const auto list = [&](const QString &key) {
        const QJsonValue entries = body.take(key);
        if (!entries.isArray() && !entries.isUndefined() && !entries.isNull())
            wrongType = true;
        return entries.toArray();
    };
    RowReader fields;
    for (const QJsonValue &entry : list(u"urlencoded"_s)) {
        if (entry.isObject())
            request->formFields.append(fields.read(entry.toObject()));
        else
            wrongType = true;
    }
    RowReader parts;
    for (const QJsonValue &entry : list(u"formdata"_s)) {
        QJsonObject object = entry.toObject();
        if (!entry.isObject()) {
            wrongType = true;
            continue;
        }
        const bool isFile = object.value(u"type"_s) == u"file"_s;
        const QJsonValue src = object.value(u"src"_s);
        if (isFile) {
            object.remove(u"type"_s);
            object.remove(u"src"_s);
            const QJsonArray files = src.toArray();
            if (files.size() > 1)
                object.insert(u"src"_s, files); // several files in one part: the first is shown
            object.insert(u"value"_s, src.isArray() ? files.first() : src);
        }
        const QString contentType = PostmanJson::text(object.take(u"contentType"_s), &parts.wrongType);
        const KeyValue row = parts.read(object);
        request->formParts.append({ row.key, row.value, isFile, contentType, row.enabled, row.description });
    }
    fields.wrongType = fields.wrongType || parts.wrongType;
    if (!fields.extras.isEmpty())
        rows->insert(u"urlencoded"_s, fields.extras.toJson());
    if (!parts.extras.isEmpty())
        rows->insert(u"formdata"_s, parts.extras.toJson());

    if (const QJsonValue file = body.take(u"file"_s); file.isObject()) {
        QJsonObject object = file.toObject();
        request->bodyFile = PostmanJson::text(object.take(u"src"_s), &wrongType);
        if (!object.isEmpty())
            body.insert(u"file"_s, object);
    } else if (!file.isUndefined() && !file.isNull()) {
        request->bodyFile = PostmanJson::text(file, &wrongType);
    }
    if (const QJsonValue graphql = body.take(u"graphql"_s); graphql.isObject()) {
        QJsonObject object = graphql.toObject();
        request->graphqlQuery = PostmanJson::text(object.take(u"query"_s), &wrongType);
        const QJsonValue variables = object.take(u"variables"_s);
        if (variables.isObject() || variables.isArray()) {
            request->graphqlVariables = QString::fromUtf8(
                variables.isObject() ? QJsonDocument(variables.toObject()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(variables.toArray()).toJson(QJsonDocument::Compact));
        } else {
            request->graphqlVariables = PostmanJson::text(variables, &wrongType);
        }
        if (!object.isEmpty())
            body.insert(u"graphql"_s, object);
    } else if (!graphql.isUndefined() && !graphql.isNull()) {
        wrongType = true;
    }
    if (const QJsonValue options = body.take(u"options"_s); options.isObject()) {
        QJsonObject object = options.toObject();
        QJsonObject raw = object.value(u"raw"_s).toObject();
        request->bodyContentType = PostmanRequest::contentTypeFor(raw.value(u"language"_s).toString());
        if (!request->bodyContentType.isEmpty())
            raw.remove(u"language"_s);
        object.remove(u"raw"_s);
        if (!raw.isEmpty())
            object.insert(u"raw"_s, raw);
        if (!object.isEmpty())
            body.insert(u"options"_s, object);
    }

    bool known = mode.isEmpty();
    if (!mode.isEmpty())
        request->bodyMode = bodyModeFromKey(mode, &known);
    if (!known)
        notes->add(
            where,
            PostmanRequest::tr("the body mode “%1” is unknown; the raw body is used").arg(mode.left(40)));
    if (wrongType || fields.wrongType)
        notes->add(where, PostmanRequest::tr("parts of the body have the wrong type and were left out"));
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != u"options"_s && it.key() != u"file"_s && it.key() != u"graphql"_s)
            unknownFields->append(u"body."_s + it.key());
    }
    if (!body.isEmpty())
        foreign->insert(bodyKey, body);
}

QJsonValue writeBody(const HttpRequest &request, const QJsonObject &foreign)
{
    QJsonObject body;
    const QJsonObject rows = foreign.value(rowsKey).toObject();
    if (!request.body.isEmpty())
        body.insert(u"raw"_s, QString::fromUtf8(request.body));
    if (const QString language = PostmanRequest::languageFor(request.bodyContentType); !language.isEmpty())
        body.insert(u"options"_s, QJsonObject { { u"raw"_s, QJsonObject { { u"language"_s, language } } } });
    if (!request.formFields.isEmpty()) {
        PostmanJson::RowExtras extras = PostmanJson::RowExtras::fromJson(rows.value(u"urlencoded"_s));
        QJsonArray array;
        for (const KeyValue &field : request.formFields) {
            QJsonObject row = writeRow(field.key, field.value, field.enabled, field.description);
            PostmanJson::merge(row, extras.take(field.key));
            array.append(row);
        }
        body.insert(u"urlencoded"_s, array);
    }
    if (!request.formParts.isEmpty()) {
        PostmanJson::RowExtras extras = PostmanJson::RowExtras::fromJson(rows.value(u"formdata"_s));
        QJsonArray array;
        for (const FormPart &part : request.formParts) {
            QJsonObject row = writeRow(part.key, part.value, part.enabled, part.description);
            QJsonObject extra = extras.take(part.key);
            row.insert(u"type"_s, part.isFile ? u"file"_s : u"text"_s);
            if (part.isFile) {
                const QJsonArray files = extra.take(u"src"_s).toArray();
                row.remove(u"value"_s);
                row.insert(u"src"_s,
                           !files.isEmpty() && files.first() == part.value ? QJsonValue(files)
                                                                           : QJsonValue(part.value));
            }
            if (!part.contentType.isEmpty())
                row.insert(u"contentType"_s, part.contentType);
            PostmanJson::merge(row, extra);
            array.append(row);
        }
        body.insert(u"formdata"_s, array);
    }
    if (!request.bodyFile.isEmpty())
        body.insert(u"file"_s, QJsonObject { { u"src"_s, request.bodyFile } });
    if (!request.graphqlQuery.isEmpty() || !request.graphqlVariables.isEmpty()) {
        body.insert(u"graphql"_s,
                    QJsonObject { { u"query"_s, request.graphqlQuery },
                                  { u"variables"_s, request.graphqlVariables } });
    }
    const QJsonObject bodyForeign = foreign.value(bodyKey).toObject();
    if (body.isEmpty() && bodyForeign.isEmpty() && request.bodyMode == BodyMode::Raw)
        return QJsonValue(QJsonValue::Undefined);
    body.insert(u"mode"_s, bodyModeKey(request.bodyMode));
    PostmanJson::merge(body, bodyForeign);
    return body;
}

} // namespace

QString PostmanRequest::languageFor(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    for (const auto &[language, mime] : languages) {
        if (type == QStringView(mime))
            return QString::fromUtf16(language);
    }
    return QString();
}

QString PostmanRequest::contentTypeFor(const QString &language)
{
    for (const auto &[name, mime] : languages) {
        if (language == QStringView(name))
            return QString::fromUtf16(mime);
    }
    return QString();
}

HttpRequest PostmanRequest::read(const QJsonValue &value, const QJsonValue &protocolProfileBehavior,
                                 const QString &where, QJsonObject *foreign, PostmanJson::Notes *notes,
                                 QString *description, bool *hasDescription)
{
    HttpRequest request;
    *hasDescription = false;
    QStringList unknownFields;
    if (value.isString() || value.isUndefined() || value.isNull()) {
        // A request given as its URL alone has no "auth": it inherits, as a request object without one.
        request.auth = PostmanAuth::read(QJsonValue(), PostmanAuth::Level::Request, where, foreign, notes);
        request.url = PostmanUrl::read(value, where, foreign, notes, &unknownFields);
        if (!value.isString())
            notes->add(where, PostmanRequest::tr("there is no request; an empty GET request is used"));
    } else if (!value.isObject()) {
        notes->add(where,
                   PostmanRequest::tr("“request” is %1; an empty GET request is used")
                       .arg(PostmanJson::typeName(value)));
    } else {
        QJsonObject object = value.toObject();
        bool wrongType = false;
        const QString method = PostmanJson::text(object.take(u"method"_s), &wrongType);
        if (wrongType)
            notes->add(where, PostmanRequest::tr("“method” is not text; GET is used"));
        if (!method.isEmpty())
            request.method = method;
        request.url = PostmanUrl::read(object.take(u"url"_s), where, foreign, notes, &unknownFields);
        RowReader headers;
        request.headers = readHeaders(object.take(u"header"_s), &headers, where, notes);
        QJsonObject rows;
        if (!headers.extras.isEmpty())
            rows.insert(u"header"_s, headers.extras.toJson());
        if (headers.wrongType)
            notes->add(where, PostmanRequest::tr("some headers have the wrong type and were left out"));
        readBody(object.take(u"body"_s), &request, foreign, &rows, where, notes, &unknownFields);
        if (!rows.isEmpty())
            foreign->insert(rowsKey, rows);
        request.auth
            = PostmanAuth::read(object.take(u"auth"_s), PostmanAuth::Level::Request, where, foreign, notes);
        if (object.contains(u"description"_s)) {
            QJsonObject format;
            bool wrongDescription = false;
            *description
                = PostmanJson::readDescription(object.take(u"description"_s), &format, &wrongDescription);
            *hasDescription = true;
            if (!format.isEmpty())
                foreign->insert(descriptionFormatKey, format);
            if (wrongDescription)
                notes->add(where, PostmanRequest::tr("the description has the wrong type and was left out"));
        }
        if (object.contains(u"proxy"_s))
            notes->add(where, PostmanRequest::tr("its proxy settings are kept for export but not used"));
        if (object.contains(u"certificate"_s))
            notes->add(
                where,
                PostmanRequest::tr("its client certificate settings are kept for export but not used"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key() != u"proxy"_s && it.key() != u"certificate"_s)
                unknownFields.append(it.key());
        }
        if (!object.isEmpty())
            foreign->insert(requestKey, object);
    }

    if (protocolProfileBehavior.isObject()) {
        QJsonObject behaviour = protocolProfileBehavior.toObject();
        if (behaviour.value(u"followRedirects"_s).isBool())
            request.followRedirects = behaviour.take(u"followRedirects"_s).toBool();
        if (behaviour.value(u"strictSSL"_s).isBool())
            request.verifyTls = behaviour.take(u"strictSSL"_s).toBool();
        if (!behaviour.isEmpty()) {
            foreign->insert(behaviourKey, behaviour);
            notes->add(where,
                       PostmanRequest::tr("request settings Postern does not use (%1) are kept for export")
                           .arg(behaviour.keys().join(u", "_s)));
        }
    } else if (!protocolProfileBehavior.isUndefined() && !protocolProfileBehavior.isNull()) {
        notes->add(where,
                   PostmanRequest::tr("“protocolProfileBehavior” is %1; it was ignored")
                       .arg(PostmanJson::typeName(protocolProfileBehavior)));
    }
    if (!unknownFields.isEmpty())
        notes->add(where,
                   PostmanRequest::tr("fields Postern does not use are kept for export: %1")
                       .arg(unknownFields.join(u", "_s)));
    return request;
}

QJsonObject PostmanRequest::write(const HttpRequest &request, const QString &description,
                                  const QJsonObject &foreign, OAuth2Config::Secrets secrets,
                                  QJsonObject *protocolProfileBehavior)
{
    QJsonObject object { { u"method"_s, request.method },
                         { u"url"_s, PostmanUrl::write(request.url, foreign) } };
    PostmanJson::RowExtras extras
        = PostmanJson::RowExtras::fromJson(foreign.value(rowsKey).toObject().value(u"header"_s));
    QJsonArray headers;
    bool hasContentType = false;
    for (const KeyValue &header : request.headers) {
        QJsonObject row = writeRow(header.key, header.value, header.enabled, header.description);
        PostmanJson::merge(row, extras.take(header.key));
        headers.append(row);
        hasContentType = hasContentType
            || (header.enabled && header.key.trimmed().compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0);
    }
    // A content type Postman's raw languages cannot say goes on the wire as a header.
    if (request.bodyMode == BodyMode::Raw && !request.bodyContentType.isEmpty() && !hasContentType
        && languageFor(request.bodyContentType).isEmpty()) {
        headers.append(writeRow(u"Content-Type"_s, request.bodyContentType, true, {}));
    }
    object.insert(u"header"_s, headers);
    if (const QJsonValue body = writeBody(request, foreign); !body.isUndefined())
        object.insert(u"body"_s, body);
    if (const QJsonValue auth
        = PostmanAuth::write(request.auth, PostmanAuth::Level::Request, foreign, secrets);
        !auth.isUndefined()) {
        object.insert(u"auth"_s, auth);
    }
    if (const QJsonValue text
        = PostmanJson::writeDescription(description, foreign.value(descriptionFormatKey).toObject());
        !text.isUndefined()) {
        object.insert(u"description"_s, text);
    }
    PostmanJson::merge(object, foreign.value(requestKey).toObject());

    QJsonObject behaviour = foreign.value(behaviourKey).toObject();
    if (!request.followRedirects)
        behaviour.insert(u"followRedirects"_s, false);
    if (!request.verifyTls)
        behaviour.insert(u"strictSSL"_s, false);
    *protocolProfileBehavior = behaviour;
    return object;
}

} // namespace Postern
