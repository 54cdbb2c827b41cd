#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Postern {

// What a response body is, so that the viewer can choose how to show it.
enum class BodyKind { Empty, Json, Xml, Html, Image, Binary, Text };

// Tells a body's kind from its Content-Type and, when the type is missing or says no more than
// "bytes" or "text" (application/octet-stream, text/plain), from its first bytes: an image's magic
// number, an SVG root, a NUL byte or mostly invalid UTF-8 (binary), a doctype or an opening bracket.
// Cheap: never reads past the first 8 KiB.
class BodySniffer
{
public:
    static constexpr qsizetype HeadSize = 8192;

    static BodyKind detect(QByteArrayView body, const QByteArray &contentType);
    // The format name QImageReader takes ("png", "jpeg", "gif", "svg", "webp", "bmp", "ico") for an
    // image body, from its magic number or else its Content-Type; empty when it is none of these.
    static QByteArray imageFormat(QByteArrayView body, const QByteArray &contentType);
    // Whether the first bytes look like binary data rather than text in some charset.
    static bool looksBinary(QByteArrayView body);
    // The media type of a Content-Type value, lower-case, without parameters ("application/json").
    static QByteArray mediaType(const QByteArray &contentType);
    // The kind's name, as in the enum ("Json").
    static QString name(BodyKind kind);
};

} // namespace Postern
