#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2result.h"
#include "oauth/tokenrequest.h"
#include "ui/oauth/oauthservices.h"
#include "workspace/variables.h"

#include <QDialog>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QBoxLayout;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QScrollArea;
QT_END_NAMESPACE

namespace Postern {

class DeviceCodePanel;
class ExtraParametersEditor;

// Get New Access Token: the form (Token Name, Grant Type, Callback URL, Auth URL, Access Token URL,
// Client ID, Client Secret, Scope, State, Client Authentication), checked before anything is sent.
// Request Token hands the resolved form to a TokenRequest, which picks the flow, and opens a LoginWindow
// when it asks for one, or for the device grant shows the code in place of the form (DeviceCodePanel)
// until the user approved elsewhere; the dialog is accepted when a token came back (stored by the
// TokenRequest in the environment given), and says what went wrong otherwise.
class GetTokenDialog : public QDialog
{
    Q_OBJECT

public:
    GetTokenDialog(const OAuth2Config &initial, const OAuthServices &services, QWidget *parent = nullptr);
    ~GetTokenDialog() override;

    OAuth2Config config() const;
    bool usesSystemBrowser() const;
    OAuth2Token token() const { return m_token; }
    QDialog *loginWindow() const { return m_login; } // a LoginWindow (ui/loginwindow)
    DeviceCodePanel *deviceCodePanel() const { return m_devicePanel; }

    void requestToken();

    // {{name}} references in the form are resolved with these variables when the token is requested.
    void setVariableResolver(const VariableResolver &resolver) { m_resolver = resolver; }
    // The environment the token is obtained (and stored) in.
    void setEnvironment(const QString &environmentId) { m_tokenRequest->setEnvironment(environmentId); }
    TokenRequest *tokenRequest() const { return m_tokenRequest; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // The login window is open (for tests and for accessibility tools that follow windows).
    void loginWindowOpened(QDialog *window); // a LoginWindow (ui/loginwindow)

private:
    VariableResolver m_resolver;
    QLineEdit *addLine(const QString &label, const char *objectName, const QString &accessibleName,
                       const QString &placeholder = QString());
    void onStarted(TokenRequest::Flow flow);
    void onFinished(const OAuth2Result &result);
    void showFieldsForGrant();
    void showDevicePanel(bool shown);
    void addClientKeyRows(); // gettokendialogkeys.cpp
    void addDevicePanel(QBoxLayout *layout); // gettokendialogdevice.cpp
    void connectDevicePanel();
    void fillFromServiceNow();
    void discover();
    void showMessage(const QString &text, bool error);
    void fitToScreen();

    QLineEdit *m_name = nullptr;
    QComboBox *m_grant = nullptr;
    QLineEdit *m_callback = nullptr;
    QLineEdit *m_authUrl = nullptr;
    QLineEdit *m_tokenUrl = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QCheckBox *m_showSecret = nullptr;
    QLineEdit *m_scope = nullptr;
    QLineEdit *m_state = nullptr;
    QComboBox *m_clientAuth = nullptr;
    QLineEdit *m_keyFile = nullptr; // private_key_jwt
    QLayout *m_keyFileRow = nullptr; // the field and its Browse button
    QLineEdit *m_keyPassphrase = nullptr; // a secret, like the client secret
    QCheckBox *m_showPassphrase = nullptr;
    QLineEdit *m_keyId = nullptr;
    QComboBox *m_assertionAlgorithm = nullptr;
    QLineEdit *m_assertionAudience = nullptr; // both JWT methods
    QCheckBox *m_dpop = nullptr; // RFC 9449
    QLineEdit *m_jwtIssuer = nullptr; // the JWT bearer grant's assertion
    QLineEdit *m_jwtSubject = nullptr;
    QLineEdit *m_jwtAudience = nullptr;
    QLineEdit *m_jwtClaims = nullptr;
    QComboBox *m_pkceMethod = nullptr;
    QLineEdit *m_codeVerifier = nullptr;
    QLabel *m_grantNote = nullptr;
    QLineEdit *m_instance = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr; // never stored anywhere
    QLineEdit *m_refreshUrl = nullptr;
    QLineEdit *m_revokeUrl = nullptr;
    QLineEdit *m_deviceUrl = nullptr;
    QCheckBox *m_pushRequest = nullptr; // RFC 9126
    QLineEdit *m_parUrl = nullptr;
    DeviceCodePanel *m_devicePanel = nullptr;
    QCheckBox *m_systemBrowser = nullptr;
    QLineEdit *m_issuer = nullptr;
    QLineEdit *m_audience = nullptr;
    QLineEdit *m_resource = nullptr;
    ExtraParametersEditor *m_extras = nullptr;
    QCheckBox *m_advanced = nullptr;
    QPushButton *m_discover = nullptr;
    // What discovery found that has no field of its own.
    QString m_discoveredIssuer;
    QString m_jwksUri;
    QString m_introspectionUrl;
    QString m_userInfoUrl;
    QString m_endSessionUrl; // from discovery
    bool m_issSupported = false;
    OAuthServices m_services;
    QLabel *m_message = nullptr;
    QPushButton *m_request = nullptr;
    QFormLayout *m_form = nullptr;
    QScrollArea *m_scroll = nullptr;

    TokenRequest *m_tokenRequest = nullptr;
    QPointer<QDialog> m_login;
    OAuth2Token m_token;
};

} // namespace Postern
