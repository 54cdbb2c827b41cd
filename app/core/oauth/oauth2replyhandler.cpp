#include "oauth/oauth2replyhandler.h"

#include "base/logging.h"
#include "tokentools/dpop.h"

#include <QJsonDocument>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Server text is shown to the user as plain text, never interpreted; cut it to a readable size.
QString excerpt(const QString &text, int max = 200)
{
    QString simplified = text.simplified();
    if (simplified.size() > max)
        simplified = simplified.left(max) + u'\u2026';
    return simplified;
}

QString withoutFinalPeriod(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.endsWith(u'.') ? trimmed.chopped(1) : trimmed;
}

} // namespace

OAuth2ReplyHandler::OAuth2ReplyHandler(const QString &callbackUrl, QObject *parent)
    : QOAuthOobReplyHandler(parent)
    , m_callback(callbackUrl)
{
}

OAuth2Result OAuth2ReplyHandler::checkTokenResponse(int status, const QByteArray &contentType,
                                                    const QByteArray &body, QJsonObject *json,
                                                    bool dpopProofSent)
{
    using Failure = OAuth2Result::Failure;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject object = document.object();

    // RFC 6749 §5.2: an error answer is JSON with "error" (400, or 401 for invalid_client).
    if (OAuth2Result result; isObject && OAuth2Result::fromErrorAnswer(object, &result)) {
        QString hint;
        if (result.error == u"invalid_client"_s)
            hint = tr("Check the Client ID, the Client Secret and the Client Authentication setting.");
        else if (result.error == u"invalid_grant"_s)
            hint = tr("The authorization code was refused (expired, already used, or issued for another "
                      "Callback URL).");
        result.message = tr("The token endpoint answered %1 (HTTP %2)%3.")
                             .arg(excerpt(result.error, 60), QString::number(status),
                                  result.errorDescription.isEmpty()
                                      ? QString()
                                      : u": "_s + excerpt(withoutFinalPeriod(result.errorDescription)));
        if (!hint.isEmpty())
            result.message += u' ' + hint;
        return result;
    }
    if (status < 200 || status > 299) {
        return OAuth2Result::failed(
            Failure::TokenEndpointError,
            body.isEmpty() ? tr("The token endpoint answered HTTP %1 without an OAuth error.").arg(status)
                           : tr("The token endpoint answered HTTP %1 without an OAuth error. It said: %2")
                                 .arg(QString::number(status), excerpt(QString::fromUtf8(body))));
    }
    if (!isObject) {
        const QString type = contentType.isEmpty() ? tr("no Content-Type") : QString::fromLatin1(contentType);
        const bool html = contentType.contains("html") || body.trimmed().startsWith('<');
        return OAuth2Result::failed(
            Failure::BadTokenResponse,
            html ? tr("The token endpoint answered with an HTML page (%1) instead of JSON. Check the Access "
                      "Token URL.")
                       .arg(type)
                : parseError.error != QJsonParseError::NoError
                ? tr("The token endpoint's answer is not a JSON object (%1, %2).")
                      .arg(type, parseError.errorString())
                : tr("The token endpoint's answer is not a JSON object (%1).").arg(type));
    }
    if (!object.value(u"access_token"_s).isString() || object.value(u"access_token"_s).toString().isEmpty())
        return OAuth2Result::failed(Failure::BadTokenResponse,
                                    tr("The token endpoint's answer has no access_token."));
    if (!object.value(u"token_type"_s).isString() || object.value(u"token_type"_s).toString().isEmpty())
        return OAuth2Result::failed(
            Failure::BadTokenResponse,
            tr("The token endpoint's answer has no token_type (RFC 6749 §5.1 requires one)."));
    // RFC 6749 §7.1: a client must not use a token whose type it does not understand. Postern sends
    // bearer tokens (RFC 6750), and DPoP-bound ones (RFC 9449) when it asked for them; "N_A" is what
    // some servers say for a token meant only for exchange.
    const QString type = object.value(u"token_type"_s).toString();
    const bool dpop = dpopProofSent && type.compare(u"dpop"_s, Qt::CaseInsensitive) == 0;
    if (type.compare(u"bearer"_s, Qt::CaseInsensitive) != 0 && type != u"N_A"_s && !dpop)
        return OAuth2Result::failed(
            Failure::BadTokenResponse,
            tr("The token endpoint issued a token of type “%1”; Postern sends Bearer tokens "
               "(RFC 6750) and, when DPoP is on, DPoP tokens (RFC 9449), so it was not stored.")
                .arg(excerpt(type, 40)));
    *json = object;
    return OAuth2Result();
}

void OAuth2ReplyHandler::networkReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        qCInfo(lcAuth) << "token request failed:" << reply->error();
        Q_EMIT tokenRequestFailed(OAuth2Result::failed(
            OAuth2Result::Failure::Network,
            tr("Could not reach the token endpoint %1: %2")
                .arg(reply->url().adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString(),
                     reply->errorString())));
        return;
    }
    const QByteArray body = reply->readAll();
    QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    if (m_dpop && reply->hasRawHeader("DPoP-Nonce")) {
        Dpop::rememberNonce(reply->url(), reply->rawHeader("DPoP-Nonce"));
        const bool asks
            = QJsonDocument::fromJson(body).object().value(u"error"_s).toString() == u"use_dpop_nonce"_s;
        if (asks && !m_nonceDemanded) {
            m_nonceDemanded = true; // once: a second demand is the answer
            qCInfo(lcAuth) << "the token endpoint wants a DPoP nonce";
            Q_EMIT dpopNonceDemanded();
            return;
        }
    }
    QJsonObject json;
    const OAuth2Result check = checkTokenResponse(status.toInt(), contentType, body, &json, m_dpop);
    qCInfo(lcAuth) << "token endpoint answered" << status.toInt() << "bytes:" << body.size()
                   << (check.failure == OAuth2Result::Failure::None ? "usable" : "refused");
    if (check.failure != OAuth2Result::Failure::None) {
        Q_EMIT tokenRequestFailed(check);
        return;
    }
    m_raw = json;
    m_receivedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT replyDataReceived(body);
    Q_EMIT tokensReceived(json.toVariantMap());
}

} // namespace Postern
