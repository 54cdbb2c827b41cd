#pragma once

#include "base/jsonfile.h"
#include "workspace/collection.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Postern {

// What an import gives: the collection, and for the user one line per thing Postern keeps but does
// not use or show (scripts, other auth types, saved responses, …) or could not read. error is empty on
// success; otherwise it says why nothing was imported, and the rest is empty.
struct PostmanImport
{
    Collection collection;
    QStringList summary;
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Postman Collection v2.0 and v2.1 files to Postern's Collection and back (always v2.1 out).
//
// Postman's ids become Postern's ids (info._postman_id for the collection, "id" for an item). A repeated
// or missing id gets a new one made from the file (the collection's from its bytes, an item's from its
// parent, its name and its place), so that importing the same file twice gives the same ids. Scripts
// ("event") are kept verbatim. What Postern cannot represent is kept in the items' and the collection's
// foreign object under "postman", written back by exportV21(), and named in the summary; so import, export,
// import gives the same Collection.
//
// Secrets (Basic passwords, bearer tokens, OAuth 2.0 client secrets, verifiers and access tokens, the
// values of secret variables, the same in saved examples' requests) are exported as empty text unless
// Secrets::Include is asked for; a {{variable}} reference is not a secret and is exported as it is.
// An export in either mode imports and exports again to the same bytes. The
// secret values of an auth type Postern does not support are not imported at all, so that they never
// reach Postern's files.
class PostmanCollection
{
    Q_DECLARE_TR_FUNCTIONS(Postern::PostmanCollection)

public:
    using Secrets = OAuth2Config::Secrets;

    static constexpr qsizetype maxFileSize = JsonFile::maxBytes;
    static constexpr int maxDepth = 64; // folders nested deeper than this are refused
    static constexpr int maxItems = 100000; // requests and folders in one file

    static PostmanImport import(const QByteArray &json);
    // The same for a file already parsed into root; source is its bytes (the ids of a file without
    // them are made from them).
    static PostmanImport importObject(const QJsonObject &root, const QByteArray &source);
    static QByteArray exportV21(const Collection &collection, Secrets secrets = Secrets::Omit);

    // Whether data is a Postman collection file of any version (v1 included, so that import() can say
    // it is not supported): for a dispatcher choosing an importer by content.
    static bool looksLikePostman(const QByteArray &data);
    static bool looksLikePostman(const QJsonObject &root);

    static QString schemaV21()
    {
        return QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
    }
};

} // namespace Postern
