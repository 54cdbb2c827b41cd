// ServiceNow's JWT bearer grant on the sandbox instance: a client registered with the public keys of
// its JWT verifier map, the client secret in the body, the assertion's sub naming a sys_user by
// user_name or sys_id. The token then reads the incident table. Refusals: a key not in the map, another
// issuer or audience, an unknown user, an expired assertion, a replayed jti (JTI verification, on by
// default), a client not registered for the grant.

#include "oauth/tokenendpointclient.h"
#include "sandbox/sandboxserver.h"
#include "tokentools/clientassertion.h"
#include "tokentools/signingkey.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

class tst_JwtBearerSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void grantReadsTheTable_data();
    void grantReadsTheTable();
    void refusals_data();
    void refusals();
    void replayRefusedUnlessJtiVerificationIsOff();

private:
    OAuth2Config config(const QString &clientId) const;
    OAuth2Result run(TokenEndpointJob *job);
    int tableStatus(const QString &accessToken);

    QTemporaryDir m_dir;
    SigningKey m_key = SigningKey::generateP256();
    SigningKey m_stranger = SigningKey::generateP256();
    QString m_keyFile;
    QString m_strangerFile;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    TokenEndpointClient m_client { &m_network };
};

void tst_JwtBearerSandbox::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QVERIFY(!m_key.isNull() && !m_stranger.isNull());
    auto write = [this](const QString &name, const QByteArray &pem) {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(pem) == pem.size() ? file.fileName() : QString();
    };
    m_keyFile = write(u"jwt.pem"_s, m_key.toPem());
    m_strangerFile = write(u"stranger.pem"_s, m_stranger.toPem());
    QVERIFY(!m_keyFile.isEmpty() && !m_strangerFile.isEmpty());

    QJsonObject jwk = m_key.publicJwk();
    jwk.insert(u"kid"_s, u"verifier-1"_s);
    Sandbox::Registry registry = Sandbox::Registry::defaults();
    Sandbox::Client byName = registry.clients.first();
    byName.clientId = u"postern-jwt"_s;
    byName.clientSecret = u"jwt-secret"_s;
    byName.jwtBearer = true;
    byName.jwtKeys = QJsonObject { { u"keys"_s, QJsonArray { jwk } } };
    registry.clients.append(byName);
    Sandbox::Client bySysId = byName;
    bySysId.clientId = u"postern-jwt-sysid"_s;
    bySysId.jwtUserField = u"sys_id"_s;
    bySysId.jwtJtiVerification = false;
    registry.clients.append(bySysId);
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(registry);
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
}

OAuth2Config tst_JwtBearerSandbox::config(const QString &clientId) const
{
    OAuth2Config c = OAuth2Config::forServiceNow(m_sandbox->baseUrl().toString());
    c.tokenName = u"JWT bearer"_s;
    c.grantType = OAuth2GrantType::JwtBearer;
    c.clientId = clientId;
    c.clientSecret = clientId == u"postern"_s ? u"postern-secret"_s : u"jwt-secret"_s;
    c.clientKeyFile = m_keyFile;
    c.clientKeyId = u"verifier-1"_s;
    c.assertionSubject = u"abel.tuter"_s;
    return c;
}

OAuth2Result tst_JwtBearerSandbox::run(TokenEndpointJob *job)
{
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (!finished.wait(10000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return finished.first().first().value<OAuth2Result>();
}

int tst_JwtBearerSandbox::tableStatus(const QString &accessToken)
{
    QNetworkRequest request(
        m_sandbox->baseUrl().resolved(QUrl(u"/api/now/table/incident?sysparm_limit=1"_s)));
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return -1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void tst_JwtBearerSandbox::grantReadsTheTable_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("audience"); // empty: the token endpoint
    QTest::newRow("sub a user_name, aud the token endpoint")
        << u"postern-jwt"_s << u"abel.tuter"_s << QString();
    QTest::newRow("aud the client id (older instances)")
        << u"postern-jwt"_s << u"admin"_s << u"postern-jwt"_s;
    QTest::newRow("sub a sys_id") << u"postern-jwt-sysid"_s << u"6816f79cc0a8016401c5a33be04be441"_s
                                  << QString();
}

void tst_JwtBearerSandbox::grantReadsTheTable()
{
    QFETCH(QString, clientId);
    QFETCH(QString, subject);
    QFETCH(QString, audience);
    OAuth2Config c = config(clientId);
    c.assertionSubject = subject;
    c.assertionAudience = audience;
    const OAuth2Result result = run(m_client.requestJwtBearerToken(c));
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));
    QCOMPARE(result.token.grantType, u"jwt_bearer"_s);
    QVERIFY(result.token.refreshToken.isEmpty());
    QCOMPARE(tableStatus(result.token.accessToken), 200);
}

void tst_JwtBearerSandbox::refusals_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("said");
    QTest::newRow("a key not in the verifier map") << u"stranger"_s << u"invalid_grant"_s << u"signature"_s;
    QTest::newRow("another issuer") << u"issuer"_s << u"invalid_grant"_s << u"iss"_s;
    QTest::newRow("another audience") << u"audience"_s << u"invalid_grant"_s << u"aud"_s;
    QTest::newRow("an unknown user") << u"user"_s << u"invalid_grant"_s << u"No user's user_name"_s;
    QTest::newRow("an expired assertion") << u"expired"_s << u"invalid_grant"_s << u"expired"_s;
    QTest::newRow("a client not registered for it")
        << u"client"_s << u"unauthorized_client"_s << u"not registered"_s;
    QTest::newRow("a wrong client secret") << u"secret"_s << u"invalid_client"_s << QString();
}

void tst_JwtBearerSandbox::refusals()
{
    QFETCH(QString, what);
    QFETCH(QString, error);
    QFETCH(QString, said);
    OAuth2Config c = config(what == u"client"_s ? u"postern"_s : u"postern-jwt"_s);
    if (what == u"stranger"_s)
        c.clientKeyFile = m_strangerFile;
    else if (what == u"issuer"_s)
        c.assertionIssuer = u"someone-else"_s;
    else if (what == u"audience"_s)
        c.assertionAudience = u"https://elsewhere.example/oauth_token.do"_s;
    else if (what == u"user"_s)
        c.assertionSubject = u"nobody.here"_s;
    else if (what == u"expired"_s)
        c.assertionClaims = u"{\"exp\": %1}"_s.arg(QDateTime::currentSecsSinceEpoch() - 600);
    else if (what == u"secret"_s)
        c.clientSecret = u"not-the-secret"_s;
    const OAuth2Result refused = run(m_client.requestJwtBearerToken(c));
    QCOMPARE(refused.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(refused.error, error);
    QVERIFY2(refused.errorDescription.contains(said), qPrintable(refused.errorDescription));
}

void tst_JwtBearerSandbox::replayRefusedUnlessJtiVerificationIsOff()
{
    QString error;
    for (const QString &clientId : { u"postern-jwt"_s, u"postern-jwt-sysid"_s }) {
        OAuth2Config c = config(clientId);
        if (clientId == u"postern-jwt-sysid"_s)
            c.assertionSubject = u"6816f79cc0a8016401c5a33be04be441"_s;
        const QString assertion = ClientAssertion::buildGrant(c, &error);
        QVERIFY2(!assertion.isEmpty(), qPrintable(error));
        // The same assertion twice, as a client that reuses one would send it.
        c.assertionClaims.clear();
        int second = 0;
        for (int attempt = 0; attempt < 2; ++attempt) {
            QNetworkRequest request(m_sandbox->baseUrl().resolved(QUrl(u"/oauth_token.do"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
            const QByteArray body = "grant_type=" + QUrl::toPercentEncoding(ClientAssertion::grantType())
                + "&assertion=" + assertion.toLatin1() + "&client_id=" + clientId.toLatin1()
                + "&client_secret=jwt-secret";
            QNetworkReply *reply = m_network.post(request, body);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(reply->isFinished() || finished.wait(10000));
            second = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (attempt == 0)
                QCOMPARE(second, 200);
            reply->deleteLater();
        }
        QCOMPARE(second, clientId == u"postern-jwt"_s ? 400 : 200);
    }
}

QTEST_GUILESS_MAIN(tst_JwtBearerSandbox)
#include "tst_jwtbearer_sandbox.moc"
