#include "oauthfixture.h"

#include <QCryptographicHash>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Postern::Sandbox;
using Postern::FormFields;
namespace Form = Postern::FormUrlEncoded;

namespace SandboxTest {

const QString postmanCallback = u"https://oauth.pstmn.io/v1/callback"_s;
const QString specialSecret = u"a+b%c&d=e"_s;
const QString verifier = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;

QString s256(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString withQuery(const QString &path, const FormFields &fields)
{
    return path + u'?' + QString::fromLatin1(Form::encode(fields));
}

Headers bearer(const QString &token)
{
    return { { "Authorization"_ba, "Bearer " + token.toLatin1() } };
}

Headers basicAuth(const QString &id, const QString &secret)
{
    return { { "Authorization"_ba, SandboxHttp::basic(id, secret) } };
}

Registry testRegistry()
{
    Registry registry = Registry::defaults();
    Client basic;
    basic.clientId = u"basic-client"_s;
    basic.clientSecret = specialSecret;
    basic.name = u"Basic <App>"_s;
    basic.redirectUrls = { u"https://app.example/cb"_s };
    basic.auth = Client::AuthMethod::BasicHeader;
    registry.clients.append(basic);

    Client special = basic;
    special.clientId = u"body-special"_s;
    special.auth = Client::AuthMethod::Body;
    registry.clients.append(special);

    Client publicClient;
    publicClient.clientId = u"public"_s;
    publicClient.name = u"Native"_s;
    publicClient.redirectUrls = { u"http://127.0.0.1/cb"_s };
    publicClient.auth = Client::AuthMethod::None;
    registry.clients.append(publicClient);

    Client rotating = registry.clients.first();
    rotating.clientId = u"rotating"_s;
    rotating.clientSecret = u"rot-secret"_s;
    rotating.rotateRefreshTokens = true;
    registry.clients.append(rotating);
    return registry;
}

void OAuthFixture::startServer(const Registry &registry)
{
    m_server = std::make_unique<SandboxServer>(registry);
    m_now = QDateTime(QDate(2024, 5, 1), QTime(10, 0), QTimeZone::utc());
    m_server->setClockForTesting([this] { return m_now; });
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    QCOMPARE(m_server->baseUrl().host(), u"127.0.0.1"_s);
    m_http = std::make_unique<SandboxHttp>(m_server->baseUrl());
}

void OAuthFixture::stopServer()
{
    m_http.reset();
    m_server.reset();
}

FormFields OAuthFixture::codeParameters(const QString &clientId, const QString &redirectUri) const
{
    return { { u"response_type"_s, u"code"_s },
             { u"client_id"_s, clientId },
             { u"redirect_uri"_s, redirectUri },
             { u"state"_s, u"st4te+/="_s },
             { u"scope"_s, u"useraccount"_s } };
}

void OAuthFixture::authorizeAndAnswer(SandboxHttp &browser, const FormFields &parameters, bool allow,
                                      QUrl *location)
{
    const auto authorize = browser.get(withQuery(u"/oauth_auth.do"_s, parameters));
    QCOMPARE(authorize.status, 302);
    QString id = SandboxHttp::requestId(authorize);
    QVERIFY(!id.isEmpty());
    if (authorize.location.path() == u"/oauth_login.do") {
        const auto form = browser.get(u"/oauth_login.do?request="_s + id);
        QCOMPARE(form.status, 200);
        const auto login = browser.post(u"/oauth_login.do"_s,
                                        Form::encode({ { u"request"_s, id },
                                                       { u"sysparm_ck"_s, SandboxHttp::formToken(form) },
                                                       { u"user_name"_s, u"admin"_s },
                                                       { u"user_password"_s, u"admin"_s } }));
        QCOMPARE(login.status, 302);
        QCOMPARE(login.location.path(), u"/oauth_consent.do"_s);
        id = SandboxHttp::requestId(login);
    }
    const auto page = browser.get(u"/oauth_consent.do?request="_s + id);
    QCOMPARE(page.status, 200);
    const auto answer = browser.post(
        u"/oauth_consent.do"_s,
        Form::encode({ { u"request"_s, id }, { u"action"_s, allow ? u"allow"_s : u"deny"_s } }));
    QCOMPARE(answer.status, 302);
    *location = answer.location;
}

void OAuthFixture::obtainCode(const FormFields &parameters, QString *code)
{
    SandboxHttp browser(m_server->baseUrl());
    QUrl location;
    authorizeAndAnswer(browser, parameters, true, &location);
    if (QTest::currentTestFailed())
        return;
    *code = Form::value(Form::parse(location.query(QUrl::FullyEncoded).toLatin1()), u"code"_s);
    QVERIFY(!code->isEmpty());
}

SandboxHttp::Result OAuthFixture::token(const FormFields &fields, const Headers &headers)
{
    return m_http->post(u"/oauth_token.do"_s, Form::encode(fields), "application/x-www-form-urlencoded"_ba,
                        headers);
}

SandboxHttp::Result OAuthFixture::exchange(const QString &code, const FormFields &extra)
{
    FormFields fields = { { u"grant_type"_s, u"authorization_code"_s },
                          { u"code"_s, code },
                          { u"redirect_uri"_s, postmanCallback },
                          { u"client_id"_s, u"postern"_s },
                          { u"client_secret"_s, u"postern-secret"_s } };
    fields.append(extra);
    return token(fields);
}

int OAuthFixture::tableStatus(const QString &accessToken)
{
    return m_http->get(u"/api/now/table/incident?sysparm_limit=1"_s, bearer(accessToken)).status;
}

} // namespace SandboxTest
