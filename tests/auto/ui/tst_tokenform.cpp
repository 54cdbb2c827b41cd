// Get New Access Token and Manage Access Tokens as a person and a screen reader meet them, against the
// sandbox instance: Cancel discards the form, endpoints suggested from the URL follow it as it is typed,
// the form's layout after grant switches (no orphan labels or gaps, fits the screen, scrolls), and
// every message and value readable through QAccessible.

#include "flowdriver.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "tokentools/signingkey.h"
#include "ui/mainwindow.h"
#include "ui/oauth/gettokendialog.h"
#include "ui/oauth/tokensdialog.h"
#include "ui/request/requesteditor.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using namespace FlowDriver;

class tst_TokenForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cancelDiscardsTheForm_data();
    void cancelDiscardsTheForm();
    void endpointsFollowTheTypedUrl();
    void tokenFormLayout_data();
    void tokenFormLayout();
    void tokenValuesAreReadOut();

private:
    template<typename T> T *find(QObject *root, const char *name) const
    {
        return root->findChild<T *>(QString::fromLatin1(name));
    }
    GetTokenDialog *openDialog(OAuth2GrantType grant);
    TokensDialog *obtain(OAuth2GrantType grant);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_manager;
    std::unique_ptr<QTemporaryDir> m_dir;
    MemorySecretStore m_keychain;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void tst_TokenForm::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY(m_sandbox->listen(0));
}

void tst_TokenForm::init()
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

void tst_TokenForm::cleanup()
{
    m_window.reset();
    m_tokens.reset();
}

GetTokenDialog *tst_TokenForm::openDialog(OAuth2GrantType grant)
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

TokensDialog *tst_TokenForm::obtain(OAuth2GrantType grant)
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

void tst_TokenForm::cancelDiscardsTheForm_data()
{
    QTest::addColumn<bool>("fill");
    QTest::newRow("a typo in the client id") << false;
    QTest::newRow("Fill for another instance") << true;
}

void tst_TokenForm::cancelDiscardsTheForm()
{
    QFETCH(bool, fill);
    // A first token makes the form the request's own.
    TokensDialog *tokens = obtain(OAuth2GrantType::ClientCredentials);
    QVERIFY(tokens);
    tokens->close();
    const OAuth2Config kept = m_window->requestEditor()->request().auth.oauth2;
    QCOMPARE(kept.clientId, u"postern"_s);

    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    auto *dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    QVERIFY(dialog);
    if (fill) {
        find<QLineEdit>(dialog, "serviceNowInstance")->setText(u"elsewhere"_s);
        QTest::mouseClick(find<QPushButton>(dialog, "fillServiceNow"), Qt::LeftButton);
        QVERIFY(find<QLineEdit>(dialog, "accessTokenUrl")->text().contains(u"elsewhere"_s));
    } else {
        QTest::keyClicks(find<QLineEdit>(dialog, "clientId"), u"x"_s);
    }
    QTest::mouseClick(find<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);

    // Nothing of it reached the request (and so its draft).
    const OAuth2Config after = m_window->requestEditor()->request().auth.oauth2;
    QCOMPARE(after.clientId, kept.clientId);
    QCOMPARE(after.accessTokenUrl, kept.accessTokenUrl);
    QCOMPARE(after.authUrl, kept.authUrl);

    // The next Request Token goes where the request's form says, and succeeds there.
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(find<QLineEdit>(dialog, "clientId")->text(), kept.clientId);
    QCOMPARE(find<QLineEdit>(dialog, "accessTokenUrl")->text(), kept.accessTokenUrl);
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return m_tokens->tokens().size() == 2; }));
}

void tst_TokenForm::tokenValuesAreReadOut()
{
    auto nameOf = [](QWidget *widget) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        return iface ? iface->text(QAccessible::Name) + u" | "_s + iface->text(QAccessible::Value)
                     : QString();
    };
    // The form's message, as a screen reader hears it.
    GetTokenDialog *dialog = openDialog(OAuth2GrantType::Password);
    QVERIFY(dialog);
    find<QLineEdit>(dialog, "username")->setText(u"admin"_s);
    find<QLineEdit>(dialog, "password")->setText(u"wrong"_s);
    QTest::mouseClick(find<QPushButton>(dialog, "requestTokenButton"), Qt::LeftButton);
    auto *message = find<QLabel>(dialog, "tokenMessage");
    QVERIFY(waitUntil([&] { return message->text().contains(u"invalid_grant"_s); }));
    QVERIFY2(nameOf(message).contains(u"invalid_grant"_s), qPrintable(nameOf(message)));
    // A field is named by its visible label.
    QVERIFY2(nameOf(find<QLineEdit>(dialog, "clientId")).startsWith(u"Client ID"_s),
             qPrintable(nameOf(find<QLineEdit>(dialog, "clientId"))));
    QTest::mouseClick(find<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);

    // A real token: its expiry in the request, and every value of its details.
    TokensDialog *tokens = obtain(OAuth2GrantType::Password);
    QVERIFY(tokens);
    QVERIFY(waitUntil([&] {
        return m_tokens->tokens().size() == 1 && !find<QLabel>(tokens, "detailName")->text().isEmpty();
    }));
    const OAuth2Token token = m_tokens->tokens().first();
    const QRegularExpression countdown(u"Expires in \\d+:\\d\\d"_s);
    auto *expiresIn = find<QLabel>(tokens, "detailExpiresIn");
    QVERIFY2(countdown.match(nameOf(expiresIn)).hasMatch(), qPrintable(nameOf(expiresIn)));
    for (const char *name : { "detailName", "detailInstance", "detailTokenType", "detailBinding",
                              "detailExpiresAt", "detailObtainedAt", "detailScope" }) {
        auto *value = find<QLabel>(tokens, name);
        QVERIFY2(!value->text().isEmpty() || QByteArrayView(name) == "detailScope", name);
        QVERIFY2(nameOf(value).contains(value->text()),
                 qPrintable(QString::fromLatin1(name) + u": "_s + nameOf(value)));
    }
    QVERIFY2(nameOf(find<QLabel>(tokens, "detailInstance")).contains(token.issuer), qPrintable(token.issuer));
    QCOMPARE(find<QLabel>(tokens, "detailInstance")->text(),
             m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash));
    QVERIFY(find<QListWidget>(tokens, "tokenList")->item(0)->text().contains(token.issuer));
    QVERIFY(nameOf(find<QLineEdit>(tokens, "detailAccessToken")).startsWith(u"Access token"_s));
    QVERIFY(nameOf(find<QLineEdit>(tokens, "detailRefreshToken")).startsWith(u"Refresh token"_s));
    QVERIFY(nameOf(find<QLabel>(tokens, "detailBinding")).contains(u"a bearer token"_s));

    // A DPoP-bound token says its key, and whether the token's own cnf.jkt names it.
    const SigningKey key = SigningKey::generateP256();
    OAuth2Token bound = token;
    bound.id = OAuth2Token::newId();
    bound.name = u"Bound"_s;
    bound.tokenType = u"DPoP"_s;
    bound.dpopKey = QString::fromLatin1(key.toPem());
    bound.dpopThumbprint = key.thumbprint();
    const auto part = [](const QJsonObject &o) {
        return QString::fromLatin1(base64UrlNoPadding(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    };
    bound.accessToken = part({ { u"alg"_s, u"ES256"_s } }) + u'.'
        + part({ { u"cnf"_s, QJsonObject { { u"jkt"_s, key.thumbprint() } } } }) + u".c2ln"_s;
    m_tokens->add(bound);
    auto *list = find<QListWidget>(tokens, "tokenList");
    QVERIFY(waitUntil([&] { return list->count() == 2; }));
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().contains(u"Bound"_s))
            list->setCurrentRow(row);
    }
    const QString binding = nameOf(find<QLabel>(tokens, "detailBinding"));
    QVERIFY2(binding.contains(u"DPoP key"_s) && binding.contains(key.thumbprint())
                 && binding.contains(u"cnf.jkt names this key"_s),
             qPrintable(binding));
    QVERIFY(!binding.contains(u"PRIVATE"_s));
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->text().contains(u"Bound"_s))
            list->setCurrentRow(row);
    }
    QTest::mouseClick(find<QPushButton>(tokens, "useTokenButton"), Qt::LeftButton);
    auto *expiry = find<QLabel>(m_window.get(), "tokenExpiry");
    QVERIFY2(countdown.match(nameOf(expiry)).hasMatch(), qPrintable(nameOf(expiry)));
}

void tst_TokenForm::endpointsFollowTheTypedUrl()
{
    // A new request, its URL typed key by key: the suggested endpoints follow it to the end, and do
    // not stay at the first host seen on the way ("http://1" is 0.0.0.1).
    HttpRequest request;
    request.auth.type = AuthType::OAuth2;
    m_window->setRequest(request);
    auto *url = find<QLineEdit>(m_window.get(), "urlEdit");
    QVERIFY(url->text().isEmpty());
    url->setFocus();
    const QString base = m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash);
    QTest::keyClicks(url, base + u"/api/now/table/incident"_s);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    auto *dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(find<QLineEdit>(dialog, "authUrl")->text(), base + u"/oauth_auth.do"_s);
    QCOMPARE(find<QLineEdit>(dialog, "accessTokenUrl")->text(), base + u"/oauth_token.do"_s);
    find<QPushButton>(dialog, "cancelButton")->click();
}

void tst_TokenForm::tokenFormLayout_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("advanced");
    QTest::addColumn<int>("clientAuth");
    QTest::addColumn<bool>("push"); // PAR
    const int body = int(ClientAuthentication::Body);
    QTest::newRow("password to implicit")
        << int(OAuth2GrantType::Password) << int(OAuth2GrantType::Implicit) << false << body << false;
    QTest::newRow("PKCE to client credentials")
        << int(OAuth2GrantType::AuthorizationCodePkce) << int(OAuth2GrantType::ClientCredentials) << false
        << body << false;
    QTest::newRow("implicit to code, advanced")
        << int(OAuth2GrantType::Implicit) << int(OAuth2GrantType::AuthorizationCode) << true << body << false;
    QTest::newRow("everything shown (password, advanced)")
        << int(OAuth2GrantType::AuthorizationCode) << int(OAuth2GrantType::Password) << true << body << false;
    QTest::newRow("code, private_key_jwt, PAR")
        << int(OAuth2GrantType::Implicit) << int(OAuth2GrantType::AuthorizationCodePkce) << true
        << int(ClientAuthentication::PrivateKeyJwt) << true;
    QTest::newRow("device, client_secret_jwt")
        << int(OAuth2GrantType::Password) << int(OAuth2GrantType::DeviceCode) << false
        << int(ClientAuthentication::ClientSecretJwt) << false;
    QTest::newRow("JWT bearer, secret in the body")
        << int(OAuth2GrantType::AuthorizationCode) << int(OAuth2GrantType::JwtBearer) << false << body
        << false;
    QTest::newRow("JWT bearer, private_key_jwt")
        << int(OAuth2GrantType::Password) << int(OAuth2GrantType::JwtBearer) << true
        << int(ClientAuthentication::PrivateKeyJwt) << false;
}

void tst_TokenForm::tokenFormLayout()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, advanced);
    QFETCH(int, clientAuth);
    QFETCH(bool, push);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "getNewTokenButton"), Qt::LeftButton);
    auto *dialog = visibleChild<GetTokenDialog>(m_window.get(), u"getTokenDialog"_s);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *grant = find<QComboBox>(dialog, "grantType");
    grant->setCurrentIndex(grant->findData(from));
    find<QCheckBox>(dialog, "showAdvanced")->setChecked(advanced);
    grant->setCurrentIndex(grant->findData(to));
    auto *authentication = find<QComboBox>(dialog, "clientAuthentication");
    authentication->setCurrentIndex(authentication->findData(clientAuth));
    find<QCheckBox>(dialog, "pushAuthorizationRequest")->setChecked(push);
    QApplication::processEvents();

    // The rows of the client's authentication and of PAR: there when they are used, gone otherwise.
    const bool privateKey = clientAuth == int(ClientAuthentication::PrivateKeyJwt);
    const bool jwt = privateKey || clientAuth == int(ClientAuthentication::ClientSecretJwt);
    // The JWT bearer grant signs with the same key rows, and has rows of its own for the assertion.
    const bool jwtBearer = to == int(OAuth2GrantType::JwtBearer);
    QCOMPARE(find<QLineEdit>(dialog, "clientKeyFile")->isVisible(), privateKey || jwtBearer);
    QCOMPARE(find<QLineEdit>(dialog, "clientKeyPassphrase")->isVisible(), privateKey || jwtBearer);
    QCOMPARE(find<QComboBox>(dialog, "clientAssertionAlgorithm")->isVisible(), privateKey || jwtBearer);
    for (const char *name : { "assertionIssuer", "assertionSubject", "assertionAudience", "assertionClaims" })
        QCOMPARE(find<QLineEdit>(dialog, name)->isVisible(), jwtBearer);
    QCOMPARE(find<QLineEdit>(dialog, "callbackUrl")->isVisible(),
             !jwtBearer && to != int(OAuth2GrantType::Password)
                 && to != int(OAuth2GrantType::ClientCredentials) && to != int(OAuth2GrantType::DeviceCode));
    QCOMPARE(find<QLineEdit>(dialog, "clientAssertionAudience")->isVisible(),
             jwt && to != int(OAuth2GrantType::Implicit));
    QCOMPARE(find<QLineEdit>(dialog, "clientSecret")->isVisible(),
             !privateKey && to != int(OAuth2GrantType::Implicit));
    const bool codeGrant
        = to == int(OAuth2GrantType::AuthorizationCode) || to == int(OAuth2GrantType::AuthorizationCodePkce);
    QCOMPARE(find<QCheckBox>(dialog, "pushAuthorizationRequest")->isVisible(), advanced && codeGrant);
    QCOMPARE(find<QLineEdit>(dialog, "parUrl")->isVisible(), advanced && codeGrant && push);
    QCOMPARE(find<QCheckBox>(dialog, "dpop")->isVisible(), advanced && to != int(OAuth2GrantType::Implicit));
    QCOMPARE(find<QLineEdit>(dialog, "deviceAuthorizationUrl")->isVisible(),
             to == int(OAuth2GrantType::DeviceCode));
    if (privateKey && push)
        screenshot(u"token-form-private-key-par"_s);
    if (jwtBearer && !privateKey) {
        find<QLineEdit>(dialog, "clientId")->setText(u"postern-jwt"_s);
        find<QLineEdit>(dialog, "clientSecret")->setText(u"jwt-secret"_s);
        find<QLineEdit>(dialog, "clientKeyFile")->setText(u"/home/me/keys/servicenow-jwt.pem"_s);
        find<QLineEdit>(dialog, "clientKeyId")->setText(u"verifier-1"_s);
        find<QLineEdit>(dialog, "assertionSubject")->setText(u"abel.tuter"_s);
        find<QLineEdit>(dialog, "tokenName")->setText(u"JWT bearer"_s);
        screenshot(u"token-form-jwt-bearer"_s);
    }

    // A hidden field takes its label with it: no orphan caption, no empty row.
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->buddy() && !label->buddy()->isVisible())
            QVERIFY2(!label->isVisible(), qPrintable(label->text()));
    }
    // The implicit warning is shown whole (its wrapped lines fit the height it is given).
    auto *note = find<QLabel>(dialog, "grantNote");
    QCOMPARE(note->isVisible(), to == int(OAuth2GrantType::Implicit));
    if (note->isVisible())
        QVERIFY2(note->height() >= note->heightForWidth(note->width()),
                 qPrintable(u"%1 < %2"_s.arg(note->height()).arg(note->heightForWidth(note->width()))));

    // No gaps: each visible row starts right below the one above it.
    auto *form = dialog->findChild<QFormLayout *>();
    QVERIFY(form);
    int previousBottom = -1;
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole);
        if (!item)
            item = form->itemAt(row, QFormLayout::SpanningRole);
        if (!item || item->isEmpty() || (item->widget() && !item->widget()->isVisible()))
            continue;
        const QRect box = item->geometry();
        if (previousBottom >= 0)
            QVERIFY2(box.top() - previousBottom <= 2 * form->verticalSpacing() + 8,
                     qPrintable(u"row %1 starts %2 px below the row above"_s.arg(row).arg(box.top()
                                                                                          - previousBottom)));
        previousBottom = box.bottom();
    }

    // The dialog fits the screen (1366x768 laptops); the form scrolls when it must.
    const QRect screen = dialog->screen()->availableGeometry();
    QVERIFY2(
        dialog->frameGeometry().height() <= screen.height(),
        qPrintable(
            u"%1 px high on a %2 px screen"_s.arg(dialog->frameGeometry().height()).arg(screen.height())));
    QVERIFY2(screen.contains(dialog->frameGeometry().bottomLeft()), "the buttons are on the screen");
    auto *scroll = dialog->findChild<QScrollArea *>(u"tokenFormScroll"_s);
    QVERIFY(scroll);
    QVERIFY(scroll->widget()->isAncestorOf(find<QLineEdit>(dialog, "clientId")));
    find<QPushButton>(dialog, "cancelButton")->click();
}

QTEST_MAIN(tst_TokenForm)
#include "tst_tokenform.moc"
