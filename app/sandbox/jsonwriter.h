#pragma once

#include <QByteArray>
#include <QString>

namespace Postern::Sandbox {

// Writes one JSON object with its keys in insertion order (QJsonObject sorts them, real servers do not).
// Values are added as strings, numbers, null, or already-serialised JSON.
class JsonWriter
{
public:
    JsonWriter &add(const QString &key, const QString &value);
    JsonWriter &add(const QString &key, qint64 value);
    JsonWriter &addNull(const QString &key);
    JsonWriter &addRaw(const QString &key, const QByteArray &json);

    QByteArray object() const { return "{" + m_members + "}"; }

    static QByteArray quote(const QString &text);
    // [a,b,c] from already-serialised elements.
    static QByteArray array(const QList<QByteArray> &elements);

private:
    void key(const QString &name);

    QByteArray m_members;
};

} // namespace Postern::Sandbox
