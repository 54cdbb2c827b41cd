#include "runner/runvariables.h"

#include "runner/collectionrunner.h"
#include "workspace/workspace.h"

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
