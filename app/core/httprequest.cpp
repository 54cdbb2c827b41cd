#include "httprequest.h"

#include "formurlencoded.h"
#include "httpvalidation.h"

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
    if (methodCarriesBody(method) && !body.isEmpty() && !bodyContentType.isEmpty()
        && !hasEnabledHeader(headers, u"Content-Type"_s)) {
        generated.append({u"Content-Type"_s, bodyContentType, true, {}});
    }
    return generated;
}

KeyValueList HttpRequest::effectiveHeaders() const
{
    KeyValueList effective;
    for (const KeyValue &header : headers) {
        if (header.enabled && !(header.key.trimmed().isEmpty() && header.value.isEmpty()))
            effective.append({header.key.trimmed(), header.value, true, {}});
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
            problems.append(u"Header \u201c%1\u201d: %2"_s.arg(header.key.left(60), error));
    }
    if (timeoutMs < 0)
        problems.append(u"The timeout cannot be negative."_s);
    return problems;
}

} // namespace Postern
