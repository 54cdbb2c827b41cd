#include "curl/curlcommand.h"
#include "http/requestbody.h"
#include "shared/placeholders.h"
#include "shared/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpRequest)
Q_DECLARE_METATYPE(Postern::FormPart)

namespace {

const QByteArray secret = "SECRET-SHOULD-NEVER-LEAVE";
const QByteArray noteBytes = "Hello,\r\nworld\n";
const QByteArray fixedBoundary = "PosternTestBoundary0123456789";

// Paths in rows: SECRET is a file outside the working directory, WD/ the working directory.
QString expand(const QString &text, const QString &wd, const QString &secretPath)
{
    return Testing::expandPlaceholders(text, { { u"SECRET"_s, secretPath }, { u"WD/"_s, wd + u'/' } });
}

FormPart text(const QString &key, const QString &value, const QString &type = QString())
{
    return { key, value, false, type, true, {} };
}

FormPart file(const QString &key, const QString &path, const QString &type = QString())
{
    return { key, path, true, type, true, {} };
}

} // namespace

// Copy as cURL judged by real curl: the command runs in a shell against a recording server on
// 127.0.0.1, and the multipart body curl sends must be, byte for byte, the one Postern sends (with
// Postern's boundary put in place of curl's). No part name or content type may make curl read a file
// the request does not send.
class tst_CurlWithCurl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void formDataAsPosternSendsIt_data();
    void formDataAsPosternSendsIt();
    void partsCurlCannotSendAreRefused_data();
    void partsCurlCannotSendAreRefused();

private:
    QString m_curl;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_wd;
    QString m_secretPath;
};

void tst_CurlWithCurl::initTestCase()
{
    m_curl = QStandardPaths::findExecutable(u"curl"_s);
    if (m_curl.isEmpty())
        QSKIP("curl is not installed (Debian package curl): the commands cannot be checked against it");
}

void tst_CurlWithCurl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_wd = m_dir->filePath(u"wd"_s);
    QVERIFY(QDir().mkpath(m_wd));
    QVERIFY(QDir().mkpath(m_dir->filePath(u"elsewhere"_s)));
    m_secretPath = m_dir->filePath(u"secret.txt"_s);
    for (const auto &[name, bytes] :
         { std::pair<QString, QByteArray> { m_secretPath, secret },
           std::pair<QString, QByteArray> { m_wd + u"/note.txt"_s, noteBytes },
           std::pair<QString, QByteArray> { m_wd + u"/data.json"_s, QByteArray("{\"a\": 1}") },
           std::pair<QString, QByteArray> { m_wd + u"/we\"ird,name;x.txt"_s, noteBytes },
           std::pair<QString, QByteArray> { m_wd + u"/photo.jpg"_s, noteBytes } }) {
        QFile f(name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
}

void tst_CurlWithCurl::formDataAsPosternSendsIt_data()
{
    QTest::addColumn<QList<FormPart>>("parts");

    QTest::newRow("text parts that look like curl syntax")
        << QList<FormPart> { text(u"name"_s, u"Ada"_s),   text(u"at"_s, u"@SECRET"_s),
                             text(u"lt"_s, u"<SECRET"_s), text(u"quoted"_s, u" \"it's\"; type=x \\ @"_s),
                             text(u"paren"_s, u"(x"_s),   text(u"empty"_s, QString()) };
    QTest::newRow("type with headers=@file")
        << QList<FormPart> { text(u"note"_s, u"hi"_s, u"text/plain;headers=@SECRET"_s) };
    QTest::newRow("type with headers=<file on a file part")
        << QList<FormPart> { file(u"doc"_s, u"WD/note.txt"_s, u"text/plain; headers=<SECRET"_s) };
    QTest::newRow("type with a filename")
        << QList<FormPart> { text(u"note"_s, u"hi"_s, u"text/plain; filename=evil.sh"_s) };
    QTest::newRow("type with a comma naming another file")
        << QList<FormPart> { file(u"doc"_s, u"WD/note.txt"_s, u"text/plain,SECRET"_s) };
    QTest::newRow("type with a quoted parameter")
        << QList<FormPart> { text(u"note"_s, u"hi"_s, u"text/plain; charset=\"utf-8\"; x=\"a;b\""_s) };
    QTest::newRow("type with a space before its parameter")
        << QList<FormPart> { text(u"note"_s, u"hi"_s, u"text/plain ; charset=utf-8"_s) };
    QTest::newRow("type with a backslash and a quote")
        << QList<FormPart> { text(u"note"_s, u"hi"_s, u"a/b; x=\"\\\\\\\"\""_s) };
    QTest::newRow("plain types") << QList<FormPart> {
        text(u"a"_s, u"1"_s, u"text/plain; charset=utf-8"_s), text(u"b"_s, u"2"_s, u"application/json"_s),
        file(u"c"_s, u"WD/note.txt"_s, u"application/x.y+z;v=1"_s)
    };
    QTest::newRow("file types curl would guess otherwise")
        << QList<FormPart> { file(u"json"_s, u"WD/data.json"_s), file(u"jpg"_s, u"WD/photo.jpg"_s),
                             file(u"txt"_s, u"WD/note.txt"_s) };
    QTest::newRow("file name with a quote, a comma and a semicolon")
        << QList<FormPart> { file(u"doc"_s, u"WD/we\"ird,name;x.txt"_s) };
    QTest::newRow("relative file path is in the working directory")
        << QList<FormPart> { file(u"doc"_s, u"note.txt"_s) };
    QTest::newRow("names with curl syntax but no equals sign")
        << QList<FormPart> { text(u"note@/etc/passwd;x"_s, u"1"_s), text(u"a;type"_s, u"2"_s),
                             text(u"we\"ird\r\nname"_s, u"3"_s), text(u" spaced "_s, u"4"_s),
                             text(u"<in"_s, u"5"_s) };
    QTest::newRow("non-ASCII") << QList<FormPart> { text(u"caf\u00e9"_s, u"Gr\u00fc\u00dfe \u2713"_s) };
}

void tst_CurlWithCurl::formDataAsPosternSendsIt()
{
    QFETCH(QList<FormPart>, parts);
    TestHttpServer server;
    QVERIFY(server.listenOnLoopback());

    HttpRequest request;
    request.method = u"POST"_s;
    request.url = server.url(u"/upload"_s).toString();
    request.bodyMode = BodyMode::FormData;
    request.files.setWorkingDirectory(m_wd);
    for (FormPart part : parts) {
        part.value = expand(part.value, m_wd, m_secretPath);
        part.contentType = expand(part.contentType, m_wd, m_secretPath);
        request.formParts.append(part);
    }
    const WireBody expected = RequestBody::encode(request, [] { return fixedBoundary; });
    QVERIFY2(expected.ok(), qPrintable(expected.error));

    QString error;
    const QString command = CurlCommand::toCurl(request, CurlCommand::Secrets::Include, &error);
    QVERIFY2(!command.isEmpty(), qPrintable(error));

    // Run as a user would paste it, from another folder, without their curl settings or proxies.
    QProcess shell;
    shell.setWorkingDirectory(m_dir->filePath(u"elsewhere"_s));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_dir->filePath(u"elsewhere"_s));
    for (const QString &name :
         { u"CURL_HOME"_s, u"http_proxy"_s, u"HTTP_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s })
        environment.remove(name);
    shell.setProcessEnvironment(environment);
    shell.start(u"/bin/sh"_s,
                { u"-c"_s, command + u" --silent --show-error --noproxy '*' -H 'Expect:' -o /dev/null"_s });
    QSignalSpy finished(&shell, &QProcess::finished);
    QVERIFY2(finished.wait(20000), "curl did not finish");
    QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());
    const QByteArray warnings = shell.readAllStandardError();
    QVERIFY2(warnings.isEmpty(), warnings.constData());

    QCOMPARE(server.requests().size(), 1);
    const TestHttpServer::Request &received = server.requests().constFirst();
    const QByteArray type = received.header("content-type");
    const qsizetype at = type.indexOf("boundary=");
    QVERIFY2(at > 0, type.constData());
    const QByteArray curlBoundary = type.mid(at + 9);
    QByteArray body = received.body;
    body.replace(curlBoundary, fixedBoundary);
    QVERIFY(!body.contains(secret) || expected.bytes.contains(secret));
    QCOMPARE(body, expected.bytes);
    QCOMPARE(QString::fromLatin1(type).replace(QString::fromLatin1(curlBoundary),
                                               QString::fromLatin1(fixedBoundary)),
             expected.contentType);
}

void tst_CurlWithCurl::partsCurlCannotSendAreRefused_data()
{
    QTest::addColumn<FormPart>("part");
    QTest::addColumn<QString>("message");
    QTest::newRow("name with = and file syntax")
        << text(u"note=@SECRET;x"_s, u"v"_s) << u"ends a name at its first \u201c=\u201d"_s;
    QTest::newRow("name with = on a file part") << file(u"a=b"_s, u"WD/note.txt"_s) << u"rename the field"_s;
    QTest::newRow("no name") << text(QString(), u"value"_s) << u"without a name"_s;
    QTest::newRow("type with a line break")
        << text(u"n"_s, u"v"_s, u"text/plain\r\nX-Injected: 1"_s) << u"carriage return"_s;
}

void tst_CurlWithCurl::partsCurlCannotSendAreRefused()
{
    QFETCH(FormPart, part);
    QFETCH(QString, message);
    HttpRequest request;
    request.method = u"POST"_s;
    request.url = u"http://127.0.0.1:9/"_s;
    request.bodyMode = BodyMode::FormData;
    part.key = expand(part.key, m_wd, m_secretPath);
    part.value = expand(part.value, m_wd, m_secretPath);
    request.formParts = { text(u"ok"_s, u"1"_s), part };
    QString error;
    QCOMPARE(CurlCommand::toCurl(request, CurlCommand::Secrets::Include, &error), QString());
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(CurlCommand::toCurl(request, CurlCommand::Secrets::Mask), QString());
}

QTEST_GUILESS_MAIN(tst_CurlWithCurl)
#include "tst_curlwithcurl.moc"
