#include "interop/postmancollection.h"
#include "postman/postmanauth.h"
#include "postman/postmanforeign.h"
#include "postman/postmanjson.h"
#include "postman/postmankeys.h"
#include "postman/postmanrequest.h"
#include "scripting/checkscript.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

// PostmanCollection's export (v2.1) and the secrets in what an import kept aside.
namespace Postern {

namespace {

using namespace PostmanKeys;

QJsonObject postmanForeign(const QJsonObject &foreign)
{
    return foreign.value(postmanKey).toObject();
}

QJsonArray writeVariables(const VariableList &variables, const QJsonObject &foreign,
                          PostmanCollection::Secrets secrets)
{
    PostmanJson::RowExtras extras = PostmanJson::RowExtras::fromJson(foreign.value(variableRowsKey));
    QJsonArray array;
    for (const Variable &variable : variables) {
        QJsonObject extra = extras.take(variable.key);
        const QJsonValue original = extra.take(u"value"_s);
        const bool hide = variable.secret && secrets == PostmanCollection::Secrets::Omit
            && PostmanJson::isLiteralSecret(variable.value);
        QJsonObject object { { u"key"_s, variable.key } };
        if (hide)
            object.insert(u"value"_s, QString());
        else if (!original.isUndefined() && PostmanJson::text(original) == variable.value)
            object.insert(u"value"_s, original);
        else
            object.insert(u"value"_s, variable.value);
        if (variable.secret)
            object.insert(u"type"_s, u"secret"_s);
        if (!variable.enabled)
            object.insert(u"disabled"_s, true);
        if (!variable.description.isEmpty())
            object.insert(u"description"_s, variable.description);
        PostmanJson::merge(object, extra);
        array.append(object);
    }
    return array;
}

QJsonObject writeItem(const CollectionItem &item, PostmanCollection::Secrets secrets)
{
    const QJsonObject foreign = postmanForeign(item.foreign);
    QJsonObject object { { u"id"_s, foreign.value(idKey).toString(item.id) }, { u"name"_s, item.name } };
    const QJsonObject format = foreign.value(descriptionFormatKey).toObject();
    if (item.isFolder()) {
        QJsonArray children;
        for (const CollectionItem &child : item.children)
            children.append(writeItem(child, secrets));
        object.insert(itemKey, children);
        if (const QJsonValue text = PostmanJson::writeDescription(item.description, format);
            !text.isUndefined())
            object.insert(u"description"_s, text);
        if (const QJsonValue auth
            = PostmanAuth::write(item.auth, PostmanAuth::Level::Folder, foreign, secrets);
            !auth.isUndefined()) {
            object.insert(u"auth"_s, auth);
        }
    } else {
        // A description Postman had on the item rather than on its request goes back there.
        const bool onItem = foreign.value(descriptionOnItemKey).toBool();
        QJsonObject requestForeign = foreign;
        if (onItem)
            requestForeign.remove(descriptionFormatKey);
        QJsonObject behaviour;
        object.insert(u"request"_s,
                      PostmanRequest::write(item.request, onItem ? QString() : item.description,
                                            requestForeign, secrets, &behaviour));
        if (onItem) {
            if (const QJsonValue text = PostmanJson::writeDescription(item.description, format);
                !text.isUndefined())
                object.insert(u"description"_s, text);
        }
        if (!behaviour.isEmpty())
            object.insert(u"protocolProfileBehavior"_s, behaviour);
        object.insert(u"response"_s, QJsonArray());
    }
    // The Assertions tab's rows travel as the test script lines they are run as.
    const QJsonArray scripts = item.isFolder()
        ? CheckScript::withChecks(item.scripts, item.assertions, item.captures)
        : CheckScript::withChecks(item.request.scripts, item.request.assertions, item.request.captures);
    if (!scripts.isEmpty())
        object.insert(u"event"_s, scripts);
    QJsonObject kept = foreign.value(itemKey).toObject();
    if (secrets == PostmanCollection::Secrets::Omit)
        kept = PostmanForeign::exampleWithoutSecrets(kept);
    if (kept.contains(u"response"_s))
        object.remove(u"response"_s);
    PostmanJson::merge(object, kept);
    return object;
}

} // namespace

QByteArray PostmanCollection::exportV21(const Collection &collection, Secrets secrets)
{
    const QJsonObject foreign = postmanForeign(collection.foreign);
    QJsonObject info { { foreign.value(infoIdKey).toString(u"_postman_id"_s), collection.id },
                       { u"name"_s, collection.name },
                       { u"schema"_s, schemaV21() } };
    if (const QJsonValue text = PostmanJson::writeDescription(collection.description,
                                                              foreign.value(descriptionFormatKey).toObject());
        !text.isUndefined()) {
        info.insert(u"description"_s, text);
    }
    PostmanJson::merge(info, foreign.value(infoKey).toObject());
    QJsonArray items;
    for (const CollectionItem &item : collection.items)
        items.append(writeItem(item, secrets));
    QJsonObject root { { infoKey, info }, { itemKey, items } };
    if (const QJsonValue auth
        = PostmanAuth::write(collection.auth, PostmanAuth::Level::Collection, foreign, secrets);
        !auth.isUndefined()) {
        root.insert(u"auth"_s, auth);
    }
    if (const QJsonArray scripts
        = CheckScript::withChecks(collection.scripts, collection.assertions, collection.captures);
        !scripts.isEmpty()) {
        root.insert(u"event"_s, scripts);
    }
    if (!collection.variables.isEmpty() || foreign.contains(variablesKeyKey))
        root.insert(foreign.value(variablesKeyKey).toString(u"variable"_s),
                    writeVariables(collection.variables, foreign, secrets));
    PostmanJson::merge(root, foreign.value(collectionKey).toObject());
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Postern
