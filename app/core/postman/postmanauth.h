#pragma once

#include "auth/authconfig.h"
#include "postman/postmanjson.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

namespace Postern {

// Postman's "auth" object (collection, folder or request) to Postern's AuthConfig and back. No auth
// key means Inherit on a folder or request and None on the collection; "noauth" is None. Basic,
// Bearer and OAuth 2.0 map field by field, in v2.0's {name: value} or v2.1's [{key, value}] shape.
// Other types (API Key, Digest, AWS, …) become None and are kept in the item's foreign object with
// their secret values emptied, so an export gives them back; a parameter of a known type that Postern
// has no field for is kept the same way. Every such case adds a line to the notes.
class PostmanAuth
{
    Q_DECLARE_TR_FUNCTIONS(Postern::PostmanAuth)

public:
    enum class Level { Collection, Folder, Request };

    // value is the "auth" value, undefined when the key is absent. foreign is the item's private
    // Postman object (see PostmanCollection): "auth", "authParams", "authOther" and "oauthDisabled".
    static AuthConfig read(const QJsonValue &value, Level level, const QString &where, QJsonObject *foreign,
                           PostmanJson::Notes *notes);

    // The "auth" value to write in v2.1's shape, or undefined to leave the key out. Literal passwords,
    // tokens and client secrets are written as empty text unless secrets is Include; a {{variable}}
    // reference is no secret and is always written as it is.
    static QJsonValue write(const AuthConfig &auth, Level level, const QJsonObject &foreign,
                            OAuth2Config::Secrets secrets);

    // "API Key", "Digest", … for an unsupported Postman auth type.
    static QString typeName(const QString &type);
};

} // namespace Postern
