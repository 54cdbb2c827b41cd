#include "testkeys.h"
#include "tokentools/jwtverifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

using Verdict = JwtVerifier::Verdict;

namespace {

QJsonObject jwks(std::initializer_list<QJsonObject> keys)
{
    QJsonArray array;
    for (const QJsonObject &key : keys)
        array.append(key);
    return QJsonObject { { u"keys"_s, array } };
}

QJsonObject header(const QString &alg, const QString &kid = QString())
{
    QJsonObject h { { u"alg"_s, alg }, { u"typ"_s, u"JWT"_s } };
    if (!kid.isEmpty())
        h.insert(u"kid"_s, kid);
    return h;
}

const QJsonObject Claims { { u"iss"_s, u"https://idp.example"_s },
                           { u"sub"_s, u"alice"_s },
                           { u"aud"_s, u"postern"_s },
                           { u"exp"_s, qint64(4102444800) } };

// Replaces one character of the signature with another base64url one.
QString flip(const QString &token)
{
    QStringList parts = token.split(u'.');
    QString &signature = parts[2];
    signature[5] = signature.at(5) == u'A' ? u'B' : u'A';
    return parts.join(u'.');
}

// Changes the header (0) or the payload (1), keeping it a valid JSON object, and keeps the signature.
QString alter(const QString &token, int part)
{
    QStringList parts = token.split(u'.');
    QJsonObject object = QJsonDocument::fromJson(
                             QByteArray::fromBase64(parts.at(part).toLatin1(), QByteArray::Base64UrlEncoding))
                             .object();
    if (part == 0)
        object.insert(u"jku"_s, u"https://evil.example/jwks"_s);
    else
        object.insert(u"sub"_s, u"mallory"_s);
    parts[part] = QString::fromLatin1(b64url(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    return parts.join(u'.');
}

// An HS256 token whose "secret" is the given bytes: what an attacker sends hoping the verifier
// takes the public key it has as the HMAC key.
QString hmacToken(const QByteArray &secret, const QString &kid)
{
    const QByteArray input = b64url(QJsonDocument(header(u"HS256"_s, kid)).toJson(QJsonDocument::Compact))
        + '.' + b64url(QJsonDocument(Claims).toJson(QJsonDocument::Compact));
    const QByteArray mac = QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(input + '.' + b64url(mac));
}

} // namespace

// JwtVerifier against keys made here with libcrypto: every supported algorithm verifies, and every
// way of getting it wrong (tampering, the wrong key, alg none, HMAC with a public key) is refused.
class tst_JwtVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verify_data();
    void verify();
    void everyAlgorithmRoundTrips_data();
    void everyAlgorithmRoundTrips();
    void noneIsNeverValid();
    void messagesCarryNoKeyMaterial();

private:
    TestKey m_rsa;
    TestKey m_rsaOther;
    TestKey m_rsaSmall;
    TestKey m_ec;
    TestKey m_ecOther;
    TestKey m_ec384;
};

void tst_JwtVerifier::initTestCase()
{
    m_rsa = TestKey::rsa(2048);
    m_rsaOther = TestKey::rsa(2048);
    m_rsaSmall = TestKey::rsa(1024);
    m_ec = TestKey::ec("P-256");
    m_ecOther = TestKey::ec("P-256");
    m_ec384 = TestKey::ec("P-384");
    for (const TestKey *key : { &m_rsa, &m_rsaOther, &m_rsaSmall, &m_ec, &m_ecOther, &m_ec384 })
        QVERIFY(!key->isNull());
}

void tst_JwtVerifier::verify_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QJsonObject>("keySet");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("keyId"); // for Valid: the key that verified

    const QJsonObject rsaJwk = m_rsa.publicJwk(u"rsa-1"_s, u"RS256"_s, u"sig"_s);
    const QJsonObject rsaOtherJwk = m_rsaOther.publicJwk(u"rsa-2"_s);
    const QJsonObject ecJwk = m_ec.publicJwk(u"ec-1"_s, u"ES256"_s, u"sig"_s);
    const QJsonObject ecOtherJwk = m_ecOther.publicJwk(u"ec-2"_s);
    const QJsonObject both = jwks({ rsaOtherJwk, rsaJwk, ecOtherJwk, ecJwk });

    const QString rs256 = makeJws(header(u"RS256"_s, u"rsa-1"_s), Claims, &m_rsa);
    const QString es256 = makeJws(header(u"ES256"_s, u"ec-1"_s), Claims, &m_ec);

    QTest::newRow("RS256 with kid") << rs256 << both << Verdict::Valid << u"rsa-1"_s;
    QTest::newRow("RS256 without kid: every RSA key is tried")
        << makeJws(header(u"RS256"_s), Claims, &m_rsa) << both << Verdict::Valid << u"rsa-1"_s;
    QTest::newRow("ES256 with kid") << es256 << both << Verdict::Valid << u"ec-1"_s;
    QTest::newRow("ES256 without kid")
        << makeJws(header(u"ES256"_s), Claims, &m_ec) << both << Verdict::Valid << u"ec-1"_s;
    QTest::newRow("key without kid, token without kid")
        << makeJws(header(u"RS256"_s), Claims, &m_rsa) << jwks({ m_rsa.publicJwk(QString()) })
        << Verdict::Valid << QString();

    QTest::newRow("token with kid, key set without kids")
        << rs256 << jwks({ m_rsaOther.publicJwk(QString()), m_rsa.publicJwk(QString()) }) << Verdict::Valid
        << QString();
    QTest::newRow("token with kid, key set without kids, no key matches")
        << rs256 << jwks({ m_rsaOther.publicJwk(QString()) }) << Verdict::Invalid << QString();

    QTest::newRow("RS256, flipped signature byte") << flip(rs256) << both << Verdict::Invalid << QString();
    QTest::newRow("RS256, altered payload") << alter(rs256, 1) << both << Verdict::Invalid << QString();
    QTest::newRow("RS256, altered header") << alter(rs256, 0) << both << Verdict::Invalid << QString();
    QTest::newRow("ES256, flipped signature byte") << flip(es256) << both << Verdict::Invalid << QString();
    QTest::newRow("ES256, altered payload") << alter(es256, 1) << both << Verdict::Invalid << QString();
    QTest::newRow("RS256 signed by another key under the same kid")
        << makeJws(header(u"RS256"_s, u"rsa-1"_s), Claims, &m_rsaOther) << both << Verdict::Invalid
        << QString();
    QTest::newRow("ES256 signed by another key under the same kid")
        << makeJws(header(u"ES256"_s, u"ec-1"_s), Claims, &m_ecOther) << both << Verdict::Invalid
        << QString();
    QTest::newRow("RS256 without kid signed by a key not in the set")
        << makeJws(header(u"RS256"_s), Claims, &m_rsaSmall) << both << Verdict::Invalid << QString();

    QTest::newRow("wrong kid") << makeJws(header(u"RS256"_s, u"rotated-away"_s), Claims, &m_rsa) << both
                               << Verdict::UnknownKey << QString();
    QTest::newRow("no kid, no RSA key in the set")
        << makeJws(header(u"RS256"_s), Claims, &m_rsa) << jwks({ ecJwk }) << Verdict::UnknownKey << QString();
    QTest::newRow("no kid, only a P-384 key for ES256")
        << makeJws(header(u"ES256"_s), Claims, &m_ec) << jwks({ m_ec384.publicJwk(u"p384"_s) })
        << Verdict::UnknownKey << QString();
    QTest::newRow("empty key set") << rs256 << jwks({}) << Verdict::UnknownKey << QString();
    QTest::newRow("no keys array") << rs256 << QJsonObject { { u"keys"_s, u"none"_s } } << Verdict::UnknownKey
                                   << QString();
    QTest::newRow("no kid, the only RSA key is for encryption")
        << makeJws(header(u"RS256"_s), Claims, &m_rsa)
        << jwks({ m_rsa.publicJwk(u"enc"_s, QString(), u"enc"_s) }) << Verdict::UnknownKey << QString();
    QTest::newRow("RSA key of 1024 bits is not used")
        << makeJws(header(u"RS256"_s, u"small"_s), Claims, &m_rsaSmall)
        << jwks({ m_rsaSmall.publicJwk(u"small"_s) }) << Verdict::UnknownKey << QString();
    {
        QJsonObject offCurve = ecJwk;
        QString y = offCurve.value(u"y"_s).toString();
        y[3] = y.at(3) == u'A' ? u'B' : u'A';
        offCurve.insert(u"y"_s, y);
        QTest::newRow("EC key whose point is not on the curve")
            << es256 << jwks({ offCurve }) << Verdict::UnknownKey << QString();
    }
    {
        QJsonObject shortX = ecJwk;
        shortX.insert(u"x"_s, QString::fromLatin1(b64url(QByteArray(31, 'x'))));
        QTest::newRow("EC key with a short coordinate")
            << es256 << jwks({ shortX }) << Verdict::UnknownKey << QString();
    }

    // The kid names a key of the wrong type: never "try it anyway".
    QTest::newRow("RS256 token naming an EC key")
        << makeJws(header(u"RS256"_s, u"ec-1"_s), Claims, &m_rsa) << both << Verdict::Invalid << QString();
    QTest::newRow("RS256 token naming a key meant for PS256")
        << makeJws(header(u"RS256"_s, u"pss"_s), Claims, &m_rsa)
        << jwks({ m_rsa.publicJwk(u"pss"_s, u"PS256"_s) }) << Verdict::Invalid << QString();

    QTest::newRow("alg none, empty signature")
        << makeJws(header(u"none"_s), Claims, nullptr) << both << Verdict::NotSigned << QString();
    {
        // A valid RS256 signature, then the header swapped for alg none.
        QStringList parts = rs256.split(u'.');
        parts[0] = QString::fromLatin1(b64url(R"({"alg":"none","kid":"rsa-1"})"));
        QTest::newRow("alg none with a signature attached")
            << parts.join(u'.') << both << Verdict::NotSigned << QString();
    }
    QTest::newRow("alg NONE in capitals")
        << makeJws(header(u"NONE"_s), Claims, nullptr) << both << Verdict::NotSigned << QString();

    QTest::newRow("HS256 keyed with the RSA public key PEM (algorithm confusion)")
        << hmacToken(m_rsa.publicPem(), u"rsa-1"_s) << both << Verdict::UnsupportedAlgorithm << QString();
    QTest::newRow("HS256 keyed with the JWK's modulus") << hmacToken(
        QByteArray::fromBase64(rsaJwk.value(u"n"_s).toString().toLatin1(), QByteArray::Base64UrlEncoding),
        QString()) << both << Verdict::UnsupportedAlgorithm
                                                        << QString();
    QTest::newRow("HS256 with an oct key in the set")
        << hmacToken("secret", u"oct-1"_s)
        << jwks({ QJsonObject {
               { u"kty"_s, u"oct"_s }, { u"kid"_s, u"oct-1"_s }, { u"k"_s, u"c2VjcmV0"_s } } })
        << Verdict::UnsupportedAlgorithm << QString();
    QTest::newRow("unknown algorithm") << makeJws(header(u"XY999"_s), Claims, nullptr).append(u"AAAA"_s)
                                       << both << Verdict::UnsupportedAlgorithm << QString();
    {
        QJsonObject critical = header(u"RS256"_s, u"rsa-1"_s);
        critical.insert(u"crit"_s, QJsonArray { u"exp"_s });
        critical.insert(u"exp"_s, 1);
        QTest::newRow("critical header extension")
            << makeJws(critical, Claims, &m_rsa) << both << Verdict::UnsupportedAlgorithm << QString();
    }

    {
        // DER where R‖S belongs.
        const QJsonObject h = header(u"ES256"_s, u"ec-1"_s);
        const QByteArray input = b64url(QJsonDocument(h).toJson(QJsonDocument::Compact)) + '.'
            + b64url(QJsonDocument(Claims).toJson(QJsonDocument::Compact));
        const QString der = QString::fromLatin1(input + '.' + b64url(m_ec.signDer(u"ES256"_s, input)));
        QTest::newRow("ES256 signature in DER form") << der << both << Verdict::Malformed << QString();
    }
    QTest::newRow("RS256 with an empty signature") << makeJws(header(u"RS256"_s, u"rsa-1"_s), Claims, nullptr)
                                                   << both << Verdict::Malformed << QString();
    QTest::newRow("opaque token") << u"2YotnFZFEjr1zCsicMWpAA"_s << both << Verdict::Malformed << QString();
    QTest::newRow("header without alg") << makeJws(QJsonObject { { u"kid"_s, u"rsa-1"_s } }, Claims, &m_rsa)
                                        << both << Verdict::Malformed << QString();
}

void tst_JwtVerifier::verify()
{
    QFETCH(QString, token);
    QFETCH(QJsonObject, keySet);
    QFETCH(Verdict, verdict);
    QFETCH(QString, keyId);

    const JwtVerifier::Result result = JwtVerifier::verify(token, keySet);
    QVERIFY2(result.verdict == verdict,
             qPrintable(JwtVerifier::verdictName(result.verdict) + u": "_s + result.message));
    QVERIFY(!result.message.isEmpty());
    QCOMPARE(result.isValid(), verdict == Verdict::Valid);
    if (verdict == Verdict::Valid)
        QCOMPARE(result.keyId, keyId);
}

void tst_JwtVerifier::everyAlgorithmRoundTrips_data()
{
    QTest::addColumn<QString>("alg");
    for (const QString &alg : JwtVerifier::supportedAlgorithms()) {
        if (alg != u"ES512"_s) // no P-521 key made here
            QTest::newRow(qPrintable(alg)) << alg;
    }
}

void tst_JwtVerifier::everyAlgorithmRoundTrips()
{
    QFETCH(QString, alg);
    const TestKey &key = alg == u"ES256"_s ? m_ec : alg == u"ES384"_s ? m_ec384 : m_rsa;
    const QJsonObject keySet = jwks({ key.publicJwk(u"k"_s, alg) });
    const QString token = makeJws(header(alg, u"k"_s), Claims, &key);

    const auto valid = JwtVerifier::verify(token, keySet);
    QVERIFY2(valid.isValid(), qPrintable(valid.message));
    QCOMPARE(valid.algorithm, alg);
    QCOMPARE(JwtVerifier::verify(flip(token), keySet).verdict, Verdict::Invalid);
    QCOMPARE(JwtVerifier::verify(alter(token, 1), keySet).verdict, Verdict::Invalid);
}

void tst_JwtVerifier::noneIsNeverValid()
{
    // Whatever the key set holds, including no key at all and a key claiming alg none.
    const QString token = makeJws(header(u"none"_s), Claims, nullptr);
    const QList<QJsonObject> sets {
        QJsonObject(), jwks({}), jwks({ m_rsa.publicJwk(u"a"_s) }),
        jwks({ QJsonObject { { u"kty"_s, u"oct"_s }, { u"alg"_s, u"none"_s } } })
    };
    for (const QJsonObject &set : sets) {
        const auto result = JwtVerifier::verify(token, set);
        QCOMPARE(result.verdict, Verdict::NotSigned);
        QVERIFY(!result.isValid());
    }
}

void tst_JwtVerifier::messagesCarryNoKeyMaterial()
{
    const QJsonObject rsaJwk = m_rsa.publicJwk(u"rsa-1"_s);
    const QString n = rsaJwk.value(u"n"_s).toString();
    const QString token = makeJws(header(u"RS256"_s, u"rsa-1"_s), Claims, &m_rsaOther);
    const auto result = JwtVerifier::verify(token, jwks({ rsaJwk }));
    QCOMPARE(result.verdict, Verdict::Invalid);
    QVERIFY(!result.message.contains(n.left(16)));
    QVERIFY(!result.message.contains(token.split(u'.').at(2).left(16)));
}

QTEST_GUILESS_MAIN(tst_JwtVerifier)
#include "tst_jwtverifier.moc"
