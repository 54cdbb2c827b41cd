#include "tsfile.h"

#include <QFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

TsFile TsFile::read(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            if (name == u"TS"_s) {
                ts.language = xml.attributes().value(u"language"_s).toString();
            } else if (name == u"name"_s && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message"_s) {
                inMessage = true;
                message = TsMessage();
                message.context = context;
                message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
            } else if (name == u"source"_s && inMessage) {
                message.source = xml.readElementText();
            } else if (name == u"comment"_s && inMessage) {
                message.comment = xml.readElementText();
            } else if (name == u"translation"_s && inMessage) {
                message.type = xml.attributes().value(u"type"_s).toString();
                if (!message.numerus)
                    message.translation = xml.readElementText();
            } else if (name == u"numerusform"_s && inMessage) {
                message.translation += xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message"_s) {
            ts.messages.append(message);
            inMessage = false;
        }
    }
    if (xml.hasError())
        ts.error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
    return ts;
}
