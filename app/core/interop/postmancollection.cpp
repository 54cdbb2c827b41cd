#include "interop/postmancollection.h"

#include "postman/postmanauth.h"
#include "postman/postmanjson.h"
#include "postman/postmankeys.h"
#include "postman/postmanrequest.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

using namespace PostmanKeys;

// Reads one file into a Collection, noting what it keeps aside.
class Reader
{
public:
    // source: the file's bytes, from which the ids of a file without them are made.
    PostmanImport read(const QJsonObject &root, const QByteArray &source);

private:
    CollectionItem readItem(const QJsonValue &value, int depth, const QString &seed);
    QList<CollectionItem> readItems(const QJsonValue &value, int depth, const QString &where,
                                    const QString &parentId);
    QJsonArray readScripts(const QJsonValue &value, const QString &where);
    VariableList readVariables(const QJsonValue &value, QJsonObject *foreign);
    QString uniqueId(const QString &postmanId, const QString &seed, QJsonObject *foreign);

    PostmanJson::Notes m_notes;
    QSet<QString> m_ids;
    QHash<QString, int> m_nextSuffix; // per repeated id: the next n to try, so N repeats cost O(N)
    int m_itemCount = 0;
    QString m_error;
};

// The same file gives the same ids: a repeated id gets one derived from it and a count, a missing one
// one derived from seed (the parent's id, the item's name and how many siblings before it have that
// name), so that importing a file again, or its export, gives an identical collection.
QString Reader::uniqueId(const QString &postmanId, const QString &seed, QJsonObject *foreign)
{
    static const QUuid space(u"3f9e1c2a-5b7d-4e8f-9a6b-0c1d2e3f4a5b"_s);
    const QString base = postmanId.isEmpty() ? seed : postmanId;
    QString id
        = postmanId.isEmpty() ? QUuid::createUuidV5(space, seed).toString(QUuid::WithoutBraces) : postmanId;
    if (m_ids.contains(id)) {
        int &n = m_nextSuffix[base];
        n = qMax(n, 2);
        do {
            id = QUuid::createUuidV5(space, base + u'#' + QString::number(n++))
                     .toString(QUuid::WithoutBraces);
        } while (m_ids.contains(id));
        if (!postmanId.isEmpty())
            foreign->insert(idKey, postmanId);
    }
    m_ids.insert(id);
    return id;
}

QJsonArray Reader::readScripts(const QJsonValue &value, const QString &where)
{
    if (value.isArray())
        return value.toArray();
    // One event written without its list, which Postman's runner reads as a list of one.
    if (value.isObject() && value.toObject().value(u"listen"_s).isString())
        return QJsonArray { value };
    if (!value.isUndefined() && !value.isNull())
        m_notes.add(where,
                    PostmanCollection::tr("“event” is %1, not a list; its scripts were ignored")
                        .arg(PostmanJson::typeName(value)));
    return {};
}

VariableList Reader::readVariables(const QJsonValue &value, QJsonObject *foreign)
{
    VariableList variables;
    if (!value.isArray()) {
        if (!value.isUndefined() && !value.isNull())
            m_notes.add(PostmanCollection::tr("The collection"),
                        PostmanCollection::tr("“variable” is %1, not a list; it was ignored")
                            .arg(PostmanJson::typeName(value)));
        return variables;
    }
    PostmanJson::RowExtras extras;
    bool wrongType = false;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        QJsonObject object = entry.toObject();
        if (!entry.isObject()) {
            wrongType = true;
            continue;
        }
        Variable variable;
        variable.key = PostmanJson::text(object.take(u"key"_s), &wrongType);
        if (variable.key.isEmpty())
            variable.key = PostmanJson::text(object.value(u"id"_s), &wrongType);
        const QJsonValue text = object.take(u"value"_s);
        variable.value = PostmanJson::text(text, &wrongType);
        variable.enabled = !object.take(u"disabled"_s).toBool();
        QJsonObject format;
        variable.description
            = PostmanJson::readDescription(object.take(u"description"_s), &format, &wrongType);
        if (object.value(u"type"_s) == u"secret"_s) {
            variable.secret = true;
            object.remove(u"type"_s);
        } else if (!text.isString() && !text.isUndefined()) {
            object.insert(u"value"_s, text); // a number, a boolean or null: written back as it was
        }
        extras.add(variable.key, object);
        variables.append(variable);
    }
    if (wrongType)
        m_notes.add(
            PostmanCollection::tr("The collection"),
            PostmanCollection::tr("some variables have the wrong type and were left out or left empty"));
    if (!extras.isEmpty())
        foreign->insert(variableRowsKey, extras.toJson());
    return variables;
}

QList<CollectionItem> Reader::readItems(const QJsonValue &value, int depth, const QString &where,
                                        const QString &parentId)
{
    QList<CollectionItem> items;
    if (!value.isArray()) {
        if (!value.isUndefined() && !value.isNull())
            m_notes.add(where,
                        PostmanCollection::tr("“item” is %1, not a list; it was ignored")
                            .arg(PostmanJson::typeName(value)));
        return items;
    }
    if (depth > PostmanCollection::maxDepth) {
        m_error = PostmanCollection::tr(
                      "Its folders are nested deeper than %1 levels; Postern does not import it.")
                      .arg(PostmanCollection::maxDepth);
        return items;
    }
    const QJsonArray array = value.toArray();
    QHash<QString, int> sameName;
    for (const QJsonValue &entry : array) {
        if (!m_error.isEmpty())
            break;
        if (!entry.isObject()) {
            m_notes.add(where,
                        PostmanCollection::tr("an entry of “item” is %1; it was skipped")
                            .arg(PostmanJson::typeName(entry)));
            continue;
        }
        if (++m_itemCount > PostmanCollection::maxItems) {
            m_error = PostmanCollection::tr(
                          "It holds more than %1 requests and folders; Postern does not import it.")
                          .arg(PostmanCollection::maxItems);
            break;
        }
        const QString name = PostmanJson::text(entry.toObject().value(u"name"_s));
        items.append(
            readItem(entry, depth, parentId + u'/' + name + u'#' + QString::number(sameName[name]++)));
    }
    return items;
}

CollectionItem Reader::readItem(const QJsonValue &value, int depth, const QString &seed)
{
    QJsonObject object = value.toObject();
    QJsonObject foreign;
    CollectionItem item;
    const bool isFolder = object.contains(itemKey);
    item.kind = isFolder ? CollectionItem::Kind::Folder : CollectionItem::Kind::Request;
    bool wrongType = false;
    item.name = PostmanJson::text(object.take(u"name"_s), &wrongType);
    const QString where
        = isFolder ? PostmanJson::folderLabel(item.name) : PostmanJson::requestLabel(item.name);
    if (wrongType)
        m_notes.add(where, PostmanCollection::tr("the name is not text"));
    QString postmanId = object.value(idKey).toString();
    if (postmanId.isEmpty())
        postmanId = object.value(u"_postman_id"_s).toString();
    object.remove(idKey);
    object.remove(u"_postman_id"_s);
    item.id = uniqueId(postmanId, seed, &foreign);
    item.scripts = readScripts(object.take(u"event"_s), where);

    QStringList unknown;
    if (isFolder) {
        QJsonObject format;
        bool wrongDescription = false;
        item.description
            = PostmanJson::readDescription(object.take(u"description"_s), &format, &wrongDescription);
        if (!format.isEmpty())
            foreign.insert(descriptionFormatKey, format);
        item.auth = PostmanAuth::read(object.take(u"auth"_s), PostmanAuth::Level::Folder, where, &foreign,
                                      &m_notes);
        item.children = readItems(object.take(itemKey), depth + 1, where, item.id);
        if (object.contains(u"protocolProfileBehavior"_s))
            m_notes.add(
                where,
                PostmanCollection::tr(
                    "its request settings (protocolProfileBehavior) are kept for export but not used"));
        if (object.contains(u"variable"_s))
            m_notes.add(where, PostmanCollection::tr("its variables are kept for export but not used"));
    } else {
        bool hasDescription = false;
        item.request
            = PostmanRequest::read(object.take(u"request"_s), object.take(u"protocolProfileBehavior"_s),
                                   where, &foreign, &m_notes, &item.description, &hasDescription);
        item.request.scripts = item.scripts; // a request's scripts travel with it
        item.scripts = QJsonArray();
        if (!hasDescription && object.contains(u"description"_s)) {
            QJsonObject format;
            item.description
                = PostmanJson::readDescription(object.take(u"description"_s), &format, &wrongType);
            foreign.insert(descriptionOnItemKey, true);
            if (!format.isEmpty())
                foreign.insert(descriptionFormatKey, format);
        }
        const QJsonValue responses = object.value(u"response"_s);
        if (responses.isArray() && !responses.toArray().isEmpty()) {
            m_notes.add(
                where,
                PostmanCollection::tr("%1 kept for export but not shown")
                    .arg(PostmanJson::count(responses.toArray().size(),
                                            PostmanCollection::tr("saved response (example) is"),
                                            PostmanCollection::tr("saved responses (examples) are"))));
        } else if (responses.isArray()) {
            object.remove(u"response"_s);
        }
        if (object.contains(u"variable"_s))
            m_notes.add(where, PostmanCollection::tr("its variables are kept for export but not used"));
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() != u"response"_s && it.key() != u"variable"_s && it.key() != u"protocolProfileBehavior"_s
            && it.key() != u"description"_s)
            unknown.append(it.key());
    }
    if (!unknown.isEmpty())
        m_notes.add(where,
                    PostmanCollection::tr("fields Postern does not use are kept for export: %1")
                        .arg(unknown.join(u", "_s)));
    if (!object.isEmpty())
        foreign.insert(itemKey, object);
    if (!foreign.isEmpty())
        item.foreign.insert(postmanKey, foreign);
    return item;
}

PostmanImport Reader::read(const QJsonObject &rootObject, const QByteArray &source)
{
    PostmanImport result;
    QJsonObject root = rootObject;
    QJsonObject foreign;
    Collection &collection = result.collection;
    const QString where = PostmanCollection::tr("The collection");

    QJsonObject info = root.take(infoKey).toObject();
    const QString schema = info.take(u"schema"_s).toString();
    if (!schema.isEmpty() && !schema.contains(u"v2.0"_s) && !schema.contains(u"v2.1"_s)
        && !schema.contains(u"collection/v2/"_s)) {
        m_notes.add(where,
                    PostmanCollection::tr("its schema “%1” is not one Postern knows; it was read as v2.1")
                        .arg(schema.left(120)));
    }
    QString id = info.take(u"_postman_id"_s).toString();
    if (id.isEmpty() && info.value(idKey).isString()) {
        id = info.take(idKey).toString();
        foreign.insert(infoIdKey, idKey);
    }
    if (id.isEmpty()) {
        static const QUuid space(u"9d2b7e41-6c3a-4f58-8e1d-2a7b5c9f0e36"_s);
        id = QUuid::createUuidV5(space, QCryptographicHash::hash(source, QCryptographicHash::Sha256))
                 .toString(QUuid::WithoutBraces);
    }
    collection.id = id;
    bool wrongType = false;
    collection.name = PostmanJson::text(info.take(u"name"_s), &wrongType);
    QJsonObject format;
    collection.description = PostmanJson::readDescription(info.take(u"description"_s), &format, &wrongType);
    if (wrongType)
        m_notes.add(where, PostmanCollection::tr("its name or description is not text"));
    if (!format.isEmpty())
        foreign.insert(descriptionFormatKey, format);
    if (!info.isEmpty())
        foreign.insert(infoKey, info);

    collection.auth
        = PostmanAuth::read(root.take(u"auth"_s), PostmanAuth::Level::Collection, where, &foreign, &m_notes);
    if (!root.contains(u"variable"_s) && root.value(u"variables"_s).isArray()) {
        collection.variables = readVariables(root.take(u"variables"_s), &foreign);
        foreign.insert(variablesKeyKey, u"variables"_s);
    } else {
        collection.variables = readVariables(root.take(u"variable"_s), &foreign);
    }
    collection.scripts = readScripts(root.take(u"event"_s), where);
    collection.items = readItems(root.take(itemKey), 1, where, collection.id);
    if (!m_error.isEmpty())
        return { Collection(), {}, m_error };

    if (root.contains(u"protocolProfileBehavior"_s))
        m_notes.add(where,
                    PostmanCollection::tr(
                        "its request settings (protocolProfileBehavior) are kept for export but not used"));
    QStringList unknown = root.keys();
    unknown.removeAll(u"protocolProfileBehavior"_s);
    if (!unknown.isEmpty())
        m_notes.add(where,
                    PostmanCollection::tr("fields Postern does not use are kept for export: %1")
                        .arg(unknown.join(u", "_s)));
    if (!root.isEmpty())
        foreign.insert(collectionKey, root);
    if (!foreign.isEmpty())
        collection.foreign.insert(postmanKey, foreign);

    result.summary = m_notes.lines();
    return result;
}

} // namespace

PostmanImport PostmanCollection::import(const QByteArray &json)
{
    if (json.size() > maxFileSize)
        return { Collection(),
                 {},
                 PostmanCollection::tr("The file is larger than %1 MiB; Postern does not import it.")
                     .arg(maxFileSize / (1024 * 1024)) };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return { Collection(),
                 {},
                 PostmanCollection::tr("It is not valid JSON (%1 at byte %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset) };
    }
    if (!document.isObject())
        return { Collection(),
                 {},
                 PostmanCollection::tr(
                     "It is not a Postman collection: the file holds a list, not an object.") };
    return importObject(document.object(), json);
}

PostmanImport PostmanCollection::importObject(const QJsonObject &root, const QByteArray &source)
{
    const QString schema = root.value(infoKey).toObject().value(u"schema"_s).toString();
    if (schema.contains(u"v1."_s) || (!root.contains(infoKey) && root.value(u"requests"_s).isArray())) {
        return { Collection(),
                 {},
                 PostmanCollection::tr(
                     "Postman Collection v1 is not supported; export it again as v2.1 from Postman.") };
    }
    if (!root.contains(infoKey) && root.value(itemKey).isArray()) {
        // An early v2 shape, still read by Postman's own runner: the name at the top, no "info".
        QJsonObject withInfo = root;
        withInfo.insert(infoKey, QJsonObject { { u"name"_s, root.value(u"name"_s).toString() } });
        withInfo.remove(u"name"_s);
        return importObject(withInfo, source);
    }
    if (!root.value(infoKey).isObject()) {
        if (root.value(u"values"_s).isArray())
            return { Collection(),
                     {},
                     PostmanCollection::tr(
                         "It is a Postman environment, not a collection; import it as an environment.") };
        if (root.contains(infoKey))
            return { Collection(),
                     {},
                     PostmanCollection::tr("It is not a Postman collection: “info” is %1, not an object.")
                         .arg(PostmanJson::typeName(root.value(infoKey))) };
        return { Collection(),
                 {},
                 PostmanCollection::tr("It is not a Postman collection: it has no “info”.") };
    }
    const QJsonValue items = root.value(itemKey);
    if (!items.isArray() && !items.isUndefined())
        return { Collection(),
                 {},
                 PostmanCollection::tr("It is not a Postman collection: “item” is %1, not a list.")
                     .arg(PostmanJson::typeName(items)) };
    return Reader().read(root, source);
}

bool PostmanCollection::looksLikePostman(const QByteArray &data)
{
    if (data.size() > maxFileSize)
        return false;
    return looksLikePostman(QJsonDocument::fromJson(data).object());
}

bool PostmanCollection::looksLikePostman(const QJsonObject &root)
{
    if (root.value(infoKey).isObject()) {
        const QJsonObject info = root.value(infoKey).toObject();
        return root.value(itemKey).isArray()
            || info.value(u"schema"_s).toString().contains(u"getpostman.com"_s)
            || info.contains(u"_postman_id"_s);
    }
    // v2 without "info": {name, item}
    if (root.value(itemKey).isArray() && root.value(u"name"_s).isString())
        return true;
    // v1: {id, name, order, folders, requests}
    return root.value(u"requests"_s).isArray() && root.contains(u"order"_s);
}

} // namespace Postern
