#include "workspace/collection.h"

#include "base/jsonfile.h"
#include "postman/postmanforeign.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr int formatVersion = 1;
constexpr int maxDepth = 64; // folders deeper than this in a file are not read (a hostile file)

// A folder's or the collection's Assertions and Capture rows (a request's are in its request).
void insertChecks(QJsonObject *object, const QList<ResponseAssertion> &assertions,
                  const QList<ResponseCapture> &captures)
{
    if (!assertions.isEmpty())
        object->insert(u"assertions"_s, ResponseChecks::assertionsToJson(assertions));
    if (!captures.isEmpty())
        object->insert(u"captures"_s, ResponseChecks::capturesToJson(captures));
}

QJsonObject itemToJson(const CollectionItem &item)
{
    QJsonObject object {
        { u"id"_s, item.id },
        { u"name"_s, item.name },
        { u"type"_s, item.isFolder() ? u"folder"_s : u"request"_s },
    };
    if (!item.description.isEmpty())
        object.insert(u"description"_s, item.description);
    if (item.isFolder()) {
        object.insert(u"auth"_s, item.auth.toJson());
        QJsonArray children;
        for (const CollectionItem &child : item.children)
            children.append(itemToJson(child));
        object.insert(u"items"_s, children);
    } else {
        // A request's scripts are written beside it, where a folder's are: the file's shape is one.
        QJsonObject request = item.request.toJson();
        request.remove(u"scripts"_s);
        object.insert(u"request"_s, request);
    }
    const QJsonArray &scripts = item.isFolder() ? item.scripts : item.request.scripts;
    if (!scripts.isEmpty())
        object.insert(u"scripts"_s, scripts);
    insertChecks(&object, item.assertions, item.captures);
    // What an import kept aside may hold secrets too (a saved example's request's password): they
    // stay out of the file like the item's own, and the workspace keeps them in the keychain.
    if (!item.foreign.isEmpty())
        object.insert(u"foreign"_s, PostmanForeign::withoutSecrets(item.foreign));
    return object;
}

CollectionItem itemFromJson(const QJsonObject &object, int depth, QStringList *problems)
{
    CollectionItem item;
    item.id = object.value(u"id"_s).toString();
    if (item.id.isEmpty())
        item.id = Collection::newId();
    item.name = object.value(u"name"_s).toString();
    item.description = object.value(u"description"_s).toString();
    item.kind = object.value(u"type"_s).toString() == u"folder"_s ? CollectionItem::Kind::Folder
                                                                  : CollectionItem::Kind::Request;
    if (item.isFolder()) {
        if (object.contains(u"auth"_s))
            item.auth = AuthConfig::fromJson(object.value(u"auth"_s).toObject());
        else
            item.auth.type = AuthType::Inherit;
        const QJsonArray children = object.value(u"items"_s).toArray();
        if (depth >= maxDepth && !children.isEmpty()) {
            if (problems)
                problems->append(
                    QCoreApplication::translate("Postern::Collection",
                                                "Folders nested deeper than %1 levels were not read.")
                        .arg(maxDepth));
        } else {
            for (const QJsonValue &child : children)
                item.children.append(itemFromJson(child.toObject(), depth + 1, problems));
        }
    } else {
        QStringList requestProblems;
        item.request = HttpRequest::fromJson(object.value(u"request"_s).toObject(), &requestProblems);
        if (problems) {
            for (const QString &problem : std::as_const(requestProblems))
                problems->append(u"\u201c%1\u201d: %2"_s.arg(item.name.left(60), problem));
        }
    }
    (item.isFolder() ? item.scripts : item.request.scripts) = object.value(u"scripts"_s).toArray();
    if (item.isFolder()) {
        item.assertions = ResponseChecks::assertionsFromJson(object.value(u"assertions"_s).toArray());
        item.captures = ResponseChecks::capturesFromJson(object.value(u"captures"_s).toArray());
    }
    item.foreign = object.value(u"foreign"_s).toObject();
    return item;
}

// Depth-first search over a list of items; calls visit(item, parent, row) until it returns true.
template<typename Item, typename Visit> bool walk(QList<Item> &items, Item *parent, Visit &&visit)
{
    for (int row = 0; row < items.size(); ++row) {
        Item &item = items[row];
        if (visit(item, parent, row))
            return true;
        if (walk(item.children, &item, visit))
            return true;
    }
    return false;
}

template<typename Item, typename Visit> bool walk(const QList<Item> &items, const Item *parent, Visit &&visit)
{
    for (int row = 0; row < items.size(); ++row) {
        const Item &item = items.at(row);
        if (visit(item, parent, row))
            return true;
        if (walk(item.children, &item, visit))
            return true;
    }
    return false;
}

bool contains(const CollectionItem &item, const QString &id)
{
    if (item.id == id)
        return true;
    for (const CollectionItem &child : item.children) {
        if (contains(child, id))
            return true;
    }
    return false;
}

} // namespace

CollectionItem CollectionItem::makeFolder(const QString &name)
{
    CollectionItem item;
    item.kind = Kind::Folder;
    item.id = Collection::newId();
    item.name = name;
    item.auth.type = AuthType::Inherit;
    return item;
}

CollectionItem CollectionItem::makeRequest(const QString &name, const HttpRequest &request)
{
    CollectionItem item;
    item.kind = Kind::Request;
    item.id = Collection::newId();
    item.name = name;
    item.request = request;
    return item;
}

void CollectionItem::renewIds()
{
    id = Collection::newId();
    for (CollectionItem &child : children)
        child.renewIds();
}

Collection Collection::make(const QString &name)
{
    Collection collection;
    collection.id = newId();
    collection.name = name;
    return collection;
}

QString Collection::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void Collection::renewIds()
{
    id = newId();
    for (CollectionItem &item : items)
        item.renewIds();
}

QJsonObject Collection::toJson() const
{
    QJsonArray itemArray;
    for (const CollectionItem &item : items)
        itemArray.append(itemToJson(item));
    QJsonObject object {
        { u"postern"_s, u"collection"_s },
        { u"formatVersion"_s, formatVersion },
        { u"id"_s, id },
        { u"name"_s, name },
        { u"auth"_s, auth.toJson() },
        { u"variables"_s, variablesToJson(variables) },
        { u"items"_s, itemArray },
    };
    if (!description.isEmpty())
        object.insert(u"description"_s, description);
    if (!scripts.isEmpty())
        object.insert(u"scripts"_s, scripts);
    insertChecks(&object, assertions, captures);
    if (!foreign.isEmpty())
        object.insert(u"foreign"_s, foreign);
    return object;
}

Collection Collection::fromJson(const QJsonObject &object, QStringList *problems)
{
    Collection collection;
    const int version = JsonFile::version(object, u"formatVersion"_s);
    if (version > formatVersion && problems)
        problems->append(
            QCoreApplication::translate(
                "Postern::Collection",
                "The file was written by a newer Postern (format %1); some of it may be missing.")
                .arg(version));
    collection.id = object.value(u"id"_s).toString();
    if (collection.id.isEmpty())
        collection.id = newId();
    collection.name = object.value(u"name"_s).toString();
    collection.description = object.value(u"description"_s).toString();
    collection.auth = AuthConfig::fromJson(object.value(u"auth"_s).toObject());
    collection.variables = variablesFromJson(object.value(u"variables"_s).toArray());
    const QJsonArray itemArray = object.value(u"items"_s).toArray();
    for (const QJsonValue &value : itemArray)
        collection.items.append(itemFromJson(value.toObject(), 1, problems));
    collection.scripts = object.value(u"scripts"_s).toArray();
    collection.assertions = ResponseChecks::assertionsFromJson(object.value(u"assertions"_s).toArray());
    collection.captures = ResponseChecks::capturesFromJson(object.value(u"captures"_s).toArray());
    collection.foreign = object.value(u"foreign"_s).toObject();
    // Ids must be unique for tabs, moves and saves to find the right item: a repeated one is renewed.
    QSet<QString> seen;
    int renewed = 0;
    std::function<void(QList<CollectionItem> &)> unique = [&](QList<CollectionItem> &list) {
        for (CollectionItem &item : list) {
            if (seen.contains(item.id)) {
                item.id = newId();
                ++renewed;
            }
            seen.insert(item.id);
            unique(item.children);
        }
    };
    unique(collection.items);
    if (renewed > 0 && problems)
        problems->append(
            QCoreApplication::translate("Postern::Collection",
                                        "%1 item(s) had an id used by another item; they were given new ids.")
                .arg(renewed));
    return collection;
}

QByteArray Collection::toFileContents() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Collection Collection::fromFileContents(const QByteArray &data, QString *error, QStringList *problems)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("Postern::Collection", "It is not valid JSON (%1 at byte %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return {};
    }
    if (!document.isObject() || document.object().value(u"postern"_s).toString() != u"collection"_s) {
        *error = QCoreApplication::translate("Postern::Collection", "It is not a Postern collection.");
        return {};
    }
    error->clear();
    return fromJson(document.object(), problems);
}

CollectionItem *Collection::find(const QString &itemId)
{
    CollectionItem *found = nullptr;
    walk(items, static_cast<CollectionItem *>(nullptr), [&](CollectionItem &item, CollectionItem *, int) {
        if (item.id != itemId)
            return false;
        found = &item;
        return true;
    });
    return found;
}

const CollectionItem *Collection::find(const QString &itemId) const
{
    return const_cast<Collection *>(this)->find(itemId);
}

QList<const CollectionItem *> Collection::ancestors(const QString &itemId) const
{
    QList<const CollectionItem *> chain;
    std::function<bool(const QList<CollectionItem> &)> search = [&](const QList<CollectionItem> &list) {
        for (const CollectionItem &item : list) {
            if (item.id == itemId)
                return true;
            chain.append(&item);
            if (search(item.children))
                return true;
            chain.removeLast();
        }
        return false;
    };
    if (!search(items))
        return {};
    return chain;
}

bool Collection::locate(const QString &itemId, QString *parentId, int *row) const
{
    return walk(items, static_cast<const CollectionItem *>(nullptr),
                [&](const CollectionItem &item, const CollectionItem *parent, int index) {
                    if (item.id != itemId)
                        return false;
                    if (parentId)
                        *parentId = parent ? parent->id : QString();
                    if (row)
                        *row = index;
                    return true;
                });
}

AuthConfig Collection::effectiveAuth(const QString &itemId) const
{
    const CollectionItem *item = find(itemId);
    if (!item)
        return {};
    if (item->isFolder() ? item->auth.type != AuthType::Inherit
                         : item->request.auth.type != AuthType::Inherit)
        return item->isFolder() ? item->auth : item->request.auth;
    const QList<const CollectionItem *> chain = ancestors(itemId);
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        if ((*it)->auth.type != AuthType::Inherit)
            return (*it)->auth;
    }
    if (auth.type == AuthType::Inherit)
        return {};
    return auth;
}

QString Collection::authSource(const QString &itemId) const
{
    const CollectionItem *item = find(itemId);
    if (!item)
        return QString();
    if (item->isFolder() ? item->auth.type != AuthType::Inherit
                         : item->request.auth.type != AuthType::Inherit)
        return item->name;
    const QList<const CollectionItem *> chain = ancestors(itemId);
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        if ((*it)->auth.type != AuthType::Inherit)
            return (*it)->name;
    }
    return name;
}

AuthConfig Collection::inheritedAuth(const QString &itemId, QString *source) const
{
    const QList<const CollectionItem *> chain = ancestors(itemId);
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        if ((*it)->auth.type != AuthType::Inherit) {
            if (source)
                *source = (*it)->name;
            return (*it)->auth;
        }
    }
    if (source)
        *source = name;
    if (auth.type == AuthType::Inherit)
        return {};
    return auth;
}

bool Collection::insert(const QString &parentId, int row, const CollectionItem &item)
{
    QList<CollectionItem> *list = &items;
    if (!parentId.isEmpty()) {
        CollectionItem *parent = find(parentId);
        if (!parent || !parent->isFolder())
            return false;
        list = &parent->children;
    }
    list->insert(qBound(0, row < 0 ? int(list->size()) : row, int(list->size())), item);
    return true;
}

bool Collection::remove(const QString &itemId)
{
    QString parentId;
    int row = -1;
    if (!locate(itemId, &parentId, &row))
        return false;
    QList<CollectionItem> &list = parentId.isEmpty() ? items : find(parentId)->children;
    list.removeAt(row);
    return true;
}

bool Collection::move(const QString &itemId, const QString &newParentId, int row)
{
    const CollectionItem *item = find(itemId);
    if (!item)
        return false;
    if (!newParentId.isEmpty()) {
        const CollectionItem *target = find(newParentId);
        if (!target || !target->isFolder() || contains(*item, newParentId))
            return false;
    }
    QString oldParentId;
    int oldRow = -1;
    locate(itemId, &oldParentId, &oldRow);
    const CollectionItem moved = *item;
    remove(itemId);
    if (oldParentId == newParentId && row > oldRow)
        --row; // the item's own removal shifted the rows after it
    return insert(newParentId, row, moved);
}

QString Collection::duplicate(const QString &itemId, const QString &nameSuffix)
{
    const CollectionItem *item = find(itemId);
    QString parentId;
    int row = -1;
    if (!item || !locate(itemId, &parentId, &row))
        return QString();
    CollectionItem copy = *item;
    copy.renewIds();
    copy.name += nameSuffix;
    insert(parentId, row + 1, copy);
    return copy.id;
}

int Collection::requestCount() const
{
    int count = 0;
    walk(items, static_cast<const CollectionItem *>(nullptr),
         [&](const CollectionItem &item, const CollectionItem *, int) {
             if (!item.isFolder())
                 ++count;
             return false;
         });
    return count;
}

} // namespace Postern
