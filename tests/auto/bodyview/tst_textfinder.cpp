#include "bodyview/jsonindex.h"
#include "bodyview/rawlines.h"
#include "bodyview/textfinder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

using Matches = QList<FindMatch>;

class tst_TextFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inLine_data();
    void inLine();
    void invalidRegex();
    void acrossLinesOfAPrettyBody();
    void capKeepsCounting();
    void cancel();
};

void tst_TextFinder::inLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QList<qsizetype>>("columns");

    const QString line = u"  \"sys_id\": \"ID-7\", \"id\": \"Id\""_s;
    QTest::newRow("plain, any case") << line << u"id"_s << false << false << false
                                     << QList<qsizetype> { 7, 13, 21, 27 };
    QTest::newRow("plain, case") << line << u"id"_s << true << false << false << QList<qsizetype> { 7, 21 };
    QTest::newRow("whole word, any case")
        << line << u"id"_s << false << true << false << QList<qsizetype> { 13, 21, 27 };
    QTest::newRow("whole word, case") << line << u"Id"_s << true << true << false << QList<qsizetype> { 27 };
    QTest::newRow("whole word that ends in a symbol")
        << u"a-b a- -a-"_s << u"a-"_s << true << true << false << QList<qsizetype> { 4, 8 };
    QTest::newRow("regex") << line << uR"(ID-\d)"_s << true << false << true << QList<qsizetype> { 13 };
    QTest::newRow("regex, any case") << line << u"i[d]"_s << false << false << true
                                     << QList<qsizetype> { 7, 13, 21, 27 };
    QTest::newRow("plain text with regex characters")
        << u"a.b axb"_s << u"a.b"_s << true << false << false << QList<qsizetype> { 0 };
    QTest::newRow("matches do not overlap")
        << u"aaaaa"_s << u"aa"_s << true << false << false << QList<qsizetype> { 0, 2 };
    QTest::newRow("empty regex matches are skipped")
        << u"abc"_s << u"x*"_s << true << false << true << QList<qsizetype> {};
    QTest::newRow("non-ASCII, any case")
        << u"Zürich ZÜRICH"_s << u"zürich"_s << false << false << false << QList<qsizetype> { 0, 7 };
    QTest::newRow("empty pattern") << line << QString() << false << false << false << QList<qsizetype> {};
}

void tst_TextFinder::inLine()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWord);
    QFETCH(bool, regex);
    QFETCH(QList<qsizetype>, columns);

    const TextFinder finder({ pattern, caseSensitive, wholeWord, regex });
    QVERIFY(finder.isValid());
    Matches matches;
    finder.findInLine(text, 3, &matches);
    QList<qsizetype> found;
    for (const FindMatch &match : matches) {
        QCOMPARE(match.line, 3);
        QVERIFY(text.mid(match.column, match.length)
                    .compare(regex ? text.mid(match.column, match.length) : pattern, Qt::CaseInsensitive)
                == 0);
        found << match.column;
    }
    QCOMPARE(found, columns);
}

void tst_TextFinder::invalidRegex()
{
    const TextFinder finder({ u"(unclosed"_s, false, false, true });
    QVERIFY(!finder.isValid());
    QVERIFY2(finder.errorString().contains(u"parenthesis"_s), qPrintable(finder.errorString()));
    const RawLines lines("(unclosed"_ba);
    QCOMPARE(finder.findAll(lines).total, 0);
    QVERIFY(TextFinder({ u"(unclosed"_s, false, false, false }).isValid()); // plain text: no pattern at all
}

void tst_TextFinder::acrossLinesOfAPrettyBody()
{
    // What is searched is what is shown: the pretty lines, "key": value with the space.
    const JsonIndex index(R"({"result":[{"number":"INC1"},{"number":"INC2","n":"INC3"}]})"_ba);
    QVERIFY(index.ok());
    const TextFinder::Result result = TextFinder({ u"\"number\": \"INC"_s }).findAll(index);
    QCOMPARE(result.total, 2);
    QCOMPARE(result.matches, (Matches { { 3, 6, 14 }, { 6, 6, 14 } }));
    QCOMPARE(index.lineText(6).mid(6, 14), u"\"number\": \"INC"_s);
}

void tst_TextFinder::capKeepsCounting()
{
    const RawLines lines(QByteArray(1000, 'a') + "\n" + QByteArray(1000, 'a'));
    const TextFinder::Result result = TextFinder({ u"a"_s }).findAll(lines, nullptr, 1500);
    QCOMPARE(result.total, 2000);
    QCOMPARE(result.matches.size(), 1500);
    QCOMPARE(result.matches.last(), (FindMatch { 1, 499, 1 }));
}

void tst_TextFinder::cancel()
{
    std::atomic_bool cancel = true;
    const RawLines lines(QByteArray(100000, '\n'));
    const TextFinder::Result result = TextFinder({ u"x"_s }).findAll(lines, &cancel);
    QVERIFY(result.canceled);
    QVERIFY(result.matches.isEmpty());
}

QTEST_GUILESS_MAIN(tst_TextFinder)
#include "tst_textfinder.moc"
