#pragma once

#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Postern {

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

} // namespace CliInputs

} // namespace Postern
