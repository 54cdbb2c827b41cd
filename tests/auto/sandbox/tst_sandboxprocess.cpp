#include "sandboxhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Runs the real postern-sandbox executable.
class tst_SandboxProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesAndPrintsBaseUrlFirst();
    void help();
    void rejectsBadArguments_data();
    void rejectsBadArguments();

private:
    static QString executable() { return QStringLiteral(POSTERN_SANDBOX_EXECUTABLE); }
};

void tst_SandboxProcess::servesAndPrintsBaseUrlFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile registry(dir.filePath(u"registry.json"_s));
    QVERIFY(registry.open(QIODevice::WriteOnly));
    registry.write(
        R"({"clients":[{"clientId":"cli","clientSecret":"p+q","redirectUrls":["https://x.example/cb"],
                       "clientAuthentication":"basic"}],
                       "users":[{"userName":"beth","password":"pw","name":"Beth Anglin"}]})"_ba);
    registry.close();

    QProcess process;
    process.start(executable(),
                  { u"--port"_s, u"0"_s, u"--registry"_s, registry.fileName(), u"--log"_s,
                    u"--access-token-lifespan"_s, u"600"_s });
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QSignalSpy ready(&process, &QProcess::readyReadStandardOutput);
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QByteArray line = process.readLine().trimmed();
    const QUrl base(QString::fromLatin1(line));
    QCOMPARE(base.scheme(), u"http"_s);
    QCOMPARE(base.host(), u"127.0.0.1"_s);
    QVERIFY(base.port() > 0);

    SandboxHttp http(base);
    const auto table = http.get(u"/api/now/table/sys_user?sysparm_fields=user_name"_s,
                                { { "Authorization"_ba, SandboxHttp::plainBasic("beth", "pw") } });
    QCOMPARE(table.status, 200);
    QCOMPARE(QJsonDocument::fromJson(table.body)
                 .object()
                 .value(u"result"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"user_name"_s)
                 .toString(),
             u"beth"_s);

    const auto token = http.post(u"/oauth_token.do"_s, "grant_type=client_credentials"_ba,
                                 "application/x-www-form-urlencoded"_ba,
                                 { { "Authorization"_ba, SandboxHttp::basic(u"cli"_s, u"p+q"_s) } });
    QCOMPARE(token.status, 200);
    QCOMPARE(token.json(u"expires_in"_s), u"599"_s);

    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    const QByteArray log = process.readAllStandardError();
    QVERIFY2(log.contains("GET /api/now/table/sys_user 200"), log.constData());
    QVERIFY(log.contains("POST /oauth_token.do 200"));
    QVERIFY(!log.contains(token.json(u"access_token"_s).toLatin1()));
    QVERIFY(!log.contains("sysparm_fields"));
}

void tst_SandboxProcess::help()
{
    QProcess process;
    process.start(executable(), { u"--help"_s });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QByteArray out = process.readAllStandardOutput();
    for (const char *option : { "--port", "--registry", "--client-id", "--client-secret", "--redirect-url",
                                "--client-auth", "--access-token-lifespan", "--refresh-token-lifespan",
                                "--rotate-refresh-tokens", "--issuer-param", "--log" }) {
        QVERIFY2(out.contains(option), option);
    }
}

void tst_SandboxProcess::rejectsBadArguments_data()
{
    QTest::addColumn<QByteArray>("registryJson"); // written to a file passed with --registry when not empty
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("registryNotJson") << "{nope"_ba << QStringList() << u"invalid registry"_s;
    QTest::newRow("registryMissingClientId")
        << R"({"clients":[{"clientSecret":"s","redirectUrls":["https://x.example/cb"]}]})"_ba << QStringList()
        << u"clientId"_s;
    QTest::newRow("registryMissingFile")
        << QByteArray() << QStringList({ u"--registry"_s, u"/nonexistent/r.json"_s }) << u"cannot read"_s;
    QTest::newRow("badClientAuth") << QByteArray() << QStringList({ u"--client-auth"_s, u"jwt"_s })
                                   << u"--client-auth"_s;
    QTest::newRow("badPort") << QByteArray() << QStringList({ u"--port"_s, u"70000"_s }) << u"--port"_s;
    QTest::newRow("badLifespan") << QByteArray() << QStringList({ u"--access-token-lifespan"_s, u"-5"_s })
                                 << u"--access-token-lifespan"_s;
    QTest::newRow("unknownOption") << QByteArray() << QStringList({ u"--frobnicate"_s }) << u"frobnicate"_s;
    QTest::newRow("badRedirect") << QByteArray() << QStringList({ u"--redirect-url"_s, u"/relative"_s })
                                 << u"--redirect-url"_s;
}

void tst_SandboxProcess::rejectsBadArguments()
{
    QFETCH(QByteArray, registryJson);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    if (!registryJson.isEmpty()) {
        QFile file(dir.filePath(u"registry.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(registryJson);
        arguments << u"--registry"_s << file.fileName();
    }
    QProcess process;
    process.start(executable(), arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_SandboxProcess)
#include "tst_sandboxprocess.moc"
