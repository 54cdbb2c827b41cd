#include "oauthfixture.h"
#include "sandbox/oauthstore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern::Sandbox;
using namespace SandboxTest;
using Postern::FormFields;
namespace Form = Postern::FormUrlEncoded;

// The sign-in pages against a hostile web page or client: the login form's token against forged posts,
// pages that refuse to be framed, and pending authorizations bounded in bytes.
class tst_SandboxSignIn : public QObject, protected OAuthFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }
    void cleanup() { stopServer(); }

    void loginFormNeedsItsToken_data();
    void loginFormNeedsItsToken();
    void pagesRefuseFraming();
    void pendingAuthorizationsBoundedInBytes();
};

void tst_SandboxSignIn::loginFormNeedsItsToken_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("noToken") << u"none"_s;
    QTest::newRow("wrongToken") << u"wrong"_s;
    QTest::newRow("tokenFromAnotherBrowser") << u"otherBrowser"_s;
    QTest::newRow("tokenUsedTwice") << u"reused"_s;
}

void tst_SandboxSignIn::loginFormNeedsItsToken()
{
    // A form posted from elsewhere (another site, a stale page) must not sign anyone in.
    QFETCH(QString, scenario);
    SandboxHttp browser(m_server->baseUrl());
    const auto authorize = browser.get(withQuery(u"/oauth_auth.do"_s, codeParameters()));
    const QString id = SandboxHttp::requestId(authorize);
    const auto form = browser.get(u"/oauth_login.do?request="_s + id);
    QString token = SandboxHttp::formToken(form);
    QVERIFY(token.size() >= 32);
    QVERIFY(form.header("Set-Cookie").contains("SameSite=Strict"));

    SandboxHttp other(m_server->baseUrl());
    SandboxHttp *poster = &browser;
    if (scenario == u"none")
        token.clear();
    else if (scenario == u"wrong")
        token = QString::fromLatin1(OAuthStore::randomToken(24));
    else if (scenario == u"otherBrowser")
        poster = &other;
    auto post = [&](SandboxHttp *who) {
        FormFields fields
            = { { u"request"_s, id }, { u"user_name"_s, u"admin"_s }, { u"user_password"_s, u"admin"_s } };
        if (!token.isEmpty())
            fields.append({ u"sysparm_ck"_s, token });
        return who->post(u"/oauth_login.do"_s, Form::encode(fields));
    };
    if (scenario == u"reused")
        QCOMPARE(post(poster).status, 302);
    const auto refused = post(poster);
    QCOMPARE(refused.status, 403);
    QVERIFY(refused.header("Set-Cookie").isEmpty());
    QVERIFY(refused.body.contains("Sign-in form expired"));
    QVERIFY(refused.body.contains("reload the page and sign in again"));
}

void tst_SandboxSignIn::pagesRefuseFraming()
{
    SandboxHttp browser(m_server->baseUrl());
    const auto authorize = browser.get(withQuery(u"/oauth_auth.do"_s, codeParameters()));
    const QString id = SandboxHttp::requestId(authorize);
    const auto login = browser.get(u"/oauth_login.do?request="_s + id);
    const auto signedIn = browser.post(u"/oauth_login.do"_s,
                                       Form::encode({ { u"request"_s, id },
                                                      { u"sysparm_ck"_s, SandboxHttp::formToken(login) },
                                                      { u"user_name"_s, u"admin"_s },
                                                      { u"user_password"_s, u"admin"_s } }));
    QCOMPARE(signedIn.status, 302);
    const auto consent = browser.get(u"/oauth_consent.do?request="_s + id);
    QCOMPARE(consent.status, 200);
    const auto error = browser.get(u"/oauth_auth.do?client_id=nobody"_s);
    QCOMPARE(error.status, 400);
    for (const auto *page : { &login, &consent, &error }) {
        QCOMPARE(page->header("X-Frame-Options"), "DENY"_ba);
        QCOMPARE(page->header("Content-Security-Policy"), "frame-ancestors 'none'"_ba);
    }
}

void tst_SandboxSignIn::pendingAuthorizationsBoundedInBytes()
{
    // Each pending authorization keeps what the client sent; many of the largest accepted must not
    // add up to more than the store's budget.
    OAuthStore store;
    for (int i = 0; i < 5000; ++i) {
        OAuthStore::PendingAuthorization pending;
        pending.clientId = u"postern"_s;
        pending.responseType = u"code"_s;
        pending.redirectUri = postmanCallback;
        pending.state = u"s"_s.repeated(2048);
        pending.scope = u"useraccount"_s;
        store.addPending(pending);
    }
    QVERIFY2(store.pendingBytes() <= OAuthStore::maxPendingBytes,
             qPrintable(QString::number(store.pendingBytes())));
    QVERIFY(store.pendingCount() < 5000);
    QVERIFY(store.pendingCount() > 500); // ordinary use still has room

    // Over HTTP: the newest stays usable however many came before.
    const QString state = u"s"_s.repeated(2048);
    FormFields parameters = codeParameters();
    parameters.removeIf([](const auto &field) { return field.first == u"state"_s; });
    parameters.append({ u"state"_s, state });
    for (int i = 0; i < 1200; ++i)
        QCOMPARE(m_http->get(withQuery(u"/oauth_auth.do"_s, parameters)).status, 302);
    SandboxHttp browser(m_server->baseUrl());
    QUrl location;
    authorizeAndAnswer(browser, parameters, true, &location);
    QCOMPARE(Form::value(Form::parse(location.query(QUrl::FullyEncoded).toLatin1()), u"state"_s), state);
}

QTEST_GUILESS_MAIN(tst_SandboxSignIn)
#include "tst_sandboxsignin.moc"
