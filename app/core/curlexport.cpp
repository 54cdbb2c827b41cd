#include "curlcommand.h"
#include "formurlencoded.h"
#include "requestbody.h"
#include "shellwords.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern::CurlCommand {

namespace {

QString maskedAuthorization(const QString &value)
{
    const QString trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    const QString masked = QString::fromUtf16(MaskedSecret);
    return space < 0 ? masked : trimmed.left(space) + u' ' + masked;
}

// The URL with the password of its user info and any access_token in its query masked.
QString maskedUrl(const QString &url)
{
    const QString masked = QString::fromUtf16(MaskedSecret);
    QString result = url;
    if (const qsizetype schemeEnd = result.indexOf(u"://"_s); schemeEnd > 0) {
        const qsizetype start = schemeEnd + 3;
        qsizetype end = start;
        while (end < result.size() && result.at(end) != u'/' && result.at(end) != u'?'
               && result.at(end) != u'#')
            ++end;
        const qsizetype at = end > start ? result.lastIndexOf(u'@', end - 1) : -1;
        const qsizetype colon = result.indexOf(u':', start);
        if (at >= start && colon >= 0 && colon < at && at > colon + 1)
            result.replace(colon + 1, at - colon - 1, masked);
    }
    const qsizetype question = result.indexOf(u'?');
    const qsizetype hash = result.indexOf(u'#');
    if (question < 0 || (hash >= 0 && hash < question))
        return result;
    const qsizetype queryEnd = hash < 0 ? result.size() : hash;
    QStringList pairs = result.mid(question + 1, queryEnd - question - 1).split(u'&');
    for (QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq > 0 && eq + 1 < pair.size()
            && pair.left(eq).compare(u"access_token"_s, Qt::CaseInsensitive) == 0)
            pair = pair.left(eq + 1) + masked;
    }
    return result.left(question + 1) + pairs.join(u'&') + result.mid(queryEnd);
}

// A printf(1) format that prints bytes exactly: for a body no shell word can hold (a NUL byte, or
// not UTF-8 text).
QString printfFormat(const QByteArray &bytes)
{
    QString format;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '%')
            format += u"%%"_s;
        else if (c == '\\')
            format += u"\\\\"_s;
        else if (u >= 0x20 && u < 0x7f && c != '\'')
            format += QLatin1Char(c);
        else
            format += u"\\%1"_s.arg(uint(u), 3, 8, QChar(u'0'));
    }
    return format;
}

// A word of a -F value in double quotes, as curl reads it back: only '\\' and '"' escaped.
QString formQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

// The body as curl options: --data-raw or printf for raw bytes, --data-urlencode per field, -F per
// part, --data-binary @file, the GraphQL JSON as --data-raw. *prefix gets a printf pipe when needed.
QStringList bodyOptions(const HttpRequest &request, QString *prefix)
{
    QStringList options;
    switch (request.bodyMode) {
    case BodyMode::Raw:
    case BodyMode::GraphQL: {
        QByteArray bytes = request.body;
        if (request.bodyMode == BodyMode::GraphQL) {
            const WireBody wire = RequestBody::encode(request);
            // Variables that are not JSON: the query alone, as the closest thing to send.
            bytes = wire.ok() ? wire.bytes
                              : QJsonDocument(QJsonObject{{u"query"_s, request.graphqlQuery}}).toJson(QJsonDocument::Compact);
        }
        const QString text = QString::fromUtf8(bytes);
        if (!bytes.contains('\0') && text.toUtf8() == bytes) {
            options.append(u"--data-raw "_s + ShellWords::singleQuote(text));
        } else {
            *prefix = u"printf "_s + ShellWords::singleQuote(printfFormat(bytes)) + u" | "_s;
            options.append(u"--data-binary @-"_s);
        }
        break;
    }
    case BodyMode::UrlEncoded:
        // curl takes the name as already encoded and encodes the content itself.
        for (const KeyValue &field : request.formFields) {
            if (!field.enabled || (field.key.isEmpty() && field.value.isEmpty()))
                continue;
            if (field.key.isEmpty()) // "=content" would send the content without its '='
                options.append(u"-d "_s
                               + ShellWords::singleQuote(u'=' + QString::fromLatin1(FormUrlEncoded::encodeComponent(field.value))));
            else
                options.append(u"--data-urlencode "_s
                               + ShellWords::singleQuote(QString::fromLatin1(FormUrlEncoded::encodeComponent(field.key))
                                                         + u'=' + field.value));
        }
        break;
    case BodyMode::FormData:
        for (const FormPart &part : request.formParts) {
            if (!part.enabled || (part.key.isEmpty() && part.value.isEmpty()))
                continue;
            QString value = part.key + u'=' + (part.isFile ? u"@"_s : QString()) + formQuoted(part.value);
            if (!part.contentType.trimmed().isEmpty())
                value += u";type="_s + part.contentType.trimmed();
            options.append(u"-F "_s + ShellWords::singleQuote(value));
        }
        break;
    case BodyMode::Binary:
        // "@-" would read standard input.
        options.append(u"--data-binary "_s
                       + ShellWords::singleQuote(u'@' + (request.bodyFile == u"-"_s ? u"./-"_s : request.bodyFile)));
        break;
    }
    return options;
}

QString seconds(int milliseconds)
{
    if (milliseconds % 1000 == 0)
        return QString::number(milliseconds / 1000);
    QString text = QString::number(milliseconds / 1000.0, 'f', 3);
    while (text.endsWith(u'0'))
        text.chop(1);
    return text;
}

} // namespace

QString toCurl(const HttpRequest &request, bool includeSecrets)
{
    const QString method = request.method.trimmed().isEmpty() ? u"GET"_s : request.method.trimmed();
    const bool sendsBody = HttpRequest::methodCarriesBody(method) && RequestBody::hasContent(request);
    // curl -F writes its own multipart Content-Type with the boundary it chooses.
    const QString placeholderType = request.bodyMode == BodyMode::FormData ? RequestBody::automaticContentType(request)
                                                                           : QString();
    const QString url = includeSecrets ? request.effectiveUrl() : maskedUrl(request.effectiveUrl());

    QString prefix;
    QString command = u"curl"_s;
    if (method == u"HEAD"_s)
        command += u" --head"_s;
    else if (method != u"GET"_s && !(method == u"POST"_s && sendsBody))
        command += u" -X "_s + ShellWords::quote(method);
    command += u' ' + ShellWords::singleQuote(url);

    QStringList parts { command };
    for (const KeyValue &header : request.effectiveHeaders()) {
        if (!placeholderType.isEmpty() && header.value == placeholderType
            && header.key.compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0)
            continue;
        QString value = header.value.trimmed();
        const bool secret = header.key.compare(u"Authorization"_s, Qt::CaseInsensitive) == 0
            || header.key.compare(u"Proxy-Authorization"_s, Qt::CaseInsensitive) == 0;
        if (secret && !includeSecrets)
            value = maskedAuthorization(value);
        // "Name;" is curl's way to send a header with an empty value ("Name:" would remove it).
        parts.append(u"-H "_s
                     + ShellWords::singleQuote(value.isEmpty() ? QString(header.key + u';')
                                                               : QString(header.key + u": "_s + value)));
    }
    if (sendsBody)
        parts += bodyOptions(request, &prefix);
    if (!request.verifyTls)
        parts.append(u"-k"_s);
    if (request.followRedirects)
        parts.append(u"-L"_s);
    if (request.timeoutMs >= 0 && request.timeoutMs != HttpRequest().timeoutMs)
        parts.append(u"--max-time "_s + seconds(request.timeoutMs));
    return prefix + parts.join(u" \\\n  "_s);
}

} // namespace Postern::CurlCommand
