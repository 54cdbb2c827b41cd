#include "loginwindow.h"

#include "oauth2session.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Stops navigations to the Callback URL in the main frame and hands them to the session.
class CallbackCatchingPage : public QWebEnginePage
{
public:
    CallbackCatchingPage(QWebEngineProfile *profile, OAuth2Session *session, QObject *parent)
        : QWebEnginePage(profile, parent)
        , m_session(session)
    {
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override
    {
        if (!m_session || !m_session->isCallback(url))
            return true;
        if (isMainFrame)
            m_session->handleRedirect(url);
        return false;
    }

private:
    QPointer<OAuth2Session> m_session;
};

// The second net: any request for the Callback URL (a subresource, a frame) is blocked, so the
// callback host never sees the code.
class CallbackBlocker : public QWebEngineUrlRequestInterceptor
{
public:
    CallbackBlocker(OAuth2Session *session, QObject *parent)
        : QWebEngineUrlRequestInterceptor(parent)
        , m_session(session)
    {
    }

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (m_session && m_session->isCallback(info.requestUrl()))
            info.block(true);
    }

private:
    QPointer<OAuth2Session> m_session;
};

} // namespace

LoginWindow::LoginWindow(OAuth2Session *session, const QUrl &authorizationUrl, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(u"loginWindow"_s);
    setWindowTitle(u"Sign in to authorize Postern"_s);
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_security = new QLabel(this);
    m_security->setObjectName(u"loginSecurity"_s);
    m_security->setAccessibleName(u"Connection security"_s);
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"loginAddress"_s);
    m_address->setAccessibleName(u"Address"_s);
    m_address->setReadOnly(true);
    auto *cancel = new QPushButton(u"Cancel"_s, this);
    cancel->setObjectName(u"loginCancel"_s);
    cancel->setAccessibleName(u"Cancel sign-in"_s);
    bar->addWidget(m_security);
    bar->addWidget(m_address, 1);
    bar->addWidget(cancel);
    layout->addLayout(bar);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"loginProgress"_s);
    m_progress->setAccessibleName(u"Page loading"_s);
    m_progress->setMaximumHeight(4);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);

    // No storage name: off the record, nothing is written to disk, nothing is shared with the next login.
    m_profile = new QWebEngineProfile(this);
    m_profile->setUrlRequestInterceptor(new CallbackBlocker(session, m_profile));
    m_view = new QWebEngineView(this);
    m_view->setObjectName(u"loginView"_s);
    m_view->setAccessibleName(u"Sign-in page"_s);
    m_view->setPage(new CallbackCatchingPage(m_profile, session, m_view));
    layout->addWidget(m_view, 1);

    connect(cancel, &QPushButton::clicked, this, &LoginWindow::reject);
    connect(m_view, &QWebEngineView::urlChanged, this, &LoginWindow::showAddress);
    connect(m_view, &QWebEngineView::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        m_progress->setValue(100);
        Q_EMIT pageLoaded(m_view->url(), ok);
    });
    resize(560, 680);
    showAddress(authorizationUrl);
    m_view->load(authorizationUrl);
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
    m_address->setText(url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString());
    const bool https = url.scheme() == u"https"_s;
    const bool loopback = url.host() == u"127.0.0.1"_s || url.host() == u"localhost"_s || url.host() == u"::1"_s;
    m_security->setText(https ? u"\U0001F512 https"_s : loopback ? u"http (this computer)"_s : u"\u26A0 Not secure"_s);
    m_security->setToolTip(https ? u"The connection is encrypted (https)."_s
                           : loopback ? u"Plain http to a server on this computer."_s
                                      : u"Plain http: what you type here can be read on the network."_s);
    m_security->setStyleSheet(https || loopback ? QString() : u"QLabel { color: #c62828; font-weight: bold; }"_s);
}

void LoginWindow::reject()
{
    if (m_session)
        m_session->cancel(u"The login window was closed before access was allowed. No token was stored."_s);
    QDialog::reject();
}

void LoginWindow::closeEvent(QCloseEvent *event)
{
    if (m_session)
        m_session->cancel(u"The login window was closed before access was allowed. No token was stored."_s);
    QDialog::closeEvent(event);
}

} // namespace Postern
