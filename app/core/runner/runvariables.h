#pragma once

#include "workspace/variables.h"

#include <QJsonArray>
#include <QString>

namespace Postern {

class CollectionRunner;
class Workspace;

// A scope as scripts get it ({key, value, enabled, secret} entries, values as they are) and back (values
// as text, as variables hold them).
QJsonArray variablesToScope(const VariableList &variables);
VariableList variablesFromScope(const QJsonArray &scope);

// Keeps in the workspace the variables a run (or a Send with scripts) ended with, as Postman does: the
// environment's (environmentId; none when empty), the collection's and the globals'. Each variable keeps
// its description and stays secret if it was; a scope is written only when it changed. Returns the
// first error of a save, or empty.
QString keepRunVariables(Workspace *workspace, const QString &collectionId, const QString &environmentId,
                         const CollectionRunner &runner);

} // namespace Postern
