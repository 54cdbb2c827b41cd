#include "curl/shellwords.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// Tokens as one list: words as they are, operators as "op:<text>".
QStringList rendered(const QList<ShellWords::Token> &tokens)
{
    QStringList list;
    for (const ShellWords::Token &token : tokens)
        list.append(token.kind == ShellWords::Token::Kind::Word ? token.text : u"op:"_s + token.text);
    return list;
}

} // namespace

class tst_ShellWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void errors_data();
    void errors();
    void unexpandedIsReported();
    void lineNumbers();
    void quote_data();
    void quote();
    void quoteRoundTrips_data();
    void quoteRoundTrips();
    void hostileInputStaysLinear();
};

void tst_ShellWords::split_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain words") << u"curl -s https://x.example/"_s
                                 << QStringList { u"curl"_s, u"-s"_s, u"https://x.example/"_s };
    QTest::newRow("runs of blanks and tabs") << u"  a \t  b\t"_s << QStringList { u"a"_s, u"b"_s };
    QTest::newRow("empty text") << QString() << QStringList();
    QTest::newRow("single quotes are literal")
        << u"'a $b \\c \"d\"'"_s << QStringList { u"a $b \\c \"d\""_s };
    QTest::newRow("double quote escapes")
        << u"\"q\\\" b\\\\ d\\$ t\\` x\\y\""_s << QStringList { u"q\" b\\ d$ t` x\\y"_s };
    QTest::newRow("single quote inside double quotes") << u"\"it's\""_s << QStringList { u"it's"_s };
    QTest::newRow("backslash outside quotes")
        << u"a\\ b \\'c\\\" \\\\"_s << QStringList { u"a b"_s, u"'c\""_s, u"\\"_s };
    QTest::newRow("continuation between words") << u"a \\\n  b"_s << QStringList { u"a"_s, u"b"_s };
    QTest::newRow("continuation inside a word") << u"ab\\\ncd"_s << QStringList { u"abcd"_s };
    QTest::newRow("continuation inside double quotes") << u"\"ab\\\ncd\""_s << QStringList { u"abcd"_s };
    QTest::newRow("CRLF continuation") << u"a \\\r\n  b\r\n"_s << QStringList { u"a"_s, u"b"_s, u"op:\n"_s };
    QTest::newRow("newline inside single quotes kept") << u"'a\nb'"_s << QStringList { u"a\nb"_s };
    QTest::newRow("trailing backslash") << u"a\\"_s << QStringList { u"a"_s };
    QTest::newRow("ANSI-C escapes") << u"$'a\\nb\\tc\\\\d\\'e\\\"f\\?'"_s
                                    << QStringList { u"a\nb\tc\\d'e\"f?"_s };
    QTest::newRow("ANSI-C hex, octal, unicode")
        << u"$'\\x41\\101\\u00e9\\U0001F600'"_s << QStringList { u"AA\u00e9\U0001F600"_s };
    QTest::newRow("ANSI-C hex bytes read as UTF-8")
        << u"$'caf\\xc3\\xa9'"_s << QStringList { u"caf\u00e9"_s };
    QTest::newRow("ANSI-C control and escape")
        << u"$'\\cA\\e\\E'"_s << QStringList { u"\u0001\u001b\u001b"_s };
    QTest::newRow("ANSI-C unknown escape kept") << u"$'\\q\\x'"_s << QStringList { u"\\q\\x"_s };
    QTest::newRow("locale string read as double quotes") << u"$\"a b\""_s << QStringList { u"a b"_s };
    QTest::newRow("adjacent parts join") << u"'a'\"b\"c$'d'\\ e"_s << QStringList { u"abcd e"_s };
    QTest::newRow("empty quotes make an empty word")
        << u"a '' \"\" b"_s << QStringList { u"a"_s, QString(), QString(), u"b"_s };
    QTest::newRow("comment") << u"a # b c\nd"_s << QStringList { u"a"_s, u"op:\n"_s, u"d"_s };
    QTest::newRow("hash inside a word") << u"a#b"_s << QStringList { u"a#b"_s };
    QTest::newRow("dollar variable kept") << u"Bearer $TOKEN"_s << QStringList { u"Bearer"_s, u"$TOKEN"_s };
    QTest::newRow("braced variable kept") << u"\"${HOST:-x y}/p\""_s << QStringList { u"${HOST:-x y}/p"_s };
    QTest::newRow("command substitution kept")
        << u"a$(cat \"f g\" | tr ')' x)b"_s << QStringList { u"a$(cat \"f g\" | tr ')' x)b"_s };
    QTest::newRow("backquotes kept") << u"`date +%s` x"_s << QStringList { u"`date +%s`"_s, u"x"_s };
    QTest::newRow("lone dollar") << u"$ a$ 5$"_s << QStringList { u"$"_s, u"a$"_s, u"5$"_s };
    QTest::newRow("dollar quote inside double quotes is literal")
        << u"\"$'x'\""_s << QStringList { u"$'x'"_s };
    QTest::newRow("pipe") << u"a|b c"_s << QStringList { u"a"_s, u"op:|"_s, u"b"_s, u"c"_s };
    QTest::newRow("and, or, semicolon")
        << u"a && b || c; d &"_s
        << QStringList { u"a"_s, u"op:&&"_s, u"b"_s, u"op:||"_s, u"c"_s, u"op:;"_s, u"d"_s, u"op:&"_s };
    QTest::newRow("unquoted ampersand in a URL")
        << u"http://x/?a=1&b=2"_s << QStringList { u"http://x/?a=1"_s, u"op:&"_s, u"b=2"_s };
    QTest::newRow("redirections") << u"a >out 2>/dev/null 2>&1 &>x"_s
                                  << QStringList { u"a"_s,     u"op:>"_s,      u"out"_s,
                                                   u"op:2>"_s, u"/dev/null"_s, u"op:2>&"_s,
                                                   u"1"_s,     u"op:&>"_s,     u"x"_s };
    QTest::newRow("quoted digits are not a descriptor")
        << u"'2'>x"_s << QStringList { u"2"_s, u"op:>"_s, u"x"_s };
    QTest::newRow("quoted operators are text")
        << u"'a|b' \"c;d\" e\\&f"_s << QStringList { u"a|b"_s, u"c;d"_s, u"e&f"_s };
    QTest::newRow("blank lines collapse")
        << u"\n\na\n\n\nb\n"_s << QStringList { u"a"_s, u"op:\n"_s, u"b"_s, u"op:\n"_s };
    QTest::newRow("non-ASCII kept") << u"\u00fcber '\u65e5\u672c' \U0001F600"_s
                                    << QStringList { u"\u00fcber"_s, u"\u65e5\u672c"_s, u"\U0001F600"_s };
}

void tst_ShellWords::split()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const ShellWords::SplitResult result = ShellWords::split(text);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(rendered(result.tokens), expected);
}

void tst_ShellWords::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unterminated single quote") << u"a 'b c"_s << u"single quote opened on line 1"_s;
    QTest::newRow("unterminated double quote") << u"a \\\n\"b c"_s << u"double quote opened on line 2"_s;
    QTest::newRow("escaped closing double quote") << u"\"abc\\\""_s << u"double quote"_s;
    QTest::newRow("unterminated ANSI-C quote") << u"$'abc\\'"_s << u"never closed"_s;
    QTest::newRow("unterminated braces") << u"${abc"_s << u"\u201c${\u201d"_s;
    QTest::newRow("unterminated command substitution") << u"$(abc"_s << u"\u201c$(\u201d"_s;
    QTest::newRow("unterminated backquote") << u"`abc"_s << u"backquote"_s;
    QTest::newRow("NUL character") << u"a\u0000b"_s << u"NUL"_s;
    QTest::newRow("NUL from ANSI-C hex") << u"$'a\\x00b'"_s << u"NUL"_s;
    QTest::newRow("NUL from ANSI-C octal") << u"$'\\0'"_s << u"NUL"_s;
}

void tst_ShellWords::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const ShellWords::SplitResult result = ShellWords::split(text);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
}

void tst_ShellWords::unexpandedIsReported()
{
    const ShellWords::SplitResult result
        = ShellWords::split(u"curl -H \"Authorization: Bearer $TOKEN\" $URL/$TOKEN '$NOT' `x`"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.unexpanded, (QStringList { u"$TOKEN"_s, u"$URL"_s, u"`x`"_s }));
}

void tst_ShellWords::lineNumbers()
{
    const ShellWords::SplitResult result = ShellWords::split(u"a 'b\nc' \\\n d\ne"_s);
    QVERIFY(result.ok());
    QCOMPARE(rendered(result.tokens), (QStringList { u"a"_s, u"b\nc"_s, u"d"_s, u"op:\n"_s, u"e"_s }));
    QCOMPARE(result.tokens.at(0).line, 1);
    QCOMPARE(result.tokens.at(1).line, 1);
    QCOMPARE(result.tokens.at(2).line, 3);
    QCOMPARE(result.tokens.at(4).line, 4);
}

void tst_ShellWords::quote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::addColumn<QString>("singleQuoted");

    QTest::newRow("safe") << u"https://x.example/a-b_c.d,e=f%20@g+h"_s
                          << u"https://x.example/a-b_c.d,e=f%20@g+h"_s
                          << u"'https://x.example/a-b_c.d,e=f%20@g+h'"_s;
    QTest::newRow("empty") << QString() << u"''"_s << u"''"_s;
    QTest::newRow("space") << u"a b"_s << u"'a b'"_s << u"'a b'"_s;
    QTest::newRow("quote") << u"it's"_s << u"'it'\\''s'"_s << u"'it'\\''s'"_s;
    QTest::newRow("dollar and ampersand") << u"$x&y"_s << u"'$x&y'"_s << u"'$x&y'"_s;
    QTest::newRow("tilde") << u"~"_s << u"'~'"_s << u"'~'"_s;
}

void tst_ShellWords::quote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QFETCH(QString, singleQuoted);
    QCOMPARE(ShellWords::quote(word), quoted);
    QCOMPARE(ShellWords::singleQuote(word), singleQuoted);
}

void tst_ShellWords::quoteRoundTrips_data()
{
    QTest::addColumn<QString>("word");
    QTest::newRow("quotes") << u"'\"''\"'"_s;
    QTest::newRow("backslashes") << u"\\\\n\\"_s;
    QTest::newRow("expansions") << u"$HOME $(id) `id` ${x}"_s;
    QTest::newRow("operators") << u"a|b&c;d<e>f(g)"_s;
    QTest::newRow("newlines and tabs") << u"a\nb\r\tc\n"_s;
    QTest::newRow("json") << u"{\"name\": \"O'Brien\", \"v\": [1, 2]}"_s;
    QTest::newRow("comment sign") << u"#not a comment"_s;
    QTest::newRow("non-ASCII") << u"\u00e9\u65e5\U0001F600"_s;
}

void tst_ShellWords::quoteRoundTrips()
{
    QFETCH(QString, word);
    for (const QString &quoted : { ShellWords::quote(word), ShellWords::singleQuote(word) }) {
        const ShellWords::SplitResult result = ShellWords::split(u"x "_s + quoted + u" y"_s);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(rendered(result.tokens), (QStringList { u"x"_s, word, u"y"_s }));
    }
}

void tst_ShellWords::hostileInputStaysLinear()
{
    // Long runs that a careless scanner would rescan: opening parentheses, backslashes, quotes.
    const QString parens = u"$"_s + QString(200000, u'(');
    QVERIFY(!ShellWords::split(parens).ok());
    const QString backslashes(400000, u'\\');
    QVERIFY(ShellWords::split(backslashes).ok());
    QString manyWords;
    for (int i = 0; i < 100000; ++i)
        manyWords += u"'a'b\"c\" "_s;
    const ShellWords::SplitResult result = ShellWords::split(manyWords);
    QVERIFY(result.ok());
    QCOMPARE(result.tokens.size(), 100000);
    QCOMPARE(result.tokens.constLast().text, u"abc"_s);
}

QTEST_GUILESS_MAIN(tst_ShellWords)
#include "tst_shellwords.moc"
