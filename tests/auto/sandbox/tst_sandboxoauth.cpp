#include "oauthfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern::Sandbox;
using namespace SandboxTest;
using Postern::FormFields;
namespace Form = Postern::FormUrlEncoded;

// The browser side over HTTP: /oauth_auth.do, login, consent, the redirects they produce, and the code
// exchange rules tied to them (single use, expiry, redirect_uri, PKCE), plus request logging.
class tst_SandboxOAuth : public QObject, protected OAuthFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void codeFlow();
    void existingSessionSkipsLogin();
    void deny_data();
    void deny();
    void authorizeErrors_data();
    void authorizeErrors();
    void loopbackRedirectOnAnyPort();
    void implicitFragment();
    void issuerParameter();
    void codeReuseRevokesTokens();
    void codeExpires();
    void redirectUriMismatch_data();
    void redirectUriMismatch();
    void pkce_data();
    void pkce();
    void publicClient();
    void requestLoggingHidesSecrets();
    void hostileInput_data();
    void hostileInput();
};

void tst_SandboxOAuth::codeFlow()
{
    SandboxHttp browser(m_server->baseUrl());
    const auto authorize = browser.get(withQuery(u"/oauth_auth.do"_s, codeParameters()));
    QCOMPARE(authorize.status, 302);
    QCOMPARE(authorize.location.path(), u"/oauth_login.do"_s);
    const QString id = SandboxHttp::requestId(authorize);
    QVERIFY(id.size() >= 32);

    const auto form = browser.get(u"/oauth_login.do?request="_s + id);
    QCOMPARE(form.status, 200);
    QVERIFY(form.header("Content-Type").startsWith("text/html"));
    for (const char *needle : { "<html lang=\"en\">", "<title>", "<label for=\"user_name\">",
                                "id=\"user_name\" name=\"user_name\"", "<label for=\"user_password\">",
                                "type=\"password\" id=\"user_password\" name=\"user_password\"",
                                "id=\"login\"", ">Log in</button>", "Postern" }) {
        QVERIFY2(form.body.contains(needle), needle);
    }
    QVERIFY(!form.body.contains("<script"));

    QVERIFY(!SandboxHttp::formToken(form).isEmpty());
    const auto bad = browser.post(u"/oauth_login.do"_s,
                                  Form::encode({ { u"request"_s, id },
                                                 { u"sysparm_ck"_s, SandboxHttp::formToken(form) },
                                                 { u"user_name"_s, u"admin"_s },
                                                 { u"user_password"_s, u"wrong"_s } }));
    QCOMPARE(bad.status, 200);
    QVERIFY(bad.body.contains("id=\"error\""));
    QVERIFY(bad.body.contains("User name or password invalid"));
    QVERIFY(!bad.header("Set-Cookie").contains("JSESSIONID"));

    const auto good = browser.post(u"/oauth_login.do"_s,
                                   Form::encode({ { u"request"_s, id },
                                                  { u"sysparm_ck"_s, SandboxHttp::formToken(bad) },
                                                  { u"user_name"_s, u"admin"_s },
                                                  { u"user_password"_s, u"admin"_s } }));
    QCOMPARE(good.status, 302);
    QCOMPARE(good.location.path(), u"/oauth_consent.do"_s);
    QVERIFY(good.header("Set-Cookie").contains("HttpOnly"));

    const auto consent = browser.get(u"/oauth_consent.do?request="_s + id);
    QCOMPARE(consent.status, 200);
    QVERIFY(consent.body.contains("<strong>Postern</strong> would like to connect to your account"));
    QVERIFY(consent.body.contains(">useraccount<"));
    QVERIFY(consent.body.contains("id=\"allow\""));
    QVERIFY(consent.body.contains(">Allow</button>"));
    QVERIFY(consent.body.contains("id=\"deny\""));
    QVERIFY(consent.body.contains(">Deny</button>"));
    QVERIFY(consent.body.contains("method=\"post\""));

    const auto allow = browser.post(u"/oauth_consent.do"_s,
                                    Form::encode({ { u"request"_s, id }, { u"action"_s, u"allow"_s } }));
    QCOMPARE(allow.status, 302);
    QCOMPARE(allow.location.toString(QUrl::RemoveQuery), postmanCallback);
    const FormFields answer = allow.locationQuery();
    QCOMPARE(Form::value(answer, u"state"_s), u"st4te+/="_s);
    QVERIFY(!Form::contains(answer, u"iss"_s));
    const QString code = Form::value(answer, u"code"_s);
    QVERIFY(code.size() >= 32);

    const auto tokens = exchange(code);
    QCOMPARE(tokens.status, 200);
    QVERIFY(tokens.header("Content-Type").startsWith("application/json"));
    QCOMPARE(tokens.header("Cache-Control"), "no-store"_ba);
    QCOMPARE(tokens.header("Pragma"), "no-cache"_ba);
    static const QRegularExpression shape(
        uR"(^\{"access_token":"[A-Za-z0-9_-]{40,}","refresh_token":"[A-Za-z0-9_-]{40,}","scope":"useraccount","token_type":"Bearer","expires_in":1799\}$)"_s);
    QVERIFY2(shape.match(QString::fromUtf8(tokens.body)).hasMatch(), tokens.body.constData());
    QCOMPARE(tableStatus(tokens.json(u"access_token"_s)), 200);

    // The answered request is gone.
    const auto again = browser.post(u"/oauth_consent.do"_s,
                                    Form::encode({ { u"request"_s, id }, { u"action"_s, u"allow"_s } }));
    QCOMPARE(again.status, 400);
}

void tst_SandboxOAuth::existingSessionSkipsLogin()
{
    SandboxHttp browser(m_server->baseUrl());
    QUrl location;
    authorizeAndAnswer(browser, codeParameters(), true, &location);
    const auto second = browser.get(withQuery(u"/oauth_auth.do"_s, codeParameters()));
    QCOMPARE(second.status, 302);
    QCOMPARE(second.location.path(), u"/oauth_consent.do"_s);

    SandboxHttp stranger(m_server->baseUrl());
    const auto hijack = stranger.post(
        u"/oauth_consent.do"_s,
        Form::encode({ { u"request"_s, SandboxHttp::requestId(second) }, { u"action"_s, u"allow"_s } }));
    QCOMPARE(hijack.status, 403);
    QVERIFY(hijack.location.isEmpty());
}

void tst_SandboxOAuth::deny_data()
{
    QTest::addColumn<QString>("responseType");
    QTest::newRow("code") << u"code"_s;
    QTest::newRow("implicit") << u"token"_s;
}

void tst_SandboxOAuth::deny()
{
    QFETCH(QString, responseType);
    FormFields parameters = codeParameters();
    parameters[0].second = responseType;
    SandboxHttp browser(m_server->baseUrl());
    QUrl location;
    authorizeAndAnswer(browser, parameters, false, &location);
    QCOMPARE(location.toString(QUrl::RemoveQuery | QUrl::RemoveFragment), postmanCallback);
    const FormFields answer = Form::parse(
        (responseType == u"code" ? location.query(QUrl::FullyEncoded) : location.fragment(QUrl::FullyEncoded))
            .toLatin1());
    QCOMPARE(Form::value(answer, u"error"_s), u"access_denied"_s);
    QVERIFY(!Form::value(answer, u"error_description"_s).isEmpty());
    QCOMPARE(Form::value(answer, u"state"_s), u"st4te+/="_s);
    QVERIFY(!Form::contains(answer, u"code"_s));
    QVERIFY(!Form::contains(answer, u"access_token"_s));
}

void tst_SandboxOAuth::authorizeErrors_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("message");

    auto q = [](const FormFields &fields) {
        return Form::encode(fields);
    };
    const FormFields base = codeParameters();
    auto without = [&](const QString &name) {
        FormFields f;
        for (const auto &field : base) {
            if (field.first != name)
                f.append(field);
        }
        return f;
    };
    auto with = [&](const QString &name, const QString &value) {
        FormFields f = without(name);
        f.append({ name, value });
        return f;
    };
    QTest::newRow("missingState") << q(without(u"state"_s)) << u"Missing State parameter in request"_s;
    QTest::newRow("stateTooLong") << q(with(u"state"_s, u"s"_s.repeated(2049)))
                                  << u"The state parameter is longer than 2048 bytes."_s;
    QTest::newRow("scopeTooLong") << q(with(u"scope"_s, u"useraccount "_s.repeated(100)))
                                  << u"The scope parameter is longer than 1024 bytes."_s;
    QTest::newRow("emptyState") << q(with(u"state"_s, QString())) << u"Missing State parameter in request"_s;
    QTest::newRow("unknownClient") << q(with(u"client_id"_s, u"<nobody>"_s)) << u"Unknown client_id"_s;
    QTest::newRow("missingClient") << q(without(u"client_id"_s)) << u"client_id"_s;
    QTest::newRow("unregisteredRedirect")
        << q(with(u"redirect_uri"_s, u"https://evil.example/cb"_s)) << u"is not registered"_s;
    QTest::newRow("loopbackWrongPath")
        << q(with(u"redirect_uri"_s, u"http://127.0.0.1:5000/other"_s)) << u"is not registered"_s;
    QTest::newRow("unsupportedResponseType")
        << q(with(u"response_type"_s, u"id_token"_s)) << u"Unsupported response_type"_s;
    QTest::newRow("missingResponseType") << q(without(u"response_type"_s)) << u"response_type"_s;
    QTest::newRow("badChallengeMethod")
        << QByteArray(q(with(u"code_challenge"_s, s256(verifier))) + "&code_challenge_method=S512")
        << u"Unsupported code_challenge_method"_s;
    QTest::newRow("methodWithoutChallenge")
        << q(with(u"code_challenge_method"_s, u"S256"_s)) << u"without a code_challenge"_s;
    QTest::newRow("shortChallenge") << q(with(u"code_challenge"_s, u"abc"_s)) << u"43 to 128"_s;
    QTest::newRow("repeatedParameter") << QByteArray(q(base) + "&state=again") << u"repeated"_s;
    QTest::newRow("publicClientWithoutPkce")
        << q(codeParameters(u"public"_s, u"http://127.0.0.1:5555/cb"_s)) << u"must use PKCE"_s;
}

void tst_SandboxOAuth::authorizeErrors()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, message);
    const auto result = m_http->get(u"/oauth_auth.do?"_s + QString::fromLatin1(query));
    QCOMPARE(result.status, 400);
    QVERIFY(result.location.isEmpty());
    QVERIFY(result.header("Content-Type").startsWith("text/html"));
    QVERIFY2(result.body.contains(message.toHtmlEscaped().toUtf8()), result.body.constData());
    QVERIFY(!result.body.contains("<nobody>")); // echoed values are escaped
}

void tst_SandboxOAuth::loopbackRedirectOnAnyPort()
{
    const auto redirect = u"http://127.0.0.1:54321/callback"_s;
    QString code;
    obtainCode(codeParameters(u"postern"_s, redirect), &code);
    if (QTest::currentTestFailed())
        return;
    const auto tokens = exchange(code, {});
    QCOMPARE(tokens.status, 400); // the token request must repeat the loopback URI exactly
    QCOMPARE(tokens.json(u"error"_s), u"invalid_grant"_s);

    QString second;
    obtainCode(codeParameters(u"postern"_s, redirect), &second);
    FormFields fields = { { u"grant_type"_s, u"authorization_code"_s },
                          { u"code"_s, second },
                          { u"redirect_uri"_s, redirect },
                          { u"client_id"_s, u"postern"_s },
                          { u"client_secret"_s, u"postern-secret"_s } };
    QCOMPARE(token(fields).status, 200);
}

void tst_SandboxOAuth::implicitFragment()
{
    FormFields parameters = codeParameters();
    parameters[0].second = u"token"_s;
    SandboxHttp browser(m_server->baseUrl());
    QUrl location;
    authorizeAndAnswer(browser, parameters, true, &location);
    QVERIFY(!location.hasQuery());
    const FormFields fragment = Form::parse(location.fragment(QUrl::FullyEncoded).toLatin1());
    QStringList names;
    for (const auto &field : fragment)
        names.append(field.first);
    QCOMPARE(names,
             QStringList({ u"access_token"_s, u"token_type"_s, u"expires_in"_s, u"scope"_s, u"state"_s }));
    QCOMPARE(Form::value(fragment, u"token_type"_s), u"Bearer"_s);
    QCOMPARE(Form::value(fragment, u"expires_in"_s), u"1799"_s);
    QCOMPARE(Form::value(fragment, u"scope"_s), u"useraccount"_s);
    QCOMPARE(Form::value(fragment, u"state"_s), u"st4te+/="_s);
    QCOMPARE(tableStatus(Form::value(fragment, u"access_token"_s)), 200);
}

void tst_SandboxOAuth::issuerParameter()
{
    Registry registry = testRegistry();
    registry.sendIssuer = true;
    stopServer();
    startServer(registry);
    SandboxHttp browser(m_server->baseUrl());
    QUrl location;
    authorizeAndAnswer(browser, codeParameters(), true, &location);
    const FormFields answer = Form::parse(location.query(QUrl::FullyEncoded).toLatin1());
    QCOMPARE(Form::value(answer, u"iss"_s), m_server->baseUrl().toString());
    QVERIFY(Form::contains(answer, u"code"_s));
}

void tst_SandboxOAuth::codeReuseRevokesTokens()
{
    QString code;
    obtainCode(codeParameters(), &code);
    const auto first = exchange(code);
    QCOMPARE(first.status, 200);
    const QString access = first.json(u"access_token"_s);
    const QString refresh = first.json(u"refresh_token"_s);
    QCOMPARE(tableStatus(access), 200);

    const auto second = exchange(code);
    QCOMPARE(second.status, 400);
    QCOMPARE(second.json(u"error"_s), u"invalid_grant"_s);
    QCOMPARE(tableStatus(access), 401);
    const auto refreshed = token({ { u"grant_type"_s, u"refresh_token"_s },
                                   { u"refresh_token"_s, refresh },
                                   { u"client_id"_s, u"postern"_s },
                                   { u"client_secret"_s, u"postern-secret"_s } });
    QCOMPARE(refreshed.json(u"error"_s), u"invalid_grant"_s);
}

void tst_SandboxOAuth::codeExpires()
{
    QString code;
    obtainCode(codeParameters(), &code);
    m_now = m_now.addSecs(61);
    const auto result = exchange(code);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json(u"error"_s), u"invalid_grant"_s);
    QVERIFY(result.json(u"error_description"_s).contains(u"expired"_s));

    QString fresh;
    obtainCode(codeParameters(), &fresh);
    m_now = m_now.addSecs(59);
    QCOMPARE(exchange(fresh).status, 200);
}

void tst_SandboxOAuth::redirectUriMismatch_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<bool>("sendRedirect");
    QTest::addColumn<QString>("error");
    QTest::newRow("otherRegistered") << u"http://127.0.0.1/callback"_s << true << u"invalid_grant"_s;
    QTest::newRow("unregistered") << u"https://evil.example/cb"_s << true << u"invalid_grant"_s;
    QTest::newRow("missing") << QString() << false << u"invalid_request"_s;
}

void tst_SandboxOAuth::redirectUriMismatch()
{
    QFETCH(QString, redirectUri);
    QFETCH(bool, sendRedirect);
    QFETCH(QString, error);
    QString code;
    obtainCode(codeParameters(), &code);
    FormFields fields = { { u"grant_type"_s, u"authorization_code"_s },
                          { u"code"_s, code },
                          { u"client_id"_s, u"postern"_s },
                          { u"client_secret"_s, u"postern-secret"_s } };
    if (sendRedirect)
        fields.append({ u"redirect_uri"_s, redirectUri });
    const auto result = token(fields);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json(u"error"_s), error);
}

void tst_SandboxOAuth::pkce_data()
{
    QTest::addColumn<QString>("method"); // empty: no PKCE in the authorization request
    QTest::addColumn<QString>("challenge");
    QTest::addColumn<QString>("sentVerifier"); // "-": none sent
    QTest::addColumn<int>("status");

    const QString other = u"x"_s.repeated(43);
    QTest::newRow("s256Good") << u"S256"_s << s256(verifier) << verifier << 200;
    QTest::newRow("s256WrongVerifier") << u"S256"_s << s256(verifier) << other << 400;
    QTest::newRow("s256MissingVerifier") << u"S256"_s << s256(verifier) << u"-"_s << 400;
    QTest::newRow("s256ShortVerifier") << u"S256"_s << s256(verifier) << u"short"_s << 400;
    QTest::newRow("plainGood") << u"plain"_s << verifier << verifier << 200;
    QTest::newRow("plainWrongVerifier") << u"plain"_s << verifier << other << 400;
    QTest::newRow("plainSentAsS256") << u"plain"_s << s256(verifier) << verifier << 400;
    QTest::newRow("defaultMethodIsPlain") << QString() << verifier << verifier << 200;
    QTest::newRow("verifierWithoutChallenge") << u"none"_s << QString() << verifier << 400;
}

void tst_SandboxOAuth::pkce()
{
    QFETCH(QString, method);
    QFETCH(QString, challenge);
    QFETCH(QString, sentVerifier);
    QFETCH(int, status);
    FormFields parameters = codeParameters();
    if (!challenge.isEmpty())
        parameters.append({ u"code_challenge"_s, challenge });
    if (method == u"S256" || method == u"plain")
        parameters.append({ u"code_challenge_method"_s, method });
    QString code;
    obtainCode(parameters, &code);
    FormFields extra;
    if (sentVerifier != u"-")
        extra.append({ u"code_verifier"_s, sentVerifier });
    const auto result = exchange(code, extra);
    QCOMPARE(result.status, status);
    if (status != 200)
        QCOMPARE(result.json(u"error"_s), u"invalid_grant"_s);
}

void tst_SandboxOAuth::publicClient()
{
    const auto redirect = u"http://127.0.0.1:40404/cb"_s;
    FormFields parameters = codeParameters(u"public"_s, redirect);
    parameters.append({ u"code_challenge"_s, s256(verifier) });
    parameters.append({ u"code_challenge_method"_s, u"S256"_s });
    QString code;
    obtainCode(parameters, &code);
    FormFields fields = { { u"grant_type"_s, u"authorization_code"_s },
                          { u"code"_s, code },
                          { u"redirect_uri"_s, redirect },
                          { u"client_id"_s, u"public"_s },
                          { u"code_verifier"_s, verifier } };
    FormFields withSecret = fields;
    withSecret.append({ u"client_secret"_s, u"anything"_s });
    const auto rejected = token(withSecret);
    QCOMPARE(rejected.status, 401);
    QCOMPARE(rejected.json(u"error"_s), u"invalid_client"_s);
    const auto accepted = token(fields);
    QCOMPARE(accepted.status, 200);
    QVERIFY(!accepted.json(u"refresh_token"_s).isEmpty());

    const auto credentials
        = token({ { u"grant_type"_s, u"client_credentials"_s }, { u"client_id"_s, u"public"_s } });
    QCOMPARE(credentials.json(u"error"_s), u"unauthorized_client"_s);
}

static QStringList capturedMessages;

static void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedMessages.append(message);
}

void tst_SandboxOAuth::requestLoggingHidesSecrets()
{
    m_server->setRequestLogging(true);
    capturedMessages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    FormFields parameters = codeParameters();
    parameters.append({ u"code_challenge"_s, s256(verifier) });
    parameters.append({ u"code_challenge_method"_s, u"S256"_s });
    QString code;
    obtainCode(parameters, &code);
    const auto tokens = exchange(code, { { u"code_verifier"_s, verifier } });
    const QString access = tokens.json(u"access_token"_s);
    const QString refresh = tokens.json(u"refresh_token"_s);
    tableStatus(access);
    m_http->get(u"/api/now/table/incident"_s, basicAuth(u"admin"_s, u"admin"_s));
    m_http->post(u"/oauth_revoke_token.do"_s, Form::encode({ { u"token"_s, refresh } }));
    qInstallMessageHandler(previous);

    QCOMPARE(tokens.status, 200);
    const QString log = capturedMessages.join(u'\n');
    QVERIFY2(log.contains(u"GET /oauth_auth.do 302"_s), qPrintable(log));
    QVERIFY(log.contains(u"POST /oauth_login.do 302"_s));
    QVERIFY(log.contains(u"POST /oauth_token.do 200"_s));
    QVERIFY(log.contains(u"GET /api/now/table/incident 200"_s));
    QCOMPARE(capturedMessages.size(), 9); // the login page is fetched for its form token
    for (const QString &secret :
         { code, access, refresh, verifier, s256(verifier), u"postern-secret"_s, u"sysparm_ck"_s, u"st4te"_s,
           u"user_password"_s, u"admin"_s, u"request="_s, u"?"_s }) {
        QVERIFY2(!log.contains(secret), qPrintable(secret));
    }

    m_server->setRequestLogging(false);
    capturedMessages.clear();
    qInstallMessageHandler(captureMessage);
    tableStatus(access);
    qInstallMessageHandler(previous);
    QVERIFY(capturedMessages.isEmpty());
}

void tst_SandboxOAuth::hostileInput_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    QTest::newRow("hugeTokenBody") << "POST"_ba << u"/oauth_token.do"_s << QByteArray(200 * 1024, 'a') << 413;
    QTest::newRow("hugeBodyAnywhere")
        << "POST"_ba << u"/oauth_login.do"_s << QByteArray(2 * 1024 * 1024, 'x') << 413;
    QTest::newRow("binaryTokenBody") << "POST"_ba << u"/oauth_token.do"_s << "\xff\xfe\x00\x01%%%&&=="_ba
                                     << 401;
    QTest::newRow("nonUtf8Authorize")
        << "GET"_ba << u"/oauth_auth.do?client_id=%FF%FE&state=%C0"_s << QByteArray() << 400;
    QTest::newRow("malformedEscapes")
        << "GET"_ba << u"/oauth_auth.do?client_id=%zz%&redirect_uri=%"_s << QByteArray() << 400;
    QTest::newRow("loginUnknownRequest")
        << "GET"_ba << u"/oauth_login.do?request=forged"_s << QByteArray() << 400;
    QTest::newRow("consentUnknownRequest")
        << "GET"_ba << u"/oauth_consent.do?request=forged"_s << QByteArray() << 400;
    QTest::newRow("consentWithoutRequest") << "POST"_ba << u"/oauth_consent.do"_s << "action=allow"_ba << 400;
    QTest::newRow("authorizeDelete") << "DELETE"_ba << u"/oauth_auth.do"_s << QByteArray() << 405;
    QTest::newRow("unknownPath") << "GET"_ba << u"/oauth_nothing.do"_s << QByteArray() << 404;
    QTest::newRow("unknownApi") << "GET"_ba << u"/api/now/stats/incident"_s << QByteArray() << 404;
}

void tst_SandboxOAuth::hostileInput()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const auto result
        = m_http->send(verb, path, body, { { "Content-Type"_ba, "application/x-www-form-urlencoded"_ba } });
    QCOMPARE(result.status, status);
    QVERIFY(result.location.isEmpty());
    // Still serving.
    QCOMPARE(
        m_http->get(u"/api/now/table/incident?sysparm_limit=1"_s, basicAuth(u"admin"_s, u"admin"_s)).status,
        200);
}

QTEST_GUILESS_MAIN(tst_SandboxOAuth)
#include "tst_sandboxoauth.moc"
