#include "sandboxprocess.h"

#include <QProcess>
#include <QSignalSpy>
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
    sandbox.start(u"/bin/sh"_s, {u"-c"_s, u"echo 'not a url at all'; exec sleep 30"_s});
    QVERIFY(failed.wait());
    QVERIFY(failed.first().first().toString().contains(u"other than its address"_s));
}

void tst_SandboxLauncher::programThatExitsEarly()
{
    SandboxProcess sandbox;
    QSignalSpy failed(&sandbox, &SandboxProcess::failed);
    sandbox.start(QStringLiteral(POSTERN_SANDBOX_EXECUTABLE), {u"--registry"_s, u"/nonexistent.json"_s});
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().contains(u"exited with code 2"_s),
             qPrintable(failed.first().first().toString()));
}

void tst_SandboxLauncher::childEndsWhenItsStdinCloses()
{
    // What happens to the sandbox when Postern is killed: its end of the pipe closes.
    QProcess child;
    child.start(QStringLiteral(POSTERN_SANDBOX_EXECUTABLE), {u"--exit-with-stdin"_s});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForReadyRead(10000));
    QVERIFY(child.readLine().startsWith("http://127.0.0.1:"));
    QVERIFY(!child.waitForFinished(200)); // still serving
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_SandboxLauncher)
#include "tst_sandboxprocess_launcher.moc"
