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

// /oauth_token.do and /oauth_revoke_token.do over HTTP: strict client authentication, the grants that need
// no browser, request errors, token expiry and revocation as the Table API sees them.
class tst_SandboxToken : public QObject, protected OAuthFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void clientAuthentication_data();
    void clientAuthentication();
    void refresh_data();
    void refresh();
    void refreshTokenExpires();
    void passwordGrant_data();
    void passwordGrant();
    void clientCredentials();
    void tokenRequestErrors_data();
    void tokenRequestErrors();
    void expiredAccessToken();
    void revoke_data();
    void revoke();
};

void tst_SandboxToken::clientAuthentication_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("bodySecret"); // null: not sent
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("challenge");

    const QByteArray postern = SandboxHttp::basic(u"postern"_s, u"postern-secret"_s);
    const QByteArray basicGood = SandboxHttp::basic(u"basic-client"_s, specialSecret);
    QTest::newRow("bodyClientInBody") << u"postern"_s << u"postern-secret"_s << QByteArray() << 200 << false;
    QTest::newRow("bodyClientWrongSecret") << u"postern"_s << u"nope"_s << QByteArray() << 401 << false;
    QTest::newRow("bodyClientNoSecret") << u"postern"_s << QString() << QByteArray() << 401 << false;
    QTest::newRow("bodyClientViaBasic") << QString() << QString() << postern << 401 << true;
    QTest::newRow("bodyClientBothWays") << u"postern"_s << u"postern-secret"_s << postern << 401 << true;
    QTest::newRow("basicClientViaBasic") << QString() << QString() << basicGood << 200 << false;
    QTest::newRow("basicClientIdAlsoInBody") << u"basic-client"_s << QString() << basicGood << 200 << false;
    QTest::newRow("basicClientInBody") << u"basic-client"_s << specialSecret << QByteArray() << 401 << true;
    QTest::newRow("basicClientNoCredentials")
        << u"basic-client"_s << QString() << QByteArray() << 401 << true;
    QTest::newRow("basicClientWrongSecret")
        << QString() << QString() << SandboxHttp::basic(u"basic-client"_s, u"a b%c&d=e"_s) << 401 << true;
    QTest::newRow("basicSecretNotUrlEncoded")
        << QString() << QString() << SandboxHttp::plainBasic("basic-client", specialSecret.toUtf8()) << 401
        << true;
    QTest::newRow("specialSecretInBody")
        << u"body-special"_s << specialSecret << QByteArray() << 200 << false;
    QTest::newRow("unknownClient") << u"ghost"_s << u"x"_s << QByteArray() << 401 << false;
    QTest::newRow("noClientAtAll") << QString() << QString() << QByteArray() << 401 << false;
    QTest::newRow("basicNotBase64") << QString() << QString() << "Basic !!!"_ba << 401 << true;
    QTest::newRow("bearerScheme") << QString() << QString() << "Bearer abc"_ba << 401 << true;
}

void tst_SandboxToken::clientAuthentication()
{
    QFETCH(QString, clientId);
    QFETCH(QString, bodySecret);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(bool, challenge);
    FormFields fields = { { u"grant_type"_s, u"client_credentials"_s } };
    if (!clientId.isEmpty())
        fields.append({ u"client_id"_s, clientId });
    if (!bodySecret.isNull())
        fields.append({ u"client_secret"_s, bodySecret });
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({ "Authorization"_ba, authorization });
    const auto result = token(fields, headers);
    QCOMPARE(result.status, status);
    if (status == 401)
        QCOMPARE(result.json(u"error"_s), u"invalid_client"_s);
    QCOMPARE(result.header("WWW-Authenticate").startsWith("Basic realm="), challenge);
}

void tst_SandboxToken::refresh_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("rotates");
    QTest::newRow("withoutRotation") << u"postern"_s << u"postern-secret"_s << false;
    QTest::newRow("withRotation") << u"rotating"_s << u"rot-secret"_s << true;
}

void tst_SandboxToken::refresh()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, rotates);
    const FormFields client = { { u"client_id"_s, clientId }, { u"client_secret"_s, secret } };
    FormFields password = { { u"grant_type"_s, u"password"_s },
                            { u"username"_s, u"abel.tuter"_s },
                            { u"password"_s, u"abel.tuter"_s } };
    const auto first = token(password + client);
    QCOMPARE(first.status, 200);
    const QString refreshToken = first.json(u"refresh_token"_s);

    const FormFields grant
        = FormFields { { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refreshToken } }
        + client;
    const auto second = token(grant);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json(u"expires_in"_s), u"1799"_s);
    QCOMPARE(second.json(u"scope"_s), u"useraccount"_s);
    QVERIFY(second.json(u"access_token"_s) != first.json(u"access_token"_s));
    QCOMPARE(tableStatus(second.json(u"access_token"_s)), 200);
    QCOMPARE(second.json(u"refresh_token"_s) != refreshToken, rotates);

    const auto third = token(grant);
    QCOMPARE(third.status, rotates ? 400 : 200);
    if (rotates) {
        QCOMPARE(third.json(u"error"_s), u"invalid_grant"_s);
        const FormFields next = FormFields { { u"grant_type"_s, u"refresh_token"_s },
                                             { u"refresh_token"_s, second.json(u"refresh_token"_s) } }
            + client;
        QCOMPARE(token(next).status, 200);
    }

    const auto otherClient = token(
        FormFields { { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refreshToken } }
        + FormFields { { u"client_id"_s, u"body-special"_s }, { u"client_secret"_s, specialSecret } });
    QCOMPARE(otherClient.json(u"error"_s), u"invalid_grant"_s);
}

void tst_SandboxToken::refreshTokenExpires()
{
    const FormFields client
        = { { u"client_id"_s, u"postern"_s }, { u"client_secret"_s, u"postern-secret"_s } };
    const auto first = token(FormFields { { u"grant_type"_s, u"password"_s },
                                          { u"username"_s, u"admin"_s },
                                          { u"password"_s, u"admin"_s } }
                             + client);
    m_now = m_now.addSecs(8640000);
    const auto result = token(FormFields { { u"grant_type"_s, u"refresh_token"_s },
                                           { u"refresh_token"_s, first.json(u"refresh_token"_s) } }
                              + client);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json(u"error"_s), u"invalid_grant"_s);
}

void tst_SandboxToken::passwordGrant_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("error");
    QTest::newRow("admin") << u"admin"_s << u"admin"_s << QString();
    QTest::newRow("abel") << u"abel.tuter"_s << u"abel.tuter"_s << QString();
    QTest::newRow("wrongPassword") << u"admin"_s << u"Admin"_s << u"invalid_grant"_s;
    QTest::newRow("unknownUser") << u"nobody"_s << u"x"_s << u"invalid_grant"_s;
    QTest::newRow("noPassword") << u"admin"_s << QString() << u"invalid_request"_s;
}

void tst_SandboxToken::passwordGrant()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, error);
    FormFields fields = { { u"grant_type"_s, u"password"_s }, { u"username"_s, user } };
    if (!password.isNull())
        fields.append({ u"password"_s, password });
    fields += FormFields { { u"client_id"_s, u"postern"_s }, { u"client_secret"_s, u"postern-secret"_s } };
    const auto result = token(fields);
    if (error.isEmpty()) {
        QCOMPARE(result.status, 200);
        QVERIFY(!result.json(u"refresh_token"_s).isEmpty());
        QCOMPARE(tableStatus(result.json(u"access_token"_s)), 200);
    } else {
        QCOMPARE(result.status, 400);
        QCOMPARE(result.json(u"error"_s), error);
    }
}

void tst_SandboxToken::clientCredentials()
{
    const auto result = token({ { u"grant_type"_s, u"client_credentials"_s },
                                { u"client_id"_s, u"postern"_s },
                                { u"client_secret"_s, u"postern-secret"_s } });
    QCOMPARE(result.status, 200);
    const QJsonObject object = QJsonDocument::fromJson(result.body).object();
    QVERIFY(!object.contains(u"refresh_token"_s));
    QCOMPARE(object.value(u"scope"_s).toString(), u"useraccount"_s);
    QCOMPARE(object.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(object.value(u"expires_in"_s).toInt(), 1799);
    QCOMPARE(tableStatus(object.value(u"access_token"_s).toString()), 200);
}

void tst_SandboxToken::tokenRequestErrors_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QByteArray client = "client_id=postern&client_secret=postern-secret"_ba;
    const QByteArray form = "application/x-www-form-urlencoded"_ba;
    QTest::newRow("jsonBody") << "POST"_ba << u"/oauth_token.do"_s << "application/json"_ba
                              << R"({"grant_type":"client_credentials","client_id":"postern"})"_ba << 400
                              << u"invalid_request"_s;
    QTest::newRow("textPlainBody") << "POST"_ba << u"/oauth_token.do"_s << "text/plain"_ba
                                   << "grant_type=client_credentials&" + client << 400
                                   << u"invalid_request"_s;
    QTest::newRow("missingGrantType")
        << "POST"_ba << u"/oauth_token.do"_s << form << client << 400 << u"invalid_request"_s;
    QTest::newRow("unsupportedGrantType")
        << "POST"_ba << u"/oauth_token.do"_s << form
        << "grant_type=urn:ietf:params:oauth:grant-type:device_code&" + client << 400
        << u"unsupported_grant_type"_s;
    QTest::newRow("repeatedParameter")
        << "POST"_ba << u"/oauth_token.do"_s << form
        << "grant_type=client_credentials&grant_type=password&" + client << 400 << u"invalid_request"_s;
    QTest::newRow("parametersInQuery") << "POST"_ba << u"/oauth_token.do?grant_type=client_credentials"_s
                                       << form << client << 400 << u"invalid_request"_s;
    QTest::newRow("getMethod") << "GET"_ba << u"/oauth_token.do"_s << QByteArray() << QByteArray() << 400
                               << u"invalid_request"_s;
    QTest::newRow("missingCode") << "POST"_ba << u"/oauth_token.do"_s << form
                                 << "grant_type=authorization_code&" + client << 400 << u"invalid_request"_s;
    QTest::newRow("unknownCode") << "POST"_ba << u"/oauth_token.do"_s << form
                                 << "grant_type=authorization_code&code=nope&" + client << 400
                                 << u"invalid_grant"_s;
    QTest::newRow("unknownRefreshToken")
        << "POST"_ba << u"/oauth_token.do"_s << form
        << "grant_type=refresh_token&refresh_token=nope&" + client << 400 << u"invalid_grant"_s;
    QTest::newRow("refreshWithoutToken")
        << "POST"_ba << u"/oauth_token.do"_s << form << "grant_type=refresh_token&" + client << 400
        << u"invalid_request"_s;
    QTest::newRow("clientCredentialsWithScope")
        << "POST"_ba << u"/oauth_token.do"_s << form << "grant_type=client_credentials&scope=a%20b&" + client
        << 200 << QString();
}

void tst_SandboxToken::tokenRequestErrors()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!contentType.isEmpty())
        headers.append({ "Content-Type"_ba, contentType });
    const auto result = m_http->send(verb, path, body, headers);
    QCOMPARE(result.status, status);
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    QCOMPARE(result.json(u"error"_s), error);
    if (!error.isEmpty()) {
        QVERIFY(!result.json(u"error_description"_s).isEmpty());
        QVERIFY(result.body.startsWith("{\"error\":"));
    }
}

void tst_SandboxToken::expiredAccessToken()
{
    const auto result = token({ { u"grant_type"_s, u"client_credentials"_s },
                                { u"client_id"_s, u"postern"_s },
                                { u"client_secret"_s, u"postern-secret"_s } });
    const QString access = result.json(u"access_token"_s);
    m_now = m_now.addSecs(1799);
    QCOMPARE(tableStatus(access), 200);
    m_now = m_now.addSecs(1);
    const auto expired = m_http->get(u"/api/now/table/incident"_s, bearer(access));
    QCOMPARE(expired.status, 401);
    QVERIFY(expired.header("WWW-Authenticate").startsWith("Bearer"));
    QCOMPARE(
        expired.body,
        R"({"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"})"_ba);
}

void tst_SandboxToken::revoke_data()
{
    QTest::addColumn<QString>("which"); // access | refresh | unknown
    QTest::addColumn<bool>("inQuery");
    QTest::newRow("accessInBody") << u"access"_s << false;
    QTest::newRow("refreshInBody") << u"refresh"_s << false;
    QTest::newRow("refreshInQuery") << u"refresh"_s << true;
    QTest::newRow("unknownToken") << u"unknown"_s << false;
}

void tst_SandboxToken::revoke()
{
    QFETCH(QString, which);
    QFETCH(bool, inQuery);
    const FormFields client
        = { { u"client_id"_s, u"postern"_s }, { u"client_secret"_s, u"postern-secret"_s } };
    const auto issued = token(FormFields { { u"grant_type"_s, u"password"_s },
                                           { u"username"_s, u"admin"_s },
                                           { u"password"_s, u"admin"_s } }
                              + client);
    const QString access = issued.json(u"access_token"_s);
    const QString refresh = issued.json(u"refresh_token"_s);
    const QString target = which == u"access" ? access : (which == u"refresh" ? refresh : u"no-such-token"_s);
    const FormFields parameters = { { u"token"_s, target } };
    const auto result = inQuery
        ? m_http->post(withQuery(u"/oauth_revoke_token.do"_s, parameters), QByteArray())
        : m_http->post(u"/oauth_revoke_token.do"_s, Form::encode(parameters));
    QCOMPARE(result.status, 200);

    QCOMPARE(tableStatus(access), which == u"unknown" ? 200 : 401);
    const auto refreshed = token(
        FormFields { { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refresh } } + client);
    QCOMPARE(refreshed.status, which == u"refresh" ? 400 : 200);

    QCOMPARE(m_http->post(u"/oauth_revoke_token.do"_s, QByteArray()).status, 400);
}

QTEST_GUILESS_MAIN(tst_SandboxToken)
#include "tst_sandboxtoken.moc"
