#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

// The literal secrets in what a Postman import kept aside for an item (the auth of its saved examples'
// requests), for the places that keep secrets out of files. withoutSecrets() gives the item's foreign
// object with them emptied and, in *secrets, their values by where they were ("example/INDEX/TYPE/PARAM");
// withSecrets() puts such values back where they are empty.
namespace Postern::PostmanForeign {

QJsonObject withoutSecrets(const QJsonObject &foreign, QHash<QString, QString> *secrets = nullptr);
QJsonObject withSecrets(const QJsonObject &foreign, const QHash<QString, QString> &secrets);

// The same for the item's kept Postman fields themselves (the object under "postman"/"item").
QJsonObject exampleWithoutSecrets(const QJsonObject &kept);

} // namespace Postern::PostmanForeign
