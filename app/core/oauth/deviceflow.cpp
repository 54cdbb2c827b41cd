#include "oauth/deviceflow.h"

#include "base/logging.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenendpointjob.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr int DefaultExpirySeconds = 30 * 60;
constexpr int MaxExpirySeconds = 24 * 60 * 60;
constexpr int DefaultIntervalSeconds = 5; // RFC 8628 §3.2
constexpr int MaxIntervalSeconds = 5 * 60;
constexpr int SlowDownSeconds = 5; // RFC 8628 §3.5
constexpr int MaxBackoffSeconds = 60;
constexpr qsizetype MaxCodeLength = 4096;
constexpr qsizetype MaxUserCodeLength = 64;

// A positive whole number of seconds within [1, max], or fallback: JSON numbers and numeric strings.
int seconds(const QJsonValue &value, int fallback, int max)
{
    double number = -1;
    if (value.isDouble())
        number = value.toDouble();
    else if (value.isString()) {
        bool ok = false;
        number = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            number = -1;
    }
    if (!(number >= 1)) // also NaN
        return fallback;
    return int(std::min<double>(number, max));
}

QUrl webUrl(const QJsonValue &value)
{
    const QUrl url(value.toString(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"https"_s || scheme == u"http"_s) && !url.host().isEmpty() ? url
                                                                                                   : QUrl();
}

} // namespace

QString DeviceCode::instructions(const QDateTime &now) const
{
    const qint64 minutes = (now.secsTo(expiresAt) + 59) / 60;
    const QString uri = verificationUri.toDisplayString();
    if (!verificationUriComplete.isValid())
        return minutes <= 1
            ? DeviceCode::tr("Open %1 on any device and enter the code %2. The code expires within a minute.")
                  .arg(uri, userCode)
            : DeviceCode::tr("Open %1 on any device and enter the code %2. The code expires in %3 minutes.")
                  .arg(uri, userCode, QString::number(minutes));
    const QString complete = verificationUriComplete.toDisplayString();
    return minutes <= 1
        ? DeviceCode::tr("Open %1 on any device and enter the code %2 (or open %3, which has it filled in). "
                         "The code expires within a minute.")
              .arg(uri, userCode, complete)
        : DeviceCode::tr("Open %1 on any device and enter the code %2 (or open %3, which has it filled in). "
                         "The code expires in %4 minutes.")
              .arg(uri, userCode, complete, QString::number(minutes));
}

DeviceCode DeviceCode::fromAnswer(const QJsonObject &answer, const QDateTime &receivedAt, QString *deviceCode,
                                  QString *problem)
{
    const auto fail = [problem](const QString &why) {
        *problem = why;
        return DeviceCode();
    };
    const QString device = answer.value(u"device_code"_s).toString();
    if (device.isEmpty() || device.size() > MaxCodeLength)
        return fail(DeviceCode::tr(
            "The device authorization endpoint's answer has no usable device_code, so there is no "
            "code to show."));
    DeviceCode code;
    code.userCode = answer.value(u"user_code"_s).toString();
    if (code.userCode.trimmed().isEmpty() || code.userCode.size() > MaxUserCodeLength)
        return fail(DeviceCode::tr(
            "The device authorization endpoint's answer has no usable user_code, so there is no "
            "code to show."));
    for (const QChar c : std::as_const(code.userCode)) {
        if (!c.isPrint())
            return fail(DeviceCode::tr(
                "The device authorization endpoint's answer has a user_code with characters that cannot "
                "be shown, so there is no code to show."));
    }
    // verification_url: the name in drafts of the RFC, still what Google sends.
    const QJsonValue uri = answer.contains(u"verification_uri"_s) ? answer.value(u"verification_uri"_s)
                                                                  : answer.value(u"verification_url"_s);
    code.verificationUri = webUrl(uri);
    if (!code.verificationUri.isValid())
        return fail(DeviceCode::tr(
            "The device authorization endpoint's answer has no http or https verification_uri, so "
            "there is no code to show."));
    code.verificationUriComplete = webUrl(answer.value(u"verification_uri_complete"_s));
    code.expiresAt
        = receivedAt.addSecs(seconds(answer.value(u"expires_in"_s), DefaultExpirySeconds, MaxExpirySeconds));
    code.intervalSeconds = seconds(answer.value(u"interval"_s), DefaultIntervalSeconds, MaxIntervalSeconds);
    *deviceCode = device;
    problem->clear();
    return code;
}

DeviceFlow *DeviceFlow::create(TokenEndpointClient *endpoint, QObject *parent)
{
    return new DeviceAuthorizationFlow(endpoint, parent);
}

DeviceAuthorizationFlow::DeviceAuthorizationFlow(TokenEndpointClient *endpoint, QObject *parent)
    : DeviceFlow(parent)
    , m_endpoint(endpoint)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeviceAuthorizationFlow::poll);
}

DeviceAuthorizationFlow::~DeviceAuthorizationFlow()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
}

bool DeviceAuthorizationFlow::start(const OAuth2Config &config, const QString &deviceAuthorizationUrl)
{
    if (m_running)
        return false;
    m_running = true;
    m_config = config;
    m_code = DeviceCode();
    m_deviceCode.clear();
    if (!m_endpoint) {
        finish(OAuth2Result::failed(OAuth2Result::Failure::InvalidConfiguration,
                                    tr("There is no token endpoint client.")));
        return false;
    }
    m_job = m_endpoint->requestDeviceAuthorization(config, deviceAuthorizationUrl);
    connect(m_job, &TokenEndpointJob::finished, this, &DeviceAuthorizationFlow::onCodeAnswer);
    return true;
}

void DeviceAuthorizationFlow::onCodeAnswer(const OAuth2Result &result)
{
    const QJsonObject answer = m_job ? m_job->answer() : QJsonObject();
    m_job = nullptr;
    if (!m_running)
        return;
    if (result.failure != OAuth2Result::Failure::None) {
        finish(result);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_sinceCode.start();
    QString problem;
    m_code = DeviceCode::fromAnswer(answer, now, &m_deviceCode, &problem);
    m_lifetimeSeconds = now.secsTo(m_code.expiresAt);
    if (!problem.isEmpty()) {
        finish(OAuth2Result::failed(OAuth2Result::Failure::BadTokenResponse, problem));
        return;
    }
    qCInfo(lcAuth) << "device code received; polling every" << m_code.intervalSeconds << "s";
    Q_EMIT codeReady(m_code);
    if (m_running)
        scheduleNextPoll();
}

qint64 DeviceAuthorizationFlow::millisecondsLeft() const
{
    // The code's lifetime in this flow's seconds, counted from when it came.
    return m_lifetimeSeconds * m_second.count() - m_sinceCode.elapsed();
}

void DeviceAuthorizationFlow::scheduleNextPoll()
{
    const qint64 left = millisecondsLeft();
    const qint64 wait = qint64(m_code.intervalSeconds) * m_second.count();
    // A poll after the code expired is pointless (§3.5): the expiry ends the flow at its time.
    m_expiryNext = left <= wait;
    m_timer.start(std::chrono::milliseconds(qBound<qint64>(0, qMin(wait, left), qint64(INT_MAX))));
}

void DeviceAuthorizationFlow::poll()
{
    if (!m_running)
        return;
    if (m_expiryNext || millisecondsLeft() <= 0) {
        OAuth2Result expired = OAuth2Result::failed(
            OAuth2Result::Failure::TokenEndpointError,
            tr("The code %1 expired before it was approved. Get a new one to try again.")
                .arg(m_code.userCode));
        expired.error = u"expired_token"_s;
        finish(expired);
        return;
    }
    m_job = m_endpoint->requestDeviceToken(m_config, m_deviceCode);
    connect(m_job, &TokenEndpointJob::finished, this, &DeviceAuthorizationFlow::onPollAnswer);
}

void DeviceAuthorizationFlow::onPollAnswer(const OAuth2Result &result)
{
    m_job = nullptr;
    if (!m_running)
        return;
    using Failure = OAuth2Result::Failure;
    if (result.failure == Failure::TokenEndpointError && result.error == u"authorization_pending"_s) {
        scheduleNextPoll();
        return;
    }
    if (result.failure == Failure::TokenEndpointError && result.error == u"slow_down"_s) {
        setInterval(m_code.intervalSeconds + SlowDownSeconds,
                    tr("The server asked to be polled less often (slow_down)."));
        scheduleNextPoll();
        return;
    }
    if (result.failure == Failure::Network) {
        // No answer: back off rather than hammer a server that is down (§3.5).
        setInterval(qMin(qMax(m_code.intervalSeconds * 2, m_code.intervalSeconds + 1), MaxBackoffSeconds),
                    result.message);
        scheduleNextPoll();
        return;
    }
    if (result.failure == Failure::TokenEndpointError && result.error == u"access_denied"_s) {
        OAuth2Result denied = result;
        denied.failure = Failure::AccessDenied;
        denied.message
            = tr("The sign-in with the code %1 was denied. No token was stored.").arg(m_code.userCode);
        finish(denied);
        return;
    }
    if (result.failure == Failure::TokenEndpointError && result.error == u"expired_token"_s) {
        OAuth2Result expired = result;
        expired.message = tr("The code %1 expired before it was approved. Get a new one to try again.")
                              .arg(m_code.userCode);
        finish(expired);
        return;
    }
    finish(result);
}

void DeviceAuthorizationFlow::setInterval(int seconds, const QString &why)
{
    seconds = qBound(1, seconds, MaxIntervalSeconds);
    if (seconds == m_code.intervalSeconds)
        return;
    m_code.intervalSeconds = seconds;
    qCInfo(lcAuth) << "device code: polling every" << seconds << "s from now on";
    Q_EMIT intervalChanged(seconds, why);
}

void DeviceAuthorizationFlow::cancel(const QString &why)
{
    if (!m_running)
        return;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
    m_job = nullptr;
    finish(OAuth2Result::failed(OAuth2Result::Failure::Canceled,
                                why.isEmpty() ? tr("The sign-in was canceled. No token was stored.") : why));
}

void DeviceAuthorizationFlow::finish(OAuth2Result result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_deviceCode.clear();
    qCInfo(lcAuth) << "device authorization finished:"
                   << (result.failure == OAuth2Result::Failure::None ? "ok" : "failed")
                   << int(result.failure);
    Q_EMIT finished(result);
}

} // namespace Postern
