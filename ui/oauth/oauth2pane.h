#pragma once

#include "auth/authconfig.h"
#include "ui/oauth/oauthservices.h"
#include "workspace/variables.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
QT_END_NAMESPACE

namespace Postern {

// The OAuth 2.0 page of the Authorization tab: the current token (picked among the stored ones, with
// its expiry, counted down live), where it goes (a header with a prefix, or the URL), and the buttons
// that open Get New Access Token and Manage Tokens. The form's values live in the request's
// AuthConfig; the tokens in the TokenStore, which it does not own.
class OAuth2Pane : public QWidget
{
    Q_OBJECT

public:
    explicit OAuth2Pane(const OAuthServices &services, QWidget *parent = nullptr);

    // Reads and writes the OAuth 2.0 part of config (oauth2, token id and value, placement, prefix).
    void fillConfig(AuthConfig *config) const;
    void setConfig(const AuthConfig &config);

    // Pre-fills an empty form with the ServiceNow endpoints of the request URL's instance.
    void suggestFromUrl(const QString &urlText);

    // The variables the form's {{name}} references resolve against, and the environment in use. When
    // the environment changes, the current token becomes the newest one obtained in that environment
    // for this configuration (or none): a token of Dev is never sent to Prod.
    void setVariableContext(const VariableResolver &resolver, const QString &environmentId);
    // The form with its variables resolved: what Get New Access Token, refresh and revoke use.
    OAuth2Config resolvedConfig() const;

    QString currentTokenId() const;
    void setCurrentTokenId(const QString &id);

    // Opens Get New Access Token (window-modal, without blocking) and, when a token is obtained,
    // Manage Tokens with it selected.
    void getNewAccessToken();
    void manageTokens(const QString &selectId = QString());

Q_SIGNALS:
    void changed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshTokens();
    void selectTokenForEnvironment();
    void refreshExpiry();

    OAuthServices m_services;
    TokenStore *m_store;
    OAuth2Config m_oauth2;
    // The endpoints last suggested from the request URL; while the form still holds them, they follow it.
    QString m_suggestedAuthUrl;
    QString m_suggestedTokenUrl;
    QFormLayout *m_form = nullptr;
    QCheckBox *m_autoRefresh = nullptr;
    QComboBox *m_tokenType = nullptr;
    QComboBox *m_token = nullptr;
    QLabel *m_expiry = nullptr;
    QComboBox *m_addTo = nullptr;
    QLineEdit *m_prefix = nullptr;
    QPushButton *m_getNew = nullptr;
    QPushButton *m_manage = nullptr;
    QLabel *m_storage = nullptr;
    QTimer m_tick;
    VariableResolver m_resolver;
    QString m_environmentId;
    bool m_hasContext = false;
};

} // namespace Postern
