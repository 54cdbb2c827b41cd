#include "base/formurlencoded.h"
#include "base/httpvalidation.h"
#include "curl/curlcommand.h"
#include "curl/shellwords.h"
#include "http/requestbody.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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

// A file as the command names it: where Postern reads it (a relative path is in the working directory).
QString commandPath(const HttpRequest &request, const QString &path)
{
    const QString absolute = request.files.absolutePath(path);
    return absolute.isEmpty() ? path : absolute;
}

// The type curl gives a file part on its own (libcurl's short table of extensions).
QString curlGuessedType(const QString &path)
{
    static const QList<std::pair<QString, QString>> known {
        { u"gif"_s, u"image/gif"_s },       { u"jpg"_s, u"image/jpeg"_s },
        { u"jpeg"_s, u"image/jpeg"_s },     { u"png"_s, u"image/png"_s },
        { u"svg"_s, u"image/svg+xml"_s },   { u"txt"_s, u"text/plain"_s },
        { u"htm"_s, u"text/html"_s },       { u"html"_s, u"text/html"_s },
        { u"pdf"_s, u"application/pdf"_s }, { u"xml"_s, u"application/xml"_s },
    };
    const QString name = QFileInfo(path).fileName();
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString extension = dot < 0 ? QString() : name.mid(dot + 1);
    for (const auto &[suffix, type] : known) {
        if (extension.compare(suffix, Qt::CaseInsensitive) == 0)
            return type;
    }
    return u"application/octet-stream"_s;
}

// A type curl's ";type=" takes exactly: type/subtype and name=value parameters of token characters, no
// parameter that -F reads as one of its own (type, filename, headers, encoder). Anything else goes in
// a quoted ";headers=" instead, which curl sends as it is and in place of its own Content-Type.
bool isPlainType(const QString &type)
{
    static const QRegularExpression plain(
        uR"(^[A-Za-z0-9!#$%&'*+.^_`|~-]+/[A-Za-z0-9!#$%&'*+.^_`|~-]+(;[ ]?(?!(type|filename|headers|encoder)=)[A-Za-z0-9!#$%&'*+.^_`|~-]+=[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return plain.match(type).hasMatch();
}

// One -F option that makes curl send the part exactly as Postern does, or *error says why none can.
// curl cuts the name at its first '=' (and leaves out an empty one), and reads '@', '<', ';', ',' and
// quotes in the rest: the content and the file are written in double quotes, the type as above.
QString formOption(const HttpRequest &request, const FormPart &part, QString *error)
{
    const QString field = part.key.size() > 60 ? part.key.left(60) + u'\u2026' : part.key;
    if (part.key.isEmpty()) {
        *error = QCoreApplication::translate(
            "Postern::CurlCommand",
            "A form-data field without a name cannot be written for curl, whose -F leaves the name out.");
        return QString();
    }
    if (part.key.contains(u'=')) {
        *error = QCoreApplication::translate(
                     "Postern::CurlCommand",
                     "The form-data field “%1” cannot be written for curl, whose -F ends a name at its "
                     "first “=”; rename the field.")
                     .arg(field);
        return QString();
    }
    if (part.key.contains(QChar()) || part.value.contains(QChar()) || part.contentType.contains(QChar())) {
        *error = QCoreApplication::translate(
                     "Postern::CurlCommand",
                     "The form-data field “%1” holds a NUL character, which no command word can hold.")
                     .arg(field);
        return QString();
    }
    const QString path = part.isFile ? commandPath(request, part.value) : QString();
    QString type = part.contentType.trimmed();
    if (part.isFile && type.isEmpty()) {
        const QString guessed = RequestBody::fileContentType(path);
        if (guessed != curlGuessedType(path))
            type = guessed;
    }
    if (const QString typeError = HttpValidation::headerValueError(type); !typeError.isEmpty()) {
        *error = QCoreApplication::translate("Postern::CurlCommand",
                                             "The content type of the form-data field “%1”: %2")
                     .arg(field, typeError);
        return QString();
    }
    QString value
        = part.key + u'=' + (part.isFile ? QString(u'@' + formQuoted(path)) : formQuoted(part.value));
    if (!type.isEmpty())
        value += isPlainType(type) ? u";type="_s + type
                                   : u";headers="_s + formQuoted(u"Content-Type: "_s + type);
    return u"-F "_s + ShellWords::singleQuote(value);
}

// The body as curl options: --data-raw or printf for raw bytes, --data-urlencode per field, -F per
// part, --data-binary @file, the GraphQL JSON as --data-raw. *prefix gets a printf pipe when needed;
// *error says why the body cannot be written (then the options are empty).
QStringList bodyOptions(const HttpRequest &request, QString *prefix, QString *error)
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
                              : QJsonDocument(QJsonObject { { u"query"_s, request.graphqlQuery } })
                                    .toJson(QJsonDocument::Compact);
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
                               + ShellWords::singleQuote(
                                   u'=' + QString::fromLatin1(FormUrlEncoded::encodeComponent(field.value))));
            else
                options.append(
                    u"--data-urlencode "_s
                    + ShellWords::singleQuote(QString::fromLatin1(FormUrlEncoded::encodeComponent(field.key))
                                              + u'=' + field.value));
        }
        break;
    case BodyMode::FormData:
        for (const FormPart &part : request.formParts) {
            if (!part.enabled || (part.key.isEmpty() && part.value.isEmpty()))
                continue;
            const QString option = formOption(request, part, error);
            if (option.isEmpty())
                return QStringList();
            options.append(option);
        }
        break;
    case BodyMode::Binary: {
        // "@-" would read standard input.
        const QString path = commandPath(request, request.bodyFile);
        options.append(u"--data-binary "_s
                       + ShellWords::singleQuote(u'@' + (path == u"-"_s ? u"./-"_s : path)));
        break;
    }
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

QString toCurl(const HttpRequest &request, Secrets secrets, QString *error)
{
    const bool includeSecrets = secrets == Secrets::Include;
    const QString method = request.method.trimmed().isEmpty() ? u"GET"_s : request.method.trimmed();
    const bool sendsBody = HttpRequest::methodCarriesBody(method) && RequestBody::hasContent(request);
    // curl -F writes its own multipart Content-Type with the boundary it chooses.
    const QString placeholderType
        = request.bodyMode == BodyMode::FormData ? RequestBody::automaticContentType(request) : QString();
    const QString url = includeSecrets ? request.effectiveUrl() : maskedUrl(request.effectiveUrl());

    QString prefix;
    QString command = u"curl"_s;
    if (method == u"HEAD"_s)
        command += u" --head"_s;
    else if (method != u"GET"_s && !(method == u"POST"_s && sendsBody))
        command += u" -X "_s + ShellWords::quote(method);
    // curl takes a word that starts with '-' for an option, whatever its quotes: such a URL needs --url.
    command += (url.startsWith(u'-') ? u" --url "_s : u" "_s) + ShellWords::singleQuote(url);

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
    if (sendsBody) {
        QString bodyError;
        const QStringList options = bodyOptions(request, &prefix, &bodyError);
        if (!bodyError.isEmpty()) {
            if (error)
                *error = bodyError;
            return QString();
        }
        parts += options;
    }
    if (!request.verifyTls)
        parts.append(u"-k"_s);
    if (request.followRedirects)
        parts.append(u"-L"_s);
    if (request.timeoutMs >= 0 && request.timeoutMs != HttpRequest().timeoutMs)
        parts.append(u"--max-time "_s + seconds(request.timeoutMs));
    return prefix + parts.join(u" \\\n  "_s);
}

} // namespace Postern::CurlCommand
