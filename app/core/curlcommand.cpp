#include "curlcommand.h"

#include "curloptions.h"
#include "formurlencoded.h"
#include "httpvalidation.h"
#include "shellwords.h"

#include <QSet>

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Postern::CurlCommand {

namespace {

using CurlOptions::Action;
using CurlOptions::findLong;
using CurlOptions::findShort;
using CurlOptions::Option;

bool isCurlName(const QString &word)
{
    const QString name = word.mid(qMax(word.lastIndexOf(u'/'), word.lastIndexOf(u'\\')) + 1);
    return name == u"curl"_s || name.compare(u"curl.exe"_s, Qt::CaseInsensitive) == 0;
}

QString shown(const QString &text)
{
    constexpr qsizetype limit = 80;
    return text.size() > limit ? text.left(limit) + u'\u2026' : text;
}

// The Body tab type for a Content-Type the user gave; a body of a type the tab lacks is text.
QString bodyTypeFor(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    if (type == u"application/json"_s || type.endsWith(u"+json"_s))
        return u"application/json"_s;
    if (type == u"application/xml"_s || type == u"text/xml"_s || type.endsWith(u"+xml"_s))
        return u"application/xml"_s;
    if (type == u"application/x-www-form-urlencoded"_s)
        return type;
    return u"text/plain"_s;
}

// text with query added to the end of its query string, before any fragment.
QString appendQuery(const QString &url, const QString &query)
{
    const qsizetype hash = url.indexOf(u'#');
    const QString base = hash < 0 ? url : url.left(hash);
    const QString fragment = hash < 0 ? QString() : url.mid(hash);
    QString separator = u"?"_s;
    if (base.contains(u'?'))
        separator = base.endsWith(u'?') || base.endsWith(u'&') ? QString() : u"&"_s;
    return base + separator + query + fragment;
}

// A list of names for a note, bounded however many there are.
class NameList
{
public:
    void add(const QString &name)
    {
        if (m_seen.contains(name))
            return;
        m_seen.insert(name);
        if (m_names.size() < Shown)
            m_names.append(shown(name));
        else
            ++m_more;
    }
    bool isEmpty() const { return m_names.isEmpty(); }
    QString text() const
    {
        const QString names = m_names.join(u", "_s);
        return m_more == 0 ? names : u"%1 and %2 more"_s.arg(names).arg(m_more);
    }

private:
    static constexpr qsizetype Shown = 10;
    QStringList m_names;
    QSet<QString> m_seen;
    qsizetype m_more = 0;
};

struct HeaderRow
{
    KeyValue row;
    bool implicit = false; // added by an option (-A, -e, -b, --json): a -H of the same name wins
};

class Importer
{
public:
    CurlImport run(const QString &commandLine);

private:
    bool fail(const QString &error)
    {
        m_result.error = error;
        return false;
    }
    void note(const QString &text);
    bool readOptions(const QList<ShellWords::Token> &tokens, qsizetype first);
    bool handleOperator(const QList<ShellWords::Token> &tokens, qsizetype *index);
    bool apply(const Option &option, const QString &flag, const QString &value, bool negated);
    bool header(const QString &flag, const QString &line);
    void implicitHeader(const QString &name, const QString &value);
    bool fileError(const QString &flag, const QString &value, const QString &source);
    std::optional<QByteArray> urlEncoded(const QString &flag, const QString &value);
    void addData(const QByteArray &piece, bool joinWithAmpersand);
    bool finish();
    void moveAuthorizationHeader(KeyValueList *headers);

    CurlImport m_result;
    QString m_method;
    bool m_head = false;
    bool m_get = false;
    bool m_hasData = false;
    bool m_json = false;
    bool m_stop = false;
    QByteArray m_data;
    QStringList m_urlQuery;
    QStringList m_urls;
    QList<HeaderRow> m_headers;
    QStringList m_cookies;
    std::optional<AuthConfig> m_auth;
    QString m_otherAuth;
    NameList m_unknown;
    NameList m_noEquivalent;
    NameList m_formFields;
    NameList m_removedHeaders;
    NameList m_redirections;
    NameList m_pseudoHeaders;
    qsizetype m_droppedNotes = 0;
};

CurlImport Importer::run(const QString &commandLine)
{
    if (commandLine.size() > MaxCommandLength) {
        fail(u"The command is longer than %1 MiB; Postern does not import commands this long."_s.arg(
            MaxCommandLength / (1024 * 1024)));
        return m_result;
    }
    const ShellWords::SplitResult split = ShellWords::split(commandLine);
    if (!split.ok()) {
        fail(split.error);
        return m_result;
    }
    const QList<ShellWords::Token> &tokens = split.tokens;
    qsizetype first = 0;
    if (!tokens.isEmpty() && tokens.constFirst().text == u"$"_s) // a copied shell prompt
        first = 1;
    if (first >= tokens.size()) {
        fail(u"There is nothing to import: paste a curl command."_s);
        return m_result;
    }
    if (tokens.at(first).kind != ShellWords::Token::Kind::Word || !isCurlName(tokens.at(first).text)) {
        fail(u"This is not a curl command: it starts with \u201c%1\u201d."_s.arg(
            shown(tokens.at(first).text)));
        return m_result;
    }
    if (!split.unexpanded.isEmpty())
        note(
            u"The shell would expand %1; Postern keeps it as written."_s.arg(split.unexpanded.join(u", "_s)));
    if (readOptions(tokens, first + 1) && finish())
        m_result.ok = true;
    if (!m_result.ok)
        m_result.request = HttpRequest();
    return m_result;
}

void Importer::note(const QString &text)
{
    constexpr qsizetype maxNotes = 30;
    if (m_result.notes.contains(text))
        return;
    if (m_result.notes.size() < maxNotes)
        m_result.notes.append(text);
    else
        ++m_droppedNotes;
}

bool Importer::readOptions(const QList<ShellWords::Token> &tokens, qsizetype first)
{
    using Kind = ShellWords::Token::Kind;
    bool optionsEnded = false;
    qsizetype i = first;
    const auto takeValue = [&](const QString &flag, QString *value) {
        if (i >= tokens.size() || tokens.at(i).kind != Kind::Word)
            return fail(u"The option %1 needs a value after it."_s.arg(flag));
        *value = tokens.at(i).text;
        ++i;
        return true;
    };
    while (i < tokens.size() && !m_stop) {
        const ShellWords::Token &token = tokens.at(i);
        if (token.kind == Kind::Operator) {
            if (!handleOperator(tokens, &i))
                break;
            continue;
        }
        const QString word = token.text;
        ++i;
        if (!optionsEnded && word == u"--"_s) {
            optionsEnded = true;
        } else if (word.isEmpty()) {
            continue; // an empty argument ('') carries nothing
        } else if (optionsEnded || !word.startsWith(u'-') || word.size() == 1) {
            m_urls.append(word);
        } else if (word.startsWith(u"--"_s)) {
            QString name = word.mid(2);
            const Option *option = findLong(name);
            bool negated = false;
            if (!option && name.startsWith(u"expand-"_s)) { // curl 8.3: the value may use {{variables}}
                option = findLong(name.mid(7));
                if (option && option->takesValue)
                    note(u"%1 would expand curl variables; Postern keeps {{\u2026}} as written."_s.arg(word));
                else
                    option = nullptr;
            }
            if (!option && name.startsWith(u"no-"_s)) { // --no-location, --no-insecure, …
                option = findLong(name.mid(3));
                negated = option && !option->takesValue;
                if (!negated)
                    option = nullptr;
            }
            if (!option) {
                m_unknown.add(word);
                continue;
            }
            QString value;
            if (option->takesValue && !takeValue(word, &value))
                return false;
            if (!apply(*option, word, value, negated))
                return false;
        } else {
            // A cluster of short options ("-sSL"); one that takes a value takes the rest of the word
            // ("-XPOST") or, when nothing is left, the next word.
            for (qsizetype k = 1; k < word.size() && !m_stop; ++k) {
                const QString flag = u'-' + word.at(k);
                const Option *option = findShort(word.at(k));
                if (!option) {
                    m_unknown.add(flag);
                    continue;
                }
                QString value;
                if (option->takesValue) {
                    if (k + 1 < word.size())
                        value = word.mid(k + 1);
                    else if (!takeValue(flag, &value))
                        return false;
                    k = word.size();
                }
                if (!apply(*option, flag, value, false))
                    return false;
            }
        }
    }
    return true;
}

// At an operator: returns whether reading goes on (index moved past what was consumed).
bool Importer::handleOperator(const QList<ShellWords::Token> &tokens, qsizetype *index)
{
    const ShellWords::Token &token = tokens.at(*index);
    const qsizetype next = *index + 1;
    if (token.text == u"\n"_s) {
        if (next >= tokens.size())
            return false;
        const ShellWords::Token &following = tokens.at(next);
        // A line break without a backslash before it ends the command in a shell; a following line
        // that only holds more options (or the URL still missing) was clearly meant to continue it.
        if (following.kind == ShellWords::Token::Kind::Word && !isCurlName(following.text)
            && (following.text.startsWith(u'-') || m_urls.isEmpty())) {
            note(u"Line %1 does not end with a backslash; the next line was read as part of the command."_s
                     .arg(token.line));
            *index = next;
            return true;
        }
        note(u"Only the first command was imported; the text from line %1 on was ignored."_s.arg(
            following.line));
        return false;
    }
    const bool redirection = token.text.contains(u'<') || token.text.contains(u'>');
    if (redirection && !token.text.contains(u"<<"_s)) {
        QString text = token.text;
        if (next < tokens.size() && tokens.at(next).kind == ShellWords::Token::Kind::Word) {
            text += tokens.at(next).text;
            *index = next + 1;
        } else {
            *index = next;
        }
        m_redirections.add(text);
        return true;
    }
    QString why;
    if (token.text == u"&"_s)
        why = u" (an unquoted \u201c&\u201d ends the command in a shell: put the URL in quotes)"_s;
    note(u"Everything after the shell operator \u201c%1\u201d on line %2 was ignored%3."_s.arg(
        token.text, QString::number(token.line), why));
    return false;
}

bool Importer::apply(const Option &option, const QString &flag, const QString &value, bool negated)
{
    HttpRequest &request = m_result.request;
    switch (option.action) {
    case Action::Request:
        m_method = value.trimmed();
        if (const QString error = HttpValidation::methodError(m_method);
            !m_method.isEmpty() && !error.isEmpty())
            return fail(u"%1 %2: %3"_s.arg(flag, shown(value), error));
        return true;
    case Action::Header:
        return header(flag, value);
    case Action::Data:
    case Action::DataBinary:
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
            note(u"%1 gives no password for \u201c%2\u201d: curl would ask for it; Postern leaves it empty."_s
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
    case Action::Form: {
        const qsizetype eq = value.indexOf(u'=');
        const QString name = eq < 0 ? value : value.left(eq);
        const bool file = QLatin1String(option.longName) == QLatin1String("form") && eq >= 0
            && (value.mid(eq + 1).startsWith(u'@') || value.mid(eq + 1).startsWith(u'<'));
        m_formFields.add(file ? u"%1 (file %2)"_s.arg(name, value.mid(eq + 1)) : name);
        return true;
    }
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
            note(u"--compressed has no effect: Postern always accepts gzip-compressed responses."_s);
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
            note(u"%1 %2 reads cookies from a file, which Postern does not do on import; no cookies from it "
                 u"were imported."_s.arg(flag, shown(value)));
        return true;
    case Action::Range:
        implicitHeader(u"Range"_s, u"bytes="_s + value.trimmed());
        return true;
    case Action::MaxTime: {
        bool ok = false;
        const double seconds = value.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0)
            return fail(u"%1 takes a number of seconds, not \u201c%2\u201d."_s.arg(flag, shown(value)));
        request.timeoutMs = int(std::min(std::round(seconds * 1000.0), double(INT_MAX)));
        return true;
    }
    case Action::ConnectTimeout:
        note(u"%1 was ignored: Postern has one timeout for the whole request (curl's --max-time)."_s.arg(
            flag));
        return true;
    case Action::Netrc:
        note(u"%1 reads credentials from a .netrc file, which Postern does not do on import; enter them in "
             u"the "
             u"Authorization tab."_s.arg(flag));
        return true;
    case Action::ReadsFile:
        return fileError(flag, value, value);
    case Action::Next:
        note(u"The command holds more than one request (%1); only the first was imported."_s.arg(flag));
        m_stop = true;
        return true;
    case Action::Variable:
        note(u"%1 was ignored: Postern does not set curl variables."_s.arg(flag));
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
            return fail(u"The header \u201c%1\u201d has no colon: write it as \u201cName: value\u201d."_s.arg(
                shown(line)));
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
    return fail(u"\u201c%1 %2\u201d reads %3 (%4), which Postern does not do on import: paste the content "
                u"instead."_s.arg(flag, shown(value), standardInput ? u"standard input"_s : u"a file"_s,
                                  shown(source)));
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
}

bool Importer::finish()
{
    HttpRequest &request = m_result.request;
    if (m_urls.isEmpty())
        return fail(u"The command has no URL."_s);
    if (m_head && m_hasData && !m_get)
        return fail(
            u"The command asks for both a HEAD request (-I) and a body (-d); curl refuses that too."_s);

    QString url = m_urls.constLast().trimmed();
    if (m_urls.size() > 1)
        note(u"The command names %1 URLs; Postern imported the last one."_s.arg(m_urls.size()));
    if (!url.contains(u"://"_s) && !url.startsWith(u"{{"_s)) {
        url.prepend(u"http://"_s);
        note(u"The URL has no scheme; like curl, Postern uses http://."_s);
    }
    for (const QString &query : std::as_const(m_urlQuery))
        url = appendQuery(url, query);
    if (m_get && m_hasData)
        url = appendQuery(url, QString::fromUtf8(m_data));
    request.url = url;

    if (!m_method.isEmpty())
        request.method = m_method;
    else if (m_head)
        request.method = u"HEAD"_s;
    else if ((m_hasData && !m_get) || !m_formFields.isEmpty())
        request.method = u"POST"_s;
    else
        request.method = u"GET"_s;

    // A header given with -H wins over one an option adds, as in curl.
    QSet<QString> explicitNames;
    for (const HeaderRow &header : std::as_const(m_headers)) {
        if (!header.implicit)
            explicitNames.insert(header.row.key.toLower());
    }
    const auto addImplicit = [&](const QString &name, const QString &value) {
        m_headers.append({ KeyValue { name, value, true, {} }, true });
    };
    if (!m_cookies.isEmpty())
        addImplicit(u"Cookie"_s, m_cookies.join(u"; "_s));
    if (m_json)
        addImplicit(u"Accept"_s, u"application/json"_s);
    KeyValueList headers;
    QString contentType;
    for (const HeaderRow &header : std::as_const(m_headers)) {
        if (header.implicit && explicitNames.contains(header.row.key.toLower()))
            continue;
        headers.append(header.row);
        if (header.row.key.compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0)
            contentType = header.row.value;
    }

    if (m_hasData && !m_get) {
        request.body = m_data;
        if (!contentType.isEmpty())
            request.bodyContentType = bodyTypeFor(contentType);
        else
            request.bodyContentType = m_json ? u"application/json"_s : u"application/x-www-form-urlencoded"_s;
        if (!HttpRequest::methodCarriesBody(request.method))
            note(u"Postern sends no body with %1; the data is kept in the Body tab."_s.arg(request.method));
    }

    if (m_auth) {
        request.auth = *m_auth;
        if (m_auth->type == AuthType::Basic && !m_otherAuth.isEmpty())
            note(u"curl would use %1 authentication; Postern imported the credentials as Basic Auth."_s.arg(
                m_otherAuth));
    } else {
        moveAuthorizationHeader(&headers);
    }
    request.headers = headers;

    if (!m_formFields.isEmpty())
        note(u"Multipart form fields are not supported yet: %1 (not imported)."_s.arg(m_formFields.text()));
    if (!m_removedHeaders.isEmpty())
        note(u"curl would leave out these headers it adds by itself; Postern cannot leave out its own, so "
             u"they "
             u"were skipped: %1."_s.arg(m_removedHeaders.text()));
    if (!m_pseudoHeaders.isEmpty())
        note(u"HTTP/2 pseudo-headers are not headers a request sets; they were skipped: %1."_s.arg(
            m_pseudoHeaders.text()));
    if (!m_noEquivalent.isEmpty())
        note(u"These options have no equivalent in a Postern request and were ignored: %1."_s.arg(
            m_noEquivalent.text()));
    if (!m_unknown.isEmpty())
        note(u"Unknown options were ignored: %1."_s.arg(m_unknown.text()));
    if (!m_redirections.isEmpty())
        note(u"Shell redirections were ignored: %1."_s.arg(m_redirections.text()));
    if (m_droppedNotes > 0)
        m_result.notes.append(u"\u2026and %1 more notes."_s.arg(m_droppedNotes));
    return true;
}

// A single "Authorization: Basic …" or "Bearer …" header becomes the request's authorization, so
// the credentials show (masked) in the Authorization tab rather than in plain text among the headers.
void Importer::moveAuthorizationHeader(KeyValueList *headers)
{
    qsizetype found = -1;
    for (qsizetype i = 0; i < headers->size(); ++i) {
        if (headers->at(i).key.compare(u"Authorization"_s, Qt::CaseInsensitive) != 0)
            continue;
        if (found >= 0)
            return; // several: keep them as they are
        found = i;
    }
    if (found < 0)
        return;
    const QString value = headers->at(found).value;
    AuthConfig auth;
    if (value.startsWith(u"Basic "_s)) {
        const auto decoded = QByteArray::fromBase64Encoding(value.mid(6).toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        const QString pair = QString::fromUtf8(decoded.decoded);
        const qsizetype colon = pair.indexOf(u':');
        if (!decoded || colon < 0)
            return;
        auth.type = AuthType::Basic;
        auth.username = pair.left(colon);
        auth.password = pair.mid(colon + 1);
    } else if (value.startsWith(u"Bearer "_s)) {
        auth.type = AuthType::Bearer;
        auth.token = value.mid(7);
    } else {
        return;
    }
    const std::optional<KeyValue> generated = auth.header();
    if (!generated || generated->value != value)
        return; // would not send the same bytes
    headers->removeAt(found);
    m_result.request.auth = auth;
    note(u"The Authorization header was moved to the Authorization tab (%1)."_s.arg(authTypeName(auth.type)));
}

} // namespace

CurlImport parse(const QString &commandLine)
{
    return Importer().run(commandLine);
}

} // namespace Postern::CurlCommand
