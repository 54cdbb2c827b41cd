#pragma once

#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QHash>
#include <QString>

namespace Postern {

// The secret half of a collection or an environment: secret variables' values, and the passwords,
// bearer tokens, OAuth 2.0 client secrets and fixed PKCE verifiers of the collection's, folders' and
// requests' authorization, and those of the requests of saved examples an import kept. The workspace's files
// never hold these; the workspace keeps each collection's (and each environment's) secrets as one blob in the
// keychain. Plain functions over values.
namespace WorkspaceSecrets {

using Map = QHash<QString, QString>; // "var/<name>", "auth/<item id or ->/password", …

Map collect(const Collection &collection);
Map collect(const Environment &environment);
// Puts the values back where they belong; names no longer there are ignored.
void apply(Collection *collection, const Map &secrets);
void apply(Environment *environment, const Map &secrets);

QByteArray toBlob(const Map &secrets);
Map fromBlob(const QByteArray &blob); // empty for a damaged blob

// The secrets of one AuthConfig under prefix ("auth/<id>/"), and back.
void collectAuth(const AuthConfig &auth, const QString &prefix, Map *secrets);
void applyAuth(AuthConfig *auth, const QString &prefix, const Map &secrets);

} // namespace WorkspaceSecrets

} // namespace Postern
