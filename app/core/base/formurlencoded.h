#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Postern {

using FormField = QPair<QString, QString>;
using FormFields = QList<FormField>;

// application/x-www-form-urlencoded, as HTML and RFC 6749 §B define it: '+' is a space, every
// other byte outside the unreserved set is percent-encoded as UTF-8. QUrlQuery is not used for
// this on purpose: it leaves '+' alone and does not encode '&', '=' or '+' inside values.
namespace FormUrlEncoded {

// Decodes a body or query string. Malformed escapes ("%zz", a lone '%') are kept literally, as
// browsers do; fields without '=' get an empty value. Order and repeated names are preserved.
FormFields parse(QByteArrayView data);

// Encodes fields in the given order.
QByteArray encode(const FormFields &fields);

// Encodes one component (a name or a value).
QByteArray encodeComponent(const QString &text);

// Decodes one component: '+' becomes a space, then percent escapes are decoded as UTF-8.
QString decodeComponent(QByteArrayView data);

// The first value of name, or an empty string when absent (see contains()).
QString value(const FormFields &fields, const QString &name);

bool contains(const FormFields &fields, const QString &name);

// url with fields added to the end of its query (form-encoded); url itself when fields is empty.
QUrl appendToQuery(const QUrl &url, const FormFields &fields);

// How many times name occurs.
qsizetype count(const FormFields &fields, const QString &name);

} // namespace FormUrlEncoded
} // namespace Postern
