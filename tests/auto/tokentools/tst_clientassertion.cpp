// Client assertions (RFC 7523 §2.2): the signed JWT Postern sends instead of a client secret. Keys made
// with libcrypto for the test, written as PEM (plain and encrypted) and PKCS#12; the assertion checked
// with the key's public half, its claims as the RFC says, and every way a key file can be wrong said in
// a sentence that names the file and never its content. The JWT bearer grant's assertion (§2.1) and
// the signing key underneath both (public JWK, RFC 7638 thumbprint, a generated key kept as PEM). The server
// side (oidc-provider accepting and refusing them) is tst_tokenendpoint_oidc.

#include "testkeys.h"
#include "tokentools/clientassertion.h"
#include "tokentools/jwt.h"
#include "tokentools/jwtverifier.h"
#include "tokentools/signingkey.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_ClientAssertion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signsWithAKey_data();
    void signsWithAKey();
    void signsWithTheSecret();
    void everyAssertionIsNew();
    void badKeys_data();
    void badKeys();
    void grantAssertion();
    void grantAssertionClaimsMustBeAnObject_data();
    void grantAssertionClaimsMustBeAnObject();
    void publicJwkAndThumbprint();
    void generatedKeyKeptAsPem();

private:
    QString write(const QString &name, const QByteArray &bytes);
    OAuth2Config config(const QString &keyFile) const;

    QTemporaryDir m_dir;
    TestKey m_rsa = TestKey::rsa(2048);
    TestKey m_ec = TestKey::ec("P-256");
};

void tst_ClientAssertion::initTestCase()
{
    QVERIFY(!m_rsa.isNull());
    QVERIFY(!m_ec.isNull());
}

QString tst_ClientAssertion::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

OAuth2Config tst_ClientAssertion::config(const QString &keyFile) const
{
    OAuth2Config c;
    c.clientId = u"svc-client"_s;
    c.accessTokenUrl = u"https://as.example/oauth/token"_s;
    c.clientAuthentication = ClientAuthentication::PrivateKeyJwt;
    c.clientKeyFile = keyFile;
    return c;
}

void tst_ClientAssertion::signsWithAKey_data()
{
    QTest::addColumn<QString>("format"); // pem, encrypted pem, p12
    QTest::addColumn<bool>("ec");
    QTest::addColumn<QString>("algorithm"); // configured; empty: from the key
    QTest::addColumn<QString>("expected");
    QTest::newRow("RSA PEM, from the key") << u"pem"_s << false << QString() << u"RS256"_s;
    QTest::newRow("RSA PEM, PS256") << u"pem"_s << false << u"PS256"_s << u"PS256"_s;
    QTest::newRow("RSA encrypted PEM") << u"encrypted"_s << false << QString() << u"RS256"_s;
    QTest::newRow("RSA PKCS#12") << u"p12"_s << false << u"RS256"_s << u"RS256"_s;
    QTest::newRow("EC P-256 PEM, from the key") << u"pem"_s << true << QString() << u"ES256"_s;
    QTest::newRow("EC P-256 encrypted PEM") << u"encrypted"_s << true << u"ES256"_s << u"ES256"_s;
    QTest::newRow("EC P-256 PKCS#12") << u"p12"_s << true << QString() << u"ES256"_s;
}

void tst_ClientAssertion::signsWithAKey()
{
    QFETCH(QString, format);
    QFETCH(bool, ec);
    QFETCH(QString, algorithm);
    QFETCH(QString, expected);
    const TestKey &key = ec ? m_ec : m_rsa;
    const QByteArray passphrase = "correct horse";
    const QByteArray bytes = format == u"p12"_s ? key.pkcs12(passphrase)
        : format == u"encrypted"_s              ? key.privatePem(passphrase)
                                                : key.privatePem();
    QVERIFY(!bytes.isEmpty());
    OAuth2Config c = config(write(format + (ec ? u"-ec"_s : u"-rsa"_s), bytes));
    if (format != u"pem"_s)
        c.clientKeyPassphrase = QString::fromUtf8(passphrase);
    c.clientAssertionAlgorithm = algorithm;
    c.clientKeyId = u"key-1"_s;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1800000000);
    QString error;
    const QString assertion = ClientAssertion::build(c, &error, now);
    QVERIFY2(!assertion.isEmpty(), qPrintable(error));

    const JwtInfo info = Jwt::decode(assertion);
    QVERIFY(info.isJwt);
    QCOMPARE(info.algorithm, expected);
    QCOMPARE(info.keyId, u"key-1"_s);
    QCOMPARE(info.type, u"JWT"_s);
    // RFC 7523 §3: iss and sub the client, aud the token endpoint, a short life, a jti.
    QCOMPARE(info.payload.value(u"iss"_s).toString(), u"svc-client"_s);
    QCOMPARE(info.payload.value(u"sub"_s).toString(), u"svc-client"_s);
    QCOMPARE(info.payload.value(u"aud"_s).toString(), u"https://as.example/oauth/token"_s);
    QCOMPARE(info.payload.value(u"iat"_s).toInteger(), 1'800'000'000);
    QCOMPARE(info.payload.value(u"exp"_s).toInteger(), 1'800'000'000 + ClientAssertion::LifetimeSeconds);
    QVERIFY(info.payload.value(u"jti"_s).toString().size() >= 43);

    const QJsonObject jwks { { u"keys"_s, QJsonArray { key.publicJwk(u"key-1"_s) } } };
    const JwtVerifier::Result verified = JwtVerifier::verify(info, jwks);
    QVERIFY2(verified.isValid(), qPrintable(verified.message));
    // Another key of the same kind does not verify it.
    const TestKey other = ec ? TestKey::ec("P-256") : TestKey::rsa(2048);
    QCOMPARE(
        JwtVerifier::verify(info, QJsonObject { { u"keys"_s, QJsonArray { other.publicJwk(u"key-1"_s) } } })
            .verdict,
        JwtVerifier::Verdict::Invalid);

    // The issuer instead of the token endpoint, when the server wants that.
    c.clientAssertionAudience = u"https://as.example"_s;
    QCOMPARE(Jwt::decode(ClientAssertion::build(c, &error, now)).payload.value(u"aud"_s).toString(),
             u"https://as.example"_s);
}

void tst_ClientAssertion::signsWithTheSecret()
{
    OAuth2Config c = config(QString());
    c.clientAuthentication = ClientAuthentication::ClientSecretJwt;
    c.clientSecret = u"a shared secret of more than thirty-two bytes"_s;
    c.clientKeyId = u"ignored"_s; // a shared secret has no key id
    QString error;
    const QString assertion = ClientAssertion::build(c, &error);
    QVERIFY2(!assertion.isEmpty(), qPrintable(error));
    const JwtInfo info = Jwt::decode(assertion);
    QCOMPARE(info.algorithm, u"HS256"_s);
    QVERIFY(info.keyId.isEmpty());
    QCOMPARE(info.signature,
             QMessageAuthenticationCode::hash(info.signingInput, c.clientSecret.toUtf8(),
                                              QCryptographicHash::Sha256));

    c.clientSecret.clear();
    QVERIFY(ClientAssertion::build(c, &error).isEmpty());
    QVERIFY2(error.contains(u"client secret"_s), qPrintable(error));
}

void tst_ClientAssertion::everyAssertionIsNew()
{
    const OAuth2Config c = config(write(u"fresh.pem"_s, m_ec.privatePem()));
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const JwtInfo first = Jwt::decode(ClientAssertion::build(c, &error, now));
    const JwtInfo second = Jwt::decode(ClientAssertion::build(c, &error, now));
    QVERIFY(first.isJwt && second.isJwt);
    QVERIFY(first.payload.value(u"jti"_s) != second.payload.value(u"jti"_s));
}

void tst_ClientAssertion::badKeys_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("message");
    const TestKey small = TestKey::rsa(1024);
    QTest::newRow("wrong passphrase")
        << m_rsa.privatePem("right") << u"wrong"_s << QString() << u"the passphrase is wrong"_s;
    QTest::newRow("no passphrase") << m_rsa.privatePem("right") << QString() << QString()
                                   << u"it may need a passphrase"_s;
    QTest::newRow("PKCS#12, wrong passphrase")
        << m_ec.pkcs12("right") << u"wrong"_s << QString() << u"the passphrase is wrong"_s;
    QTest::newRow("a public key") << m_rsa.publicPem() << QString() << QString() << u"hold no private key"_s;
    QTest::newRow("not a key") << QByteArray("hello, world") << QString() << QString()
                               << u"neither PEM nor PKCS#12"_s;
    QTest::newRow("empty") << QByteArray() << QString() << QString() << u"neither PEM nor PKCS#12"_s;
    QTest::newRow("RSA for ES256") << m_rsa.privatePem() << QString() << u"ES256"_s
                                   << u"ES256 needs an EC P-256 key"_s;
    QTest::newRow("EC for PS256") << m_ec.privatePem() << QString() << u"PS256"_s
                                  << u"PS256 needs an RSA key"_s;
    QTest::newRow("P-384") << TestKey::ec("P-384").privatePem() << QString() << QString()
                           << u"neither RSA nor EC on the P-256 curve"_s;
    QTest::newRow("RSA 1024") << small.privatePem() << QString() << QString() << u"has 1024 bits"_s;
}

void tst_ClientAssertion::badKeys()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, passphrase);
    QFETCH(QString, algorithm);
    QFETCH(QString, message);
    OAuth2Config c = config(write(u"bad-key.pem"_s, bytes));
    c.clientKeyPassphrase = passphrase;
    c.clientAssertionAlgorithm = algorithm;
    QString error;
    QVERIFY(ClientAssertion::build(c, &error).isEmpty());
    QVERIFY2(error.contains(message), qPrintable(error));
    if (!bytes.isEmpty())
        QVERIFY(!error.contains(QString::fromLatin1(bytes.left(40))));

    c.clientKeyFile = m_dir.filePath(u"missing.pem"_s);
    QVERIFY(ClientAssertion::build(c, &error).isEmpty());
    QVERIFY2(error.contains(u"missing.pem cannot be read"_s), qPrintable(error));
}

void tst_ClientAssertion::grantAssertion()
{
    OAuth2Config c = config(write(u"grant.pem"_s, m_rsa.privatePem()));
    c.grantType = OAuth2GrantType::JwtBearer;
    c.clientAuthentication = ClientAuthentication::Body;
    c.tokenName = u"Grant"_s;
    c.clientKeyId = u"grant-key"_s;
    c.assertionSubject = u"abel.tuter"_s;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1800000000);
    QString error;
    const JwtInfo info = Jwt::decode(ClientAssertion::buildGrant(c, &error, now));
    QVERIFY2(info.isJwt, qPrintable(error));
    QCOMPARE(info.algorithm, u"RS256"_s);
    QCOMPARE(info.keyId, u"grant-key"_s);
    // RFC 7523 §3: iss the client unless configured, sub the user, aud the token endpoint.
    QCOMPARE(info.payload.value(u"iss"_s).toString(), u"svc-client"_s);
    QCOMPARE(info.payload.value(u"sub"_s).toString(), u"abel.tuter"_s);
    QCOMPARE(info.payload.value(u"aud"_s).toString(), u"https://as.example/oauth/token"_s);
    QCOMPARE(info.payload.value(u"exp"_s).toInteger(), 1'800'000'000 + ClientAssertion::GrantLifetimeSeconds);
    QVERIFY(info.payload.value(u"jti"_s).toString().size() >= 43);
    const QJsonObject jwks { { u"keys"_s, QJsonArray { m_rsa.publicJwk(u"grant-key"_s) } } };
    QVERIFY(JwtVerifier::verify(info, jwks).isValid());
    QVERIFY(ClientAssertion::buildGrant(c, &error, now) != ClientAssertion::buildGrant(c, &error, now));

    // Issuer, audience and claims from the form (a Google service account, ServiceNow's older
    // endpoints); the claims win over the standard ones and keep their JSON types.
    c.clientId.clear();
    c.assertionIssuer = u"robot@project.iam.example"_s;
    c.assertionSubject.clear();
    c.assertionAudience = u"svc-client"_s;
    c.assertionClaims = u"{\"scope\": \"read write\", \"exp\": 1800000900, \"n\": [1, 2]}"_s;
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u' ')));
    const JwtInfo custom = Jwt::decode(ClientAssertion::buildGrant(c, &error, now));
    QVERIFY2(custom.isJwt, qPrintable(error));
    QCOMPARE(custom.payload.value(u"iss"_s).toString(), u"robot@project.iam.example"_s);
    QCOMPARE(custom.payload.value(u"sub"_s).toString(), u"robot@project.iam.example"_s);
    QCOMPARE(custom.payload.value(u"aud"_s).toString(), u"svc-client"_s);
    QCOMPARE(custom.payload.value(u"scope"_s).toString(), u"read write"_s);
    QCOMPARE(custom.payload.value(u"exp"_s).toInteger(), 1800000900);
    QCOMPARE(custom.payload.value(u"n"_s).toArray().size(), 2);

    // Nothing names the issuer: said, nothing signed.
    c.assertionIssuer.clear();
    QVERIFY(!c.problems().isEmpty());
    QVERIFY(ClientAssertion::buildGrant(c, &error, now).isEmpty());
    QVERIFY2(error.contains(u"issuer"_s), qPrintable(error));
    // No key file: the configuration says so.
    c.clientId = u"svc-client"_s;
    c.clientKeyFile.clear();
    QVERIFY2(c.problems().join(u' ').contains(u"Private Key File is empty: the JWT bearer grant"_s),
             qPrintable(c.problems().join(u' ')));
}

void tst_ClientAssertion::grantAssertionClaimsMustBeAnObject_data()
{
    QTest::addColumn<QString>("claims");
    QTest::newRow("an array") << u"[1, 2]"_s;
    QTest::newRow("a string") << u"\"scope\""_s;
    QTest::newRow("cut short") << u"{\"scope\": \"read"_s;
    QTest::newRow("not JSON") << u"scope=read"_s;
}

void tst_ClientAssertion::grantAssertionClaimsMustBeAnObject()
{
    QFETCH(QString, claims);
    OAuth2Config c = config(write(u"claims.pem"_s, m_ec.privatePem()));
    c.grantType = OAuth2GrantType::JwtBearer;
    c.tokenName = u"t"_s;
    c.assertionClaims = claims;
    QVERIFY(c.problems().join(u' ').contains(u"Assertion Claims must be a JSON object"_s));
    QString error;
    QVERIFY(ClientAssertion::buildGrant(c, &error).isEmpty());
    QVERIFY2(error.contains(u"JSON object"_s), qPrintable(error));
}

void tst_ClientAssertion::publicJwkAndThumbprint()
{
    // The public halves libcrypto describes for the test keys, member by member.
    QString error;
    for (const TestKey *key : { &m_rsa, &m_ec }) {
        const SigningKey signing = SigningKey::fromFile(write(u"jwk.pem"_s, key->privatePem()), {}, &error);
        QVERIFY2(!signing.isNull(), qPrintable(error));
        QJsonObject expected = key->publicJwk(u"x"_s);
        expected.remove(u"kid"_s);
        QCOMPARE(signing.publicJwk(), expected);
        QCOMPARE(signing.thumbprint().size(), 43);
    }
    // RFC 7638 §3.1's example key and thumbprint.
    const QJsonObject example {
        { u"kty"_s, u"RSA"_s },
        { u"n"_s,
          u"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
          u"BJECPebWKRXjB"
          u"ZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_"
          u"FDW2QvzqY368QQMicAtaSqzs"
          u"8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-"
          u"bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-"
          u"G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"_s },
        { u"e"_s, u"AQAB"_s },
        { u"alg"_s, u"RS256"_s },
        { u"kid"_s, u"2011-04-29"_s },
    };
    QCOMPARE(SigningKey::jwkThumbprint(example), u"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"_s);
    QCOMPARE(SigningKey::jwkThumbprint(QJsonObject()), QString());
}

void tst_ClientAssertion::generatedKeyKeptAsPem()
{
    // A key made by Postern (DPoP's), kept as PEM, read back: the same key, and it signs.
    const SigningKey made = SigningKey::generateP256();
    QVERIFY(!made.isNull());
    const QByteArray pem = made.toPem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    const SigningKey back = SigningKey::fromPem(pem);
    QVERIFY(!back.isNull());
    QCOMPARE(back.thumbprint(), made.thumbprint());
    QVERIFY(SigningKey::generateP256().thumbprint() != made.thumbprint());
    QString error;
    QCOMPARE(back.algorithmFor(QString(), &error), u"ES256"_s);
    const QString jws
        = back.signCompact({ { u"typ"_s, u"dpop+jwt"_s } }, { { u"x"_s, 1 } }, u"ES256"_s, &error);
    QJsonObject jwk = made.publicJwk();
    jwk.insert(u"kid"_s, u"k"_s);
    QVERIFY(JwtVerifier::verify(Jwt::decode(jws), { { u"keys"_s, QJsonArray { jwk } } }).isValid());
    // Not a key, or an encrypted one without its passphrase: null, no prompt.
    QVERIFY(SigningKey::fromPem("not a key").isNull());
    QVERIFY(SigningKey::fromPem(m_ec.privatePem("secret")).isNull());
}

QTEST_GUILESS_MAIN(tst_ClientAssertion)
#include "tst_clientassertion.moc"
