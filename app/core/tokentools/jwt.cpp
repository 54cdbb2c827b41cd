#include "tokentools/jwt.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// 9999-12-31T23:59:59Z: anything later is not a date a token means.
constexpr double MaxNumericDate = 253402300799.0;

bool isBase64UrlCharacter(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
        || c == u'_';
}

// Strict base64url without padding (RFC 7515 §2, appendix C): only the URL-safe alphabet, and no
// length that no byte string encodes to.
std::optional<QByteArray> decodeSegment(QStringView segment)
{
    for (const QChar c : segment) {
        if (!isBase64UrlCharacter(c.unicode()))
            return std::nullopt;
    }
    if (segment.size() % 4 == 1)
        return std::nullopt;
    auto result = QByteArray::fromBase64Encoding(
        segment.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return std::move(result.decoded);
}

// The first character of segment outside the base64url alphabet, described for a message.
QString badCharacter(QStringView segment)
{
    for (qsizetype i = 0; i < segment.size(); ++i) {
        const QChar c = segment.at(i);
        if (isBase64UrlCharacter(c.unicode()))
            continue;
        if (c.isSpace())
            return QCoreApplication::translate("Postern::Jwt", "white space at position %1").arg(i + 1);
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return QCoreApplication::translate("Postern::Jwt", "the character U+%1 at position %2")
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'))
                .arg(i + 1);
        return QCoreApplication::translate("Postern::Jwt", "“%1” at position %2").arg(c).arg(i + 1);
    }
    return QString();
}

// Decodes one JSON-object segment. On failure returns false and says why in *reason, naming the
// part ("header", "payload"), to follow "not a JWT: " ("the header is empty"); *bytes keeps what base64url
// gave even when it is not JSON.
bool decodeObject(QStringView segment, const QString &part, QByteArray *bytes, QJsonObject *object,
                  QString *reason)
{
    if (segment.isEmpty()) {
        *reason = QCoreApplication::translate("Postern::Jwt", "the %1 is empty").arg(part);
        return false;
    }
    const std::optional<QByteArray> decoded = decodeSegment(segment);
    if (!decoded) {
        const QString where = badCharacter(segment);
        *reason = where.isEmpty()
            ? QCoreApplication::translate("Postern::Jwt", "the %1 is not valid base64url").arg(part)
            : QCoreApplication::translate("Postern::Jwt", "the %1 is not base64url (%2)").arg(part, where);
        return false;
    }
    *bytes = *decoded;
    const QByteArray trimmed = decoded->trimmed();
    if (!trimmed.startsWith('{')) {
        // QJsonDocument reads only objects and arrays at the top; a lone value is checked in an array.
        QJsonParseError error;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + trimmed + ']', &error);
        const bool isJson = error.error == QJsonParseError::NoError && wrapped.array().size() == 1;
        if (isJson) {
            *reason
                = QCoreApplication::translate("Postern::Jwt", "the %1 is JSON but not an object (it is %2)")
                      .arg(part,
                           wrapped.array().at(0).isArray()
                               ? QCoreApplication::translate("Postern::Jwt", "an array")
                               : QCoreApplication::translate("Postern::Jwt", "a single value"));
            return false;
        }
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error == QJsonParseError::DeepNesting) {
        *reason = QCoreApplication::translate("Postern::Jwt", "the %1 is JSON nested too deeply to read")
                      .arg(part);
        return false;
    }
    if (error.error != QJsonParseError::NoError) {
        *reason = QCoreApplication::translate("Postern::Jwt", "the %1 is not JSON (%2 at offset %3)")
                      .arg(part, error.errorString())
                      .arg(error.offset);
        return false;
    }
    if (!document.isObject()) {
        *reason
            = QCoreApplication::translate("Postern::Jwt", "the %1 is JSON but not an object (it is %2)")
                  .arg(part,
                       document.isArray() ? QCoreApplication::translate("Postern::Jwt", "an array")
                                          : QCoreApplication::translate("Postern::Jwt", "a single value"));
        return false;
    }
    *object = document.object();
    return true;
}

void readHeaderFields(JwtInfo &info)
{
    const QJsonValue alg = info.header.value(u"alg"_s);
    if (alg.isString())
        info.algorithm = alg.toString();
    else
        info.warnings << QCoreApplication::translate(
            "Postern::Jwt", "The header has no “alg” string: the algorithm is unknown.");
    const QJsonValue kid = info.header.value(u"kid"_s);
    if (kid.isString())
        info.keyId = kid.toString();
    else if (!kid.isUndefined())
        info.warnings << QCoreApplication::translate("Postern::Jwt", "The header’s “kid” is not a string.");
    info.type = info.header.value(u"typ"_s).toString();
}

} // namespace

bool JwtInfo::isUnsigned() const
{
    return isJwt && algorithm.compare(u"none"_s, Qt::CaseInsensitive) == 0;
}

QString JwtInfo::describeTime(QStringView claim, const QDateTime &now) const
{
    const std::optional<QDateTime> *value = nullptr;
    if (claim == u"exp")
        value = &exp;
    else if (claim == u"iat")
        value = &iat;
    else if (claim == u"nbf")
        value = &nbf;
    if (!value || !value->has_value())
        return QString();
    const QDateTime &when = **value;
    return when.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" ("_s + Jwt::relativeTime(when, now)
        + u')';
}

namespace Jwt {

std::optional<QDateTime> numericDate(const QJsonValue &value)
{
    double seconds = 0;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty() || text.size() > 32)
            return std::nullopt;
        bool ok = false;
        seconds = text.toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(seconds) || seconds < 0 || seconds > MaxNumericDate)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)), QTimeZone::utc());
}

QString relativeTime(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = now.secsTo(when);
    const qint64 distance = seconds < 0 ? -seconds : seconds;
    if (distance == 0)
        return QCoreApplication::translate("Postern::Jwt", "just now");
    QString amount;
    if (distance < 60)
        amount = QCoreApplication::translate("Postern::Jwt", "%1 s").arg(distance);
    else if (distance < 60 * 60)
        amount = QCoreApplication::translate("Postern::Jwt", "%1 min").arg(distance / 60);
    else if (distance < 48 * 60 * 60)
        amount = QCoreApplication::translate("Postern::Jwt", "%1 h").arg(distance / (60 * 60));
    else
        amount = QCoreApplication::translate("Postern::Jwt", "%1 days").arg(distance / (24 * 60 * 60));
    return seconds > 0 ? QCoreApplication::translate("Postern::Jwt", "in %1").arg(amount)
                       : QCoreApplication::translate("Postern::Jwt", "%1 ago").arg(amount);
}

JwtInfo decode(QStringView token)
{
    JwtInfo info;
    QStringView text = token.trimmed();
    if (text.size() > 7 && text.left(7).compare(u"Bearer ", Qt::CaseInsensitive) == 0)
        text = text.mid(7).trimmed();

    if (text.isEmpty()) {
        info.notJwtReason = QCoreApplication::translate("Postern::Jwt", "not a JWT: the token is empty");
        return info;
    }
    if (text.size() > MaxTokenLength) {
        info.notJwtReason
            = QCoreApplication::translate(
                  "Postern::Jwt", "not a JWT: the token is %1 KiB long; tokens over %2 KiB are not decoded")
                  .arg((text.size() + 1023) / 1024)
                  .arg(MaxTokenLength / 1024);
        return info;
    }

    const qsizetype dots = text.count(u'.');
    if (dots == 0) {
        info.notJwtReason
            = QCoreApplication::translate("Postern::Jwt",
                                          "not a JWT: opaque token (no “.”-separated parts); only the "
                                          "server that issued it can tell what it means");
        return info;
    }
    const QList<QStringView> parts = text.split(u'.');

    if (parts.size() == 5) {
        // RFC 7516 §7.1: protected header, encrypted key, IV, ciphertext, tag. The header is plain.
        QString reason;
        if (decodeObject(parts.at(0), QCoreApplication::translate("Postern::Jwt", "header"), &info.headerJson,
                         &info.header, &reason)) {
            info.isEncrypted = true;
            readHeaderFields(info);
            info.notJwtReason = QCoreApplication::translate(
                "Postern::Jwt",
                "encrypted JWT (JWE): only its header can be read; the claims need "
                "the recipient’s private key");
        } else {
            info.notJwtReason = QCoreApplication::translate(
                                    "Postern::Jwt", "not a JWT: 5 parts like an encrypted JWT (JWE), but %1")
                                    .arg(reason);
        }
        return info;
    }
    if (parts.size() != 3) {
        info.notJwtReason
            = QCoreApplication::translate(
                  "Postern::Jwt", "not a JWT: %1 parts; a signed JWT has 3 (header.payload.signature)")
                  .arg(parts.size());
        return info;
    }

    QString reason;
    if (!decodeObject(parts.at(0), QCoreApplication::translate("Postern::Jwt", "header"), &info.headerJson,
                      &info.header, &reason)
        || !decodeObject(parts.at(1), QCoreApplication::translate("Postern::Jwt", "payload"),
                         &info.payloadJson, &info.payload, &reason)) {
        info.notJwtReason = QCoreApplication::translate("Postern::Jwt", "not a JWT: %1").arg(reason);
        return info;
    }
    const std::optional<QByteArray> signature = decodeSegment(parts.at(2));
    if (!signature) {
        const QString where = badCharacter(parts.at(2));
        info.notJwtReason = where.isEmpty()
            ? QCoreApplication::translate("Postern::Jwt", "not a JWT: the signature is not valid base64url")
            : QCoreApplication::translate("Postern::Jwt", "not a JWT: the signature is not base64url (%1)")
                  .arg(where);
        return info;
    }

    info.isJwt = true;
    info.signature = *signature;
    info.signingInput = parts.at(0).toLatin1() + '.' + parts.at(1).toLatin1();
    readHeaderFields(info);

    if (info.isUnsigned()) {
        info.warnings << QCoreApplication::translate(
            "Postern::Jwt",
            "alg is “none”: the token is unsigned; anyone could have written "
            "these claims.");
        if (!info.signature.isEmpty())
            info.warnings << QCoreApplication::translate("Postern::Jwt",
                                                         "alg is “none” but a signature is attached.");
    } else if (info.signature.isEmpty()) {
        info.warnings << QCoreApplication::translate("Postern::Jwt", "The signature part is empty.");
    }

    const auto readTime = [&info](const QString &claim, std::optional<QDateTime> *target) {
        const QJsonValue value = info.payload.value(claim);
        if (value.isUndefined())
            return;
        *target = numericDate(value);
        if (!*target)
            info.warnings << QCoreApplication::translate(
                                 "Postern::Jwt", "“%1” is not a usable NumericDate (seconds since 1970).")
                                 .arg(claim);
    };
    readTime(u"exp"_s, &info.exp);
    readTime(u"iat"_s, &info.iat);
    readTime(u"nbf"_s, &info.nbf);
    return info;
}

} // namespace Jwt
} // namespace Postern
