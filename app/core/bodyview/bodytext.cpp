#include "bodyview/bodytext.h"

#include <QCoreApplication>
#include <QList>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Postern {

QByteArray BodyText::charsetOf(const QByteArray &contentType)
{
    const QList<QByteArray> parts = contentType.split(';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray part = parts.at(i).trimmed();
        const qsizetype equals = part.indexOf('=');
        if (equals < 0 || part.first(equals).trimmed().toLower() != "charset")
            continue;
        QByteArray value = part.sliced(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.sliced(1, value.size() - 2);
        return value.toLower();
    }
    return QByteArray();
}

BodyText BodyText::decode(const QByteArray &body, const QByteArray &contentType)
{
    BodyText text;
    QByteArray charset = charsetOf(contentType);
    text.charset = QString::fromLatin1(charset);
    if (charset.isEmpty()) {
        // Only a byte order mark can say otherwise (JSON and most text today are UTF-8).
        if (body.startsWith("\xff\xfe") || body.startsWith("\xfe\xff"))
            charset = "utf-16";
    }
    if (charset.isEmpty() || charset == "utf-8" || charset == "utf8" || charset == "us-ascii") {
        text.utf8 = body;
        return text;
    }
    QStringDecoder decoder(charset.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        text.utf8 = body;
        text.note
            = QCoreApplication::translate(
                  "Postern::BodyText", "The body's charset \"%1\" is not known here; it is shown as UTF-8.")
                  .arg(text.charset);
        return text;
    }
    const QString decoded = decoder(body);
    text.utf8 = decoded.toUtf8();
    return text;
}

} // namespace Postern
