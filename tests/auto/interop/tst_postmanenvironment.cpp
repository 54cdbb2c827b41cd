#include "interop/postmanenvironment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(POSTERN_TEST_DATA_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class tst_PostmanEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void import();
    void exportOmitsSecrets();
    void roundTrip();
    void globals();
    void disabledAsNewmanWritesIt();
    void hostile_data();
    void hostile();
    void oddEntries();
    void looksLikePostman_data();
    void looksLikePostman();
};

void tst_PostmanEnvironment::import()
{
    const PostmanEnvironmentImport result
        = PostmanEnvironment::import(readData(u"environments/dev.postman_environment.json"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Environment &environment = result.environment;
    QCOMPARE(environment.id, u"4f3e2d1c-0b0a-4998-8776-655443322110"_s);
    QCOMPARE(environment.name, u"Dev"_s);
    const VariableList expected {
        { u"baseUrl"_s, u"https://dev.example.test"_s, true, false, {} },
        { u"clientSecret"_s, u"dev-client-secret"_s, true, true, {} },
        { u"oldHost"_s, u"https://old.example.test"_s, false, false, {} },
        { u"retries"_s, u"3"_s, true, false, {} },
        { u"plain"_s, u"no type"_s, true, false, {} },
    };
    QCOMPARE(environment.variables, expected);
    QCOMPARE(
        result.summary,
        QStringList({ u"1 value is not text; kept as text."_s,
                      u"Left out: _postman_exported_at, _postman_exported_using (when and with what Postman "
                      "exported the file)."_s }));
    // The workspace's own file of it leaves the secret out.
    QVERIFY(!environment.toFileContents().contains("dev-client-secret"));
}

void tst_PostmanEnvironment::exportOmitsSecrets()
{
    const PostmanEnvironmentImport result
        = PostmanEnvironment::import(readData(u"environments/dev.postman_environment.json"_s));
    QVERIFY(result.ok());
    const QByteArray omitted = PostmanEnvironment::exportJson(result.environment);
    QVERIFY(!omitted.contains("dev-client-secret"));
    const QJsonObject root = QJsonDocument::fromJson(omitted).object();
    QCOMPARE(root.value(u"_postman_variable_scope"_s).toString(), u"environment"_s);
    QCOMPARE(root.value(u"name"_s).toString(), u"Dev"_s);
    const QJsonObject secret = root.value(u"values"_s).toArray().at(1).toObject();
    QCOMPARE(secret.value(u"key"_s).toString(), u"clientSecret"_s);
    QCOMPARE(secret.value(u"type"_s).toString(), u"secret"_s);
    QCOMPARE(secret.value(u"value"_s).toString(), QString());
    QCOMPARE(root.value(u"values"_s).toArray().at(2).toObject().value(u"enabled"_s), QJsonValue(false));

    const QByteArray included
        = PostmanEnvironment::exportJson(result.environment, PostmanEnvironment::Secrets::Include);
    QVERIFY(included.contains("dev-client-secret"));

    // A secret variable that only refers to another one holds no secret: it is exported as it is.
    Environment referring = result.environment;
    referring.variables[1].value = u"{{vault_client_secret}}"_s;
    QVERIFY(PostmanEnvironment::exportJson(referring).contains("{{vault_client_secret}}"));
}

void tst_PostmanEnvironment::roundTrip()
{
    const PostmanEnvironmentImport first
        = PostmanEnvironment::import(readData(u"environments/dev.postman_environment.json"_s));
    const PostmanEnvironmentImport second = PostmanEnvironment::import(
        PostmanEnvironment::exportJson(first.environment, PostmanEnvironment::Secrets::Include));
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.summary, QStringList());
    QCOMPARE(second.environment.id, first.environment.id);
    QCOMPARE(second.environment.name, first.environment.name);
    QCOMPARE(second.environment.variables, first.environment.variables);
    QCOMPARE(second.environment.toJson(), first.environment.toJson());

    // Made in Postern: descriptions come along too.
    Environment made = Environment::make(u"Made"_s);
    made.variables = { { u"a"_s, u"1"_s, true, false, u"first"_s }, { u"s"_s, u"x"_s, false, true, {} } };
    const PostmanEnvironmentImport back = PostmanEnvironment::import(
        PostmanEnvironment::exportJson(made, PostmanEnvironment::Secrets::Include));
    QVERIFY(back.ok());
    QCOMPARE(back.environment.variables, made.variables);
    QCOMPARE(back.environment.id, made.id);
}

void tst_PostmanEnvironment::globals()
{
    const QByteArray globals
        = R"({"id":"g","name":"Globals","values":[{"key":"a","value":"1","enabled":true}],
                                   "_postman_variable_scope":"globals"})"_ba;
    const PostmanEnvironmentImport result = PostmanEnvironment::import(globals);
    QVERIFY(result.ok());
    QCOMPARE(result.environment.variables.size(), 1);
    // The user learns that Postman's globals became an ordinary environment.
    QCOMPARE(
        result.summary,
        QStringList({ u"It is a Postman globals file; its variables were imported as an environment."_s }));
}

// Older exports, and newman's own files, mark a variable off with "disabled" instead of "enabled".
void tst_PostmanEnvironment::disabledAsNewmanWritesIt()
{
    const QByteArray data = R"({"name":"n","values":[{"key":"off","value":"1","disabled":true},
        {"key":"on","value":"2","disabled":false},{"key":"plain","value":"3"},
        {"key":"both","value":"4","disabled":true,"enabled":true}]})"_ba;
    const PostmanEnvironmentImport result = PostmanEnvironment::import(data);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.environment.variables.size(), 4);
    QVERIFY(!result.environment.variables.at(0).enabled);
    QVERIFY(result.environment.variables.at(1).enabled);
    QVERIFY(result.environment.variables.at(2).enabled);
    QVERIFY(result.environment.variables.at(3).enabled); // "enabled", what Postman writes now, decides
    QVERIFY2(result.summary.isEmpty(), qPrintable(result.summary.join(u'\n')));
}

void tst_PostmanEnvironment::hostile_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("garbage") << "\x01\x02\xff"_ba << u"not valid JSON"_s;
    const QByteArray dev = readData(u"environments/dev.postman_environment.json"_s);
    QTest::newRow("truncated") << dev.left(dev.size() - 20) << u"not valid JSON"_s;
    QTest::newRow("list") << "[]"_ba << u"holds a list"_s;
    QTest::newRow("no values") << R"({"name":"x"})"_ba << u"has no \u201cvalues\u201d list"_s;
    QTest::newRow("values is text") << R"({"name":"x","values":"a=b"})"_ba << u"\u201cvalues\u201d is text"_s;
    QTest::newRow("collection") << readData(u"crafted/features-v21.postman_collection.json"_s)
                                << u"Postman collection, not an environment"_s;
    QTest::newRow("huge") << QByteArray(PostmanEnvironment::maxFileSize + 1, ' ') << u"larger than"_s;
    QTest::newRow("JSON nesting") << QByteArray(100000, '{') << u"not valid JSON"_s;
}

void tst_PostmanEnvironment::hostile()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const PostmanEnvironmentImport result = PostmanEnvironment::import(data);
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QVERIFY(result.environment.variables.isEmpty());
}

void tst_PostmanEnvironment::oddEntries()
{
    const QByteArray data = R"({"name": [5], "values": [1, {"value": "no key"}, {"key": ["x"]},
        {"key": "ok", "value": {"a": 1}, "color": "red"}, {"key": "b", "value": true}],
        "owner": "someone", "_postman_variable_scope": "workspace"})"_ba;
    const PostmanEnvironmentImport result = PostmanEnvironment::import(data);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.environment.name, QString());
    QCOMPARE(result.environment.variables.size(), 2);
    QCOMPARE(result.environment.variables.at(0).value, QString());
    QCOMPARE(result.environment.variables.at(1).value, u"true"_s);
    QCOMPARE(result.summary,
             QStringList({
                 u"The environment's name is not text; it was left empty."_s,
                 u"The variable scope \u201cworkspace\u201d is unknown; it was read as an environment."_s,
                 u"3 variables without a key or of the wrong type left out."_s,
                 u"1 value is not text; kept as text."_s,
                 u"1 value is a list or an object; left empty."_s,
                 u"Variable fields Postern does not keep were left out: color."_s,
                 u"Fields Postern does not keep were left out: owner."_s,
             }));
}

void tst_PostmanEnvironment::looksLikePostman_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("expected");
    QTest::newRow("environment") << readData(u"environments/dev.postman_environment.json"_s) << true;
    QTest::newRow("collection") << readData(u"crafted/features-v21.postman_collection.json"_s) << false;
    QTest::newRow("postern environment") << Environment::make(u"x"_s).toFileContents() << false;
    QTest::newRow("garbage") << "}{"_ba << false;
}

void tst_PostmanEnvironment::looksLikePostman()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, expected);
    QCOMPARE(PostmanEnvironment::looksLikePostman(data), expected);
}

QTEST_GUILESS_MAIN(tst_PostmanEnvironment)
#include "tst_postmanenvironment.moc"
