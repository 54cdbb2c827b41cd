#include "cli/cliinputs.h"

#include "cli/cliworkspace.h"
#include "interop/postmancollection.h"
#include "interop/postmanenvironment.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Postern::CliInputs {

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        *error = u"there is no file \u201c%1\u201d"_s.arg(path);
        return QByteArray();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"\u201c%1\u201d cannot be read: %2"_s.arg(path, file.errorString());
        return QByteArray();
    }
    return file.readAll();
}

std::optional<Environment> readEnvironment(const QString &path, QString *error)
{
    const QByteArray bytes = readFile(path, error);
    if (!error->isEmpty()) {
        *error += u'.';
        return std::nullopt;
    }
    const PostmanEnvironmentImport read = PostmanEnvironment::import(bytes);
    if (!read.ok()) {
        *error = read.error;
        return std::nullopt;
    }
    return read.environment;
}

void setOrAdd(VariableList *variables, const QString &key, const QString &value)
{
    for (Variable &variable : *variables) {
        if (variable.key == key) {
            variable.value = value;
            variable.enabled = true;
            return;
        }
    }
    variables->append(Variable { key, value, true, false, QString() });
}

const CollectionItem *findNamed(const QList<CollectionItem> &items, const QString &name)
{
    for (const CollectionItem &item : items) {
        if (item.name == name || item.id == name)
            return &item;
        if (const CollectionItem *found = findNamed(item.children, name))
            return found;
    }
    return nullptr;
}

std::optional<Collection> collection(const QString &nameOrPath, const CliWorkspace *workspace,
                                     const QString &workspaceRoot, Failure *failure)
{
    if (workspace) {
        if (const Collection *found = workspace->collection(nameOrPath))
            return *found;
        *failure
            = { ExitCode::CollectionUnreadable,
                u"there is no collection \u201c%1\u201d in the workspace \u201c%2\u201d; it has: %3."_s.arg(
                    nameOrPath, workspaceRoot, workspace->collectionNames().join(u", "_s)) };
        return std::nullopt;
    }
    QString error;
    const QByteArray bytes = readFile(nameOrPath, &error);
    if (!error.isEmpty()) {
        *failure = { ExitCode::CollectionUnreadable, u"the collection: "_s + error + u'.' };
        return std::nullopt;
    }
    const PostmanImport imported = PostmanCollection::import(bytes);
    if (!imported.ok()) {
        *failure = { ExitCode::NotACollection, u"\u201c%1\u201d: %2"_s.arg(nameOrPath, imported.error) };
        return std::nullopt;
    }
    return imported.collection;
}

std::optional<Environment> environment(const QString &nameOrPath, const CliWorkspace *workspace,
                                       const QString &what, Failure *failure)
{
    if (workspace && !QFileInfo(nameOrPath).isFile()) {
        if (const Environment *found = workspace->environment(nameOrPath))
            return *found;
    }
    QString error;
    std::optional<Environment> read = readEnvironment(nameOrPath, &error);
    if (!read)
        *failure = { ExitCode::EnvironmentProblem, u"the %1: "_s.arg(what) + error };
    return read;
}

QList<QPair<QString, QString>> keyValues(const QStringList &texts, const QString &option, QString *error)
{
    QList<QPair<QString, QString>> result;
    for (const QString &text : texts) {
        const qsizetype equals = text.indexOf(u'=');
        if (equals <= 0) {
            *error = u"--%1 needs key=value, not \u201c%2\u201d."_s.arg(option, text);
            return result;
        }
        result.append({ text.left(equals), text.mid(equals + 1) });
    }
    return result;
}

} // namespace Postern::CliInputs
