#include "bodyview/bodyindex.h"
#include "bodyview/bodytext.h"
#include "bodyview/rawlines.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_RawLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lines_data();
    void lines();
    void longLinesAreCutAtCharacterBoundaries();
    void copyGivesTheBytes();
    void cancel();
    void charsetOf_data();
    void charsetOf();
    void decode_data();
    void decode();
    void bodyIndexInItsCharset();
    void bodyIndexOfEachKind_data();
    void bodyIndexOfEachKind();
    void bodyIndexSaysWhatIsWrong();
};

void tst_RawLines::lines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty") << QByteArray() << QStringList { QString() };
    QTest::newRow("one line") << "abc"_ba << QStringList { u"abc"_s };
    QTest::newRow("LF") << "a\nb"_ba << QStringList { u"a"_s, u"b"_s };
    QTest::newRow("CRLF, final break") << "a\r\nb\r\n"_ba << QStringList { u"a"_s, u"b"_s, QString() };
    QTest::newRow("lone CR stays visible") << "a\rb"_ba << QStringList { u"a\u240Db"_s };
    QTest::newRow("tabs to the next fourth column")
        << "a\tb\t\tc\td"_ba << QStringList { u"a   b       c   d"_s };
    QTest::newRow("NUL and escape shown as symbols")
        << QByteArray("x\0y\x1b\x7f", 5) << QStringList { u"x\u2400y\u241B\u2421"_s };
    QTest::newRow("invalid UTF-8") << "caf\xe9\n\xff"_ba << QStringList { u"caf\uFFFD"_s, u"\uFFFD"_s };
    QTest::newRow("UTF-8") << "Z\xc3\xbcrich"_ba << QStringList { u"Zürich"_s };
}

void tst_RawLines::lines()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    const RawLines lines(input);
    QCOMPARE(lines.lineCount(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(lines.lineText(i), expected.at(i));
        QVERIFY(!lines.isContinuation(i));
        QVERIFY(lines.widthHint() >= expected.at(i).size());
    }
}

void tst_RawLines::longLinesAreCutAtCharacterBoundaries()
{
    // 4095 bytes, then a two-byte character that would straddle the cut, then more.
    const QByteArray input = QByteArray(4095, 'a') + "\xc3\xa9" + QByteArray(5000, 'b') + "\nend";
    const RawLines lines(input);
    QCOMPARE(lines.lineCount(), 4);
    QCOMPARE(lines.lineBytes(0), QByteArray(4095, 'a'));
    QVERIFY(lines.isContinuation(1));
    QCOMPARE(lines.lineText(1), u"é"_s + QString(4094, u'b'));
    QVERIFY(lines.isContinuation(2));
    QCOMPARE(lines.lineBytes(2), QByteArray(906, 'b'));
    QVERIFY(!lines.isContinuation(3));
    QCOMPARE(lines.lineText(3), u"end"_s);
    QCOMPARE(lines.widthHint(), RawLines::MaxSegment);

    // A minified 40 MB body is ten thousand short lines, not one.
    const RawLines big(QByteArray(40 * 1024 * 1024, '{'));
    QCOMPARE(big.lineCount(), 40 * 1024 * 1024 / RawLines::MaxSegment);
}

void tst_RawLines::copyGivesTheBytes()
{
    const RawLines lines("one\r\ntwo\x01\nthree"_ba);
    QCOMPARE(lines.copyText(0, 1), u"one\r\ntwo\x01"_s);
    QCOMPARE(lines.copyText(1, 2), u"two\x01\nthree"_s);
    QCOMPARE(lines.copyText(2, 99), u"three"_s);
    QCOMPARE(lines.copyText(2, 1), QString());
}

void tst_RawLines::cancel()
{
    std::atomic_bool cancel = true;
    const RawLines lines(QByteArray(1024 * 1024, '\n'), &cancel);
    QVERIFY(lines.canceled());
    QCOMPARE(lines.lineCount(), 0);
}

void tst_RawLines::charsetOf_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("charset");
    QTest::newRow("none") << "application/json"_ba << QByteArray();
    QTest::newRow("plain") << "text/html; charset=ISO-8859-1"_ba
                           << "iso-8859-1"_ba;
    QTest::newRow("quoted, other parameters") << "text/plain;format=flowed; Charset=\"windows-1252\""_ba
                                              << "windows-1252"_ba;
    QTest::newRow("no value") << "text/plain; charset"_ba << QByteArray();
}

void tst_RawLines::charsetOf()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, charset);
    QCOMPARE(BodyText::charsetOf(contentType), charset);
}

void tst_RawLines::decode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("noted");

    QTest::newRow("utf-8 shared as is") << "caf\xc3\xa9"_ba
                                        << "text/plain; charset=utf-8"_ba << u"café"_s << false;
    QTest::newRow("latin-1") << "caf\xe9"_ba
                             << "text/plain; charset=iso-8859-1"_ba << u"café"_s << false;
    QTest::newRow("windows-1252 quotes")
        << "\x93hi\x94"_ba
        << "text/plain; charset=windows-1252"_ba << u"\u201chi\u201d"_s << false;
    QTest::newRow("utf-16 by its BOM") << "\xff\xfeh\0i\0"_ba
                                       << "text/plain"_ba << u"hi"_s << false;
    QTest::newRow("unknown charset") << "abc"_ba
                                     << "text/plain; charset=x-klingon"_ba << u"abc"_s << true;
}

void tst_RawLines::decode()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, text);
    QFETCH(bool, noted);
    const BodyText decoded = BodyText::decode(body, contentType);
    QCOMPARE(QString::fromUtf8(decoded.utf8), text);
    QCOMPARE(!decoded.note.isEmpty(), noted);
}

void tst_RawLines::bodyIndexInItsCharset()
{
    // A Latin-1 JSON answer: both indexes read it as the server meant.
    const BodyIndex index
        = BodyIndex::build("{\"city\":\"Z\xfcrich\"}"_ba, "application/json; charset=iso-8859-1");
    QCOMPARE(index.kind, BodyKind::Json);
    QVERIFY(index.raw && index.json && index.pretty);
    QVERIFY(index.json->ok());
    QCOMPARE(index.pretty->lineText(1), u"  \"city\": \"Zürich\""_s);
    QCOMPARE(index.raw->lineText(0), u"{\"city\":\"Zürich\"}"_s);
    QVERIFY(!BodyIndex::build("abc"_ba, "text/plain").pretty);
    std::atomic_bool cancel = true;
    const BodyIndex canceled = BodyIndex::build(QByteArray(1024 * 1024, '\n'), QByteArray(), &cancel);
    QVERIFY(canceled.raw->canceled());
    QVERIFY(!canceled.pretty);
}

void tst_RawLines::bodyIndexOfEachKind_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<BodyKind>("kind");
    QTest::addColumn<QStringList>("pretty"); // empty: none
    QTest::addColumn<QString>("error"); // the start of prettyError
    QTest::newRow("JSON") << "[1,{}]"_ba
                          << "application/json"_ba << BodyKind::Json
                          << QStringList { u"["_s, u"  1,"_s, u"  {}"_s, u"]"_s } << QString();
    QTest::newRow("JSON sniffed") << " {\"a\":1}"_ba << QByteArray() << BodyKind::Json
                                  << QStringList { u"{"_s, u"  \"a\": 1"_s, u"}"_s } << QString();
    QTest::newRow("JSON, broken") << "{\"a\":}"_ba
                                  << "application/json"_ba << BodyKind::Json << QStringList()
                                  << u"Unexpected '}'"_s;
    QTest::newRow("XML") << "<r><a x='1'>t</a><b/></r>"_ba
                         << "application/xml"_ba << BodyKind::Xml
                         << QStringList { u"<r>"_s, u"  <a x='1'>t</a>"_s, u"  <b/>"_s, u"</r>"_s }
                         << QString();
    QTest::newRow("XML, broken") << "<r><a></r>"_ba
                                 << "text/xml"_ba << BodyKind::Xml << QStringList()
                                 << u"End tag </r> where </a> was expected at line 1, column 7"_s;
    QTest::newRow("HTML") << "<ul><li>one<li>two</ul>"_ba
                          << "text/html; charset=utf-8"_ba << BodyKind::Html
                          << QStringList { u"<ul>"_s, u"  <li>one"_s, u"  <li>two"_s, u"</ul>"_s }
                          << QString();
    QTest::newRow("text") << "plain"_ba
                          << "text/plain"_ba << BodyKind::Text << QStringList() << QString();
    QTest::newRow("binary") << QByteArray("\x00\x01\x02", 3) << "application/octet-stream"_ba
                            << BodyKind::Binary << QStringList() << QString();
}

void tst_RawLines::bodyIndexOfEachKind()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(BodyKind, kind);
    QFETCH(QStringList, pretty);
    QFETCH(QString, error);
    const BodyIndex index = BodyIndex::build(body, contentType);
    QCOMPARE(index.kind, kind);
    QVERIFY(index.raw);
    QCOMPARE(bool(index.pretty), !pretty.isEmpty());
    QStringList lines;
    for (qsizetype line = 0; index.pretty && line < index.pretty->lineCount(); ++line)
        lines << index.pretty->lineText(line);
    QCOMPARE(lines, pretty);
    QVERIFY2(index.prettyError.startsWith(error), qPrintable(index.prettyError));
    QCOMPARE(index.prettyError.isEmpty(), error.isEmpty());
}

void tst_RawLines::bodyIndexSaysWhatIsWrong()
{
    // Labelled JSON or XML but not: said. Taken for JSON only by its first bytes: nothing said.
    QCOMPARE(
        BodyIndex::build("{\"a\":}"_ba, "application/problem+json; charset=utf-8").note,
        u"The body is labelled application/problem+json but is not valid JSON (Unexpected '}' at line 1, "
        "column 6). It is shown raw."_s);
    QVERIFY(BodyIndex::build("<a><b></a>"_ba, "text/xml")
                .note.startsWith(u"The body is labelled text/xml but is not valid XML ("_s));
    QCOMPARE(BodyIndex::build("{\"a\":}"_ba, QByteArray()).note, QString());
    QCOMPARE(BodyIndex::build("{\"a\":1}"_ba, "application/json").note, QString());
    // With a charset note too: both.
    const QString both = BodyIndex::build("{\"a\":}"_ba, "application/json; charset=x-unknown").note;
    QVERIFY2(both.contains(u"x-unknown"_s) && both.contains(u"not valid JSON"_s), qPrintable(both));
}

QTEST_GUILESS_MAIN(tst_RawLines)
#include "tst_rawlines.moc"
