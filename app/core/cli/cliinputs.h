#pragma once

#include "cli/runcommand.h"
#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Postern {

class CliWorkspace;

// What the commands of postern-run read from the command line's files: plain functions, each error a
// sentence fragment for "postern run: the environment: …".
namespace CliInputs {

// The file's bytes; empty and *error set when it is missing or cannot be read.
QByteArray readFile(const QString &path, QString *error);

// A Postman environment or globals file; nullopt and *error when it is not one.
std::optional<Environment> readEnvironment(const QString &path, QString *error);

// Sets key in variables (enabled), or adds it.
void setOrAdd(VariableList *variables, const QString &key, const QString &value);

// The first folder or request named name (or with that id), depth first.
const CollectionItem *findNamed(const QList<CollectionItem> &items, const QString &name);

// Why something named on the command line could not be had: the exit code and one line.
struct Failure
{
    ExitCode code = ExitCode::Passed;
    QString message;
};

// A Postman collection file, or with a workspace one of its collections by name or id.
std::optional<Collection> collection(const QString &nameOrPath, const CliWorkspace *workspace,
                                     const QString &workspaceRoot, Failure *failure);

// A Postman environment file, or with a workspace one of its environments by name or id (a path that
// is a file is read as a file). what names it in messages ("environment", "globals").
std::optional<Environment> environment(const QString &nameOrPath, const CliWorkspace *workspace,
                                       const QString &what, Failure *failure);

// key=value texts of a repeatable option (--env-var) as pairs; *error names the first that is not one.
QList<QPair<QString, QString>> keyValues(const QStringList &texts, const QString &option, QString *error);

} // namespace CliInputs

} // namespace Postern
