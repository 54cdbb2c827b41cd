#include "sandbox/sandboxserver.h"
#include "shared/sandboxhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Postern::Sandbox;
using Postern::FormFields;
namespace Form = Postern::FormUrlEncoded;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers admin()
{
    return { { "Authorization"_ba, SandboxHttp::plainBasic("admin", "admin") } };
}

QJsonArray resultArray(const SandboxHttp::Result &result)
{
    return QJsonDocument::fromJson(result.body).object().value(u"result"_s).toArray();
}

QMap<QString, QString> links(const QByteArray &header)
{
    QMap<QString, QString> map;
    static const QRegularExpression pattern(uR"re(<([^>]*)>;rel="(\w+)")re"_s);
    auto it = pattern.globalMatch(QString::fromUtf8(header));
    while (it.hasNext()) {
        const auto match = it.next();
        map.insert(match.captured(2), match.captured(1));
    }
    return map;
}

} // namespace

class tst_SandboxTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void authentication_data();
    void authentication();
    void listAll();
    void recordShape();
    void limitOffsetAndLink();
    void fields();
    void query_data();
    void query();
    void orderByDesc();
    void singleRecord_data();
    void singleRecord();
    void unknownRecord();
    void unknownTable();
    void referenceOptions();
    void displayValues();
    void otherTables();
    void badParameters_data();
    void badParameters();
    void methodNotAllowed();

private:
    SandboxHttp::Result get(const QString &pathAndQuery) { return m_http->get(pathAndQuery, admin()); }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxHttp> m_http;
};

void tst_SandboxTable::initTestCase()
{
    m_server = std::make_unique<SandboxServer>(Registry::defaults());
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_http = std::make_unique<SandboxHttp>(m_server->baseUrl());

    SandboxServer second(Registry::defaults());
    QVERIFY(!second.listen(m_server->baseUrl().port()));
    QVERIFY(!second.errorString().isEmpty());
    QVERIFY(second.baseUrl().isEmpty());
}

void tst_SandboxTable::cleanupTestCase()
{
    m_http.reset();
    m_server.reset();
}

void tst_SandboxTable::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("challenge");

    QTest::newRow("none") << QByteArray() << 401 << "BASIC"_ba;
    QTest::newRow("basicAdmin") << SandboxHttp::plainBasic("admin", "admin") << 200 << QByteArray();
    QTest::newRow("basicAbel") << SandboxHttp::plainBasic("abel.tuter", "abel.tuter") << 200 << QByteArray();
    QTest::newRow("basicWrongPassword") << SandboxHttp::plainBasic("admin", "nope") << 401 << "BASIC"_ba;
    QTest::newRow("basicUnknownUser") << SandboxHttp::plainBasic("ghost", "ghost") << 401 << "BASIC"_ba;
    QTest::newRow("basicGarbage") << "Basic %%%"_ba << 401 << "BASIC"_ba;
    QTest::newRow("bearerUnknown") << "Bearer not-a-token"_ba << 401 << "Bearer"_ba;
    QTest::newRow("bearerEmpty") << "Bearer"_ba << 401 << "Bearer"_ba;
    QTest::newRow("otherScheme") << "Digest x=1"_ba << 401 << "BASIC"_ba;
}

void tst_SandboxTable::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QByteArray, challenge);
    Headers headers;
    if (!authorization.isEmpty())
        headers.append({ "Authorization"_ba, authorization });
    const auto result = m_http->get(u"/api/now/table/incident?sysparm_limit=1"_s, headers);
    QCOMPARE(result.status, status);
    if (status == 401) {
        QCOMPARE(
            result.body,
            R"({"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"})"_ba);
        QVERIFY(result.header("WWW-Authenticate").startsWith(challenge));
    }
}

void tst_SandboxTable::listAll()
{
    for (const QString &prefix : { u"/api/now/table/"_s, u"/api/now/v1/table/"_s, u"/api/now/v2/table/"_s }) {
        const auto result = get(prefix + u"incident"_s);
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("Content-Type").startsWith("application/json"));
        QVERIFY(result.body.startsWith("{\"result\":[{\"parent\":"));
        QCOMPARE(resultArray(result).size(), 64);
        QCOMPARE(result.header("X-Total-Count"), "64"_ba);
    }
}

void tst_SandboxTable::recordShape()
{
    const auto result = get(u"/api/now/table/incident"_s);
    const QString base = m_server->baseUrl().toString();
    const QJsonArray records = resultArray(result);
    QStringList numbers;
    for (const QJsonValue &value : records) {
        const QJsonObject record = value.toObject();
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (it.value().isObject()) {
                const QJsonObject reference = it.value().toObject();
                QCOMPARE(reference.keys(), QStringList({ u"link"_s, u"value"_s }));
                const QString id = reference.value(u"value"_s).toString();
                QVERIFY(
                    reference.value(u"link"_s).toString().startsWith(base + u"/api/now/table/sys_user"_s));
                QVERIFY(reference.value(u"link"_s).toString().endsWith(u'/' + id));
            } else {
                QVERIFY2(it.value().isString(), qPrintable(it.key())); // every value is a string
            }
        }
        QVERIFY(
            QRegularExpression(u"^[0-9a-f]{32}$"_s).match(record.value(u"sys_id"_s).toString()).hasMatch());
        QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"_s)
                    .match(record.value(u"sys_updated_on"_s).toString())
                    .hasMatch());
        QVERIFY(record.value(u"caller_id"_s).isObject());
        QVERIFY(!record.value(u"short_description"_s).toString().isEmpty());
        QVERIFY(QStringList({ u"true"_s, u"false"_s }).contains(record.value(u"active"_s).toString()));
        numbers.append(record.value(u"number"_s).toString());
    }
    QCOMPARE(numbers.first(), u"INC0010001"_s);
    QCOMPARE(numbers.last(), u"INC0010064"_s);
    QCOMPARE(QSet<QString>(numbers.cbegin(), numbers.cend()).size(), numbers.size());
}

void tst_SandboxTable::limitOffsetAndLink()
{
    const auto result
        = get(u"/api/now/table/incident?sysparm_limit=10&sysparm_offset=20&sysparm_query=active%3Dtrue"_s);
    QCOMPARE(result.status, 200);
    const QJsonArray records = resultArray(result);
    QCOMPARE(records.size(), 10);
    const int total = result.header("X-Total-Count").toInt();
    QVERIFY(total > 30 && total < 64);
    const auto rels = links(result.header("Link"));
    QCOMPARE(rels.keys(), QStringList({ u"first"_s, u"last"_s, u"next"_s, u"prev"_s }));
    const QString prefix
        = m_server->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=10&sysparm_offset="_s;
    QCOMPARE(rels.value(u"first"_s), prefix + u"0&sysparm_query=active%3Dtrue"_s);
    QCOMPARE(rels.value(u"prev"_s), prefix + u"10&sysparm_query=active%3Dtrue"_s);
    QCOMPARE(rels.value(u"next"_s), prefix + u"30&sysparm_query=active%3Dtrue"_s);
    QCOMPARE(rels.value(u"last"_s),
             prefix + QString::number((total - 1) / 10 * 10) + u"&sysparm_query=active%3Dtrue"_s);

    const auto all = resultArray(get(u"/api/now/table/incident?sysparm_query=active%3Dtrue"_s));
    QCOMPARE(all.size(), total);
    QCOMPARE(records.first().toObject().value(u"number"_s), all.at(20).toObject().value(u"number"_s));

    const auto first = get(u"/api/now/table/incident?sysparm_limit=5"_s);
    QCOMPARE(links(first.header("Link")).keys(), QStringList({ u"first"_s, u"last"_s, u"next"_s }));
    const auto beyond = get(u"/api/now/table/incident?sysparm_offset=500"_s);
    QCOMPARE(beyond.status, 200);
    QCOMPARE(beyond.body, "{\"result\":[]}"_ba);
    QCOMPARE(beyond.header("X-Total-Count"), "64"_ba);
}

void tst_SandboxTable::fields()
{
    const auto result = get(
        u"/api/now/table/incident?sysparm_limit=3&sysparm_fields=number,short_description,nonexistent,caller_id.name"_s);
    QCOMPARE(result.status, 200);
    const QJsonArray records = resultArray(result);
    QCOMPARE(records.size(), 3);
    for (const QJsonValue &value : records) {
        const QJsonObject record = value.toObject();
        QCOMPARE(record.size(), 3);
        QVERIFY(record.contains(u"number"_s));
        QVERIFY(record.contains(u"short_description"_s));
        QVERIFY(!record.value(u"caller_id.name"_s).toString().isEmpty());
    }
    QVERIFY(result.body.startsWith("{\"result\":[{\"number\":\"INC0010001\",\"short_description\":"));
}

void tst_SandboxTable::query_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("check"); // regular expression every value of field must match
    QTest::addColumn<int>("expectedCount"); // -1: only "at least one"

    QTest::newRow("equals") << u"active=true"_s << u"active"_s << u"^true$"_s << -1;
    QTest::newRow("notEquals") << u"state!=7"_s << u"state"_s << u"^(?!7$)"_s << -1;
    QTest::newRow("like") << u"short_descriptionLIKEvpn"_s << u"short_description"_s << u"(?i)vpn"_s << -1;
    QTest::newRow("startsWith") << u"numberSTARTSWITHINC001000"_s << u"number"_s << u"^INC001000\\d$"_s << 9;
    QTest::newRow("endsWith") << u"numberENDSWITH5"_s << u"number"_s << u"5$"_s << 6;
    QTest::newRow("andOr") << u"priority=1^ORpriority=2^active=true"_s << u"priority"_s << u"^[12]$"_s << -1;
    QTest::newRow("in") << u"numberININC0010001,INC0010002,INC0010099"_s << u"number"_s
                        << u"^INC001000[12]$"_s << 2;
    QTest::newRow("nothing") << u"number=INC9999999"_s << u"number"_s << u"."_s << 0;
    QTest::newRow("dotWalk") << u"caller_id.user_name=admin"_s << u"caller_id"_s
                             << u"6816f79cc0a8016401c5a33be04be441"_s << -1;
    QTest::newRow("newQuery") << u"number=INC0010001^NQnumber=INC0010002"_s << u"number"_s
                              << u"^INC001000[12]$"_s << 2;
    QTest::newRow("isEmpty") << u"assigned_toISEMPTY"_s << u"state"_s << u"^1$"_s << -1;
}

void tst_SandboxTable::query()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(QString, check);
    QFETCH(int, expectedCount);
    const auto result = get(u"/api/now/table/incident?sysparm_exclude_reference_link=true&sysparm_query="_s
                            + QString::fromLatin1(Form::encodeComponent(query)));
    QCOMPARE(result.status, 200);
    const QJsonArray records = resultArray(result);
    if (expectedCount >= 0)
        QCOMPARE(records.size(), expectedCount);
    else
        QVERIFY(!records.isEmpty());
    QCOMPARE(result.header("X-Total-Count").toInt(), records.size());
    const QRegularExpression pattern(check);
    for (const QJsonValue &value : records) {
        const QString text = value.toObject().value(field).toString();
        QVERIFY2(pattern.match(text).hasMatch(), qPrintable(field + u" = "_s + text));
    }
}

void tst_SandboxTable::orderByDesc()
{
    const auto result
        = get(u"/api/now/table/incident?sysparm_fields=number,priority&sysparm_query=ORDERBYDESCnumber"_s);
    QStringList numbers;
    for (const QJsonValue &value : resultArray(result))
        numbers.append(value.toObject().value(u"number"_s).toString());
    QCOMPARE(numbers.size(), 64);
    QStringList sorted = numbers;
    std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
    QCOMPARE(numbers, sorted);

    const auto byPriority = get(
        u"/api/now/table/incident?sysparm_fields=number,priority&sysparm_query=ORDERBYpriority^ORDERBYDESCnumber"_s);
    const QJsonArray records = resultArray(byPriority);
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QJsonObject a = records.at(i - 1).toObject();
        const QJsonObject b = records.at(i).toObject();
        const QString pa = a.value(u"priority"_s).toString();
        const QString pb = b.value(u"priority"_s).toString();
        QVERIFY(pa <= pb);
        if (pa == pb)
            QVERIFY(a.value(u"number"_s).toString() > b.value(u"number"_s).toString());
    }
}

void tst_SandboxTable::singleRecord_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("plain") << u"/api/now/table/"_s;
    QTest::newRow("v1") << u"/api/now/v1/table/"_s;
    QTest::newRow("v2") << u"/api/now/v2/table/"_s;
}

void tst_SandboxTable::singleRecord()
{
    QFETCH(QString, prefix);
    const QJsonObject listed
        = resultArray(get(u"/api/now/table/incident?sysparm_offset=7&sysparm_limit=1"_s)).first().toObject();
    const QString sysId = listed.value(u"sys_id"_s).toString();
    const auto result = get(prefix + u"incident/"_s + sysId);
    QCOMPARE(result.status, 200);
    QVERIFY(result.body.startsWith("{\"result\":{\"parent\":"));
    QCOMPARE(QJsonDocument::fromJson(result.body).object().value(u"result"_s).toObject(), listed);
    QVERIFY(result.header("Link").isEmpty());

    const auto some = get(prefix + u"incident/"_s + sysId + u"?sysparm_fields=number,sys_id"_s);
    QCOMPARE(some.body,
             "{\"result\":{\"number\":\"" + listed.value(u"number"_s).toString().toUtf8() + "\",\"sys_id\":\""
                 + sysId.toUtf8() + "\"}}");
}

void tst_SandboxTable::unknownRecord()
{
    for (const QString &id : { u"00000000000000000000000000000000"_s, u"%3Cscript%3E"_s }) {
        const auto result = get(u"/api/now/table/incident/"_s + id);
        QCOMPARE(result.status, 404);
        QCOMPARE(result.body,
                 "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn\x27t exist or ACL "
                 "restricts the "
                 "record retrieval\"},\"status\":\"failure\"}"_ba);
    }
}

void tst_SandboxTable::unknownTable()
{
    const auto result = get(u"/api/now/table/cmdb_ci_server"_s);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.body,
             R"({"error":{"message":"Invalid table cmdb_ci_server","detail":null},"status":"failure"})"_ba);
    const auto record = get(u"/api/now/table/cmdb_ci_server/0123456789abcdef0123456789abcdef"_s);
    QCOMPARE(record.status, 400);
    const auto quoted = get(u"/api/now/table/%22x%22"_s);
    QCOMPARE(quoted.status, 400);
    QVERIFY(QJsonDocument::fromJson(quoted.body).isObject()); // the name is escaped in JSON
}

void tst_SandboxTable::referenceOptions()
{
    const auto excluded
        = get(u"/api/now/table/incident?sysparm_limit=1&sysparm_exclude_reference_link=true"_s);
    const QJsonObject record = resultArray(excluded).first().toObject();
    QVERIFY(record.value(u"caller_id"_s).isString());
    QCOMPARE(record.value(u"caller_id"_s).toString().size(), 32);
    QVERIFY(!excluded.body.contains("\"link\""));
}

void tst_SandboxTable::displayValues()
{
    const auto shown = get(
        u"/api/now/table/incident?sysparm_limit=1&sysparm_display_value=true&sysparm_fields=state,priority,caller_id,number"_s);
    const QJsonObject record = resultArray(shown).first().toObject();
    QVERIFY(
        QStringList({ u"New"_s, u"In Progress"_s, u"On Hold"_s, u"Resolved"_s, u"Closed"_s, u"Canceled"_s })
            .contains(record.value(u"state"_s).toString()));
    QVERIFY(record.value(u"priority"_s).toString().contains(u" - "_s));
    QCOMPARE(record.value(u"caller_id"_s).toObject().keys(), QStringList({ u"display_value"_s, u"link"_s }));

    const auto all = get(
        u"/api/now/table/incident?sysparm_limit=1&sysparm_display_value=all&sysparm_fields=state,caller_id"_s);
    const QJsonObject both = resultArray(all).first().toObject();
    QCOMPARE(both.value(u"state"_s).toObject().keys(), QStringList({ u"display_value"_s, u"value"_s }));
    QCOMPARE(both.value(u"caller_id"_s).toObject().keys(),
             QStringList({ u"display_value"_s, u"link"_s, u"value"_s }));
}

void tst_SandboxTable::otherTables()
{
    const auto users = get(u"/api/now/table/sys_user?sysparm_query=user_name%3Dadmin"_s);
    QCOMPARE(users.status, 200);
    const QJsonArray list = resultArray(users);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"sys_id"_s).toString(), u"6816f79cc0a8016401c5a33be04be441"_s);
    QVERIFY(!users.body.contains("password"));
    const auto groups = get(u"/api/now/table/sys_user_group?sysparm_fields=name"_s);
    QVERIFY(resultArray(groups).size() >= 3);
}

void tst_SandboxTable::badParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limitWord") << u"sysparm_limit=abc"_s;
    QTest::newRow("limitNegative") << u"sysparm_limit=-1"_s;
    QTest::newRow("offsetNegative") << u"sysparm_offset=-3"_s;
    QTest::newRow("queryJunk") << u"sysparm_query=%5E%5E%3D%3D%3D!!"_s;
    QTest::newRow("queryUnknownField") << u"sysparm_query=colour%3Dred"_s;
    QTest::newRow("queryUnknownOrder") << u"sysparm_query=ORDERBYcolour"_s;
    QTest::newRow("queryNonUtf8") << u"sysparm_query=%FF%FE%C0"_s;
    QTest::newRow("displayValueBad") << u"sysparm_display_value=sometimes"_s;
    QTest::newRow("hugeQuery") << u"sysparm_query="_s + u"a"_s.repeated(20000) + u"%3D1"_s;
}

void tst_SandboxTable::badParameters()
{
    QFETCH(QString, query);
    const auto result = get(u"/api/now/table/incident?"_s + query);
    QCOMPARE(result.status, 400);
    const QJsonObject body = QJsonDocument::fromJson(result.body).object();
    QCOMPARE(body.value(u"status"_s).toString(), u"failure"_s);
    QVERIFY(!body.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
}

void tst_SandboxTable::methodNotAllowed()
{
    for (const QByteArray &verb : { "POST"_ba, "PUT"_ba, "PATCH"_ba, "DELETE"_ba }) {
        const auto result = m_http->send(verb, u"/api/now/table/incident"_s, "{}"_ba,
                                         admin() + Headers { { "Content-Type"_ba, "application/json"_ba } });
        QCOMPARE(result.status, 405);
        QCOMPARE(QJsonDocument::fromJson(result.body).object().value(u"status"_s).toString(), u"failure"_s);
    }
}

QTEST_GUILESS_MAIN(tst_SandboxTable)
#include "tst_sandboxtable.moc"
