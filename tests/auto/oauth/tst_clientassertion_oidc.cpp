// Client authentication with signed JWTs (RFC 7523 §2.2, OpenID Connect Core §9) against oidc-provider,
// which checks them on its own: clients registered for private_key_jwt with the public halves of keys
// made here (RSA and EC P-256) and for client_secret_jwt. Client credentials and revocation with every
// kind of key file; a key the server does not know, a replayed assertion and a wrong passphrase
// refused, each with a clear message. Skipped when Node.js or the npm packages are missing.

#include "oauth/oauth2session.h"
#include "oauth/tokenendpointclient.h"
#include "shared/oidcprovider.h"
#include "testkeys.h"
#include "tokencanaries.h"
#include "tokentools/clientassertion.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using PosternTest::OidcHttp;
using PosternTest::OidcProvider;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

namespace {

const QString SharedSecret = u"client-secret-jwt-shared-secret-of-48-characters"_s;

QJsonObject client(const QString &id, const QString &method, const QJsonObject &extra)
{
    QJsonObject metadata { { u"client_id"_s, id },
                           { u"token_endpoint_auth_method"_s, method },
                           { u"grant_types"_s, QJsonArray { u"client_credentials"_s } },
                           { u"redirect_uris"_s, QJsonArray() },
                           { u"response_types"_s, QJsonArray() } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        metadata.insert(it.key(), it.value());
    return metadata;
}

} // namespace

class tst_ClientAssertionOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void clientCredentialsAndRevocation_data();
    void clientCredentialsAndRevocation();
    void unknownKeyRefused();
    void replayedAssertionRefused();
    void wrongPassphraseSaidBeforeSending();
    void codeExchangeWithAssertion();

private:
    QString write(const QString &name, const QByteArray &bytes);
    OAuth2Config config(const QString &clientId) const;
    OAuth2Result run(TokenEndpointJob *job);

    QTemporaryDir m_dir;
    TestKey m_rsa = TestKey::rsa(2048);
    TestKey m_ec = TestKey::ec("P-256");
    OidcProvider m_provider;
    QNetworkAccessManager m_network;
    TokenEndpointClient m_client { &m_network };
};

void tst_ClientAssertionOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QVERIFY(!m_rsa.isNull() && !m_ec.isNull());
    m_provider.setExtraClients(
        { client(
              u"postern-jwt-rsa"_s, u"private_key_jwt"_s,
              { { u"jwks"_s, QJsonObject { { u"keys"_s, QJsonArray { m_rsa.publicJwk(u"rsa-1"_s) } } } } }),
          client(u"postern-jwt-ec"_s, u"private_key_jwt"_s,
                 { { u"jwks"_s, QJsonObject { { u"keys"_s, QJsonArray { m_ec.publicJwk(u"ec-1"_s) } } } } }),
          client(u"postern-jwt-secret"_s, u"client_secret_jwt"_s, { { u"client_secret"_s, SharedSecret } }),
          client(u"postern-jwt-web"_s, u"private_key_jwt"_s,
                 { { u"jwks"_s, QJsonObject { { u"keys"_s, QJsonArray { m_rsa.publicJwk(u"rsa-1"_s) } } } },
                   { u"application_type"_s, u"native"_s },
                   { u"grant_types"_s, QJsonArray { u"authorization_code"_s } },
                   { u"response_types"_s, QJsonArray { u"code"_s } },
                   { u"redirect_uris"_s, QJsonArray { OidcProvider::postmanRedirect().toString() } } }) });
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
}

QString tst_ClientAssertionOidc::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

OAuth2Config tst_ClientAssertionOidc::config(const QString &clientId) const
{
    OAuth2Config c;
    c.tokenName = u"JWT client"_s;
    c.grantType = OAuth2GrantType::ClientCredentials;
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = clientId;
    c.clientAuthentication = ClientAuthentication::PrivateKeyJwt;
    return c;
}

OAuth2Result tst_ClientAssertionOidc::run(TokenEndpointJob *job)
{
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (finished.isEmpty() && !finished.wait(15000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return Testing::recorded(finished.first().first().value<OAuth2Result>());
}

void tst_ClientAssertionOidc::clientCredentialsAndRevocation_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("keyFormat"); // pem, encrypted, p12; empty: client_secret_jwt
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("audience"); // empty: the token endpoint
    QTest::newRow("RS256, PEM") << u"postern-jwt-rsa"_s << u"pem"_s << QString() << QString();
    QTest::newRow("PS256, encrypted PEM")
        << u"postern-jwt-rsa"_s << u"encrypted"_s << u"PS256"_s << QString();
    QTest::newRow("RS256, PKCS#12, aud the issuer")
        << u"postern-jwt-rsa"_s << u"p12"_s << u"RS256"_s << u"issuer"_s;
    QTest::newRow("ES256, PEM") << u"postern-jwt-ec"_s << u"pem"_s << QString() << QString();
    QTest::newRow("ES256, PKCS#12") << u"postern-jwt-ec"_s << u"p12"_s << u"ES256"_s << QString();
    QTest::newRow("HS256, client_secret_jwt")
        << u"postern-jwt-secret"_s << QString() << QString() << QString();
}

void tst_ClientAssertionOidc::clientCredentialsAndRevocation()
{
    QFETCH(QString, clientId);
    QFETCH(QString, keyFormat);
    QFETCH(QString, algorithm);
    QFETCH(QString, audience);
    OAuth2Config c = config(clientId);
    const TestKey &key = clientId == u"postern-jwt-ec"_s ? m_ec : m_rsa;
    const QByteArray passphrase = "open sesame";
    if (keyFormat.isEmpty()) {
        c.clientAuthentication = ClientAuthentication::ClientSecretJwt;
        c.clientSecret = SharedSecret;
    } else {
        const QByteArray bytes = keyFormat == u"p12"_s ? key.pkcs12(passphrase)
            : keyFormat == u"encrypted"_s              ? key.privatePem(passphrase)
                                                       : key.privatePem();
        c.clientKeyFile = write(clientId + u'.' + keyFormat, bytes);
        if (keyFormat != u"pem"_s)
            c.clientKeyPassphrase = QString::fromLatin1(passphrase);
        c.clientKeyId = clientId == u"postern-jwt-ec"_s ? u"ec-1"_s : u"rsa-1"_s;
    }
    c.clientAssertionAlgorithm = algorithm;
    if (audience == u"issuer"_s)
        c.clientAssertionAudience = m_provider.issuer().toString();
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u' ')));

    const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));
    QCOMPARE(result.token.grantType, u"client_credentials"_s);

    // Revocation authenticates the same way (RFC 7009 §2.1).
    const OAuth2Result revoked
        = run(m_client.revoke(c, result.token, m_provider.endpoint(u"/token/revocation"_s).toString()));
    QVERIFY2(revoked.ok(), qPrintable(revoked.message + u' ' + revoked.errorDescription));
}

void tst_ClientAssertionOidc::unknownKeyRefused()
{
    // A key of the right kind that the server was never told about.
    const TestKey stranger = TestKey::rsa(2048);
    OAuth2Config c = config(u"postern-jwt-rsa"_s);
    c.clientKeyFile = write(u"stranger.pem"_s, stranger.privatePem());
    const OAuth2Result refused = run(m_client.requestClientCredentialsToken(c));
    QCOMPARE(refused.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(refused.error, u"invalid_client"_s);
    QVERIFY2(refused.message.contains(u"invalid_client"_s), qPrintable(refused.message));
}

void tst_ClientAssertionOidc::replayedAssertionRefused()
{
    // RFC 7523 §3 item 7: a server may refuse a jti it has seen; oidc-provider does. Postern never sends
    // one twice (a fresh jti each time); the same assertion posted twice by hand shows the server checks.
    OAuth2Config c = config(u"postern-jwt-ec"_s);
    c.clientKeyFile = write(u"replay.pem"_s, m_ec.privatePem());
    QString error;
    const QString assertion = ClientAssertion::build(c, &error);
    QVERIFY2(!assertion.isEmpty(), qPrintable(error));
    const QList<QPair<QString, QString>> form { { u"grant_type"_s, u"client_credentials"_s },
                                                { u"client_id"_s, c.clientId },
                                                { u"client_assertion_type"_s,
                                                  ClientAssertion::assertionType() },
                                                { u"client_assertion"_s, assertion } };
    OidcHttp http;
    QCOMPARE(http.postForm(m_provider.endpoint(u"/token"_s), form).status, 200);
    const auto again = http.postForm(m_provider.endpoint(u"/token"_s), form);
    QVERIFY2(again.status == 400 || again.status == 401, qPrintable(QString::number(again.status)));
    QCOMPARE(again.json().value(u"error"_s).toString(), u"invalid_client"_s);
}

void tst_ClientAssertionOidc::wrongPassphraseSaidBeforeSending()
{
    OAuth2Config c = config(u"postern-jwt-rsa"_s);
    c.clientKeyFile = write(u"locked.p12"_s, m_rsa.pkcs12("right"));
    c.clientKeyPassphrase = u"wrong"_s;
    const OAuth2Result result = run(m_client.requestClientCredentialsToken(c));
    QVERIFY(!result.ok());
    QVERIFY2(result.message.contains(u"the passphrase is wrong"_s), qPrintable(result.message));
    QVERIFY(!result.message.contains(u"right"_s));
}

void tst_ClientAssertionOidc::codeExchangeWithAssertion()
{
    // The authorization code grant: the code is exchanged with an assertion instead of a secret.
    OAuth2Config c = config(u"postern-jwt-web"_s);
    c.grantType = OAuth2GrantType::AuthorizationCodePkce;
    c.callbackUrl = OidcProvider::postmanRedirect().toString();
    c.authUrl = m_provider.endpoint(u"/auth"_s).toString();
    c.scope = u"openid"_s;
    c.clientKeyFile = write(u"web.p12"_s, m_rsa.pkcs12("web"));
    c.clientKeyPassphrase = u"web"_s;
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    OidcHttp http;
    const auto interaction = PosternTest::OidcInteraction::authorize(http, ready.first().first().toUrl());
    QVERIFY2(interaction.ok(), qPrintable(interaction.error));
    QVERIFY(session.handleRedirect(interaction.redirect));
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    const OAuth2Result result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(!result.token.idToken.isEmpty());

    // A key that cannot be read ends the sign-in before any login page, saying why.
    c.clientKeyPassphrase = u"not it"_s;
    OAuth2Session locked(c);
    QSignalSpy lockedReady(&locked, &OAuth2Session::authorizationUrlReady);
    QSignalSpy lockedFinished(&locked, &OAuth2Session::finished);
    locked.start();
    QVERIFY(lockedFinished.wait(5000));
    QCOMPARE(lockedReady.size(), 0);
    QVERIFY(Testing::recorded(lockedFinished.first().first().value<OAuth2Result>())
                .message.contains(u"passphrase is wrong"_s));
}

QTEST_GUILESS_MAIN(tst_ClientAssertionOidc)
#include "tst_clientassertion_oidc.moc"
