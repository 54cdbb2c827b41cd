#pragma once

#include "ui/login/loginwindowplugin.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QWebEngineProfile;
class QWebEngineView;
QT_END_NAMESPACE

namespace Postern {

#if defined(POSTERN_LOGIN_LIBRARY)
#define POSTERN_LOGIN_EXPORT Q_DECL_EXPORT
#else
#define POSTERN_LOGIN_EXPORT Q_DECL_IMPORT
#endif

// Postern's own login window for the authorization step: a Qt WebEngine view on an off-the-record
// profile (each login starts with no cookies), the current address and whether it is https always in
// view, and a Cancel. A navigation to the Callback URL, be it a link, a form post or a
// server redirect, is stopped before anything is fetched and handed over (LoginHooks), so any Callback
// URL works (Postman's https://oauth.pstmn.io/v1/callback is never loaded). Closing the window
// says so (LoginHooks::closed).
class POSTERN_LOGIN_EXPORT LoginWindow : public QDialog
{
    Q_OBJECT

public:
    LoginWindow(const QUrl &authorizationUrl, const LoginHooks &hooks, QWidget *parent = nullptr);
    ~LoginWindow() override;

    QWebEngineView *view() const { return m_view; }

    // What the indicator beside the address says now: Secure (https), Local (http to this computer),
    // NotSecure (http elsewhere) or NotLoaded (the page failed: no connection, nothing to trust).
    enum class Security { Secure, Local, NotSecure, NotLoaded };
    Q_ENUM(Security)
    Security security() const { return m_state; }

Q_SIGNALS:
    // A page finished loading (for tests: the next form can be filled in).
    void pageLoaded(const QUrl &url, bool ok);

protected:
    void reject() override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showAddress(const QUrl &url);
    void showSecurity(Security state, const QString &detail = QString());

    LoginHooks m_hooks;
    QWebEngineProfile *m_profile = nullptr;
    QWebEngineView *m_view = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_security = nullptr;
    QLabel *m_securityIcon = nullptr;
    Security m_state = Security::NotLoaded;
    QProgressBar *m_progress = nullptr;
};

} // namespace Postern
