#pragma once

#include "http/httprequest.h"

#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Postern {

// One variable of an environment, a collection or the globals. A secret variable's value is kept in
// the keychain, never in the workspace's files: toJson() writes it as an empty value.
struct Variable
{
    QString key;
    QString value;
    bool enabled = true;
    bool secret = false;
    QString description;

    friend bool operator==(const Variable &a, const Variable &b)
    {
        return a.key == b.key && a.value == b.value && a.enabled == b.enabled && a.secret == b.secret
            && a.description == b.description;
    }
    friend bool operator!=(const Variable &a, const Variable &b) { return !(a == b); }
};

using VariableList = QList<Variable>;

QJsonArray variablesToJson(const VariableList &variables);
VariableList variablesFromJson(const QJsonArray &array);

// Where a resolved name came from.
enum class VariableScope { Environment, Collection, Global };
QString variableScopeName(VariableScope scope);

// Resolves {{name}} references: the environment first, then the collection, then the globals (as in
// Postman). A name is letters, digits and _ - . $ (anything but braces and line breaks, trimmed); a
// value may refer to other variables, expanded up to a fixed depth so that a cycle ends. A reference
// no scope defines is left as typed and reported by unresolved().
class VariableResolver
{
public:
    VariableResolver() = default;
    VariableResolver(const VariableList &environment, const VariableList &collection,
                     const VariableList &globals);

    struct Lookup
    {
        QString value;
        VariableScope scope = VariableScope::Global;
        bool secret = false;
    };
    std::optional<Lookup> lookup(const QString &name) const;

    QString resolve(const QString &text) const;
    // The names text refers to that no scope defines, in order of appearance, each once.
    QStringList unresolved(const QString &text) const;
    // Every {{name}} in text: where it starts, how long the reference is, and the name.
    struct Reference
    {
        qsizetype start = 0;
        qsizetype length = 0;
        QString name;
    };
    static QList<Reference> references(const QString &text);

    // The request with every text field resolved: URL, params (part of the URL), headers, body (raw,
    // form fields, GraphQL), auth fields and the OAuth 2.0 configuration.
    HttpRequest resolve(const HttpRequest &request) const;
    // Every unresolved name in the fields resolve() touches.
    QStringList unresolved(const HttpRequest &request) const;
    // The same for the authorization alone (every field of it that resolve(HttpRequest) resolves), and
    // for the OAuth 2.0 configuration alone: what a token is requested, refreshed or revoked with.
    AuthConfig resolve(const AuthConfig &auth) const;
    OAuth2Config resolve(const OAuth2Config &config) const;

    bool isEmpty() const { return m_scopes.isEmpty(); }

    // The same variables with every secret value replaced by "****": for what is shown, kept in
    // history or copied with credentials masked.
    VariableResolver withSecretsMasked() const;

private:
    struct Expansion;
    QString expand(const QString &text, int depth, Expansion *state) const;
    template<typename T> T resolveFields(const T &value) const;

    QList<QPair<VariableScope, VariableList>> m_scopes;
};

} // namespace Postern
