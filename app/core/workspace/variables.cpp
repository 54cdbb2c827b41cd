#include "workspace/variables.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr int maxExpansionDepth = 8;
constexpr qsizetype maxNameLength = 256;
// How many characters of variable values one resolve() may put in: values that refer to each other
// several times per level ("{{a}}{{a}}…") would otherwise grow exponentially within the depth limit.
constexpr qsizetype maxExpandedLength = 16 * 1024 * 1024;

} // namespace

struct VariableResolver::Expansion
{
    QStringList *missing = nullptr;
    QSet<QString> reported;
    qsizetype budget = maxExpandedLength;
};

QJsonArray variablesToJson(const VariableList &variables)
{
    QJsonArray array;
    for (const Variable &variable : variables) {
        QJsonObject object { { u"key"_s, variable.key },
                             { u"value"_s, variable.secret ? QString() : variable.value } };
        if (!variable.enabled)
            object.insert(u"disabled"_s, true);
        if (variable.secret)
            object.insert(u"secret"_s, true);
        if (!variable.description.isEmpty())
            object.insert(u"description"_s, variable.description);
        array.append(object);
    }
    return array;
}

VariableList variablesFromJson(const QJsonArray &array)
{
    VariableList variables;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Variable variable;
        variable.key = object.value(u"key"_s).toString();
        const QJsonValue text = object.value(u"value"_s);
        // Postman allows numbers and booleans as values; they are text here.
        variable.value = text.isString() ? text.toString()
            : text.isDouble()            ? QString::number(text.toDouble(), 'g', 17)
            : text.isBool()              ? (text.toBool() ? u"true"_s : u"false"_s)
                                         : QString();
        variable.enabled = !object.value(u"disabled"_s).toBool();
        variable.secret = object.value(u"secret"_s).toBool();
        variable.description = object.value(u"description"_s).toString();
        variables.append(variable);
    }
    return variables;
}

QString variableScopeName(VariableScope scope)
{
    switch (scope) {
    case VariableScope::Environment:
        return u"environment"_s;
    case VariableScope::Collection:
        return u"collection"_s;
    case VariableScope::Global:
        return u"global"_s;
    }
    return QString();
}

VariableResolver::VariableResolver(const VariableList &environment, const VariableList &collection,
                                   const VariableList &globals)
{
    m_scopes = { { VariableScope::Environment, environment },
                 { VariableScope::Collection, collection },
                 { VariableScope::Global, globals } };
}

VariableResolver VariableResolver::withSecretsMasked() const
{
    VariableResolver masked = *this;
    for (auto &scope : masked.m_scopes) {
        for (Variable &variable : scope.second) {
            if (variable.secret)
                variable.value = u"****"_s;
        }
    }
    return masked;
}

std::optional<VariableResolver::Lookup> VariableResolver::lookup(const QString &name) const
{
    for (const auto &[scope, variables] : m_scopes) {
        // The last enabled definition of a name in a scope wins, as in Postman.
        for (auto it = variables.crbegin(); it != variables.crend(); ++it) {
            if (it->enabled && it->key == name)
                return Lookup { it->value, scope, it->secret };
        }
    }
    return std::nullopt;
}

QList<VariableResolver::Reference> VariableResolver::references(const QString &text)
{
    QList<Reference> found;
    qsizetype from = 0;
    while (true) {
        qsizetype open = text.indexOf(u"{{"_s, from);
        if (open < 0)
            break;
        while (open + 2 < text.size() && text.at(open + 2) == u'{')
            ++open; // "{{{a}}}": the reference is the last two braces' "{{a}}"
        const qsizetype close = text.indexOf(u"}}"_s, open + 2);
        if (close < 0)
            break;
        const QString inner = text.mid(open + 2, close - open - 2);
        // "{{a{{b}}": the reference is the innermost one.
        const qsizetype nested = inner.lastIndexOf(u"{{"_s);
        if (nested >= 0) {
            from = open + 2 + nested;
            continue;
        }
        const QString name = inner.trimmed();
        if (!name.isEmpty() && name.size() <= maxNameLength && !name.contains(u'{') && !name.contains(u'}')
            && !name.contains(u'\n') && !name.contains(u'\r')) {
            found.append({ open, close + 2 - open, name });
        }
        from = close + 2;
    }
    return found;
}

QString VariableResolver::expand(const QString &text, int depth, Expansion *state) const
{
    const QList<Reference> refs = references(text);
    if (refs.isEmpty())
        return text;
    QString result;
    qsizetype position = 0;
    for (const Reference &ref : refs) {
        result += QStringView(text).mid(position, ref.start - position);
        position = ref.start + ref.length;
        const std::optional<Lookup> found = lookup(ref.name);
        if (!found) {
            if (state->missing && !state->reported.contains(ref.name)) {
                state->reported.insert(ref.name);
                state->missing->append(ref.name);
            }
            result += QStringView(text).mid(ref.start, ref.length);
        } else if (found->value.size() > state->budget) {
            result += QStringView(text).mid(ref.start, ref.length); // runaway expansion: left as typed
        } else {
            state->budget -= found->value.size();
            if (depth >= maxExpansionDepth)
                result += found->value; // a cycle or a very deep chain: stop expanding here
            else
                result += expand(found->value, depth + 1, state);
        }
    }
    result += QStringView(text).mid(position);
    return result;
}

QString VariableResolver::resolve(const QString &text) const
{
    Expansion state;
    return expand(text, 0, &state);
}

QStringList VariableResolver::unresolved(const QString &text) const
{
    QStringList missing;
    Expansion state;
    state.missing = &missing;
    expand(text, 0, &state);
    return missing;
}

namespace {

// Applies f to every text field of an OAuth 2.0 configuration that may hold {{name}}.
template<typename F> void forEachText(OAuth2Config &oauth, F &&f)
{
    for (QString *field : { &oauth.tokenName,
                            &oauth.callbackUrl,
                            &oauth.authUrl,
                            &oauth.accessTokenUrl,
                            &oauth.refreshUrl,
                            &oauth.revokeUrl,
                            &oauth.deviceAuthorizationUrl,
                            &oauth.parUrl,
                            &oauth.introspectionUrl,
                            &oauth.userInfoUrl,
                            &oauth.issuer,
                            &oauth.jwksUri,
                            &oauth.clientId,
                            &oauth.clientSecret,
                            &oauth.clientKeyFile,
                            &oauth.clientKeyPassphrase,
                            &oauth.clientKeyId,
                            &oauth.clientAssertionAudience,
                            &oauth.scope,
                            &oauth.state,
                            &oauth.audience,
                            &oauth.resource,
                            &oauth.codeVerifier }) {
        f(*field);
    }
    for (OAuth2ExtraParameter &parameter : oauth.extraParameters) {
        f(parameter.name);
        f(parameter.value);
    }
}

// ... of an authorization.
template<typename F> void forEachText(AuthConfig &auth, F &&f)
{
    f(auth.username);
    f(auth.password);
    f(auth.token);
    f(auth.headerPrefix);
    forEachText(auth.oauth2, f);
}

// ... of a request.
template<typename F> void forEachText(HttpRequest &request, F &&f)
{
    f(request.url);
    for (KeyValue &header : request.headers) {
        f(header.key);
        f(header.value);
    }
    if (!request.body.isEmpty()) {
        QString text = QString::fromUtf8(request.body);
        if (text.toUtf8() == request.body) { // a binary body is left alone
            f(text);
            request.body = text.toUtf8();
        }
    }
    for (KeyValue &field : request.formFields) {
        f(field.key);
        f(field.value);
    }
    for (FormPart &part : request.formParts) {
        f(part.key);
        f(part.value);
    }
    f(request.bodyFile);
    f(request.graphqlQuery);
    f(request.graphqlVariables);
    forEachText(request.auth, f);
}

} // namespace

template<typename T> T VariableResolver::resolveFields(const T &value) const
{
    T resolved = value;
    if (m_scopes.isEmpty())
        return resolved;
    forEachText(resolved, [this](QString &text) {
        if (text.contains(u"{{"_s))
            text = resolve(text);
    });
    return resolved;
}

HttpRequest VariableResolver::resolve(const HttpRequest &request) const
{
    return resolveFields(request);
}

AuthConfig VariableResolver::resolve(const AuthConfig &auth) const
{
    return resolveFields(auth);
}

OAuth2Config VariableResolver::resolve(const OAuth2Config &config) const
{
    return resolveFields(config);
}

QStringList VariableResolver::unresolved(const HttpRequest &request) const
{
    QStringList missing;
    QSet<QString> reported;
    HttpRequest copy = request;
    forEachText(copy, [&](QString &text) {
        if (!text.contains(u"{{"_s))
            return;
        for (const QString &name : unresolved(text)) {
            if (!reported.contains(name)) {
                reported.insert(name);
                missing.append(name);
            }
        }
    });
    return missing;
}

} // namespace Postern
