#include "sandbox/incidenttable.h"
#include "sandbox/registry.h"
#include "sandbox/tablequery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern::Sandbox;

class tst_SandboxRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void fromJsonFull();
    void fromJsonMinimal();
    void fromJsonHostile_data();
    void fromJsonHostile();
    void redirectMatches_data();
    void redirectMatches();
    void seededData();
    void queryParameters_data();
    void queryParameters();
};

void tst_SandboxRegistry::defaults()
{
    const Registry registry = Registry::defaults();
    QCOMPARE(registry.clients.size(), 1);
    const Client &client = registry.clients.first();
    QCOMPARE(client.clientId, u"postern"_s);
    QCOMPARE(client.clientSecret, u"postern-secret"_s);
    QCOMPARE(client.name, u"Postern"_s);
    QCOMPARE(client.redirectUrls,
             QStringList({ u"https://oauth.pstmn.io/v1/callback"_s, u"http://127.0.0.1/callback"_s }));
    QCOMPARE(client.auth, Client::AuthMethod::Body);
    QCOMPARE(client.accessTokenLifespan, 1800);
    QCOMPARE(client.refreshTokenLifespan, 8640000);
    QVERIFY(!client.rotateRefreshTokens);
    QVERIFY(!registry.sendIssuer);
    QVERIFY(registry.user(u"admin"_s));
    QCOMPARE(registry.user(u"admin"_s)->password, u"admin"_s);
    QVERIFY(registry.user(u"abel.tuter"_s));
    QCOMPARE(registry.user(u"abel.tuter"_s)->password, u"abel.tuter"_s);
}

void tst_SandboxRegistry::fromJsonFull()
{
    const QByteArray json = R"({
        "issuerParameter": true,
        "clients": [
          {"clientId": "web", "clientSecret": "s3cret", "name": "Web app",
           "redirectUrls": ["https://app.example/cb"], "clientAuthentication": "basic",
           "accessTokenLifespan": 60, "refreshTokenLifespan": 120, "rotateRefreshTokens": true},
          {"clientId": "native", "redirectUrls": ["http://[::1]/cb"], "clientAuthentication": "none"}
        ],
        "users": [{"userName": "beth", "password": "pw", "name": "Beth Anglin",
                   "sysId": "0123456789abcdef0123456789abcdef"}]
    })"_ba;
    QString error;
    const auto registry = Registry::fromJson(json, &error);
    QVERIFY2(registry, qPrintable(error));
    QVERIFY(registry->sendIssuer);
    QCOMPARE(registry->clients.size(), 2);
    const Client &web = registry->clients.at(0);
    QCOMPARE(web.auth, Client::AuthMethod::BasicHeader);
    QCOMPARE(web.name, u"Web app"_s);
    QCOMPARE(web.accessTokenLifespan, 60);
    QCOMPARE(web.refreshTokenLifespan, 120);
    QVERIFY(web.rotateRefreshTokens);
    const Client &native = registry->clients.at(1);
    QCOMPARE(native.auth, Client::AuthMethod::None);
    QCOMPARE(native.name, u"native"_s);
    QCOMPARE(registry->users.size(), 1);
    QCOMPARE(registry->users.first().sysId, u"0123456789abcdef0123456789abcdef"_s);
}

void tst_SandboxRegistry::fromJsonMinimal()
{
    QString error;
    const auto registry = Registry::fromJson(
        R"({"clients":[{"clientId":"a","clientSecret":"b","redirectUrls":["https://x.example/cb"]}]})"_ba,
        &error);
    QVERIFY2(registry, qPrintable(error));
    QCOMPARE(registry->clients.first().auth, Client::AuthMethod::Body);
    QCOMPARE(registry->clients.first().accessTokenLifespan, 1800);
    QCOMPARE(registry->users.size(), Registry::defaultUsers().size());
}

void tst_SandboxRegistry::fromJsonHostile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");

    // One client with the given extra members, in a registry with the given extra root members.
    auto registry = [](const QByteArray &clientMembers, const QByteArray &rootMembers = QByteArray()) {
        return QByteArray("{" + rootMembers + "\"clients\":[{" + clientMembers
                          + "\"clientSecret\":\"s\",\"redirectUrls\":[\"https://x.example/cb\"]}]}");
    };
    QTest::newRow("notJson") << "clients: yes"_ba << u"JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"JSON"_s;
    QTest::newRow("nonUtf8") << "{\"clients\":\"\xff\xfe\"}"_ba << QString();
    QTest::newRow("arrayRoot") << "[]"_ba << u"object"_s;
    QTest::newRow("noClients") << "{}"_ba << u"clients"_s;
    QTest::newRow("clientsNotArray") << R"({"clients":{"clientId":"a"}})"_ba << u"clients"_s;
    QTest::newRow("clientNotObject") << R"({"clients":["a"]})"_ba << u"clients[0]"_s;
    QTest::newRow("missingClientId") << registry(QByteArray()) << u"clientId"_s;
    QTest::newRow("emptyClientId") << registry(R"("clientId":"",)"_ba) << u"clientId"_s;
    QTest::newRow("clientIdNumber") << registry(R"("clientId":7,)"_ba) << u"clientId"_s;
    QTest::newRow("duplicateClient")
        << R"({"clients":[{"clientId":"a","clientSecret":"s","redirectUrls":["https://x.example/cb"]},
                          {"clientId":"a","clientSecret":"s","redirectUrls":["https://x.example/cb"]}]})"_ba
        << u"twice"_s;
    QTest::newRow("secretMissing")
        << R"({"clients":[{"clientId":"a","redirectUrls":["https://x.example/cb"]}]})"_ba
        << u"clientSecret"_s;
    QTest::newRow("redirectsMissing")
        << R"({"clients":[{"clientId":"a","clientSecret":"s"}]})"_ba << u"redirectUrls"_s;
    QTest::newRow("redirectRelative")
        << R"({"clients":[{"clientId":"a","clientSecret":"s","redirectUrls":["/cb"]}]})"_ba
        << u"redirectUrls[0]"_s;
    QTest::newRow("redirectFragment")
        << R"({"clients":[{"clientId":"a","clientSecret":"s","redirectUrls":["https://x/cb#f"]}]})"_ba
        << u"redirectUrls[0]"_s;
    QTest::newRow("redirectNotString")
        << R"({"clients":[{"clientId":"a","clientSecret":"s","redirectUrls":[42]}]})"_ba
        << u"redirectUrls[0]"_s;
    QTest::newRow("authUnknown") << registry(R"("clientId":"a","clientAuthentication":"jwt",)"_ba)
                                 << u"clientAuthentication"_s;
    QTest::newRow("lifespanString") << registry(R"("clientId":"a","accessTokenLifespan":"1800",)"_ba)
                                    << u"accessTokenLifespan"_s;
    QTest::newRow("lifespanNegative")
        << registry(R"("clientId":"a","refreshTokenLifespan":-5,)"_ba) << u"refreshTokenLifespan"_s;
    QTest::newRow("lifespanFraction")
        << registry(R"("clientId":"a","accessTokenLifespan":1.5,)"_ba) << u"accessTokenLifespan"_s;
    QTest::newRow("rotateNotBool") << registry(R"("clientId":"a","rotateRefreshTokens":"yes",)"_ba)
                                   << u"rotateRefreshTokens"_s;
    QTest::newRow("unknownKey") << registry(R"("clientId":"a","clientSecrte":"x",)"_ba) << u"clientSecrte"_s;
    QTest::newRow("jwtBearerNotObject")
        << registry(R"("clientId":"a","jwtBearer":true,)"_ba) << u"jwtBearer"_s;
    QTest::newRow("jwtBearerNoKeys") << registry(R"("clientId":"a","jwtBearer":{},)"_ba)
                                     << u"jwtBearer.jwks"_s;
    QTest::newRow("jwtBearerEmptyKeys")
        << registry(R"("clientId":"a","jwtBearer":{"jwks":{"keys":[]}},)"_ba) << u"jwtBearer.jwks"_s;
    QTest::newRow("jwtBearerUserField")
        << registry(R"("clientId":"a","jwtBearer":{"jwks":{"keys":[{}]},"userField":"email"},)"_ba)
        << u"jwtBearer.userField"_s;
    QTest::newRow("jwtBearerUnknownKey")
        << registry(R"("clientId":"a","jwtBearer":{"jwks":{"keys":[{}]},"jti":true},)"_ba) << u"jti"_s;
    QTest::newRow("unknownRootKey") << R"({"client":[]})"_ba << u"client"_s;
    QTest::newRow("issuerNotBool") << registry(R"("clientId":"a",)"_ba, R"("issuerParameter":1,)"_ba)
                                   << u"issuerParameter"_s;
    QTest::newRow("usersNotArray") << registry(R"("clientId":"a",)"_ba, R"("users":{},)"_ba) << u"users"_s;
    QTest::newRow("userNoPassword") << registry(R"("clientId":"a",)"_ba, R"("users":[{"userName":"u"}],)"_ba)
                                    << u"password"_s;
    QTest::newRow("userBadSysId") << registry(
        R"("clientId":"a",)"_ba, R"("users":[{"userName":"u","password":"p","sysId":"xyz"}],)"_ba)
                                  << u"sysId"_s;
}

void tst_SandboxRegistry::fromJsonHostile()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QString error;
    const auto registry = Registry::fromJson(json, &error);
    QVERIFY(!registry);
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void tst_SandboxRegistry::redirectMatches_data()
{
    QTest::addColumn<QString>("registered");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<bool>("matches");

    QTest::newRow("exact") << u"https://oauth.pstmn.io/v1/callback"_s
                           << u"https://oauth.pstmn.io/v1/callback"_s << true;
    QTest::newRow("trailingSlash") << u"https://oauth.pstmn.io/v1/callback"_s
                                   << u"https://oauth.pstmn.io/v1/callback/"_s << false;
    QTest::newRow("otherHost") << u"https://oauth.pstmn.io/v1/callback"_s
                               << u"https://evil.example/v1/callback"_s << false;
    QTest::newRow("httpsPortNotFree")
        << u"https://app.example/cb"_s << u"https://app.example:8443/cb"_s << false;
    QTest::newRow("loopbackAnyPort") << u"http://127.0.0.1/callback"_s << u"http://127.0.0.1:54321/callback"_s
                                     << true;
    QTest::newRow("loopbackRegisteredPort")
        << u"http://127.0.0.1:8080/callback"_s << u"http://127.0.0.1:9090/callback"_s << true;
    QTest::newRow("loopbackIpv6") << u"http://[::1]/cb"_s << u"http://[::1]:4000/cb"_s << true;
    QTest::newRow("loopbackOtherPath")
        << u"http://127.0.0.1/callback"_s << u"http://127.0.0.1:54321/other"_s << false;
    QTest::newRow("loopbackHttps") << u"http://127.0.0.1/callback"_s << u"https://127.0.0.1:54321/callback"_s
                                   << false;
    QTest::newRow("loopbackOtherHost")
        << u"http://127.0.0.1/callback"_s << u"http://localhost:54321/callback"_s << false;
    QTest::newRow("loopbackExtraQuery")
        << u"http://127.0.0.1/callback"_s << u"http://127.0.0.1:5000/callback?x=1"_s << false;
    QTest::newRow("loopbackUserInfo")
        << u"http://127.0.0.1/callback"_s << u"http://evil@127.0.0.1:5000/callback"_s << false;
}

void tst_SandboxRegistry::redirectMatches()
{
    QFETCH(QString, registered);
    QFETCH(QString, requested);
    QFETCH(bool, matches);
    QCOMPARE(Registry::redirectMatches(registered, requested), matches);
}

void tst_SandboxRegistry::seededData()
{
    const IncidentTable first(Registry::defaultUsers());
    const IncidentTable second(Registry::defaultUsers());
    const QList<Record> *incidents = first.records(u"incident"_s);
    QVERIFY(incidents);
    QVERIFY(incidents->size() >= 60);
    QCOMPARE(incidents->first().field(u"number"_s)->value, u"INC0010001"_s);
    for (qsizetype i = 0; i < incidents->size(); ++i) {
        const Record &record = incidents->at(i);
        QCOMPARE(record.sysId(), second.records(u"incident"_s)->at(i).sysId());
        QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(record.sysId()).hasMatch());
        QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"_s)
                    .match(record.field(u"opened_at"_s)->value)
                    .hasMatch());
        const Field *caller = record.field(u"caller_id"_s);
        QCOMPARE(caller->referenceTable, u"sys_user"_s);
        QVERIFY(first.find(u"sys_user"_s, caller->value));
    }
    QVERIFY(first.find(u"sys_user"_s, u"6816f79cc0a8016401c5a33be04be441"_s));
    QVERIFY(first.records(u"sys_user_group"_s));
    QVERIFY(!first.records(u"cmdb_ci"_s));
}

void tst_SandboxRegistry::queryParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("valid");

    QTest::newRow("none") << QByteArray() << true;
    QTest::newRow("limitOffset") << "sysparm_limit=5&sysparm_offset=10"_ba << true;
    QTest::newRow("limitWord") << "sysparm_limit=abc"_ba << false;
    QTest::newRow("limitNegative") << "sysparm_limit=-1"_ba << false;
    QTest::newRow("limitZero") << "sysparm_limit=0"_ba << false;
    QTest::newRow("limitHuge") << "sysparm_limit=99999999999999"_ba << false;
    QTest::newRow("offsetNegative") << "sysparm_offset=-3"_ba << false;
    QTest::newRow("displayBad") << "sysparm_display_value=maybe"_ba << false;
    QTest::newRow("excludeBad") << "sysparm_exclude_reference_link=2"_ba << false;
    QTest::newRow("queryOk") << "sysparm_query=active%3Dtrue%5EORpriority%3D1%5EORDERBYDESCnumber"_ba << true;
    QTest::newRow("queryJunk") << "sysparm_query=%5E%5E%5E%3D%3D%3D"_ba << false;
    QTest::newRow("queryNoOperator") << "sysparm_query=active"_ba << false;
    QTest::newRow("queryLeadingOr") << "sysparm_query=ORactive%3Dtrue"_ba << false;
    QTest::newRow("queryBadOrder") << "sysparm_query=ORDERBY"_ba << false;
    QTest::newRow("queryNonUtf8") << "sysparm_query=%FF%FE%3D1"_ba << false;
}

void tst_SandboxRegistry::queryParameters()
{
    QFETCH(QByteArray, query);
    QFETCH(bool, valid);
    QString error;
    const auto parsed = TableQuery::fromParameters(Postern::FormUrlEncoded::parse(query), &error);
    QCOMPARE(bool(parsed), valid);
    QCOMPARE(error.isEmpty(), valid);
}

QTEST_GUILESS_MAIN(tst_SandboxRegistry)
#include "tst_sandboxregistry.moc"
