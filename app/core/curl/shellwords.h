#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Postern {

// Word splitting of a command line as a POSIX shell does it (XCU 2.2 Quoting, 2.3 Token
// Recognition), for commands pasted into Postern. Nothing is run and nothing is expanded:
// parameter, command and arithmetic expansions stay in the word as written and are listed in
// SplitResult::unexpanded, so the caller can say so. "$'…'" (ANSI-C quoting, POSIX.1-2024) is
// decoded. A CR before a LF is dropped, so text copied on Windows splits the same way.
namespace ShellWords {

struct Token
{
    enum class Kind { Word, Operator };

    Kind kind = Kind::Word;
    // A word after quote removal, or an operator: "\n" (end of a line), "|", "||", "&", "&&", ";",
    // "(", ")", or a redirection ("<", ">", ">>", "2>", "&>", "<<", …) with its file descriptor.
    QString text;
    int line = 1; // the line the token starts on, from 1
};

struct SplitResult
{
    QList<Token> tokens;
    QString error; // one sentence when the text cannot be split; tokens are then incomplete
    QStringList unexpanded; // "$TOKEN", "$(cat f)", "`date`", … as written, first ones only, no repeats

    bool ok() const { return error.isEmpty(); }
};

SplitResult split(const QString &text);

// word as a shell reads it back exactly: bare when every character is one no shell treats
// specially, otherwise in single quotes.
QString quote(const QString &word);

// word in single quotes whatever it holds ("it's" -> 'it'\''s').
QString singleQuote(const QString &word);

} // namespace ShellWords
} // namespace Postern
