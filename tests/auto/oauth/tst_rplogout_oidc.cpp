// RP-Initiated Logout (OpenID Connect RP-Initiated Logout 1.0) against oidc-provider: the sign-out URL
// Postern builds is taken by the provider, whose own confirmation page (answered as a person would)
// sends the browser back to the Callback URL with Postern's state; the provider's session is gone
// afterwards (prompt=none says login_required, not interaction_required). A redirect with another
// state or an error is not taken as a sign-out. Skipped when Node.js or the npm packages are missing.

#include "oauth/oauth2session.h"
#include "oauth/rplogout.h"
#include "shared/oidcprovider.h"
#include "tokencanaries.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using PosternTest::OidcHttp;
using PosternTest::OidcProvider;

Q_DECLARE_METATYPE(Postern::OAuth2Result)

class tst_RpLogoutOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signOutEndsTheSession();
    void redirectsThatAreNotASignOut_data();
    void redirectsThatAreNotASignOut();
    void nothingToStartFrom();

private:
    OAuth2Config config() const;
    QString promptNoneError(OidcHttp &http);

    OidcProvider m_provider;
};

void tst_RpLogoutOidc::initTestCase()
{
    qRegisterMetaType<OAuth2Result>();
    QString whyNot;
    if (!m_provider.start(&whyNot))
        QSKIP(qPrintable(u"OpenID provider unavailable: "_s + whyNot));
}

OAuth2Config tst_RpLogoutOidc::config() const
{
    const OidcProvider::Client web = OidcProvider::webClient();
    OAuth2Config c;
    c.tokenName = u"Sign out"_s;
    c.grantType = OAuth2GrantType::AuthorizationCodePkce;
    c.callbackUrl = OidcProvider::postmanRedirect().toString();
    c.authUrl = m_provider.endpoint(u"/auth"_s).toString();
    c.accessTokenUrl = m_provider.endpoint(u"/token"_s).toString();
    c.endSessionUrl = m_provider.endpoint(u"/session/end"_s).toString();
    c.clientId = web.id;
    c.clientSecret = web.secret;
    c.scope = u"openid"_s;
    return c;
}

QString tst_RpLogoutOidc::promptNoneError(OidcHttp &http)
{
    // A silent authorization tells whether the provider still has a session for these cookies.
    QUrl url = m_provider.endpoint(u"/auth"_s);
    url.setQuery(u"client_id=postern-web&response_type=code&scope=openid&prompt=none&redirect_uri="_s
                 + QString::fromLatin1(QUrl::toPercentEncoding(OidcProvider::postmanRedirect().toString())));
    OidcHttp::Response response = http.get(url);
    for (int hop = 0;
         hop < 5 && response.location.isValid() && response.location.host() == m_provider.issuer().host();
         ++hop)
        response = http.get(response.location);
    return response.locationQueryValue(u"error"_s);
}

void tst_RpLogoutOidc::signOutEndsTheSession()
{
    const OAuth2Config c = config();
    OAuth2Session session(c);
    QSignalSpy ready(&session, &OAuth2Session::authorizationUrlReady);
    QSignalSpy finished(&session, &OAuth2Session::finished);
    session.start();
    QVERIFY(!ready.isEmpty() || ready.wait());
    OidcHttp http; // the browser: its cookies are the provider's session
    const auto interaction = PosternTest::OidcInteraction::authorize(http, ready.first().first().toUrl());
    QVERIFY2(interaction.ok(), qPrintable(interaction.error));
    QVERIFY(session.handleRedirect(interaction.redirect));
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    const OAuth2Token token = Testing::recorded(finished.first().first().value<OAuth2Result>()).token;
    QVERIFY(!token.idToken.isEmpty());
    // Signed in: the provider wants an interaction (consent), not a login.
    const QString before = promptNoneError(http);
    QVERIFY2(!before.isEmpty() && before != u"login_required"_s, qPrintable(before));

    const RpLogout::Start start = RpLogout::begin(c, token);
    QVERIFY2(start.problem.isEmpty(), qPrintable(start.problem));
    QVERIFY(start.url.query().contains(u"id_token_hint="_s));
    // The provider's confirmation page, answered "yes" as a person would.
    const OidcHttp::Response page = http.get(start.url);
    QVERIFY2(page.status == 200, page.body.left(300).constData());
    const QRegularExpression xsrf(u"name=\"xsrf\" value=\"([^\"]+)\""_s);
    const QRegularExpression action(u"<form[^>]*action=\"([^\"]+)\""_s);
    const QString xsrfValue = xsrf.match(QString::fromUtf8(page.body)).captured(1);
    const QString target = action.match(QString::fromUtf8(page.body)).captured(1);
    QVERIFY2(!xsrfValue.isEmpty() && !target.isEmpty(), page.body.left(600).constData());
    const OidcHttp::Response confirmed = http.postForm(
        m_provider.issuer().resolved(QUrl(target)), { { u"xsrf"_s, xsrfValue }, { u"logout"_s, u"yes"_s } });
    QVERIFY2(confirmed.location.isValid(), confirmed.body.left(300).constData());
    QVERIFY(RpLogout::isReturn(c, confirmed.location));
    QCOMPARE(RpLogout::finish(confirmed.location, start.state), QString());
    // The provider's session is gone.
    QCOMPARE(promptNoneError(http), u"login_required"_s);
}

void tst_RpLogoutOidc::redirectsThatAreNotASignOut_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("said");
    QTest::newRow("another state") << u"state=someone-elses"_s << u"state"_s;
    QTest::newRow("no state") << QString() << u"state"_s;
    QTest::newRow("state twice") << u"state=s1&state=s1"_s << u"state"_s;
    QTest::newRow("an error") << u"error=access_denied&error_description=no&state=s1"_s << u"access_denied"_s;
}

void tst_RpLogoutOidc::redirectsThatAreNotASignOut()
{
    QFETCH(QString, query);
    QFETCH(QString, said);
    QUrl url = OidcProvider::postmanRedirect();
    url.setQuery(query);
    const QString problem = RpLogout::finish(url, u"s1"_s);
    QVERIFY2(problem.contains(said), qPrintable(problem));
}

void tst_RpLogoutOidc::nothingToStartFrom()
{
    OAuth2Config c = config();
    c.endSessionUrl.clear();
    QVERIFY(RpLogout::begin(c, OAuth2Token()).problem.contains(u"end_session_endpoint"_s));
    c = config();
    c.callbackUrl.clear();
    QVERIFY(RpLogout::begin(c, OAuth2Token()).problem.contains(u"Callback URL"_s));
    QVERIFY(!RpLogout::isReturn(config(), QUrl(u"https://oauth.pstmn.io/v1/callbackx"_s)));
    QVERIFY(!RpLogout::isReturn(config(), QUrl(u"https://evil.example/v1/callback"_s)));
}

QTEST_GUILESS_MAIN(tst_RpLogoutOidc)
#include "tst_rplogout_oidc.moc"
