#include "bodyview/jsonindex.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QByteArray allLines(const JsonIndex &index)
{
    QByteArray text;
    for (qsizetype line = 0; line < index.lineCount(); ++line) {
        if (line > 0)
            text += '\n';
        index.appendLine(line, &text);
    }
    return text;
}

// A ServiceNow-shaped page with what jq writes back unchanged: keys in a server's order, nested
// objects and arrays, empty ones, literals, integers and decimals, escapes jq keeps, UTF-8.
QByteArray incidentPage(int records)
{
    // Plain literals: moc's reader stumbles over some raw ones.
    QByteArray page = "{\"result\":[";
    for (int i = 0; i < records; ++i) {
        if (i > 0)
            page += ',';
        page += "{\"sys_id\":\"a" + QByteArray::number(i) + "\",\"number\":\"INC"
            + QByteArray::number(10000 + i) + "\",\"short_description\":\"Printer on floor "
            + QByteArray::number(i % 7) + " says \\\"jam\\\"\\nagain\",\"priority\":"
            + QByteArray::number(i % 5 + 1) + ",\"active\":" + (i % 3 ? "true" : "false")
            + ",\"caller_id\":{\"link\":\"https://dev.service-now.com/api/now/table/sys_user/"
              "6816\",\"value\":\"6816\"},"
            + "\"location\":\"Z\xc3\xbcrich, \xe6\x9d\xb1\xe4\xba\xac\",\"work_notes\":[],\"attachments\":{},"
            + "\"parent\":null,\"score\":-12.75,"
            + "\"tags\":[\"a\",[\"b\",[]],{\"deep\":{\"deeper\":[1,2,3]}}]}";
    }
    page += "],\"total\":" + QByteArray::number(records) + "}";
    return page;
}

} // namespace

class tst_JsonIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesAndDepths();
    void sameAsJq_data();
    void sameAsJq();
    void widthHintCoversEveryLine();
    void hostile_data();
    void hostile();
    void deepNesting();
    void hugeString();
    void invalidUtf8InAString();
    void numberOfManyDigits();
    void cancel();
};

void tst_JsonIndex::linesAndDepths()
{
    const JsonIndex index(R"( {"a" : [1, {}], "b":{"c":"x"}} )"_ba);
    QVERIFY2(index.ok(), qPrintable(index.error().message));
    const QList<QByteArray> expected
        = { "{", "  \"a\": [", "    1,", "    {}", "  ],", "  \"b\": {", "    \"c\": \"x\"", "  }", "}" };
    QCOMPARE(index.lineCount(), expected.size());
    const QList<int> depths = { 0, 1, 2, 2, 1, 1, 2, 1, 0 };
    for (qsizetype line = 0; line < index.lineCount(); ++line) {
        QCOMPARE(index.lineBytes(line), expected.at(line));
        QCOMPARE(index.lineText(line), QString::fromUtf8(expected.at(line)));
        QCOMPARE(index.depth(line), depths.at(line));
    }
    QCOMPARE(index.offset(0), 1);
    QCOMPARE(index.offset(1), 2); // the key
    QCOMPARE(index.style(), LineStyle::Json);
}

void tst_JsonIndex::sameAsJq_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("incident page") << incidentPage(40);
    QTest::newRow("already pretty, tabs and CRLF")
        << "{\r\n\t\"result\" :\t[ {\"a\" : 1 } ,\r\n [ ] ],\n\"b\":true\n}\n"_ba;
    QTest::newRow("top-level array of scalars") << R"([1,"two",null,false,0.5,[[[]]]])"_ba;
    QTest::newRow("top-level scalar") << R"( "just a string" )"_ba;
}

void tst_JsonIndex::sameAsJq()
{
    // jq, an implementation nobody here wrote, writes the same pretty form: two spaces, "key": value,
    // empty containers on one line.
    const QString jq = QStandardPaths::findExecutable(u"jq"_s);
    if (jq.isEmpty())
        QSKIP("jq is not installed (packaging/debian-packages.txt lists it): no oracle to compare with");
    QFETCH(QByteArray, input);
    QProcess process;
    process.start(jq, { u"."_s });
    process.write(input);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const JsonIndex index(input);
    QVERIFY2(index.ok(), qPrintable(index.error().message));
    QCOMPARE(allLines(index) + '\n', process.readAllStandardOutput());
}

void tst_JsonIndex::widthHintCoversEveryLine()
{
    for (const QByteArray &input :
         { incidentPage(5), "{\n\n\n   \"a\"   :   1   }"_ba, "[[[[[[[]]]]]]]"_ba }) {
        const JsonIndex index(input);
        QVERIFY(index.ok());
        qsizetype longest = 0;
        for (qsizetype line = 0; line < index.lineCount(); ++line)
            longest = qMax(longest, index.lineText(line).size());
        QVERIFY2(index.widthHint() >= longest, qPrintable(u"%1 < %2"_s.arg(index.widthHint()).arg(longest)));
    }
}

void tst_JsonIndex::hostile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << u"Empty document at line 1, column 1"_s;
    QTest::newRow("truncated in an array") << R"({"result":[{"a":1},{"b")"_ba << u"Unexpected end of input"_s;
    QTest::newRow("truncated in a string") << R"({"result":"abc)"_ba << u"Unterminated string"_s;
    QTest::newRow("truncated escape") << "[\"\\"_ba << u"Unterminated string"_s;
    QTest::newRow("truncated unicode escape") << R"(["\u12)"_ba << u"Invalid \\u escape"_s;
    QTest::newRow("NUL byte between values")
        << QByteArray("[1,\0 2]", 7) << u"byte 0x00 at line 1, column 4"_s;
    QTest::newRow("NUL byte in a string")
        << QByteArray("[\"a\0b\"]", 7) << u"Control character in a string"_s;
    QTest::newRow("10^6 opening brackets") << QByteArray(1000000, '[') << u"Unexpected end of input"_s;
    QTest::newRow("html error page") << "<html><body>502</body></html>"_ba << u"Unexpected '<'"_s;
    QTest::newRow("two values") << "{}{}"_ba << u"after the end of the JSON value"_s;
}

void tst_JsonIndex::hostile()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const JsonIndex index(input);
    QVERIFY(!index.ok());
    QVERIFY2(index.error().message.contains(message), qPrintable(index.error().message));
    QCOMPARE(index.lineCount(), 0); // nothing half-indexed to show
}

void tst_JsonIndex::deepNesting()
{
    const int depth = 1000000;
    const JsonIndex index(QByteArray(depth, '[') + "1" + QByteArray(depth, ']'));
    QVERIFY2(index.ok(), qPrintable(index.error().message));
    QCOMPARE(index.lineCount(), 2 * depth + 1);
    QCOMPARE(index.depth(depth), depth); // the 1
    QCOMPARE(index.lineBytes(depth), QByteArray(JsonIndex::MaxIndentDepth * 2, ' ') + "1");
    QCOMPARE(index.lineBytes(2 * depth), "]"_ba);
}

void tst_JsonIndex::hugeString()
{
    const QByteArray value(20 * 1024 * 1024, 'x');
    const JsonIndex index("{\"log\":\"" + value + "\",\"n\":1}");
    QVERIFY(index.ok());
    QCOMPARE(index.lineCount(), 4);
    QCOMPARE(index.lineText(1).size(), qsizetype(2 + 7 + value.size() + 3));
    QVERIFY(index.lineText(1).endsWith(u"xx\","_s));
    QVERIFY(index.widthHint() >= index.lineText(1).size());
}

void tst_JsonIndex::invalidUtf8InAString()
{
    // JSON must be UTF-8, but a server may send Latin-1 anyway: shown, with U+FFFD where bytes are bad.
    const JsonIndex index("{\"city\":\"Z\xfcrich\",\"ok\":\"\xe2\x9c\x93\"}"_ba);
    QVERIFY(index.ok());
    QCOMPARE(index.lineText(1), u"  \"city\": \"Z\uFFFDrich\","_s);
    QCOMPARE(index.lineText(2), u"  \"ok\": \"\u2713\""_s);
    QCOMPARE(index.lineBytes(1), "  \"city\": \"Z\xfcrich\","_ba); // the bytes themselves are kept
}

void tst_JsonIndex::numberOfManyDigits()
{
    const QByteArray digits = "-" + QByteArray(100000, '7') + ".5e-3";
    const JsonIndex index("{\"n\":" + digits + ",\"m\":1.50}");
    QVERIFY(index.ok());
    QCOMPARE(index.lineBytes(1), "  \"n\": " + digits + ",");
    QCOMPARE(index.lineBytes(2), "  \"m\": 1.50"_ba); // as sent, not 1.5
    // What a DOM would have made of it.
    QVERIFY(!QJsonDocument::fromJson("{\"m\":1.50}").toJson().contains("1.50"));
}

void tst_JsonIndex::cancel()
{
    std::atomic_bool cancel = true;
    const JsonIndex index(incidentPage(2000), 2, &cancel);
    QVERIFY(index.canceled());
    QVERIFY(!index.ok());
    QCOMPARE(index.lineCount(), 0);
    cancel = false;
    const JsonIndex whole(incidentPage(2000), 2, &cancel);
    QVERIFY(whole.ok());
    QVERIFY(whole.lineCount() > 2000 * 20);
}

QTEST_GUILESS_MAIN(tst_JsonIndex)
#include "tst_jsonindex.moc"
