#include "workspace/environment.h"

#include "workspace/collection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Postern {

Environment Environment::make(const QString &name)
{
    return Environment { Collection::newId(), name, {} };
}

QJsonObject Environment::toJson() const
{
    return QJsonObject {
        { u"postern"_s, u"environment"_s },
        { u"formatVersion"_s, 1 },
        { u"id"_s, id },
        { u"name"_s, name },
        { u"variables"_s, variablesToJson(variables) },
    };
}

Environment Environment::fromJson(const QJsonObject &object, QStringList *problems)
{
    Environment environment;
    environment.id = object.value(u"id"_s).toString();
    if (environment.id.isEmpty())
        environment.id = Collection::newId();
    environment.name = object.value(u"name"_s).toString();
    if (!object.value(u"variables"_s).isArray() && object.contains(u"variables"_s) && problems)
        problems->append(QCoreApplication::translate("Postern::Environment",
                                                     "“variables” is not a list; none were read."));
    environment.variables = variablesFromJson(object.value(u"variables"_s).toArray());
    return environment;
}

QByteArray Environment::toFileContents() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Environment Environment::fromFileContents(const QByteArray &data, QString *error, QStringList *problems)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("Postern::Environment", "It is not valid JSON (%1 at byte %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return {};
    }
    if (!document.isObject() || document.object().value(u"postern"_s).toString() != u"environment"_s) {
        *error = QCoreApplication::translate("Postern::Environment", "It is not a Postern environment.");
        return {};
    }
    error->clear();
    return fromJson(document.object(), problems);
}

} // namespace Postern
