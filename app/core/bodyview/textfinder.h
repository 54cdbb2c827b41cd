#pragma once

#include "bodyview/linesource.h"

#include <QList>
#include <QRegularExpression>
#include <QStringMatcher>

#include <atomic>

namespace Postern {

struct FindOptions
{
    QString text;
    bool caseSensitive = false;
    bool wholeWord = false;
    bool regex = false;
};

// A match: where it is in a source's lineText(), in UTF-16 units.
struct FindMatch
{
    qsizetype line = 0;
    qsizetype column = 0;
    qsizetype length = 0;

    friend bool operator==(const FindMatch &a, const FindMatch &b)
    {
        return a.line == b.line && a.column == b.column && a.length == b.length;
    }
};

// Finds text in the lines of a source: plain or a regular expression (PCRE, as QRegularExpression
// reads it), with or without case, whole words only. Matches do not overlap and never span lines;
// an empty match (a regex such as "^") is not a match.
class TextFinder
{
public:
    struct Result
    {
        QList<FindMatch> matches; // in order; at most the cap given to findAll()
        qsizetype total = 0; // all matches, also those past the cap
        bool canceled = false;
    };

    explicit TextFinder(const FindOptions &options);

    bool isEmpty() const { return m_options.text.isEmpty(); }
    bool isValid() const { return m_errorString.isEmpty(); }
    // Why the regular expression is not valid ("missing closing parenthesis at 3").
    QString errorString() const { return m_errorString; }

    // Appends the matches in one line of text.
    void findInLine(const QString &text, qsizetype line, QList<FindMatch> *matches) const;
    // Every match in the source, line by line; a set cancel flag stops it (canceled is then true).
    Result findAll(const LineSource &source, const std::atomic_bool *cancel = nullptr,
                   qsizetype cap = 1000000) const;

private:
    FindOptions m_options;
    bool m_plain = true;
    QStringMatcher m_matcher;
    QRegularExpression m_expression;
    QString m_errorString;
};

} // namespace Postern
