#include "sandbox/launcher/sandboxprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

// SandboxProcess as Postern uses it at start-up: run the program, read its address, stop it.
class tst_SandboxLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAndReportsAddress();
    void findsTheProgramFromTheEnvironment();
    void missingProgram();
    void programThatPrintsSomethingElse();
    void programThatExitsEarly();
    void childEndsWhenItsStdinCloses();
    void standardArguments_data();
    void standardArguments();
    void restartKeepsPortAndTokens();
};

void tst_SandboxLauncher::startsAndReportsAddress()
{
    SandboxProcess sandbox;
    QSignalSpy ready(&sandbox, &SandboxProcess::ready);
    QSignalSpy failed(&sandbox, &SandboxProcess::failed);
    sandbox.start(QStringLiteral(POSTERN_SANDBOX_EXECUTABLE));
    QVERIFY(ready.wait(10000));
    QCOMPARE(failed.size(), 0);
    const QUrl url = ready.first().first().toUrl();
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.port() > 0);
    QCOMPARE(sandbox.baseUrl(), url);
}

void tst_SandboxLauncher::findsTheProgramFromTheEnvironment()
{
    qputenv("POSTERN_SANDBOX", POSTERN_SANDBOX_EXECUTABLE);
    QCOMPARE(SandboxProcess::locateExecutable(), QStringLiteral(POSTERN_SANDBOX_EXECUTABLE));
    qunsetenv("POSTERN_SANDBOX");
}

void tst_SandboxLauncher::missingProgram()
{
    SandboxProcess sandbox;
    QSignalSpy failed(&sandbox, &SandboxProcess::failed);
    sandbox.start(u"/nonexistent/postern-sandbox"_s);
    QVERIFY(failed.wait());
    QVERIFY(failed.first().first().toString().contains(u"Could not start"_s));
    sandbox.start(QString());
    QVERIFY(failed.wait());
    QVERIFY(failed.last().first().toString().contains(u"not found"_s));
}

void tst_SandboxLauncher::programThatPrintsSomethingElse()
{
    SandboxProcess sandbox;
    QSignalSpy failed(&sandbox, &SandboxProcess::failed);
    sandbox.start(u"/bin/sh"_s, { u"-c"_s, u"echo 'not a url at all'; exec sleep 30"_s });
    QVERIFY(failed.wait());
    QVERIFY(failed.first().first().toString().contains(u"other than its address"_s));
}

void tst_SandboxLauncher::programThatExitsEarly()
{
    SandboxProcess sandbox;
    QSignalSpy failed(&sandbox, &SandboxProcess::failed);
    sandbox.start(QStringLiteral(POSTERN_SANDBOX_EXECUTABLE), { u"--registry"_s, u"/nonexistent.json"_s });
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().contains(u"exited with code 2"_s),
             qPrintable(failed.first().first().toString()));
}

void tst_SandboxLauncher::childEndsWhenItsStdinCloses()
{
    // What happens to the sandbox when Postern is killed: its end of the pipe closes.
    QProcess child;
    child.start(QStringLiteral(POSTERN_SANDBOX_EXECUTABLE), { u"--exit-with-stdin"_s });
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForReadyRead(10000));
    QVERIFY(child.readLine().startsWith("http://127.0.0.1:"));
    QVERIFY(!child.waitForFinished(200)); // still serving
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
}

void tst_SandboxLauncher::standardArguments_data()
{
    QTest::addColumn<QString>("stateFile");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("firstStart") << u"/data/sandbox-state.json"_s << 0
                                << QStringList { u"--exit-with-stdin"_s, u"--state"_s,
                                                 u"/data/sandbox-state.json"_s };
    QTest::newRow("portOfLastTime") << u"/data/sandbox-state.json"_s << 41234
                                    << QStringList { u"--exit-with-stdin"_s, u"--state"_s,
                                                     u"/data/sandbox-state.json"_s, u"--preferred-port"_s,
                                                     u"41234"_s };
}

void tst_SandboxLauncher::standardArguments()
{
    QFETCH(QString, stateFile);
    QFETCH(int, port);
    QFETCH(QStringList, expected);
    QCOMPARE(SandboxProcess::standardArguments(stateFile, quint16(port)), expected);
    QCOMPARE(SandboxProcess::defaultStateFile(u"/home/u/.local/share/Postern"_s),
             u"/home/u/.local/share/Postern/sandbox-state.json"_s);
}

void tst_SandboxLauncher::restartKeepsPortAndTokens()
{
    // What Postern does at each start: the port of last time and the state file in its data folder.
    QTemporaryDir dir;
    const QString state = SandboxProcess::defaultStateFile(dir.path());
    QUrl first;
    QByteArray token;
    {
        SandboxProcess sandbox;
        QSignalSpy ready(&sandbox, &SandboxProcess::ready);
        sandbox.start(QStringLiteral(POSTERN_SANDBOX_EXECUTABLE),
                      SandboxProcess::standardArguments(state, 0));
        QVERIFY(ready.wait(10000));
        first = sandbox.baseUrl();
        QNetworkAccessManager manager;
        QNetworkRequest request(first.resolved(QUrl(u"/oauth_token.do"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        QNetworkReply *reply = manager.post(
            request, "grant_type=client_credentials&client_id=postern&client_secret=postern-secret"_ba);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        token = QJsonDocument::fromJson(reply->readAll())
                    .object()
                    .value(u"access_token"_s)
                    .toString()
                    .toLatin1();
        QVERIFY(!token.isEmpty());
        delete reply;
        sandbox.stop();
    }
    QVERIFY(QFile::exists(state));

    SandboxProcess again;
    QSignalSpy ready(&again, &SandboxProcess::ready);
    again.start(QStringLiteral(POSTERN_SANDBOX_EXECUTABLE),
                SandboxProcess::standardArguments(state, quint16(first.port())));
    QVERIFY(ready.wait(10000));
    QCOMPARE(again.baseUrl(), first);
    QNetworkAccessManager manager;
    QNetworkRequest request(first.resolved(QUrl(u"/api/now/table/incident?sysparm_limit=1"_s)));
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = manager.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete reply;
}

QTEST_GUILESS_MAIN(tst_SandboxLauncher)
#include "tst_sandboxprocess_launcher.moc"
