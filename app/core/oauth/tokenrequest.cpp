#include "oauth/tokenrequest.h"

#include "base/formurlencoded.h"
#include "http/clientcertificates.h"
#include "oauth/browserlauncher.h"
#include "oauth/loopbackreceiver.h"
#include "oauth/oauth2session.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenendpointjob.h"
#include "oauth/tokenstore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Postern {

TokenRequest::TokenRequest(TokenEndpointClient *endpoint, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_store(store)
{
}

TokenRequest::~TokenRequest() = default;

OAuth2Session *TokenRequest::session() const
{
    return m_session;
}

bool TokenRequest::isCallback(const QUrl &url) const
{
    return m_session && m_session->isCallback(url);
}

bool TokenRequest::handleRedirect(const QUrl &url)
{
    return m_session && m_session->handleRedirect(url);
}

void TokenRequest::cancel(const QString &why)
{
    if (m_session)
        m_session->cancel(why);
    else if (m_device)
        m_device->cancel(why);
    else if (m_job)
        m_job->cancel(why);
}

bool TokenRequest::start(const OAuth2Config &config, const Options &options)
{
    if (m_running)
        return false;
    OAuth2Config c = config;
    const bool codeGrant = c.grantType == OAuth2GrantType::AuthorizationCode
        || c.grantType == OAuth2GrantType::AuthorizationCodePkce;
    const bool systemBrowser = options.systemBrowser && codeGrant;
    if (systemBrowser)
        c.callbackUrl = u"http://127.0.0.1/callback"_s; // the real port is chosen once the form is good
    QStringList problems = c.problems();
    if (c.grantType == OAuth2GrantType::Password && options.username.trimmed().isEmpty())
        problems << tr("Username is empty.");
    m_config = c;
    m_flow = Flow::None;
    if (!problems.isEmpty()) {
        finish(OAuth2Result::failed(OAuth2Result::Failure::InvalidConfiguration, problems.join(u'\n')));
        return false;
    }
    if (systemBrowser) {
        // RFC 8252 §7.3: a loopback redirect on a port chosen now, good for one answer.
        delete m_receiver;
        m_receiver = new LoopbackReceiver(this);
        if (!m_receiver->listen()) {
            finish(OAuth2Result::failed(OAuth2Result::Failure::Loopback, m_receiver->errorString()));
            return false;
        }
        m_config.callbackUrl = m_receiver->redirectUri().toString();
    }
    if (!m_config.usesBrowser()) {
        if (!m_endpoint) {
            finish(OAuth2Result::failed(
                OAuth2Result::Failure::InvalidConfiguration,
                tr("This grant needs the token endpoint client, which is not available here.")));
            return false;
        }
        if (m_config.usesDeviceCode())
            startDevice();
        else
            startEndpoint(options);
        return true;
    }
    startSession(systemBrowser);
    return true;
}

void TokenRequest::startEndpoint(const Options &options)
{
    // Straight to the token endpoint: no browser.
    m_running = true;
    m_flow = Flow::TokenEndpoint;
    Q_EMIT started(m_flow);
    if (m_config.grantType == OAuth2GrantType::Password)
        m_job = m_endpoint->requestPasswordToken(m_config, options.username.trimmed(), options.password);
    else if (m_config.usesJwtBearer())
        m_job = m_endpoint->requestJwtBearerToken(m_config);
    else
        m_job = m_endpoint->requestClientCredentialsToken(m_config);
    connect(m_job, &TokenEndpointJob::finished, this, [this](const OAuth2Result &result) {
        m_job = nullptr;
        finish(result);
    });
}

void TokenRequest::startDevice()
{
    m_running = true;
    m_flow = Flow::Device;
    Q_EMIT started(m_flow);
    m_device = DeviceFlow::create(m_endpoint, this);
    connect(m_device, &DeviceFlow::codeReady, this, &TokenRequest::deviceCodeReady);
    connect(m_device, &DeviceFlow::intervalChanged, this, &TokenRequest::deviceIntervalChanged);
    connect(m_device, &DeviceFlow::finished, this, [this](const OAuth2Result &result) {
        m_device->deleteLater();
        m_device = nullptr;
        finish(result);
    });
    m_device->start(m_config, m_config.deviceAuthorizationUrl.trimmed());
}

void TokenRequest::startSession(bool systemBrowser)
{
    m_running = true;
    m_flow = systemBrowser ? Flow::SystemBrowser : Flow::LoginWindow;
    Q_EMIT started(m_flow);
    m_session = new OAuth2Session(m_config, this);
    // The certificates the app's requests present go to the token endpoint of a browser flow too.
    if (const auto *network
        = qobject_cast<CertificateNetworkManager *>(m_endpoint ? m_endpoint->network() : nullptr))
        m_session->setClientCertificates(network->clientCertificates());
    connect(m_session, &OAuth2Session::finished, this, &TokenRequest::onSessionFinished);
    if (!systemBrowser) {
        connect(m_session, &OAuth2Session::authorizationUrlReady, this, &TokenRequest::authorizationUrlReady);
        m_session->start();
        return;
    }
    // Only the answer to this sign-in (its state) ends the wait; anything else that finds the port is
    // turned away and the listener keeps waiting.
    m_receiver->setAcceptFilter([session = m_session](const QUrl &url) {
        const FormFields query = FormUrlEncoded::parse(url.query(QUrl::FullyEncoded).toUtf8());
        return session && FormUrlEncoded::count(query, u"state"_s) == 1
            && FormUrlEncoded::value(query, u"state"_s) == session->state();
    });
    connect(m_receiver, &LoopbackReceiver::redirectReceived, m_session, [this](const QUrl &url) {
        if (m_session)
            m_session->handleRedirect(url);
        Q_EMIT browserReturned();
    });
    connect(m_session, &OAuth2Session::authorizationUrlReady, this, [this](const QUrl &url) {
        QString error;
        if (!BrowserLauncher::open(url, &error) && m_session)
            m_session->cancel(tr("The browser could not be started: %1").arg(error));
    });
    // The user may never come back from the browser; nothing waits forever.
    const QString within = m_browserTimeout % 60000 == 0
        ? (m_browserTimeout == 60000 ? tr("1 minute") : tr("%1 minutes").arg(m_browserTimeout / 60000))
        : tr("%1 seconds").arg(m_browserTimeout / 1000.0);
    QTimer::singleShot(m_browserTimeout, m_session, [session = m_session, within] {
        session->cancel(
            tr("No answer came back from the browser within %1. No token was stored.").arg(within));
    });
    m_session->start();
}

void TokenRequest::onSessionFinished(const OAuth2Result &result)
{
    if (m_receiver) {
        m_receiver->close();
        m_receiver->deleteLater();
    }
    if (m_session) {
        m_session->deleteLater();
        m_session = nullptr;
    }
    finish(result);
}

void TokenRequest::finish(OAuth2Result result)
{
    m_running = false;
    if (result.ok()) {
        result.token.environment = m_environment;
        if (m_store)
            m_store->add(result.token);
    }
    Q_EMIT finished(result);
}

} // namespace Postern
