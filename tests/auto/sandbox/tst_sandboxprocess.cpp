#include "shared/sandboxhttp.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
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
    void tokensSurviveARestart_data();
    void tokensSurviveARestart();
    void preferredPort_data();
    void preferredPort();
    void unusableStateFileIsSetAside_data();
    void unusableStateFileIsSetAside();

private:
    static QString executable() { return QStringLiteral(POSTERN_SANDBOX_EXECUTABLE); }
    // Starts the sandbox and returns the base URL it prints (empty when it did not).
    static QUrl start(QProcess &process, const QStringList &arguments);
};

QUrl tst_SandboxProcess::start(QProcess &process, const QStringList &arguments)
{
    process.start(executable(), arguments);
    if (!process.waitForStarted())
        return QUrl();
    QElapsedTimer timer;
    timer.start();
    while (!process.canReadLine() && process.state() == QProcess::Running && timer.elapsed() < 10000)
        process.waitForReadyRead(100);
    return QUrl(QString::fromLatin1(process.readLine().trimmed()));
}

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers bearer(const QString &token)
{
    return { { "Authorization"_ba, "Bearer " + token.toLatin1() } };
}

SandboxHttp::Result passwordGrant(SandboxHttp &http)
{
    return http.post(u"/oauth_token.do"_s,
                     "grant_type=password&username=admin&password=admin&client_id=postern&"
                     "client_secret=postern-secret"_ba);
}

int tableStatus(SandboxHttp &http, const QString &token)
{
    return http.get(u"/api/now/table/incident?sysparm_limit=1"_s, bearer(token)).status;
}

} // namespace

void tst_SandboxProcess::tokensSurviveARestart_data()
{
    QTest::addColumn<QString>("stop");
    QTest::newRow("stdinClosed") << u"stdin"_s; // Postern quits or is killed
    QTest::newRow("terminated") << u"terminate"_s; // SIGTERM
}

void tst_SandboxProcess::tokensSurviveARestart()
{
    // A real instance keeps what it issued in its database: a token obtained before a restart still
    // works after it, a revoked one stays revoked, and the state file holds no token itself.
    QFETCH(QString, stop);
    QTemporaryDir dir;
    const QString state = dir.filePath(u"data/sandbox-state.json"_s);
    const QStringList arguments = { u"--state"_s, state, u"--exit-with-stdin"_s };

    QProcess first;
    const QUrl base = start(first, arguments);
    QVERIFY2(base.port() > 0, first.readAllStandardError().constData());
    SandboxHttp http(base);
    const auto kept = passwordGrant(http);
    const auto revoked = passwordGrant(http);
    QCOMPARE(kept.status, 200);
    const QString access = kept.json(u"access_token"_s);
    const QString refresh = kept.json(u"refresh_token"_s);
    const QString revokedAccess = revoked.json(u"access_token"_s);
    QCOMPARE(
        http.post(u"/oauth_revoke_token.do"_s, "token=" + revoked.json(u"refresh_token"_s).toLatin1()).status,
        200);
    QCOMPARE(tableStatus(http, revokedAccess), 401);
    if (stop == u"stdin")
        first.closeWriteChannel();
    else
        first.terminate();
    QVERIFY(first.waitForFinished(5000));
    QCOMPARE(first.exitStatus(), QProcess::NormalExit);

    QFile file(state);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("postern-sandbox-state"));
    for (const QString &secret : { access, refresh, revokedAccess, revoked.json(u"refresh_token"_s) })
        QVERIFY2(!saved.contains(secret.toLatin1()), "a token value is in the state file");

    QProcess second;
    const QUrl again = start(second, arguments);
    QVERIFY(again.port() > 0);
    SandboxHttp after(again);
    QCOMPARE(tableStatus(after, access), 200);
    QCOMPARE(tableStatus(after, revokedAccess), 401);
    const auto refreshed
        = after.post(u"/oauth_token.do"_s,
                     "grant_type=refresh_token&client_id=postern&client_secret=postern-secret"
                     "&refresh_token="
                         + refresh.toLatin1());
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(tableStatus(after, refreshed.json(u"access_token"_s)), 200);
    second.closeWriteChannel();
    QVERIFY(second.waitForFinished(5000));
}

void tst_SandboxProcess::preferredPort_data()
{
    QTest::addColumn<bool>("taken");
    QTest::newRow("free") << false;
    QTest::newRow("taken") << true;
}

void tst_SandboxProcess::preferredPort()
{
    // Postern asks for the port of last time, so {{instance}} and the tokens' origin stay the same.
    QFETCH(bool, taken);
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost));
    const quint16 port = holder.serverPort();
    if (!taken)
        holder.close();
    QProcess process;
    const QUrl base
        = start(process, { u"--preferred-port"_s, QString::number(port), u"--exit-with-stdin"_s });
    QVERIFY(base.port() > 0); // stderr is read at the end
    if (taken)
        QVERIFY(base.port() != port);
    else
        QCOMPARE(base.port(), int(port));
    SandboxHttp http(base);
    QCOMPARE(passwordGrant(http).status, 200);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(5000));
    if (taken)
        QVERIFY(process.readAllStandardError().contains("not free"));
}

void tst_SandboxProcess::unusableStateFileIsSetAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("notJson") << "{\"format\":"_ba;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage \x01", 13);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("anotherFormat") << R"({"format":"something-else","version":1})"_ba;
    QTest::newRow("futureVersion")
        << R"({"format":"postern-sandbox-state","version":99,"accessTokens":[],"refreshTokens":[]})"_ba;
    QTest::newRow("tokensNotAList")
        << R"({"format":"postern-sandbox-state","version":1,"accessTokens":{},"refreshTokens":[]})"_ba;
    QTest::newRow("badDigest")
        << R"({"format":"postern-sandbox-state","version":1,"refreshTokens":[],"accessTokens":[{"sha256":"zz",
        "clientId":"postern","userName":"admin","scope":"useraccount","expires":"2999-01-01T00:00:00.000Z",
        "grant":"","revoked":false}]})"_ba;
    QTest::newRow("badDate")
        << R"({"format":"postern-sandbox-state","version":1,"refreshTokens":[],"accessTokens":[{"sha256":
        "0000000000000000000000000000000000000000000000000000000000000000","clientId":"postern",
        "userName":"admin","scope":"useraccount","expires":"tomorrow","grant":"","revoked":false}]})"_ba;
    QTest::newRow("deepNesting") << QByteArray(100000, '[');
    QTest::newRow("directory") << "<dir>"_ba;
}

void tst_SandboxProcess::unusableStateFileIsSetAside()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString state = dir.filePath(u"sandbox-state.json"_s);
    if (content == "<dir>") {
        QVERIFY(QDir(dir.path()).mkdir(u"sandbox-state.json"_s));
    } else {
        QFile file(state);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QProcess process;
    const QUrl base = start(process, { u"--state"_s, state, u"--exit-with-stdin"_s });
    QVERIFY(base.port() > 0); // stderr is read at the end
    SandboxHttp http(base);
    const auto token = passwordGrant(http);
    QCOMPARE(token.status, 200);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(u"set aside as"_s), qPrintable(error));
    const QStringList aside = QDir(dir.path())
                                  .entryList({ u"sandbox-state.json.broken-*"_s },
                                             QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(aside.size(), 1);
    // A new state file holds what this run issued.
    QFile fresh(state);
    QVERIFY(fresh.open(QIODevice::ReadOnly));
    QVERIFY(fresh.readAll().contains("postern-sandbox-state"));
}

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
    for (const char *option :
         { "--port", "--registry", "--client-id", "--client-secret", "--redirect-url", "--client-auth",
           "--access-token-lifespan", "--refresh-token-lifespan", "--rotate-refresh-tokens", "--issuer-param",
           "--log", "--state", "--preferred-port", "--idle-timeout", "--max-connections" }) {
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
