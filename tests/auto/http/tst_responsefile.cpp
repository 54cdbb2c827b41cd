#include "http/responsefile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QByteArray patterned(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + i / 7) & 0xff);
    return bytes;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_ResponseFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyInMemory();
    void bodyKeptInAFile();
    void replacesWholeOrNotAtAll();
    void unwritablePlace();
    void suggestedName_data();
    void suggestedName();
};

void tst_ResponseFile::bodyInMemory()
{
    QTemporaryDir dir;
    HttpResponse response;
    response.body = patterned(3 * 1024 * 1024 + 5); // more than one chunk, not a whole number of them
    const QString path = dir.filePath(u"out.bin"_s);
    QCOMPARE(ResponseFile::save(response, path), QString());
    QVERIFY(readAll(path) == response.body);
}

void tst_ResponseFile::bodyKeptInAFile()
{
    QTemporaryDir dir;
    const QByteArray body = patterned(2 * 1024 * 1024 + 17);
    const QString spool = dir.filePath(u"spool"_s);
    {
        QFile file(spool);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(body), body.size());
    }
    HttpResponse response;
    response.bodyFile = std::make_shared<const SpooledBody>(spool, body.size());
    const QString path = dir.filePath(u"saved.json"_s);
    QCOMPARE(ResponseFile::save(response, path), QString());
    QVERIFY(readAll(path) == body);
    // The temporary file is the response's until it goes.
    QVERIFY(QFile::exists(spool));
    response = HttpResponse();
    QVERIFY(!QFile::exists(spool));
}

void tst_ResponseFile::replacesWholeOrNotAtAll()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"answer.json"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
    }
    HttpResponse response;
    response.body = patterned(5 * 1024 * 1024);
    // A canceled save leaves the old file as it was, and no temporary file beside it.
    std::atomic_bool cancel = true;
    QVERIFY(ResponseFile::save(response, path, &cancel).contains(u"canceled"_s));
    QCOMPARE(readAll(path), "old");
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { u"answer.json"_s });
    QCOMPARE(ResponseFile::save(response, path), QString());
    QVERIFY(readAll(path) == response.body);
}

void tst_ResponseFile::unwritablePlace()
{
    QTemporaryDir dir;
    HttpResponse response;
    response.body = "{}";
    const QString path = dir.filePath(u"no/such/folder/out.json"_s);
    const QString error = ResponseFile::save(response, path);
    QVERIFY2(error.startsWith(u"Could not save the response to %1: "_s.arg(path)), qPrintable(error));

    // The temporary file of a big body has gone (removed under it).
    response.bodyFile = std::make_shared<const SpooledBody>(dir.filePath(u"gone"_s), 10);
    const QString missing = ResponseFile::save(response, dir.filePath(u"out.json"_s));
    QVERIFY2(missing.contains(u"temporary file holding it cannot be read"_s), qPrintable(missing));
    QVERIFY(!QFile::exists(dir.filePath(u"out.json"_s)));
}

void tst_ResponseFile::suggestedName_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("name");
    QTest::newRow("last segment") << u"https://x.service-now.com/api/now/table/incident"_s
                                  << "application/json"_ba << u"incident"_s;
    QTest::newRow("file name") << u"https://example.com/files/report.pdf?x=1"_s << "application/pdf"_ba
                               << u"report.pdf"_s;
    QTest::newRow("JSON at the root")
        << u"https://example.com/"_s << "application/json; charset=utf-8"_ba << u"response.json"_s;
    QTest::newRow("problem+json") << u"https://example.com"_s << "application/problem+json"_ba
                                  << u"response.json"_s;
    QTest::newRow("PNG") << u"https://example.com/"_s << "image/png"_ba << u"response.png"_s;
    QTest::newRow("unknown") << u"https://example.com/"_s << QByteArray() << u"response.bin"_s;
}

void tst_ResponseFile::suggestedName()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, name);
    HttpResponse response;
    response.url = QUrl(url);
    if (!contentType.isEmpty())
        response.headers = { { "Content-Type", contentType } };
    QCOMPARE(ResponseFile::suggestedName(response), name);
}

QTEST_GUILESS_MAIN(tst_ResponseFile)
#include "tst_responsefile.moc"
