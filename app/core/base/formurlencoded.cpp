#include "base/formurlencoded.h"

namespace Postern::FormUrlEncoded {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

} // namespace

QString decodeComponent(QByteArrayView data)
{
    QByteArray bytes;
    bytes.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%' && i + 2 < data.size() && hexValue(data[i + 1]) >= 0
                   && hexValue(data[i + 2]) >= 0) {
            bytes.append(char(hexValue(data[i + 1]) * 16 + hexValue(data[i + 2])));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    return QString::fromUtf8(bytes);
}

QByteArray encodeComponent(const QString &text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        if (isUnreserved(c)) {
            out.append(c);
        } else if (c == ' ') {
            out.append('+');
        } else {
            const auto u = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        }
    }
    return out;
}

FormFields parse(QByteArrayView data)
{
    FormFields fields;
    qsizetype start = 0;
    while (start <= data.size()) {
        qsizetype end = data.indexOf('&', start);
        if (end < 0)
            end = data.size();
        const QByteArrayView pair = data.sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype eq = pair.indexOf('=');
            if (eq < 0)
                fields.append({ decodeComponent(pair), QString() });
            else
                fields.append({ decodeComponent(pair.first(eq)), decodeComponent(pair.sliced(eq + 1)) });
        }
        start = end + 1;
    }
    return fields;
}

QByteArray encode(const FormFields &fields)
{
    QByteArray out;
    for (const FormField &field : fields) {
        if (!out.isEmpty())
            out.append('&');
        out.append(encodeComponent(field.first));
        out.append('=');
        out.append(encodeComponent(field.second));
    }
    return out;
}

QString value(const FormFields &fields, const QString &name)
{
    for (const FormField &field : fields) {
        if (field.first == name)
            return field.second;
    }
    return QString();
}

QUrl appendToQuery(const QUrl &url, const FormFields &fields)
{
    if (fields.isEmpty())
        return url;
    QUrl result = url;
    const QString existing = url.query(QUrl::FullyEncoded);
    result.setQuery((existing.isEmpty() ? QString() : existing + u'&') + QString::fromLatin1(encode(fields)),
                    QUrl::StrictMode);
    return result;
}

bool contains(const FormFields &fields, const QString &name)
{
    return count(fields, name) > 0;
}

qsizetype count(const FormFields &fields, const QString &name)
{
    qsizetype n = 0;
    for (const FormField &field : fields)
        n += field.first == name ? 1 : 0;
    return n;
}

} // namespace Postern::FormUrlEncoded
