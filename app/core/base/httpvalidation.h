#pragma once

#include <QString>
#include <QUrl>

namespace Postern {

// Checks of what the user typed, before anything goes on the wire. Each returns an empty string
// when the input is fine, or one sentence the UI can show as it is.
namespace HttpValidation {

// RFC 9110 §5.1: a field name is a token (no spaces, no separators, no control characters).
QString headerNameError(const QString &name);

// RFC 9110 §5.5: no CR, LF or NUL in a field value (they would split or end the header).
QString headerValueError(const QString &value);

// A method is a token too (RFC 9110 §9.1).
QString methodError(const QString &method);

// An absolute http or https URL with a host. On success *url (when given) holds the parsed URL,
// with what still needed percent-encoding encoded.
QString urlError(const QString &urlText, QUrl *url = nullptr);

} // namespace HttpValidation
} // namespace Postern
