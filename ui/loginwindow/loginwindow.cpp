#include "ui/loginwindow/loginwindow.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// The desktop theme's icon (a freedesktop.org name) where the theme has it, the bundled one otherwise.
QIcon themeIcon(const QString &name, const QString &bundled)
{
    return QIcon::fromTheme(name, QIcon(bundled));
}

// Stops navigations to the Callback URL in the main frame and hands them over (LoginHooks::redirect).
class CallbackCatchingPage : public QWebEnginePage
{
public:
    CallbackCatchingPage(QWebEngineProfile *profile, const LoginHooks &hooks, QObject *parent)
        : QWebEnginePage(profile, parent)
        , m_hooks(hooks)
    {
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override
    {
        if (!m_hooks.isCallback || !m_hooks.isCallback(url))
            return true;
        if (isMainFrame && m_hooks.redirect)
            m_hooks.redirect(url);
        return false;
    }

private:
    LoginHooks m_hooks;
};

// The second net: any request for the Callback URL (a subresource, a frame) is blocked, so the
// callback host never sees the code.
class CallbackBlocker : public QWebEngineUrlRequestInterceptor
{
public:
    CallbackBlocker(std::function<bool(const QUrl &)> isCallback, QObject *parent)
        : QWebEngineUrlRequestInterceptor(parent)
        , m_isCallback(std::move(isCallback))
    {
    }

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (m_isCallback && m_isCallback(info.requestUrl()))
            info.block(true);
    }

private:
    const std::function<bool(const QUrl &)> m_isCallback;
};

} // namespace

LoginWindow::LoginWindow(const QUrl &authorizationUrl, const LoginHooks &hooks, QWidget *parent)
    : QDialog(parent)
    , m_hooks(hooks)
{
    setObjectName(u"loginWindow"_s);
    setWindowTitle(tr("Sign in to authorize Postern"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    // The state as an icon from Postern's resources (no font has to carry a lock glyph) and in words.
    m_securityIcon = new QLabel(this);
    m_securityIcon->setObjectName(u"loginSecurityIcon"_s);
    m_security = new QLabel(this);
    m_security->setObjectName(u"loginSecurity"_s);
    m_security->setTextFormat(Qt::PlainText);
    m_security->setFocusPolicy(Qt::TabFocus); // read out with its state, after the page
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"loginAddress"_s);
    m_address->setAccessibleName(tr("Address"));
    m_address->setReadOnly(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(u"loginCancel"_s);
    cancel->setAccessibleName(tr("Cancel sign-in"));
    bar->addWidget(m_securityIcon);
    bar->addWidget(m_security);
    bar->addWidget(m_address, 1);
    bar->addWidget(cancel);
    layout->addLayout(bar);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"loginProgress"_s);
    m_progress->setAccessibleName(tr("Page loading"));
    m_progress->setMaximumHeight(4);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);

    // No storage name: off the record, nothing is written to disk, nothing is shared with the next login.
    m_profile = new QWebEngineProfile(this);
    m_profile->setUrlRequestInterceptor(new CallbackBlocker(hooks.isCallback, m_profile));
    m_view = new QWebEngineView(this);
    m_view->setObjectName(u"loginView"_s);
    m_view->setAccessibleName(tr("Sign-in page"));
    m_view->setPage(new CallbackCatchingPage(m_profile, hooks, m_view));
    layout->addWidget(m_view, 1);

    connect(cancel, &QPushButton::clicked, this, &LoginWindow::reject);
    connect(m_view, &QWebEngineView::urlChanged, this, &LoginWindow::showAddress);
    connect(m_view, &QWebEngineView::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        m_progress->setValue(100);
        Q_EMIT pageLoaded(m_view->url(), ok);
    });
    // A page that failed (unknown host, refused, TLS error) is not "encrypted": nothing came from it.
    connect(m_view->page(), &QWebEnginePage::loadingChanged, this, [this](const QWebEngineLoadingInfo &info) {
        if (info.status() == QWebEngineLoadingInfo::LoadFailedStatus)
            showSecurity(Security::NotLoaded, info.errorString());
        else if (info.status() == QWebEngineLoadingInfo::LoadSucceededStatus)
            showAddress(info.url());
    });
    resize(560, 680);
    showAddress(authorizationUrl);
    m_view->load(authorizationUrl);
    m_view->setFocus(); // the sign-in form, not the read-only address, takes the keyboard
}

void LoginWindow::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_view->setFocus();
}

LoginWindow::~LoginWindow()
{
    // The page must go before its profile.
    delete m_view;
    m_view = nullptr;
}

void LoginWindow::showAddress(const QUrl &url)
{
    // The address without the query: it carries state and, on the way back, the code.
    m_address->setText(
        url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString());
    const bool https = url.scheme() == u"https"_s;
    const bool loopback
        = url.host() == u"127.0.0.1"_s || url.host() == u"localhost"_s || url.host() == u"::1"_s;
    showSecurity(https ? Security::Secure : loopback ? Security::Local : Security::NotSecure);
}

void LoginWindow::showSecurity(Security state, const QString &detail)
{
    m_state = state;
    QIcon icon;
    QString text, tip;
    switch (state) {
    case Security::Secure:
        icon = themeIcon(u"security-high"_s, u":/icons/lock-closed.svg"_s);
        text = u"https"_s;
        tip = tr("The connection is encrypted (https).");
        break;
    case Security::Local:
        icon = themeIcon(u"security-medium"_s, u":/icons/lock-open-local.svg"_s);
        text = tr("http (this computer)");
        tip = tr("Plain http to a server on this computer.");
        break;
    case Security::NotSecure:
        icon = themeIcon(u"security-low"_s, u":/icons/lock-open.svg"_s);
        text = tr("Not secure");
        tip = tr("Plain http: what you type here can be read on the network.");
        break;
    case Security::NotLoaded:
        icon = themeIcon(u"dialog-error"_s, u":/icons/page-error.svg"_s);
        text = tr("Not loaded");
        tip = detail.isEmpty()
            ? tr("The page could not be loaded: there is no connection to this server.")
            : tr("The page could not be loaded (%1): there is no connection to this server.").arg(detail);
        break;
    }
    const int size = m_security->fontMetrics().height();
    m_securityIcon->setPixmap(icon.pixmap(size, size));
    m_securityIcon->setAccessibleName(text);
    m_security->setText(text);
    m_security->setToolTip(tip);
    m_securityIcon->setToolTip(tip);
    // Read out in full: the state and what it means.
    m_security->setAccessibleName(tr("Connection: %1").arg(text));
    m_security->setAccessibleDescription(tip);
    m_security->setStyleSheet(
        state == Security::NotSecure || state == Security::NotLoaded ? m_hooks.warningStyleSheet : QString());
}

void LoginWindow::reject()
{
    if (m_hooks.closed)
        m_hooks.closed();
    QDialog::reject();
}

void LoginWindow::closeEvent(QCloseEvent *event)
{
    if (m_hooks.closed)
        m_hooks.closed();
    QDialog::closeEvent(event);
}

} // namespace Postern
