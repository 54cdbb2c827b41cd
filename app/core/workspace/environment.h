#pragma once

#include "workspace/variables.h"

#include <QJsonObject>

namespace Postern {

// A named set of variables (an "environment" such as Dev or Prod, or the workspace's globals). One
// JSON file each; secret variables are written with empty values (their values live in the keychain).
struct Environment
{
    QString id;
    QString name;
    VariableList variables;

    static Environment make(const QString &name);

    QJsonObject toJson() const;
    static Environment fromJson(const QJsonObject &object, QStringList *problems = nullptr);
    QByteArray toFileContents() const;
    static Environment fromFileContents(const QByteArray &data, QString *error,
                                        QStringList *problems = nullptr);
};

} // namespace Postern
