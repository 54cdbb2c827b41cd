#include "base/jsonfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

// JsonFile: the size cap, the read, the parse and the version check every versioned JSON file of
// Postern goes through, and setting a file aside.
class tst_JsonFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void version_data();
    void version();
    void setAsideKeepsTheBytes();

private:
    QTemporaryDir m_dir;
};

void tst_JsonFile::read_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty with size 0: no file at all
    QTest::addColumn<qint64>("size"); // the file's size when contents is empty
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("contentsMode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");

    const int parsed = int(JsonFile::Contents::Parsed);
    const int bytes = int(JsonFile::Contents::Bytes);
    QTest::newRow("good file") << QByteArray(R"({"version":1,"items":[]})") << qint64(0) << JsonFile::maxBytes
                               << parsed << int(JsonFile::Status::Ok) << QString();
    QTest::newRow("missing file") << QByteArray() << qint64(0) << JsonFile::maxBytes << parsed
                                  << int(JsonFile::Status::Missing) << QString();
    QTest::newRow("not JSON") << QByteArray("{\"version\": 1,") << qint64(0) << JsonFile::maxBytes << parsed
                              << int(JsonFile::Status::NotJson) << u"it is not valid JSON: "_s;
    QTest::newRow("not JSON, bytes only") << QByteArray("{\"version\": 1,") << qint64(0) << JsonFile::maxBytes
                                          << bytes << int(JsonFile::Status::Ok) << QString();
    QTest::newRow("too big for the cap")
        << QByteArray() << JsonFile::maxBytes + 1 << JsonFile::maxBytes << parsed
        << int(JsonFile::Status::TooLarge) << u"it is larger than 64 MiB"_s;
    QTest::newRow("exactly the cap") << QByteArray() << qint64(3 * 1024 * 1024) << qint64(3 * 1024 * 1024)
                                     << bytes << int(JsonFile::Status::Ok) << QString();
    QTest::newRow("too big without a cap is read")
        << QByteArray() << qint64(2 * 1024 * 1024 + 1) << JsonFile::noLimit << bytes
        << int(JsonFile::Status::Ok) << QString();
}

void tst_JsonFile::read()
{
    QFETCH(QByteArray, contents);
    QFETCH(qint64, size);
    QFETCH(qint64, maxBytes);
    QFETCH(int, contentsMode);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QVERIFY(m_dir.isValid());

    const QString path
        = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".json"_s);
    if (!contents.isEmpty() || size > 0) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (!contents.isEmpty())
            QCOMPARE(file.write(contents), contents.size());
        else
            QVERIFY(file.resize(size)); // sparse: the size is what counts
    }

    const JsonFile::ReadResult result = JsonFile::read(path, JsonFile::Contents(contentsMode), maxBytes);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.ok(), status == int(JsonFile::Status::Ok));
    QVERIFY2(result.reason.startsWith(reason), qPrintable(result.reason));
    if (status == int(JsonFile::Status::Ok) && !contents.isEmpty()) {
        QCOMPARE(result.data, contents);
        if (JsonFile::Contents(contentsMode) == JsonFile::Contents::Parsed)
            QCOMPARE(result.document.object().value(u"version"_s).toInt(), 1);
    }
    QCOMPARE(QFileInfo::exists(path), !contents.isEmpty() || size > 0); // reading never moves the file
}

void tst_JsonFile::version_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("newer"); // than version 1
    QTest::newRow("same version") << QByteArray(R"({"version":1})") << 1 << false;
    QTest::newRow("older version") << QByteArray(R"({"version":0})") << 0 << false;
    QTest::newRow("no version") << QByteArray(R"({})") << 0 << false;
    QTest::newRow("version as text") << QByteArray(R"({"version":"9"})") << 0 << false;
    QTest::newRow("too new") << QByteArray(R"({"version":2})") << 2 << true;
}

void tst_JsonFile::version()
{
    QFETCH(QByteArray, json);
    QFETCH(int, version);
    QFETCH(bool, newer);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(JsonFile::version(root, u"version"_s), version);
    QCOMPARE(JsonFile::isNewer(root, u"version"_s, 1), newer);
    QCOMPARE(JsonFile::newerReason(), u"it was written by a newer version of Postern"_s);
}

void tst_JsonFile::setAsideKeepsTheBytes()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not json");
    file.close();
    QString error;
    const QString aside = JsonFile::setAside(path, &error);
    QVERIFY2(!aside.isEmpty(), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(QFileInfo(aside).fileName().startsWith(u"broken.json.broken-"_s));
    QFile kept(aside);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("not json"));
}

QTEST_GUILESS_MAIN(tst_JsonFile)
#include "tst_jsonfile.moc"
