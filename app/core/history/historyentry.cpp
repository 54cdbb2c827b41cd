#include "history/historyentry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Sizes past which a field is cut or a row dropped, at record time and at load alike: a history file
// is data from disk, and a hostile one must not fill the window with megabytes of header.
constexpr qsizetype maxMethodChars = 64;
constexpr qsizetype maxUrlChars = 64 * 1024;
constexpr qsizetype maxRows = 200;
constexpr qsizetype maxRowChars = 16 * 1024;
constexpr qsizetype maxReasonChars = 256;
constexpr qsizetype maxErrorChars = 4096;
constexpr qint64 maxStatus = 999;

const QString masked = u"****"_s;

bool isSecretParameter(const QString &name)
{
    static const QStringList names { u"access_token"_s, u"id_token"_s, u"refresh_token"_s, u"client_secret"_s,
                                     u"code_verifier"_s };
    return names.contains(name.trimmed(), Qt::CaseInsensitive);
}

// "a=1&access_token=x" → "a=1&access_token=****", everything else verbatim.
QString maskParameters(const QString &query)
{
    QStringList parts = query.split(u'&');
    for (QString &part : parts) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals < 0)
            continue;
        const QString name = QUrl::fromPercentEncoding(part.left(equals).replace(u'+', u' ').toUtf8());
        if (isSecretParameter(name))
            part = part.left(equals + 1) + masked;
    }
    return parts.join(u'&');
}

// Cuts at most max bytes, stepping back to a UTF-8 character boundary so that cut text stays text.
QByteArray cut(const QByteArray &bytes, qint64 max, bool *truncated)
{
    if (bytes.size() <= max) {
        *truncated = false;
        return bytes;
    }
    *truncated = true;
    qsizetype end = qsizetype(qMax<qint64>(max, 0));
    for (qsizetype back = 0; back < 3 && end > 0 && (uchar(bytes.at(end)) & 0xC0) == 0x80; ++back)
        --end;
    if ((uchar(bytes.at(end)) & 0xC0) == 0x80) // not UTF-8 after all
        end = qsizetype(max);
    return bytes.left(end);
}

QString cutText(const QString &text, qsizetype max)
{
    return text.size() <= max ? text : text.left(max);
}

KeyValueList cleanRows(const KeyValueList &rows, bool dropCredentials)
{
    KeyValueList clean;
    for (const KeyValue &row : rows) {
        if (clean.size() >= maxRows)
            break;
        if (dropCredentials && HistoryEntry::isCredentialHeader(row.key))
            continue;
        if (row.key.size() + row.value.size() + row.description.size() > maxRowChars)
            continue;
        clean.append(row);
    }
    return clean;
}

QList<RawHeader> cleanResponseHeaders(const QList<RawHeader> &headers)
{
    QList<RawHeader> clean;
    for (const RawHeader &header : headers) {
        if (clean.size() >= maxRows)
            break;
        const QString name = QString::fromLatin1(header.first);
        if (HistoryEntry::isCredentialHeader(name) || name.compare(u"Set-Cookie"_s, Qt::CaseInsensitive) == 0
            || name.compare(u"Set-Cookie2"_s, Qt::CaseInsensitive) == 0)
            continue;
        if (header.first.size() + header.second.size() > maxRowChars)
            continue;
        clean.append(header);
    }
    return clean;
}

// Everything in the request that could carry a credential, or grow without bound, made safe.
HttpRequest cleanRequest(const HttpRequest &sent, qint64 maxBodyBytes, bool *bodyTruncated)
{
    HttpRequest request = sent;
    request.method = cutText(sent.method, maxMethodChars);
    request.url = cutText(HistoryEntry::maskUrl(sent.url), maxUrlChars);
    request.headers = cleanRows(sent.headers, true);
    request.formFields = cleanRows(sent.formFields, false);
    if (request.formParts.size() > maxRows)
        request.formParts.resize(maxRows);
    request.body = cut(sent.body, maxBodyBytes, bodyTruncated);
    request.graphqlQuery = cutText(sent.graphqlQuery, qsizetype(maxBodyBytes));
    request.graphqlVariables = cutText(sent.graphqlVariables, qsizetype(maxBodyBytes));
    request.auth = AuthConfig::fromJson(sent.auth.toJson(OAuth2Config::Secrets::Omit));
    return request;
}

QJsonObject bodyToJson(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    if (text.toUtf8() == body)
        return { { u"text"_s, text } };
    return { { u"base64"_s, QString::fromLatin1(body.toBase64()) } };
}

QByteArray bodyFromJson(const QJsonObject &object, QStringList *problems)
{
    if (!object.contains(u"base64"_s))
        return object.value(u"text"_s).toString().toUtf8();
    const auto decoded = QByteArray::fromBase64Encoding(object.value(u"base64"_s).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (decoded)
        return *decoded;
    if (problems)
        problems->append(QCoreApplication::translate(
            "Postern::HistoryEntry", "A response body's base64 is damaged; the body is left empty."));
    return {};
}

qint64 boundedInteger(const QJsonValue &value, qint64 max)
{
    const double number = value.toDouble(0);
    if (!(number >= 0) || number > double(max)) // also refuses NaN
        return 0;
    return qint64(number);
}

} // namespace

bool HistoryEntry::isCredentialHeader(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    return trimmed.compare(u"Authorization", Qt::CaseInsensitive) == 0
        || trimmed.compare(u"Proxy-Authorization", Qt::CaseInsensitive) == 0
        || trimmed.compare(u"Cookie", Qt::CaseInsensitive) == 0;
}

QString HistoryEntry::maskUrl(const QString &url)
{
    const qsizetype hash = url.indexOf(u'#');
    QString base = hash < 0 ? url : url.left(hash);
    // An implicit-grant redirect carries its token in the fragment, in query syntax.
    const QString fragment = hash < 0 ? QString() : u'#' + maskParameters(url.mid(hash + 1));

    const qsizetype scheme = base.indexOf(u"://"_s);
    if (scheme >= 0) {
        const qsizetype start = scheme + 3;
        qsizetype end = base.size();
        for (const QChar stop : { u'/', u'?' }) {
            const qsizetype at = base.indexOf(stop, start);
            if (at >= 0)
                end = qMin(end, at);
        }
        const qsizetype at = end > start ? base.lastIndexOf(u'@', end - 1) : -1;
        const qsizetype colon = base.indexOf(u':', start);
        if (at >= start && colon >= 0 && colon < at)
            base.replace(colon + 1, at - colon - 1, masked);
    }
    const qsizetype question = base.indexOf(u'?');
    if (question >= 0)
        base = base.left(question + 1) + maskParameters(base.mid(question + 1));
    return base + fragment;
}

HistoryEntry HistoryEntry::fromExchange(const HttpRequest &sent, const HttpResponse &response,
                                        const Limits &limits, const QDateTime &when)
{
    HistoryEntry entry;
    entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.when = when.toUTC();
    entry.request = cleanRequest(sent, limits.maxBodyBytes, &entry.requestBodyTruncated);
    entry.url = cutText(maskUrl(sent.effectiveUrl()), maxUrlChars);
    entry.statusCode
        = response.error == HttpResponse::Error::None ? int(qBound(0, response.statusCode, 999)) : 0;
    entry.reasonPhrase = cutText(response.reasonPhrase, maxReasonChars);
    entry.errorMessage = cutText(response.errorMessage, maxErrorChars);
    entry.elapsedMs = qMax<qint64>(response.elapsedMs, 0);
    entry.timings = response.timings;
    entry.sizeBytes = response.bodySize() + response.headersSize();
    entry.responseHeaders = cleanResponseHeaders(response.headers);
    entry.responseBody = cut(response.body, limits.maxBodyBytes, &entry.responseBodyTruncated);
    // A body read from the client's file goes with the response: the entry keeps bytes of its own.
    if (response.bodyFile)
        entry.responseBody = QByteArray(entry.responseBody.constData(), entry.responseBody.size());
    entry.responseUrl = QUrl(cutText(maskUrl(response.url.toString()), maxUrlChars));
    return entry;
}

QString HistoryEntry::statusText() const
{
    if (statusCode <= 0)
        return QCoreApplication::translate("Postern::HistoryEntry", "Error");
    return reasonPhrase.isEmpty() ? QString::number(statusCode)
                                  : QString::number(statusCode) + u' ' + reasonPhrase;
}

bool HistoryEntry::matches(const QString &text) const
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return true;
    return request.method.contains(needle, Qt::CaseInsensitive) || url.contains(needle, Qt::CaseInsensitive)
        || statusText().contains(needle, Qt::CaseInsensitive);
}

HttpRequest HistoryEntry::toRequest() const
{
    HttpRequest copy = request;
    copy.headers = cleanRows(request.headers, true);
    return copy;
}

HttpResponse HistoryEntry::toResponse() const
{
    HttpResponse response;
    if (statusCode <= 0) {
        response.error = HttpResponse::Error::Network;
        response.errorMessage = errorMessage;
    }
    response.statusCode = statusCode;
    response.reasonPhrase = reasonPhrase;
    response.headers = responseHeaders;
    response.body = responseBody;
    response.elapsedMs = elapsedMs;
    response.timings = timings;
    response.url = responseUrl;
    return response;
}

QJsonObject HistoryEntry::toJson() const
{
    QJsonArray headers;
    for (const RawHeader &header : responseHeaders)
        headers.append(QJsonArray { QString::fromLatin1(header.first), QString::fromUtf8(header.second) });
    QJsonObject response {
        { u"status"_s, statusCode },
        { u"elapsedMs"_s, elapsedMs },
        { u"size"_s, sizeBytes },
        { u"headers"_s, headers },
    };
    if (!reasonPhrase.isEmpty())
        response.insert(u"reason"_s, reasonPhrase);
    if (!errorMessage.isEmpty())
        response.insert(u"error"_s, errorMessage);
    if (!responseBody.isEmpty())
        response.insert(u"body"_s, bodyToJson(responseBody));
    if (responseBodyTruncated)
        response.insert(u"bodyTruncated"_s, true);
    if (!responseUrl.isEmpty())
        response.insert(u"url"_s, responseUrl.toString());
    if (timings.isKnown())
        response.insert(u"timings"_s, timings.toJson());

    QJsonObject object {
        { u"id"_s, id },
        { u"when"_s, when.toString(Qt::ISODateWithMs) },
        { u"url"_s, url },
        { u"request"_s, request.toJson(OAuth2Config::Secrets::Omit) },
        { u"response"_s, response },
    };
    if (requestBodyTruncated)
        object.insert(u"requestBodyTruncated"_s, true);
    return object;
}

HistoryEntry HistoryEntry::fromJson(const QJsonObject &object, const Limits &limits, QStringList *problems)
{
    HistoryEntry entry;
    const QString id = object.value(u"id"_s).toString();
    const QJsonObject requestObject = object.value(u"request"_s).toObject();
    if (id.isEmpty() || id.size() > 64 || requestObject.isEmpty()) {
        if (problems)
            problems->append(QCoreApplication::translate("Postern::HistoryEntry",
                                                         "An entry without an id or a request was dropped."));
        return entry;
    }
    entry.id = id;
    entry.when = QDateTime::fromString(object.value(u"when"_s).toString(), Qt::ISODateWithMs).toUTC();
    QStringList requestProblems;
    bool cutBody = false;
    entry.request
        = cleanRequest(HttpRequest::fromJson(requestObject, &requestProblems), limits.maxBodyBytes, &cutBody);
    entry.requestBodyTruncated = cutBody || object.value(u"requestBodyTruncated"_s).toBool();
    if (problems)
        *problems += requestProblems;
    entry.url = cutText(maskUrl(object.value(u"url"_s).toString(entry.request.url)), maxUrlChars);

    const QJsonObject response = object.value(u"response"_s).toObject();
    entry.statusCode = int(boundedInteger(response.value(u"status"_s), maxStatus));
    entry.reasonPhrase = cutText(response.value(u"reason"_s).toString(), maxReasonChars);
    entry.errorMessage = cutText(response.value(u"error"_s).toString(), maxErrorChars);
    entry.elapsedMs = boundedInteger(response.value(u"elapsedMs"_s), qint64(24) * 3600 * 1000);
    entry.timings = HttpTimings::fromJson(response.value(u"timings"_s).toObject());
    entry.sizeBytes = boundedInteger(response.value(u"size"_s), qint64(1) << 50);
    QList<RawHeader> headers;
    const QJsonArray headerArray = response.value(u"headers"_s).toArray();
    for (const QJsonValue &value : headerArray) {
        const QJsonArray pair = value.toArray();
        if (pair.size() == 2 && pair.at(0).isString() && pair.at(1).isString())
            headers.append({ pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8() });
        if (headers.size() > maxRows)
            break;
    }
    entry.responseHeaders = cleanResponseHeaders(headers);
    bool cutResponse = false;
    entry.responseBody = cut(bodyFromJson(response.value(u"body"_s).toObject(), problems),
                             limits.maxBodyBytes, &cutResponse);
    entry.responseBodyTruncated = cutResponse || response.value(u"bodyTruncated"_s).toBool();
    entry.responseUrl = QUrl(cutText(maskUrl(response.value(u"url"_s).toString()), maxUrlChars));
    return entry;
}

} // namespace Postern
