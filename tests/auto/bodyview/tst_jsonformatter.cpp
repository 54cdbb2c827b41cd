#include "bodyview/jsonformatter.h"
#include "bodyview/jsonindex.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_JsonFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pretty_data();
    void pretty();
    void invalid_data();
    void invalid();
    void keepsKeyOrderAndNumberText();
    void deepNestingDoesNotOverflow();
    void sameDataAsQJsonDocument();
};

void tst_JsonFormatter::pretty_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty object") << "{}"_ba
                                  << "{}"_ba;
    QTest::newRow("empty array with spaces") << " [ ] "_ba
                                             << "[]"_ba;
    QTest::newRow("scalar") << " 42 "_ba
                            << "42"_ba;
    QTest::newRow("string with escapes") << R"("a\"b\\c\u00e9")"_ba
                                         << R"("a\"b\\c\u00e9")"_ba;
    QTest::newRow("object") << R"({"b":1,"a":[true,false,null]})"_ba
                            << "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    false,\n    null\n  ]\n}"_ba;
    QTest::newRow("nested empty") << R"({"result":[],"x":{}})"_ba
                                  << "{\n  \"result\": [],\n  \"x\": {}\n}"_ba;
    QTest::newRow("already pretty input is normalised") << "{\n\t\"a\" :\r\n 1 }"_ba
                                                        << "{\n  \"a\": 1\n}"_ba;
    QTest::newRow("byte order mark") << "\xEF\xBB\xBF{\"a\":1}"_ba
                                     << "{\n  \"a\": 1\n}"_ba;
    QTest::newRow("servicenow reference field")
        << R"({"caller_id":{"link":"https://x/api/now/table/sys_user/1","value":"1"}})"_ba
        << "{\n  \"caller_id\": {\n    \"link\": \"https://x/api/now/table/sys_user/1\",\n    \"value\": \"1\"\n  }\n}"_ba;
}

void tst_JsonFormatter::pretty()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const JsonFormatter::Result result = JsonFormatter().format(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.text, expected);
}

void tst_JsonFormatter::invalid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << u"Empty document at line 1, column 1"_s;
    QTest::newRow("only spaces") << "   "_ba << u"Empty document"_s;
    QTest::newRow("html") << "<html><body>Error</body></html>"_ba << u"Unexpected '<' at line 1, column 1"_s;
    QTest::newRow("truncated") << R"({"a":[1,2)"_ba << u"Unexpected end of input"_s;
    QTest::newRow("trailing comma") << R"({"a":1,})"_ba << u"Expected a key in double quotes but found '}'"_s;
    QTest::newRow("missing colon") << R"({"a" 1})"_ba << u"Expected ':'"_s;
    QTest::newRow("single quotes") << R"({'a':1})"_ba << u"Expected a key"_s;
    QTest::newRow("unterminated string") << R"(["abc)"_ba << u"Unterminated string"_s;
    QTest::newRow("raw newline in string") << "[\"a\nb\"]"_ba << u"Control character"_s;
    QTest::newRow("bad escape") << R"(["\x"])"_ba << u"Invalid escape"_s;
    QTest::newRow("bad unicode escape") << R"(["\u12g4"])"_ba << u"Invalid \\u escape"_s;
    QTest::newRow("leading zero") << "[01]"_ba << u"Expected ','"_s;
    QTest::newRow("bare minus") << "[-]"_ba << u"Invalid number"_s;
    QTest::newRow("exponent without digits") << "[1e]"_ba << u"Invalid number"_s;
    QTest::newRow("mismatched bracket") << "[1}"_ba << u"Expected ',' or ']'"_s;
    QTest::newRow("two documents") << "{} {}"_ba << u"after the end"_s;
    QTest::newRow("misspelt literal") << "[tru]"_ba << u"Unexpected 't'"_s;
    QTest::newRow("NUL byte") << QByteArray("[1,\0]", 5) << u"byte 0x00"_s;
    QTest::newRow("error on line 3") << "{\n\"a\": 1,\n  x}"_ba << u"line 3, column 3"_s;
}

void tst_JsonFormatter::invalid()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const JsonFormatter::Result result = JsonFormatter().format(input);
    QVERIFY(!result.ok());
    QVERIFY(result.text.isEmpty());
    QVERIFY2(result.error.contains(message), qPrintable(result.error));
}

void tst_JsonFormatter::keepsKeyOrderAndNumberText()
{
    const QByteArray input = R"({"z":1.50,"a":1e400,"m":12345678901234567890,"n":-0.0})";
    const JsonFormatter::Result result = JsonFormatter().format(input);
    QVERIFY(result.ok());
    const QByteArray expected
        = "{\n  \"z\": 1.50,\n  \"a\": 1e400,\n  \"m\": 12345678901234567890,\n  \"n\": -0.0\n}";
    QCOMPARE(result.text, expected);
    // What QJsonDocument would have shown instead: keys sorted, numbers rewritten.
    const QByteArray qt = QJsonDocument::fromJson(R"({"z":1.50,"a":1})").toJson(QJsonDocument::Indented);
    QVERIFY(qt.indexOf("\"a\"") < qt.indexOf("\"z\""));
    QVERIFY(!qt.contains("1.50"));
}

void tst_JsonFormatter::deepNestingDoesNotOverflow()
{
    const int depth = 200000;
    const QByteArray input = QByteArray(depth, '[') + QByteArray(depth, ']');
    const JsonFormatter::Result result = JsonFormatter(0).format(input);
    QVERIFY(result.ok());
    const JsonFormatter::Result deep
        = JsonFormatter().format(QByteArray(QByteArray(depth, '[') + QByteArray(depth, ']')));
    QVERIFY(deep.ok());
    // Indentation is capped, so the output stays proportional to the input.
    QVERIFY(deep.text.size() < qsizetype(depth) * 2 * qsizetype(JsonIndex::MaxIndentDepth * 2 + 2));
    const JsonFormatter::Result broken = JsonFormatter().format(QByteArray(depth, '['));
    QVERIFY(!broken.ok());
    QVERIFY(broken.error.contains(u"end of input"_s));
}

void tst_JsonFormatter::sameDataAsQJsonDocument()
{
    // The pretty text parses to the same data as the input.
    QByteArray input = R"({"result":[)";
    for (int i = 0; i < 200; ++i) {
        if (i)
            input += ',';
        input += R"({"number":"INC00)" + QByteArray::number(10000 + i) + R"(","active":true,"n":)"
            + QByteArray::number(i) + R"(,"tags":["a","b\n"],"o":{}})";
    }
    input += "]}";
    const JsonFormatter::Result result = JsonFormatter(4).format(input);
    QVERIFY(result.ok());
    QCOMPARE(QJsonDocument::fromJson(result.text), QJsonDocument::fromJson(input));
    QVERIFY(result.text.contains("\n            \"number\": \"INC0010000\""));
}

QTEST_GUILESS_MAIN(tst_JsonFormatter)
#include "tst_jsonformatter.moc"
