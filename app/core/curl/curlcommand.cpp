#include "curl/curlcommand.h"

#include "base/formurlencoded.h"
#include "base/httpvalidation.h"
#include "curl/curlimporter_p.h"
#include "curl/shellwords.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Postern::CurlCommand {

namespace Detail {

using CurlOptions::Action;
using CurlOptions::findLong;
using CurlOptions::findShort;

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

CurlImport Importer::run(const QString &commandLine)
{
    if (commandLine.size() > MaxCommandLength) {
        fail(tr("The command is longer than %1 MiB; Postern does not import commands this long.")
                 .arg(MaxCommandLength / (1024 * 1024)));
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
        fail(tr("There is nothing to import: paste a curl command."));
        return m_result;
    }
    if (tokens.at(first).kind != ShellWords::Token::Kind::Word || !isCurlName(tokens.at(first).text)) {
        fail(tr("This is not a curl command: it starts with “%1”.").arg(shown(tokens.at(first).text)));
        return m_result;
    }
    if (!split.unexpanded.isEmpty())
        note(tr("The shell would expand %1; Postern keeps it as written.")
                 .arg(split.unexpanded.join(u", "_s)));
    // Every refusal on the way says why (fail()), so an empty error is a request.
    if (!readOptions(tokens, first + 1) || !finish())
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
            return fail(tr("The option %1 needs a value after it.").arg(flag));
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
                    note(tr("%1 would expand curl variables; Postern keeps {{…}} as written.").arg(word));
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
            note(tr("Line %1 does not end with a backslash; the next line was read as part of the command.")
                     .arg(token.line));
            *index = next;
            return true;
        }
        note(tr("Only the first command was imported; the text from line %1 on was ignored.")
                 .arg(following.line));
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
    if (token.text == u"&"_s)
        note(tr("Everything after the shell operator “%1” on line %2 was ignored (an unquoted “&” "
                "ends the command in a shell: put the URL in quotes).")
                 .arg(token.text, QString::number(token.line)));
    else
        note(tr("Everything after the shell operator “%1” on line %2 was ignored.")
                 .arg(token.text, QString::number(token.line)));
    return false;
}

bool Importer::finish()
{
    HttpRequest &request = m_result.request;
    if (m_urls.isEmpty())
        return fail(tr("The command has no URL."));
    if (m_head && m_hasData && !m_get)
        return fail(
            tr("The command asks for both a HEAD request (-I) and a body (-d); curl refuses that too."));
    if (m_hasForm && (m_hasData || m_get || m_head))
        return fail(tr("The command sends form fields (-F) together with %1; curl refuses that too.")
                        .arg(m_hasData   ? tr("data (-d)")
                                 : m_get ? u"-G"_s
                                         : u"-I"_s));
    if (!m_dataFile.isEmpty() && (m_dataPieces > 1 || m_get))
        return fileError(m_dataFileFlag, u'@' + m_dataFile, u'@' + m_dataFile);

    QString url = m_urls.constLast().trimmed();
    if (m_urls.size() > 1)
        note(tr("The command names %1 URLs; Postern imported the last one.").arg(m_urls.size()));
    if (!url.contains(u"://"_s) && !url.startsWith(u"{{"_s)) {
        url.prepend(u"http://"_s);
        note(tr("The URL has no scheme; like curl, Postern uses http://."));
    }
    for (const QString &query : std::as_const(m_urlQuery))
        url = appendQuery(url, query);
    if (m_get && m_hasData)
        url = appendQuery(url, QString::fromUtf8(m_data));
    // curl refuses a URL with a control character in it (a line break inside quotes, a tab, data that -G put
    // into the query): so does Postern, rather than send something else.
    if (std::any_of(url.cbegin(), url.cend(),
                    [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }))
        return fail(
            tr("The URL has a line break, a tab or another control character in it; curl refuses such a "
               "URL too."));
    request.url = url;

    if (!m_method.isEmpty())
        request.method = m_method;
    else if (m_head)
        request.method = u"HEAD"_s;
    else if ((m_hasData && !m_get) || m_hasForm)
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

    finishBody(contentType);

    if (m_auth) {
        request.auth = *m_auth;
        if (m_auth->type == AuthType::Basic && !m_otherAuth.isEmpty())
            note(tr("curl would use %1 authentication; Postern imported the credentials as Basic Auth.")
                     .arg(m_otherAuth));
    } else {
        moveAuthorizationHeader(&headers);
    }
    request.headers = headers;

    if (!m_relativeFiles.isEmpty())
        note(tr("These file paths are relative to the folder curl would run in; check them in the Body tab: "
                "%1.")
                 .arg(m_relativeFiles.text()));
    if (!m_removedHeaders.isEmpty())
        note(tr("curl would leave out these headers it adds by itself; Postern cannot leave out its own, so "
                "they "
                "were skipped: %1.")
                 .arg(m_removedHeaders.text()));
    if (!m_pseudoHeaders.isEmpty())
        note(tr("HTTP/2 pseudo-headers are not headers a request sets; they were skipped: %1.")
                 .arg(m_pseudoHeaders.text()));
    if (!m_noEquivalent.isEmpty())
        note(tr("These options have no equivalent in a Postern request and were ignored: %1.")
                 .arg(m_noEquivalent.text()));
    if (!m_unknown.isEmpty())
        note(tr("Unknown options were ignored: %1.").arg(m_unknown.text()));
    if (!m_redirections.isEmpty())
        note(tr("Shell redirections were ignored: %1.").arg(m_redirections.text()));
    if (m_droppedNotes > 0)
        m_result.notes.append(tr("…and %1 more notes.").arg(m_droppedNotes));
    return true;
}

// The body in the mode that sends the same bytes: form fields, a file, GraphQL, or else the raw data.
void Importer::finishBody(const QString &contentType)
{
    HttpRequest &request = m_result.request;
    if (m_hasForm) {
        request.bodyMode = BodyMode::FormData;
        request.formParts = m_parts;
    } else if (m_hasData && !m_get) {
        const QString type = !contentType.isEmpty() ? bodyTypeFor(contentType)
            : m_json                                ? u"application/json"_s
                                                    : u"application/x-www-form-urlencoded"_s;
        if (!m_dataFile.isEmpty()) {
            request.bodyMode = BodyMode::Binary;
            request.bodyFile = m_dataFile;
            // What curl sends with it: the typed Content-Type, or its default for data.
            request.bodyContentType = contentType.isEmpty() ? type : contentType;
            if (isRelativeFile(m_dataFile))
                m_relativeFiles.add(m_dataFile);
        } else if (const std::optional<KeyValueList> fields = formFields(type); fields) {
            request.bodyMode = BodyMode::UrlEncoded;
            request.formFields = *fields;
        } else if (!graphql(type)) {
            request.body = m_data;
            request.bodyContentType = type;
        }
    } else {
        return;
    }
    if (!HttpRequest::methodCarriesBody(request.method))
        note(tr("Postern sends no body with %1; the data is kept in the Body tab.").arg(request.method));
}

// The data as form fields, when they give back exactly these bytes.
std::optional<KeyValueList> Importer::formFields(const QString &type) const
{
    if (type != u"application/x-www-form-urlencoded"_s || m_data.isEmpty())
        return std::nullopt;
    const FormFields fields = FormUrlEncoded::parse(m_data);
    if (FormUrlEncoded::encode(fields) != m_data)
        return std::nullopt;
    KeyValueList rows;
    for (const FormField &field : fields)
        rows.append({ field.first, field.second, true, {} });
    return rows;
}

// JSON data that is exactly what Postern sends for a GraphQL query becomes one: {"query": …} with an
// optional "variables" object and nothing else.
bool Importer::graphql(const QString &type)
{
    if (type != u"application/json"_s || !m_data.startsWith("{\"query\":"))
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(m_data);
    const QJsonObject object = document.object();
    const QJsonValue query = object.value(u"query"_s);
    const QJsonValue variables = object.value(u"variables"_s);
    if (!query.isString() || object.size() != (object.contains(u"variables"_s) ? 2 : 1)
        || (!variables.isUndefined() && !variables.isObject())
        || document.toJson(QJsonDocument::Compact) != m_data)
        return false;
    HttpRequest &request = m_result.request;
    request.bodyMode = BodyMode::GraphQL;
    request.graphqlQuery = query.toString();
    if (variables.isObject())
        request.graphqlVariables = QString::fromUtf8(QJsonDocument(variables.toObject()).toJson()).trimmed();
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
    note(
        tr("The Authorization header was moved to the Authorization tab (%1).").arg(authTypeName(auth.type)));
}

} // namespace Detail

CurlImport parse(const QString &commandLine)
{
    return Detail::Importer().run(commandLine);
}

} // namespace Postern::CurlCommand
