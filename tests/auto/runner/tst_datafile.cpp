// DataFile: a run's data rows from CSV (RFC 4180) and JSON, and the message for each bad file.

#include "runner/datafile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_DataFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void tooLargeOrMissing();
};

void tst_DataFile::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("rows"); // the rows as compact JSON, or empty on error
    QTest::addColumn<QString>("error");

    QTest::newRow("csv") << "limit,name\n1,a\n2,b\n"_ba << u"d.csv"_s
                         << R"([{"limit":"1","name":"a"},{"limit":"2","name":"b"}])"_ba << QString();
    QTest::newRow("csv with CRLF, BOM, no final newline")
        << "\xEF\xBB\xBFk,v\r\n1,x\r\n2,y"_ba << u"d.csv"_s << R"([{"k":"1","v":"x"},{"k":"2","v":"y"}])"_ba
        << QString();
    QTest::newRow("csv quotes") << "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n"_ba << u"d.csv"_s
                                << R"([{"a":"x, y","b":"say \"hi\""},{"a":"two\nlines","b":""}])"_ba
                                << QString();
    QTest::newRow("csv header only") << "a,b\n"_ba << u"d.csv"_s << "[]"_ba << QString();
    QTest::newRow("csv blank lines skipped")
        << "a\n1\n\n2\n"_ba << u"d.csv"_s << R"([{"a":"1"},{"a":"2"}])"_ba << QString();
    QTest::newRow("csv short row") << "a,b\n1\n"_ba << u"d.csv"_s << QByteArray()
                                   << u"Row 1 of the CSV data file has 1 values for 2 columns."_s;
    QTest::newRow("csv open quote") << "a\n\"never closed\n"_ba << u"d.csv"_s << QByteArray()
                                    << u"The CSV data file ends inside a quoted field."_s;
    QTest::newRow("csv stray quote")
        << "a\nx\"y\n"_ba << u"d.csv"_s << QByteArray()
        << u"Line 2 of the CSV data file has a quote inside an unquoted field."_s;
    QTest::newRow("csv empty") << ""_ba << u"d.csv"_s << QByteArray()
                               << u"The CSV data file is empty: its first line must name the variables."_s;
    QTest::newRow("json keeps types") << R"([{"n":1,"ok":true,"o":{"a":[1]}}])"_ba << u"d.json"_s
                                      << R"([{"n":1,"o":{"a":[1]},"ok":true}])"_ba << QString();
    QTest::newRow("json by its first byte")
        << R"( [{"a":"b"}])"_ba << u"data.txt"_s << R"([{"a":"b"}])"_ba << QString();
    QTest::newRow("json not an array")
        << R"({"a":1})"_ba << u"d.json"_s << QByteArray()
        << u"The data file must hold a JSON array of objects, one per iteration."_s;
    QTest::newRow("json row not an object")
        << R"([{"a":1}, 2])"_ba << u"d.json"_s << QByteArray()
        << u"Row 2 of the data file is not an object of variable names and values."_s;
    QTest::newRow("json broken") << "[{"_ba << u"d.json"_s << QByteArray()
                                 << u"The data file is not JSON: "_s;
}

void tst_DataFile::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, rows);
    QFETCH(QString, error);
    const DataFile file = DataFile::parse(data, fileName);
    if (!error.isEmpty()) {
        QVERIFY2(file.error.startsWith(error), qPrintable(file.error));
        QVERIFY(file.rows.isEmpty());
        return;
    }
    QVERIFY2(file.ok(), qPrintable(file.error));
    QJsonArray array;
    for (const QJsonObject &row : file.rows)
        array.append(row);
    QCOMPARE(QJsonDocument(array).toJson(QJsonDocument::Compact), rows);
}

void tst_DataFile::tooLargeOrMissing()
{
    QTemporaryDir dir;
    QVERIFY(DataFile::read(dir.filePath(u"missing.csv"_s))
                .error.startsWith(u"The data file could not be read: "_s));
    QFile big(dir.filePath(u"big.csv"_s));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(DataFile::MaxSize + 1));
    big.close();
    QCOMPARE(DataFile::read(big.fileName()).error, u"The data file is larger than 64 MiB."_s);
}

QTEST_GUILESS_MAIN(tst_DataFile)
#include "tst_datafile.moc"
