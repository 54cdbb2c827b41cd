#pragma once

// The parts of curl import shared by curlcommand.cpp (reading the command) and curlimportoptions.cpp
// (what each option does). Not a public header.

#include "curl/curlcommand.h"
#include "curl/curloptions_p.h"
#include "curl/shellwords.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

#include <optional>

namespace Postern::CurlCommand::Detail {

using CurlOptions::Option;

bool isCurlName(const QString &word);
QString shown(const QString &text);
// The Body tab type for a Content-Type the user gave; a body of a type the tab lacks is text.
QString bodyTypeFor(const QString &contentType);
// Whether a path is relative to the folder curl runs in.
bool isRelativeFile(const QString &path);
// text with query added to the end of its query string, before any fragment.
QString appendQuery(const QString &url, const QString &query);

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
        const QString names = m_names.join(QStringLiteral(", "));
        return m_more == 0 ? names : QStringLiteral("%1 and %2 more").arg(names).arg(m_more);
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

// Reads one curl command into a request: the words, then what each option does, then the checks.
class Importer
{
    Q_DECLARE_TR_FUNCTIONS(Postern::CurlCommand)

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
    bool formPart(const QString &flag, const QString &value, bool literal);
    bool finish();
    void finishBody(const QString &contentType);
    std::optional<KeyValueList> formFields(const QString &type) const;
    bool graphql(const QString &type);
    void moveAuthorizationHeader(KeyValueList *headers);

    CurlImport m_result;
    QString m_method;
    bool m_head = false;
    bool m_get = false;
    bool m_hasData = false;
    bool m_json = false;
    bool m_stop = false;
    QByteArray m_data;
    int m_dataPieces = 0;
    QString m_dataFile; // --data-binary @file, the one piece of data
    QString m_dataFileFlag;
    bool m_hasForm = false;
    QList<FormPart> m_parts;
    QStringList m_urlQuery;
    QStringList m_urls;
    QList<HeaderRow> m_headers;
    QStringList m_cookies;
    std::optional<AuthConfig> m_auth;
    QString m_otherAuth;
    NameList m_unknown;
    NameList m_noEquivalent;
    NameList m_relativeFiles;
    NameList m_removedHeaders;
    NameList m_redirections;
    NameList m_pseudoHeaders;
    qsizetype m_droppedNotes = 0;
};

} // namespace Postern::CurlCommand::Detail
