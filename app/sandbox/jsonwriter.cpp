#include "sandbox/jsonwriter.h"

#include <QList>

namespace Postern::Sandbox {

QByteArray JsonWriter::quote(const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (u < 0x20) {
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray JsonWriter::array(const QList<QByteArray> &elements)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(elements.at(i));
    }
    out.append(']');
    return out;
}

void JsonWriter::key(const QString &name)
{
    if (!m_members.isEmpty())
        m_members.append(',');
    m_members.append(quote(name));
    m_members.append(':');
}

JsonWriter &JsonWriter::add(const QString &name, const QString &value)
{
    key(name);
    m_members.append(quote(value));
    return *this;
}

JsonWriter &JsonWriter::add(const QString &name, qint64 value)
{
    key(name);
    m_members.append(QByteArray::number(value));
    return *this;
}

JsonWriter &JsonWriter::addNull(const QString &name)
{
    key(name);
    m_members.append("null");
    return *this;
}

JsonWriter &JsonWriter::addRaw(const QString &name, const QByteArray &json)
{
    key(name);
    m_members.append(json);
    return *this;
}

} // namespace Postern::Sandbox
