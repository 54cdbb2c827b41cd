#include "curlcommand.h"
#include "shellwords.h"

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
    const bool sendsBody = HttpRequest::methodCarriesBody(method) && !request.body.isEmpty();
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
        const QString text = QString::fromUtf8(request.body);
        if (!request.body.contains('\0') && text.toUtf8() == request.body) {
            parts.append(u"--data-raw "_s + ShellWords::singleQuote(text));
        } else {
            prefix = u"printf "_s + ShellWords::singleQuote(printfFormat(request.body)) + u" | "_s;
            parts.append(u"--data-binary @-"_s);
        }
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
