#include "runner/runvariables.h"

#include "runner/collectionrunner.h"
#include "scripting/scriptvalues.h"
#include "workspace/workspace.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

VariableList merged(const VariableList &before, const VariableList &after)
{
    VariableList result = after;
    for (Variable &variable : result) {
        for (const Variable &old : before) {
            if (old.key == variable.key) {
                variable.description = old.description;
                variable.secret = variable.secret || old.secret;
                break;
            }
        }
    }
    return result;
}

} // namespace

QJsonArray variablesToScope(const VariableList &variables)
{
    QJsonArray array;
    for (const Variable &variable : variables) {
        QJsonObject entry { { u"key"_s, variable.key },
                            { u"value"_s, variable.value },
                            { u"enabled"_s, variable.enabled } };
        if (variable.secret)
            entry.insert(u"secret"_s, true);
        array.append(entry);
    }
    return array;
}

VariableList variablesFromScope(const QJsonArray &scope)
{
    VariableList variables;
    for (const QJsonValue &value : scope) {
        const QJsonObject entry = value.toObject();
        Variable variable;
        variable.key = entry.value(u"key"_s).toString();
        variable.value = ScriptScopes::text(entry.value(u"value"_s));
        variable.enabled = entry.value(u"enabled"_s).toBool(true);
        variable.secret = entry.value(u"secret"_s).toBool();
        variables.append(variable);
    }
    return variables;
}

QString keepRunVariables(Workspace *workspace, const QString &collectionId, const QString &environmentId,
                         const CollectionRunner &runner)
{
    QString firstError;
    auto note = [&firstError](const QString &error) {
        if (firstError.isEmpty())
            firstError = error;
    };
    if (const Environment *current
        = environmentId.isEmpty() ? nullptr : workspace->environment(environmentId)) {
        Environment environment = *current;
        environment.variables = merged(current->variables, runner.environment());
        if (environment.variables != current->variables)
            note(workspace->saveEnvironment(environment));
    }
    if (const Collection *saved = workspace->collection(collectionId)) {
        const VariableList variables = merged(saved->variables, runner.collectionVariables());
        if (variables != saved->variables) {
            Collection collection = *saved;
            collection.variables = variables;
            note(workspace->saveCollection(collection));
        }
    }
    Environment globals = workspace->globals();
    const VariableList variables = merged(globals.variables, runner.globals());
    if (variables != globals.variables) {
        globals.variables = variables;
        note(workspace->saveGlobals(globals));
    }
    return firstError;
}

} // namespace Postern
