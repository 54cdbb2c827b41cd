#pragma once

#include "curl/shellwords.h"

#include <QCoreApplication>
#include <QString>

// The word splitter behind ShellWords::split(), shared by shellwords.cpp (words, quotes, expansions)
// and shellansic.cpp ($'…' quoting). Not a public header.
namespace Postern::ShellWords::Detail {

inline constexpr qsizetype MaxUnexpanded = 10;
inline constexpr qsizetype MaxShownExpansion = 60;

inline bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r';
}

inline bool isOperatorStart(QChar c)
{
    return c == u'|' || c == u'&' || c == u';' || c == u'<' || c == u'>' || c == u'(' || c == u')';
}

inline bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

inline bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

inline bool isNameStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_';
}

inline bool isNameChar(QChar c)
{
    return isNameStart(c) || isAsciiDigit(c);
}

inline int hexValue(QChar c)
{
    if (isAsciiDigit(c))
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// One pass over the text; every character is looked at a bounded number of times, so the time
// is linear in the length whatever the input.
class Splitter
{
    Q_DECLARE_TR_FUNCTIONS(Postern::ShellWords)

public:
    explicit Splitter(const QString &text)
        : m_text(QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")))
    {
    }

    SplitResult run();

private:
    QChar at(qsizetype i) const { return i < m_text.size() ? m_text.at(i) : QChar(); }
    bool fail(const QString &error)
    {
        if (m_result.error.isEmpty())
            m_result.error = error;
        return false;
    }
    void startWord();
    void endWord();
    void addOperator(const QString &op);
    void operatorToken();
    bool singleQuoted();
    bool doubleQuoted();
    bool ansiCQuoted();
    bool dollar();
    bool backquoted();
    void keepExpansion(qsizetype from, qsizetype to);
    qsizetype closingParenthesis(qsizetype open) const;

    const QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    SplitResult m_result;
    bool m_inWord = false;
    bool m_wordQuoted = false; // any part of the current word was quoted or escaped
    Token m_word;
};

} // namespace Postern::ShellWords::Detail
