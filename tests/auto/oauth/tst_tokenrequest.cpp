// TokenRequest with no window, against the sandbox instance running in this process: each of its three
// flows ends with one finished(result) and, when a token came back, that token in the TokenStore with
// the environment it was obtained in. The test is the front end: for the login-window flow it takes the
// authorization URL, signs in and consents over HTTP, and hands the redirect back; for the system
// browser, postern-test-browser (through $BROWSER) plays the user.

#include "oauth/oauth2session.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrequest.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "shared/sandboxhttp.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)
Q_DECLARE_METATYPE(Postern::OAuth2Result::Failure)
Q_DECLARE_METATYPE(Postern::OAuth2GrantType)

namespace {

const QString testBrowser = QStringLiteral(POSTERN_TEST_BROWSER);
const QString environmentId = u"env-dev-1"_s;

// Sets an environment variable for the lifetime of the object, then restores it.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
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

// What the front end plays: one TokenRequest with its store, and spies on all its signals.
struct Run
{
    explicit Run(TokenEndpointClient *endpoint, const QString &directory)
        : store(directory)
        , request(endpoint, &store)
        , started(&request, &TokenRequest::started)
        , urlReady(&request, &TokenRequest::authorizationUrlReady)
        , finished(&request, &TokenRequest::finished)
    {
        store.useSecretStore(&secrets, TokenStore::StorageMode::Keychain);
        QSignalSpy loaded(&store, &TokenStore::loaded);
        store.load();
        if (loaded.isEmpty())
            loaded.wait(5000);
        request.setEnvironment(environmentId);
    }

    OAuth2Result result() const { return finished.first().first().value<OAuth2Result>(); }

    MemorySecretStore secrets;
    TokenStore store;
    TokenRequest request;
    QSignalSpy started;
    QSignalSpy urlReady;
    QSignalSpy finished;
};

} // namespace

class tst_TokenRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void tokenEndpoint_data();
    void tokenEndpoint();
    void refusedBeforeSending_data();
    void refusedBeforeSending();
    void loginWindow_data();
    void loginWindow();
    void systemBrowser_data();
    void systemBrowser();
    void systemBrowserGivesUp_data();
    void systemBrowserGivesUp();
    void systemBrowserWithoutLoopback();
    void secondStartWhileRunningIgnored();

private:
    OAuth2Config config(OAuth2GrantType grant) const;
    // Signs in as abel.tuter and allows (or denies) at the sandbox; the redirect a login window would
    // stop, or an empty URL.
    QUrl browse(const QUrl &authorizationUrl, bool allow) const;
    static void checkStored(const Run &run, const OAuth2Result &result);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    TokenEndpointClient m_endpoint { &m_network };
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_TokenRequest::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    qRegisterMetaType<TokenRequest::Flow>();
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
}

void tst_TokenRequest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

OAuth2Config tst_TokenRequest::config(OAuth2GrantType grant) const
{
    OAuth2Config c = OAuth2Config::forServiceNow(m_sandbox->baseUrl().toString());
    c.tokenName = u"Request token"_s;
    c.grantType = grant;
    c.callbackUrl = u"https://oauth.pstmn.io/v1/callback"_s;
    c.clientId = u"postern"_s;
    c.clientSecret = u"postern-secret"_s;
    c.scope = u"useraccount"_s;
    return c;
}

QUrl tst_TokenRequest::browse(const QUrl &authorizationUrl, bool allow) const
{
    SandboxHttp http(m_sandbox->baseUrl());
    const auto toLogin
        = http.get(authorizationUrl.path() + u'?' + authorizationUrl.query(QUrl::FullyEncoded));
    if (toLogin.status != 302)
        return QUrl();
    const QString request = SandboxHttp::requestId(toLogin);
    const QString formToken = SandboxHttp::formToken(http.get(u"/oauth_login.do?request="_s + request));
    const auto toConsent = http.post(u"/oauth_login.do"_s,
                                     FormUrlEncoded::encode({ { u"request"_s, request },
                                                              { u"sysparm_ck"_s, formToken },
                                                              { u"user_name"_s, u"abel.tuter"_s },
                                                              { u"user_password"_s, u"abel.tuter"_s } }));
    if (toConsent.status != 302)
        return QUrl();
    const auto done = http.post(u"/oauth_consent.do"_s,
                                FormUrlEncoded::encode({ { u"request"_s, request },
                                                         { u"action"_s, allow ? u"allow"_s : u"deny"_s } }));
    return done.status == 302 ? done.location : QUrl();
}

void tst_TokenRequest::checkStored(const Run &run, const OAuth2Result &result)
{
    if (!result.ok()) {
        QVERIFY(run.store.tokens().isEmpty());
        return;
    }
    QCOMPARE(result.token.environment, environmentId);
    QTRY_COMPARE(run.store.tokens().size(), 1);
    const OAuth2Token stored = run.store.tokens().first();
    QCOMPARE(stored.id, result.token.id);
    QCOMPARE(stored.environment, environmentId);
    QCOMPARE(stored.accessToken, result.token.accessToken);
    QCOMPARE(stored.name, u"Request token"_s);
}

void tst_TokenRequest::tokenEndpoint_data()
{
    QTest::addColumn<OAuth2GrantType>("grant");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("password");
    QTest::addColumn<OAuth2Result::Failure>("failure");
    QTest::addColumn<QString>("grantName"); // of the token stored

    using F = OAuth2Result::Failure;
    QTest::newRow("password grant") << OAuth2GrantType::Password << u"postern-secret"_s << u"abel.tuter"_s
                                    << F::None << u"password"_s;
    QTest::newRow("client credentials") << OAuth2GrantType::ClientCredentials << u"postern-secret"_s
                                        << QString() << F::None << u"client_credentials"_s;
    QTest::newRow("wrong client secret") << OAuth2GrantType::ClientCredentials << u"not-the-secret"_s
                                         << QString() << F::TokenEndpointError << QString();
    QTest::newRow("wrong password") << OAuth2GrantType::Password << u"postern-secret"_s << u"nope"_s
                                    << F::TokenEndpointError << QString();
}

void tst_TokenRequest::tokenEndpoint()
{
    QFETCH(OAuth2GrantType, grant);
    QFETCH(QString, secret);
    QFETCH(QString, password);
    QFETCH(OAuth2Result::Failure, failure);
    QFETCH(QString, grantName);

    Run run(&m_endpoint, m_dir->path());
    OAuth2Config c = config(grant);
    c.clientSecret = secret;
    TokenRequest::Options options;
    options.username = u"abel.tuter"_s;
    options.password = password;
    options.systemBrowser = true; // not a browser grant: ignored
    QVERIFY(run.request.start(c, options));
    QVERIFY(run.request.isRunning());
    QCOMPARE(run.started.size(), 1);
    QCOMPARE(run.started.first().first().value<TokenRequest::Flow>(), TokenRequest::Flow::TokenEndpoint);
    QCOMPARE(run.finished.size(), 0); // never inside start()
    QVERIFY(run.finished.wait(10000));
    QVERIFY(!run.request.isRunning());
    QTest::qWait(50); // nothing more comes
    QCOMPARE(run.finished.size(), 1);
    QCOMPARE(run.urlReady.size(), 0);
    const OAuth2Result result = run.result();
    QCOMPARE(result.failure, failure);
    if (failure == OAuth2Result::Failure::None) {
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.token.grantType, grantName);
    } else {
        QVERIFY(!result.message.isEmpty());
    }
    checkStored(run, result);
}

void tst_TokenRequest::refusedBeforeSending_data()
{
    QTest::addColumn<OAuth2GrantType>("grant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("authUrl");
    QTest::addColumn<bool>("withEndpointClient");
    QTest::addColumn<QString>("message");

    QTest::newRow("password grant without a username")
        << OAuth2GrantType::Password << u"  "_s << QString() << true << u"Username is empty."_s;
    QTest::newRow("authorization code without an Auth URL")
        << OAuth2GrantType::AuthorizationCode << QString() << u"-"_s << true << u"Auth URL"_s;
    QTest::newRow("client credentials without a token endpoint client")
        << OAuth2GrantType::ClientCredentials << QString() << QString() << false
        << u"This grant needs the token endpoint client, which is not available here."_s;
}

// A configuration that cannot be used ends at once with one InvalidConfiguration result; nothing is
// sent or stored.
void tst_TokenRequest::refusedBeforeSending()
{
    QFETCH(OAuth2GrantType, grant);
    QFETCH(QString, username);
    QFETCH(QString, authUrl);
    QFETCH(bool, withEndpointClient);
    QFETCH(QString, message);

    Run run(withEndpointClient ? &m_endpoint : nullptr, m_dir->path());
    OAuth2Config c = config(grant);
    if (authUrl == u"-"_s)
        c.authUrl.clear();
    TokenRequest::Options options;
    options.username = username;
    QVERIFY(!run.request.start(c, options));
    QCOMPARE(run.finished.size(), 1);
    QCOMPARE(run.started.size(), 0);
    QVERIFY(!run.request.isRunning());
    const OAuth2Result result = run.result();
    QCOMPARE(result.failure, OAuth2Result::Failure::InvalidConfiguration);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QTest::qWait(50);
    QCOMPARE(run.finished.size(), 1);
    QVERIFY(run.store.tokens().isEmpty());
}

void tst_TokenRequest::loginWindow_data()
{
    QTest::addColumn<OAuth2GrantType>("grant");
    QTest::addColumn<QString>("action"); // allow, deny or cancel
    QTest::addColumn<OAuth2Result::Failure>("failure");

    using F = OAuth2Result::Failure;
    QTest::newRow("authorization code") << OAuth2GrantType::AuthorizationCode << u"allow"_s << F::None;
    QTest::newRow("authorization code with PKCE")
        << OAuth2GrantType::AuthorizationCodePkce << u"allow"_s << F::None;
    QTest::newRow("implicit") << OAuth2GrantType::Implicit << u"allow"_s << F::None;
    QTest::newRow("user denies") << OAuth2GrantType::AuthorizationCode << u"deny"_s << F::AccessDenied;
    QTest::newRow("window closed") << OAuth2GrantType::AuthorizationCode << u"cancel"_s << F::Canceled;
}

void tst_TokenRequest::loginWindow()
{
    QFETCH(OAuth2GrantType, grant);
    QFETCH(QString, action);
    QFETCH(OAuth2Result::Failure, failure);

    Run run(&m_endpoint, m_dir->path());
    QVERIFY(run.request.start(config(grant)));
    QCOMPARE(run.started.size(), 1);
    QCOMPARE(run.started.first().first().value<TokenRequest::Flow>(), TokenRequest::Flow::LoginWindow);
    QVERIFY(run.request.session());
    if (run.urlReady.isEmpty())
        QVERIFY(run.urlReady.wait(5000));
    QCOMPARE(run.urlReady.size(), 1);
    const QUrl url = run.urlReady.first().first().toUrl();
    QCOMPARE(url.host(), m_sandbox->baseUrl().host());

    if (action == u"cancel"_s) {
        run.request.cancel();
    } else {
        const QUrl redirect = browse(url, action == u"allow"_s);
        QVERIFY(redirect.isValid());
        QVERIFY(run.request.isCallback(redirect));
        QVERIFY(run.request.handleRedirect(redirect));
    }
    if (run.finished.isEmpty())
        QVERIFY(run.finished.wait(10000));
    QTest::qWait(50);
    QCOMPARE(run.finished.size(), 1);
    QVERIFY(!run.request.isRunning());
    QVERIFY(!run.request.session());
    const OAuth2Result result = run.result();
    QCOMPARE(result.failure, failure);
    if (failure == OAuth2Result::Failure::None)
        QVERIFY2(result.ok(), qPrintable(result.message));
    checkStored(run, result);
}

void tst_TokenRequest::systemBrowser_data()
{
    QTest::addColumn<OAuth2GrantType>("grant");
    QTest::addColumn<QByteArray>("decision");
    QTest::addColumn<OAuth2Result::Failure>("failure");

    QTest::newRow("authorization code")
        << OAuth2GrantType::AuthorizationCode << "allow"_ba << OAuth2Result::Failure::None;
    QTest::newRow("authorization code with PKCE")
        << OAuth2GrantType::AuthorizationCodePkce << "allow"_ba << OAuth2Result::Failure::None;
    QTest::newRow("user denies") << OAuth2GrantType::AuthorizationCode << "deny"_ba
                                 << OAuth2Result::Failure::AccessDenied;
}

void tst_TokenRequest::systemBrowser()
{
    QFETCH(OAuth2GrantType, grant);
    QFETCH(QByteArray, decision);
    QFETCH(OAuth2Result::Failure, failure);
    QVERIFY2(QFileInfo(testBrowser).isExecutable(), qPrintable(testBrowser));
    const ScopedEnv browser("BROWSER", '"' + testBrowser.toUtf8() + "\" %s");
    const ScopedEnv decide("POSTERN_TEST_BROWSER_DECISION", decision);
    const ScopedEnv noisy("POSTERN_TEST_BROWSER_NOISE", "1");

    Run run(&m_endpoint, m_dir->path());
    QSignalSpy returned(&run.request, &TokenRequest::browserReturned);
    TokenRequest::Options options;
    options.systemBrowser = true;
    QVERIFY(run.request.start(config(grant), options));
    QCOMPARE(run.started.first().first().value<TokenRequest::Flow>(), TokenRequest::Flow::SystemBrowser);
    const QUrl callback(run.request.config().callbackUrl);
    QCOMPARE(callback.host(), u"127.0.0.1"_s);
    QVERIFY(callback.port() > 0);
    QVERIFY(run.finished.wait(15000));
    QTest::qWait(50);
    QCOMPARE(run.finished.size(), 1);
    QCOMPARE(run.urlReady.size(), 0); // the browser, not a login window
    QCOMPARE(returned.size(), 1);
    const OAuth2Result result = run.result();
    QCOMPARE(result.failure, failure);
    if (failure == OAuth2Result::Failure::None)
        QVERIFY2(result.ok(), qPrintable(result.message));
    else
        QCOMPARE(result.error, u"access_denied"_s);
    checkStored(run, result);
}

void tst_TokenRequest::systemBrowserGivesUp_data()
{
    QTest::addColumn<QByteArray>("browser");
    QTest::addColumn<QString>("message");

    QTest::newRow("browser never comes back")
        << "true %s"_ba << u"No answer came back from the browser within 0.4 seconds. No token was stored."_s;
    QTest::newRow("browser cannot start")
        << "postern-no-such-browser %s"_ba << u"The browser could not be started: "_s;
}

void tst_TokenRequest::systemBrowserGivesUp()
{
    QFETCH(QByteArray, browser);
    QFETCH(QString, message);
    const ScopedEnv env("BROWSER", browser);

    Run run(&m_endpoint, m_dir->path());
    run.request.setBrowserTimeout(400);
    TokenRequest::Options options;
    options.systemBrowser = true;
    QVERIFY(run.request.start(config(OAuth2GrantType::AuthorizationCodePkce), options));
    if (run.finished.isEmpty())
        QVERIFY(run.finished.wait(5000));
    QTest::qWait(50);
    QCOMPARE(run.finished.size(), 1);
    const OAuth2Result result = run.result();
    QCOMPARE(result.failure, OAuth2Result::Failure::Canceled);
    QVERIFY2(result.message.startsWith(message), qPrintable(result.message));
    checkStored(run, result);
}

void tst_TokenRequest::systemBrowserWithoutLoopback()
{
#ifdef Q_OS_UNIX
    // No descriptor left for a socket: the loopback receiver cannot listen. That is a failure of
    // this machine, not of the network, and nothing reaches the browser.
    const ScopedEnv env("BROWSER", QByteArray(testBrowser.toLocal8Bit()) + " %s");
    Run run(&m_endpoint, m_dir->path());
    rlimit saved {};
    QVERIFY(getrlimit(RLIMIT_NOFILE, &saved) == 0);
    rlimit low = saved;
    low.rlim_cur = std::min<rlim_t>(256, saved.rlim_cur);
    QVERIFY(setrlimit(RLIMIT_NOFILE, &low) == 0);
    QList<int> hogs;
    for (int fd = ::open("/dev/null", O_RDONLY); fd >= 0; fd = ::open("/dev/null", O_RDONLY))
        hogs.append(fd);
    TokenRequest::Options options;
    options.systemBrowser = true;
    const bool started = run.request.start(config(OAuth2GrantType::AuthorizationCodePkce), options);
    for (int fd : std::as_const(hogs))
        ::close(fd);
    QVERIFY(setrlimit(RLIMIT_NOFILE, &saved) == 0);
    QVERIFY(!started);
    QCOMPARE(run.finished.size(), 1);
    const OAuth2Result result = run.result();
    QCOMPARE(result.failure, OAuth2Result::Failure::Loopback);
    QVERIFY2(!result.message.isEmpty(), "the user is told why");
    checkStored(run, result);
#else
    QSKIP("Needs setrlimit(RLIMIT_NOFILE) to take every descriptor away from the loopback receiver.");
#endif
}

void tst_TokenRequest::secondStartWhileRunningIgnored()
{
    Run run(&m_endpoint, m_dir->path());
    QVERIFY(run.request.start(config(OAuth2GrantType::AuthorizationCode)));
    QVERIFY(!run.request.start(config(OAuth2GrantType::ClientCredentials)));
    QCOMPARE(run.started.size(), 1);
    QCOMPARE(run.request.flow(), TokenRequest::Flow::LoginWindow);
    run.request.cancel(u"stopped by the test"_s);
    QCOMPARE(run.finished.size(), 1);
    QCOMPARE(run.result().message, u"stopped by the test"_s);
}

QTEST_GUILESS_MAIN(tst_TokenRequest)

#include "tst_tokenrequest.moc"
