#include "sandbox/authorizeendpoint.h"

#include "sandbox/htmlpages.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

const auto defaultScope = u"useraccount"_s;

Reply errorPage(int status, const QString &title, const QString &message)
{
    return Reply::html(status, HtmlPages::error(title, message))
        .withHeader("Cache-Control"_ba, "no-store"_ba);
}

Reply badRequest(const QString &message)
{
    return errorPage(400, u"Invalid authorization request"_s, message);
}

Reply methodNotAllowed(const QByteArray &allowed)
{
    return errorPage(405, u"Method not allowed"_s,
                     u"This page accepts "_s + QString::fromLatin1(allowed) + u" only."_s)
        .withHeader("Allow"_ba, allowed);
}

bool isFormBody(const Request &request)
{
    return request.header("Content-Type").trimmed().toLower().startsWith("application/x-www-form-urlencoded");
}

// RFC 7636 §4.1/§4.2: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
bool validPkceString(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._~-]{43,128}$"_s);
    return pattern.match(text).hasMatch();
}

// Sizes of what a pending authorization keeps from the client.
constexpr qsizetype maxStateBytes = 2048;
constexpr qsizetype maxScopeBytes = 1024;

constexpr QByteArrayView formTokenCookie = "postern_ck";

QByteArray formTokenCookieHeader(const QByteArray &token)
{
    return QByteArray(formTokenCookie.data(), formTokenCookie.size()) + '=' + token
        + "; Path=/oauth_login.do; HttpOnly; SameSite=Strict";
}

QByteArray sessionCookieHeader(const QByteArray &session)
{
    return QByteArray(AuthorizeEndpoint::sessionCookie.data(), AuthorizeEndpoint::sessionCookie.size()) + '='
        + session + "; Path=/; HttpOnly; SameSite=Lax";
}

} // namespace

AuthorizeEndpoint::AuthorizeEndpoint(const Registry &registry, OAuthStore &store,
                                     std::function<QString()> issuer)
    : m_registry(registry)
    , m_store(store)
    , m_issuer(std::move(issuer))
{
}

Reply AuthorizeEndpoint::authorize(const Request &request)
{
    if (request.method != "GET")
        return methodNotAllowed("GET"_ba);
    const FormFields fields = request.queryFields();
    // RFC 6749 §3.1: parameters must not be included more than once.
    for (const FormField &field : fields) {
        if (FormUrlEncoded::count(fields, field.first) > 1)
            return badRequest(u"The parameter \"%1\" is repeated."_s.arg(field.first));
    }

    // The client and its redirect URI are checked first and answered with a page: redirecting to an
    // unverified URI would make this an open redirector (RFC 6749 §4.1.2.1, §10.15).
    const QString clientId = FormUrlEncoded::value(fields, u"client_id"_s);
    if (clientId.isEmpty())
        return badRequest(u"The client_id parameter is missing."_s);
    const Client *client = m_registry.client(clientId);
    if (!client)
        return badRequest(
            u"Unknown client_id \"%1\": no application with this client ID is registered."_s.arg(clientId));

    QString redirectUri = client->redirectUrls.value(0);
    const bool redirectUriSent = FormUrlEncoded::contains(fields, u"redirect_uri"_s);
    if (redirectUriSent) {
        redirectUri = FormUrlEncoded::value(fields, u"redirect_uri"_s);
        if (Registry::matchingRedirect(*client, redirectUri).isEmpty()) {
            return badRequest(
                u"The redirect_uri \"%1\" is not registered for the client \"%2\". Registered "
                u"redirect URLs: %3"_s.arg(redirectUri, client->name, client->redirectUrls.join(u", "_s)));
        }
    }

    const QString responseType = FormUrlEncoded::value(fields, u"response_type"_s);
    if (responseType.isEmpty())
        return badRequest(u"The response_type parameter is missing; use \"code\" or \"token\"."_s);
    if (responseType != u"code" && responseType != u"token") {
        return badRequest(
            u"Unsupported response_type \"%1\"; this instance supports \"code\" and \"token\"."_s.arg(
                responseType));
    }

    const QString state = FormUrlEncoded::value(fields, u"state"_s);
    if (state.isEmpty())
        return badRequest(u"Missing State parameter in request"_s);
    if (state.toUtf8().size() > maxStateBytes)
        return badRequest(u"The state parameter is longer than %1 bytes."_s.arg(maxStateBytes));
    if (FormUrlEncoded::value(fields, u"scope"_s).toUtf8().size() > maxScopeBytes)
        return badRequest(u"The scope parameter is longer than %1 bytes."_s.arg(maxScopeBytes));

    QString challenge = FormUrlEncoded::value(fields, u"code_challenge"_s);
    QString method = FormUrlEncoded::value(fields, u"code_challenge_method"_s);
    if (responseType == u"code") {
        if (challenge.isEmpty() && !method.isEmpty())
            return badRequest(u"code_challenge_method was sent without a code_challenge."_s);
        if (!challenge.isEmpty()) {
            if (method.isEmpty())
                method = u"plain"_s; // RFC 7636 §4.3
            if (method != u"S256" && method != u"plain") {
                return badRequest(
                    u"Unsupported code_challenge_method \"%1\"; use \"S256\" or \"plain\"."_s.arg(method));
            }
            if (!validPkceString(challenge))
                return badRequest(u"The code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ "
                                  u"(RFC 7636 §4.2)."_s);
        } else if (client->auth == Client::AuthMethod::None) {
            return badRequest(
                u"The client \"%1\" is a public client and must use PKCE: send code_challenge and "
                u"code_challenge_method (RFC 7636 §4.4.1)."_s.arg(client->name));
        }
    } else {
        challenge.clear();
        method.clear();
    }

    OAuthStore::PendingAuthorization pending;
    pending.clientId = client->clientId;
    pending.responseType = responseType;
    pending.redirectUri = redirectUri;
    pending.redirectUriSent = redirectUriSent;
    pending.state = state;
    const QString scope = FormUrlEncoded::value(fields, u"scope"_s).simplified();
    pending.scope = scope.isEmpty() ? defaultScope : scope;
    pending.codeChallenge = challenge;
    pending.codeChallengeMethod = method;
    const QString user = m_store.sessionUser(request.cookie(sessionCookie));
    pending.userName = user;
    const QString id = QString::fromLatin1(m_store.addPending(pending));
    if (user.isEmpty())
        return Reply::redirect(m_issuer() + u"/oauth_login.do?request="_s + id);
    return Reply::redirect(m_issuer() + u"/oauth_consent.do?request="_s + id);
}

Reply AuthorizeEndpoint::login(const Request &request)
{
    const bool post = request.method == "POST";
    if (!post && request.method != "GET")
        return methodNotAllowed("GET, POST"_ba);
    if (post && !isFormBody(request))
        return badRequest(u"The login form must be sent as application/x-www-form-urlencoded."_s);
    const FormFields fields = post ? FormUrlEncoded::parse(request.body) : request.queryFields();
    const QString requestId = FormUrlEncoded::value(fields, u"request"_s);
    const OAuthStore::PendingAuthorization *pending = nullptr;
    if (!requestId.isEmpty()) {
        pending = m_store.pending(requestId.toUtf8());
        if (!pending) {
            return errorPage(
                400, u"Sign-in expired"_s,
                u"This sign-in request is unknown or has expired. Start again from the application."_s);
        }
    }
    const Client *client = pending ? m_registry.client(pending->clientId) : nullptr;
    const QString clientName = client ? client->name : QString();

    if (!post) {
        if (pending && !m_store.sessionUser(request.cookie(sessionCookie)).isEmpty())
            return Reply::redirect(m_issuer() + u"/oauth_consent.do?request="_s + requestId);
        return loginPage(requestId, clientName, QString(), QString());
    }

    // The form must come from a login page this instance served to this browser: the token in the
    // form is one it issued (single use) and matches the cookie set with the page.
    const QByteArray formToken = FormUrlEncoded::value(fields, HtmlPages::formTokenField.toString()).toUtf8();
    const QByteArray cookieToken = request.cookie(formTokenCookie);
    const bool tokenMatches = !formToken.isEmpty()
        && OAuthStore::sameSecret(QString::fromLatin1(formToken), QString::fromLatin1(cookieToken));
    if (!m_store.takeFormToken(formToken) || !tokenMatches) {
        return errorPage(403, u"Sign-in form expired"_s,
                         u"This sign-in form has expired or was not sent from this instance's sign-in page. "
                         u"Go back, reload the page and sign in again."_s);
    }

    const QString userName = FormUrlEncoded::value(fields, u"user_name"_s);
    const QString password = FormUrlEncoded::value(fields, u"user_password"_s);
    const User *user = m_registry.user(userName);
    if (!user || !OAuthStore::sameSecret(password, user->password))
        return loginPage(requestId, clientName, userName, u"User name or password invalid"_s);
    const QByteArray session = m_store.addSession(user->userName);
    Reply reply = pending
        ? Reply::redirect(m_issuer() + u"/oauth_consent.do?request="_s + requestId)
        : Reply::html(200,
                      HtmlPages::message(u"Logged in"_s, u"You are logged in as "_s + user->name + u'.'));
    return reply.withHeader("Set-Cookie"_ba, sessionCookieHeader(session))
        .withHeader("Cache-Control"_ba, "no-store"_ba);
}

Reply AuthorizeEndpoint::consent(const Request &request)
{
    const bool post = request.method == "POST";
    if (!post && request.method != "GET")
        return methodNotAllowed("GET, POST"_ba);
    if (post && !isFormBody(request))
        return badRequest(u"The consent form must be sent as application/x-www-form-urlencoded."_s);
    const FormFields fields = post ? FormUrlEncoded::parse(request.body) : request.queryFields();
    const QByteArray requestId = FormUrlEncoded::value(fields, u"request"_s).toUtf8();
    OAuthStore::PendingAuthorization *pending = requestId.isEmpty() ? nullptr : m_store.pending(requestId);
    if (!pending) {
        return errorPage(
            400, u"Authorization expired"_s,
            u"This authorization request is unknown or has expired. Start again from the application."_s);
    }
    const QString user = m_store.sessionUser(request.cookie(sessionCookie));
    if (user.isEmpty()) {
        if (post)
            return errorPage(403, u"Not signed in"_s,
                             u"Sign in before answering the authorization request."_s);
        return Reply::redirect(m_issuer() + u"/oauth_login.do?request="_s + QString::fromUtf8(requestId));
    }
    // The request is bound to the first user who reaches it; another browser session cannot answer it.
    if (pending->userName.isEmpty())
        pending->userName = user;
    if (pending->userName != user)
        return errorPage(403, u"Wrong account"_s, u"This authorization request belongs to another user."_s);

    const Client *client = m_registry.client(pending->clientId);
    const QString clientName = client ? client->name : pending->clientId;
    if (!post) {
        return Reply::html(200,
                           HtmlPages::consent(QString::fromUtf8(requestId), clientName, pending->scope,
                                              userDisplayName(user)))
            .withHeader("Cache-Control"_ba, "no-store"_ba);
    }

    const QString action = FormUrlEncoded::value(fields, u"action"_s);
    if (action != u"allow" && action != u"deny")
        return badRequest(u"Choose Allow or Deny."_s);
    const OAuthStore::PendingAuthorization answered = *pending;
    m_store.removePending(requestId);
    return answerAuthorization(answered, action == u"allow");
}

Reply AuthorizeEndpoint::answerAuthorization(const OAuthStore::PendingAuthorization &pending, bool allowed)
{
    const bool implicit = pending.responseType == u"token";
    FormFields parameters;
    if (!allowed) {
        // RFC 6749 §4.1.2.1 / §4.2.2.1.
        parameters = { { u"error"_s, u"access_denied"_s },
                       { u"error_description"_s, u"The user denied the authorization request"_s },
                       { u"state"_s, pending.state } };
    } else if (!implicit) {
        OAuthStore::AuthorizationCode code;
        code.clientId = pending.clientId;
        code.redirectUri = pending.redirectUri;
        code.redirectUriSent = pending.redirectUriSent;
        code.scope = pending.scope;
        code.userName = pending.userName;
        code.codeChallenge = pending.codeChallenge;
        code.codeChallengeMethod = pending.codeChallengeMethod;
        parameters
            = { { u"code"_s, QString::fromLatin1(m_store.addCode(code)) }, { u"state"_s, pending.state } };
    } else {
        // RFC 6749 §4.2.2: the token travels in the fragment and there is no refresh token.
        const Client *client = m_registry.client(pending.clientId);
        const int lifespan = client ? client->accessTokenLifespan : 1800;
        const auto issued = m_store.issue(pending.clientId, pending.userName, pending.scope, lifespan, 0,
                                          OAuthStore::randomToken(16), OAuthStore::RefreshToken::None);
        parameters = { { u"access_token"_s, QString::fromLatin1(issued.accessToken) },
                       { u"token_type"_s, u"Bearer"_s },
                       { u"expires_in"_s, QString::number(lifespan - 1) },
                       { u"scope"_s, pending.scope },
                       { u"state"_s, pending.state } };
    }
    if (m_registry.sendIssuer)
        parameters.append({ u"iss"_s, m_issuer() }); // RFC 9207 §2
    return Reply::redirect(location(pending.redirectUri, parameters, implicit))
        .withHeader("Cache-Control"_ba, "no-store"_ba);
}

QString AuthorizeEndpoint::location(const QString &redirectUri, const FormFields &parameters,
                                    bool inFragment) const
{
    const QString encoded = QString::fromLatin1(FormUrlEncoded::encode(parameters));
    if (inFragment)
        return redirectUri + u'#' + encoded;
    return redirectUri + (redirectUri.contains(u'?') ? u'&' : u'?') + encoded;
}

Reply AuthorizeEndpoint::loginPage(const QString &requestId, const QString &clientName,
                                   const QString &userName, const QString &error)
{
    const QByteArray token = m_store.addFormToken();
    return Reply::html(200,
                       HtmlPages::login(requestId, clientName, userName, error, QString::fromLatin1(token)))
        .withHeader("Set-Cookie"_ba, formTokenCookieHeader(token))
        .withHeader("Cache-Control"_ba, "no-store"_ba);
}

QString AuthorizeEndpoint::userDisplayName(const QString &userName) const
{
    const User *user = m_registry.user(userName);
    return user && !user->name.isEmpty() ? user->name : userName;
}

} // namespace Postern::Sandbox
