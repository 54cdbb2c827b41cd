#include "bodyview/jsonnodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

std::shared_ptr<const JsonIndex> indexOf(const QByteArray &json)
{
    return std::make_shared<const JsonIndex>(json);
}

// Every value below the top, in document order, as one compact JSON line each:
// [path segments, type, the string's text or the container's size or null].
void describe(const JsonNodes &nodes, qsizetype node, QJsonArray path, QStringList *out)
{
    const std::vector<qsizetype> children = nodes.children(node);
    QCOMPARE(qsizetype(children.size()), nodes.childCount(node));
    qsizetype row = 0;
    for (const qsizetype child : children) {
        QCOMPARE(nodes.parent(child), node);
        QCOMPARE(nodes.row(child), row);
        QJsonArray childPath = path;
        if (nodes.kind(node) == JsonNodes::Kind::Object)
            childPath.append(nodes.key(child));
        else
            childPath.append(double(row));
        QJsonValue detail;
        switch (nodes.kind(child)) {
        case JsonNodes::Kind::String:
            detail = nodes.valueText(child);
            break;
        case JsonNodes::Kind::Object:
        case JsonNodes::Kind::Array:
            detail = double(nodes.childCount(child));
            break;
        default:
            break;
        }
        const QJsonArray line = { childPath, JsonNodes::kindName(nodes.kind(child)), detail };
        out->append(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
        describe(nodes, child, childPath, out);
        ++row;
    }
}

} // namespace

class tst_JsonNodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameTreeAsJq_data();
    void sameTreeAsJq();
    void valuesAsSent();
    void paths_data();
    void paths();
    void decodeString_data();
    void decodeString();
    void deepNesting();
};

void tst_JsonNodes::sameTreeAsJq_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("records") << QByteArray(
        "{\"result\":[{\"sys_id\":\"a1\",\"number\":\"INC0010001\",\"priority\":"
        "1,\"active\":true,\"parent\":null,\"tags\":[],\"caller_id\":{}},"
        "{\"sys_id\":\"a2\",\"n\":[[1,[2]],{\"x\":{\"y\":[]}}]}],\"total\":2}");
    QTest::newRow("escapes and odd keys") << QByteArray(
        "{\"caf\\u00e9\":\"\\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\t\\n\",\"odd 'key'\":1,\"\":"
        "\"empty key\",\"Z\xc3\xbcrich\":\"\xe6\x9d\xb1\xe4\xba\xac\",\"a.b\":{\"[0]\":false}}");
    QTest::newRow("spaces everywhere")
        << QByteArray(" [ { \"a\" : [ ] , \"b\" : { } } ,\r\n\t[ 1 , [ ] ] ] ");
    QTest::newRow("top-level scalar") << QByteArray("\"alone\"");
}

void tst_JsonNodes::sameTreeAsJq()
{
    // jq, written by others, walks the same document: every path in order with its type, a string's
    // decoded text and a container's size.
    const QString jq = QStandardPaths::findExecutable(u"jq"_s);
    if (jq.isEmpty())
        QSKIP("jq is not installed (packaging/debian-packages.txt lists it): no oracle to compare with");
    QFETCH(QByteArray, input);
    QProcess process;
    process.start(jq,
                  { u"-c"_s,
                    u"paths as $p | [$p, (getpath($p) | type), (getpath($p) | if type == \"string\" then . "
                    "elif type == \"object\" or type == \"array\" then length else null end)]"_s });
    process.write(input);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QStringList expected
        = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    // jq's own JSON writer; rewrite through Qt's so both sides spell the lines the same way.
    for (QString &line : expected)
        line = QString::fromUtf8(QJsonDocument::fromJson(line.toUtf8()).toJson(QJsonDocument::Compact));

    const JsonNodes nodes(indexOf(input));
    QStringList actual;
    describe(nodes, JsonNodes::Top, {}, &actual);
    QCOMPARE(actual, expected);
}

void tst_JsonNodes::valuesAsSent()
{
    const QByteArray input = "{\"a\" : 1.50 , \"b\":[ ], \"c\":{\"d\":[1, 2e3 ,\"x\"] } ,\"e\": { } }";
    const JsonNodes nodes(indexOf(input));
    const std::vector<qsizetype> top = nodes.children(JsonNodes::Top);
    QCOMPARE(top.size(), size_t(4));
    QCOMPARE(nodes.valueBytes(top[0]), "1.50");
    QCOMPARE(nodes.valueBytes(top[1]), "[ ]");
    QCOMPARE(nodes.valueBytes(top[2]), "{\"d\":[1, 2e3 ,\"x\"] }");
    QCOMPARE(nodes.valueBytes(top[3]), "{ }");
    QCOMPARE(nodes.valueBytes(JsonNodes::Top), input);
    QVERIFY(!nodes.hasChildren(top[1]));
    QVERIFY(nodes.isContainer(top[1]));
    QCOMPARE(nodes.closingLine(top[1]), top[1]);
    const std::vector<qsizetype> d = nodes.children(nodes.children(top[2]).front());
    QCOMPARE(nodes.valueBytes(d[1]), "2e3");
    QCOMPARE(nodes.valueText(d[2]), u"x"_s);
    QCOMPARE(nodes.valueBytes(d[2]), "\"x\"");
}

void tst_JsonNodes::paths_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<int>>("rows"); // the child to take at each level
    QTest::addColumn<QString>("path");
    const QByteArray page = "{\"result\":[{\"a\":1},{\"number\":\"INC1\",\"odd key\":{\"it's\":[0,1]}}]}";
    QTest::newRow("top") << page << QList<int> {} << u"$"_s;
    QTest::newRow("member") << page << QList<int> { 0 } << u"$.result"_s;
    QTest::newRow("element") << page << QList<int> { 0, 1, 0 } << u"$.result[1].number"_s;
    QTest::newRow("quoted") << page << QList<int> { 0, 1, 1, 0, 1 }
                            << u"$.result[1]['odd key']['it\\'s'][1]"_s;
    QTest::newRow("number-led name") << QByteArray("{\"1a\":{\"_b2\":0}}") << QList<int> { 0, 0 }
                                     << u"$['1a']._b2"_s;
}

void tst_JsonNodes::paths()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<int>, rows);
    QFETCH(QString, path);
    const JsonNodes nodes(indexOf(input));
    qsizetype node = JsonNodes::Top;
    for (const int row : rows)
        node = nodes.children(node).at(size_t(row));
    QCOMPARE(nodes.path(node), path);
}

void tst_JsonNodes::decodeString_data()
{
    QTest::addColumn<QByteArray>("quoted");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray("\"abc\"") << u"abc"_s;
    QTest::newRow("escapes") << QByteArray("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"") << u"a\"b\\c/d\b\f\n\r\t"_s;
    QTest::newRow("bmp") << QByteArray("\"caf\\u00E9\"") << u"caf\u00e9"_s;
    QTest::newRow("surrogate pair") << QByteArray("\"\\ud83d\\ude00!\"") << u"\U0001F600!"_s;
    QTest::newRow("lone high") << QByteArray("\"\\ud83dx\"") << u"\ufffdx"_s;
    QTest::newRow("lone low") << QByteArray("\"\\ude00\"") << u"\ufffd"_s;
    QTest::newRow("high then escape") << QByteArray("\"\\ud83d\\n\"") << u"\ufffd\n"_s;
    QTest::newRow("two highs") << QByteArray("\"\\ud83d\\ud83d\\ude00\"") << u"\ufffd\U0001F600"_s;
    QTest::newRow("UTF-8") << QByteArray("\"Z\xc3\xbcrich\"") << u"Z\u00fcrich"_s;
}

void tst_JsonNodes::decodeString()
{
    QFETCH(QByteArray, quoted);
    QFETCH(QString, text);
    QCOMPARE(JsonNodes::decodeString(quoted), text);
}

void tst_JsonNodes::deepNesting()
{
    // 10,000 arrays, one in another (finding a node's children reads its whole subtree: walking all the
    // way down reads depth² / 2 index entries).
    const int depth = 10000;
    const QByteArray input = QByteArray(depth, '[') + "7" + QByteArray(depth, ']');
    const JsonNodes nodes(indexOf(input));
    qsizetype node = JsonNodes::Top;
    for (int level = 0; level < depth; ++level) {
        const std::vector<qsizetype> children = nodes.children(node);
        QCOMPARE(children.size(), size_t(1));
        node = children.front();
    }
    QCOMPARE(nodes.valueBytes(node), "7");
    QCOMPARE(nodes.kind(node), JsonNodes::Kind::Number);
    QCOMPARE(nodes.parent(nodes.parent(node)), node - 2);
    QCOMPARE(nodes.closingLine(JsonNodes::Top), nodes.index().lineCount() - 1);
}

QTEST_GUILESS_MAIN(tst_JsonNodes)
#include "tst_jsonnodes.moc"
