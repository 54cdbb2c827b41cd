#pragma once

#include <QString>

// The keys of the private object ("postman" in a collection's or an item's foreign object) in which a
// Postman import keeps what Postern cannot represent; shared by the reader (postmancollection.cpp), the
// writer (postmanexport.cpp) and the secret keeper (postmanforeign.cpp), nobody else.
namespace Postern::PostmanKeys {

inline const QString postmanKey = QStringLiteral("postman");
inline const QString itemKey = QStringLiteral("item");
inline const QString infoKey = QStringLiteral("info");
inline const QString collectionKey = QStringLiteral("collection");
inline const QString idKey = QStringLiteral("id");
inline const QString infoIdKey = QStringLiteral("infoIdKey");
inline const QString descriptionFormatKey = QStringLiteral("descriptionFormat");
inline const QString descriptionOnItemKey = QStringLiteral("descriptionOnItem");
inline const QString variableRowsKey = QStringLiteral("variableRows");
inline const QString variablesKeyKey = QStringLiteral("variablesKey");

} // namespace Postern::PostmanKeys
