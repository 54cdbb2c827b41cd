// The headline flow, end to end, through the real widgets and the real WebEngine login window, against
// the sandbox instance: Authorization → OAuth 2.0 → Get New Access Token → the form → Request Token →
// sign in and Allow in the page → Existing Tokens and the details pane → Use Token → the Bearer header
// → Send → incidents. Then what must go wrong cleanly (Deny, a forged state, a closed window, an
// expired token), and a sweep for leaked secrets over everything the run logged and wrote.

#include "everypage.h"
#include "flowdriver.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "shared/canaries.h"
#include "testkeys.h"
#include "ui/loginwindow/loginwindow.h"
#include "ui/mainwindow.h"
#include "ui/oauth/gettokendialog.h"
#include "ui/oauth/oauth2pane.h"
#include "ui/oauth/tokensdialog.h"
#include "ui/request/requesteditor.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/widgets/lineview.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

using namespace Qt::StringLiterals;
using namespace Postern;
using namespace FlowDriver;

namespace {

const QString canaryClientSecret = u"canary-client-secret-7f3a"_s;
const QString canaryPassword = u"canary-password-91b2"_s;
const QString canaryPassphrase = u"canary-key-passphrase-c4d8"_s;
const QString canaryKeyId = u"canary-kid-e5f6"_s;

QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedLog.append(QString::fromLatin1(context.category ? context.category : "") + u": "_s + message);
    if (previousHandler)
        previousHandler(type, context, message);
}

// Every secret of the tokens the store holds, for the canary sweep that runs after the whole suite.
void recordTokens(const TokenStore &store)
{
    for (const OAuth2Token &token : store.tokens()) {
        for (const QString &secret : { token.accessToken, token.refreshToken, token.idToken })
            Testing::recordCanary(secret);
    }
}

} // namespace

class tst_OAuthFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void headlineFlow_data();
    void headlineFlow();
    void implicitInTheLoginWindow();
    void denyStoresNothing();
    void forgedStateRejected();
    void closingTheWindowCancels();
    void closedLoginWindowLetsGoOfItsBrowser();
    void failedPageIsNotCalledSecure_data();
    void failedPageIsNotCalledSecure();
    void invalidFormSendsNothing();
    void serviceNowPresetFillsEndpoints();
    void expiredTokenShowsInstance401();
    void noSecretLeaks();

private:
    template<typename T> T *find(QObject *root, const char *name) const
    {
        T *w = root->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child named %s", name);
        return w;
    }
    template<typename T> T *waitForTopLevel(const char *name)
    {
        return qobject_cast<T *>(FlowDriver::waitForTopLevel(QString::fromLatin1(name)));
    }
    GetTokenDialog *openTokenDialog(const QString &callback = u"https://oauth.pstmn.io/v1/callback"_s);
    LoginWindow *requestToken(GetTokenDialog *dialog);
    bool signIn(LoginWindow *login);
    OAuth2Token obtainToken(bool *ok);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_manager;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    MemorySecretStore m_keychain;
    TestKey m_jwtKey = TestKey::ec("P-256");
    QTemporaryDir m_keyDir; // outside every folder the secret sweep reads
    QString m_keyFile;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void tst_OAuthFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(u"postern.*=true"_s);
    for (const QString &canary : { canaryClientSecret, canaryPassword, canaryPassphrase })
        Testing::recordCanary(canary);
    Testing::recordPemCanary(m_jwtKey.privatePem());
    previousHandler = qInstallMessageHandler(captureMessages);

    Sandbox::Registry registry = Sandbox::Registry::defaults();
    registry.clients.first().clientSecret = canaryClientSecret;
    for (Sandbox::User &user : registry.users)
        user.password = canaryPassword;
    Sandbox::Client shortLived = registry.clients.first();
    shortLived.clientId = u"postern-short"_s;
    shortLived.accessTokenLifespan = 3; // expires_in 2
    registry.clients.append(shortLived);
    // The JWT bearer grant, signed by an encrypted key whose passphrase is a canary too.
    Sandbox::Client jwt = registry.clients.first();
    jwt.clientId = u"postern-jwt"_s;
    jwt.jwtBearer = true;
    jwt.jwtKeys = QJsonObject { { u"keys"_s, QJsonArray { m_jwtKey.publicJwk(canaryKeyId) } } };
    registry.clients.append(jwt);
    m_keyFile = m_keyDir.filePath(u"jwt-key.pem"_s);
    QFile keyFile(m_keyFile);
    const QByteArray encrypted = m_jwtKey.privatePem(canaryPassphrase.toUtf8());
    QVERIFY(keyFile.open(QIODevice::WriteOnly) && keyFile.write(encrypted) == encrypted.size());
    keyFile.close();
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(registry);
    m_sandbox->setRequestLogging(true);
    QVERIFY(m_sandbox->listen(0));
}

void tst_OAuthFlow::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_tokens = std::make_unique<TokenStore>(m_dataDir->path());
    // A keychain stand-in, so that token metadata is written to disk (and swept for secrets).
    m_tokens->useSecretStore(&m_keychain, TokenStore::StorageMode::Keychain, u"test keychain"_s);
    // Each token is recorded as soon as it is stored, before anything could write it elsewhere.
    connect(m_tokens.get(), &TokenStore::tokensChanged, this, [this] { recordTokens(*m_tokens); });
    m_window = std::make_unique<MainWindow>(&m_manager, m_tokens.get());
    m_window->setRequest(MainWindow::incidentRequest(m_sandbox->baseUrl()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // As a user does: the Authorization tab, type OAuth 2.0.
    auto *tabs = find<QTabWidget>(m_window.get(), "requestTabs");
    tabs->setCurrentIndex(1);
    auto *type = find<QComboBox>(m_window.get(), "authType");
    type->setCurrentIndex(type->findText(u"OAuth 2.0"_s));
}

void tst_OAuthFlow::cleanup()
{
    m_window.reset();
    m_tokens.reset();
    m_dataDir.reset();
}

GetTokenDialog *tst_OAuthFlow::openTokenDialog(const QString &callback)
{
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    auto *dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    if (!dialog || !QTest::qWaitForWindowExposed(dialog)) {
        qWarning("the Get New Access Token dialog did not open");
        return nullptr;
    }
    // Auth and token URLs come pre-filled from the request's instance.
    if (find<QLineEdit>(dialog, "authUrl")->text() != m_sandbox->baseUrl().toString() + u"/oauth_auth.do"_s) {
        qWarning("Auth URL not pre-filled: %s", qPrintable(find<QLineEdit>(dialog, "authUrl")->text()));
        return nullptr;
    }
    find<QLineEdit>(dialog, "tokenName")->setText(u"Sandbox admin"_s);
    find<QLineEdit>(dialog, "callbackUrl")->setText(callback);
    find<QLineEdit>(dialog, "clientId")->setText(u"postern"_s);
    auto *secret = find<QLineEdit>(dialog, "clientSecret");
    secret->setFocus();
    QTest::keyClicks(secret, canaryClientSecret);
    find<QLineEdit>(dialog, "scope")->setText(u"useraccount"_s);
    return dialog;
}

LoginWindow *tst_OAuthFlow::requestToken(GetTokenDialog *dialog)
{
    QSignalSpy opened(dialog, &GetTokenDialog::loginWindowOpened);
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    if (opened.isEmpty() && !opened.wait(10000))
        return nullptr;
    return qobject_cast<LoginWindow *>(opened.first().first().value<QDialog *>());
}

bool tst_OAuthFlow::signIn(LoginWindow *login)
{
    if (!waitForPage(login, u"/oauth_login.do"_s))
        return false;
    // What a person does: type the user name and password into the instance's own page, click Log in.
    return runJs(login,
                 u"document.getElementById('user_name').value = 'admin';"
                 "document.getElementById('user_password').value = '%1';"
                 "document.getElementById('login').click();"_s.arg(canaryPassword))
        && waitForPage(login, u"/oauth_consent.do"_s);
}

void tst_OAuthFlow::headlineFlow_data()
{
    QTest::addColumn<QString>("callback");
    QTest::newRow("Postman's https callback, never loaded") << u"https://oauth.pstmn.io/v1/callback"_s;
    QTest::newRow("loopback callback nobody listens on") << u"http://127.0.0.1:9/callback"_s;
}

void tst_OAuthFlow::headlineFlow()
{
    QFETCH(QString, callback);
    const bool shots = QTest::currentDataTag() == QByteArray("Postman's https callback, never loaded");
    GetTokenDialog *dialog = openTokenDialog(callback);
    QVERIFY(dialog);
    if (shots)
        screenshot(u"get-new-access-token"_s);
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login);
    QVERIFY(QTest::qWaitForWindowExposed(login));
    // The keyboard starts in the page (the sign-in form), not in the read-only address.
    QWidget *focused = login->focusWidget();
    QVERIFY(focused);
    QVERIFY2(focused == login->view() || login->view()->isAncestorOf(focused),
             focused->metaObject()->className());
    if (shots) {
        QVERIFY(waitForPage(login, u"/oauth_login.do"_s));
        screenshot(u"login-window"_s);
    }
    QVERIFY(signIn(login));
    if (shots)
        screenshot(u"consent"_s);
    // The address bar shows where the user is, and that it is this computer's plain http.
    QVERIFY(find<QLineEdit>(login, "loginAddress")->text().endsWith(u"/oauth_consent.do"_s));
    QCOMPARE(find<QLabel>(login, "loginSecurity")->text(), u"http (this computer)"_s);
    // The indicator's picture comes from Postern's resources, not from a font that may lack the glyph.
    QVERIFY(find<QLabel>(login, "loginSecurityIcon")
            && !find<QLabel>(login, "loginSecurityIcon")->pixmap().isNull());

    QVERIFY(runJs(login, u"document.getElementById('allow').click();"_s));
    auto *tokens = waitForTopLevel<TokensDialog>("tokensDialog");
    QVERIFY(tokens);

    auto *list = find<QListWidget>(tokens, "tokenList");
    QVERIFY(waitUntil([&] { return list->count() == 1; }));
    QVERIFY(list->item(0)->text().contains(u"Sandbox admin"_s));
    QVERIFY(list->item(0)->text().contains(u"valid"_s));
    QCOMPARE(find<QLabel>(tokens, "detailTokenType")->text(), u"Bearer"_s);
    QCOMPARE(find<QLabel>(tokens, "detailScope")->text(), u"useraccount"_s);
    auto *access = find<QLineEdit>(tokens, "detailAccessToken");
    QCOMPARE(access->echoMode(), QLineEdit::Password);
    QVERIFY(!access->text().isEmpty());
    QCOMPARE(find<QLineEdit>(tokens, "detailRefreshToken")->echoMode(), QLineEdit::Password);
    // A live countdown below 1800 s: "Expires in 29:59".
    const QString countdown = find<QLabel>(tokens, "detailExpiresIn")->text();
    QVERIFY2(countdown.startsWith(u"Expires in 29:"_s) || countdown.startsWith(u"Expires in 30:"_s),
             qPrintable(countdown));
    const QString accessToken = access->text();
    if (shots)
        screenshot(u"token-details"_s);

    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return !tokens->isVisible(); }));

    // The Headers tab shows the automatic Bearer row.
    QVERIFY(Testing::openTab(find<QTabWidget>(m_window.get(), "requestTabs"), u"Headers"_s));
    auto *headers = find<KeyValueEditor>(m_window.get(), "headersTable")->keyValueModel();
    QVERIFY(waitUntil([&] { return headers->automaticRowCount() == 1; }));
    QCOMPARE(headers->index(0, KeyValueModel::KeyColumn).data().toString(), u"Authorization"_s);
    QCOMPARE(headers->index(0, KeyValueModel::ValueColumn).data(Qt::EditRole).toString(),
             u"Bearer "_s + accessToken);
    QVERIFY(headers->index(0, KeyValueModel::KeyColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"Authorization tab"_s));
    QVERIFY(find<QLabel>(m_window.get(), "tokenExpiry")->text().startsWith(u"Expires in"_s));

    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    QVERIFY(shown.wait(15000));
    QVERIFY2(find<QLabel>(m_window.get(), "responseStatus")->text().startsWith(u"200"_s),
             qPrintable(find<QLabel>(m_window.get(), "responseStatus")->text()));
    QCOMPARE(find<LineView>(m_window.get(), "responseBody")->text().count(u"\"number\": \"INC"_s), 10);
    if (shots) {
        find<QTabWidget>(m_window.get(), "requestTabs")->setCurrentIndex(2); // Headers: the Bearer row
        screenshot(u"bearer-response"_s);
    }
}

void tst_OAuthFlow::implicitInTheLoginWindow()
{
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    auto *grant = find<QComboBox>(dialog, "grantType");
    grant->setCurrentIndex(grant->findData(int(OAuth2GrantType::Implicit)));
    // The form shows the warning and drops what the grant does not use.
    QVERIFY(find<QLabel>(dialog, "grantNote")->isVisible());
    QVERIFY(!find<QLineEdit>(dialog, "accessTokenUrl")->isVisible());
    QVERIFY(!find<QLineEdit>(dialog, "clientSecret")->isVisible());
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login && signIn(login));
    QVERIFY(runJs(login, u"document.getElementById('allow').click();"_s));
    auto *tokens = waitForTopLevel<TokensDialog>("tokensDialog");
    QVERIFY(tokens);
    QVERIFY(waitUntil([&] { return find<QListWidget>(tokens, "tokenList")->count() == 1; }));
    QCOMPARE(find<QLabel>(tokens, "detailTokenType")->text(), u"Bearer"_s);
    QVERIFY(find<QLineEdit>(tokens, "detailRefreshToken")->text().isEmpty()); // none with this grant
    QCOMPARE(m_tokens->tokens().first().grantType, u"implicit"_s);
    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    QVERIFY(shown.wait(15000));
    QVERIFY(find<QLabel>(m_window.get(), "responseStatus")->text().startsWith(u"200"_s));
}

void tst_OAuthFlow::denyStoresNothing()
{
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login && signIn(login));
    QVERIFY(runJs(login, u"document.getElementById('deny').click();"_s));
    auto *message = find<QLabel>(dialog, "tokenMessage");
    QVERIFY2(waitUntil([&] { return message->text().contains(u"denied"_s); }), qPrintable(message->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(m_tokens->tokens().isEmpty());
}

void tst_OAuthFlow::forgedStateRejected()
{
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login && signIn(login));
    // A page that sends the browser to the callback with a code and a state that are not ours.
    QVERIFY(runJs(
        login, u"window.location.href = 'https://oauth.pstmn.io/v1/callback?code=stolen&state=forged';"_s));
    auto *message = find<QLabel>(dialog, "tokenMessage");
    QVERIFY2(waitUntil([&] { return message->text().contains(u"state"_s); }), qPrintable(message->text()));
    QVERIFY(m_tokens->tokens().isEmpty());
}

void tst_OAuthFlow::closingTheWindowCancels()
{
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login);
    QVERIFY(waitForPage(login, u"/oauth_login.do"_s));
    QTest::mouseClick(find<QPushButton>(login, "loginCancel"), Qt::LeftButton);
    auto *message = find<QLabel>(dialog, "tokenMessage");
    QVERIFY2(waitUntil([&] { return message->text().contains(u"closed"_s); }), qPrintable(message->text()));
    QVERIFY(find<QPushButton>(dialog, "requestTokenButton")->isEnabled());
    QVERIFY(m_tokens->tokens().isEmpty());
}

void tst_OAuthFlow::invalidFormSendsNothing()
{
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    find<QLineEdit>(dialog, "clientId")->clear();
    find<QLineEdit>(dialog, "authUrl")->setText(u"oauth_auth.do"_s);
    QSignalSpy opened(dialog, &GetTokenDialog::loginWindowOpened);
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    const QString message = find<QLabel>(dialog, "tokenMessage")->text();
    QVERIFY2(message.contains(u"Auth URL"_s) && message.contains(u"Client ID"_s), qPrintable(message));
    QTest::qWait(100);
    QVERIFY(opened.isEmpty());
}

void tst_OAuthFlow::serviceNowPresetFillsEndpoints()
{
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    auto *instance = find<QLineEdit>(dialog, "serviceNowInstance");
    instance->setFocus();
    QSignalSpy opened(dialog, &GetTokenDialog::loginWindowOpened);
    QTest::keyClicks(instance, u"dev12345"_s);
    QTest::keyClick(instance, Qt::Key_Return);
    QCOMPARE(find<QLineEdit>(dialog, "authUrl")->text(), u"https://dev12345.service-now.com/oauth_auth.do"_s);
    QCOMPARE(find<QLineEdit>(dialog, "accessTokenUrl")->text(),
             u"https://dev12345.service-now.com/oauth_token.do"_s);
    QCOMPARE(find<QComboBox>(dialog, "clientAuthentication")->currentIndex(), 0); // credentials in body
    // Return in the field fills; it does not press Request Token.
    QVERIFY(!waitUntil([&] { return !opened.isEmpty(); }, 300));
    QVERIFY(dialog->isVisible());
}

void tst_OAuthFlow::expiredTokenShowsInstance401()
{
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    find<QLineEdit>(dialog, "clientId")->setText(u"postern-short"_s); // a client whose tokens live 3 s
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login && signIn(login));
    QVERIFY(runJs(login, u"document.getElementById('allow').click();"_s));
    auto *tokens = waitForTopLevel<TokensDialog>("tokensDialog");
    QVERIFY(tokens);
    QVERIFY(waitUntil([&] { return find<QListWidget>(tokens, "tokenList")->count() == 1; }));
    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);

    // With auto-refresh off (tst_tokenactions covers it on), the dead token goes out as it is.
    find<QCheckBox>(m_window.get(), "autoRefresh")->setChecked(false);
    auto *expiry = find<QLabel>(m_window.get(), "tokenExpiry");
    QVERIFY2(waitUntil([&] { return expiry->text() == u"Expired"_s; }), qPrintable(expiry->text()));
    // ServiceNow's expires_in is a second short of the real lifespan; move the instance's clock on so
    // that it agrees the token is dead.
    m_sandbox->setClockForTesting([] { return QDateTime::currentDateTimeUtc().addSecs(60); });
    const auto restoreClock = qScopeGuard([this] { m_sandbox->setClockForTesting({}); });
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    QVERIFY(shown.wait(15000));
    QVERIFY(find<QLabel>(m_window.get(), "responseStatus")->text().startsWith(u"401"_s));
    QVERIFY(find<LineView>(m_window.get(), "responseBody")->text().contains(u"User Not Authenticated"_s));

    // Deleted through Manage Tokens (which asks first).
    QTest::mouseClick(find<QPushButton>(m_window.get(), "manageTokensButton"), Qt::LeftButton);
    auto *manage = waitForTopLevel<TokensDialog>("tokensDialog");
    QVERIFY(manage);
    QSignalSpy changed(m_tokens.get(), &TokenStore::tokensChanged);
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        // The confirmation: answer Yes as a person would, with the keyboard.
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->text().contains(u"not revoked"_s);
            box->button(QMessageBox::Yes)->click();
        }
    });
    QTest::mouseClick(find<QPushButton>(manage, "deleteTokenButton"), Qt::LeftButton);
    QVERIFY(asked);
    QVERIFY(changed.wait());
    QVERIFY(m_tokens->tokens().isEmpty());
    QCOMPARE(find<QListWidget>(manage, "tokenList")->count(), 0);
    manage->close();
    QVERIFY(waitUntil([&] {
        return m_window->requestEditor()->headersEditor()->keyValueModel()->automaticRowCount() == 0;
    }));
    QVERIFY(find<QLabel>(m_window.get(), "tokenExpiry")->text().isEmpty()
            || find<QLabel>(m_window.get(), "tokenExpiry")->text() == u"Not available"_s);
    // With no token left, Send does not go out without its Authorization header: it says why and
    // offers to get one.
    shown.clear();
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    QVERIFY(!shown.isEmpty() || shown.wait(15000));
    QCOMPARE(find<QLabel>(m_window.get(), "responseStatus")->text(), u"Error"_s);
    QVERIFY(find<QLabel>(m_window.get(), "responseMessage")->text().contains(u"has no token"_s));
    QVERIFY(visibleChild<QPushButton>(m_window.get(), u"sendGetNewTokenButton"_s));
}

void tst_OAuthFlow::noSecretLeaks()
{
    // Runs last: one more full flow, then every log line, every file written by the test's Postern
    // (settings, data, token metadata) and every window title is searched for any secret of the run.
    bool ok = false;
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login && signIn(login));
    QVERIFY(runJs(login, u"document.getElementById('allow').click();"_s));
    auto *tokensDialog = waitForTopLevel<TokensDialog>("tokensDialog");
    QVERIFY(tokensDialog);
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
    const OAuth2Token token = m_tokens->tokens().first();
    ok = token.isValid();
    QVERIFY(ok);
    tokensDialog->close();

    // And a JWT bearer token: a private key, its passphrase and a signed assertion in play.
    GetTokenDialog *jwtDialog = openTokenDialog();
    QVERIFY(jwtDialog);
    auto *grant = find<QComboBox>(jwtDialog, "grantType");
    grant->setCurrentIndex(grant->findData(int(OAuth2GrantType::JwtBearer)));
    find<QLineEdit>(jwtDialog, "clientId")->setText(u"postern-jwt"_s);
    find<QLineEdit>(jwtDialog, "clientSecret")->setText(canaryClientSecret); // the form kept the last one
    find<QLineEdit>(jwtDialog, "clientKeyFile")->setText(m_keyFile);
    auto *passphrase = find<QLineEdit>(jwtDialog, "clientKeyPassphrase");
    passphrase->setFocus();
    QTest::keyClicks(passphrase, canaryPassphrase);
    find<QLineEdit>(jwtDialog, "clientKeyId")->setText(canaryKeyId);
    find<QLineEdit>(jwtDialog, "assertionSubject")->setText(u"abel.tuter"_s);
    QTest::mouseClick(find<QPushButton>(jwtDialog, "requestTokenButton"), Qt::LeftButton);
    const QPointer<GetTokenDialog> jwtOpen(jwtDialog); // it closes itself once the token is stored
    const bool stored = waitUntil([&] { return m_tokens->tokens().size() == 2; });
    QVERIFY2(stored, qPrintable(jwtOpen ? find<QLabel>(jwtOpen, "tokenMessage")->text() : QString()));
    OAuth2Token jwtToken;
    for (const OAuth2Token &t : m_tokens->tokens()) {
        if (t.grantType == u"jwt_bearer"_s)
            jwtToken = t;
    }
    QVERIFY(jwtToken.isValid());
    if (auto *shown = waitForTopLevel<TokensDialog>("tokensDialog"))
        shown->close();
    m_window.reset(); // nothing of the run may hold the store's secrets past this test
    m_tokens.reset();

    // The assertion's first part names the canary key id; a line from the middle of the key file.
    const QString assertionHeader = QString::fromLatin1(b64url(
        QJsonDocument(
            QJsonObject { { u"alg"_s, u"ES256"_s }, { u"kid"_s, canaryKeyId }, { u"typ"_s, u"JWT"_s } })
            .toJson(QJsonDocument::Compact)));
    const QString keyLine = QString::fromLatin1(m_jwtKey.privatePem().split('\n').value(2));
    QVERIFY(keyLine.size() > 40);
    Testing::recordCanary(assertionHeader);
    const QStringList secrets { canaryClientSecret, canaryPassword,   token.accessToken,
                                token.refreshToken, canaryPassphrase, jwtToken.accessToken,
                                assertionHeader,    keyLine };
    QVERIFY(capturedLog.size() > 5); // the run did log (categories on), so the sweep means something
    for (const QString &line : std::as_const(capturedLog)) {
        for (const QString &secret : secrets)
            QVERIFY2(!line.contains(secret), qPrintable(u"a log line holds a secret: "_s + line.left(80)));
        QVERIFY2(!line.contains(u"code="_s), qPrintable(u"a log line holds a code: "_s + line.left(80)));
    }
    QStringList roots { m_dataDir->path() };
    for (const auto location : { QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
                                 QStandardPaths::GenericConfigLocation, QStandardPaths::CacheLocation })
        roots << QStandardPaths::writableLocation(location);
    int filesRead = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly) || file.size() > 50 * 1024 * 1024)
                continue;
            ++filesRead;
            const QByteArray content = file.readAll();
            for (const QString &secret : secrets)
                QVERIFY2(!content.contains(secret.toUtf8()),
                         qPrintable(u"a file holds a secret: "_s + file.fileName()));
        }
    }
    QVERIFY(QFile::exists(m_dataDir->filePath(u"tokens.json"_s)));
    QVERIFY(filesRead >= 1);
    qInfo("searched %d log lines and %d files", int(capturedLog.size()), filesRead);
    for (QWidget *w : QApplication::topLevelWidgets()) {
        for (const QString &secret : secrets)
            QVERIFY(!w->windowTitle().contains(secret));
    }
}

void tst_OAuthFlow::closedLoginWindowLetsGoOfItsBrowser()
{
    const qint64 before = residentKiBWithHelpers();
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login);
    QVERIFY(signIn(login));
    const QPointer<QWebEngineProfile> profile = login->findChild<QWebEngineProfile *>();
    const QPointer<QWebEnginePage> page = login->view()->page();
    QVERIFY(profile && page);
    QVERIFY(profile->isOffTheRecord());
    QVERIFY(page->profile() == profile);
    const auto renderers = [] {
        return descendantProcesses({ u"QtWebEngineProcess"_s }, 2);
    };
    QVERIFY2(!renderers().isEmpty(), qPrintable(describeProcesses()));
    const qint64 during = residentKiBWithHelpers();

    // Allowing access closes the window: page, profile and renderer all go.
    const QPointer<LoginWindow> window = login;
    QVERIFY(runJs(login, u"document.getElementById('allow').click();"_s));
    auto *tokens = waitForTopLevel<TokensDialog>("tokensDialog");
    QVERIFY(tokens);
    QVERIFY(waitUntil([&] { return !window && !page && !profile; }));
    QVERIFY2(waitUntil([&] { return renderers().isEmpty(); }, 15000), qPrintable(describeProcesses()));
    tokens->close();
    const qint64 after = residentKiBWithHelpers();
    qInfo("resident memory with helper processes: before the login %lld KiB, during it %lld KiB, after "
          "closing %lld KiB",
          before, during, after);
}

void tst_OAuthFlow::failedPageIsNotCalledSecure_data()
{
    QTest::addColumn<QString>("authUrl");
    QTest::newRow("unknown host") << u"https://postern-login.invalid/oauth_auth.do"_s;
    QTest::newRow("connection refused") << u"https://127.0.0.1:9/oauth_auth.do"_s;
}

void tst_OAuthFlow::failedPageIsNotCalledSecure()
{
    QFETCH(QString, authUrl);
    GetTokenDialog *dialog = openTokenDialog();
    QVERIFY(dialog);
    find<QLineEdit>(dialog, "authUrl")->setText(authUrl);
    LoginWindow *login = requestToken(dialog);
    QVERIFY(login);
    QSignalSpy loaded(login, &LoginWindow::pageLoaded);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.first().at(1).toBool(), false);
    auto *security = find<QLabel>(login, "loginSecurity");
    // Nothing came from the server, so nothing is encrypted either.
    QVERIFY(waitUntil([&] { return !security->toolTip().contains(u"encrypted"_s); }, 2000));
    QVERIFY2(!security->toolTip().contains(u"encrypted"_s), qPrintable(security->toolTip()));
    QCOMPARE(security->text(), u"Not loaded"_s);
    QVERIFY2(security->toolTip().contains(u"could not be loaded"_s), qPrintable(security->toolTip()));
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(security);
    QVERIFY(iface && iface->text(QAccessible::Name).contains(u"Not loaded"_s));
    QVERIFY(find<QLabel>(login, "loginSecurityIcon")
            && !find<QLabel>(login, "loginSecurityIcon")->pixmap().isNull());
    QTest::mouseClick(find<QPushButton>(login, "loginCancel"), Qt::LeftButton);
}

int main(int argc, char *argv[])
{
    prepareWebEngine();
    QApplication app(argc, argv);
    app.setApplicationName(u"postern-test-oauthflow"_s);
    tst_OAuthFlow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_oauthflow.moc"
