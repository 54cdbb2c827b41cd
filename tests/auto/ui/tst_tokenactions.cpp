// The token actions through the real widgets against the sandbox instance: the password and client
// credentials grants (no login window), Refresh and Revoke in Manage Access Tokens, Delete Expired and
// Delete All, auto-refresh before a send with an expired token, and a Send refused for want of a usable
// token (none, revoked, expired without refresh, another instance's).

#include "flowdriver.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "ui/mainwindow.h"
#include "ui/oauth/gettokendialog.h"
#include "ui/oauth/oauth2pane.h"
#include "ui/oauth/tokensdialog.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/widgets/lineview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Postern;
using namespace FlowDriver;

class tst_TokenActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void passwordGrantNeedsNoWindow();
    void clientCredentials();
    void tokenKeepsVariablesAndEnvironment();
    void wrongPasswordSaysSo();
    void refreshAndRevoke();
    void autoRefreshBeforeSend();
    void deleteExpiredAndAll();
    void advancedParametersReachTheServer();
    void systemBrowser_data();
    void systemBrowser();
    void noUsableTokenIsNotSent_data();
    void noUsableTokenIsNotSent();

private:
    template<typename T> T *find(QObject *root, const char *name) const
    {
        return root->findChild<T *>(QString::fromLatin1(name));
    }
    GetTokenDialog *openDialog(OAuth2GrantType grant);
    TokensDialog *obtain(OAuth2GrantType grant);
    QString send();
    static void answerNextQuestion(bool yes);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_manager;
    std::unique_ptr<QTemporaryDir> m_dir;
    MemorySecretStore m_keychain;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void tst_TokenActions::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY(m_sandbox->listen(0));
}

void tst_TokenActions::init()
{
    m_sandbox->setClockForTesting({});
    m_dir = std::make_unique<QTemporaryDir>();
    m_tokens = std::make_unique<TokenStore>(m_dir->path());
    m_tokens->useSecretStore(&m_keychain, TokenStore::StorageMode::Keychain, u"test keychain"_s);
    m_window = std::make_unique<MainWindow>(&m_manager, m_tokens.get());
    m_window->setRequest(MainWindow::incidentRequest(m_sandbox->baseUrl()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    find<QTabWidget>(m_window.get(), "requestTabs")->setCurrentIndex(1);
    auto *type = find<QComboBox>(m_window.get(), "authType");
    type->setCurrentIndex(type->findText(u"OAuth 2.0"_s));
}

void tst_TokenActions::cleanup()
{
    m_window.reset();
    m_tokens.reset();
}

void tst_TokenActions::answerNextQuestion(bool yes)
{
    QTimer::singleShot(0, qApp, [yes] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(yes ? QMessageBox::Yes : QMessageBox::No)->click();
    });
}

GetTokenDialog *tst_TokenActions::openDialog(OAuth2GrantType grant)
{
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    auto *dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    if (!dialog)
        return nullptr;
    auto *grantBox = find<QComboBox>(dialog, "grantType");
    grantBox->setCurrentIndex(grantBox->findData(int(grant)));
    find<QLineEdit>(dialog, "tokenName")->setText(u"Direct"_s);
    find<QLineEdit>(dialog, "clientId")->setText(u"postern"_s);
    find<QLineEdit>(dialog, "clientSecret")->setText(u"postern-secret"_s);
    return dialog;
}

TokensDialog *tst_TokenActions::obtain(OAuth2GrantType grant)
{
    GetTokenDialog *dialog = openDialog(grant);
    if (!dialog)
        return nullptr;
    if (grant == OAuth2GrantType::Password) {
        find<QLineEdit>(dialog, "username")->setText(u"abel.tuter"_s);
        find<QLineEdit>(dialog, "password")->setText(u"abel.tuter"_s);
    }
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    return qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s));
}

QString tst_TokenActions::send()
{
    QSignalSpy shown(m_window->responseViewer(), &ResponseViewer::bodyShown);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    // A request stopped before sending is shown at once, during the click.
    if (shown.isEmpty() && !shown.wait(15000))
        return QString();
    return find<QLabel>(m_window.get(), "responseStatus")->text();
}

void tst_TokenActions::passwordGrantNeedsNoWindow()
{
    GetTokenDialog *dialog = openDialog(OAuth2GrantType::Password);
    QVERIFY(dialog);
    // The form asks for what the grant needs, and hides what it does not.
    QVERIFY(find<QLineEdit>(dialog, "username")->isVisible());
    QVERIFY(find<QLineEdit>(dialog, "password")->isVisible());
    QCOMPARE(find<QLineEdit>(dialog, "password")->echoMode(), QLineEdit::Password);
    QVERIFY(!find<QLineEdit>(dialog, "callbackUrl")->isVisible());
    QVERIFY(!find<QLineEdit>(dialog, "authUrl")->isVisible());
    find<QLineEdit>(dialog, "username")->setText(u"abel.tuter"_s);
    find<QLineEdit>(dialog, "password")->setText(u"abel.tuter"_s);
    QSignalSpy opened(dialog, &GetTokenDialog::loginWindowOpened);
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    auto *tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s));
    QVERIFY(tokens);
    QVERIFY(opened.isEmpty());
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
    QCOMPARE(m_tokens->tokens().first().grantType, u"password"_s);
    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);
    QVERIFY(send().startsWith(u"200"_s));
}

void tst_TokenActions::clientCredentials()
{
    TokensDialog *tokens = obtain(OAuth2GrantType::ClientCredentials);
    QVERIFY(tokens);
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
    QVERIFY(m_tokens->tokens().first().refreshToken.isEmpty()); // none with this grant
    QVERIFY(!find<QPushButton>(tokens, "refreshTokenButton")->isEnabled());
}

// The form's {{name}} references are resolved with the pane's variables, and the token obtained is
// stored with the pane's environment.
void tst_TokenActions::tokenKeepsVariablesAndEnvironment()
{
    auto *pane = find<OAuth2Pane>(m_window.get(), "oauth2Pane");
    QVERIFY(pane);
    Variable secret;
    secret.key = u"clientSecret"_s;
    secret.value = u"postern-secret"_s;
    secret.secret = true;
    Variable name;
    name.key = u"who"_s;
    name.value = u"Dev"_s;
    pane->setVariableContext(VariableResolver({ secret, name }, {}, {}), u"env-dev"_s);
    GetTokenDialog *dialog = openDialog(OAuth2GrantType::ClientCredentials);
    QVERIFY(dialog);
    find<QLineEdit>(dialog, "tokenName")->setText(u"Token of {{who}}"_s);
    find<QLineEdit>(dialog, "clientSecret")->setText(u"{{clientSecret}}"_s);
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    QVERIFY(waitForTopLevel(u"tokensDialog"_s));
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
    QCOMPARE(m_tokens->tokens().first().name, u"Token of Dev"_s);
    QCOMPARE(m_tokens->tokens().first().environment, u"env-dev"_s);
}

void tst_TokenActions::wrongPasswordSaysSo()
{
    GetTokenDialog *dialog = openDialog(OAuth2GrantType::Password);
    QVERIFY(dialog);
    find<QLineEdit>(dialog, "username")->setText(u"admin"_s);
    find<QLineEdit>(dialog, "password")->setText(u"wrong"_s);
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    auto *message = find<QLabel>(dialog, "tokenMessage");
    QVERIFY2(waitUntil([&] { return message->text().contains(u"invalid_grant"_s); }),
             qPrintable(message->text()));
    QVERIFY(find<QLineEdit>(dialog, "password")->text().isEmpty()); // not kept
    QVERIFY(m_tokens->tokens().isEmpty());
}

void tst_TokenActions::refreshAndRevoke()
{
    TokensDialog *tokens = obtain(OAuth2GrantType::Password);
    QVERIFY(tokens);
    QVERIFY(waitUntil([&] {
        return m_tokens->tokens().size() == 1 && find<QPushButton>(tokens, "refreshTokenButton")->isEnabled();
    }));
    const QString before = m_tokens->tokens().first().accessToken;
    auto *message = find<QLabel>(tokens, "tokenActionMessage");
    QTest::mouseClick(find<QPushButton>(tokens, "refreshTokenButton"), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return message->text().startsWith(u"Refreshed"_s); }),
             qPrintable(message->text()));
    QVERIFY(m_tokens->tokens().first().accessToken != before);

    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);
    QVERIFY(send().startsWith(u"200"_s));

    QTest::mouseClick(find<QPushButton>(m_window.get(), "manageTokensButton"), Qt::LeftButton);
    tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s));
    QVERIFY(tokens);
    message = find<QLabel>(tokens, "tokenActionMessage");
    QTest::mouseClick(find<QPushButton>(tokens, "revokeTokenButton"), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return message->text().startsWith(u"Revoked"_s); }),
             qPrintable(message->text()));
    QVERIFY(waitUntil([&] { return m_tokens->tokens().first().revoked; }));
    QVERIFY(find<QListWidget>(tokens, "tokenList")->item(0)->text().contains(u"revoked"_s));
    // "Postern will not use it again": it cannot be chosen, the request's list says revoked, and Send
    // refuses it with a word instead of sending it.
    QVERIFY(!find<QPushButton>(tokens, "useTokenButton")->isEnabled());
    tokens->close();
    QCOMPARE(find<QLabel>(m_window.get(), "tokenExpiry")->text(), u"Revoked"_s);
    QVERIFY2(find<QComboBox>(m_window.get(), "currentToken")->currentText().contains(u"revoked"_s),
             qPrintable(find<QComboBox>(m_window.get(), "currentToken")->currentText()));
    QCOMPARE(send(), u"Error"_s);
    auto *responseMessage = find<QLabel>(m_window.get(), "responseMessage");
    QVERIFY2(responseMessage->text().contains(u"was revoked"_s), qPrintable(responseMessage->text()));
    QVERIFY(visibleChild<QPushButton>(m_window.get(), u"sendGetNewTokenButton"_s));

    // Deleting it does not pretend that it is still good at the server.
    QTest::mouseClick(find<QPushButton>(m_window.get(), "manageTokensButton"), Qt::LeftButton);
    tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s));
    QVERIFY(tokens);
    QString question;
    QTimer::singleShot(0, qApp, [&question] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            question = box->text();
            box->button(QMessageBox::No)->click();
        }
    });
    QTest::mouseClick(find<QPushButton>(tokens, "deleteTokenButton"), Qt::LeftButton);
    QVERIFY(question.startsWith(u"Delete the revoked token"_s));
    QVERIFY2(!question.contains(u"not revoked"_s), qPrintable(question));
}

void tst_TokenActions::autoRefreshBeforeSend()
{
    TokensDialog *tokens = obtain(OAuth2GrantType::Password);
    QVERIFY(tokens);
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);
    QVERIFY(find<QCheckBox>(m_window.get(), "autoRefresh")->isChecked());
    // Time passes at the instance and here: the token is dead for both.
    OAuth2Token expired = m_tokens->tokens().first();
    expired.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    QSignalSpy changed(m_tokens.get(), &TokenStore::tokensChanged);
    m_tokens->update(expired);
    QVERIFY(changed.wait());
    m_sandbox->setClockForTesting([] { return QDateTime::currentDateTimeUtc().addSecs(1900); });
    QVERIFY(send().startsWith(u"200"_s)); // refreshed first, then sent
    QVERIFY(m_tokens->tokens().first().accessToken != expired.accessToken);

    // Off: the stale token goes out and the instance's 401 is shown.
    find<QCheckBox>(m_window.get(), "autoRefresh")->setChecked(false);
    expired = m_tokens->tokens().first();
    expired.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    m_tokens->update(expired);
    QVERIFY(changed.wait());
    m_sandbox->setClockForTesting([] { return QDateTime::currentDateTimeUtc().addSecs(4000); });
    QVERIFY(send().startsWith(u"401"_s));
}

void tst_TokenActions::deleteExpiredAndAll()
{
    TokensDialog *tokens = obtain(OAuth2GrantType::Password);
    QVERIFY(tokens);
    tokens->close();
    QVERIFY(obtain(OAuth2GrantType::ClientCredentials));
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 2; }));
    OAuth2Token old = m_tokens->tokens().first();
    old.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    QSignalSpy changed(m_tokens.get(), &TokenStore::tokensChanged);
    m_tokens->update(old);
    QVERIFY(changed.wait());
    tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s));
    QVERIFY(tokens);
    answerNextQuestion(true);
    QTest::mouseClick(find<QPushButton>(tokens, "deleteExpiredButton"), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
    answerNextQuestion(false);
    QTest::mouseClick(find<QPushButton>(tokens, "deleteAllButton"), Qt::LeftButton);
    QTest::qWait(50);
    QCOMPARE(m_tokens->tokens().size(), 1); // No keeps them
    answerNextQuestion(true);
    QTest::mouseClick(find<QPushButton>(tokens, "deleteAllButton"), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return m_tokens->tokens().isEmpty(); }));
    QCOMPARE(find<QListWidget>(tokens, "tokenList")->count(), 0);
}

void tst_TokenActions::advancedParametersReachTheServer()
{
    GetTokenDialog *dialog = openDialog(OAuth2GrantType::ClientCredentials);
    QVERIFY(dialog);
    QVERIFY(!find<QLineEdit>(dialog, "audience")->isVisible()); // folded away until asked for
    QTest::mouseClick(find<QCheckBox>(dialog, "showAdvanced"), Qt::LeftButton);
    QVERIFY(find<QLineEdit>(dialog, "audience")->isVisible());
    find<QLineEdit>(dialog, "audience")->setText(u"https://api.example"_s);
    QTest::mouseClick(find<QPushButton>(dialog, "addExtraParameter"), Qt::LeftButton);
    auto *table = find<QTableWidget>(dialog, "extraParameters");
    QCOMPARE(table->rowCount(), 1);
    table->item(0, 0)->setText(u"tenant"_s);
    table->item(0, 1)->setText(u"acme"_s);
    const OAuth2Config c = dialog->config();
    QCOMPARE(c.audience, u"https://api.example"_s);
    QCOMPARE(c.extraParameters.size(), 1);
    QCOMPARE(c.extraParameters.first().stage, OAuth2ExtraParameter::Stage::Token);
    QCOMPARE(c.extraParameters.first().placement, OAuth2ExtraParameter::Placement::Body);
    // The sandbox takes unknown parameters as ServiceNow does; the token comes back.
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    QVERIFY(waitForTopLevel(u"tokensDialog"_s));
}

void tst_TokenActions::systemBrowser_data()
{
    QTest::addColumn<QString>("decision");
    QTest::addColumn<bool>("pkce");
    QTest::newRow("allowed") << u"allow"_s << false;
    QTest::newRow("allowed, with PKCE") << u"allow"_s << true;
    QTest::newRow("denied") << u"deny"_s << false;
}

void tst_TokenActions::systemBrowser()
{
    QFETCH(QString, decision);
    QFETCH(bool, pkce);
    // The "browser" is a small program that signs in with an HTTP client, then follows the redirect
    // to Postern's loopback listener as a browser would.
    qputenv("BROWSER", "\"" POSTERN_TEST_BROWSER "\" %s");
    qputenv("POSTERN_TEST_BROWSER_DECISION", decision.toLatin1());
    qputenv("POSTERN_TEST_BROWSER_NOISE", "1");
    GetTokenDialog *dialog
        = openDialog(pkce ? OAuth2GrantType::AuthorizationCodePkce : OAuth2GrantType::AuthorizationCode);
    QVERIFY(dialog);
    auto *useBrowser = find<QCheckBox>(dialog, "useSystemBrowser");
    QVERIFY(useBrowser->isVisible());
    useBrowser->setChecked(true);
    QVERIFY(!find<QLineEdit>(dialog, "callbackUrl")->isEnabled());
    QSignalSpy opened(dialog, &GetTokenDialog::loginWindowOpened);
    const QPointer<GetTokenDialog> alive(dialog); // it deletes itself once accepted
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    if (decision == u"allow"_s) {
        auto *tokens = qobject_cast<TokensDialog *>(waitForTopLevel(u"tokensDialog"_s, 15000));
        QVERIFY2(tokens, qPrintable(alive ? find<QLabel>(alive, "tokenMessage")->text() : QString()));
        QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
        QCOMPARE(m_tokens->tokens().first().grantType,
                 pkce ? u"authorization_code_with_pkce"_s : u"authorization_code"_s);
    } else {
        auto *message = find<QLabel>(dialog, "tokenMessage");
        QVERIFY2(waitUntil([&] { return message->text().contains(u"denied"_s); }, 15000),
                 qPrintable(message->text()));
        QVERIFY(m_tokens->tokens().isEmpty());
    }
    QVERIFY(opened.isEmpty()); // no embedded window in this mode
    qunsetenv("BROWSER");
    qunsetenv("POSTERN_TEST_BROWSER_DECISION");
    qunsetenv("POSTERN_TEST_BROWSER_NOISE");
}

void tst_TokenActions::noUsableTokenIsNotSent_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("said");
    QTest::newRow("no token") << u"none"_s << u"has no token"_s;
    QTest::newRow("expired, no refresh token") << u"expired"_s << u"has no refresh token"_s;
    QTest::newRow("revoked") << u"revoked"_s << u"was revoked"_s;
    QTest::newRow("another instance's") << u"elsewhere"_s << u"belongs to https://elsewhere.example"_s;
}

void tst_TokenActions::noUsableTokenIsNotSent()
{
    QFETCH(QString, situation);
    QFETCH(QString, said);
    if (situation != u"none"_s) {
        // A token obtained for this request, then made unusable as the row says.
        TokensDialog *tokens = obtain(OAuth2GrantType::ClientCredentials);
        QVERIFY(tokens);
        QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 1; }));
        QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);
        OAuth2Token token = m_tokens->tokens().first();
        QCOMPARE(token.issuer, m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash));
        if (situation == u"expired"_s)
            token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-5);
        else if (situation == u"revoked"_s)
            token.revoked = true;
        else
            token.issuer = u"https://elsewhere.example"_s;
        QSignalSpy changed(m_tokens.get(), &TokenStore::tokensChanged);
        m_tokens->update(token);
        QVERIFY(changed.wait());
        QCOMPARE(find<QComboBox>(m_window.get(), "currentToken")->currentData().toString(), token.id);
    }
    QCOMPARE(send(), u"Error"_s);
    auto *message = find<QLabel>(m_window.get(), "responseMessage");
    QVERIFY2(message->text().contains(said), qPrintable(message->text()));
    QVERIFY(message->text().contains(u"not sent"_s));
    QVERIFY(find<LineView>(m_window.get(), "responseBody")->text().isEmpty());
    // The way out is offered right there.
    auto *offer = visibleChild<QPushButton>(m_window.get(), u"sendGetNewTokenButton"_s);
    QVERIFY(offer);
    QTest::mouseClick(offer, Qt::LeftButton);
    QVERIFY(visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s));
}

QTEST_MAIN(tst_TokenActions)
#include "tst_tokenactions.moc"
