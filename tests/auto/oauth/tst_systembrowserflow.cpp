// Authorization through the system browser (RFC 8252), end to end with real processes: an OAuth2Session
// whose redirect URI is a LoopbackReceiver, BrowserLauncher starting "the browser" through $BROWSER,
// and postern-test-browser playing the user against the sandbox instance running in this process.
//
//   session.start() ─ authorizationUrlReady ─▶ BrowserLauncher::open ─▶ postern-test-browser (a process)
//                                                                          │ login, consent at the sandbox
//   session.handleRedirect ◀─ redirectReceived ─ LoopbackReceiver ◀── GET http://127.0.0.1:PORT/callback?…
//     │ token request to the sandbox
//     ▼
//   finished(result)
//
// Also the launcher's reading of $BROWSER, without starting anything.

#include "oauth/browserlauncher.h"
#include "oauth/loopbackreceiver.h"
#include "oauth/oauth2session.h"
#include "sandbox/sandboxserver.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)
Q_DECLARE_METATYPE(Postern::OAuth2Result::Failure)
Q_DECLARE_METATYPE(Postern::OAuth2GrantType)

namespace {

const QString testBrowser = QStringLiteral(POSTERN_TEST_BROWSER);

// Sets an environment variable for the lifetime of the object, then restores it.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class tst_SystemBrowserFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void flow_data();
    void flow();
    void browserCommand_data();
    void browserCommand();
    void noOpenerFound();
    void openReportsMissingBrowser();

private:
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
};

void tst_SystemBrowserFlow::initTestCase()
{
    qRegisterMetaType<Postern::OAuth2Result>();
    QVERIFY2(QFileInfo(testBrowser).isExecutable(), qPrintable(testBrowser));
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
}

void tst_SystemBrowserFlow::flow_data()
{
    QTest::addColumn<OAuth2GrantType>("grant");
    QTest::addColumn<QByteArray>("decision");
    QTest::addColumn<QByteArray>("noise");
    QTest::addColumn<OAuth2Result::Failure>("failure");

    QTest::newRow("authorization code") << OAuth2GrantType::AuthorizationCode << "allow"_ba
                                        << "0"_ba << OAuth2Result::Failure::None;
    QTest::newRow("authorization code with PKCE") << OAuth2GrantType::AuthorizationCodePkce << "allow"_ba
                                                  << "0"_ba << OAuth2Result::Failure::None;
    QTest::newRow("favicon and junk before the callback")
        << OAuth2GrantType::AuthorizationCodePkce << "allow"_ba
        << "1"_ba << OAuth2Result::Failure::None;
    QTest::newRow("user denies") << OAuth2GrantType::AuthorizationCode << "deny"_ba
                                 << "0"_ba << OAuth2Result::Failure::AccessDenied;
}

void tst_SystemBrowserFlow::flow()
{
    QFETCH(OAuth2GrantType, grant);
    QFETCH(QByteArray, decision);
    QFETCH(QByteArray, noise);
    QFETCH(OAuth2Result::Failure, failure);

    const ScopedEnv browser("BROWSER", '"' + testBrowser.toUtf8() + "\" %s");
    const ScopedEnv decide("POSTERN_TEST_BROWSER_DECISION", decision);
    const ScopedEnv noisy("POSTERN_TEST_BROWSER_NOISE", noise);

    LoopbackReceiver receiver;
    QVERIFY2(receiver.listen(), qPrintable(receiver.errorString()));

    OAuth2Config config = OAuth2Config::forServiceNow(m_sandbox->baseUrl().toString());
    config.tokenName = u"system browser"_s;
    config.grantType = grant;
    config.clientId = u"postern"_s;
    config.clientSecret = u"postern-secret"_s;
    config.callbackUrl = receiver.redirectUri().toString();
    OAuth2Session session(config);
    session.setTokenRequestTimeout(10000);

    QString launchError;
    bool launched = false;
    connect(&session, &OAuth2Session::authorizationUrlReady, this,
            [&](const QUrl &url) { launched = BrowserLauncher::open(url, &launchError); });
    bool wasCallback = false;
    connect(&receiver, &LoopbackReceiver::redirectReceived, &session,
            [&](const QUrl &url) { wasCallback = session.handleRedirect(url); });
    QSignalSpy finished(&session, &OAuth2Session::finished);

    session.start();
    QVERIFY2(launched, qPrintable(launchError));
    // The caller's overall deadline for the user (here, the test browser) to come back.
    QVERIFY2(finished.wait(15000),
             "no redirect reached the loopback receiver; see postern-test-browser's output");
    QVERIFY(wasCallback);
    QVERIFY(!receiver.isListening());

    const auto result = finished.first().first().value<OAuth2Result>();
    QCOMPARE(result.failure, failure);
    if (failure == OAuth2Result::Failure::None) {
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(!result.token.accessToken.isEmpty());
        QCOMPARE(result.token.name, u"system browser"_s);
    } else {
        QCOMPARE(result.error, u"access_denied"_s);
    }
    QCOMPARE(finished.size(), 1);
}

void tst_SystemBrowserFlow::browserCommand_data()
{
    QTest::addColumn<QString>("variable"); // $BROWSER; %B stands for the test browser's path
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QStringList>("arguments"); // %U stands for the fully encoded URL
    QTest::addColumn<QString>("error"); // a part of the expected error; empty when it works

    const QUrl url(
        u"http://127.0.0.1:9/oauth_auth.do?response_type=code&state=a%2Bb+c&redirect_uri=http%3A%2F%2F127.0.0.1"_s);
    QTest::newRow("a program") << u"%B"_s << url << QStringList { u"%U"_s } << QString();
    QTest::newRow("a program with options")
        << u"%B --new-window"_s << url << QStringList { u"--new-window"_s, u"%U"_s } << QString();
    QTest::newRow("placeholder") << u"%B --url=%s --private"_s << url
                                 << QStringList { u"--url=%U"_s, u"--private"_s } << QString();
    QTest::newRow("quoted program path") << u"\"%B\" %s"_s << url << QStringList { u"%U"_s } << QString();
    QTest::newRow("first program that exists") << u"postern-no-such-browser %s:/nonexistent/browser:%B"_s
                                               << url << QStringList { u"%U"_s } << QString();
    QTest::newRow("empty entries skipped") << u"::%B:"_s << url << QStringList { u"%U"_s } << QString();
    QTest::newRow("none exists") << u"postern-no-such-browser:/nonexistent/browser"_s << url << QStringList()
                                 << u"(postern-no-such-browser, /nonexistent/browser)"_s;
    QTest::newRow("only separators") << u" : "_s << url << QStringList() << u"names no program"_s;
    QTest::newRow("file URL refused")
        << u"%B"_s << QUrl(u"file:///etc/passwd"_s) << QStringList() << u"Only http and https"_s;
    QTest::newRow("custom scheme refused")
        << u"%B"_s << QUrl(u"javascript:alert(1)"_s) << QStringList() << u"Only http and https"_s;
}

void tst_SystemBrowserFlow::browserCommand()
{
    QFETCH(QString, variable);
    QFETCH(QUrl, url);
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);

    variable.replace(u"%B"_s, testBrowser);
    for (QString &argument : arguments)
        argument.replace(u"%U"_s, url.toString(QUrl::FullyEncoded));
    QString message;
    const auto command = BrowserLauncher::command(url, variable, &message);
    if (!error.isEmpty()) {
        QVERIFY(!command);
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY(!message.contains(u"state"_s)); // the address is never part of a message
        return;
    }
    QVERIFY2(command, qPrintable(message));
    QCOMPARE(QFileInfo(command->program).canonicalFilePath(), QFileInfo(testBrowser).canonicalFilePath());
    QCOMPARE(command->arguments, arguments);
}

void tst_SystemBrowserFlow::noOpenerFound()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const ScopedEnv path("PATH", "/nonexistent");
    QString message;
    QVERIFY(!BrowserLauncher::command(QUrl(u"https://example.com/"_s), QString(), &message));
    QVERIFY2(message.contains(u"xdg-open was not found"_s), qPrintable(message));
    QVERIFY(message.contains(u"BROWSER"_s));
#else
    QSKIP("xdg-open is the opener on Linux and the BSDs only");
#endif
}

void tst_SystemBrowserFlow::openReportsMissingBrowser()
{
    const ScopedEnv browser("BROWSER", "/nonexistent/browser %s");
    QString message;
    QVERIFY(!BrowserLauncher::open(QUrl(u"https://example.com/authorize?state=x"_s), &message));
    QVERIFY2(message.contains(u"/nonexistent/browser"_s), qPrintable(message));
}

QTEST_GUILESS_MAIN(tst_SystemBrowserFlow)
#include "tst_systembrowserflow.moc"
