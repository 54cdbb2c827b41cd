#include "tokentools/jwt.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QString seg(const QByteArray &json)
{
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString token(const QByteArray &header, const QByteArray &payload, const QByteArray &signature = "c2ln")
{
    return seg(header) + u'.' + seg(payload) + u'.' + QString::fromLatin1(signature);
}

const QByteArray Rs256Header = R"({"alg":"RS256","kid":"k1","typ":"JWT"})";

QDateTime utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
}

} // namespace

// Jwt::decode: what a token says about itself, and a clear reason for everything that is not a JWT.
class tst_Jwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void keepsPartsAsSent();
    void encryptedTokenShowsItsHeader();
    void unsignedTokenIsFlagged();
    void timeClaims_data();
    void timeClaims();
    void describeTime();
    void relativeTime_data();
    void relativeTime();
};

void tst_Jwt::decode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("isJwt");
    QTest::addColumn<QString>("reason"); // a part of notJwtReason
    QTest::addColumn<QString>("algorithm");

    const QString good = token(Rs256Header, R"({"sub":"alice","exp":1700000000})");
    QTest::newRow("signed JWT") << good << true << QString() << u"RS256"_s;
    QTest::newRow("Bearer prefix and white space")
        << QString(u"  Bearer "_s + good + u"\n"_s) << true << QString() << u"RS256"_s;
    QTest::newRow("empty") << u"   "_s << false << u"empty"_s << QString();
    QTest::newRow("opaque token") << u"2YotnFZFEjr1zCsicMWpAA"_s << false << u"opaque token"_s << QString();
    QTest::newRow("two segments") << QString(seg(Rs256Header) + u'.' + seg("{}")) << false << u"2 parts"_s
                                  << QString();
    QTest::newRow("four segments") << QString(good + u".abc"_s) << false << u"4 parts"_s << QString();
    QTest::newRow("bad base64 in the header") << QString(u"eyJhbGc!OiJSUzI1NiJ9."_s + seg("{}") + u".c2ln"_s)
                                              << false << u"header is not base64url"_s << QString();
    QTest::newRow("padding is not base64url") << QString(seg(Rs256Header) + u"==."_s + seg("{}") + u".c2ln"_s)
                                              << false << u"header is not base64url"_s << QString();
    QTest::newRow("impossible base64 length") << QString(seg(Rs256Header) + u".abcde.c2ln"_s) << false
                                              << u"payload is not valid base64url"_s << QString();
    QTest::newRow("non-ASCII character") << QString(seg(Rs256Header) + u".\u00e9\u00e9\u00e9\u00e9.c2ln"_s)
                                         << false << u"U+00E9"_s << QString();
    QTest::newRow("header is not JSON")
        << token("not json", "{}") << false << u"header is not JSON"_s << QString();
    QTest::newRow("JSON array payload") << token(Rs256Header, R"(["sub","alice"])") << false
                                        << u"payload is JSON but not an object"_s << QString();
    QTest::newRow("JSON string payload")
        << token(Rs256Header, R"("alice")") << false << u"payload is JSON but not an object"_s << QString();
    QTest::newRow("empty payload") << QString(seg(Rs256Header) + u"..c2ln"_s) << false
                                   << u"payload is empty"_s << QString();
    QTest::newRow("deeply nested payload")
        << token(Rs256Header, "{\"a\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + '}') << false
        << u"nested too deeply"_s << QString();
    QTest::newRow("signature not base64url")
        << token(Rs256Header, "{}", "c2/n+") << false << u"signature is not base64url"_s << QString();
    QTest::newRow("huge token") << token(Rs256Header, "{\"pad\":\"" + QByteArray(70 * 1024, 'x') + "\"}")
                                << false << u"64 KiB"_s << QString();
    QTest::newRow("5-part JWE") << QString(seg(R"({"alg":"RSA-OAEP","enc":"A256GCM"})")
                                           + u".a2V5.aXY.Y2lwaGVy.dGFn"_s)
                                << false << u"encrypted JWT (JWE)"_s << u"RSA-OAEP"_s;
    QTest::newRow("5 parts, header not JSON")
        << QString(seg("garbage") + u".a.b.c.d"_s) << false << u"5 parts"_s << QString();
    QTest::newRow("alg none") << token(R"({"alg":"none"})", R"({"sub":"x"})", "") << true << QString()
                              << u"none"_s;
    QTest::newRow("no alg in the header")
        << token(R"({"typ":"JWT"})", "{}") << true << QString() << QString();
}

void tst_Jwt::decode()
{
    QFETCH(QString, input);
    QFETCH(bool, isJwt);
    QFETCH(QString, reason);
    QFETCH(QString, algorithm);

    const JwtInfo info = Jwt::decode(input);
    QCOMPARE(info.isJwt, isJwt);
    QCOMPARE(info.algorithm, algorithm);
    if (isJwt) {
        QVERIFY(info.notJwtReason.isEmpty());
    } else {
        QVERIFY2(info.notJwtReason.contains(reason), qPrintable(info.notJwtReason));
        QVERIFY(info.notJwtReason.size() < 300);
        QVERIFY(info.signingInput.isEmpty());
    }
}

void tst_Jwt::keepsPartsAsSent()
{
    // Key order and number spelling as the server wrote them, for order-preserving display.
    const QByteArray payload = R"({"z":1,"a":2.50,"sub":"alice"})";
    const QString input = token(Rs256Header, payload, "c2lnbmF0dXJl");
    const JwtInfo info = Jwt::decode(input);
    QVERIFY(info.isJwt);
    QCOMPARE(info.headerJson, Rs256Header);
    QCOMPARE(info.payloadJson, payload);
    QCOMPARE(info.payload.value(u"sub"_s).toString(), u"alice"_s);
    QCOMPARE(info.keyId, u"k1"_s);
    QCOMPARE(info.type, u"JWT"_s);
    QCOMPARE(info.signature, "signature"_ba);
    QCOMPARE(info.signingInput, input.section(u'.', 0, 1).toLatin1());
    QVERIFY(!info.isUnsigned());
    QVERIFY(info.warnings.isEmpty());
}

void tst_Jwt::encryptedTokenShowsItsHeader()
{
    const JwtInfo info = Jwt::decode(
        QString(seg(R"({"alg":"dir","enc":"A128GCM","kid":"enc-1"})") + u"..aXY.Y2lwaGVy.dGFn"_s));
    QVERIFY(!info.isJwt);
    QVERIFY(info.isEncrypted);
    QCOMPARE(info.header.value(u"enc"_s).toString(), u"A128GCM"_s);
    QCOMPARE(info.keyId, u"enc-1"_s);
    QVERIFY(info.payload.isEmpty());
    QVERIFY(info.notJwtReason.contains(u"cannot be read"_s)
            || info.notJwtReason.contains(u"only its header"_s));
}

void tst_Jwt::unsignedTokenIsFlagged()
{
    const JwtInfo info = Jwt::decode(token(R"({"alg":"none"})", R"({"sub":"mallory"})", ""));
    QVERIFY(info.isJwt);
    QVERIFY(info.isUnsigned());
    QVERIFY(info.signature.isEmpty());
    QVERIFY(info.warnings.join(u' ').contains(u"unsigned"_s));
}

void tst_Jwt::timeClaims_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QDateTime>("exp"); // invalid: absent or rejected
    QTest::addColumn<bool>("warned");

    QTest::newRow("integer") << QByteArray(R"({"exp":1700000000})") << utc(1700000000) << false;
    QTest::newRow("numeric string") << QByteArray(R"({"exp":"1700000000"})") << utc(1700000000) << false;
    QTest::newRow("fraction kept to the millisecond")
        << QByteArray(R"({"exp":1700000000.25})")
        << QDateTime::fromMSecsSinceEpoch(1700000000250, QTimeZone::utc()) << false;
    QTest::newRow("exponent notation") << QByteArray(R"({"exp":1.7e9})") << utc(1700000000) << false;
    QTest::newRow("absent") << QByteArray(R"({"sub":"x"})") << QDateTime() << false;
    QTest::newRow("negative") << QByteArray(R"({"exp":-5})") << QDateTime() << true;
    QTest::newRow("past year 9999") << QByteArray(R"({"exp":1e20})") << QDateTime() << true;
    QTest::newRow("in milliseconds by mistake, past 9999")
        << QByteArray(R"({"exp":1700000000000000})") << QDateTime() << true;
    QTest::newRow("words") << QByteArray(R"({"exp":"tomorrow"})") << QDateTime() << true;
    QTest::newRow("infinity as a string") << QByteArray(R"({"exp":"inf"})") << QDateTime() << true;
    QTest::newRow("boolean") << QByteArray(R"({"exp":true})") << QDateTime() << true;
    QTest::newRow("object") << QByteArray(R"({"exp":{"at":1}})") << QDateTime() << true;
}

void tst_Jwt::timeClaims()
{
    QFETCH(QByteArray, payload);
    QFETCH(QDateTime, exp);
    QFETCH(bool, warned);

    const JwtInfo info = Jwt::decode(token(Rs256Header, payload));
    QVERIFY2(info.isJwt, qPrintable(info.notJwtReason));
    QCOMPARE(info.exp.has_value(), exp.isValid());
    if (exp.isValid()) {
        QCOMPARE(*info.exp, exp);
        QCOMPARE(info.exp->offsetFromUtc(), 0);
    }
    QCOMPARE(info.warnings.join(u' ').contains(u"\u201cexp\u201d"_s), warned);
}

void tst_Jwt::describeTime()
{
    const QDateTime now = utc(1700000000);
    const QByteArray payload = R"({"iat":")" + QByteArray::number(1700000000 - 3 * 3600) + R"(","exp":)"
        + QByteArray::number(1700000000 + 29 * 60 + 30) + "}";
    const JwtInfo info = Jwt::decode(token(Rs256Header, payload));
    QVERIFY(info.iat && info.exp && !info.nbf);

    const QString format = u"yyyy-MM-dd HH:mm:ss"_s;
    QCOMPARE(info.describeTime(u"exp", now), info.exp->toLocalTime().toString(format) + u" (in 29 min)"_s);
    QCOMPARE(info.describeTime(u"iat", now), info.iat->toLocalTime().toString(format) + u" (3 h ago)"_s);
    QCOMPARE(info.describeTime(u"nbf", now), QString());
    QCOMPARE(info.describeTime(u"sub", now), QString());
}

void tst_Jwt::relativeTime_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("text");

    QTest::newRow("now") << qint64(0) << u"just now"_s;
    QTest::newRow("seconds ahead") << qint64(42) << u"in 42 s"_s;
    QTest::newRow("minutes ahead") << qint64(29 * 60 + 59) << u"in 29 min"_s;
    QTest::newRow("hours ago") << qint64(-3 * 3600 - 10) << u"3 h ago"_s;
    QTest::newRow("a day and a half ago") << qint64(-36 * 3600) << u"36 h ago"_s;
    QTest::newRow("days ahead") << qint64(10 * 86400) << u"in 10 days"_s;
}

void tst_Jwt::relativeTime()
{
    QFETCH(qint64, offset);
    QFETCH(QString, text);
    const QDateTime now = utc(1700000000);
    QCOMPARE(Jwt::relativeTime(now.addSecs(offset), now), text);
}

QTEST_GUILESS_MAIN(tst_Jwt)
#include "tst_jwt.moc"
