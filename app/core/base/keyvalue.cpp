#include "base/keyvalue.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern {

QJsonArray keyValuesToJson(const KeyValueList &rows)
{
    QJsonArray array;
    for (const KeyValue &row : rows) {
        QJsonObject object { { u"key"_s, row.key }, { u"value"_s, row.value } };
        if (!row.enabled)
            object.insert(u"disabled"_s, true);
        if (!row.description.isEmpty())
            object.insert(u"description"_s, row.description);
        array.append(object);
    }
    return array;
}

KeyValueList keyValuesFromJson(const QJsonArray &array)
{
    KeyValueList rows;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        rows.append({ object.value(u"key"_s).toString(), object.value(u"value"_s).toString(),
                      !object.value(u"disabled"_s).toBool(), object.value(u"description"_s).toString() });
    }
    return rows;
}

} // namespace Postern
