#include "bodyview/hexlines.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QByteArray allByteValues()
{
    QByteArray bytes(256, '\0');
    for (int i = 0; i < 256; ++i)
        bytes[i] = char(i);
    return bytes;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

} // namespace

class tst_HexLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lines_data();
    void lines();
    void sameAsHexdump_data();
    void sameAsHexdump();
    void copyGivesTheSameLines();
    void widthHintCoversEveryLine();
    void outOfRange();
};

void tst_HexLines::lines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty: no line") << QByteArray() << QStringList();
    QTest::newRow("one byte") << "A"_ba
                              << QStringList {
                                     u"00000000  41                                                |A|"_s,
                                     u"00000001"_s
                                 };
    QTest::newRow("hello world, a short last line")
        << "Hello world\n"_ba
        << QStringList { u"00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |Hello world.|"_s,
                         u"0000000c"_s };
    QTest::newRow("sixteen bytes, unprintable ones as dots")
        << QByteArray("\x00\x01\x1f\x20\x7e\x7f\x80\xff"
                      "abcdefgh",
                      16)
        << QStringList { u"00000000  00 01 1f 20 7e 7f 80 ff  61 62 63 64 65 66 67 68  |... ~...abcdefgh|"_s,
                         u"00000010"_s };
    QTest::newRow("seventeen bytes")
        << "0123456789abcdefX"_ba
        << QStringList { u"00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|"_s,
                         u"00000010  58                                                |X|"_s,
                         u"00000011"_s };
}

void tst_HexLines::lines()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    const HexLines hex(input);
    QCOMPARE(hex.lineCount(), expected.size());
    for (qsizetype line = 0; line < expected.size(); ++line) {
        QCOMPARE(hex.lineText(line), expected.at(line));
        QCOMPARE(hex.lineBytes(line), expected.at(line).toLatin1());
        QVERIFY(!hex.isContinuation(line));
    }
    QCOMPARE(hex.style(), LineStyle::Plain);
}

void tst_HexLines::sameAsHexdump_data()
{
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("1 byte") << "\n"_ba;
    QTest::newRow("15 bytes") << "fifteen bytes.."_ba;
    QTest::newRow("16 bytes") << "sixteen bytes..."_ba;
    QTest::newRow("17 bytes") << "seventeen bytes.."_ba;
    QTest::newRow("all 256 byte values") << allByteValues();
    QTest::newRow("repeated lines (hexdump -v shows them all)") << QByteArray(100, 'z');
    QTest::newRow("1 MB random, fixed seed") << randomBytes(1024 * 1024, 20240611);
    QTest::newRow("1 MB + 5 random, fixed seed") << randomBytes(1024 * 1024 + 5, 7);
}

void tst_HexLines::sameAsHexdump()
{
    // hexdump (bsdextrautils), which nobody here wrote, is the format's definition.
    const QString hexdump = QStandardPaths::findExecutable(u"hexdump"_s);
    if (hexdump.isEmpty())
        QSKIP("hexdump is not installed (bsdextrautils, listed in packaging/debian-packages.txt): no oracle");
    QFETCH(QByteArray, input);
    QProcess process;
    process.start(hexdump, { u"-C"_s, u"-v"_s });
    QVERIFY(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QByteArray expected = process.readAllStandardOutput();
    QList<QByteArray> expectedLines = expected.split('\n');
    QCOMPARE(expectedLines.takeLast(), QByteArray()); // after the last line break

    const HexLines hex(input);
    QCOMPARE(hex.lineCount(), expectedLines.size());
    for (qsizetype line = 0; line < expectedLines.size(); ++line) {
        if (hex.lineBytes(line) != expectedLines.at(line)) // one QCOMPARE a mismatch, not a million
            QCOMPARE(hex.lineBytes(line), expectedLines.at(line));
    }
}

void tst_HexLines::copyGivesTheSameLines()
{
    const HexLines hex(randomBytes(1000, 1));
    QStringList lines;
    for (qsizetype line = 3; line <= 10; ++line)
        lines.append(hex.lineText(line));
    QCOMPARE(hex.copyText(3, 10), lines.join(u'\n'));
    QCOMPARE(hex.copyText(hex.lineCount() - 1, hex.lineCount() + 5), u"000003e8"_s);
    QCOMPARE(hex.copyText(5, 4), QString());
    QCOMPARE(hex.copyText(0, 0), hex.lineText(0));
}

void tst_HexLines::widthHintCoversEveryLine()
{
    for (const qsizetype size : { 1, 7, 16, 17, 300 }) {
        const HexLines hex(randomBytes(size, 3));
        qsizetype longest = 0;
        for (qsizetype line = 0; line < hex.lineCount(); ++line)
            longest = qMax(longest, hex.lineText(line).size());
        QCOMPARE(hex.widthHint(), longest);
    }
}

void tst_HexLines::outOfRange()
{
    const HexLines hex("abc"_ba);
    QCOMPARE(hex.lineBytes(-1), QByteArray());
    QCOMPARE(hex.lineBytes(2), QByteArray());
    QCOMPARE(HexLines::lineOf(15), 0);
    QCOMPARE(HexLines::lineOf(16), 1);
}

QTEST_GUILESS_MAIN(tst_HexLines)
#include "tst_hexlines.moc"
