#pragma once

#include "auth/authconfig.h"
#include "ui/oauth/oauthservices.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
QT_END_NAMESPACE

namespace Postern {

// The Authorization tab: a type and, per type, its fields. Secrets are masked, with a toggle to
// show them. The type list grows with the core's AuthType (OAuth 2.0 gets its own page).
class OAuth2Pane;
class SecretLineEdit;

class AuthEditor : public QWidget
{
    Q_OBJECT

public:
    explicit AuthEditor(const OAuthServices &services, QWidget *parent = nullptr);

    AuthConfig config() const;
    void setConfig(const AuthConfig &config);
    void setRequestUrl(const QString &url);

    // Whether "Inherit auth from parent" is offered (not for a collection's own authorization), and
    // what the parent's authorization is, in words, for the Inherit page.
    void setInheritAvailable(bool available);
    void setInheritedDescription(const QString &text);

    OAuth2Pane *oauth2Pane() const { return m_oauth2; }

Q_SIGNALS:
    void changed();

private:
    QWidget *makeInheritPage();
    QWidget *makeNonePage();
    QWidget *makeBasicPage();
    QWidget *makeBearerPage();

    QComboBox *m_type = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_inherited = nullptr;
    QLineEdit *m_username = nullptr;
    SecretLineEdit *m_password = nullptr;
    SecretLineEdit *m_token = nullptr;
    OAuth2Pane *m_oauth2 = nullptr;
};

} // namespace Postern
