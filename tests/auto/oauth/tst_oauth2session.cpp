// OAuth2Session, the authorization code grant as Postern runs it, against the sandbox instance: the
// browser's part (login, consent) is played over HTTP here; the embedded window's part is the GUI
// test's.

#include "oauth/oauth2replyhandler.h"
#include "oauth/oauth2session.h"
#include "sandbox/sandboxserver.h"
#include "shared/sandboxhttp.h"
#include "shared/testhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

namespace {

const QString trickySecret = u"a+b%2Fc&d=e f"_s;

Sandbox::Registry registry()
{
    Sandbox::Registry r = Sandbox::Registry::defaults();
    Sandbox::Client basic = r.clients.first();
    basic.clientId = u"postern-basic"_s;
    basic.clientSecret = trickySecret;
    basic.auth = Sandbox::Client::AuthMethod::BasicHeader;
    r.clients.append(basic);
    Sandbox::Client pub = r.clients.first();
    pub.clientId = u"postern-public"_s;
    pub.clientSecret.clear();
    pub.auth = Sandbox::Client::AuthMethod::None;
    r.clients.append(pub);
    Sandbox::Client tricky = r.clients.first();
    tricky.clientId = u"postern-tricky"_s;
    tricky.clientSecret = trickySecret;
    r.clients.append(tricky);
    return r;
}

} // namespace

class tst_OAuth2Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void codeFlow_data();
    void codeFlow();
    void pkce_data();
    void pkce();
    void implicit_data();
    void implicit();
    void stateIsFreshAndStrong();
    void givenStateIsUsed();
    void deny();
    void stateChecked_data();
    void stateChecked();
    void issuerChecked_data();
    void issuerChecked();
    void secondCallbackIgnored();
    void notTheCallback_data();
    void notTheCallback();
    void tokenEndpointErrors_data();
    void tokenEndpointErrors();
    void hostileTokenAnswers_data();
    void hostileTokenAnswers();
    void tokenEndpointNeverAnswers();
    void idTokenNonceChecked_data();
    void idTokenNonceChecked();
    void extraParametersGoWhereAsked();
    void invalidConfigurationSendsNothing();
    void cancel();

private:
    OAuth2Config config(const QString &clientId = u"postern"_s,
                        const QString &secret = u"postern-secret"_s) const;
    // Plays the browser: opens url, signs in, clicks Allow or Deny; returns where it was sent.
    QUrl browse(const QUrl &authorizationUrl, bool allow = true);
    // Starts session and browses through; returns the redirect the login window would intercept.
    QUrl authorize(OAuth2Session &session, bool allow = true);
    static OAuth2Result waitForResult(QSignalSpy &spy);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
};

void tst_OAuth2Session::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(registry());
    QVERIFY(m_sandbox->listen(0));
}

OAuth2Config tst_OAuth2Session::config(const QString &clientId, const QString &secret) const
{
    OAuth2Config c = OAuth2Config::forServiceNow(m_sandbox->baseUrl().toString());
    c.tokenName = u"Sandbox token"_s;
    c.callbackUrl = u"https://oauth.pstmn.io/v1/callback"_s;
    c.clientId = clientId;
    c.clientSecret = secret;
    c.scope = u"useraccount"_s;
    c.grantType = OAuth2GrantType::AuthorizationCode; // the seed's grant; PKCE rows set their own
    return c;
}

QUrl tst_OAuth2Session::browse(const QUrl &authorizationUrl, bool allow)
{
    SandboxHttp http(m_sandbox->baseUrl());
    const auto toLogin
        = http.get(authorizationUrl.path() + u'?' + authorizationUrl.query(QUrl::FullyEncoded));
    if (toLogin.status != 302)
        return QUrl();
    const QString request = SandboxHttp::requestId(toLogin);
    const QString formToken = SandboxHttp::formToken(http.get(u"/oauth_login.do?request="_s + request));
    const auto toConsent = http.post(u"/oauth_login.do"_s,
                                     FormUrlEncoded::encode({ { u"request"_s, request },
                                                              { u"sysparm_ck"_s, formToken },
                                                              { u"user_name"_s, u"abel.tuter"_s },
                                                              { u"user_password"_s, u"abel.tuter"_s } }));
    if (toConsent.status != 302)
        return QUrl();
    const auto done = http.post(u"/oauth_consent.do"_s,
                                FormUrlEncoded::encode({ { u"request"_s, request },
                                                         { u"action"_s, allow ? u"allow"_s : u"deny"_s } }));
    return done.status == 302 ? done.location : QUrl();
}

QUrl tst_OAuth2Session::authorize(OAuth2Session &session, bool allow)
{
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    session.start();
    if (ready.isEmpty() && !ready.wait(5000))
        return QUrl();
    return browse(ready.first().first().toUrl(), allow);
}

OAuth2Result tst_OAuth2Session::waitForResult(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return spy.first().first().value<OAuth2Result>();
}

void tst_OAuth2Session::codeFlow_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("basicHeader");
    QTest::addColumn<QString>("callback");

    QTest::newRow("secret in body, Postman's https callback")
        << u"postern"_s << u"postern-secret"_s << false << u"https://oauth.pstmn.io/v1/callback"_s;
    QTest::newRow("secret in body, loopback callback on any port")
        << u"postern"_s << u"postern-secret"_s << false << u"http://127.0.0.1:49152/callback"_s;
    QTest::newRow("secret with + % & = and a space, in body")
        << u"postern-tricky"_s << trickySecret << false << u"https://oauth.pstmn.io/v1/callback"_s;
    QTest::newRow("secret with + % & = and a space, Basic header")
        << u"postern-basic"_s << trickySecret << true << u"https://oauth.pstmn.io/v1/callback"_s;
}

void tst_OAuth2Session::codeFlow()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basicHeader);
    QFETCH(QString, callback);

    OAuth2Config c = config(clientId, secret);
    c.callbackUrl = callback;
    c.clientAuthentication = basicHeader ? ClientAuthentication::BasicHeader : ClientAuthentication::Body;
    OAuth2Session session(c);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    const QUrl authorizationUrl = ready.first().first().toUrl();
    const QUrlQuery query(authorizationUrl);
    QCOMPARE(authorizationUrl.path(), u"/oauth_auth.do"_s);
    QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
    QCOMPARE(query.queryItemValue(u"client_id"_s), clientId);
    QCOMPARE(
        QUrl::fromPercentEncoding(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyEncoded).toLatin1()),
        callback);
    QCOMPARE(query.queryItemValue(u"state"_s), session.state());
    QVERIFY(!authorizationUrl.toString().contains(secret)); // the secret never goes to the browser

    const QUrl redirect = browse(authorizationUrl);
    QVERIFY(redirect.isValid());
    QVERIFY2(session.isCallback(redirect), qPrintable(redirect.toString()));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(session.handleRedirect(redirect));
    const OAuth2Result result = waitForResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(finished.size(), 1);

    const OAuth2Token &token = result.token;
    QCOMPARE(token.name, u"Sandbox token"_s);
    QCOMPARE(token.tokenType, u"Bearer"_s);
    QVERIFY(!token.refreshToken.isEmpty());
    QCOMPARE(token.scope, u"useraccount"_s);
    QCOMPARE(token.issuer, m_sandbox->baseUrl().toString());
    QCOMPARE(token.configKey, c.key());
    // Expiry counts from when the answer arrived: expires_in 1799.
    QVERIFY(token.expiresAt >= before.addSecs(1799));
    QVERIFY(token.expiresAt <= QDateTime::currentDateTimeUtc().addSecs(1799));
    // The raw answer is kept whole, in the server's fields.
    QCOMPARE(token.raw.value(u"access_token"_s).toString(), token.accessToken);
    QCOMPARE(token.raw.value(u"expires_in"_s).toInt(), 1799);
    QVERIFY(token.raw.contains(u"refresh_token"_s));

    // And it opens the instance's Table API.
    SandboxHttp http(m_sandbox->baseUrl());
    const auto incidents = http.get(u"/api/now/table/incident?sysparm_limit=2"_s,
                                    { { "Authorization", "Bearer " + token.accessToken.toUtf8() } });
    QCOMPARE(incidents.status, 200);
}

void tst_OAuth2Session::pkce_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("verifier");
    const QString given = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-given.verifier~ok"_s;
    QTest::newRow("public client, S256, generated verifier")
        << u"postern-public"_s << QString() << int(PkceMethod::S256) << QString();
    QTest::newRow("public client, plain")
        << u"postern-public"_s << QString() << int(PkceMethod::Plain) << QString();
    QTest::newRow("confidential client, S256, given verifier")
        << u"postern"_s << u"postern-secret"_s << int(PkceMethod::S256) << given;
}

void tst_OAuth2Session::pkce()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(int, method);
    QFETCH(QString, verifier);
    OAuth2Config c = config(clientId, secret);
    c.grantType = OAuth2GrantType::AuthorizationCodePkce;
    c.pkceMethod = PkceMethod(method);
    c.codeVerifier = verifier;
    OAuth2Session session(c);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    const QUrlQuery query(ready.first().first().toUrl());
    const QString challenge = query.queryItemValue(u"code_challenge"_s);
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s),
             method == int(PkceMethod::S256) ? u"S256"_s : u"plain"_s);
    QVERIFY(challenge.size() >= 43);
    if (!verifier.isEmpty())
        QCOMPARE(challenge, OAuth2Config::codeChallenge(verifier, PkceMethod(method)));
    // The sandbox checks the verifier against the challenge (RFC 7636 §4.6): a token means it matched.
    QVERIFY(session.handleRedirect(browse(ready.first().first().toUrl())));
    const OAuth2Result result = waitForResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.grantType, u"authorization_code_with_pkce"_s);
}

void tst_OAuth2Session::implicit_data()
{
    QTest::addColumn<bool>("allow");
    QTest::addColumn<QString>("tamper");
    QTest::newRow("allowed") << true << QString();
    QTest::newRow("denied") << false << QString();
    QTest::newRow("forged state") << true << u"state"_s;
    QTest::newRow("no token_type") << true << u"token_type"_s;
}

void tst_OAuth2Session::implicit()
{
    QFETCH(bool, allow);
    QFETCH(QString, tamper);
    OAuth2Config c = config();
    c.grantType = OAuth2GrantType::Implicit;
    c.accessTokenUrl.clear(); // not needed
    c.clientSecret.clear();
    QVERIFY(c.problems().isEmpty());
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    const QUrlQuery query(ready.first().first().toUrl());
    QCOMPARE(query.queryItemValue(u"response_type"_s), u"token"_s);
    QCOMPARE(query.queryItemValue(u"state"_s), session.state());
    QUrl redirect = browse(ready.first().first().toUrl(), allow);
    QVERIFY(redirect.hasFragment());
    if (!tamper.isEmpty()) {
        QUrlQuery fragment(redirect.fragment(QUrl::FullyEncoded));
        fragment.removeAllQueryItems(tamper);
        if (tamper == u"state"_s)
            fragment.addQueryItem(u"state"_s, u"forged"_s);
        redirect.setFragment(fragment.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(session.handleRedirect(redirect));
    QVERIFY(!finished.isEmpty() || finished.wait());
    const OAuth2Result result = finished.first().first().value<OAuth2Result>();
    if (!allow) {
        QCOMPARE(result.failure, OAuth2Result::Failure::AccessDenied);
    } else if (tamper == u"state"_s) {
        QCOMPARE(result.failure, OAuth2Result::Failure::StateMismatch);
    } else if (tamper == u"token_type"_s) {
        QCOMPARE(result.failure, OAuth2Result::Failure::BadTokenResponse);
        QVERIFY2(result.message.contains(u"token_type"_s), qPrintable(result.message));
    } else {
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.token.grantType, u"implicit"_s);
        QVERIFY(result.token.refreshToken.isEmpty());
        QVERIFY(result.token.expiresAt >= before.addSecs(1799)); // expires_in arrives as a string
        SandboxHttp http(m_sandbox->baseUrl());
        QCOMPARE(http.get(u"/api/now/table/incident?sysparm_limit=1"_s,
                          { { "Authorization", "Bearer " + result.token.accessToken.toUtf8() } })
                     .status,
                 200);
    }
}

void tst_OAuth2Session::stateIsFreshAndStrong()
{
    QSet<QString> states;
    for (int i = 0; i < 5; ++i) {
        OAuth2Session session(config());
        QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
        session.start();
        QVERIFY(!ready.isEmpty() || ready.wait());
        QVERIFY(session.state().size() >= 43); // 256 bits, base64url
        for (const QChar c : session.state())
            QVERIFY(c.isLetterOrNumber() || c == u'-' || c == u'_');
        states.insert(session.state());
    }
    QCOMPARE(states.size(), 5);
}

void tst_OAuth2Session::givenStateIsUsed()
{
    OAuth2Config c = config();
    c.state = u"my-own-state"_s;
    OAuth2Session session(c);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    const QUrl redirect = authorize(session);
    QCOMPARE(QUrlQuery(redirect).queryItemValue(u"state"_s), u"my-own-state"_s);
    QVERIFY(session.handleRedirect(redirect));
    QVERIFY(waitForResult(finished).ok());
}

void tst_OAuth2Session::deny()
{
    OAuth2Session session(config());
    QSignalSpy finished(&session, &OAuth2Session::finished);
    const QUrl redirect = authorize(session, false);
    QVERIFY(session.handleRedirect(redirect));
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::AccessDenied);
    QCOMPARE(result.error, u"access_denied"_s);
    QVERIFY(result.message.contains(u"denied"_s));
    QVERIFY(!result.token.isValid());
}

void tst_OAuth2Session::stateChecked_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::newRow("state replaced") << u"replace"_s;
    QTest::newRow("state removed") << u"remove"_s;
    QTest::newRow("state repeated") << u"repeat"_s;
    QTest::newRow("code removed") << u"nocode"_s;
    QTest::newRow("server error instead of a code") << u"servererror"_s;
    QTest::newRow("an error without this request's state") << u"forgederror"_s;
}

void tst_OAuth2Session::stateChecked()
{
    QFETCH(QString, tamper);
    OAuth2Session session(config());
    QSignalSpy finished(&session, &OAuth2Session::finished);
    QUrl redirect = authorize(session);
    QUrlQuery query(redirect);
    const QString state = query.queryItemValue(u"state"_s);
    if (tamper == u"replace"_s) {
        query.removeAllQueryItems(u"state"_s);
        query.addQueryItem(u"state"_s, u"forged"_s);
    } else if (tamper == u"remove"_s) {
        query.removeAllQueryItems(u"state"_s);
    } else if (tamper == u"repeat"_s) {
        query.addQueryItem(u"state"_s, state);
    } else if (tamper == u"nocode"_s) {
        query.removeAllQueryItems(u"code"_s);
    } else if (tamper == u"forgederror"_s) {
        query.clear();
        query.addQueryItem(u"error"_s, u"access_denied"_s);
        query.addQueryItem(u"error_description"_s, u"Click%20here%20to%20log%20in%20again"_s);
    } else {
        query.removeAllQueryItems(u"code"_s);
        query.addQueryItem(u"error"_s, u"server_error"_s);
        query.addQueryItem(u"error_description"_s, u"Instance%20is%20hibernating"_s);
    }
    redirect.setQuery(query);
    QVERIFY(session.handleRedirect(redirect));
    const OAuth2Result result = waitForResult(finished);
    if (tamper == u"forgederror"_s)
        QVERIFY2(!result.message.contains(u"Click here"_s),
                 qPrintable(result.message)); // not shown as the server's
    const OAuth2Result::Failure expected = tamper == u"nocode"_s ? OAuth2Result::Failure::MissingCode
        : tamper == u"servererror"_s                             ? OAuth2Result::Failure::AuthorizationError
                                                                 : OAuth2Result::Failure::StateMismatch;
    QCOMPARE(result.failure, expected);
    if (tamper == u"servererror"_s) {
        QCOMPARE(result.error, u"server_error"_s);
        QVERIFY2(result.message.contains(u"Instance is hibernating"_s), qPrintable(result.message));
    }
    QVERIFY(!result.message.isEmpty());
    QVERIFY(!result.ok());
}

void tst_OAuth2Session::issuerChecked_data()
{
    QTest::addColumn<QString>("expected"); // OAuth2Config::issuer
    QTest::addColumn<bool>("promised"); // metadata: authorization_response_iss_parameter_supported
    QTest::addColumn<QString>("tamper"); // what happens to iss on the way back
    QTest::addColumn<bool>("accepted");
    const QString base = u"BASE"_s;
    QTest::newRow("iss matches the discovered issuer") << base << true << QString() << true;
    QTest::newRow("iss from another server") << base << true << u"replace"_s << false;
    QTest::newRow("iss promised but missing") << base << true << u"remove"_s << false;
    QTest::newRow("iss repeated") << base << true << u"repeat"_s << false;
    QTest::newRow("no issuer known, iss ignored") << QString() << false << u"replace"_s << true;
}

void tst_OAuth2Session::issuerChecked()
{
    QFETCH(QString, expected);
    QFETCH(bool, promised);
    QFETCH(QString, tamper);
    QFETCH(bool, accepted);
    // A sandbox that adds iss=<its base URL> to its redirects.
    Sandbox::Registry r = registry();
    r.sendIssuer = true;
    Sandbox::SandboxServer issuing(r);
    QVERIFY(issuing.listen(0));
    OAuth2Config c = OAuth2Config::forServiceNow(issuing.baseUrl().toString());
    c.tokenName = u"t"_s;
    c.callbackUrl = u"https://oauth.pstmn.io/v1/callback"_s;
    c.clientId = u"postern"_s;
    c.clientSecret = u"postern-secret"_s;
    c.issuer = expected == u"BASE"_s ? issuing.baseUrl().toString() : expected;
    c.issParameterSupported = promised;
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    const QUrl authUrl = ready.first().first().toUrl();
    SandboxHttp http(issuing.baseUrl());
    const auto toLogin = http.get(authUrl.path() + u'?' + authUrl.query(QUrl::FullyEncoded));
    const QString request = SandboxHttp::requestId(toLogin);
    const QString formToken = SandboxHttp::formToken(http.get(u"/oauth_login.do?request="_s + request));
    http.post(u"/oauth_login.do"_s,
              FormUrlEncoded::encode({ { u"request"_s, request },
                                       { u"sysparm_ck"_s, formToken },
                                       { u"user_name"_s, u"admin"_s },
                                       { u"user_password"_s, u"admin"_s } }));
    QUrl redirect
        = http.post(u"/oauth_consent.do"_s,
                    FormUrlEncoded::encode({ { u"request"_s, request }, { u"action"_s, u"allow"_s } }))
              .location;
    QUrlQuery query(redirect);
    QCOMPARE(query.queryItemValue(u"iss"_s, QUrl::FullyDecoded), issuing.baseUrl().toString());
    if (tamper == u"replace"_s) {
        query.removeAllQueryItems(u"iss"_s);
        query.addQueryItem(u"iss"_s, u"https://attacker.example"_s);
    } else if (tamper == u"remove"_s) {
        query.removeAllQueryItems(u"iss"_s);
    } else if (tamper == u"repeat"_s) {
        query.addQueryItem(u"iss"_s, issuing.baseUrl().toString());
    }
    redirect.setQuery(query);
    QVERIFY(session.handleRedirect(redirect));
    QVERIFY(!finished.isEmpty() || finished.wait());
    const OAuth2Result result = finished.first().first().value<OAuth2Result>();
    QCOMPARE(result.ok(), accepted);
    if (!accepted) {
        QCOMPARE(result.error, u"issuer_mismatch"_s);
        QVERIFY(result.message.contains(u"RFC 9207"_s));
    }
}

void tst_OAuth2Session::secondCallbackIgnored()
{
    OAuth2Session session(config());
    QSignalSpy finished(&session, &OAuth2Session::finished);
    const QUrl redirect = authorize(session);
    QVERIFY(session.handleRedirect(redirect));
    QVERIFY(session.handleRedirect(redirect)); // consumed, ignored
    QVERIFY(waitForResult(finished).ok());
    QVERIFY(session.handleRedirect(redirect));
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
}

void tst_OAuth2Session::notTheCallback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("isCallback");
    QTest::newRow("callback with code") << u"https://oauth.pstmn.io/v1/callback?code=x&state=y"_s << true;
    QTest::newRow("host differs in case") << u"https://OAuth.pstmn.io/v1/callback?code=x"_s << true;
    QTest::newRow("explicit default port") << u"https://oauth.pstmn.io:443/v1/callback?code=x"_s << true;
    QTest::newRow("another host carrying ?code=") << u"https://evil.example/v1/callback?code=x"_s << false;
    QTest::newRow("another path") << u"https://oauth.pstmn.io/v1/other?code=x"_s << false;
    QTest::newRow("plain http") << u"http://oauth.pstmn.io/v1/callback?code=x"_s << false;
    QTest::newRow("another port") << u"https://oauth.pstmn.io:8443/v1/callback?code=x"_s << false;
    // Look-alikes: the callback's host inside another, beside it, or with a dot more; user info.
    QTest::newRow("callback host as a subdomain")
        << u"https://oauth.pstmn.io.evil.example/v1/callback?code=x"_s << false;
    QTest::newRow("hyphen for a dot") << u"https://oauth-pstmn.io/v1/callback?code=x"_s << false;
    QTest::newRow("trailing dot") << u"https://oauth.pstmn.io./v1/callback?code=x"_s << false;
    QTest::newRow("Cyrillic о in the host") << u"https://\u043Eauth.pstmn.io/v1/callback?code=x"_s << false;
    QTest::newRow("path with a suffix") << u"https://oauth.pstmn.io/v1/callback.evil?code=x"_s << false;
    QTest::newRow("user info") << u"https://x@oauth.pstmn.io/v1/callback?code=x"_s << false;
    QTest::newRow("user info that looks like the host")
        << u"https://oauth.pstmn.io@evil.example/v1/callback?code=x"_s << false;
}

void tst_OAuth2Session::notTheCallback()
{
    QFETCH(QString, url);
    QFETCH(bool, isCallback);
    OAuth2Session session(config());
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QCOMPARE(session.isCallback(QUrl(url)), isCallback);
    if (!isCallback) {
        QVERIFY(!session.handleRedirect(QUrl(url)));
        QVERIFY(finished.isEmpty());
    }
}

void tst_OAuth2Session::tokenEndpointErrors_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("basicHeader");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong secret") << u"postern"_s << u"nope"_s << false << u"invalid_client"_s;
    QTest::newRow("Basic header to a body client")
        << u"postern"_s << u"postern-secret"_s << true << u"invalid_client"_s;
    QTest::newRow("body to a Basic client")
        << u"postern-basic"_s << trickySecret << false << u"invalid_client"_s;
}

void tst_OAuth2Session::tokenEndpointErrors()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basicHeader);
    QFETCH(QString, expected);
    OAuth2Config c = config(clientId, secret);
    c.clientAuthentication = basicHeader ? ClientAuthentication::BasicHeader : ClientAuthentication::Body;
    OAuth2Session session(c);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    QVERIFY(session.handleRedirect(authorize(session)));
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(result.error, expected);
    QVERIFY2(result.message.contains(u"Client Authentication"_s), qPrintable(result.message));
    QVERIFY(!result.message.contains(secret));
}

void tst_OAuth2Session::hostileTokenAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("failure");
    QTest::addColumn<QString>("message");

    using F = OAuth2Result::Failure;
    QTest::newRow("HTML login page") << 200 << "text/html"_ba
                                     << "<html><body>Log in</body></html>"_ba << int(F::BadTokenResponse)
                                     << u"HTML page"_s;
    QTest::newRow("truncated JSON") << 200 << "application/json"_ba
                                    << R"({"access_token":"abc)"_ba << int(F::BadTokenResponse)
                                    << u"not a JSON object"_s;
    QTest::newRow("JSON array") << 200 << "application/json"_ba
                                << "[1,2]"_ba << int(F::BadTokenResponse) << u"not a JSON object"_s;
    QTest::newRow("missing access_token")
        << 200 << "application/json"_ba
        << R"({"token_type":"Bearer"})"_ba << int(F::BadTokenResponse) << u"no access_token"_s;
    QTest::newRow("access_token not a string") << 200 << "application/json"_ba
                                               << R"({"access_token":42,"token_type":"Bearer"})"_ba
                                               << int(F::BadTokenResponse) << u"no access_token"_s;
    QTest::newRow("missing token_type")
        << 200 << "application/json"_ba
        << R"({"access_token":"abc"})"_ba << int(F::BadTokenResponse) << u"no token_type"_s;
    QTest::newRow("unknown token_type") << 200 << "application/json"_ba
                                        << R"({"access_token":"abc","token_type":"mac"})"_ba
                                        << int(F::BadTokenResponse) << u"of type \u201cmac\u201d"_s;
    QTest::newRow("DPoP token_type when no proof was sent")
        << 200 << "application/json"_ba
        << R"({"access_token":"abc","token_type":"DPoP"})"_ba << int(F::BadTokenResponse)
        << u"of type \u201cDPoP\u201d"_s;
    QTest::newRow("token_type in lower case is fine")
        << 200 << "application/json"_ba
        << R"({"access_token":"abc","token_type":"bearer","expires_in":"60"})"_ba << int(F::None)
        << QString();
    QTest::newRow("invalid_grant") << 400 << "application/json"_ba
                                   << R"({"error":"invalid_grant","error_description":"code expired"})"_ba
                                   << int(F::TokenEndpointError)
                                   << u"invalid_grant (HTTP 400): code expired"_s;
    QTest::newRow("500 without OAuth error")
        << 500 << "text/plain"_ba
        << "Internal error"_ba << int(F::TokenEndpointError) << u"HTTP 500"_s;
    QTest::newRow("error with 200") << 200 << "application/json"_ba
                                    << R"({"error":"server_error"})"_ba << int(F::TokenEndpointError)
                                    << u"server_error"_s;
    QTest::newRow("empty body") << 200 << "application/json"_ba << QByteArray() << int(F::BadTokenResponse)
                                << u"not a JSON object"_s;
}

void tst_OAuth2Session::hostileTokenAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, failure);
    QFETCH(QString, message);

    // Once as a unit, once end to end with a real token endpoint giving that answer.
    QJsonObject json;
    const OAuth2Result checked = OAuth2ReplyHandler::checkTokenResponse(status, contentType, body, &json);
    QCOMPARE(int(checked.failure), failure);
    QVERIFY2(checked.message.contains(message), qPrintable(checked.message));

    TestHttpServer tokenEndpoint;
    QVERIFY(tokenEndpoint.listenOnLoopback());
    tokenEndpoint.setHandler([&](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.status = status;
        reply.reason = "Whatever";
        reply.headers = { { "Content-Type", contentType } };
        reply.body = body;
        return reply;
    });
    OAuth2Config c = config();
    c.accessTokenUrl = tokenEndpoint.url(u"/oauth_token.do"_s).toString();
    OAuth2Session session(c);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    QVERIFY(session.handleRedirect(authorize(session)));
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(int(result.failure), failure);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    // The token request was well formed.
    QCOMPARE(tokenEndpoint.requests().size(), 1);
    const FormFields sent = FormUrlEncoded::parse(tokenEndpoint.requests().first().body);
    QCOMPARE(FormUrlEncoded::value(sent, u"grant_type"_s), u"authorization_code"_s);
    QCOMPARE(FormUrlEncoded::value(sent, u"client_id"_s), u"postern"_s);
    QCOMPARE(FormUrlEncoded::value(sent, u"client_secret"_s), u"postern-secret"_s);
    QCOMPARE(FormUrlEncoded::value(sent, u"redirect_uri"_s), c.callbackUrl);
    QVERIFY(!FormUrlEncoded::value(sent, u"code"_s).isEmpty());
}

void tst_OAuth2Session::idTokenNonceChecked_data()
{
    // OpenID Connect Core §3.1.2.1 and §3.1.3.7: with scope openid a nonce goes out, and the ID token
    // must carry it back.
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("idTokenNonce"); // "sent": the nonce of the authorization URL
    QTest::addColumn<QString>("problem"); // empty: the token is taken
    QTest::newRow("the nonce sent") << u"openid profile"_s << u"sent"_s << QString();
    QTest::newRow("another nonce") << u"openid"_s << u"replayed-from-elsewhere"_s << u"is not the one"_s;
    QTest::newRow("no nonce") << u"openid"_s << QString() << u"has no nonce"_s;
    QTest::newRow("not a JWT") << u"openid"_s << u"(opaque)"_s << u"not a JWT"_s;
    QTest::newRow("no openid: nothing asked, nothing checked") << u"useraccount"_s << QString() << QString();
}

void tst_OAuth2Session::idTokenNonceChecked()
{
    QFETCH(QString, scope);
    QFETCH(QString, idTokenNonce);
    QFETCH(QString, problem);
    QString sentNonce;
    TestHttpServer tokenEndpoint;
    QVERIFY(tokenEndpoint.listenOnLoopback());
    tokenEndpoint.setHandler([&](const TestHttpServer::Request &) {
        QJsonObject claims { { u"iss"_s, u"https://as.example"_s }, { u"sub"_s, u"abel"_s } };
        if (!idTokenNonce.isEmpty())
            claims.insert(u"nonce"_s, idTokenNonce == u"sent"_s ? sentNonce : idTokenNonce);
        const auto part = [](const QJsonObject &object) {
            return QJsonDocument(object)
                .toJson(QJsonDocument::Compact)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        const QByteArray idToken = idTokenNonce == u"(opaque)"_s
            ? "opaque-id-token"_ba
            : part(QJsonObject { { u"alg"_s, u"none"_s } }) + '.' + part(claims) + '.';
        TestHttpServer::Reply reply;
        reply.headers = { { "Content-Type", "application/json" } };
        reply.body = QJsonDocument(QJsonObject { { u"access_token"_s, u"at-1"_s },
                                                 { u"token_type"_s, u"Bearer"_s },
                                                 { u"id_token"_s, QString::fromLatin1(idToken) } })
                         .toJson();
        return reply;
    });
    OAuth2Config c = config();
    c.scope = scope;
    c.accessTokenUrl = tokenEndpoint.url(u"/oauth_token.do"_s).toString();
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait(5000));
    const QUrl url = ready.first().first().toUrl();
    sentNonce = QUrlQuery(url).queryItemValue(u"nonce"_s);
    QCOMPARE(sentNonce.isEmpty(), !scope.contains(u"openid"_s));
    if (!sentNonce.isEmpty())
        QVERIFY(sentNonce.size() >= 43); // 256 random bits
    QVERIFY(session.handleRedirect(browse(url)));
    const OAuth2Result result = waitForResult(finished);
    if (problem.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.message));
        return;
    }
    QCOMPARE(result.failure, OAuth2Result::Failure::BadTokenResponse);
    QVERIFY2(result.message.contains(problem), qPrintable(result.message));
    QVERIFY(result.message.contains(u"No token was stored"_s));
}

void tst_OAuth2Session::tokenEndpointNeverAnswers()
{
    TestHttpServer tokenEndpoint;
    QVERIFY(tokenEndpoint.listenOnLoopback());
    tokenEndpoint.setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.silent = true;
        return reply;
    });
    OAuth2Config c = config();
    c.accessTokenUrl = tokenEndpoint.url(u"/oauth_token.do"_s).toString();
    OAuth2Session session(c);
    session.setTokenRequestTimeout(300);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    QVERIFY(session.handleRedirect(authorize(session)));
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::Network);
    QVERIFY(result.message.contains(u"did not answer"_s));
}

void tst_OAuth2Session::extraParametersGoWhereAsked()
{
    TestHttpServer tokenEndpoint;
    QVERIFY(tokenEndpoint.listenOnLoopback());
    tokenEndpoint.setHandler([](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body = R"({"access_token":"a","token_type":"Bearer","expires_in":60})";
        return reply;
    });
    using Extra = OAuth2ExtraParameter;
    OAuth2Config c = config();
    c.accessTokenUrl = tokenEndpoint.url(u"/oauth_token.do"_s).toString();
    c.audience = u"https://api.example.com"_s;
    c.resource = u"urn:postern:api"_s;
    c.extraParameters = { { u"prompt"_s, u"login"_s, Extra::Stage::Authorization, Extra::Placement::Body },
                          { u"tenant"_s, u"a&b=c d"_s, Extra::Stage::Token, Extra::Placement::Body },
                          { u"api-version"_s, u"2"_s, Extra::Stage::Token, Extra::Placement::Query },
                          { u"X-Tenant"_s, u"acme"_s, Extra::Stage::Token, Extra::Placement::Header },
                          { u"refresh_only"_s, u"1"_s, Extra::Stage::Refresh, Extra::Placement::Body } };
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    const QUrlQuery authQuery(ready.first().first().toUrl());
    QCOMPARE(authQuery.queryItemValue(u"prompt"_s), u"login"_s);
    QCOMPARE(authQuery.queryItemValue(u"audience"_s, QUrl::FullyDecoded), c.audience);
    QCOMPARE(authQuery.queryItemValue(u"resource"_s, QUrl::FullyDecoded), c.resource);
    QVERIFY(!authQuery.hasQueryItem(u"tenant"_s));
    QVERIFY(session.handleRedirect(browse(ready.first().first().toUrl())));
    QVERIFY(!finished.isEmpty() || finished.wait());
    QVERIFY2(finished.first().first().value<OAuth2Result>().ok(),
             qPrintable(finished.first().first().value<OAuth2Result>().message));

    const TestHttpServer::Request &sent = tokenEndpoint.requests().first();
    const FormFields body = FormUrlEncoded::parse(sent.body);
    QCOMPARE(FormUrlEncoded::value(body, u"tenant"_s), u"a&b=c d"_s);
    QCOMPARE(FormUrlEncoded::value(body, u"audience"_s), c.audience);
    QCOMPARE(FormUrlEncoded::value(body, u"resource"_s), c.resource);
    QVERIFY(!FormUrlEncoded::contains(body, u"refresh_only"_s));
    QVERIFY(!FormUrlEncoded::contains(body, u"prompt"_s));
    QVERIFY(sent.target.endsWith("?api-version=2"));
    QCOMPARE(sent.header("x-tenant"), "acme"_ba);
}

void tst_OAuth2Session::invalidConfigurationSendsNothing()
{
    OAuth2Config c;
    c.authUrl = u"not a url"_s;
    c.accessTokenUrl = u"ftp://x/y"_s;
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::InvalidConfiguration);
    for (const QString &field :
         { u"Token Name"_s, u"Callback URL"_s, u"Auth URL"_s, u"Access Token URL"_s, u"Client ID"_s })
        QVERIFY2(result.message.contains(field), qPrintable(result.message));
    QVERIFY(ready.isEmpty());
}

void tst_OAuth2Session::cancel()
{
    OAuth2Session session(config());
    QSignalSpy finished(&session, &OAuth2Session::finished);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    session.start();
    session.cancel();
    const OAuth2Result result = waitForResult(finished);
    QCOMPARE(result.failure, OAuth2Result::Failure::Canceled);
    session.cancel();
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(tst_OAuth2Session)
#include "tst_oauth2session.moc"
