#include "sandbox/tokenendpoint.h"

#include "sandbox/jsonwriter.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

const auto scopeByDefault = u"useraccount"_s;
const QByteArray basicChallenge = "Basic realm=\"oauth_token.do\""_ba;

Reply oauthError(int status, const QString &error, const QString &description)
{
    const QByteArray body
        = JsonWriter().add(u"error"_s, error).add(u"error_description"_s, description).object();
    return Reply::json(status, body)
        .withHeader("Cache-Control"_ba, "no-store"_ba)
        .withHeader("Pragma"_ba, "no-cache"_ba);
}

Reply invalidRequest(const QString &description)
{
    return oauthError(400, u"invalid_request"_s, description);
}

Reply invalidGrant(const QString &description)
{
    return oauthError(400, u"invalid_grant"_s, description);
}

// RFC 6749 §5.2: 401, with WWW-Authenticate when the client tried (or must use) HTTP Basic.
Reply invalidClient(const QString &description, bool challenge)
{
    Reply reply = oauthError(401, u"invalid_client"_s, description);
    if (challenge)
        reply.withHeader("WWW-Authenticate"_ba, basicChallenge);
    return reply;
}

bool validVerifier(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._~-]{43,128}$"_s);
    return pattern.match(text).hasMatch();
}

QSet<QString> scopeSet(const QString &scope)
{
    const QStringList list = scope.split(u' ', Qt::SkipEmptyParts);
    return QSet<QString>(list.cbegin(), list.cend());
}

Reply tokenReply(const OAuthStore::Issued &issued, const QString &scope, int lifespan)
{
    JsonWriter json;
    json.add(u"access_token"_s, QString::fromLatin1(issued.accessToken));
    if (!issued.refreshToken.isEmpty())
        json.add(u"refresh_token"_s, QString::fromLatin1(issued.refreshToken));
    json.add(u"scope"_s, scope).add(u"token_type"_s, u"Bearer"_s).add(u"expires_in"_s, qint64(lifespan) - 1);
    // RFC 6749 §5.1.
    return Reply::json(200, json.object())
        .withHeader("Cache-Control"_ba, "no-store"_ba)
        .withHeader("Pragma"_ba, "no-cache"_ba);
}

} // namespace

TokenEndpoint::TokenEndpoint(const Registry &registry, OAuthStore &store)
    : m_registry(registry)
    , m_store(store)
{
}

Reply TokenEndpoint::token(const Request &request)
{
    // RFC 6749 §3.2: POST, parameters in an application/x-www-form-urlencoded body.
    if (request.method != "POST") {
        return invalidRequest(u"The token endpoint accepts POST requests only."_s)
            .withHeader("Allow"_ba, "POST"_ba);
    }
    if (request.body.size() > maxBodySize) {
        Reply reply = invalidRequest(u"The request body is too large."_s);
        reply.status = 413;
        return reply;
    }
    if (!request.query.isEmpty()) {
        return invalidRequest(
            u"Parameters must be sent in the request body, not in the URL query string (RFC 6749 §3.2)."_s);
    }
    const QByteArray contentType = request.header("Content-Type").trimmed().toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded")) {
        return invalidRequest(u"The body must be application/x-www-form-urlencoded, not \"%1\"."_s.arg(
            QString::fromLatin1(contentType.left(100))));
    }
    const FormFields fields = FormUrlEncoded::parse(request.body);
    for (const FormField &field : fields) {
        // RFC 6749 §3.2: parameters must not be included more than once.
        if (FormUrlEncoded::count(fields, field.first) > 1)
            return invalidRequest(u"The parameter \"%1\" is repeated."_s.arg(field.first.left(100)));
    }

    std::optional<Reply> failure;
    const Client *client = authenticateClient(request, fields, &failure);
    if (!client)
        return *failure;

    const QString grantType = FormUrlEncoded::value(fields, u"grant_type"_s);
    if (grantType.isEmpty())
        return invalidRequest(u"The grant_type parameter is missing."_s);
    if (grantType == u"authorization_code")
        return authorizationCodeGrant(*client, fields);
    if (grantType == u"refresh_token")
        return refreshTokenGrant(*client, fields);
    if (grantType == u"password")
        return passwordGrant(*client, fields);
    if (grantType == u"client_credentials")
        return clientCredentialsGrant(*client, fields);
    if (grantType == u"urn:ietf:params:oauth:grant-type:jwt-bearer")
        return jwtBearerGrant(*client, fields, request);
    return oauthError(400, u"unsupported_grant_type"_s,
                      u"The grant_type \"%1\" is not supported."_s.arg(grantType.left(100)));
}

const Client *TokenEndpoint::authenticateClient(const Request &request, const FormFields &fields,
                                                std::optional<Reply> *failure) const
{
    const QList<QByteArray> authorization = request.headerValues("Authorization");
    if (authorization.size() > 1) {
        *failure = invalidRequest(u"More than one Authorization header was sent."_s);
        return nullptr;
    }
    bool basic = false;
    QString basicId;
    QString basicSecret;
    if (!authorization.isEmpty()) {
        const QByteArray value = authorization.first().trimmed();
        if (!value.toLower().startsWith("basic ")) {
            *failure = invalidClient(
                u"Unsupported Authorization scheme for client authentication; use Basic."_s, true);
            return nullptr;
        }
        basic = true;
        const auto decoded
            = QByteArray::fromBase64Encoding(value.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (!decoded || colon < 0) {
            *failure = invalidClient(u"The Basic credentials are not valid base64 of \"id:secret\"."_s, true);
            return nullptr;
        }
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined.
        basicId = FormUrlEncoded::decodeComponent(QByteArrayView(decoded.decoded).first(colon));
        basicSecret = FormUrlEncoded::decodeComponent(QByteArrayView(decoded.decoded).sliced(colon + 1));
    }

    const QString bodyId = FormUrlEncoded::value(fields, u"client_id"_s);
    const bool bodySecret = FormUrlEncoded::contains(fields, u"client_secret"_s);
    if (basic && !bodyId.isEmpty() && bodyId != basicId) {
        *failure = invalidRequest(u"The client_id in the body differs from the one in the Basic header."_s);
        return nullptr;
    }
    const QString clientId = basic ? basicId : bodyId;
    if (clientId.isEmpty()) {
        *failure = invalidClient(u"Client authentication failed: no client_id was sent."_s, basic);
        return nullptr;
    }
    const Client *client = m_registry.client(clientId);
    if (!client) {
        *failure = invalidClient(u"Client authentication failed: unknown client_id."_s, basic);
        return nullptr;
    }

    switch (client->auth) {
    case Client::AuthMethod::Body:
        if (basic) {
            *failure = invalidClient(u"This client is registered to send client_id and client_secret in the "
                                     u"request body, not in an Authorization: Basic header."_s,
                                     true);
            return nullptr;
        }
        if (!bodySecret) {
            *failure = invalidClient(
                u"Client authentication failed: client_secret is missing from the body."_s, false);
            return nullptr;
        }
        if (!OAuthStore::sameSecret(FormUrlEncoded::value(fields, u"client_secret"_s),
                                    client->clientSecret)) {
            *failure = invalidClient(u"Client authentication failed: wrong client_secret."_s, false);
            return nullptr;
        }
        return client;
    case Client::AuthMethod::BasicHeader:
        if (bodySecret) {
            *failure
                = invalidClient(u"This client is registered to authenticate with an Authorization: Basic "
                                u"header (RFC 6749 §2.3.1); do not send client_secret in the body."_s,
                                true);
            return nullptr;
        }
        if (!basic) {
            *failure = invalidClient(
                u"Client authentication failed: this client must send an Authorization: Basic header."_s,
                true);
            return nullptr;
        }
        if (!OAuthStore::sameSecret(basicSecret, client->clientSecret)) {
            *failure = invalidClient(
                u"Client authentication failed: wrong client secret in the Basic header."_s, true);
            return nullptr;
        }
        return client;
    case Client::AuthMethod::None:
        if (basic || bodySecret) {
            *failure
                = invalidClient(u"This is a public client: send client_id only, without a secret."_s, basic);
            return nullptr;
        }
        return client;
    }
    return nullptr;
}

Reply TokenEndpoint::authorizationCodeGrant(const Client &client, const FormFields &fields)
{
    const QByteArray codeValue = FormUrlEncoded::value(fields, u"code"_s).toUtf8();
    if (codeValue.isEmpty())
        return invalidRequest(u"The code parameter is missing."_s);
    OAuthStore::AuthorizationCode *code = m_store.code(codeValue);
    if (!code)
        return invalidGrant(u"The authorization code is invalid."_s);
    if (code->clientId != client.clientId)
        return invalidGrant(u"The authorization code was issued to another client."_s);
    if (code->used) {
        // RFC 6749 §4.1.2: a code used twice is refused and the tokens it produced are revoked.
        m_store.revokeGrant(OAuthStore::codeGrant(codeValue));
        return invalidGrant(u"The authorization code has already been used; the tokens issued for it are now "
                            u"revoked."_s);
    }
    if (code->expires <= m_store.now())
        return invalidGrant(u"The authorization code has expired."_s);

    // RFC 6749 §4.1.3: redirect_uri required and identical when the authorization request had one.
    const bool redirectSent = FormUrlEncoded::contains(fields, u"redirect_uri"_s);
    const QString redirectUri = FormUrlEncoded::value(fields, u"redirect_uri"_s);
    if (code->redirectUriSent && !redirectSent)
        return invalidRequest(u"The redirect_uri parameter is missing; it is required because the "
                              u"authorization request included one."_s);
    if (redirectSent && redirectUri != code->redirectUri)
        return invalidGrant(u"The redirect_uri does not match the one of the authorization request."_s);

    const bool verifierSent = FormUrlEncoded::contains(fields, u"code_verifier"_s);
    const QString verifier = FormUrlEncoded::value(fields, u"code_verifier"_s);
    if (code->codeChallenge.isEmpty()) {
        if (verifierSent)
            return invalidGrant(u"A code_verifier was sent but the authorization request had no "
                                u"code_challenge."_s);
    } else {
        // RFC 7636 §4.6.
        if (!verifierSent || verifier.isEmpty())
            return invalidGrant(u"The code_verifier parameter is missing (PKCE, RFC 7636 §4.5)."_s);
        if (!validVerifier(verifier))
            return invalidGrant(u"The code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~."_s);
        QString computed = verifier;
        if (code->codeChallengeMethod == u"S256") {
            computed = QString::fromLatin1(
                QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        }
        if (computed != code->codeChallenge)
            return invalidGrant(u"PKCE verification failed: the code_verifier does not match the "
                                u"code_challenge."_s);
    }

    code->used = true;
    const auto issued = m_store.issue(client.clientId, code->userName, code->scope,
                                      client.accessTokenLifespan, client.refreshTokenLifespan,
                                      OAuthStore::codeGrant(codeValue), OAuthStore::RefreshToken::Issue);
    return tokenReply(issued, code->scope, client.accessTokenLifespan);
}

Reply TokenEndpoint::refreshTokenGrant(const Client &client, const FormFields &fields)
{
    const QByteArray refreshToken = FormUrlEncoded::value(fields, u"refresh_token"_s).toUtf8();
    if (refreshToken.isEmpty())
        return invalidRequest(u"The refresh_token parameter is missing."_s);
    const OAuthStore::Token *token = m_store.refreshToken(refreshToken);
    if (!token)
        return invalidGrant(u"The refresh token is invalid, expired or revoked."_s);
    if (token->clientId != client.clientId)
        return invalidGrant(u"The refresh token was issued to another client."_s);
    QString scope = token->scope;
    const QString requested = FormUrlEncoded::value(fields, u"scope"_s).simplified();
    if (!requested.isEmpty()) {
        // RFC 6749 §6: the scope may only narrow.
        if (!scopeSet(token->scope).contains(scopeSet(requested)))
            return oauthError(400, u"invalid_scope"_s,
                              u"The requested scope exceeds the one originally granted."_s);
        scope = requested;
    }
    const QString userName = token->userName;
    const QByteArray grant = token->grant;
    auto issued = m_store.issue(client.clientId, userName, scope, client.accessTokenLifespan, 0, grant,
                                OAuthStore::RefreshToken::None);
    if (client.rotateRefreshTokens) {
        m_store.revokeRefreshToken(refreshToken);
        issued.refreshToken
            = m_store.issueRefreshToken(client.clientId, userName, scope, client.refreshTokenLifespan, grant);
    } else {
        issued.refreshToken = refreshToken;
    }
    return tokenReply(issued, scope, client.accessTokenLifespan);
}

Reply TokenEndpoint::passwordGrant(const Client &client, const FormFields &fields)
{
    if (client.auth == Client::AuthMethod::None)
        return oauthError(400, u"unauthorized_client"_s,
                          u"A public client may not use the password grant."_s);
    if (!FormUrlEncoded::contains(fields, u"username"_s) || !FormUrlEncoded::contains(fields, u"password"_s))
        return invalidRequest(u"The password grant needs username and password."_s);
    const User *user = m_registry.user(FormUrlEncoded::value(fields, u"username"_s));
    if (!user || !OAuthStore::sameSecret(FormUrlEncoded::value(fields, u"password"_s), user->password))
        return invalidGrant(u"The user name or password is invalid."_s);
    const QString requested = FormUrlEncoded::value(fields, u"scope"_s).simplified();
    const QString scope = requested.isEmpty() ? scopeByDefault : requested;
    const auto issued = m_store.issue(client.clientId, user->userName, scope, client.accessTokenLifespan,
                                      client.refreshTokenLifespan, OAuthStore::randomToken(16),
                                      OAuthStore::RefreshToken::Issue);
    return tokenReply(issued, scope, client.accessTokenLifespan);
}

Reply TokenEndpoint::clientCredentialsGrant(const Client &client, const FormFields &fields)
{
    // RFC 6749 §4.4: confidential clients only, and no refresh token (§4.4.3).
    if (client.auth == Client::AuthMethod::None)
        return oauthError(400, u"unauthorized_client"_s,
                          u"A public client may not use the client_credentials grant."_s);
    const QString requested = FormUrlEncoded::value(fields, u"scope"_s).simplified();
    const QString scope = requested.isEmpty() ? scopeByDefault : requested;
    const auto issued = m_store.issue(client.clientId, QString(), scope, client.accessTokenLifespan, 0,
                                      OAuthStore::randomToken(16), OAuthStore::RefreshToken::None);
    return tokenReply(issued, scope, client.accessTokenLifespan);
}

Reply TokenEndpoint::jwtBearerGrant(const Client &client, const FormFields &fields, const Request &request)
{
    // The client authenticated as registered; the assertion then says for whom the token is.
    const QString host = QString::fromLatin1(request.header("Host"));
    const QString tokenUrl = u"http://%1/oauth_token.do"_s.arg(host);
    const JwtBearerCheck::Outcome outcome
        = m_jwtBearer.check(client, m_registry, FormUrlEncoded::value(fields, u"assertion"_s), tokenUrl);
    if (!outcome.refusal.isEmpty())
        return client.jwtBearer ? invalidGrant(outcome.refusal)
                                : oauthError(400, u"unauthorized_client"_s, outcome.refusal);
    const QString requested = FormUrlEncoded::value(fields, u"scope"_s).simplified();
    const QString scope = requested.isEmpty() ? scopeByDefault : requested;
    const auto issued = m_store.issue(client.clientId, outcome.userName, scope, client.accessTokenLifespan, 0,
                                      OAuthStore::randomToken(16), OAuthStore::RefreshToken::None);
    return tokenReply(issued, scope, client.accessTokenLifespan);
}

Reply TokenEndpoint::revoke(const Request &request)
{
    if (request.method != "POST" && request.method != "GET")
        return invalidRequest(u"The revocation endpoint accepts POST (or GET) requests only."_s)
            .withHeader("Allow"_ba, "POST, GET"_ba);
    if (request.body.size() > maxBodySize) {
        Reply reply = invalidRequest(u"The request body is too large."_s);
        reply.status = 413;
        return reply;
    }
    const FormFields body
        = request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded")
        ? FormUrlEncoded::parse(request.body)
        : FormFields();
    QString token = FormUrlEncoded::value(body, u"token"_s);
    if (token.isEmpty())
        token = FormUrlEncoded::value(request.queryFields(), u"token"_s);
    if (token.isEmpty())
        return invalidRequest(u"The token parameter is missing."_s);
    // RFC 7009 §2.2: an unknown or already invalid token is answered with 200 as well.
    m_store.revoke(token.toUtf8());
    return Reply::json(200, "{}"_ba).withHeader("Cache-Control"_ba, "no-store"_ba);
}

} // namespace Postern::Sandbox
