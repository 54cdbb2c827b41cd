#include "bodyview/bodyindex.h"

#include "bodyview/bodytext.h"
#include "bodyview/htmlformatter.h"
#include "bodyview/xmlformatter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Postern {

BodyIndex BodyIndex::build(const QByteArray &body, const QByteArray &contentType,
                           const std::atomic_bool *cancel, const std::shared_ptr<const void> &owner)
{
    const auto canceled = [cancel] {
        return cancel && cancel->load();
    };
    BodyIndex index;
    index.kind = BodySniffer::detect(body, contentType);
    const BodyText text = BodyText::decode(body, contentType);
    index.note = text.note;
    // The text is the body itself when it is UTF-8 already: the lines then read the owner's bytes.
    index.raw = keepingAlive(std::make_shared<const RawLines>(text.utf8, cancel), owner);
    if (canceled())
        return index;
    switch (index.kind) {
    case BodyKind::Json:
        index.json = keepingAlive(std::make_shared<const JsonIndex>(text.utf8, 2, cancel), owner);
        if (index.json->ok())
            index.pretty = index.json;
        else if (!index.json->canceled())
            index.prettyError = index.json->error().message;
        break;
    case BodyKind::Xml: {
        // The XML formatter reads the document's own encoding (UTF-16 included).
        const XmlFormatter::Result xml = XmlFormatter().format(body, cancel);
        if (xml.ok())
            index.pretty = std::make_shared<const RawLines>(xml.text, cancel);
        else if (!xml.canceled)
            index.prettyError = xml.error;
        break;
    }
    case BodyKind::Html: {
        const QByteArray html = HtmlFormatter().format(text.utf8, cancel);
        if (!html.isEmpty())
            index.pretty = std::make_shared<const RawLines>(html, cancel);
        break;
    }
    default:
        break;
    }
    const QByteArray type = BodySniffer::mediaType(contentType);
    const bool labelled = (index.kind == BodyKind::Json && type.endsWith("json"))
        || (index.kind == BodyKind::Xml && type.endsWith("xml"));
    if (labelled && !index.prettyError.isEmpty()) {
        const QString problem
            = QCoreApplication::translate(
                  "Postern::BodyIndex", "The body is labelled %1 but is not valid %2 (%3). It is shown raw.")
                  .arg(QString::fromLatin1(type), index.kind == BodyKind::Json ? u"JSON"_s : u"XML"_s,
                       index.prettyError);
        index.note = index.note.isEmpty() ? problem : index.note + u' ' + problem;
    }
    return index;
}

} // namespace Postern
