#include "base/formurlencoded.h"
#include "base/httpvalidation.h"
#include "curl/curlimporter_p.h"

#include <algorithm>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Postern::CurlCommand::Detail {

using CurlOptions::Action;

bool Importer::apply(const Option &option, const QString &flag, const QString &value, bool negated)
{
    HttpRequest &request = m_result.request;
    // These options become header values: a line break in one would add header lines of its own.
    if (option.action == Action::UserAgent || option.action == Action::Referer
        || option.action == Action::Cookie || option.action == Action::Range) {
        if (const QString error = HttpValidation::headerValueError(value); !error.isEmpty())
            return fail(u"%1 \u201c%2\u201d: %3"_s.arg(
                flag, shown(QString(value).replace(u'\r', u"\\r"_s).replace(u'\n', u"\\n"_s)), error));
    }
    switch (option.action) {
    case Action::Request:
        m_method = value.trimmed();
        if (const QString error = HttpValidation::methodError(m_method);
            !m_method.isEmpty() && !error.isEmpty())
            return fail(u"%1 %2: %3"_s.arg(flag, shown(value), error));
        return true;
    case Action::Header:
        return header(flag, value);
    case Action::DataBinary:
        // The file's bytes as they are: a Binary body, when it is the only data (see finish()).
        if (value.startsWith(u'@') && value != u"@-"_s) {
            if (!m_dataFile.isEmpty())
                return fileError(flag, value, value);
            m_dataFile = value.mid(1);
            m_dataFileFlag = flag;
            addData(QByteArray(), true);
            return true;
        }
        Q_FALLTHROUGH();
    case Action::Data:
        if (value.startsWith(u'@'))
            return fileError(flag, value, value);
        addData(value.toUtf8(), true);
        return true;
    case Action::DataRaw:
        addData(value.toUtf8(), true);
        return true;
    case Action::DataUrlencode:
        if (const std::optional<QByteArray> encoded = urlEncoded(flag, value)) {
            addData(*encoded, true);
            return true;
        }
        return false;
    case Action::Json:
        if (value.startsWith(u'@'))
            return fileError(flag, value, value);
        addData(value.toUtf8(), false); // curl joins --json pieces with nothing between them
        m_json = true;
        return true;
    case Action::UrlQuery:
        if (value.startsWith(u'+')) { // taken as written
            m_urlQuery.append(value.mid(1));
        } else if (const std::optional<QByteArray> encoded = urlEncoded(flag, value)) {
            m_urlQuery.append(QString::fromLatin1(*encoded));
        } else {
            return false;
        }
        return true;
    case Action::User: {
        AuthConfig auth;
        auth.type = AuthType::Basic;
        const qsizetype colon = value.indexOf(u':');
        auth.username = colon < 0 ? value : value.left(colon);
        auth.password = colon < 0 ? QString() : value.mid(colon + 1);
        if (colon < 0)
            note(tr("%1 gives no password for “%2”: curl would ask for it; Postern leaves it empty.")
                     .arg(flag, shown(value)));
        m_auth = auth;
        return true;
    }
    case Action::OAuth2Bearer: {
        AuthConfig auth;
        auth.type = AuthType::Bearer;
        auth.token = value.trimmed();
        m_auth = auth;
        return true;
    }
    case Action::OtherAuth:
        m_otherAuth = flag;
        return true;
    case Action::Form:
        return formPart(flag, value, QLatin1String(option.longName) == QLatin1String("form-string"));
    case Action::Url:
        m_urls.append(value);
        return true;
    case Action::Get:
        m_get = !negated;
        return true;
    case Action::Head:
        m_head = !negated;
        return true;
    case Action::Insecure:
        request.verifyTls = negated;
        return true;
    case Action::Location:
        request.followRedirects = !negated;
        return true;
    case Action::Compressed:
        if (!negated)
            note(tr("--compressed has no effect: Postern always accepts gzip-compressed responses."));
        return true;
    case Action::UserAgent:
        implicitHeader(u"User-Agent"_s, value);
        return true;
    case Action::Referer: {
        QString referer = value;
        if (referer.endsWith(u";auto"_s)) // ";auto" only matters when following redirects
            referer.chop(5);
        if (!referer.isEmpty())
            implicitHeader(u"Referer"_s, referer);
        return true;
    }
    case Action::Cookie:
        if (value.contains(u'='))
            m_cookies.append(value.trimmed());
        else
            note(
                tr("%1 %2 reads cookies from a file, which Postern does not do on import; no cookies from it "
                   "were imported.")
                    .arg(flag, shown(value)));
        return true;
    case Action::Range:
        implicitHeader(u"Range"_s, u"bytes="_s + value.trimmed());
        return true;
    case Action::MaxTime: {
        bool ok = false;
        const double seconds = value.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0)
            return fail(tr("%1 takes a number of seconds, not “%2”.").arg(flag, shown(value)));
        request.timeoutMs = int(std::min(std::round(seconds * 1000.0), double(INT_MAX)));
        return true;
    }
    case Action::ConnectTimeout:
        note(tr("%1 was ignored: Postern has one timeout for the whole request (curl's --max-time).")
                 .arg(flag));
        return true;
    case Action::Netrc:
        note(tr("%1 reads credentials from a .netrc file, which Postern does not do on import; enter them in "
                "the "
                "Authorization tab.")
                 .arg(flag));
        return true;
    case Action::ReadsFile:
        return fileError(flag, value, value);
    case Action::Next:
        note(tr("The command holds more than one request (%1); only the first was imported.").arg(flag));
        m_stop = true;
        return true;
    case Action::Variable:
        note(tr("%1 was ignored: Postern does not set curl variables.").arg(flag));
        return true;
    case Action::NoEquivalent:
        m_noEquivalent.add(flag);
        return true;
    case Action::Ignore:
        return true;
    }
    return true;
}

bool Importer::header(const QString &flag, const QString &line)
{
    if (line.startsWith(u'@'))
        return fileError(flag, line, line);
    if (line.startsWith(u':')) { // an HTTP/2 pseudo-header (":authority: …") some browsers copy
        m_pseudoHeaders.add(line.section(u':', 1, 1).prepend(u':').trimmed());
        return true;
    }
    const qsizetype colon = line.indexOf(u':');
    QString name;
    QString value;
    if (colon < 0) {
        // "Name;" sends the header with an empty value.
        const QString trimmed = line.trimmed();
        if (!trimmed.endsWith(u';'))
            return fail(tr("The header “%1” has no colon: write it as “Name: value”.").arg(shown(line)));
        name = trimmed.chopped(1).trimmed();
    } else {
        name = line.left(colon).trimmed();
        value = line.mid(colon + 1).trimmed();
    }
    if (const QString error = HttpValidation::headerNameError(name); !error.isEmpty())
        return fail(u"%1 \u201c%2\u201d: %3"_s.arg(flag, shown(line), error));
    if (const QString error = HttpValidation::headerValueError(value); !error.isEmpty())
        return fail(u"%1 \u201c%2\u201d: %3"_s.arg(flag, shown(name), error));
    if (colon >= 0 && value.isEmpty()) {
        // "Name:" tells curl not to send a header it would add by itself.
        m_removedHeaders.add(name);
        return true;
    }
    m_headers.append({ KeyValue { name, value, true, {} }, false });
    return true;
}

void Importer::implicitHeader(const QString &name, const QString &value)
{
    if (value.trimmed().isEmpty()) {
        m_removedHeaders.add(name); // -A "" removes the header, like "Name:"
        return;
    }
    m_headers.append({ KeyValue { name, value, true, {} }, true });
}

bool Importer::fileError(const QString &flag, const QString &value, const QString &source)
{
    const bool standardInput = source == u"@-"_s || source == u"-"_s;
    return fail(
        tr("“%1 %2” reads %3 (%4), which Postern does not do on import: paste the content "
           "instead.")
            .arg(flag, shown(value), standardInput ? tr("standard input") : tr("a file"), shown(source)));
}

// --data-urlencode and --url-query: "content", "=content", "name=content", "@file", "name@file".
// The name is taken as already encoded, as curl does; the content is form-encoded ('+' for space).
std::optional<QByteArray> Importer::urlEncoded(const QString &flag, const QString &value)
{
    qsizetype split = value.indexOf(u'=');
    if (split < 0)
        split = value.indexOf(u'@');
    if (split >= 0 && value.at(split) == u'@') {
        fileError(flag, value, value.mid(split));
        return std::nullopt;
    }
    const QString name = split < 0 ? QString() : value.left(split);
    const QByteArray content = FormUrlEncoded::encodeComponent(split < 0 ? value : value.mid(split + 1));
    return name.isEmpty() ? content : name.toUtf8() + '=' + content;
}

void Importer::addData(const QByteArray &piece, bool joinWithAmpersand)
{
    if (m_hasData && joinWithAmpersand)
        m_data.append('&');
    m_data.append(piece);
    m_hasData = true;
    ++m_dataPieces;
}

namespace {

// One word of a -F value as curl reads it: a double-quoted string (\\ and \" escaped inside; what
// follows the closing quote up to the next separator is dropped), or the text up to a separator with
// its trailing spaces removed. Leading spaces are skipped.
QString formWord(const QString &text, qsizetype *pos, const QString &separators)
{
    qsizetype p = *pos;
    while (p < text.size() && text.at(p).isSpace())
        ++p;
    if (p < text.size() && text.at(p) == u'"') {
        QString word;
        for (qsizetype q = p + 1; q < text.size(); ++q) {
            const QChar c = text.at(q);
            if (c == u'\\' && q + 1 < text.size() && (text.at(q + 1) == u'\\' || text.at(q + 1) == u'"')) {
                word += text.at(++q);
            } else if (c == u'"') {
                ++q;
                while (q < text.size() && !separators.contains(text.at(q)))
                    ++q;
                *pos = q;
                return word;
            } else {
                word += c;
            }
        }
        // No closing quote: curl reads the word as unquoted.
    }
    qsizetype end = p;
    while (end < text.size() && !separators.contains(text.at(end)))
        ++end;
    *pos = end;
    return text.mid(p, end - p).trimmed();
}

} // namespace

bool isRelativeFile(const QString &path)
{
    return !path.startsWith(u'/') && !path.startsWith(u'~') && !(path.size() > 2 && path.at(1) == u':');
}

// -F and --form-string (curl(1), "-F, --form"): "name=content", "name=@file", "name=<file", each
// with ";type=", ";filename=", ";headers=" or ";encoder=" after it; --form-string takes the content
// literally.
bool Importer::formPart(const QString &flag, const QString &value, bool literal)
{
    const qsizetype eq = value.indexOf(u'=');
    if (eq < 0)
        return fail(
            tr("%1 “%2” has no “=”: write it as name=content or name=@file.").arg(flag, shown(value)));
    m_hasForm = true;
    const QString name = value.left(eq);
    const QString content = value.mid(eq + 1);
    if (literal) {
        m_parts.append({ name, content, false, QString(), true, QString() });
        return true;
    }
    if (content.startsWith(u'(') || (name.isEmpty() && content == u")"_s)) {
        note(tr("%1 “%2”: nested multipart parts are not supported; the field was left out.")
                 .arg(flag, shown(value)));
        return true;
    }
    const bool file = content.startsWith(u'@');
    const bool contentFromFile = content.startsWith(u'<');
    qsizetype pos = file || contentFromFile ? 1 : 0;
    const QString separators = file ? u";,"_s : u";"_s;
    const QString data = formWord(content, &pos, separators);
    QString type;
    QString filename;
    bool typeOpen = false; // curl adds the parameters after ";type=x/y" to the type
    while (pos < content.size() && content.at(pos) == u';') {
        ++pos;
        const qsizetype segment = pos;
        while (pos < content.size() && content.at(pos).isSpace())
            ++pos;
        const QString rest = content.mid(pos);
        if (!typeOpen && rest.startsWith(u"type="_s, Qt::CaseInsensitive)) {
            pos += 5;
            type = formWord(content, &pos, separators);
            typeOpen = true;
        } else if (rest.startsWith(u"filename="_s, Qt::CaseInsensitive)) {
            pos += 9;
            filename = formWord(content, &pos, separators);
            typeOpen = false;
        } else if (rest.startsWith(u"headers="_s, Qt::CaseInsensitive)
                   || rest.startsWith(u"encoder="_s, Qt::CaseInsensitive)) {
            const QString option = rest.left(rest.indexOf(u'='));
            pos += option.size() + 1;
            typeOpen = false;
            const bool fromFile
                = pos < content.size() && (content.at(pos) == u'@' || content.at(pos) == u'<');
            const QString word = formWord(content, &pos, separators);
            // A quoted "Content-Type: …" header is how a type that ";type=" cannot hold is written.
            if (option.compare(u"headers"_s, Qt::CaseInsensitive) == 0 && !fromFile
                && word.startsWith(u"Content-Type:"_s, Qt::CaseInsensitive))
                type = word.mid(13).trimmed();
            else
                note(tr("%1 “%2”: Postern cannot set a part's %3; it was ignored.")
                         .arg(flag, shown(value), option));
        } else if (typeOpen) {
            qsizetype end = pos;
            while (end < content.size() && !separators.contains(content.at(end)))
                ++end;
            type = QString(type + u';' + content.mid(segment, end - segment)).trimmed();
            pos = end;
        } else {
            formWord(content, &pos, separators); // curl skips what it does not know, too
        }
    }
    if (file && pos < content.size() && content.at(pos) == u',') {
        note(tr("%1 “%2”: several files in one field are not supported; the field was left out.")
                 .arg(flag, shown(value)));
        return true;
    }
    if (contentFromFile) {
        note(
            tr("%1 “%2”: curl would send the content of %3 as text, which Postern cannot; the field was left "
               "out.")
                .arg(flag, shown(value), shown(data)));
        return true;
    }
    if (file) {
        if (data == u"-"_s)
            return fileError(flag, value, u"@-"_s);
        if (!filename.isEmpty() && filename != data.section(u'/', -1))
            note(tr("%1 “%2”: Postern sends the file under its own name, not “%3”.")
                     .arg(flag, shown(value), shown(filename)));
        if (isRelativeFile(data))
            m_relativeFiles.add(data);
        m_parts.append({ name, data, true, type, true, QString() });
        return true;
    }
    if (!filename.isEmpty())
        note(tr("%1 “%2”: Postern cannot give a text field a file name; it was left out.")
                 .arg(flag, shown(value)));
    m_parts.append({ name, data, false, type, true, QString() });
    return true;
}

} // namespace Postern::CurlCommand::Detail
