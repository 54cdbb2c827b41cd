#include "ui/oauth/gettokendialog.h"

#include "oauth/oauth2session.h"
#include "ui/oauth/devicecodepanel.h"
#include "ui/oauth/extraparameterseditor.h"
#include "ui/oauth/loginwindows.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"
#include "ui/widgets/secretlineedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern {

GetTokenDialog::GetTokenDialog(const OAuth2Config &initial, const OAuthServices &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
{
    setObjectName(u"getTokenDialog"_s);
    setWindowTitle(tr("Get New Access Token"));
    auto *layout = new QVBoxLayout(this);
    // The form scrolls when the screen is too short for it (a 1366x768 laptop with every row shown);
    // the message and the buttons stay in view below it.
    auto *formPage = new QWidget(this);
    formPage->setObjectName(u"tokenFormPage"_s);
    m_form = new QFormLayout(formPage);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(u"tokenFormScroll"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(formPage);
    layout->addWidget(m_scroll, 1);

    // The ServiceNow preset: an instance name or URL fills the endpoints.
    auto *presetRow = new QHBoxLayout;
    m_instance = new QLineEdit(this);
    m_instance->setObjectName(u"serviceNowInstance"_s);
    m_instance->setPlaceholderText(tr("dev12345 or https://dev12345.service-now.com"));
    auto *fill = new QPushButton(tr("&Fill"), this);
    fill->setObjectName(u"fillServiceNow"_s);
    fill->setAccessibleName(tr("Fill endpoints from the ServiceNow instance"));
    fill->setAutoDefault(false);
    presetRow->addWidget(m_instance, 1);
    presetRow->addWidget(fill);
    addLabelledRow(m_form, tr("ServiceNow inst&ance:"), m_instance, presetRow, tr("ServiceNow instance"));
    connect(fill, &QPushButton::clicked, this, &GetTokenDialog::fillFromServiceNow);

    // Discovery: an issuer URL fills the endpoints from its metadata (RFC 8414, OpenID Connect).
    auto *issuerRow = new QHBoxLayout;
    m_issuer = new QLineEdit(this);
    m_issuer->setObjectName(u"issuerUrl"_s);
    m_issuer->setPlaceholderText(tr("https://login.example.com, read from /.well-known/…"));
    m_discover = new QPushButton(tr("Disco&ver"), this);
    m_discover->setObjectName(u"discoverButton"_s);
    m_discover->setAccessibleName(tr("Discover endpoints from the issuer"));
    m_discover->setAutoDefault(false);
    issuerRow->addWidget(m_issuer, 1);
    issuerRow->addWidget(m_discover);
    addLabelledRow(m_form, tr("Iss&uer:"), m_issuer, issuerRow, tr("Issuer URL"));
    connect(m_discover, &QPushButton::clicked, this, &GetTokenDialog::discover);
    m_issuer->installEventFilter(this);
    m_instance->installEventFilter(this); // Return there fills; it must not press Request Token

    m_name = addLine(tr("Token &Name:"), "tokenName", tr("Token name"));
    m_grant = new QComboBox(this);
    m_grant->setObjectName(u"grantType"_s);
    for (const OAuth2GrantType type :
         { OAuth2GrantType::AuthorizationCode, OAuth2GrantType::AuthorizationCodePkce,
           OAuth2GrantType::Implicit, OAuth2GrantType::Password, OAuth2GrantType::ClientCredentials,
           OAuth2GrantType::DeviceCode, OAuth2GrantType::JwtBearer })
        m_grant->addItem(grantTypeName(type), int(type));
    addLabelledRow(m_form, tr("&Grant Type:"), m_grant, tr("Grant type"));
    m_grantNote
        = new QLabel(tr("The implicit grant is discouraged (RFC 9700): the token travels in the URL and "
                        "there is no refresh token. Prefer Authorization Code (With PKCE) where the server "
                        "offers it."),
                     this);
    m_grantNote->setObjectName(u"grantNote"_s);
    m_grantNote->setWordWrap(true);
    m_grantNote->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, ColorRole::WarningText));
    m_grantNote->setTextFormat(Qt::PlainText);
    // Across both columns: a wrapped paragraph in the field column is given one line's height.
    m_form->addRow(m_grantNote);
    m_callback = addLine(tr("Call&back URL:"), "callbackUrl", tr("Callback URL"),
                         u"https://oauth.pstmn.io/v1/callback"_s);
    m_systemBrowser = new QCheckBox(tr("Authorize using s&ystem browser"), this);
    m_systemBrowser->setObjectName(u"useSystemBrowser"_s);
    m_systemBrowser->setAccessibleName(tr("Authorize using system browser"));
    m_systemBrowser->setToolTip(
        tr("Sign in in your own browser; Postern listens once on 127.0.0.1 for the redirect "
           "(RFC 8252). Register http://127.0.0.1/callback as a Redirect URL (any port)."));
    m_form->addRow(QString(), m_systemBrowser);
    connect(m_systemBrowser, &QCheckBox::toggled, this, &GetTokenDialog::showFieldsForGrant);
    m_authUrl = addLine(tr("&Auth URL:"), "authUrl", tr("Auth URL"),
                        u"https://INSTANCE.service-now.com/oauth_auth.do"_s);
    // Typing another Auth URL by hand leaves the discovered server: forget what it promised.
    connect(m_authUrl, &QLineEdit::textEdited, this, [this] {
        m_discoveredIssuer.clear();
        m_jwksUri.clear();
        m_introspectionUrl.clear();
        m_userInfoUrl.clear();
        m_endSessionUrl.clear();
        m_issSupported = false;
    });
    m_deviceUrl = addLine(tr("&Device Authorization URL:"), "deviceAuthorizationUrl",
                          tr("Device authorization URL"), tr("e.g. https://login.example.com/device/code"));
    m_tokenUrl = addLine(tr("Access &Token URL:"), "accessTokenUrl", tr("Access token URL"),
                         u"https://INSTANCE.service-now.com/oauth_token.do"_s);
    m_refreshUrl = addLine(tr("Refresh Token UR&L:"), "refreshUrl", tr("Refresh token URL"),
                           tr("Same as the Access Token URL"));
    m_revokeUrl = addLine(tr("Revo&ke Token URL:"), "revokeUrl", tr("Revoke token URL"),
                          tr("e.g. https://INSTANCE.service-now.com/oauth_revoke_token.do"));
    m_username = addLine(tr("&Username:"), "username", tr("Username"));
    m_password
        = addLine(tr("&Password:"), "password", tr("Password"), tr("Asked for each time; never saved"));
    m_password->setEchoMode(QLineEdit::Password);
    m_clientId = addLine(tr("Client &ID:"), "clientId", tr("Client ID"));
    auto *clientSecret = new SecretLineEdit(this);
    clientSecret->setObjectName(u"clientSecret"_s);
    addLabelledRow(m_form, tr("Client &Secret:"), clientSecret, tr("Client secret"));
    m_clientSecret = clientSecret;
    m_showSecret = clientSecret->createRevealToggle(tr("Sho&w client secret"), tr("Show client secret"));
    m_showSecret->setObjectName(u"showClientSecret"_s);
    m_form->addRow(QString(), m_showSecret);
    m_scope = addLine(tr("S&cope:"), "scope", tr("Scope"), tr("e.g. useraccount"));
    m_state = addLine(tr("St&ate:"), "state", tr("State"),
                      tr("Leave empty for a fresh random value per request"));
    m_clientAuth = new QComboBox(this);
    m_clientAuth->setObjectName(u"clientAuthentication"_s);
    m_clientAuth->addItem(clientAuthenticationName(ClientAuthentication::Body),
                          int(ClientAuthentication::Body));
    m_clientAuth->addItem(clientAuthenticationName(ClientAuthentication::BasicHeader),
                          int(ClientAuthentication::BasicHeader));
    m_clientAuth->addItem(clientAuthenticationName(ClientAuthentication::ClientSecretJwt),
                          int(ClientAuthentication::ClientSecretJwt));
    m_clientAuth->addItem(clientAuthenticationName(ClientAuthentication::PrivateKeyJwt),
                          int(ClientAuthentication::PrivateKeyJwt));
    addLabelledRow(m_form, tr("Client Authenticatio&n:"), m_clientAuth, tr("Client authentication"));
    connect(m_clientAuth, &QComboBox::currentIndexChanged, this, &GetTokenDialog::showFieldsForGrant);

    addClientKeyRows();

    m_pkceMethod = new QComboBox(this);
    m_pkceMethod->setObjectName(u"codeChallengeMethod"_s);
    m_pkceMethod->addItem(u"SHA-256"_s, int(PkceMethod::S256));
    m_pkceMethod->addItem(tr("Plain"), int(PkceMethod::Plain));
    addLabelledRow(m_form, tr("Code C&hallenge Method:"), m_pkceMethod, tr("Code challenge method"));
    m_codeVerifier = addLine(tr("Code &Verifier:"), "codeVerifier", tr("Code verifier"),
                             tr("Leave empty for a fresh random value per request"));
    connect(m_grant, &QComboBox::currentIndexChanged, this, &GetTokenDialog::showFieldsForGrant);

    // Advanced options, folded away until asked for: refresh and revoke URLs, audience, resource and
    // extra parameters for each request of the grant.
    m_advanced = new QCheckBox(tr("Show advanced &options"), this);
    m_advanced->setObjectName(u"showAdvanced"_s);
    m_advanced->setAccessibleName(tr("Show advanced options"));
    m_form->addRow(QString(), m_advanced);
    connect(m_advanced, &QCheckBox::toggled, this, &GetTokenDialog::showFieldsForGrant);
    m_pushRequest = new QCheckBox(tr("Push the authorization request first (PAR, RFC 9126)"), this);
    m_pushRequest->setObjectName(u"pushAuthorizationRequest"_s);
    m_pushRequest->setAccessibleName(tr("Push the authorization request first"));
    m_pushRequest->setToolTip(
        tr("The parameters go to the server's PAR endpoint with the client's authentication; "
           "the login page gets only a reference to them."));
    m_form->addRow(QString(), m_pushRequest);
    connect(m_pushRequest, &QCheckBox::toggled, this, &GetTokenDialog::showFieldsForGrant);
    m_parUrl = addLine(tr("PAR Endpoint URL:"), "parUrl", tr("PAR endpoint URL"),
                       tr("Filled by Discover (pushed_authorization_request_endpoint)"));
    m_dpop = new QCheckBox(tr("Bind the token to a key with &DPoP (RFC 9449)"), this);
    m_dpop->setObjectName(u"dpop"_s);
    m_dpop->setAccessibleName(tr("Bind the token to a key with DPoP"));
    m_dpop->setToolTip(
        tr("Postern makes a key pair for the token, proves it to the token endpoint and with "
           "every request that uses the token (Authorization: DPoP). A copied token is useless "
           "without the key, which is kept in the keychain with the token."));
    m_form->addRow(QString(), m_dpop);
    m_audience = addLine(tr("Audie&nce:"), "audience", tr("Audience"),
                         tr("Sent with the authorization and token requests"));
    m_resource
        = addLine(tr("Resou&rce:"), "resource", tr("Resource"), tr("RFC 8707; sent with every request"));
    m_extras = new ExtraParametersEditor(this);
    m_extras->setObjectName(u"extraParametersEditor"_s);
    m_form->addRow(captionFor(tr("E&xtra parameters:"), m_extras->table()), m_extras);

    addDevicePanel(layout);

    m_message = new QLabel(this);
    m_message->setObjectName(u"tokenMessage"_s);
    // No fixed accessible name: a screen reader reads the message itself.
    m_message->setTextFormat(Qt::PlainText); // server text, never rich text
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_request = buttons->addButton(tr("&Request Token"), QDialogButtonBox::AcceptRole);
    m_request->setObjectName(u"requestTokenButton"_s);
    m_request->setAccessibleName(tr("Request Token"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(m_request, &QPushButton::clicked, this, &GetTokenDialog::requestToken);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_name->setText(initial.tokenName.isEmpty() ? tr("Token") : initial.tokenName);
    m_callback->setText(initial.callbackUrl.isEmpty() ? u"https://oauth.pstmn.io/v1/callback"_s
                                                      : initial.callbackUrl);
    m_authUrl->setText(initial.authUrl);
    m_tokenUrl->setText(initial.accessTokenUrl);
    m_refreshUrl->setText(initial.refreshUrl);
    m_revokeUrl->setText(initial.revokeUrl);
    m_deviceUrl->setText(initial.deviceAuthorizationUrl);
    m_parUrl->setText(initial.parUrl);
    m_pushRequest->setChecked(initial.pushAuthorizationRequest);
    m_dpop->setChecked(initial.dpop);
    m_clientId->setText(initial.clientId);
    m_clientSecret->setText(initial.clientSecret);
    m_scope->setText(initial.scope);
    m_state->setText(initial.state);
    m_clientAuth->setCurrentIndex(m_clientAuth->findData(int(initial.clientAuthentication)));
    m_keyFile->setText(initial.clientKeyFile);
    m_keyPassphrase->setText(initial.clientKeyPassphrase);
    m_keyId->setText(initial.clientKeyId);
    m_assertionAlgorithm->setCurrentIndex(
        std::max(0, m_assertionAlgorithm->findData(initial.clientAssertionAlgorithm)));
    m_assertionAudience->setText(initial.clientAssertionAudience);
    m_jwtIssuer->setText(initial.assertionIssuer);
    m_jwtSubject->setText(initial.assertionSubject);
    m_jwtAudience->setText(initial.assertionAudience);
    m_jwtClaims->setText(initial.assertionClaims);
    m_grant->setCurrentIndex(m_grant->findData(int(initial.grantType)));
    m_pkceMethod->setCurrentIndex(m_pkceMethod->findData(int(initial.pkceMethod)));
    m_codeVerifier->setText(initial.codeVerifier);
    m_advanced->setChecked(initial.pushAuthorizationRequest || initial.dpop || !initial.refreshUrl.isEmpty()
                           || !initial.revokeUrl.isEmpty() || !initial.audience.isEmpty()
                           || !initial.resource.isEmpty() || !initial.extraParameters.isEmpty());
    m_audience->setText(initial.audience);
    m_resource->setText(initial.resource);
    m_extras->setParameters(initial.extraParameters);
    m_discoveredIssuer = initial.issuer;
    m_jwksUri = initial.jwksUri;
    m_introspectionUrl = initial.introspectionUrl;
    m_userInfoUrl = initial.userInfoUrl;
    m_endSessionUrl = initial.endSessionUrl;
    m_issSupported = initial.issParameterSupported;
    m_issuer->setText(initial.issuer);
    showFieldsForGrant();
    resize(620, 0);
    fitToScreen();
    m_tokenRequest = new TokenRequest(services.endpoint, services.tokens, this);
    connect(m_tokenRequest, &TokenRequest::started, this, &GetTokenDialog::onStarted);
    connect(m_tokenRequest, &TokenRequest::finished, this, &GetTokenDialog::onFinished);
    connect(m_tokenRequest, &TokenRequest::authorizationUrlReady, this, [this](const QUrl &url) {
        const QPointer<OAuth2Session> session = m_tokenRequest->session();
        LoginHooks hooks;
        hooks.isCallback = [session](const QUrl &target) {
            return session && session->isCallback(target);
        };
        hooks.redirect = [session](const QUrl &target) {
            if (session)
                session->handleRedirect(target);
        };
        hooks.closed = [session] {
            if (session)
                session->cancel(
                    tr("The login window was closed before access was allowed. No token was stored."));
        };
        hooks.warningStyleSheet = Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText, true);
        QString error;
        m_login = LoginWindows::create(url, hooks, this, &error);
        if (!m_login) {
            if (session)
                session->cancel(error);
            return;
        }
        m_login->show();
        Q_EMIT loginWindowOpened(m_login);
    });
    connectDevicePanel();
    connect(m_tokenRequest, &TokenRequest::browserReturned, this, [this] {
        raise();
        activateWindow();
    });
}

GetTokenDialog::~GetTokenDialog()
{
    delete m_login;
}

QLineEdit *GetTokenDialog::addLine(const QString &label, const char *objectName,
                                   const QString &accessibleName, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    addLabelledRow(m_form, label, edit, accessibleName);
    return edit;
}

bool GetTokenDialog::usesSystemBrowser() const
{
    return m_systemBrowser->isChecked() && !m_systemBrowser->isHidden()
        && (OAuth2GrantType(m_grant->currentData().toInt()) == OAuth2GrantType::AuthorizationCode
            || OAuth2GrantType(m_grant->currentData().toInt()) == OAuth2GrantType::AuthorizationCodePkce);
}

OAuth2Config GetTokenDialog::config() const
{
    OAuth2Config c;
    c.tokenName = m_name->text().trimmed();
    c.grantType = OAuth2GrantType(m_grant->currentData().toInt());
    c.callbackUrl = m_callback->text().trimmed();
    c.authUrl = m_authUrl->text().trimmed();
    c.accessTokenUrl = m_tokenUrl->text().trimmed();
    c.refreshUrl = m_refreshUrl->text().trimmed();
    c.revokeUrl = m_revokeUrl->text().trimmed();
    c.deviceAuthorizationUrl = m_deviceUrl->text().trimmed();
    c.parUrl = m_parUrl->text().trimmed();
    c.pushAuthorizationRequest = m_pushRequest->isChecked();
    c.dpop = m_dpop->isChecked();
    c.clientId = m_clientId->text().trimmed();
    c.clientSecret = m_clientSecret->text();
    c.scope = m_scope->text().trimmed();
    c.state = m_state->text();
    c.clientAuthentication = ClientAuthentication(m_clientAuth->currentData().toInt());
    c.clientKeyFile = m_keyFile->text().trimmed();
    c.clientKeyPassphrase = m_keyPassphrase->text();
    c.clientKeyId = m_keyId->text().trimmed();
    c.clientAssertionAlgorithm = m_assertionAlgorithm->currentData().toString();
    c.clientAssertionAudience = m_assertionAudience->text().trimmed();
    c.assertionIssuer = m_jwtIssuer->text().trimmed();
    c.assertionSubject = m_jwtSubject->text().trimmed();
    c.assertionAudience = m_jwtAudience->text().trimmed();
    c.assertionClaims = m_jwtClaims->text().trimmed();
    c.pkceMethod = PkceMethod(m_pkceMethod->currentData().toInt());
    c.codeVerifier = m_codeVerifier->text().trimmed();
    c.audience = m_audience->text().trimmed();
    c.resource = m_resource->text().trimmed();
    c.extraParameters = m_extras->parameters();
    c.issuer = m_discoveredIssuer;
    c.jwksUri = m_jwksUri;
    c.introspectionUrl = m_introspectionUrl;
    c.userInfoUrl = m_userInfoUrl;
    c.endSessionUrl = m_endSessionUrl;
    c.issParameterSupported = m_issSupported;
    return c;
}

void GetTokenDialog::showFieldsForGrant()
{
    const auto grant = OAuth2GrantType(m_grant->currentData().toInt());
    const bool pkce = grant == OAuth2GrantType::AuthorizationCodePkce;
    const bool implicit = grant == OAuth2GrantType::Implicit;
    m_form->setRowVisible(m_pkceMethod, pkce);
    m_form->setRowVisible(m_codeVerifier, pkce);
    m_form->setRowVisible(m_grantNote, implicit);
    // The implicit grant never reaches the token endpoint and so never uses the secret.
    m_form->setRowVisible(m_tokenUrl, !implicit);
    const auto clientAuth = ClientAuthentication(m_clientAuth->currentData().toInt());
    const bool privateKey = !implicit && clientAuth == ClientAuthentication::PrivateKeyJwt;
    const bool jwtBearer = grant == OAuth2GrantType::JwtBearer;
    m_form->setRowVisible(m_clientSecret, !implicit && !privateKey);
    m_form->setRowVisible(m_showSecret, !implicit && !privateKey);
    m_form->setRowVisible(m_clientAuth, !implicit);
    // The key signs the client's assertions, the grant's, or both.
    m_form->setRowVisible(m_keyFileRow, privateKey || jwtBearer); // a row of its own layout: by that layout
    for (QWidget *row : { static_cast<QWidget *>(m_keyPassphrase), static_cast<QWidget *>(m_showPassphrase),
                          static_cast<QWidget *>(m_keyId), static_cast<QWidget *>(m_assertionAlgorithm) })
        m_form->setRowVisible(row, privateKey || jwtBearer);
    m_form->setRowVisible(m_assertionAudience,
                          !implicit && (privateKey || clientAuth == ClientAuthentication::ClientSecretJwt));
    for (QWidget *row : { m_jwtIssuer, m_jwtSubject, m_jwtAudience, m_jwtClaims })
        m_form->setRowVisible(row, jwtBearer);
    const bool password = grant == OAuth2GrantType::Password;
    const bool device = grant == OAuth2GrantType::DeviceCode;
    const bool browser = grant != OAuth2GrantType::Password && grant != OAuth2GrantType::ClientCredentials
        && !device && !jwtBearer;
    m_form->setRowVisible(m_deviceUrl, device);
    m_form->setRowVisible(m_username, password);
    m_form->setRowVisible(m_password, password);
    m_form->setRowVisible(m_callback, browser);
    const bool codeGrant
        = grant == OAuth2GrantType::AuthorizationCode || grant == OAuth2GrantType::AuthorizationCodePkce;
    m_form->setRowVisible(m_systemBrowser, codeGrant);
    m_callback->setEnabled(!(codeGrant && m_systemBrowser->isChecked()));
    if (codeGrant && m_systemBrowser->isChecked())
        m_callback->setPlaceholderText(tr("http://127.0.0.1:<port>/callback, chosen at Request Token"));
    m_form->setRowVisible(m_authUrl, browser);
    m_form->setRowVisible(m_state, browser);
    const bool advanced = m_advanced->isChecked();
    m_form->setRowVisible(m_refreshUrl, advanced && !implicit && grant != OAuth2GrantType::ClientCredentials);
    m_form->setRowVisible(m_revokeUrl, advanced);
    m_form->setRowVisible(m_pushRequest, advanced && codeGrant);
    m_form->setRowVisible(m_parUrl, advanced && codeGrant && m_pushRequest->isChecked());
    m_form->setRowVisible(m_dpop, advanced && !implicit);
    m_form->setRowVisible(m_audience, advanced);
    m_form->setRowVisible(m_resource, advanced);
    m_form->setRowVisible(m_extras, advanced);
    // The rows shown changed: the dialog takes the height they need (no empty band where hidden rows
    // were), within the screen.
    if (isVisible())
        fitToScreen();
}

void GetTokenDialog::fitToScreen()
{
    m_form->activate();
    int height = 0;
    if (m_devicePanel->isVisibleTo(this)) {
        layout()->activate();
        height = sizeHint().height(); // the code, the message and the buttons
    } else {
        QWidget *page = m_scroll->widget();
        const int formHeight = page->sizeHint().height();
        // The dialog's own rows (message, buttons) and margins around the scroll area.
        const int around = sizeHint().height() - m_scroll->sizeHint().height();
        height = formHeight + around;
    }
    const QScreen *where = screen();
    if (!where) {
        resize(std::max(width(), 620), height);
        return;
    }
    const QRect available = where->availableGeometry();
    const int frame = std::max(frameGeometry().height() - geometry().height(), 40);
    height = std::min(height, available.height() - frame);
    resize(std::max(width(), 620), height);
    // Grown past the bottom of the screen: up, so that the buttons stay in reach.
    if (isVisible() && frameGeometry().bottom() > available.bottom())
        move(x(), std::max(available.top(), available.bottom() - frame - height));
}

void GetTokenDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText) : QString());
    m_message->setVisible(!text.isEmpty());
    if (isVisible())
        fitToScreen(); // room for the message below the form, not a scroll bar in it
}

void GetTokenDialog::requestToken()
{
    if (m_tokenRequest->isRunning())
        return;
    TokenRequest::Options options;
    options.systemBrowser = usesSystemBrowser();
    options.username = m_username->text().trimmed();
    options.password = m_password->text();
    m_tokenRequest->start(m_resolver.resolve(config()), options);
}

void GetTokenDialog::onStarted(TokenRequest::Flow flow)
{
    switch (flow) {
    case TokenRequest::Flow::TokenEndpoint:
        // Straight to the token endpoint: no login window.
        m_request->setEnabled(false);
        showMessage(tr("Requesting a token from %1…")
                        .arg(QUrl(m_tokenRequest->config().accessTokenUrl)
                                 .adjusted(QUrl::RemovePath | QUrl::RemoveQuery)
                                 .toString()),
                    false);
        m_password->clear(); // used for this one request only
        return;
    case TokenRequest::Flow::SystemBrowser:
        showMessage(
            tr("Waiting for you to sign in and allow access in your browser… (Cancel stops waiting.)"),
            false);
        m_request->setEnabled(false);
        return;
    case TokenRequest::Flow::LoginWindow:
        showMessage(tr("Waiting for you to sign in and allow access in the login window…"), false);
        m_request->setEnabled(false);
        return;
    case TokenRequest::Flow::Device:
        m_request->setEnabled(false);
        m_devicePanel->clear();
        showDevicePanel(true);
        showMessage(tr("Asking %1 for a code…")
                        .arg(QUrl(m_tokenRequest->config().deviceAuthorizationUrl)
                                 .adjusted(QUrl::RemovePath | QUrl::RemoveQuery)
                                 .toString()),
                    false);
        return;
    case TokenRequest::Flow::None:
        return;
    }
}

void GetTokenDialog::onFinished(const OAuth2Result &result)
{
    if (m_login) {
        m_login->close();
        m_login->deleteLater();
    }
    m_request->setEnabled(true);
    if (!m_devicePanel->isHidden()) {
        m_devicePanel->clear();
        showDevicePanel(false);
    }
    if (!result.ok()) {
        showMessage(result.message, true);
        return;
    }
    m_token = result.token;
    showMessage(QString(), false);
    accept();
}

} // namespace Postern
