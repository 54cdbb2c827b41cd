#pragma once

#include "auth/oauth2config.h"
#include "auth/oauth2token.h"
#include "ui/oauth/oauthservices.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace Postern {

// "Expires in 29 min", "Expired", …
QString describeExpiry(const OAuth2Token &token, const QDateTime &now = QDateTime::currentDateTimeUtc());
// A UTC time in the user's local time and locale, short.
QString localTime(const QDateTime &utc);

// Manage Access Tokens: every stored token (name, when obtained, valid or expired) on the left; the
// selected one's details on the right: access token (masked, with reveal and copy), type, a live
// expiry countdown and the expiry time, refresh token (masked), scope, and every other field of the
// raw answer. Use Token makes it the request's current token; Delete removes it after asking; Refresh
// and Revoke talk to the server with the request's OAuth 2.0 configuration (config); Delete Expired and
// Delete All clean up; Sign Out ends the session at an OpenID provider (RP-Initiated Logout).
class TokensDialog : public QDialog
{
    Q_OBJECT

public:
    TokensDialog(const OAuthServices &services, const OAuth2Config &config, QWidget *parent = nullptr);

    void select(const QString &id);
    QString selectedId() const;

Q_SIGNALS:
    void useTokenRequested(const QString &id);

private:
    void refreshList();
    void showDetails();
    void refreshCountdown();
    void deleteSelected();
    void refreshSelected();
    void revokeSelected();
    void introspectSelected();
    void fetchUserInfo();
    // OpenID Connect RP-Initiated Logout, in a login window (tokensdialoglogout.cpp).
    void signOut();
    void deleteMany(bool expiredOnly);
    void showActionMessage(const QString &text, bool error);
    QLineEdit *secretField(const char *objectName, const QString &accessibleName, QCheckBox **reveal,
                           QPushButton **copy);

    OAuthServices m_services;
    OAuth2Config m_config;
    TokenStore *m_store;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_revokeButton = nullptr;
    QPushButton *m_introspectButton = nullptr;
    QPushButton *m_userInfoButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
    QPointer<QDialog> m_signOutWindow;
    QLabel *m_actionMessage = nullptr;
    QListWidget *m_list = nullptr;
    QWidget *m_details = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_instance = nullptr;
    QLineEdit *m_access = nullptr;
    QCheckBox *m_revealAccess = nullptr;
    QPushButton *m_copyAccess = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_binding = nullptr; // DPoP (RFC 9449): the key the token is bound to
    QLabel *m_expiresIn = nullptr;
    QLabel *m_expiresAt = nullptr;
    QLabel *m_obtainedAt = nullptr;
    QLineEdit *m_refresh = nullptr;
    QCheckBox *m_revealRefresh = nullptr;
    QPushButton *m_copyRefresh = nullptr;
    QLabel *m_scope = nullptr;
    QTableWidget *m_fields = nullptr;
    class JwtView *m_jwt = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_empty = nullptr;
    QString m_pendingSelect; // a token that may not be in the store yet (it is being added)
    QTimer m_tick;
};

} // namespace Postern
