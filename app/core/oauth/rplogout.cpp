#include "oauth/rplogout.h"

#include "base/formurlencoded.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Postern {

RpLogout::Start RpLogout::begin(const OAuth2Config &config, const OAuth2Token &token)
{
    Start start;
    const QUrl endpoint(config.endSessionUrl.trimmed(), QUrl::StrictMode);
    if (config.endSessionUrl.trimmed().isEmpty()) {
        start.problem = tr("The server's end-session endpoint is not known: Discover in Get New Access Token "
                           "finds it (end_session_endpoint).");
        return start;
    }
    if (!endpoint.isValid() || endpoint.host().isEmpty()
        || (endpoint.scheme() != u"https"_s && endpoint.scheme() != u"http"_s)) {
        start.problem = tr("The end-session endpoint is not an http(s) URL.");
        return start;
    }
    const QUrl callback(config.callbackUrl.trimmed(), QUrl::StrictMode);
    if (config.callbackUrl.trimmed().isEmpty() || !callback.isValid()) {
        start.problem = tr("Signing out needs the Callback URL, where the server sends the browser back.");
        return start;
    }
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    start.state = QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    FormFields fields;
    if (!token.idToken.isEmpty())
        fields.append({ u"id_token_hint"_s, token.idToken });
    if (!config.clientId.trimmed().isEmpty())
        fields.append({ u"client_id"_s, config.clientId.trimmed() });
    fields.append({ u"post_logout_redirect_uri"_s, config.callbackUrl.trimmed() });
    fields.append({ u"state"_s, start.state });
    start.url = FormUrlEncoded::appendToQuery(endpoint, fields);
    return start;
}

bool RpLogout::isReturn(const OAuth2Config &config, const QUrl &url)
{
    const QUrl callback(config.callbackUrl.trimmed());
    return callback.isValid() && url.scheme().compare(callback.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(callback.host(), Qt::CaseInsensitive) == 0 && url.port(-1) == callback.port(-1)
        && url.path() == callback.path();
}

QString RpLogout::finish(const QUrl &url, const QString &state)
{
    const FormFields query = FormUrlEncoded::parse(url.query(QUrl::FullyEncoded).toUtf8());
    if (FormUrlEncoded::contains(query, u"error"_s))
        return tr("The server did not sign you out: %1 %2")
            .arg(FormUrlEncoded::value(query, u"error"_s).left(60),
                 FormUrlEncoded::value(query, u"error_description"_s).left(200))
            .trimmed();
    if (FormUrlEncoded::count(query, u"state"_s) != 1 || FormUrlEncoded::value(query, u"state"_s) != state)
        return tr("The redirect after signing out does not carry this sign-out's state; it is not taken as "
                  "confirmation.");
    return QString();
}

} // namespace Postern
