#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace Postern {

// One row of a params or headers table: what the user typed, verbatim, and whether it is on.
struct KeyValue
{
    QString key;
    QString value;
    bool enabled = true;
    QString description;

    friend bool operator==(const KeyValue &a, const KeyValue &b)
    {
        return a.key == b.key && a.value == b.value && a.enabled == b.enabled
            && a.description == b.description;
    }
    friend bool operator!=(const KeyValue &a, const KeyValue &b) { return !(a == b); }
};

using KeyValueList = QList<KeyValue>;

QJsonArray keyValuesToJson(const KeyValueList &rows);
KeyValueList keyValuesFromJson(const QJsonArray &array);

} // namespace Postern
