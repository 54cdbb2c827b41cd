#include "shared/testhttpserver.h"
#include "tokentools/discovery.h"
#include "tokentools/jwksfetcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::DiscoveryResult)
Q_DECLARE_METATYPE(Postern::JwksResult)

namespace {

// What a result says to the user: its summary, or why it failed.
template<typename Result> QString said(const Result &result)
{
    return result.ok() ? result.message : result.error;
}

using Reply = TestHttpServer::Reply;

// Sends requests for https://idp.example to the loopback test server over plain http, so that the
// rules for https issuers can be exercised without TLS.
class RedirectingNetworkAccessManager : public QNetworkAccessManager
{
public:
    explicit RedirectingNetworkAccessManager(QUrl target)
        : m_target(std::move(target))
    {
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &original, QIODevice *data) override
    {
        QNetworkRequest request = original;
        QUrl url = request.url();
        if (url.host() == u"idp.example"_s) {
            url.setScheme(m_target.scheme());
            url.setHost(m_target.host());
            url.setPort(m_target.port());
            request.setUrl(url);
        }
        return QNetworkAccessManager::createRequest(op, request, data);
    }

private:
    QUrl m_target;
};

// A complete metadata document for issuer, with fields replaced (or removed when null) by changes.
QJsonObject metadata(const QString &issuer, const QJsonObject &changes = {})
{
    QJsonObject document {
        { u"issuer"_s, issuer },
        { u"authorization_endpoint"_s, QString(issuer + u"/authorize"_s) },
        { u"token_endpoint"_s, QString(issuer + u"/token"_s) },
        { u"revocation_endpoint"_s, QString(issuer + u"/revoke"_s) },
        { u"userinfo_endpoint"_s, QString(issuer + u"/userinfo"_s) },
        { u"jwks_uri"_s, QString(issuer + u"/jwks"_s) },
        { u"response_types_supported"_s, QJsonArray { u"code"_s } },
        { u"grant_types_supported"_s, QJsonArray { u"authorization_code"_s, u"refresh_token"_s } },
        { u"code_challenge_methods_supported"_s, QJsonArray { u"S256"_s } },
        { u"token_endpoint_auth_methods_supported"_s,
          QJsonArray { u"client_secret_basic"_s, u"client_secret_post"_s } },
        { u"scopes_supported"_s, QJsonArray { u"openid"_s, u"profile"_s } },
        { u"authorization_response_iss_parameter_supported"_s, true },
    };
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            document.remove(it.key());
        else
            document.insert(it.key(), it.value());
    }
    return document;
}

Reply json(const QJsonObject &object)
{
    Reply reply;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

Reply status(int code)
{
    Reply reply;
    reply.status = code;
    reply.reason = code == 404 ? "Not Found" : "Error";
    reply.headers = { { "Content-Type", "text/html" } };
    reply.body = "<html><body>Nope</body></html>";
    return reply;
}

// What the server answers for a scenario: the OIDC path and the RFC 8414 path separately.
enum class Where { Both, OidcOnly, OAuthOnly };

} // namespace

Q_DECLARE_METATYPE(TestHttpServer::Reply)
Q_DECLARE_METATYPE(Where)
Q_DECLARE_METATYPE(Postern::ClientAuthentication)

// Discovery and JwksFetcher against a loopback server that answers every way a server can get it
// wrong; the rules for https issuers through a manager that maps https://idp.example to it.
class tst_Discovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void plan_data();
    void plan();

    void answers_data();
    void answers();
    void pathInsertion();
    void timeout();
    void cancel();
    void badInputFinishesLater();
    void httpsIssuer_data();
    void httpsIssuer();

    void applyTo_data();
    void applyTo();

    void jwks_data();
    void jwks();
    void jwksCache();

private:
    DiscoveryResult run(Discovery &discovery, const QString &issuer);

    std::unique_ptr<TestHttpServer> m_server;
    QNetworkAccessManager m_network;
};

void tst_Discovery::initTestCase()
{
    qRegisterMetaType<DiscoveryResult>();
    qRegisterMetaType<JwksResult>();
}

void tst_Discovery::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
}

void tst_Discovery::cleanup()
{
    m_server.reset();
}

DiscoveryResult tst_Discovery::run(Discovery &discovery, const QString &issuer)
{
    QSignalSpy spy(&discovery, &Discovery::finished);
    discovery.discover(issuer);
    spy.wait(10000);
    if (spy.size() != 1) {
        DiscoveryResult failed;
        failed.error = u"test: finished() emitted %1 times"_s.arg(spy.size());
        return failed;
    }
    return spy.constFirst().constFirst().value<DiscoveryResult>();
}

void tst_Discovery::plan_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<bool>("error");

    QTest::newRow("host only")
        << u"https://idp.example"_s << u"https://idp.example"_s
        << QStringList { u"https://idp.example/.well-known/openid-configuration"_s,
                         u"https://idp.example/.well-known/oauth-authorization-server"_s }
        << false;
    QTest::newRow("host with trailing slash")
        << u"https://idp.example/"_s << u"https://idp.example/"_s
        << QStringList { u"https://idp.example/.well-known/openid-configuration"_s,
                         u"https://idp.example/.well-known/oauth-authorization-server"_s }
        << false;
    QTest::newRow("issuer with a path: appended, then inserted (RFC 8414 \u00a73.1)")
        << u"https://idp.example/realms/main"_s << u"https://idp.example/realms/main"_s
        << QStringList { u"https://idp.example/realms/main/.well-known/openid-configuration"_s,
                         u"https://idp.example/.well-known/oauth-authorization-server/realms/main"_s }
        << false;
    QTest::newRow("path with trailing slash")
        << u"https://idp.example:8443/t1/"_s << u"https://idp.example:8443/t1/"_s
        << QStringList { u"https://idp.example:8443/t1/.well-known/openid-configuration"_s,
                         u"https://idp.example:8443/.well-known/oauth-authorization-server/t1"_s }
        << false;
    QTest::newRow("OIDC metadata URL pasted")
        << u" https://idp.example/t1/.well-known/openid-configuration "_s << u"https://idp.example/t1"_s
        << QStringList { u"https://idp.example/t1/.well-known/openid-configuration"_s } << false;
    QTest::newRow("RFC 8414 metadata URL pasted")
        << u"https://idp.example/.well-known/oauth-authorization-server/t1"_s << u"https://idp.example/t1"_s
        << QStringList { u"https://idp.example/.well-known/oauth-authorization-server/t1"_s } << false;
    QTest::newRow("empty") << QString() << QString() << QStringList() << true;
    QTest::newRow("no scheme") << u"idp.example"_s << u"idp.example"_s << QStringList() << true;
    QTest::newRow("ftp") << u"ftp://idp.example"_s << u"ftp://idp.example"_s << QStringList() << true;
    QTest::newRow("query") << u"https://idp.example/?tenant=1"_s << u"https://idp.example/?tenant=1"_s
                           << QStringList() << true;
    QTest::newRow("fragment") << u"https://idp.example/#x"_s << u"https://idp.example/#x"_s << QStringList()
                              << true;
    QTest::newRow("user info") << u"https://me:pw@idp.example"_s << u"https://me:pw@idp.example"_s
                               << QStringList() << true;
}

void tst_Discovery::plan()
{
    QFETCH(QString, input);
    QFETCH(QString, issuer);
    QFETCH(QStringList, urls);
    QFETCH(bool, error);

    const Discovery::Plan plan = Discovery::plan(input);
    QCOMPARE(!plan.error.isEmpty(), error);
    if (error)
        return;
    QCOMPARE(plan.issuer, issuer);
    QStringList actual;
    for (const QUrl &url : plan.urls)
        actual << url.toString();
    QCOMPARE(actual, urls);
}

void tst_Discovery::answers_data()
{
    QTest::addColumn<Where>("where");
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message"); // a part of the message
    QTest::addColumn<int>("requests");

    // The issuer is filled in by the test: "ISSUER" in JSON texts stands for it.
    const QString issuer = u"ISSUER"_s;
    const auto doc = [&issuer](const QJsonObject &changes = {}) {
        return json(metadata(issuer, changes));
    };

    QTest::newRow("openid-configuration") << Where::OidcOnly << doc() << true << u"Found"_s << 1;
    QTest::newRow("only RFC 8414's oauth-authorization-server")
        << Where::OAuthOnly << doc() << true << u"Found"_s << 2;
    QTest::newRow("neither exists") << Where::OidcOnly << status(404) << false << u"HTTP 404"_s << 2;
    QTest::newRow("server error on both") << Where::Both << status(500) << false << u"HTTP 500"_s << 2;
    {
        Reply html;
        html.headers = { { "Content-Type", "text/html" } };
        html.body = "<!doctype html><html><body>Welcome to our app</body></html>";
        QTest::newRow("HTML page with status 200") << Where::Both << html << false << u"HTML"_s << 2;
    }
    {
        Reply text;
        text.headers = { { "Content-Type", "text/plain" } };
        text.body = "issuer = ISSUER";
        QTest::newRow("not JSON") << Where::Both << text << false << u"not JSON"_s << 2;
    }
    {
        Reply array;
        array.body = "[1,2,3]";
        QTest::newRow("JSON array") << Where::Both << array << false << u"not an object"_s << 2;
    }
    QTest::newRow("no issuer") << Where::Both << doc({ { u"issuer"_s, QJsonValue::Null } }) << false
                               << u"no \u201cissuer\u201d"_s << 1;
    QTest::newRow("issuer of another server")
        << Where::Both << doc({ { u"issuer"_s, u"https://evil.example"_s } }) << false
        << u"must match exactly"_s << 1;
    QTest::newRow("issuer differs by a trailing slash")
        << Where::Both << doc({ { u"issuer"_s, u"ISSUER/"_s } }) << false << u"trailing slash"_s << 1;
    QTest::newRow("issuer is a number")
        << Where::Both << doc({ { u"issuer"_s, 42 } }) << false << u"no \u201cissuer\u201d"_s << 1;
    QTest::newRow("no token endpoint") << Where::Both << doc({ { u"token_endpoint"_s, QJsonValue::Null } })
                                       << false << u"token_endpoint"_s << 1;
    QTest::newRow("no authorization endpoint")
        << Where::Both << doc({ { u"authorization_endpoint"_s, QJsonValue::Null } }) << false
        << u"authorization_endpoint"_s << 1;
    QTest::newRow("no authorization endpoint, client credentials only")
        << Where::Both
        << doc({ { u"authorization_endpoint"_s, QJsonValue::Null },
                 { u"grant_types_supported"_s, QJsonArray { u"client_credentials"_s } } })
        << true << u"Found"_s << 1;
    QTest::newRow("endpoint is not a URL")
        << Where::Both << doc({ { u"token_endpoint"_s, u"/token"_s } }) << false << u"not an absolute"_s << 1;
    QTest::newRow("endpoint is a number")
        << Where::Both << doc({ { u"userinfo_endpoint"_s, 7 } }) << false << u"not a string"_s << 1;
    QTest::newRow("endpoint with a fragment")
        << Where::Both << doc({ { u"token_endpoint"_s, u"ISSUER/token#x"_s } }) << false << u"fragment"_s
        << 1;
    QTest::newRow("javascript endpoint")
        << Where::Both << doc({ { u"authorization_endpoint"_s, u"javascript:alert(1)"_s } }) << false
        << u"not an absolute"_s << 1;
    QTest::newRow("scopes not a list")
        << Where::Both << doc({ { u"scopes_supported"_s, u"openid profile"_s } }) << false
        << u"scopes_supported"_s << 1;
    QTest::newRow("auth methods list holding a number")
        << Where::Both << doc({ { u"token_endpoint_auth_methods_supported"_s, QJsonArray { 1 } } }) << false
        << u"token_endpoint_auth_methods_supported"_s << 1;
    {
        Reply huge;
        huge.body = "{\"issuer\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}";
        QTest::newRow("body over 1 MiB") << Where::Both << huge << false << u"larger than 1 MiB"_s << 1;
    }
    {
        Reply empty;
        empty.body = QByteArray();
        QTest::newRow("empty body") << Where::Both << empty << false << u"empty"_s << 2;
    }
}

void tst_Discovery::answers()
{
    QFETCH(Where, where);
    QFETCH(Reply, reply);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    QFETCH(int, requests);

    const QString issuer = m_server->url().toString();
    reply.body.replace("ISSUER", issuer.toUtf8());
    m_server->setHandler([reply, where](const TestHttpServer::Request &request) {
        const bool oidc = request.target.startsWith("/.well-known/openid-configuration");
        const bool oauth = request.target.startsWith("/.well-known/oauth-authorization-server");
        if ((oidc && where != Where::OAuthOnly) || (oauth && where != Where::OidcOnly))
            return reply;
        return status(404);
    });

    Discovery discovery(&m_network);
    const DiscoveryResult result = run(discovery, issuer);
    QVERIFY2(result.ok() == ok, qPrintable(said(result)));
    QVERIFY2(said(result).contains(message), qPrintable(said(result)));
    QCOMPARE(m_server->requests().size(), requests);
    QCOMPARE(result.attempts.size(), requests);
    QCOMPARE(m_server->requests().constFirst().target, "/.well-known/openid-configuration"_ba);
    QCOMPARE(m_server->requests().constFirst().header("Accept"), "application/json"_ba);
    QCOMPARE(result.requestedIssuer, issuer);
    if (!ok) {
        QVERIFY(result.tokenEndpoint.isEmpty() || !result.ok());
        return;
    }
    QCOMPARE(result.issuer, issuer);
    QCOMPARE(result.tokenEndpoint, issuer + u"/token"_s);
    QCOMPARE(result.jwksUri, issuer + u"/jwks"_s);
    QCOMPARE(result.metadataUrl.path(),
             requests == 1 ? u"/.well-known/openid-configuration"_s
                           : u"/.well-known/oauth-authorization-server"_s);
    QVERIFY(!result.rawJson.isEmpty());
}

void tst_Discovery::pathInsertion()
{
    const QString issuer = m_server->url(u"/tenants/a"_s).toString();
    m_server->setHandler([issuer](const TestHttpServer::Request &request) {
        if (request.target == "/.well-known/oauth-authorization-server/tenants/a")
            return json(metadata(issuer));
        return status(404);
    });
    Discovery discovery(&m_network);
    const DiscoveryResult result = run(discovery, issuer);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).target, "/tenants/a/.well-known/openid-configuration"_ba);
    QCOMPARE(m_server->requests().at(1).target, "/.well-known/oauth-authorization-server/tenants/a"_ba);
    QCOMPARE(result.authorizationEndpoint, issuer + u"/authorize"_s);
    QVERIFY(result.authorizationResponseIssParameterSupported);
    QCOMPARE(result.codeChallengeMethodsSupported, QStringList { u"S256"_s });
    QCOMPARE(result.scopesSupported, (QStringList { u"openid"_s, u"profile"_s }));
    QCOMPARE(result.grantTypesSupported, (QStringList { u"authorization_code"_s, u"refresh_token"_s }));
    QCOMPARE(result.revocationEndpoint, issuer + u"/revoke"_s);
    QCOMPARE(result.userinfoEndpoint, issuer + u"/userinfo"_s);
}

void tst_Discovery::timeout()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        Reply reply;
        reply.silent = true;
        return reply;
    });
    Discovery discovery(&m_network);
    discovery.setTimeout(300);
    const DiscoveryResult result = run(discovery, m_server->url().toString());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"No answer"_s), qPrintable(result.error));
    QVERIFY2(result.error.contains(u"0.3 s"_s), qPrintable(result.error));
    QCOMPARE(m_server->requests().size(), 1); // the second URL is not tried after a timeout
}

void tst_Discovery::cancel()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        Reply reply;
        reply.silent = true;
        return reply;
    });
    Discovery discovery(&m_network);
    QSignalSpy spy(&discovery, &Discovery::finished);
    discovery.discover(m_server->url().toString());
    QVERIFY(discovery.isRunning());
    QTRY_COMPARE(m_server->requests().size(), 1);
    discovery.cancel();
    QCOMPARE(spy.size(), 1);
    QVERIFY(!discovery.isRunning());
    const auto result = spy.constFirst().constFirst().value<DiscoveryResult>();
    QVERIFY(!result.ok());
    QCOMPARE(result.error, u"Canceled."_s);
    discovery.cancel(); // nothing running: no second signal
    QCOMPARE(spy.size(), 1);

    // A second discover() while one runs cancels the first: one finished() each.
    discovery.discover(m_server->url().toString());
    QTRY_COMPARE(m_server->requests().size(), 2);
    discovery.discover(u"not a url"_s);
    QCOMPARE(spy.size(), 2);
    QTRY_COMPARE(spy.size(), 3);
    QVERIFY(spy.at(2).constFirst().value<DiscoveryResult>().error.contains(u"absolute"_s));
}

void tst_Discovery::badInputFinishesLater()
{
    Discovery discovery(&m_network);
    QSignalSpy spy(&discovery, &Discovery::finished);
    discovery.discover(u"ftp://idp.example"_s);
    QCOMPARE(spy.size(), 0); // not from inside discover()
    QTRY_COMPARE(spy.size(), 1);
    QVERIFY(!spy.constFirst().constFirst().value<DiscoveryResult>().ok());
    QVERIFY(m_server->requests().isEmpty());
}

void tst_Discovery::httpsIssuer_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");

    QTest::newRow("all https") << QJsonObject() << true << u"Found"_s;
    QTest::newRow("plain http token endpoint")
        << QJsonObject { { u"token_endpoint"_s, u"http://idp.example/token"_s } } << false << u"plain http"_s;
    QTest::newRow("plain http jwks_uri")
        << QJsonObject { { u"jwks_uri"_s, u"http://idp.example/jwks"_s } } << false << u"plain http"_s;
    QTest::newRow("plain http end_session_endpoint")
        << QJsonObject { { u"end_session_endpoint"_s, u"http://idp.example/logout"_s } } << false
        << u"plain http"_s;
    QTest::newRow("issuer in the document is http")
        << QJsonObject { { u"issuer"_s, u"http://idp.example"_s } } << false << u"must match exactly"_s;
    QTest::newRow("endpoints on another host, https")
        << QJsonObject { { u"token_endpoint"_s, u"https://tokens.example/t"_s } } << true << u"Found"_s;
}

void tst_Discovery::httpsIssuer()
{
    QFETCH(QJsonObject, changes);
    QFETCH(bool, ok);
    QFETCH(QString, message);

    const QString issuer = u"https://idp.example"_s;
    m_server->setHandler([issuer, changes](const TestHttpServer::Request &request) {
        if (request.target == "/.well-known/openid-configuration")
            return json(metadata(issuer, changes));
        return status(404);
    });
    RedirectingNetworkAccessManager network(m_server->url());
    Discovery discovery(&network);
    const DiscoveryResult result = run(discovery, issuer);
    QVERIFY2(result.ok() == ok, qPrintable(said(result)));
    QVERIFY2(said(result).contains(message), qPrintable(said(result)));
    QVERIFY(result.warnings.filter(u"plain http"_s).isEmpty());
}

void tst_Discovery::applyTo_data()
{
    QTest::addColumn<QJsonValue>("methods"); // null: not advertised
    QTest::addColumn<ClientAuthentication>("authentication");

    QTest::newRow("basic and post") << QJsonValue(
        QJsonArray { u"client_secret_basic"_s, u"client_secret_post"_s })
                                    << ClientAuthentication::Body;
    QTest::newRow("basic only") << QJsonValue(QJsonArray { u"client_secret_basic"_s })
                                << ClientAuthentication::BasicHeader;
    QTest::newRow("basic and private_key_jwt")
        << QJsonValue(QJsonArray { u"private_key_jwt"_s, u"client_secret_basic"_s })
        << ClientAuthentication::BasicHeader;
    QTest::newRow("post only") << QJsonValue(QJsonArray { u"client_secret_post"_s })
                               << ClientAuthentication::Body;
    QTest::newRow("not advertised: RFC 8414 default is basic")
        << QJsonValue() << ClientAuthentication::BasicHeader;
    QTest::newRow("none only") << QJsonValue(QJsonArray { u"none"_s }) << ClientAuthentication::Body;
}

void tst_Discovery::applyTo()
{
    QFETCH(QJsonValue, methods);
    QFETCH(ClientAuthentication, authentication);

    const QString issuer = u"https://idp.example"_s;
    const QJsonObject document
        = metadata(issuer, { { u"token_endpoint_auth_methods_supported"_s, methods } });
    const DiscoveryResult result = DiscoveryResult::fromDocument(QJsonDocument(document).toJson(), issuer,
                                                                 QUrl(u"https://idp.example/x"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));

    OAuth2Config config;
    config.tokenName = u"Mine"_s;
    config.clientId = u"client"_s;
    config.authUrl = u"https://old.example/auth"_s;
    config.clientAuthentication = authentication == ClientAuthentication::Body
        ? ClientAuthentication::BasicHeader
        : ClientAuthentication::Body;
    const OAuth2Config applied = result.applyTo(config);
    QCOMPARE(applied.authUrl, u"https://idp.example/authorize"_s);
    QCOMPARE(applied.accessTokenUrl, u"https://idp.example/token"_s);
    QCOMPARE(applied.clientAuthentication, authentication);
    QCOMPARE(applied.tokenName, u"Mine"_s);
    QCOMPARE(applied.clientId, u"client"_s);

    // A refused document changes nothing.
    const DiscoveryResult refused = DiscoveryResult::fromDocument("{}", issuer);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.applyTo(config).authUrl, config.authUrl);
}

void tst_Discovery::jwks_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("keys");
    QTest::addColumn<bool>("leaked"); // private members were published

    const QJsonObject rsa {
        { u"kty"_s, u"RSA"_s }, { u"kid"_s, u"a"_s }, { u"n"_s, u"AQAB"_s }, { u"e"_s, u"AQAB"_s }
    };
    const QJsonObject ec { { u"kty"_s, u"EC"_s }, { u"kid"_s, u"b"_s }, { u"crv"_s, u"P-256"_s } };
    QTest::newRow("two keys") << json({ { u"keys"_s, QJsonArray { rsa, ec } } }) << true << u"2 key(s)"_s << 2
                              << false;
    QTest::newRow("no keys") << json({ { u"keys"_s, QJsonArray() } }) << true << u"0 key(s)"_s << 0 << false;
    QTest::newRow("not found") << status(404) << false << u"HTTP 404"_s << 0 << false;
    {
        Reply html = status(200);
        html.reason = "OK";
        QTest::newRow("HTML") << html << false << u"HTML"_s << 0 << false;
    }
    QTest::newRow("no keys array") << json({ { u"kty"_s, u"RSA"_s } }) << false << u"no \u201ckeys\u201d"_s
                                   << 0 << false;
    QTest::newRow("key without kty") << json(
        { { u"keys"_s, QJsonArray { QJsonObject { { u"n"_s, u"x"_s } } } } })
                                     << false << u"not a JWK"_s << 0 << false;
    {
        Reply huge;
        huge.body = "{\"keys\":[\"" + QByteArray(1100 * 1024, 'k') + "\"]}";
        QTest::newRow("over 1 MiB") << huge << false << u"larger than 1 MiB"_s << 0 << false;
    }
    {
        QJsonObject leaked = rsa;
        leaked.insert(u"d"_s, u"c2VjcmV0"_s);
        leaked.insert(u"p"_s, u"c2VjcmV0"_s);
        QTest::newRow("private members are dropped")
            << json({ { u"keys"_s, QJsonArray { leaked } } }) << true << u"1 key(s)"_s << 1 << true;
    }
}

void tst_Discovery::jwks()
{
    QFETCH(Reply, reply);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    QFETCH(int, keys);
    QFETCH(bool, leaked);

    m_server->setHandler([reply](const TestHttpServer::Request &) { return reply; });
    JwksFetcher fetcher(&m_network);
    QSignalSpy spy(&fetcher, &JwksFetcher::finished);
    const QUrl url = m_server->url(u"/jwks"_s);
    fetcher.fetch(url);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 10000);
    const auto result = spy.constFirst().constFirst().value<JwksResult>();
    QVERIFY2(result.ok() == ok, qPrintable(said(result)));
    QVERIFY2(said(result).contains(message), qPrintable(said(result)));
    QCOMPARE(result.url, url);
    QCOMPARE(result.jwks.value(u"keys"_s).toArray().size(), keys);
    QCOMPARE(fetcher.isCached(url), ok);
    const QByteArray kept = QJsonDocument(result.jwks).toJson();
    QVERIFY(!kept.contains("\"d\""));
    QVERIFY(!kept.contains("\"p\""));
    QCOMPARE(!result.warnings.filter(u"private key material"_s).isEmpty(), leaked);
}

void tst_Discovery::jwksCache()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return json(
            { { u"keys"_s, QJsonArray { QJsonObject { { u"kty"_s, u"EC"_s }, { u"kid"_s, u"a"_s } } } } });
    });
    JwksFetcher fetcher(&m_network);
    QSignalSpy spy(&fetcher, &JwksFetcher::finished);
    const QUrl url = m_server->url(u"/jwks"_s);

    fetcher.fetch(url);
    QTRY_COMPARE(spy.size(), 1);
    QVERIFY(!spy.at(0).constFirst().value<JwksResult>().fromCache);
    QCOMPARE(m_server->requests().size(), 1);

    fetcher.fetch(url); // from the cache, still through the signal, after fetch() returned
    QCOMPARE(spy.size(), 1);
    QTRY_COMPARE(spy.size(), 2);
    const auto cached = spy.at(1).constFirst().value<JwksResult>();
    QVERIFY(cached.ok());
    QVERIFY(cached.fromCache);
    QCOMPARE(cached.jwks, fetcher.cached(url));
    QCOMPARE(m_server->requests().size(), 1);

    fetcher.fetch(url, JwksFetcher::CachePolicy::PreferNetwork); // e.g. after a key rotation
    QTRY_COMPARE(spy.size(), 3);
    QVERIFY(!spy.at(2).constFirst().value<JwksResult>().fromCache);
    QCOMPARE(m_server->requests().size(), 2);

    // Another URI is another entry.
    const QUrl other = m_server->url(u"/other-jwks"_s);
    QVERIFY(!fetcher.isCached(other));
    fetcher.fetch(other);
    QTRY_COMPARE(spy.size(), 4);
    QCOMPARE(m_server->requests().size(), 3);
    fetcher.clearCache();
    QVERIFY(!fetcher.isCached(url));
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
