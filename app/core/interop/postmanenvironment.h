#pragma once

#include "auth/oauth2config.h"
#include "workspace/environment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Postern {

// What an environment import gives; error is empty on success, otherwise nothing was imported.
struct PostmanEnvironmentImport
{
    Environment environment;
    QStringList summary;
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Postman environment (and globals) files to Postern's Environment and back:
// {id, name, values: [{key, value, enabled, type: "default" | "secret"}]}. A "secret" variable is a
// secret variable in Postern (its value kept in memory, never in the workspace's files) and is exported
// with an empty value unless Secrets::Include is asked for.
class PostmanEnvironment
{
    Q_DECLARE_TR_FUNCTIONS(Postern::PostmanEnvironment)

public:
    using Secrets = OAuth2Config::Secrets;

    static constexpr qsizetype maxFileSize = 16 * 1024 * 1024;

    static PostmanEnvironmentImport import(const QByteArray &json);
    static PostmanEnvironmentImport importObject(const QJsonObject &root); // a file already parsed
    static QByteArray exportJson(const Environment &environment, Secrets secrets = Secrets::Omit);

    // Whether data is a Postman environment or globals file: for a dispatcher choosing an importer.
    static bool looksLikePostman(const QByteArray &data);
    static bool looksLikePostman(const QJsonObject &root);
};

} // namespace Postern
