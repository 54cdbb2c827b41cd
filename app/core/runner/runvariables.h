#pragma once

#include <QString>

namespace Postern {

class CollectionRunner;
class Workspace;

// Keeps in the workspace the variables a run (or a Send with scripts) ended with, as Postman does: the
// environment's (environmentId; none when empty), the collection's and the globals'. Each variable keeps
// its description and stays secret if it was; a scope is written only when it changed. Returns the
// first error of a save, or empty.
QString keepRunVariables(Workspace *workspace, const QString &collectionId, const QString &environmentId,
                         const CollectionRunner &runner);

} // namespace Postern
