#include "workspace/workspacesecrets.h"

#include "postman/postmanforeign.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern::WorkspaceSecrets {

namespace {

void collectVariables(const VariableList &variables, Map *secrets)
{
    for (const Variable &variable : variables) {
        if (variable.secret && !variable.value.isEmpty())
            secrets->insert(u"var/"_s + variable.key, variable.value);
    }
}

void applyVariables(VariableList *variables, const Map &secrets)
{
    for (Variable &variable : *variables) {
        if (variable.secret && variable.value.isEmpty())
            variable.value = secrets.value(u"var/"_s + variable.key);
    }
}

void collectItems(const QList<CollectionItem> &items, Map *secrets)
{
    for (const CollectionItem &item : items) {
        const QString prefix = u"auth/"_s + item.id + u'/';
        collectAuth(item.isFolder() ? item.auth : item.request.auth, prefix, secrets);
        QHash<QString, QString> kept;
        PostmanForeign::withoutSecrets(item.foreign, &kept);
        for (auto it = kept.cbegin(); it != kept.cend(); ++it)
            secrets->insert(u"foreign/"_s + item.id + u'/' + it.key(), it.value());
        collectItems(item.children, secrets);
    }
}

// The secrets of what imports kept aside ("foreign/<item id>/example/…"), by item id: found in one
// pass, so that putting them back costs no more than the items and secrets there are.
using ForeignSecrets = QHash<QString, QHash<QString, QString>>;

ForeignSecrets foreignSecrets(const Map &secrets)
{
    const QString prefix = u"foreign/"_s;
    ForeignSecrets byItem;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const qsizetype rest = it.key().indexOf(u"/example/"_s, prefix.size());
        if (rest >= 0)
            byItem[it.key().mid(prefix.size(), rest - prefix.size())].insert(it.key().mid(rest + 1),
                                                                             it.value());
    }
    return byItem;
}

void applyItems(QList<CollectionItem> *items, const Map &secrets, const ForeignSecrets &foreign)
{
    for (CollectionItem &item : *items) {
        const QString prefix = u"auth/"_s + item.id + u'/';
        applyAuth(item.isFolder() ? &item.auth : &item.request.auth, prefix, secrets);
        if (const auto kept = foreign.constFind(item.id); kept != foreign.cend())
            item.foreign = PostmanForeign::withSecrets(item.foreign, *kept);
        applyItems(&item.children, secrets, foreign);
    }
}

} // namespace

void collectAuth(const AuthConfig &auth, const QString &prefix, Map *secrets)
{
    // A {{variable}} reference is no secret and stays in the file (AuthConfig::toJson): nothing of it
    // goes to the keychain, which is then not asked for anything.
    if (!auth.password.isEmpty() && !isVariableReference(auth.password))
        secrets->insert(prefix + u"password"_s, auth.password);
    if (auth.type == AuthType::Bearer && !auth.token.isEmpty() && !isVariableReference(auth.token))
        secrets->insert(prefix + u"token"_s, auth.token);
    if (!auth.oauth2.clientSecret.isEmpty() && !isVariableReference(auth.oauth2.clientSecret))
        secrets->insert(prefix + u"clientSecret"_s, auth.oauth2.clientSecret);
    if (!auth.oauth2.clientKeyPassphrase.isEmpty() && !isVariableReference(auth.oauth2.clientKeyPassphrase))
        secrets->insert(prefix + u"clientKeyPassphrase"_s, auth.oauth2.clientKeyPassphrase);
    // A fixed PKCE verifier is left out of files like the client secret (OAuth2Config::toJson).
    if (!auth.oauth2.codeVerifier.isEmpty())
        secrets->insert(prefix + u"codeVerifier"_s, auth.oauth2.codeVerifier);
}

void applyAuth(AuthConfig *auth, const QString &prefix, const Map &secrets)
{
    if (auth->password.isEmpty())
        auth->password = secrets.value(prefix + u"password"_s);
    if (auth->type == AuthType::Bearer && auth->token.isEmpty())
        auth->token = secrets.value(prefix + u"token"_s);
    if (auth->oauth2.clientSecret.isEmpty())
        auth->oauth2.clientSecret = secrets.value(prefix + u"clientSecret"_s);
    if (auth->oauth2.clientKeyPassphrase.isEmpty())
        auth->oauth2.clientKeyPassphrase = secrets.value(prefix + u"clientKeyPassphrase"_s);
    if (auth->oauth2.codeVerifier.isEmpty())
        auth->oauth2.codeVerifier = secrets.value(prefix + u"codeVerifier"_s);
}

Map collect(const Collection &collection)
{
    Map secrets;
    collectVariables(collection.variables, &secrets);
    collectAuth(collection.auth, u"auth/-/"_s, &secrets);
    collectItems(collection.items, &secrets);
    return secrets;
}

Map collect(const Environment &environment)
{
    Map secrets;
    collectVariables(environment.variables, &secrets);
    return secrets;
}

void apply(Collection *collection, const Map &secrets)
{
    applyVariables(&collection->variables, secrets);
    applyAuth(&collection->auth, u"auth/-/"_s, secrets);
    applyItems(&collection->items, secrets, foreignSecrets(secrets));
}

void apply(Environment *environment, const Map &secrets)
{
    applyVariables(&environment->variables, secrets);
}

QByteArray toBlob(const Map &secrets)
{
    QJsonObject object;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Map fromBlob(const QByteArray &blob)
{
    Map secrets;
    const QJsonObject object = QJsonDocument::fromJson(blob).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isString())
            secrets.insert(it.key(), it.value().toString());
    }
    return secrets;
}

} // namespace Postern::WorkspaceSecrets
