#include "cli/cliinputs.h"

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

} // namespace Postern::CliInputs
