#pragma once

#include <QByteArray>
#include <QString>

namespace Postern {

// A body's bytes as UTF-8 text, read in the charset its Content-Type names (or its byte order mark
// says): the one form every view and search works on. UTF-8, US-ASCII or no charset costs nothing
// (the same bytes, shared); any other charset Qt knows is converted once.
struct BodyText
{
    QByteArray utf8;
    QString charset; // as named ("iso-8859-1"), empty when none was given
    QString note; // why the text may not read as the server meant, for the UI; usually empty

    static BodyText decode(const QByteArray &body, const QByteArray &contentType);
    // The charset parameter of a Content-Type value, lower-case, without quotes; empty when none.
    static QByteArray charsetOf(const QByteArray &contentType);
};

} // namespace Postern
