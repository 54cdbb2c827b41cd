#include "tokentools/userinfo.h"

#include "base/logging.h"
#include "http/httpcall.h"
#include "http/httpclient.h"
#include "tokentools/jwt.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Postern {

UserInfoResult UserInfoResult::fromAnswer(int status, const QByteArray &contentType, const QByteArray &body,
                                          const QString &expectedSubject)
{
    UserInfoResult result;
    if (status == 401 || status == 403) {
        result.error
            = UserInfoFetcher::tr(
                  "The UserInfo endpoint refused the token (HTTP %1): it is expired, revoked, or lacks "
                  "the openid scope.")
                  .arg(status);
        return result;
    }
    if (status != 200) {
        result.error = UserInfoFetcher::tr("The UserInfo endpoint answered HTTP %1.").arg(status);
        return result;
    }
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    if (type == "application/jwt") {
        // §5.3.2: a signed (or encrypted) answer. Its claims are shown as claimed.
        const JwtInfo info = Jwt::decode(QString::fromLatin1(body.trimmed()));
        if (!info.isJwt) {
            result.error
                = UserInfoFetcher::tr("The UserInfo endpoint's answer says it is a JWT but is not one (%1).")
                      .arg(info.notJwtReason.left(120));
            return result;
        }
        result.claims = info.payload;
        result.signedAnswer = true;
    } else {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            result.error = body.trimmed().startsWith('<')
                ? UserInfoFetcher::tr(
                    "The UserInfo endpoint answered with an HTML page, not the user's claims.")
                : UserInfoFetcher::tr("The UserInfo endpoint's answer is not a JSON object.");
            return result;
        }
        result.claims = document.object();
    }
    const QJsonValue sub = result.claims.value(u"sub"_s);
    if (!sub.isString() || sub.toString().isEmpty()) {
        result.error = UserInfoFetcher::tr(
            "The UserInfo endpoint's answer has no “sub” (OpenID Connect Core §5.3.2).");
        result.claims = QJsonObject();
        return result;
    }
    if (!expectedSubject.isEmpty() && sub.toString() != expectedSubject) {
        result.error
            = UserInfoFetcher::tr(
                  "The UserInfo endpoint's answer is about another user (sub %1, the ID token says %2); "
                  "it is not shown (OpenID Connect Core §5.3.2).")
                  .arg(sub.toString().left(80), expectedSubject.left(80));
        result.claims = QJsonObject();
    }
    return result;
}

UserInfoFetcher::UserInfoFetcher(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_client(new HttpClient(manager, this))
{
    m_client->setMaxBodySize(MaxDocumentSize);
}

void UserInfoFetcher::fetch(const QUrl &userInfoUrl, const QString &accessToken,
                            const QString &expectedSubject)
{
    HttpRequest request;
    request.url = userInfoUrl.toString(QUrl::FullyEncoded);
    request.headers = { KeyValue { u"Accept"_s, u"application/json, application/jwt"_s, true, QString() },
                        KeyValue { u"Authorization"_s, u"Bearer "_s + accessToken, true, QString() } };
    request.timeoutMs = m_timeout;
    HttpCall *call = m_client->send(request);
    connect(call, &HttpCall::finished, this, [this, expectedSubject](const HttpResponse &response) {
        UserInfoResult result;
        if (response.error == HttpResponse::Error::Timeout)
            result.error = tr("The UserInfo endpoint did not answer within %1 s.").arg(m_timeout / 1000.0);
        else if (response.error == HttpResponse::Error::TooLarge)
            result.error = tr("The UserInfo endpoint's answer is larger than 1 MiB; refused.");
        else if (response.error != HttpResponse::Error::None)
            result.error = tr("The UserInfo endpoint could not be reached: %1").arg(response.errorMessage);
        else
            result = UserInfoResult::fromAnswer(response.statusCode, response.header("Content-Type"),
                                                response.body, expectedSubject);
        qCDebug(lcAuth) << "userinfo fetched, ok:" << result.ok();
        Q_EMIT finished(result);
    });
}

} // namespace Postern
