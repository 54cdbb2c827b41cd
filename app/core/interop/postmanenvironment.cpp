#include "interop/postmanenvironment.h"

#include "postman/postmanjson.h"
#include "workspace/collection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

PostmanEnvironmentImport failure(const QString &error)
{
    return { Environment(), {}, error };
}

} // namespace

PostmanEnvironmentImport PostmanEnvironment::import(const QByteArray &json)
{
    if (json.size() > maxFileSize)
        return failure(PostmanEnvironment::tr("The file is larger than %1 MiB; Postern does not import it.")
                           .arg(maxFileSize / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(PostmanEnvironment::tr("It is not valid JSON (%1 at byte %2).")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return failure(
            PostmanEnvironment::tr("It is not a Postman environment: the file holds a list, not an object."));
    return importObject(document.object());
}

PostmanEnvironmentImport PostmanEnvironment::importObject(const QJsonObject &rootObject)
{
    QJsonObject root = rootObject;
    if (root.value(u"info"_s).isObject() && root.contains(u"item"_s))
        return failure(PostmanEnvironment::tr(
            "It is a Postman collection, not an environment; import it as a collection."));
    const QJsonValue values = root.take(u"values"_s);
    if (!values.isArray()) {
        if (values.isUndefined())
            return failure(
                PostmanEnvironment::tr("It is not a Postman environment: it has no “values” list."));
        return failure(PostmanEnvironment::tr("It is not a Postman environment: “values” is %1, not a list.")
                           .arg(PostmanJson::typeName(values)));
    }

    PostmanJson::Notes notes;
    PostmanEnvironmentImport result;
    Environment &environment = result.environment;
    environment.id = root.take(u"id"_s).toString();
    if (environment.id.isEmpty())
        environment.id = Collection::newId();
    bool wrongType = false;
    environment.name = PostmanJson::text(root.take(u"name"_s), &wrongType);
    if (wrongType)
        notes.add(PostmanEnvironment::tr("The environment's name is not text; it was left empty."));
    const QString scope = root.take(u"_postman_variable_scope"_s).toString();
    if (scope == u"globals"_s)
        notes.add(PostmanEnvironment::tr(
            "It is a Postman globals file; its variables were imported as an environment."));
    else if (!scope.isEmpty() && scope != u"environment"_s)
        notes.add(PostmanEnvironment::tr("The variable scope “%1” is unknown; it was read as an environment.")
                      .arg(scope.left(40)));
    QStringList exportedFields;
    for (const QString &key : root.keys()) {
        if (key.startsWith(u"_postman_exported_"_s)) {
            exportedFields.append(key);
            root.remove(key);
        }
    }

    int skipped = 0;
    int converted = 0;
    int emptied = 0;
    QStringList droppedFields;
    const QJsonArray array = values.toArray();
    for (const QJsonValue &entry : array) {
        QJsonObject object = entry.toObject();
        bool wrong = false;
        Variable variable;
        variable.key = PostmanJson::text(object.take(u"key"_s), &wrong);
        if (!entry.isObject() || variable.key.isEmpty() || wrong) {
            ++skipped;
            continue;
        }
        const QJsonValue value = object.take(u"value"_s);
        variable.value = PostmanJson::text(value, &wrong);
        if (value.isObject() || value.isArray())
            ++emptied;
        else if (!value.isString() && !value.isNull() && !value.isUndefined())
            ++converted;
        // Postman writes "enabled"; older exports and newman's own files say "disabled".
        const bool disabled = object.take(u"disabled"_s).toBool(false);
        variable.enabled = object.take(u"enabled"_s).toBool(!disabled);
        variable.secret = object.take(u"type"_s).toString() == u"secret"_s;
        QJsonObject format;
        variable.description = PostmanJson::readDescription(object.take(u"description"_s), &format, &wrong);
        for (const QString &key : object.keys()) {
            if (!droppedFields.contains(key))
                droppedFields.append(key);
        }
        environment.variables.append(variable);
    }
    if (skipped > 0)
        notes.add(PostmanEnvironment::tr("%1 without a key or of the wrong type left out.")
                      .arg(PostmanJson::count(skipped, PostmanEnvironment::tr("variable"),
                                              PostmanEnvironment::tr("variables"))));
    if (converted > 0)
        notes.add(PostmanEnvironment::tr("%1 not text; kept as text.")
                      .arg(PostmanJson::count(converted, PostmanEnvironment::tr("value is"),
                                              PostmanEnvironment::tr("values are"))));
    if (emptied > 0)
        notes.add(PostmanEnvironment::tr("%1 a list or an object; left empty.")
                      .arg(PostmanJson::count(emptied, PostmanEnvironment::tr("value is"),
                                              PostmanEnvironment::tr("values are"))));
    if (!droppedFields.isEmpty())
        notes.add(PostmanEnvironment::tr("Variable fields Postern does not keep were left out: %1.")
                      .arg(droppedFields.join(u", "_s)));
    if (!root.isEmpty())
        notes.add(PostmanEnvironment::tr("Fields Postern does not keep were left out: %1.")
                      .arg(root.keys().join(u", "_s)));
    if (!exportedFields.isEmpty())
        notes.add(PostmanEnvironment::tr("Left out: %1 (when and with what Postman exported the file).")
                      .arg(exportedFields.join(u", "_s)));
    result.summary = notes.lines();
    return result;
}

QByteArray PostmanEnvironment::exportJson(const Environment &environment, Secrets secrets)
{
    QJsonArray values;
    for (const Variable &variable : environment.variables) {
        QJsonObject object {
            { u"key"_s, variable.key },
            { u"value"_s,
              variable.secret && secrets == Secrets::Omit && PostmanJson::isLiteralSecret(variable.value)
                  ? QString()
                  : variable.value },
            { u"type"_s, variable.secret ? u"secret"_s : u"default"_s },
            { u"enabled"_s, variable.enabled },
        };
        if (!variable.description.isEmpty())
            object.insert(u"description"_s, variable.description);
        values.append(object);
    }
    const QJsonObject root {
        { u"id"_s, environment.id },
        { u"name"_s, environment.name },
        { u"values"_s, values },
        { u"_postman_variable_scope"_s, u"environment"_s },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool PostmanEnvironment::looksLikePostman(const QByteArray &data)
{
    if (data.size() > maxFileSize)
        return false;
    return looksLikePostman(QJsonDocument::fromJson(data).object());
}

bool PostmanEnvironment::looksLikePostman(const QJsonObject &root)
{
    return root.value(u"values"_s).isArray()
        && (root.contains(u"_postman_variable_scope"_s)
            || (root.contains(u"name"_s) && !root.contains(u"info"_s)));
}

} // namespace Postern
