// The device authorization grant (RFC 8628) against oidc-provider, an independent server: the code
// asked for, confirmed by the test on the provider's own pages as a user on another device would
// (code confirmation, login, consent), the token endpoint polled until the token comes, and the token
// used at the UserInfo endpoint. Also Abort on the confirmation page (access_denied) and a public and a
// confidential client. The server's seconds last 100 ms here. Skipped when Node.js or the npm packages
// are missing.

#include "oauth/deviceflow.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrequest.h"
#include "shared/oidcprovider.h"
#include "tokencanaries.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using PosternTest::OidcHttp;
using PosternTest::OidcInteraction;
using PosternTest::OidcProvider;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

class tst_DeviceFlowOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInOnAnotherDevice_data();
    void signInOnAnotherDevice();
    void abortedOnTheConfirmationPage();
    void unknownClientRefused();
    void tokenRequestRunsTheDeviceFlow();

private:
    OAuth2Config config(const OidcProvider::Client &client) const;

    OidcProvider m_provider;
    QNetworkAccessManager m_network;
    TokenEndpointClient m_endpoint { &m_network };
};

void tst_DeviceFlowOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    qRegisterMetaType<DeviceCode>();
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
}

OAuth2Config tst_DeviceFlowOidc::config(const OidcProvider::Client &client) const
{
    OAuth2Config c;
    c.tokenName = u"Device token"_s;
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.clientId = client.id;
    c.clientSecret = client.secret;
    c.clientAuthentication = ClientAuthentication::BasicHeader;
    c.scope = u"openid offline_access"_s;
    return c;
}

void tst_DeviceFlowOidc::signInOnAnotherDevice_data()
{
    QTest::addColumn<bool>("confidential");
    QTest::newRow("public client") << false;
    QTest::newRow("confidential client, Basic") << true;
}

void tst_DeviceFlowOidc::signInOnAnotherDevice()
{
    QFETCH(bool, confidential);
    DeviceAuthorizationFlow flow(&m_endpoint);
    flow.setSecondLength(std::chrono::milliseconds(100));
    QSignalSpy codeReady(&flow, &DeviceFlow::codeReady);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    const OidcProvider::Client client
        = confidential ? OidcProvider::deviceBasicClient() : OidcProvider::deviceClient();
    QVERIFY(flow.start(config(client), m_provider.endpoint(u"/device/auth"_s).toString()));
    QVERIFY(codeReady.wait(10000));
    const DeviceCode code = codeReady.first().first().value<DeviceCode>();
    QVERIFY(!code.userCode.isEmpty());
    QCOMPARE(code.verificationUri, m_provider.endpoint(u"/device"_s));
    QVERIFY(code.verificationUriComplete.isValid());
    QVERIFY(code.expiresAt > QDateTime::currentDateTimeUtc());

    // Not yet confirmed: the flow keeps polling (authorization_pending) and has not finished.
    QTest::qWait(1200);
    QCOMPARE(finished.size(), 0);
    QVERIFY(flow.isRunning());

    OidcHttp browser;
    const OidcInteraction::Result page
        = OidcInteraction::confirmDevice(browser, code.verificationUriComplete, OidcInteraction::Options());
    QVERIFY2(page.ok(), qPrintable(page.error + u" / "_s + page.trace.join(u", "_s)));
    QCOMPARE(page.pages, QStringList({ u"device"_s, u"login"_s, u"consent"_s }));

    QVERIFY(finished.size() == 1 || finished.wait(15000));
    const OAuth2Result result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.grantType, u"device_code"_s);
    QVERIFY(!result.token.refreshToken.isEmpty()); // offline_access was granted
    QVERIFY(!result.token.idToken.isEmpty());
    // The token works where the provider checks it.
    const OidcHttp::Response me
        = browser.get(m_provider.endpoint(u"/me"_s),
                      { { "Authorization", "Bearer " + result.token.accessToken.toUtf8() } });
    QCOMPARE(me.status, 200);
    QCOMPARE(me.jsonString(u"sub"_s), u"alice"_s);
}

void tst_DeviceFlowOidc::abortedOnTheConfirmationPage()
{
    DeviceAuthorizationFlow flow(&m_endpoint);
    flow.setSecondLength(std::chrono::milliseconds(100));
    QSignalSpy codeReady(&flow, &DeviceFlow::codeReady);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    QVERIFY(
        flow.start(config(OidcProvider::deviceClient()), m_provider.endpoint(u"/device/auth"_s).toString()));
    QVERIFY(codeReady.wait(10000));
    const DeviceCode code = codeReady.first().first().value<DeviceCode>();
    OidcHttp browser;
    OidcInteraction::Options deny;
    deny.decision = OidcInteraction::Decision::Deny;
    const OidcInteraction::Result page
        = OidcInteraction::confirmDevice(browser, code.verificationUriComplete, deny);
    QVERIFY2(page.ok(), qPrintable(page.error + u" / "_s + page.trace.join(u", "_s)));
    QVERIFY(finished.size() == 1 || finished.wait(15000));
    const OAuth2Result result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QCOMPARE(result.failure, OAuth2Result::Failure::AccessDenied);
    QCOMPARE(result.error, u"access_denied"_s);
    QCOMPARE(result.message,
             u"The sign-in with the code %1 was denied. No token was stored."_s.arg(code.userCode));
}

void tst_DeviceFlowOidc::unknownClientRefused()
{
    DeviceAuthorizationFlow flow(&m_endpoint);
    QSignalSpy codeReady(&flow, &DeviceFlow::codeReady);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    // A client registered for the code grant only may not use this one; an unknown client not at all. The
    // server's reason is passed on.
    const struct
    {
        OidcProvider::Client client;
        ClientAuthentication authentication;
        QString error;
    } cases[] = {
        // oidc-provider: "invalid_request (HTTP 400): urn:ietf:params:oauth:grant-type:device_code is not
        // allowed for this client."
        { OidcProvider::webClient(), ClientAuthentication::Body, u"invalid_request"_s },
        { OidcProvider::Client { u"nobody"_s, QString() }, ClientAuthentication::Body, u"invalid_client"_s },
    };
    for (const auto &c : cases) {
        finished.clear();
        OAuth2Config refused = config(c.client);
        refused.clientAuthentication = c.authentication;
        QVERIFY(flow.start(refused, m_provider.endpoint(u"/device/auth"_s).toString()));
        QVERIFY(finished.wait(10000));
        const OAuth2Result result = Testing::recorded(finished.first().first().value<OAuth2Result>());
        QCOMPARE(result.failure, OAuth2Result::Failure::TokenEndpointError);
        QCOMPARE(result.error, c.error);
        QVERIFY2(result.message.startsWith(
                     u"The device authorization endpoint answered %1 (HTTP 4"_s.arg(c.error)),
                 qPrintable(result.message));
    }
    QCOMPARE(codeReady.size(), 0);
}

void tst_DeviceFlowOidc::tokenRequestRunsTheDeviceFlow()
{
    // What the Get New Access Token dialog and postern token get use: the grant picks the device flow,
    // the code is handed over to be shown, and the token comes once approved (at the server's own pace:
    // its interval is 5 seconds).
    TokenRequest request(&m_endpoint, nullptr);
    QSignalSpy started(&request, &TokenRequest::started);
    QSignalSpy codeReady(&request, &TokenRequest::deviceCodeReady);
    QSignalSpy finished(&request, &TokenRequest::finished);
    OAuth2Config c = config(OidcProvider::deviceClient());
    c.grantType = OAuth2GrantType::DeviceCode;
    c.deviceAuthorizationUrl = m_provider.endpoint(u"/device/auth"_s).toString();
    QVERIFY(request.start(c));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().value<TokenRequest::Flow>(), TokenRequest::Flow::Device);
    QVERIFY(codeReady.wait(10000));
    const DeviceCode code = codeReady.first().first().value<DeviceCode>();

    OidcHttp browser;
    const OidcInteraction::Result page
        = OidcInteraction::confirmDevice(browser, code.verificationUriComplete, OidcInteraction::Options());
    QVERIFY2(page.ok(), qPrintable(page.error));
    QVERIFY(finished.size() == 1 || finished.wait(20000));
    const OAuth2Result result = Testing::recorded(finished.first().first().value<OAuth2Result>());
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.grantType, u"device_code"_s);
    QVERIFY(!request.isRunning());

    // Without its endpoint the grant is refused before anything is sent.
    c.deviceAuthorizationUrl.clear();
    QVERIFY(!request.start(c));
    QCOMPARE(finished.size(), 2);
    QVERIFY(Testing::recorded(finished.last().first().value<OAuth2Result>())
                .message.contains(u"Device Authorization URL"_s));
}

QTEST_GUILESS_MAIN(tst_DeviceFlowOidc)
#include "tst_deviceflow_oidc.moc"
