#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Postern {

// What a token says about itself, read without any key: a JWS-serialised JWT (RFC 7519 §7.2,
// RFC 7515 §7.1) split into its parts, or the reason it is not one. A plain value. Decoding never
// checks a signature (that is JwtVerifier's job) and never trusts what it reads: the claims of a
// token that is not verified are only what the token claims.
struct JwtInfo
{
    bool isJwt = false; // three base64url segments, header and payload both JSON objects
    bool isEncrypted = false; // a five-part JWE (RFC 7516): the header is readable, the claims are not
    QString notJwtReason; // why isJwt is false: "not a JWT: opaque token", …; empty when it is one

    QJsonObject header; // the JOSE header
    QJsonObject payload; // the claims set
    QByteArray headerJson; // the decoded header bytes, in the server's key order (for JsonFormatter)
    QByteArray payloadJson; // the decoded payload bytes, likewise

    QByteArray signingInput; // ASCII(BASE64URL(header) '.' BASE64URL(payload)), what was signed
    QByteArray signature; // the decoded signature; empty for an unsigned token
    QString algorithm; // header "alg", e.g. "RS256", "none"
    QString keyId; // header "kid", empty when absent
    QString type; // header "typ", e.g. "JWT", "at+jwt"

    // The time claims of RFC 7519 §4.1.4–4.1.6 as UTC date-times: absent when the claim is missing
    // or is not a sensible NumericDate (a number, or a string holding one, between 1970 and 9999).
    std::optional<QDateTime> exp;
    std::optional<QDateTime> iat;
    std::optional<QDateTime> nbf;

    // Things worth telling the user about a token that did decode: "alg none: unsigned",
    // "exp is not a NumericDate", …, one sentence each.
    QStringList warnings;

    // alg "none" (RFC 7519 §6): nothing protects the claims.
    bool isUnsigned() const;

    // One of "exp", "iat", "nbf" in local time with its distance from now, e.g.
    // "2024-05-01 14:03:22 (in 29 min)" or "2024-05-01 11:03:22 (3 h ago)"; empty when absent.
    QString describeTime(QStringView claim, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

namespace Jwt {

// Longer tokens are refused without being decoded.
inline constexpr qsizetype MaxTokenLength = 64 * 1024;

// Splits and decodes a token. Surrounding white space and a leading "Bearer " are ignored, so a
// pasted Authorization header value works. Hostile input (huge, bad base64, non-object JSON, deep
// nesting) gives isJwt == false and a reason, never a crash.
JwtInfo decode(QStringView token);

// A NumericDate (RFC 7519 §2) as a UTC date-time: a JSON number or a string holding one, seconds
// since 1970 (fractions kept to the millisecond), from 1970 up to the end of year 9999.
std::optional<QDateTime> numericDate(const QJsonValue &value);

// "in 29 min", "3 h ago", "just now": the distance from now to when, coarsely.
QString relativeTime(const QDateTime &when, const QDateTime &now);

} // namespace Jwt
} // namespace Postern
