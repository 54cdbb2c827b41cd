#pragma once

#include "keyvalue.h"

#include <optional>

namespace Postern {

enum class AuthType { None, Basic, Bearer };

QString authTypeName(AuthType type);

// How a request proves who sends it. The credentials are secrets: nothing here logs them, and the
// UI masks them.
struct AuthConfig
{
    AuthType type = AuthType::None;
    QString username; // Basic
    QString password; // Basic
    QString token;    // Bearer

    // The header this authorization adds to the request, if any ("Authorization: Basic …").
    std::optional<KeyValue> header() const;
};

} // namespace Postern
