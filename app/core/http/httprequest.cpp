#include "http/httprequest.h"

#include "base/formurlencoded.h"
#include "base/httpvalidation.h"
#include "http/requestbody.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

bool hasEnabledHeader(const KeyValueList &headers, const QString &name)
{
    for (const KeyValue &header : headers) {
        if (header.enabled && header.key.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QString bodyModeKey(BodyMode mode)
{
    switch (mode) {
    case BodyMode::Raw:
        return u"raw"_s;
    case BodyMode::UrlEncoded:
        return u"urlencoded"_s;
    case BodyMode::FormData:
        return u"formdata"_s;
    case BodyMode::Binary:
        return u"file"_s;
    case BodyMode::GraphQL:
        return u"graphql"_s;
    }
    return u"raw"_s;
}

BodyMode bodyModeFromKey(const QString &key, bool *known)
{
    for (const BodyMode mode :
         { BodyMode::Raw, BodyMode::UrlEncoded, BodyMode::FormData, BodyMode::Binary, BodyMode::GraphQL }) {
        if (bodyModeKey(mode) == key) {
            if (known)
                *known = true;
            return mode;
        }
    }
    if (known)
        *known = false;
    return BodyMode::Raw;
}

QJsonObject HttpRequest::toJson(OAuth2Config::Secrets secrets) const
{
    QJsonObject object {
        { u"method"_s, method },
        { u"url"_s, url },
        { u"headers"_s, keyValuesToJson(headers) },
        { u"auth"_s, auth.toJson(secrets) },
        { u"timeoutMs"_s, timeoutMs },
        { u"verifyTls"_s, verifyTls },
        { u"followRedirects"_s, followRedirects },
    };
    if (!body.isEmpty() || !bodyContentType.isEmpty()) {
        QJsonObject bodyObject { { u"contentType"_s, bodyContentType } };
        const QString text = QString::fromUtf8(body);
        if (text.toUtf8() == body)
            bodyObject.insert(u"text"_s, text);
        else
            bodyObject.insert(u"base64"_s, QString::fromLatin1(body.toBase64()));
        object.insert(u"body"_s, bodyObject);
    }
    if (bodyMode != BodyMode::Raw)
        object.insert(u"bodyMode"_s, bodyModeKey(bodyMode));
    if (!formFields.isEmpty())
        object.insert(u"formFields"_s, keyValuesToJson(formFields));
    if (!formParts.isEmpty()) {
        QJsonArray parts;
        for (const FormPart &part : formParts) {
            QJsonObject partObject { { u"key"_s, part.key }, { u"value"_s, part.value } };
            if (part.isFile)
                partObject.insert(u"type"_s, u"file"_s);
            if (!part.contentType.isEmpty())
                partObject.insert(u"contentType"_s, part.contentType);
            if (!part.enabled)
                partObject.insert(u"disabled"_s, true);
            if (!part.description.isEmpty())
                partObject.insert(u"description"_s, part.description);
            parts.append(partObject);
        }
        object.insert(u"formParts"_s, parts);
    }
    if (!bodyFile.isEmpty())
        object.insert(u"bodyFile"_s, bodyFile);
    if (!graphqlQuery.isEmpty() || !graphqlVariables.isEmpty())
        object.insert(u"graphql"_s,
                      QJsonObject { { u"query"_s, graphqlQuery }, { u"variables"_s, graphqlVariables } });
    if (!scripts.isEmpty())
        object.insert(u"scripts"_s, scripts);
    if (!assertions.isEmpty())
        object.insert(u"assertions"_s, ResponseChecks::assertionsToJson(assertions));
    if (!captures.isEmpty())
        object.insert(u"captures"_s, ResponseChecks::capturesToJson(captures));
    return object;
}

HttpRequest HttpRequest::fromJson(const QJsonObject &object, QStringList *problems)
{
    HttpRequest request;
    auto odd = [problems](const QString &what) {
        if (problems)
            problems->append(what);
    };
    if (object.contains(u"method"_s) && !object.value(u"method"_s).isString())
        odd(QCoreApplication::translate("Postern::HttpRequest", "“method” is not text; GET is used."));
    request.method = object.value(u"method"_s).toString(u"GET"_s);
    request.url = object.value(u"url"_s).toString();
    request.headers = keyValuesFromJson(object.value(u"headers"_s).toArray());
    request.auth = AuthConfig::fromJson(object.value(u"auth"_s).toObject());
    const double timeout = object.value(u"timeoutMs"_s).toDouble(request.timeoutMs);
    if (timeout < 0 || timeout > 24.0 * 3600 * 1000)
        odd(QCoreApplication::translate("Postern::HttpRequest",
                                        "“timeoutMs” is out of range; the default is used."));
    else
        request.timeoutMs = int(timeout);
    request.verifyTls = object.value(u"verifyTls"_s).toBool(true);
    request.followRedirects = object.value(u"followRedirects"_s).toBool(true);
    request.scripts = object.value(u"scripts"_s).toArray();
    request.assertions = ResponseChecks::assertionsFromJson(object.value(u"assertions"_s).toArray());
    request.captures = ResponseChecks::capturesFromJson(object.value(u"captures"_s).toArray());
    const QJsonObject bodyObject = object.value(u"body"_s).toObject();
    request.bodyContentType = bodyObject.value(u"contentType"_s).toString();
    if (bodyObject.contains(u"base64"_s)) {
        const auto decoded = QByteArray::fromBase64Encoding(
            bodyObject.value(u"base64"_s).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            request.body = *decoded;
        else
            odd(QCoreApplication::translate("Postern::HttpRequest",
                                            "The body's base64 is damaged; the body is left empty."));
    } else {
        request.body = bodyObject.value(u"text"_s).toString().toUtf8();
    }
    if (object.contains(u"bodyMode"_s)) {
        bool known = false;
        request.bodyMode = bodyModeFromKey(object.value(u"bodyMode"_s).toString(), &known);
        if (!known)
            odd(QCoreApplication::translate("Postern::HttpRequest",
                                            "The body mode “%1” is unknown; the raw body is used.")
                    .arg(object.value(u"bodyMode"_s).toString().left(40)));
    }
    request.formFields = keyValuesFromJson(object.value(u"formFields"_s).toArray());
    const QJsonArray parts = object.value(u"formParts"_s).toArray();
    for (const QJsonValue &value : parts) {
        const QJsonObject part = value.toObject();
        request.formParts.append(
            { part.value(u"key"_s).toString(), part.value(u"value"_s).toString(),
              part.value(u"type"_s).toString() == u"file"_s, part.value(u"contentType"_s).toString(),
              !part.value(u"disabled"_s).toBool(), part.value(u"description"_s).toString() });
    }
    request.bodyFile = object.value(u"bodyFile"_s).toString();
    const QJsonObject graphql = object.value(u"graphql"_s).toObject();
    request.graphqlQuery = graphql.value(u"query"_s).toString();
    request.graphqlVariables = graphql.value(u"variables"_s).toString();
    return request;
}

bool HttpRequest::methodCarriesBody(const QString &method)
{
    const QString m = method.toUpper();
    return m != u"GET"_s && m != u"HEAD"_s && m != u"OPTIONS"_s && m != u"TRACE"_s;
}

KeyValueList HttpRequest::generatedHeaders() const
{
    KeyValueList generated;
    if (const std::optional<KeyValue> authHeader = auth.header();
        authHeader && !hasEnabledHeader(headers, authHeader->key)) {
        generated.append(*authHeader);
    }
    if (methodCarriesBody(method) && !hasEnabledHeader(headers, u"Content-Type"_s)) {
        if (const QString type = RequestBody::automaticContentType(*this); !type.isEmpty())
            generated.append({ u"Content-Type"_s, type, true, {} });
    }
    return generated;
}

KeyValueList HttpRequest::effectiveHeaders() const
{
    KeyValueList effective;
    for (const KeyValue &header : headers) {
        if (header.enabled && !(header.key.trimmed().isEmpty() && header.value.isEmpty()))
            effective.append({ header.key.trimmed(), header.value, true, {} });
    }
    effective += generatedHeaders();
    return effective;
}

QString HttpRequest::effectiveUrl() const
{
    const std::optional<KeyValue> parameter = auth.queryParameter();
    if (!parameter)
        return url;
    const QString trimmed = url.trimmed();
    const qsizetype hash = trimmed.indexOf(u'#');
    QString base = hash < 0 ? trimmed : trimmed.left(hash);
    const QString fragment = hash < 0 ? QString() : trimmed.mid(hash);
    base += base.contains(u'?') ? (base.endsWith(u'?') || base.endsWith(u'&') ? u""_s : u"&"_s) : u"?"_s;
    base += parameter->key + u'=' + QString::fromLatin1(FormUrlEncoded::encodeComponent(parameter->value));
    return base + fragment;
}

QStringList HttpRequest::problems() const
{
    QStringList problems;
    if (const QString error = HttpValidation::methodError(method); !error.isEmpty())
        problems.append(error);
    if (const QString error = HttpValidation::urlError(url); !error.isEmpty())
        problems.append(error);
    for (const KeyValue &header : effectiveHeaders()) {
        if (const QString error = HttpValidation::headerNameError(header.key); !error.isEmpty())
            problems.append(error);
        if (const QString error = HttpValidation::headerValueError(header.value); !error.isEmpty())
            problems.append(QCoreApplication::translate("Postern::HttpRequest", "Header “%1”: %2")
                                .arg(header.key.left(60), error));
    }
    if (timeoutMs < 0)
        problems.append(
            QCoreApplication::translate("Postern::HttpRequest", "The timeout cannot be negative."));
    if (methodCarriesBody(method))
        problems += RequestBody::problems(*this);
    return problems;
}

} // namespace Postern
