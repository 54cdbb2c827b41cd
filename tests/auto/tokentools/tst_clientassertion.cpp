// Client assertions (RFC 7523 §2.2): the signed JWT Postern sends instead of a client secret. Keys made
// with libcrypto for the test, written as PEM (plain and encrypted) and PKCS#12; the assertion checked
// with the key's public half, its claims as the RFC says, and every way a key file can be wrong said in
// a sentence that names the file and never its content. The server side (oidc-provider accepting and
// refusing them) is tst_tokenendpoint_oidc.

#include "testkeys.h"
#include "tokentools/clientassertion.h"
#include "tokentools/jwt.h"
#include "tokentools/jwtverifier.h"

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

QTEST_GUILESS_MAIN(tst_ClientAssertion)
#include "tst_clientassertion.moc"
