// The headline flow against an OAuth server nobody here wrote: the npm package oidc-provider, started
// by this test on 127.0.0.1. Through the real widgets and the real WebEngine login window: the form,
// the provider's own login and consent pages, Existing Tokens, Use Token, and a request to the
// provider's userinfo endpoint with the token.

#include "everypage.h"
#include "flowdriver.h"
#include "oauth/tokenstore.h"
#include "shared/canaries.h"
#include "shared/oidcprovider.h"
#include "ui/loginwindow/loginwindow.h"
#include "ui/mainwindow.h"
#include "ui/oauth/devicecodepanel.h"
#include "ui/oauth/gettokendialog.h"
#include "ui/oauth/tokensdialog.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/widgets/lineview.h"

#include <QAccessible>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using namespace FlowDriver;

namespace {

// The password typed into the provider's sign-in page (which takes any).
const QString signInPassword = u"any-password"_s;

// Every secret of the tokens the store holds, the DPoP key included, for the canary sweep that runs
// after the whole suite.
void recordTokens(const TokenStore &store)
{
    for (const OAuth2Token &token : store.tokens()) {
        for (const QString &secret : { token.accessToken, token.refreshToken, token.idToken })
            Testing::recordCanary(secret);
        Testing::recordPemCanary(token.dpopKey.toUtf8());
    }
}

} // namespace

class tst_OAuthFlowOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void codeFlowThenUserinfo_data();
    void codeFlowThenUserinfo();
    void abortAtTheProvider();
    void discoverThenSignInAndVerifyIdToken();
    void discoveryRefusesAnotherIssuer();
    void deviceGrantApprovedElsewhere();

private:
    template<typename T> T *find(QObject *root, const char *name) const
    {
        return root->findChild<T *>(QString::fromLatin1(name));
    }
    LoginWindow *start(const PosternTest::OidcProvider::Client &client, bool basic, bool dpop = false);

    PosternTest::OidcProvider m_provider;
    QJsonObject m_discovery;
    QNetworkAccessManager m_manager;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
    QPointer<GetTokenDialog> m_dialog; // deletes itself when it closes
};

void tst_OAuthFlowOidc::initTestCase()
{
    for (const QString &canary : { PosternTest::OidcProvider::webClient().secret,
                                   PosternTest::OidcProvider::basicClient().secret, signInPassword })
        Testing::recordCanary(canary);
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"oidc-provider could not be started: "_s + whyNot));
    PosternTest::OidcHttp http;
    const auto discovery = http.get(m_provider.endpoint(u"/.well-known/openid-configuration"_s));
    QCOMPARE(discovery.status, 200);
    m_discovery = QJsonDocument::fromJson(discovery.body).object();
    QCOMPARE(m_discovery.value(u"issuer"_s).toString(), m_provider.issuer().toString());
}

void tst_OAuthFlowOidc::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_tokens = std::make_unique<TokenStore>(m_dataDir->path());
    // Each token is recorded as soon as it is stored, before anything could write it elsewhere.
    connect(m_tokens.get(), &TokenStore::tokensChanged, this, [this] { recordTokens(*m_tokens); });
    m_window = std::make_unique<MainWindow>(&m_manager, m_tokens.get());
    HttpRequest request;
    request.url = m_discovery.value(u"userinfo_endpoint"_s).toString();
    request.auth.type = AuthType::OAuth2;
    m_window->setRequest(request);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    find<QTabWidget>(m_window.get(), "requestTabs")->setCurrentIndex(1);
}

void tst_OAuthFlowOidc::cleanup()
{
    m_window.reset();
    m_tokens.reset();
    m_dataDir.reset();
}

LoginWindow *tst_OAuthFlowOidc::start(const PosternTest::OidcProvider::Client &client, bool basic, bool dpop)
{
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    m_dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    if (!m_dialog)
        return nullptr;
    find<QLineEdit>(m_dialog, "tokenName")->setText(u"oidc-provider"_s);
    find<QLineEdit>(m_dialog, "callbackUrl")->setText(u"https://oauth.pstmn.io/v1/callback"_s);
    find<QLineEdit>(m_dialog, "authUrl")->setText(m_discovery.value(u"authorization_endpoint"_s).toString());
    find<QLineEdit>(m_dialog, "accessTokenUrl")->setText(m_discovery.value(u"token_endpoint"_s).toString());
    find<QLineEdit>(m_dialog, "clientId")->setText(client.id);
    find<QLineEdit>(m_dialog, "clientSecret")->setText(client.secret);
    find<QLineEdit>(m_dialog, "scope")->setText(u"openid profile email"_s);
    auto *auth = find<QComboBox>(m_dialog, "clientAuthentication");
    auth->setCurrentIndex(basic ? 1 : 0);
    if (dpop) {
        find<QCheckBox>(m_dialog, "showAdvanced")->setChecked(true);
        find<QCheckBox>(m_dialog, "dpop")->setChecked(true);
    }
    QSignalSpy opened(m_dialog, &GetTokenDialog::loginWindowOpened);
    QTest::mouseClick(find<QPushButton>(m_dialog, "requestTokenButton"), Qt::LeftButton);
    if (opened.isEmpty() && !opened.wait(10000))
        return nullptr;
    return qobject_cast<LoginWindow *>(opened.first().first().value<QDialog *>());
}

void tst_OAuthFlowOidc::codeFlowThenUserinfo_data()
{
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("dpop");
    QTest::newRow("client_secret_post") << false << u"alice"_s << false;
    QTest::newRow("client_secret_basic") << true << u"bob"_s << false;
    // RFC 9449: the provider demands a nonce at the token endpoint and at UserInfo; both are answered.
    QTest::newRow("DPoP") << false << u"dora"_s << true;
}

void tst_OAuthFlowOidc::codeFlowThenUserinfo()
{
    QFETCH(bool, basic);
    QFETCH(QString, login);
    QFETCH(bool, dpop);
    const auto client
        = basic ? PosternTest::OidcProvider::basicClient() : PosternTest::OidcProvider::webClient();
    LoginWindow *window = start(client, basic, dpop);
    QVERIFY(window);

    // The provider's own sign-in page, then its consent page.
    QVERIFY(waitForScript(window, u"!!document.querySelector('input[name=login]')"_s));
    QVERIFY(runJs(window,
                  u"document.querySelector('input[name=login]').value = '%1';"
                  "document.querySelector('input[name=password]').value = '%2';"
                  "document.querySelector('button[type=submit]').click();"_s.arg(login, signInPassword)));
    QVERIFY(waitForScript(
        window,
        u"!document.querySelector('input[name=login]') && !!document.querySelector('button[type=submit]')"_s));
    QVERIFY(runJs(window, u"document.querySelector('button[type=submit]').click();"_s));

    auto *tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s, 15000));
    QVERIFY2(tokens, qPrintable(m_dialog ? find<QLabel>(m_dialog, "tokenMessage")->text() : QString()));
    QVERIFY(waitUntil([&] { return find<QListWidget>(tokens, "tokenList")->count() == 1; }));
    QCOMPARE(find<QLabel>(tokens, "detailTokenType")->text(), dpop ? u"DPoP"_s : u"Bearer"_s);
    QCOMPARE(find<QLabel>(tokens, "detailBinding")->text().contains(u"DPoP key"_s), dpop);
    if (dpop)
        screenshot(u"tokens-dpop"_s);
    QVERIFY(find<QLabel>(tokens, "detailExpiresIn")->text().startsWith(u"Expires in"_s));
    // Every other field of the answer is listed; the ID token among them, hidden.
    auto *fields = find<QTableWidget>(tokens, "detailOtherFields");
    bool idToken = false;
    for (int row = 0; row < fields->rowCount(); ++row) {
        if (fields->item(row, 0)->text() == u"id_token"_s)
            idToken = fields->item(row, 1)->text().contains(u"hidden"_s);
    }
    QVERIFY(idToken);
    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);

    QVERIFY(Testing::openTab(find<QTabWidget>(m_window.get(), "requestTabs"), u"Headers"_s));
    auto *headers = find<KeyValueEditor>(m_window.get(), "headersTable")->keyValueModel();
    QVERIFY(waitUntil([&] { return headers->automaticRowCount() == 1; }));
    QVERIFY(headers->index(0, KeyValueModel::ValueColumn)
                .data()
                .toString()
                .startsWith(dpop ? u"DPoP "_s : u"Bearer "_s));

    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    QVERIFY(shown.wait(15000));
    QVERIFY2(find<QLabel>(m_window.get(), "responseStatus")->text().startsWith(u"200"_s),
             qPrintable(find<QLabel>(m_window.get(), "responseStatus")->text()));
    const QJsonObject userinfo
        = QJsonDocument::fromJson(find<LineView>(m_window.get(), "responseBody")->text().toUtf8()).object();
    QCOMPARE(userinfo.value(u"sub"_s).toString(), login);
}

void tst_OAuthFlowOidc::abortAtTheProvider()
{
    LoginWindow *window = start(PosternTest::OidcProvider::webClient(), false);
    QVERIFY(window);
    QVERIFY(waitForScript(window, u"!!document.querySelector('input[name=login]')"_s));
    // The provider's own "Cancel" link answers access_denied on the redirect.
    QVERIFY(runJs(window,
                  u"const a = Array.from(document.querySelectorAll('a')).find(x => "
                  u"/abort|cancel/i.test(x.href + x.textContent));"
                  "a.click();"_s));
    auto *message = find<QLabel>(m_dialog, "tokenMessage");
    QVERIFY2(waitUntil([&] { return message->text().contains(u"denied"_s); }, 15000),
             qPrintable(message->text()));
    QVERIFY(m_tokens->tokens().isEmpty());
}

void tst_OAuthFlowOidc::discoverThenSignInAndVerifyIdToken()
{
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    m_dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    QVERIFY(m_dialog);
    auto *issuer = find<QLineEdit>(m_dialog, "issuerUrl");
    issuer->setFocus();
    QTest::keyClicks(issuer, m_provider.issuer().toString());
    QTest::mouseClick(find<QPushButton>(m_dialog, "discoverButton"), Qt::LeftButton);
    auto *authUrl = find<QLineEdit>(m_dialog, "authUrl");
    QVERIFY(waitUntil(
        [&] { return authUrl->text() == m_discovery.value(u"authorization_endpoint"_s).toString(); }));
    QCOMPARE(find<QLineEdit>(m_dialog, "accessTokenUrl")->text(),
             m_discovery.value(u"token_endpoint"_s).toString());
    QCOMPARE(find<QLineEdit>(m_dialog, "revokeUrl")->text(),
             m_discovery.value(u"revocation_endpoint"_s).toString());
    QVERIFY2(find<QLabel>(m_dialog, "tokenMessage")->text().contains(u"RFC 9207"_s),
             qPrintable(find<QLabel>(m_dialog, "tokenMessage")->text()));

    find<QLineEdit>(m_dialog, "tokenName")->setText(u"discovered"_s);
    find<QLineEdit>(m_dialog, "callbackUrl")->setText(u"https://oauth.pstmn.io/v1/callback"_s);
    find<QLineEdit>(m_dialog, "clientId")->setText(PosternTest::OidcProvider::webClient().id);
    find<QLineEdit>(m_dialog, "clientSecret")->setText(PosternTest::OidcProvider::webClient().secret);
    find<QLineEdit>(m_dialog, "scope")->setText(u"openid profile"_s);
    QSignalSpy opened(m_dialog, &GetTokenDialog::loginWindowOpened);
    QTest::mouseClick(find<QPushButton>(m_dialog, "requestTokenButton"), Qt::LeftButton);
    QVERIFY(!opened.isEmpty() || opened.wait(10000));
    auto *window = qobject_cast<LoginWindow *>(opened.first().first().value<QDialog *>());
    QVERIFY(waitForScript(window, u"!!document.querySelector('input[name=login]')"_s));
    QVERIFY(runJs(window,
                  u"document.querySelector('input[name=login]').value = 'carol';"
                  "document.querySelector('input[name=password]').value = 'x';"
                  "document.querySelector('button[type=submit]').click();"_s));
    QVERIFY(waitForScript(
        window,
        u"!document.querySelector('input[name=login]') && !!document.querySelector('button[type=submit]')"_s));
    // The provider's redirect carries iss (RFC 9207); Postern compares it with the discovered issuer.
    QVERIFY(runJs(window, u"document.querySelector('button[type=submit]').click();"_s));
    auto *tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s, 15000));
    QVERIFY(tokens);

    // JWT tools: the access token is opaque here; the ID token is a JWT signed with a published key.
    auto *verdict = find<QLabel>(tokens, "jwtVerdict");
    QVERIFY(waitUntil(
        [&] { return find<QPlainTextEdit>(tokens, "jwtDecoded")->toPlainText().contains(u"not a JWT"_s); }));
    auto *which = find<QComboBox>(tokens, "jwtWhich");
    QVERIFY(which->isEnabled());
    which->setCurrentIndex(1);
    QVERIFY2(waitUntil([&] { return verdict->text().startsWith(u"Valid"_s); }, 15000),
             qPrintable(verdict->text()));
    const QString decoded = find<QPlainTextEdit>(tokens, "jwtDecoded")->toPlainText();
    QVERIFY(decoded.contains(u"\"sub\": \"carol\""_s));
    QVERIFY(decoded.contains(u"exp: "_s));

    // Discovery found the introspection endpoint: the server says the token is active (RFC 7662), in a
    // message a screen reader reads.
    auto *message = find<QLabel>(tokens, "tokenActionMessage");
    QTest::mouseClick(find<QPushButton>(tokens, "introspectTokenButton"), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return message->text().startsWith(u"Active at the server"_s); }, 15000),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(u"client postern-web"_s), qPrintable(message->text()));
    QAccessibleInterface *spoken = QAccessible::queryAccessibleInterface(message);
    QVERIFY(spoken && spoken->text(QAccessible::Name).startsWith(u"Active at the server"_s));

    // UserInfo (its endpoint from discovery): who the token is for, the ID token's subject.
    QTest::mouseClick(find<QPushButton>(tokens, "userInfoButton"), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return message->text().startsWith(u"UserInfo"_s); }, 15000),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(u"sub: carol"_s), qPrintable(message->text()));

    // Sign Out (RP-Initiated Logout, its endpoint from discovery), in a login window. That window starts
    // without the sign-in's cookies, so oidc-provider finds no session to confirm and sends it back at
    // once; a provider that asks shows its page (confirmed here as a person would).
    QTest::mouseClick(find<QPushButton>(tokens, "signOutButton"), Qt::LeftButton);
    const QPointer<LoginWindow> signOut
        = qobject_cast<LoginWindow *>(waitForTopLevel(u"signOutWindow"_s, 15000));
    const auto signedOut = [&] {
        return message->text().startsWith(u"Signed out at"_s);
    };
    if (!waitUntil(signedOut, 5000) && signOut
        && runJs(signOut, u"const b = document.querySelector('button[name=logout]'); if (b) b.click();"_s))
        QVERIFY2(waitUntil(signedOut, 15000), qPrintable(message->text()));
    QVERIFY2(signedOut(), qPrintable(message->text()));
    QVERIFY(message->text().contains(m_provider.issuer().toString()));
    QVERIFY(waitUntil([&] { return !signOut; })); // the window closed itself
    QVERIFY(spoken->text(QAccessible::Name).startsWith(u"Signed out at"_s));
}

void tst_OAuthFlowOidc::discoveryRefusesAnotherIssuer()
{
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    m_dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    QVERIFY(m_dialog);
    // The same server under another name: its document says another issuer (RFC 8414 §3.3).
    QUrl other = m_provider.issuer();
    other.setHost(u"localhost"_s);
    const QString authBefore = find<QLineEdit>(m_dialog, "authUrl")->text();
    find<QLineEdit>(m_dialog, "issuerUrl")->setText(other.toString());
    QTest::mouseClick(find<QPushButton>(m_dialog, "discoverButton"), Qt::LeftButton);
    auto *message = find<QLabel>(m_dialog, "tokenMessage");
    QVERIFY2(waitUntil([&] {
                 return find<QPushButton>(m_dialog, "discoverButton")->isEnabled()
                     && !message->text().startsWith(u"Reading"_s);
             }),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(u"issuer"_s, Qt::CaseInsensitive), qPrintable(message->text()));
    QCOMPARE(find<QLineEdit>(m_dialog, "authUrl")->text(),
             authBefore); // nothing filled from a refused document
}

void tst_OAuthFlowOidc::deviceGrantApprovedElsewhere()
{
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    m_dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    QVERIFY(m_dialog);
    // Discovery fills the device authorization endpoint too.
    find<QLineEdit>(m_dialog, "issuerUrl")->setText(m_provider.issuer().toString());
    QTest::mouseClick(find<QPushButton>(m_dialog, "discoverButton"), Qt::LeftButton);
    auto *deviceUrl = find<QLineEdit>(m_dialog, "deviceAuthorizationUrl");
    QVERIFY(waitUntil([&] {
        return deviceUrl->text() == m_discovery.value(u"device_authorization_endpoint"_s).toString();
    }));
    auto *grant = find<QComboBox>(m_dialog, "grantType");
    grant->setCurrentIndex(grant->findData(int(OAuth2GrantType::DeviceCode)));
    QVERIFY(deviceUrl->isVisible());
    QVERIFY(!find<QLineEdit>(m_dialog, "callbackUrl")->isVisible());
    QVERIFY(!find<QLineEdit>(m_dialog, "authUrl")->isVisible());
    find<QLineEdit>(m_dialog, "tokenName")->setText(u"TV sign-in"_s);
    find<QLineEdit>(m_dialog, "clientId")->setText(PosternTest::OidcProvider::deviceClient().id);
    find<QLineEdit>(m_dialog, "scope")->setText(u"openid"_s);
    QTest::mouseClick(find<QPushButton>(m_dialog, "requestTokenButton"), Qt::LeftButton);

    // The code in place of the form, every value readable by a screen reader.
    DeviceCodePanel *panel = m_dialog->deviceCodePanel();
    QVERIFY2(waitUntil([&] { return !panel->code().userCode.isEmpty(); }),
             qPrintable(find<QLabel>(m_dialog, "tokenMessage")->text()));
    QVERIFY(panel->isVisible());
    QVERIFY(!find<QScrollArea>(m_dialog, "tokenFormScroll")->isVisible());
    const auto spoken = [](QWidget *widget) {
        QAccessibleInterface *node = QAccessible::queryAccessibleInterface(widget);
        return node ? node->text(QAccessible::Name) : QString();
    };
    const DeviceCode code = panel->code();
    QCOMPARE(spoken(find<QLabel>(panel, "userCode")), code.userCode);
    QCOMPARE(spoken(find<QLabel>(panel, "verificationUri")), m_provider.endpoint(u"/device"_s).toString());
    QVERIFY2(spoken(find<QLabel>(panel, "deviceCodeCountdown")).startsWith(u"The code expires in "_s),
             qPrintable(spoken(find<QLabel>(panel, "deviceCodeCountdown"))));
    QVERIFY(spoken(find<QLabel>(panel, "devicePolling")).contains(u"every 5 seconds"_s));
    auto *qr = find<QLabel>(panel, "verificationQrCode");
    QVERIFY(qr->isVisible());
    QVERIFY(!qr->pixmap().isNull());
    QVERIFY(spoken(qr).contains(u"QR code"_s));
    screenshot(u"device-code"_s);
    QTest::mouseClick(find<QPushButton>(panel, "copyUserCode"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), code.userCode);

    // Approved on "another device": the provider's own pages, driven over HTTP.
    PosternTest::OidcHttp phone;
    const PosternTest::OidcInteraction::Result approved = PosternTest::OidcInteraction::confirmDevice(
        phone, code.verificationUriComplete, PosternTest::OidcInteraction::Options());
    QVERIFY2(approved.ok(), qPrintable(approved.error));
    auto *tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s, 20000));
    QVERIFY2(tokens, qPrintable(m_dialog ? find<QLabel>(m_dialog, "tokenMessage")->text() : QString()));
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
    QCOMPARE(m_tokens->tokens().first().grantType, u"device_code"_s);
    QCOMPARE(m_tokens->tokens().first().name, u"TV sign-in"_s);
}

int main(int argc, char *argv[])
{
    prepareWebEngine();
    QApplication app(argc, argv);
    tst_OAuthFlowOidc test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_oauthflow_oidc.moc"
