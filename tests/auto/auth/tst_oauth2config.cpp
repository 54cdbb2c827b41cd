#include "auth/oauth2config.h"
#include "auth/oauth2token.h"
#include "auth/servicenow.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_OAuth2Config : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serviceNowPreset_data();
    void serviceNowPreset();
    void serviceNowAddresses_data();
    void serviceNowAddresses();
    void problems();
    void jsonLeavesSecretOut();
    void deviceGrantNeedsItsEndpoint();
    void extraParametersRoundTripAndChecks();
    void codeVerifier_data();
    void codeVerifier();
    void s256ChallengeMatchesRfc7636();
    void tokenFromResponse_data();
    void tokenFromResponse();
    void tokenMetadataHasNoSecret();
    void pkceMethodText_data();
    void pkceMethodText();
};

void tst_OAuth2Config::serviceNowPreset_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("authUrl");
    QTest::newRow("instance name") << u"dev12345"_s << u"https://dev12345.service-now.com/oauth_auth.do"_s;
    QTest::newRow("host") << u"dev12345.service-now.com"_s
                          << u"https://dev12345.service-now.com/oauth_auth.do"_s;
    QTest::newRow("URL with slash") << u"https://dev1.service-now.com/"_s
                                    << u"https://dev1.service-now.com/oauth_auth.do"_s;
    QTest::newRow("loopback sandbox")
        << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080/oauth_auth.do"_s;
}

void tst_OAuth2Config::serviceNowPreset()
{
    QFETCH(QString, input);
    QFETCH(QString, authUrl);
    const OAuth2Config c = OAuth2Config::forServiceNow(input);
    QCOMPARE(c.authUrl, authUrl);
    QCOMPARE(c.accessTokenUrl, authUrl.chopped(QStringView(u"oauth_auth.do").size()) + u"oauth_token.do"_s);
    QCOMPARE(c.clientAuthentication, ClientAuthentication::Body);
}

void tst_OAuth2Config::serviceNowAddresses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("root");
    QTest::newRow("instance name") << u"dev12345"_s << u"https://dev12345.service-now.com"_s;
    QTest::newRow("instance name with spaces") << u"  dev7 "_s << u"https://dev7.service-now.com"_s;
    QTest::newRow("host") << u"acme.service-now.com"_s << u"https://acme.service-now.com"_s;
    QTest::newRow("URL with slashes")
        << u"https://dev1.service-now.com//"_s << u"https://dev1.service-now.com"_s;
    QTest::newRow("loopback sandbox") << u"http://127.0.0.1:8080/"_s << u"http://127.0.0.1:8080"_s;
}

void tst_OAuth2Config::serviceNowAddresses()
{
    QFETCH(QString, input);
    QFETCH(QString, root);
    QCOMPARE(ServiceNow::instanceRoot(input), root);
    // The paths as ServiceNow's documentation gives them.
    QCOMPARE(ServiceNow::authorizePath(), u"/oauth_auth.do"_s);
    QCOMPARE(ServiceNow::tokenPath(), u"/oauth_token.do"_s);
    QCOMPARE(ServiceNow::revokePath(), u"/oauth_revoke_token.do"_s);
    QCOMPARE(ServiceNow::tablePath(), u"/api/now/table/"_s);
    const OAuth2Config preset = OAuth2Config::forServiceNow(input);
    QCOMPARE(preset.authUrl, root + u"/oauth_auth.do"_s);
    QCOMPARE(preset.accessTokenUrl, root + u"/oauth_token.do"_s);
    QCOMPARE(preset.revokeUrl, root + u"/oauth_revoke_token.do"_s);
}

void tst_OAuth2Config::problems()
{
    OAuth2Config c = OAuth2Config::forServiceNow(u"dev1"_s);
    c.tokenName = u"t"_s;
    c.callbackUrl = u"https://oauth.pstmn.io/v1/callback"_s;
    c.clientId = u"id"_s;
    QVERIFY(c.problems().isEmpty());
    c.callbackUrl = u"com.example.app:/oauth"_s; // a custom scheme, RFC 8252 §7.1
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u' ')));
    c.state = u"bad\nstate"_s;
    c.authUrl = u"https://x/#frag"_s;
    const QStringList problems = c.problems();
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.at(0).contains(u"fragment"_s));
    QVERIFY(problems.at(1).contains(u"State"_s));
}

void tst_OAuth2Config::deviceGrantNeedsItsEndpoint()
{
    OAuth2Config c;
    c.tokenName = u"t"_s;
    c.clientId = u"id"_s;
    c.grantType = OAuth2GrantType::DeviceCode;
    c.accessTokenUrl = u"https://as.example/token"_s;
    QVERIFY(!c.usesBrowser());
    QVERIFY(c.needsPerson());
    // No callback or Auth URL is asked for; the device authorization endpoint is.
    QCOMPARE(c.problems(), QStringList { u"Device Authorization URL is empty."_s });
    c.deviceAuthorizationUrl = u"ftp://as.example/device"_s;
    QCOMPARE(c.problems(), QStringList { u"Device Authorization URL must use http or https."_s });
    c.deviceAuthorizationUrl = u"https://as.example/device"_s;
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u' ')));

    const OAuth2Config back = OAuth2Config::fromJson(c.toJson());
    QCOMPARE(back.grantType, OAuth2GrantType::DeviceCode);
    QCOMPARE(back.deviceAuthorizationUrl, c.deviceAuthorizationUrl);
    QCOMPARE(grantTypeKey(OAuth2GrantType::DeviceCode), u"device_code"_s);
    QCOMPARE(grantTypeFromKey(u"device_code"_s), OAuth2GrantType::DeviceCode);
}

void tst_OAuth2Config::jsonLeavesSecretOut()
{
    OAuth2Config c = OAuth2Config::forServiceNow(u"dev1"_s);
    c.clientSecret = u"canary-secret-123"_s;
    c.clientAuthentication = ClientAuthentication::BasicHeader;
    const QByteArray json = QJsonDocument(c.toJson()).toJson();
    QVERIFY(!json.contains("canary-secret-123"));
    const OAuth2Config back = OAuth2Config::fromJson(c.toJson(OAuth2Config::Secrets::Include));
    QCOMPARE(back.clientSecret, c.clientSecret);
    QCOMPARE(back.clientAuthentication, ClientAuthentication::BasicHeader);
    QCOMPARE(back.authUrl, c.authUrl);

    // private_key_jwt: the key file's place is kept, its passphrase is not (a {{variable}} is).
    c.clientAuthentication = ClientAuthentication::PrivateKeyJwt;
    c.clientKeyFile = u"/home/me/keys/client.p12"_s;
    c.clientKeyPassphrase = u"canary-passphrase-456"_s;
    c.clientKeyId = u"k1"_s;
    c.clientAssertionAlgorithm = u"PS256"_s;
    const QByteArray keyJson = QJsonDocument(c.toJson()).toJson();
    QVERIFY(!keyJson.contains("canary-passphrase-456"));
    const OAuth2Config keyBack = OAuth2Config::fromJson(c.toJson());
    QCOMPARE(keyBack.clientAuthentication, ClientAuthentication::PrivateKeyJwt);
    QCOMPARE(keyBack.clientKeyFile, c.clientKeyFile);
    QCOMPARE(keyBack.clientKeyId, u"k1"_s);
    QCOMPARE(keyBack.clientAssertionAlgorithm, u"PS256"_s);
    QVERIFY(keyBack.clientKeyPassphrase.isEmpty());
    QCOMPARE(OAuth2Config::fromJson(c.toJson(OAuth2Config::Secrets::Include)).clientKeyPassphrase,
             c.clientKeyPassphrase);
    c.clientKeyPassphrase = u"{{keyPassphrase}}"_s;
    QCOMPARE(OAuth2Config::fromJson(c.toJson()).clientKeyPassphrase, u"{{keyPassphrase}}"_s);
    c.clientKeyFile.clear();
    QVERIFY(c.problems().join(u' ').contains(u"Private Key File is empty"_s));
    c.clientAssertionAlgorithm = u"none"_s;
    QVERIFY(c.problems().join(u' ').contains(u"Signing Algorithm must be RS256, PS256 or ES256"_s));
}

void tst_OAuth2Config::extraParametersRoundTripAndChecks()
{
    using Extra = OAuth2ExtraParameter;
    OAuth2Config c = OAuth2Config::forServiceNow(u"dev1"_s);
    c.tokenName = u"t"_s;
    c.callbackUrl = u"https://oauth.pstmn.io/v1/callback"_s;
    c.clientId = u"id"_s;
    c.audience = u"aud"_s;
    c.resource = u"res"_s;
    c.extraParameters = { { u"a"_s, u"1"_s, Extra::Stage::Authorization, Extra::Placement::Query },
                          { u"X-H"_s, u"2"_s, Extra::Stage::Refresh, Extra::Placement::Header } };
    const OAuth2Config back = OAuth2Config::fromJson(c.toJson());
    QCOMPARE(back.extraParameters, c.extraParameters);
    QCOMPARE(back.audience, u"aud"_s);
    QCOMPARE(back.resource, u"res"_s);
    QVERIFY(c.problems().isEmpty());
    // audience goes with the authorization and token requests, resource with all three (RFC 8707).
    QCOMPARE(c.extraFor(Extra::Stage::Refresh, Extra::Placement::Body),
             (FormFields { { u"resource"_s, u"res"_s } }));
    QCOMPARE(c.extraFor(Extra::Stage::Refresh, Extra::Placement::Header),
             (FormFields { { u"X-H"_s, u"2"_s } }));
    QCOMPARE(c.extraFor(Extra::Stage::Authorization).size(), 3);
    // A header extra that would break the request is reported before anything is sent.
    c.extraParameters.append({ u"Bad Name"_s, u"x\r\ny"_s, Extra::Stage::Token, Extra::Placement::Header });
    QCOMPARE(c.problems().size(), 2);
}

void tst_OAuth2Config::codeVerifier_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("43 characters") << QString(43, u'a') << true;
    QTest::newRow("128 characters") << QString(128, u'Z') << true;
    QTest::newRow("every allowed symbol") << u"abcXYZ019-._~"_s + QString(30, u'x') << true;
    QTest::newRow("42 characters") << QString(42, u'a') << false;
    QTest::newRow("129 characters") << QString(129, u'a') << false;
    QTest::newRow("a plus sign") << u"+"_s + QString(50, u'a') << false;
    QTest::newRow("a space") << u" "_s + QString(50, u'a') << false;
    QTest::newRow("non-ASCII") << u"\u00e9"_s + QString(50, u'a') << false;
}

void tst_OAuth2Config::codeVerifier()
{
    QFETCH(QString, verifier);
    QFETCH(bool, valid);
    QCOMPARE(OAuth2Config::codeVerifierProblem(verifier).isEmpty(), valid);
    OAuth2Config c = OAuth2Config::forServiceNow(u"dev1"_s);
    c.tokenName = u"t"_s;
    c.callbackUrl = u"https://oauth.pstmn.io/v1/callback"_s;
    c.clientId = u"id"_s;
    c.grantType = OAuth2GrantType::AuthorizationCodePkce;
    c.codeVerifier = verifier;
    QCOMPARE(c.problems().isEmpty(), valid);
}

void tst_OAuth2Config::s256ChallengeMatchesRfc7636()
{
    // RFC 7636 Appendix B.
    QCOMPARE(OAuth2Config::codeChallenge(u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s, PkceMethod::S256),
             u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
    QSet<QString> verifiers;
    for (int i = 0; i < 20; ++i) {
        const QString v = OAuth2Config::generateCodeVerifier();
        QVERIFY(OAuth2Config::codeVerifierProblem(v).isEmpty());
        verifiers.insert(v);
    }
    QCOMPARE(verifiers.size(), 20);
}

void tst_OAuth2Config::tokenFromResponse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("expiresIn"); // -1: no expiry
    QTest::newRow("servicenow")
        << R"({"scope":"useraccount","token_type":"Bearer","expires_in":1799,"refresh_token":"r","access_token":"a"})"_ba
        << qint64(1799);
    QTest::newRow("expires_in as string")
        << R"({"access_token":"a","token_type":"Bearer","expires_in":"3600"})"_ba << qint64(3600);
    QTest::newRow("no expires_in") << R"({"access_token":"a","token_type":"Bearer"})"_ba << qint64(-1);
    QTest::newRow("negative expires_in ignored")
        << R"({"access_token":"a","token_type":"Bearer","expires_in":-5})"_ba << qint64(-1);
    QTest::newRow("zero expires_in: expired at once")
        << R"({"access_token":"a","token_type":"Bearer","expires_in":0})"_ba << qint64(0);
    QTest::newRow("huge expires_in ignored")
        << R"({"access_token":"a","token_type":"Bearer","expires_in":1e300})"_ba << qint64(-1);
    QTest::newRow("junk expires_in ignored")
        << R"({"access_token":"a","token_type":"Bearer","expires_in":"soon"})"_ba << qint64(-1);
}

void tst_OAuth2Config::tokenFromResponse()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, expiresIn);
    const QDateTime received = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    QString error;
    const OAuth2Token token
        = OAuth2Token::fromResponse(QJsonDocument::fromJson(json).object(), received, &error);
    QVERIFY(token.isValid());
    QCOMPARE(token.obtainedAt, received);
    if (expiresIn < 0) {
        QVERIFY(!token.hasExpiry());
    } else {
        QCOMPARE(token.expiresAt, received.addSecs(expiresIn));
        QCOMPARE(token.isExpired(received.addSecs(expiresIn)), true);
    }
    QCOMPARE(token.raw, QJsonDocument::fromJson(json).object());
}

void tst_OAuth2Config::tokenMetadataHasNoSecret()
{
    QString error;
    OAuth2Token token = OAuth2Token::fromResponse(
        QJsonDocument::fromJson(
            R"({"access_token":"canary-access","refresh_token":"canary-refresh","id_token":"canary-id","token_type":"Bearer","expires_in":60,"custom":"x"})")
            .object(),
        QDateTime::currentDateTimeUtc(), &error);
    token.name = u"n"_s;
    const QByteArray metadata = QJsonDocument(token.metadataJson()).toJson();
    QVERIFY(!metadata.contains("canary"));
    OAuth2Token back = OAuth2Token::fromMetadataJson(token.metadataJson());
    QVERIFY(back.setSecretsFromBlob(token.secretsBlob()));
    QCOMPARE(back.accessToken, u"canary-access"_s);
    QCOMPARE(back.refreshToken, u"canary-refresh"_s);
    QCOMPARE(back.raw.value(u"custom"_s).toString(), u"x"_s);
    QCOMPARE(back.expiresAt, token.expiresAt);
    QVERIFY(!back.setSecretsFromBlob("not json"));
}

void tst_OAuth2Config::pkceMethodText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("methodNumber");
    QTest::addColumn<QString>("written");
    QTest::newRow("s256") << u"S256"_s << int(PkceMethod::S256) << u"S256"_s;
    QTest::newRow("plain") << u"plain"_s << int(PkceMethod::Plain) << u"plain"_s;
    // Only the exact word asks for the weaker method; anything else is the one every server should offer.
    QTest::newRow("plain in capitals reads as S256") << u"PLAIN"_s << int(PkceMethod::S256) << u"S256"_s;
    QTest::newRow("empty reads as S256") << QString() << int(PkceMethod::S256) << u"S256"_s;
    QTest::newRow("unknown reads as S256") << u"S512"_s << int(PkceMethod::S256) << u"S256"_s;
}

void tst_OAuth2Config::pkceMethodText()
{
    QFETCH(QString, text);
    QFETCH(int, methodNumber);
    QFETCH(QString, written);
    const auto method = PkceMethod(methodNumber);
    QCOMPARE(pkceMethodFromText(text), method);
    QCOMPARE(Postern::pkceMethodText(method), written);
    QCOMPARE(pkceMethodFromText(Postern::pkceMethodText(method)), method);

    // The configuration's file form says the same word.
    OAuth2Config config;
    config.pkceMethod = method;
    QCOMPARE(config.toJson().value(u"codeChallengeMethod"_s).toString(), written);
    QCOMPARE(OAuth2Config::fromJson(QJsonObject { { u"codeChallengeMethod"_s, text } }).pkceMethod, method);
}

QTEST_GUILESS_MAIN(tst_OAuth2Config)
#include "tst_oauth2config.moc"
