#pragma once

#include "auth/authconfig.h"
#include "http/httprequest.h"
#include "workspace/variables.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Postern {

// A folder or a saved request in a collection. Plain values; ids are stable across saves so that
// tabs, drafts and tokens can point at an item.
struct CollectionItem
{
    enum class Kind { Folder, Request };

    Kind kind = Kind::Request;
    QString id;
    QString name;
    QString description;
    HttpRequest request; // Request: method, URL, headers, body, auth (Inherit by default)
    AuthConfig auth; // Folder: its authorization (Inherit by default)
    QList<CollectionItem> children; // Folder
    // Folder: Postman's "event" list (pre-request and test scripts), kept verbatim; CollectionRunner
    // runs them. A request's are request.scripts.
    QJsonArray scripts;
    // Folder: the Assertions and Capture rows checked on the answer of every request in it, after the
    // folder's post-response script. A request's are request.assertions and request.captures.
    QList<ResponseAssertion> assertions;
    QList<ResponseCapture> captures;
    // What an import could not represent, kept so that an export gives it back (see PostmanCollection).
    QJsonObject foreign;

    static CollectionItem makeFolder(const QString &name);
    static CollectionItem makeRequest(const QString &name, const HttpRequest &request);

    // Gives the item and everything under it fresh ids, keeping the tree as it is: a copy that must not
    // be mistaken for the original by tabs, drafts or tokens.
    void renewIds();

    bool isFolder() const { return kind == Kind::Folder; }
};

// A collection: a tree of folders and requests, with its own authorization (inherited by whatever
// says Inherit) and variables. Stored as one JSON file with sorted keys and fixed indentation, so a
// change to one field is a change to one line; secrets are never written (see toJson()).
struct Collection
{
    QString id;
    QString name;
    QString description;
    AuthConfig auth; // None unless set; Inherit here means None
    VariableList variables;
    QList<CollectionItem> items;
    QJsonArray scripts;
    // Checked on the answer of every request of the collection, after its post-response script.
    QList<ResponseAssertion> assertions;
    QList<ResponseCapture> captures;
    QJsonObject foreign;

    static Collection make(const QString &name);
    static QString newId();
    // Fresh ids for the collection and every item in it, the tree unchanged (a duplicate, an import).
    void renewIds();

    // Passwords, bearer tokens, client secrets and secret variables' values are left out: the
    // workspace keeps them in the keychain.
    QJsonObject toJson() const;
    // Takes whatever can be understood; *problems lists what was odd or left out (never fails).
    static Collection fromJson(const QJsonObject &object, QStringList *problems = nullptr);

    // The file's bytes: toJson() indented, keys sorted, a trailing newline.
    QByteArray toFileContents() const;
    // Parses a file's bytes; an empty *error means success.
    static Collection fromFileContents(const QByteArray &data, QString *error,
                                       QStringList *problems = nullptr);

    CollectionItem *find(const QString &id);
    const CollectionItem *find(const QString &id) const;
    // The folders from the top down to the item's parent (empty for a top-level item or an unknown id).
    QList<const CollectionItem *> ancestors(const QString &id) const;
    // The item's id and its parent folder's id ("" for the top level); false when id is unknown.
    bool locate(const QString &id, QString *parentId, int *row) const;

    // What a request saved under id is sent with: its own authorization, or for Inherit the nearest
    // folder's above it that is not Inherit, else the collection's.
    AuthConfig effectiveAuth(const QString &id) const;
    // Where the effective authorization of id comes from: the item, a folder (its name) or the
    // collection (its name).
    QString authSource(const QString &id) const;
    // What an item set to Inherit gets: the nearest folder above it that is not Inherit, else the
    // collection's; *source names it. For an unknown id: the collection's.
    AuthConfig inheritedAuth(const QString &id, QString *source = nullptr) const;

    // Tree edits. parentId "" is the top level. insert() and move() clamp row into range; move()
    // refuses to put a folder inside itself. Each returns false when an id is unknown or refused.
    bool insert(const QString &parentId, int row, const CollectionItem &item);
    bool remove(const QString &id);
    bool move(const QString &id, const QString &newParentId, int row);
    // A copy of the item (and its children) with new ids, right after it; its id, or "" if unknown.
    QString duplicate(const QString &id, const QString &nameSuffix = QStringLiteral(" Copy"));

    int requestCount() const;
};

} // namespace Postern
