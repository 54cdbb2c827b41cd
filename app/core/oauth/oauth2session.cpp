#include "oauth/oauth2session.h"

#include "base/formurlencoded.h"
#include "base/logging.h"
#include "oauth/oauth2replyhandler.h"
#include "oauth/oauthnetworkmanager.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenendpointjob.h"
#include "tokentools/clientassertion.h"
#include "tokentools/dpop.h"
#include "tokentools/jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QOAuth2AuthorizationCodeFlow>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Qt's flow, with the code exchange callable once more (after a DPoP nonce demand): Qt 6.4 takes a
// callback only once.
class CodeFlow : public QOAuth2AuthorizationCodeFlow
{
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;
    void exchangeAgain(const QString &code) { requestAccessToken(code); }
};

} // namespace

namespace {

// RFC 6749 §10.10: at least 128 bits of entropy; 32 bytes, base64url without padding (43 characters).
QString randomState()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

QString normalisedPath(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyDecoded);
    return path.isEmpty() ? u"/"_s : path;
}

QString origin(const QString &urlText)
{
    const QUrl url(urlText);
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

} // namespace

OAuth2Session::OAuth2Session(const OAuth2Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_tokenTimeout.setSingleShot(true);
    m_tokenTimeout.setInterval(30000);
    connect(&m_tokenTimeout, &QTimer::timeout, this, [this] {
        finish(OAuth2Result::failed(OAuth2Result::Failure::Network,
                                    tr("The token endpoint did not answer within %1 s. No token was stored.")
                                        .arg(m_tokenTimeout.interval() / 1000)));
        if (m_manager)
            m_manager->abortAll();
    });
}

OAuth2Session::~OAuth2Session() = default;

void OAuth2Session::start()
{
    if (const QStringList problems = m_config.problems(); !problems.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, problems] {
                finish(
                    OAuth2Result::failed(OAuth2Result::Failure::InvalidConfiguration, problems.join(u'\n')));
            },
            Qt::QueuedConnection);
        return;
    }
    m_state = m_config.state.isEmpty() ? randomState() : m_config.state;
    if (m_config.grantType == OAuth2GrantType::Implicit) {
        startImplicit();
        return;
    }
    // OpenID Connect Core §3.1.2.1: a nonce binds the ID token to this sign-in (against replay).
    m_nonce.clear();
    if (m_config.scope.split(u' ', Qt::SkipEmptyParts).contains(u"openid"_s))
        m_nonce = randomState();
    if (m_config.usesPkce())
        m_codeVerifier
            = m_config.codeVerifier.isEmpty() ? OAuth2Config::generateCodeVerifier() : m_config.codeVerifier;
    const bool basic = m_config.clientAuthentication == ClientAuthentication::BasicHeader;
    const bool assertion = m_config.usesClientAssertion();
    if (assertion) {
        // The key is read now, so that a wrong passphrase is said before the user signs in; the
        // assertion itself is made when the code is exchanged (it lives a minute).
        QString error;
        if (ClientAssertion::build(m_config, &error).isEmpty()) {
            QMetaObject::invokeMethod(
                this,
                [this, error] {
                    finish(OAuth2Result::failed(OAuth2Result::Failure::InvalidConfiguration, error));
                },
                Qt::QueuedConnection);
            return;
        }
    }

    m_manager = new OAuthNetworkManager(this);
    m_manager->setClientCertificates(m_certificates);
    m_handler = new OAuth2ReplyHandler(m_config.callbackUrl.trimmed(), this);
    m_flow = new CodeFlow(m_manager, this);
    m_flow->setAuthorizationUrl(QUrl(m_config.authUrl.trimmed()));
    using Placement = OAuth2ExtraParameter::Placement;
    using Stage = OAuth2ExtraParameter::Stage;
    const QUrl tokenUrl = FormUrlEncoded::appendToQuery(QUrl(m_config.accessTokenUrl.trimmed()),
                                                        m_config.extraFor(Stage::Token, Placement::Query));
    m_manager->setExtraHeaders(tokenUrl, m_config.extraFor(Stage::Token, Placement::Header));
    if (basic)
        m_manager->setBasicCredentials(tokenUrl, m_config.clientId.trimmed(), m_config.clientSecret);
    m_flow->setAccessTokenUrl(tokenUrl);
    if (m_config.dpop) {
        // RFC 9449 §5: the code is exchanged with a proof of a key made for this token.
        m_dpopKey = SigningKey::generateP256();
        m_manager->setDpop(tokenUrl, m_dpopKey);
        m_handler->setDpopProofSent(true);
        connect(m_handler, &OAuth2ReplyHandler::dpopNonceDemanded, this, [this] {
            // The same code once more, now with the server's nonce (and a new client assertion).
            if (!m_finished)
                static_cast<CodeFlow *>(m_flow)->exchangeAgain(m_callbackValues.value(u"code"_s).toString());
        });
    }
    m_flow->setClientIdentifier(m_config.clientId.trimmed());
    if (!basic && !assertion)
        m_flow->setClientIdentifierSharedKey(m_config.clientSecret);
    m_flow->setScope(m_config.scope.trimmed());
    m_flow->setState(m_state);
    m_flow->setReplyHandler(m_handler);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Newer Qt does PKCE on its own; here it is the form's choice, done below.
    m_flow->setPkceMethod(QOAuth2AuthorizationCodeFlow::PkceMethod::None);
#endif
    m_flow->setModifyParametersFunction(
        [this, basic, assertion](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization && !m_requestUri.isEmpty()) {
                // RFC 9126 §4: the browser carries only who asks and where the request was pushed.
                parameters->clear();
                parameters->insert(u"client_id"_s, m_config.clientId.trimmed());
                parameters->insert(u"request_uri"_s, m_requestUri);
            } else if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                parameters->replace(u"state"_s, m_state);
                if (m_config.scope.trimmed().isEmpty())
                    parameters->remove(u"scope"_s);
                if (!m_nonce.isEmpty())
                    parameters->replace(u"nonce"_s, m_nonce);
                for (const FormField &extra : m_config.extraFor(OAuth2ExtraParameter::Stage::Authorization))
                    parameters->insert(extra.first, extra.second);
                if (!m_codeVerifier.isEmpty()) {
                    parameters->replace(u"code_challenge"_s,
                                        OAuth2Config::codeChallenge(m_codeVerifier, m_config.pkceMethod));
                    parameters->replace(u"code_challenge_method"_s, pkceMethodText(m_config.pkceMethod));
                }
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                if (!m_codeVerifier.isEmpty()) // the unreserved alphabet: nothing to encode
                    parameters->replace(u"code_verifier"_s, m_codeVerifier);
                // Qt puts values into the body as they are: encode the form's extra values (RFC 6749 §B).
                for (const FormField &extra : m_config.extraFor(OAuth2ExtraParameter::Stage::Token,
                                                                OAuth2ExtraParameter::Placement::Body)) {
                    if (!parameters->contains(extra.first))
                        parameters->insert(extra.first,
                                           QString::fromLatin1(QUrl::toPercentEncoding(extra.second)));
                }
                if (assertion) {
                    // RFC 7523 §2.2; base64url and dots: nothing to encode.
                    parameters->remove(u"client_secret"_s);
                    QString error;
                    parameters->replace(u"client_assertion_type"_s, ClientAssertion::assertionType());
                    parameters->replace(u"client_assertion"_s, ClientAssertion::build(m_config, &error));
                } else if (basic) {
                    parameters->remove(u"client_secret"_s);
                } else if (parameters->contains(u"client_secret"_s)
                           && parameters->value(u"client_secret"_s).toString() == m_config.clientSecret) {
                    // Qt percent-encodes code, redirect_uri and client_id itself but puts the secret in
                    // the body raw, so '+', '&', '=' and '%' in it would arrive changed (RFC 6749 §B).
                    parameters->replace(u"client_secret"_s,
                                        QString::fromLatin1(QUrl::toPercentEncoding(m_config.clientSecret)));
                }
            }
        });

    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, &OAuth2Session::authorizationUrlReady);
    connect(m_flow, &QAbstractOAuth::granted, this, &OAuth2Session::onGranted);
    connect(m_handler, &OAuth2ReplyHandler::tokenRequestFailed, this, &OAuth2Session::finish);
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &uri) {
                OAuth2Result result = OAuth2Result::failed(
                    OAuth2Result::Failure::AuthorizationError,
                    tr("The authorization failed: %1 %2").arg(error, description).trimmed());
                result.error = error;
                result.errorDescription = description;
                result.errorUri = uri.toString();
                finish(result);
            });
    qCInfo(lcAuth) << "authorization code flow starting for" << origin(m_config.authUrl);
    if (m_config.usesPushedAuthorization()) {
        pushThenGrant();
        return;
    }
    m_flow->grant();
}

void OAuth2Session::pushThenGrant()
{
    // RFC 9126 §2.1: the parameters the authorization URL would carry, sent to the PAR endpoint with the
    // client's authentication; the browser then gets the request_uri it answers.
    FormFields fields { { u"response_type"_s, u"code"_s },
                        { u"redirect_uri"_s, m_config.callbackUrl.trimmed() },
                        { u"state"_s, m_state } };
    if (!m_config.scope.trimmed().isEmpty())
        fields.append({ u"scope"_s, m_config.scope.trimmed() });
    if (!m_nonce.isEmpty())
        fields.append({ u"nonce"_s, m_nonce });
    if (!m_codeVerifier.isEmpty()) {
        fields.append(
            { u"code_challenge"_s, OAuth2Config::codeChallenge(m_codeVerifier, m_config.pkceMethod) });
        fields.append({ u"code_challenge_method"_s, pkceMethodText(m_config.pkceMethod) });
    }
    for (const FormField &extra : m_config.extraFor(OAuth2ExtraParameter::Stage::Authorization)) {
        if (!FormUrlEncoded::contains(fields, extra.first) && extra.first != u"client_id"_s)
            fields.append(extra);
    }
    auto *client = new TokenEndpointClient(m_manager, this);
    TokenEndpointJob *job = client->pushAuthorizationRequest(m_config, fields);
    qCInfo(lcAuth) << "pushing the authorization request to" << origin(m_config.parUrl);
    connect(job, &TokenEndpointJob::finished, this, [this, job, client](const OAuth2Result &result) {
        client->deleteLater();
        if (m_finished)
            return;
        if (result.failure != OAuth2Result::Failure::None) {
            finish(result);
            return;
        }
        const QString requestUri = job->answer().value(u"request_uri"_s).toString();
        if (requestUri.isEmpty() || requestUri.size() > 2048) {
            finish(OAuth2Result::failed(
                OAuth2Result::Failure::BadTokenResponse,
                tr("The PAR endpoint's answer has no usable request_uri (RFC 9126 §2.2).")));
            return;
        }
        m_requestUri = requestUri;
        m_flow->grant();
    });
}

void OAuth2Session::startImplicit()
{
    // RFC 6749 §4.2.1.
    FormFields fields { { u"response_type"_s, u"token"_s },
                        { u"client_id"_s, m_config.clientId.trimmed() },
                        { u"redirect_uri"_s, m_config.callbackUrl.trimmed() } };
    if (!m_config.scope.trimmed().isEmpty())
        fields.append({ u"scope"_s, m_config.scope.trimmed() });
    fields.append({ u"state"_s, m_state });
    fields += m_config.extraFor(OAuth2ExtraParameter::Stage::Authorization);
    const QUrl url = FormUrlEncoded::appendToQuery(QUrl(m_config.authUrl.trimmed()), fields);
    m_callbackSeen = false;
    qCInfo(lcAuth) << "implicit flow starting for" << origin(m_config.authUrl);
    m_flow = nullptr;
    Q_EMIT authorizationUrlReady(url);
}

void OAuth2Session::finishImplicit(const FormFields &fields)
{
    // RFC 6749 §4.2.2: access_token and token_type are required; every field is a string here.
    QJsonObject json;
    for (const FormField &field : fields) {
        if (field.first != u"state"_s)
            json.insert(field.first, field.second);
    }
    QJsonObject checked;
    const OAuth2Result check = OAuth2ReplyHandler::checkTokenResponse(200, "application/json",
                                                                      QJsonDocument(json).toJson(), &checked);
    if (check.failure != OAuth2Result::Failure::None) {
        OAuth2Result result = check;
        // checkTokenResponse() speaks of "the token endpoint's answer"; here it was the redirect.
        //: The words that begin this context's sentences "The token endpoint's answer has no …".
        const QString answer
            = QCoreApplication::translate("Postern::OAuth2ReplyHandler", "The token endpoint's answer");
        const QString redirect = tr("The redirect");
        result.message = result.message.replace(answer, redirect);
        finish(result);
        return;
    }
    QString error;
    OAuth2Token token = OAuth2Token::fromResponse(checked, QDateTime::currentDateTimeUtc(), &error);
    if (!token.isValid()) {
        finish(OAuth2Result::failed(OAuth2Result::Failure::BadTokenResponse, error));
        return;
    }
    OAuth2Result result;
    result.token = withOrigin(token);
    finish(result);
}

OAuth2Token OAuth2Session::withOrigin(OAuth2Token token) const
{
    token.name = m_config.tokenName.trimmed();
    token.grantType = grantTypeKey(m_config.grantType);
    token.issuer = origin(m_config.usesTokenEndpoint() ? m_config.accessTokenUrl.trimmed()
                                                       : m_config.authUrl.trimmed());
    token.configKey = m_config.key();
    if (token.scope.isEmpty())
        token.scope = m_config.scope.trimmed();
    return token;
}

bool OAuth2Session::isCallback(const QUrl &url) const
{
    const QUrl callback(m_config.callbackUrl.trimmed());
    // User info ("https://x@host/…") is no part of a registered redirect URI: such an address is not it.
    return url.userInfo() == callback.userInfo()
        && url.scheme().compare(callback.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(callback.host(), Qt::CaseInsensitive) == 0
        && defaultPort(url) == defaultPort(callback) && normalisedPath(url) == normalisedPath(callback);
}

bool OAuth2Session::handleRedirect(const QUrl &url)
{
    if (!isCallback(url))
        return false;
    const bool implicit = m_config.grantType == OAuth2GrantType::Implicit;
    if (m_callbackSeen || m_finished || (!m_flow && !implicit) || m_state.isEmpty()) {
        qCInfo(lcAuth) << "ignoring a further callback";
        return true;
    }
    m_callbackSeen = true;
    using Failure = OAuth2Result::Failure;
    // The implicit grant answers in the fragment (§4.2.2); some servers put errors in the query.
    const QString fragment = url.fragment(QUrl::FullyEncoded);
    const FormFields fields = FormUrlEncoded::parse(
        (implicit && !fragment.isEmpty() ? fragment : url.query(QUrl::FullyEncoded)).toUtf8());

    // RFC 9207: when the server names itself on the redirect, or its metadata promises to, the name must
    // be the issuer this configuration was discovered from, before any code is traded (mix-up defence).
    const qsizetype issuers = FormUrlEncoded::count(fields, u"iss"_s);
    const QString iss = FormUrlEncoded::value(fields, u"iss"_s);
    const QString expectedIssuer = m_config.issuer.trimmed();
    if (issuers > 1 || (issuers == 1 && !expectedIssuer.isEmpty() && iss != expectedIssuer)
        || (issuers == 0 && m_config.issParameterSupported)) {
        OAuth2Result result = OAuth2Result::failed(
            Failure::AuthorizationError,
            issuers == 0 ? tr("The authorization server promised to name itself (iss, RFC 9207) but the "
                              "redirect does not. "
                              "Nothing was sent or stored.")
                         : tr("The redirect names the issuer “%1”, not “%2”: it may come "
                              "from another "
                              "server (mix-up attack, RFC 9207). Nothing was sent or stored.")
                               .arg(iss.left(200), expectedIssuer));
        result.error = u"issuer_mismatch"_s;
        finish(result);
        return true;
    }
    const qsizetype states = FormUrlEncoded::count(fields, u"state"_s);
    if (states != 1 || FormUrlEncoded::value(fields, u"state"_s) != m_state) {
        // Checked before an error is believed (RFC 6749 §4.1.2.1 errors carry state too): anyone can
        // send the browser to the Callback URL with an error of their choosing.
        if (FormUrlEncoded::contains(fields, u"error"_s)) {
            OAuth2Result result
                = OAuth2Result::failed(Failure::StateMismatch,
                                       tr("An error answer (%1) reached the Callback URL without this "
                                          "request's state, so it was not "
                                          "taken as the server's. No token was requested.")
                                           .arg(FormUrlEncoded::value(fields, u"error"_s).left(60)));
            finish(result);
            return true;
        }
        finish(OAuth2Result::failed(
            Failure::StateMismatch,
            states == 0 ? tr("The redirect carries no state, so it cannot be tied to this request. Nothing "
                             "was sent or stored.")
                : states > 1 ? tr("The redirect carries more than one state. Nothing was sent or stored.")
                             : tr("The state in the redirect does not match the one Postern sent: the answer "
                                  "is not for this "
                                  "request. Nothing was sent or stored.")));
        return true;
    }
    if (FormUrlEncoded::contains(fields, u"error"_s)) {
        OAuth2Result result;
        result.error = FormUrlEncoded::value(fields, u"error"_s);
        result.errorDescription = FormUrlEncoded::value(fields, u"error_description"_s);
        result.errorUri = FormUrlEncoded::value(fields, u"error_uri"_s);
        result.failure
            = result.error == u"access_denied"_s ? Failure::AccessDenied : Failure::AuthorizationError;
        const QString said = result.errorDescription.isEmpty()
            ? QString()
            : u" (\u201c%1\u201d)"_s.arg(result.errorDescription.left(200));
        result.message = result.failure == Failure::AccessDenied
            ? tr("Access was denied at the authorization server%1. No token was requested.").arg(said)
            : tr("The authorization server answered %1%2. No token was requested.")
                  .arg(result.error.left(60), said);
        finish(result);
        return true;
    }
    if (implicit) {
        finishImplicit(fields);
        return true;
    }
    const QString code = FormUrlEncoded::value(fields, u"code"_s);
    if (code.isEmpty() || FormUrlEncoded::count(fields, u"code"_s) != 1) {
        finish(OAuth2Result::failed(Failure::MissingCode,
                                    tr("The redirect carries no authorization code. Nothing was stored.")));
        return true;
    }
    QVariantMap values;
    for (const FormField &field : fields)
        values.insert(field.first, field.second);
    // State is checked above; hand Qt its own copy so its check agrees.
    values.insert(u"state"_s, m_flow->state());
    qCInfo(lcAuth) << "callback received; requesting the token from" << origin(m_config.accessTokenUrl);
    m_tokenTimeout.start();
    m_callbackValues = values;
    Q_EMIT m_handler->callbackReceived(values);
    return true;
}

void OAuth2Session::cancel(const QString &why)
{
    if (m_finished)
        return;
    finish(OAuth2Result::failed(
        OAuth2Result::Failure::Canceled,
        why.isEmpty() ? tr("The authorization was canceled before it finished. No token was stored.") : why));
    if (m_manager)
        m_manager->abortAll();
}

void OAuth2Session::onGranted()
{
    QString error;
    OAuth2Token token = OAuth2Token::fromResponse(m_handler->rawResponse(), m_handler->receivedAt(), &error);
    if (!token.isValid()) {
        finish(OAuth2Result::failed(OAuth2Result::Failure::BadTokenResponse, error));
        return;
    }
    if (const QString problem = nonceProblem(token.idToken); !problem.isEmpty()) {
        finish(OAuth2Result::failed(OAuth2Result::Failure::BadTokenResponse, problem));
        return;
    }
    if (!m_dpopKey.isNull() && token.tokenType.compare(Dpop::tokenType(), Qt::CaseInsensitive) == 0) {
        token.dpopKey = QString::fromLatin1(m_dpopKey.toPem());
        token.dpopThumbprint = m_dpopKey.thumbprint();
    }
    OAuth2Result result;
    result.token = withOrigin(token);
    finish(result);
}

QString OAuth2Session::nonceProblem(const QString &idToken) const
{
    if (m_nonce.isEmpty() || idToken.isEmpty())
        return QString();
    const JwtInfo info = Jwt::decode(idToken);
    if (info.isEncrypted)
        return QString(); // its claims cannot be read here
    const QString consequence = tr("It may be replayed from another sign-in (OpenID Connect Core §3.1.3.7). "
                                   "No token was stored.");
    if (!info.isJwt)
        return tr("The ID token is not a JWT, so its nonce cannot be checked.") + u' ' + consequence;
    const QJsonValue nonce = info.payload.value(u"nonce"_s);
    if (nonce.isUndefined())
        return tr("The ID token has no nonce although this sign-in sent one.") + u' ' + consequence;
    if (nonce.toString() != m_nonce)
        return tr("The ID token's nonce is not the one this sign-in sent.") + u' ' + consequence;
    return QString();
}

void OAuth2Session::finish(const OAuth2Result &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_tokenTimeout.stop();
    qCInfo(lcAuth) << "authorization finished:" << (result.ok() ? "token obtained" : "failed")
                   << int(result.failure);
    Q_EMIT finished(result);
}

} // namespace Postern
