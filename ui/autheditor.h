#pragma once

#include "authconfig.h"
#include "oauthservices.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLineEdit;
class QStackedWidget;
QT_END_NAMESPACE

namespace Postern {

// The Authorization tab: a type and, per type, its fields. Secrets are masked, with a toggle to
// show them. The type list grows with the core's AuthType (OAuth 2.0 gets its own page).
class OAuth2Pane;

class AuthEditor : public QWidget
{
    Q_OBJECT

public:
    explicit AuthEditor(const OAuthServices &services, QWidget *parent = nullptr);

    AuthConfig config() const;
    void setConfig(const AuthConfig &config);
    void setRequestUrl(const QString &url);

    OAuth2Pane *oauth2Pane() const { return m_oauth2; }

Q_SIGNALS:
    void changed();

private:
    QWidget *makeNonePage();
    QWidget *makeBasicPage();
    QWidget *makeBearerPage();

    QComboBox *m_type = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_showPassword = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_showToken = nullptr;
    OAuth2Pane *m_oauth2 = nullptr;
};

} // namespace Postern
