// The JWT bearer grant (RFC 7523 §2.1) against oidc-provider, whose grant handler (tests/e2e/oidc)
// checks the assertion with jose against the keys registered for the client: RSA and EC P-256 keys made
// here, in PEM, encrypted PEM and PKCS#12 files. Each token is then introspected (RFC 7662) to see whom
// the server issued it for. Refusals the RFC names (§3): a key the server does not know, another
// audience, a replayed jti, an expiry too far away; each ends with a clear message. Skipped when
// Node.js or the npm packages are missing.

#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrequest.h"
#include "shared/oidcprovider.h"
#include "testkeys.h"
#include "tokencanaries.h"
#include "tokentools/clientassertion.h"

#include <QDateTime>
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

const QString ClientId = u"postern-jwt-bearer"_s;
const QString ClientSecret = u"postern-jwt-bearer-secret"_s;

} // namespace

class tst_JwtBearerOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void grantIssuesTokenForSubject_data();
    void grantIssuesTokenForSubject();
    void tokenRequestRunsTheGrant();
    void refusals_data();
    void refusals();
    void replayedAssertionRefused();

private:
    QString write(const QString &name, const QByteArray &bytes);
    OAuth2Config config() const;
    OAuth2Result run(TokenEndpointJob *job);

    QTemporaryDir m_dir;
    TestKey m_rsa = TestKey::rsa(2048);
    TestKey m_ec = TestKey::ec("P-256");
    OidcProvider m_provider;
    QNetworkAccessManager m_network;
    TokenEndpointClient m_client { &m_network };
};

void tst_JwtBearerOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QVERIFY(!m_rsa.isNull() && !m_ec.isNull());
    // Like ServiceNow's JWT bearer clients: a client secret in the body, and the keys that sign
    // assertions registered with the server.
    const QJsonObject bearer {
        { u"client_id"_s, ClientId },
        { u"client_secret"_s, ClientSecret },
        { u"token_endpoint_auth_method"_s, u"client_secret_post"_s },
        { u"grant_types"_s, QJsonArray { u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s } },
        { u"redirect_uris"_s, QJsonArray() },
        { u"response_types"_s, QJsonArray() },
        { u"jwks"_s,
          QJsonObject {
              { u"keys"_s, QJsonArray { m_rsa.publicJwk(u"rsa-1"_s), m_ec.publicJwk(u"ec-1"_s) } } } },
    };
    m_provider.setExtraClients({ bearer });
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
}

QString tst_JwtBearerOidc::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

OAuth2Config tst_JwtBearerOidc::config() const
{
    OAuth2Config c;
    c.tokenName = u"JWT bearer"_s;
    c.grantType = OAuth2GrantType::JwtBearer;
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = ClientId;
    c.clientSecret = ClientSecret;
    c.assertionSubject = u"alice"_s;
    c.scope = u"openid"_s;
    return c;
}

OAuth2Result tst_JwtBearerOidc::run(TokenEndpointJob *job)
{
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (finished.isEmpty() && !finished.wait(15000))
        return OAuth2Result::failed(OAuth2Result::Failure::Network, u"(test: no result)"_s);
    return Testing::recorded(finished.first().first().value<OAuth2Result>());
}

void tst_JwtBearerOidc::grantIssuesTokenForSubject_data()
{
    QTest::addColumn<QString>("keyFormat"); // pem, encrypted, p12
    QTest::addColumn<bool>("ec");
    QTest::addColumn<QString>("algorithm"); // empty: from the key
    QTest::addColumn<QString>("audience"); // empty: the token endpoint; "issuer"
    QTest::addColumn<QString>("claims");
    QTest::addColumn<QString>("expectedSubject");
    QTest::newRow("RS256, PEM") << u"pem"_s << false << QString() << QString() << QString() << u"alice"_s;
    QTest::newRow("PS256, encrypted PEM, aud the issuer")
        << u"encrypted"_s << false << u"PS256"_s << u"issuer"_s << QString() << u"alice"_s;
    QTest::newRow("ES256, PKCS#12") << u"p12"_s << true << QString() << QString() << QString() << u"alice"_s;
    QTest::newRow("JWT Claims replace the subject")
        << u"pem"_s << true << u"ES256"_s << QString() << u"{\"sub\": \"bob\", \"purpose\": \"test\"}"_s
        << u"bob"_s;
}

void tst_JwtBearerOidc::grantIssuesTokenForSubject()
{
    QFETCH(QString, keyFormat);
    QFETCH(bool, ec);
    QFETCH(QString, algorithm);
    QFETCH(QString, audience);
    QFETCH(QString, claims);
    QFETCH(QString, expectedSubject);
    const TestKey &key = ec ? m_ec : m_rsa;
    const QByteArray passphrase = "jwt bearer passphrase";
    OAuth2Config c = config();
    const QByteArray bytes = keyFormat == u"p12"_s ? key.pkcs12(passphrase)
        : keyFormat == u"encrypted"_s              ? key.privatePem(passphrase)
                                                   : key.privatePem();
    c.clientKeyFile = write(QString::fromLatin1(QTest::currentDataTag()).remove(u' ') + u".key"_s, bytes);
    if (keyFormat != u"pem"_s)
        c.clientKeyPassphrase = QString::fromLatin1(passphrase);
    c.clientKeyId = ec ? u"ec-1"_s : u"rsa-1"_s;
    c.clientAssertionAlgorithm = algorithm;
    if (audience == u"issuer"_s)
        c.assertionAudience = m_provider.issuer().toString();
    c.assertionClaims = claims;
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u' ')));

    const OAuth2Result result = run(m_client.requestJwtBearerToken(c));
    QVERIFY2(result.ok(), qPrintable(result.message + u' ' + result.errorDescription));
    QCOMPARE(result.token.grantType, u"jwt_bearer"_s);
    QVERIFY(!result.token.accessToken.isEmpty());

    // The server says whom it issued the token for: the assertion's subject.
    auto *job
        = m_client.introspect(c, result.token, m_provider.endpoint(u"/token/introspection"_s).toString());
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    QVERIFY(finished.wait(10000));
    const QJsonObject answer = job->answer();
    QVERIFY2(answer.value(u"active"_s).toBool(), qPrintable(job->result().message));
    QCOMPARE(answer.value(u"sub"_s).toString(), expectedSubject);
    QCOMPARE(answer.value(u"client_id"_s).toString(), ClientId);
}

void tst_JwtBearerOidc::tokenRequestRunsTheGrant()
{
    // The front door every user interface goes through.
    OAuth2Config c = config();
    c.clientKeyFile = write(u"front.pem"_s, m_rsa.privatePem());
    TokenRequest request(&m_client, nullptr);
    QSignalSpy finished(&request, &TokenRequest::finished);
    QVERIFY(request.start(c));
    QCOMPARE(request.flow(), TokenRequest::Flow::TokenEndpoint);
    QVERIFY(finished.wait(15000));
    const OAuth2Result result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.name, u"JWT bearer"_s);
}

void tst_JwtBearerOidc::refusals_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("said"); // in the server's error description
    QTest::newRow("a key the server does not know") << u"stranger"_s << u"signature verification failed"_s;
    QTest::newRow("a kid the server does not know") << u"kid"_s << u"no applicable key"_s;
    QTest::newRow("another audience") << u"audience"_s << u"aud"_s;
    QTest::newRow("an expiry two hours away") << u"lifetime"_s << u"more than an hour"_s;
    QTest::newRow("another issuer") << u"issuer"_s << u"iss"_s;
}

void tst_JwtBearerOidc::refusals()
{
    QFETCH(QString, what);
    QFETCH(QString, said);
    OAuth2Config c = config();
    c.clientKeyFile = write(u"refusal.pem"_s, m_rsa.privatePem());
    const TestKey stranger = what == u"stranger"_s ? TestKey::rsa(2048) : TestKey();
    if (what == u"stranger"_s)
        c.clientKeyFile = write(u"stranger.pem"_s, stranger.privatePem());
    else if (what == u"kid"_s)
        c.clientKeyId = u"rsa-9"_s;
    else if (what == u"audience"_s)
        c.assertionAudience = u"https://elsewhere.example/token"_s;
    else if (what == u"lifetime"_s)
        c.assertionClaims
            = u"{\"exp\": %1}"_s.arg(QDateTime::currentDateTimeUtc().addSecs(7200).toSecsSinceEpoch());
    else if (what == u"issuer"_s)
        c.assertionIssuer = u"someone-else"_s;

    const OAuth2Result refused = run(m_client.requestJwtBearerToken(c));
    QCOMPARE(refused.failure, OAuth2Result::Failure::TokenEndpointError);
    QCOMPARE(refused.error, u"invalid_grant"_s);
    QVERIFY2(refused.errorDescription.contains(said), qPrintable(refused.errorDescription));
    // What the user reads says what to check.
    QVERIFY2(refused.message.contains(u"assertion was refused"_s), qPrintable(refused.message));
    QVERIFY(!refused.message.contains(u"BEGIN"_s));
}

void tst_JwtBearerOidc::replayedAssertionRefused()
{
    // RFC 7523 §3 item 7. Postern makes a fresh jti for each request; the same assertion posted twice by
    // hand shows that the server refuses a replay, and how.
    OAuth2Config c = config();
    c.clientKeyFile = write(u"replay.pem"_s, m_ec.privatePem());
    QString error;
    const QString assertion = ClientAssertion::buildGrant(c, &error);
    QVERIFY2(!assertion.isEmpty(), qPrintable(error));
    const QList<QPair<QString, QString>> form { { u"grant_type"_s, ClientAssertion::grantType() },
                                                { u"assertion"_s, assertion },
                                                { u"client_id"_s, ClientId },
                                                { u"client_secret"_s, ClientSecret } };
    OidcHttp http;
    QCOMPARE(http.postForm(m_provider.endpoint(u"/token"_s), form).status, 200);
    const auto again = http.postForm(m_provider.endpoint(u"/token"_s), form);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    QVERIFY2(again.json().value(u"error_description"_s).toString().contains(u"jti"_s),
             qPrintable(again.json().value(u"error_description"_s).toString()));
}

QTEST_GUILESS_MAIN(tst_JwtBearerOidc)
#include "tst_jwtbearer_oidc.moc"
