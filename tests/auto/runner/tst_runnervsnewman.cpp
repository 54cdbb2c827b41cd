// The collection runner judged against newman: the same collection, environment and data file run by
// newman and by CollectionRunner against the same sandbox instance must give the same requests in the
// same order (setNextRequest included), the same status codes, the same test names with the same
// outcomes and failure messages (chai's own), the same script errors, and the same final environment.
// The corpus in data/ was written for these tests (CC0, see data/README.md).

#include "echoserver.h"
#include "http/httpclient.h"
#include "interop/postmancollection.h"
#include "interop/postmanenvironment.h"
#include "runner/collectionrunner.h"
#include "runner/datafile.h"
#include "sandbox/sandboxserver.h"
#include "shared/newman.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList posternLines(const RunReport &report)
{
    QStringList lines;
    for (const RunExecution &execution : report.executions) {
        lines << u"%1. %2 \u2192 %3"_s.arg(execution.iteration + 1).arg(execution.name).arg(execution.status);
        for (const ScriptTest &test : execution.tests) {
            QString line = u"   "_s + scriptTestOutcomeName(test.outcome) + u": "_s + test.name;
            if (test.outcome == ScriptTest::Outcome::Failed)
                line += u": "_s + test.message;
            lines << line;
        }
        for (const ScriptFailure &failure : execution.failures)
            lines << u"   script error: "_s + failure.name + u": "_s + failure.message;
    }
    return lines;
}

// "key=value" per variable, values as text; volatile keys (fresh tokens) as "key=*".
QStringList newmanEnvironment(const QJsonObject &environment, const QStringList &volatileKeys)
{
    QStringList lines;
    for (const QJsonValue &value : environment.value(u"values"_s).toArray()) {
        const QString key = value[u"key"_s].toString();
        lines << key + u'=' + (volatileKeys.contains(key) ? u"*"_s : ScriptScopes::text(value[u"value"_s]));
    }
    return lines;
}

QStringList posternEnvironment(const VariableList &variables, const QStringList &volatileKeys)
{
    QStringList lines;
    for (const Variable &variable : variables)
        lines << variable.key + u'=' + (volatileKeys.contains(variable.key) ? u"*"_s : variable.value);
    return lines;
}

} // namespace

class tst_RunnerVsNewman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameRun_data();
    void sameRun();
    void assertionsExported();
    void publicCollections_data();
    void publicCollections();

private:
    // environmentFile and dataFile are paths (or empty); an environment's baseUrl is set to the sandbox's.
    void compare(const QString &newmanCollection, const Collection &collection,
                 const QString &environmentFile, const QString &dataFile, int iterations,
                 const QStringList &volatileKeys);

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    EchoServer m_echo;
    RunReport m_lastReport; // Postern's side of the last compare()
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    HttpClient m_client { &m_network };
};

void tst_RunnerVsNewman::initTestCase()
{
    qRegisterMetaType<RunReport>();
    if (const QString why = Newman::unavailable(); !why.isEmpty()) {
        qInfo("%s", qPrintable(why));
        QSKIP(qPrintable(why));
    }
    qputenv("POSTERN_SCRIPT_WORKER", POSTERN_SCRIPT_WORKER_PATH);
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_echo.listenOnLoopback());
}

void tst_RunnerVsNewman::sameRun_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("data"); // a data file, or empty
    QTest::addColumn<int>("iterations"); // 0: as many as the data file has rows
    QTest::addColumn<QStringList>("volatileKeys");

    QTest::newRow("chained, JSON data rows")
        << u"chain.postman_collection.json"_s << u"limits.json"_s << 0 << QStringList { u"token"_s };
    QTest::newRow("chained, CSV data rows")
        << u"chain.postman_collection.json"_s << u"limits.csv"_s << 0 << QStringList { u"token"_s };
    QTest::newRow("chained, three iterations, one row")
        << u"chain.postman_collection.json"_s << u"one-limit.json"_s << 3 << QStringList { u"token"_s };
}

void tst_RunnerVsNewman::sameRun()
{
    QFETCH(QString, collection);
    QFETCH(QString, data);
    QFETCH(int, iterations);
    QFETCH(QStringList, volatileKeys);
    const QString collectionFile = QStringLiteral(POSTERN_TEST_DATA_DIR) + u'/' + collection;
    const PostmanImport imported = PostmanCollection::import(readFile(collectionFile));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    const QString folder = QStringLiteral(POSTERN_TEST_DATA_DIR);
    compare(collectionFile, imported.collection, folder + u"/runner.postman_environment.json"_s,
            folder + u'/' + data, iterations, volatileKeys);
}

// Rows of the Assertions and Capture tables, exported to Postman as the test lines they run as:
// newman runs the export green, with the same results and variables as Postern's runner.
void tst_RunnerVsNewman::assertionsExported()
{
    const QString collectionFile = QStringLiteral(POSTERN_TEST_DATA_DIR "/chain.postman_collection.json");
    PostmanImport imported = PostmanCollection::import(readFile(collectionFile));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    Collection &collection = imported.collection;
    CollectionItem *token = nullptr;
    CollectionItem *list = nullptr;
    CollectionItem *read = nullptr;
    CollectionItem *incidents = nullptr;
    for (CollectionItem &folder : collection.items) {
        if (folder.name == u"Incidents"_s)
            incidents = &folder;
        for (CollectionItem &item : folder.children) {
            if (item.name == u"Get a token"_s)
                token = &item;
            if (item.name == u"List incidents"_s)
                list = &item;
            if (item.name == u"Read the first one"_s)
                read = &item;
        }
    }
    QVERIFY(token && list && read && incidents);
    // Its post-response script throws: the rows after it still run.
    read->request.assertions = { { u"res.status"_s, u"eq"_s, u"200"_s, true } };
    // Rows on the collection and on a folder check every request under them, after their own scripts.
    collection.assertions = { { u"res.responseTime"_s, u"lt"_s, u"10000"_s, true } };
    incidents->assertions = { { u"res.status"_s, u"lt"_s, u"500"_s, true },
                              { u"res.headers.content-type"_s, u"contains"_s, u"json"_s, true } };
    incidents->captures = { { u"lastStatus"_s, u"environment"_s, u"res.status"_s, true } };
    token->request.assertions
        = { { u"res.status"_s, u"eq"_s, u"200"_s, true },
            { u"res.body.token_type"_s, u"eq"_s, u"Bearer"_s, true },
            { u"res.body.access_token"_s, u"exists"_s, QString(), true },
            { u"res.headers.content-type"_s, u"contains"_s, u"application/json"_s, true } };
    token->request.captures = { { u"capturedToken"_s, u"environment"_s, u"res.body.access_token"_s, true },
                                { u"capturedType"_s, u"collection"_s, u"$.token_type"_s, true } };
    list->request.assertions = { { u"res.body.result[0].number"_s, u"matches"_s, u"/^INC\\d+$/"_s, true },
                                 { u"res.responseTime"_s, u"lt"_s, u"10000"_s, true },
                                 { u"res.body.result"_s, u"notExists"_s, QString(), false } };
    const QString exported = m_dir.filePath(u"assertions.postman_collection.json"_s);
    QFile file(exported);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PostmanCollection::exportV21(collection, PostmanCollection::Secrets::Include));
    file.close();
    const QString folder = QStringLiteral(POSTERN_TEST_DATA_DIR);
    compare(exported, collection, folder + u"/runner.postman_environment.json"_s, folder + u"/limits.json"_s,
            0, { u"token"_s, u"capturedToken"_s });
    if (QTest::currentTestFailed())
        return;

    // Green: every row's test passed (compare() has shown that newman says the same).
    QStringList rowTests;
    for (const CollectionItem *item : { token, list, read })
        for (const ResponseAssertion &row : item->request.assertions)
            if (row.enabled)
                rowTests << row.target + u' ' + row.op + (row.value.isEmpty() ? QString() : u' ' + row.value);
    for (const ResponseAssertion &row : collection.assertions + incidents->assertions)
        rowTests << row.target + u' ' + row.op + u' ' + row.value;
    QVERIFY(!m_lastReport.executions.isEmpty());
    int checked = 0;
    for (const RunExecution &execution : std::as_const(m_lastReport.executions)) {
        for (const ScriptTest &test : execution.tests) {
            if (!rowTests.contains(test.name))
                continue;
            ++checked;
            QVERIFY2(test.outcome == ScriptTest::Outcome::Passed,
                     qPrintable(execution.name + u": "_s + test.name + u": "_s + test.message));
        }
    }
    QVERIFY2(checked >= rowTests.size(), qPrintable(QString::number(checked)));
}

// newman's own integration collections (Apache-2.0, data/public/README.md), written against
// postman-echo.com and httpbin.org: their addresses are pointed at the echo server in this test, and
// each collection runs as published.
void tst_RunnerVsNewman::publicCollections_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("data");

    QTest::newRow("request chaining") << u"request-chaining-test"_s << QString() << QString();
    QTest::newRow("clearing variables") << u"clear-vars-sandbox"_s << QString() << QString();
    QTest::newRow("multi-level folders") << u"multi-level-folders-v2"_s << QString() << QString();
    QTest::newRow("inherited auth, scripts, variables")
        << u"inherited-entities"_s << u"inherited-entities.postman_environment.json"_s << QString();
    QTest::newRow("form data from a data file") << u"steph"_s << QString() << u"steph.postman_data.json"_s;
    QTest::newRow("sandbox libraries") << u"sandbox-libraries"_s << QString() << QString();
    QTest::newRow("response headers by any case") << u"case-insen-header-sandbox"_s << QString() << QString();
    QTest::newRow("disabled and repeated variables")
        << u"disabled-and-duplicates"_s << u"disabled-and-duplicates.postman_environment.json"_s << QString();
    QTest::newRow("request name in scripts") << u"request-name-in-script"_s << QString() << QString();
}

void tst_RunnerVsNewman::publicCollections()
{
    QFETCH(QString, collection);
    QFETCH(QString, environment);
    QFETCH(QString, data);
    const QString folder = QStringLiteral(POSTERN_TEST_DATA_DIR "/public/");
    QByteArray text = readFile(folder + collection + u".postman_collection.json"_s);
    QVERIFY(!text.isEmpty());
    const QByteArray echo = m_echo.url().toString(QUrl::RemovePath).toUtf8();
    for (const QByteArray &origin :
         { "https://postman-echo.com"_ba, "http://httpbin.org"_ba, "https://echo.getpostman.com"_ba })
        text.replace(origin, echo);
    // An address given in parts (protocol, host, path) is given by its raw text instead, which now
    // names the echo server.
    std::function<QJsonValue(const QJsonValue &)> rawUrls = [&](const QJsonValue &value) -> QJsonValue {
        if (value.isArray()) {
            QJsonArray array;
            for (const QJsonValue &entry : value.toArray())
                array.append(rawUrls(entry));
            return array;
        }
        if (!value.isObject())
            return value;
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == u"url"_s && it.value().isObject() && it.value().toObject().contains(u"raw"_s))
                it.value() = it.value().toObject().value(u"raw"_s);
            else
                it.value() = rawUrls(it.value());
        }
        return object;
    };
    text = QJsonDocument(rawUrls(QJsonDocument::fromJson(text).object()).toObject()).toJson();
    const QString rewritten = m_dir.filePath(collection + u".postman_collection.json"_s);
    QFile file(rewritten);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    const PostmanImport imported = PostmanCollection::import(text);
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    compare(rewritten, imported.collection, environment.isEmpty() ? QString() : folder + environment,
            data.isEmpty() ? QString() : folder + data, 0, {});
}

void tst_RunnerVsNewman::compare(const QString &newmanCollection, const Collection &collection,
                                 const QString &environmentFile, const QString &dataFile, int iterations,
                                 const QStringList &volatileKeys)
{
    const QString baseUrl = m_sandbox->baseUrl().toString();
    QStringList arguments { newmanCollection };
    Environment environment;
    if (!environmentFile.isEmpty()) {
        PostmanEnvironmentImport imported = PostmanEnvironment::import(readFile(environmentFile));
        QVERIFY2(imported.ok(), qPrintable(imported.error));
        environment = imported.environment;
        arguments << u"-e"_s << environmentFile;
        for (Variable &variable : environment.variables) {
            if (variable.key == u"baseUrl"_s) {
                variable.value = baseUrl;
                arguments << u"--env-var"_s << u"baseUrl="_s + baseUrl;
            }
        }
    }
    RunOptions options;
    options.iterations = qMax(iterations, 1);
    if (!dataFile.isEmpty()) {
        arguments << u"-d"_s << dataFile;
        const DataFile rows = DataFile::read(dataFile);
        QVERIFY2(rows.ok(), qPrintable(rows.error));
        options.data = rows.rows;
    }
    if (iterations > 0)
        arguments << u"-n"_s << QString::number(iterations);
    const Newman::Result newman = Newman::run(arguments, m_dir.path());
    QVERIFY2(!newman.run.isEmpty(), newman.output.constData());

    CollectionRunner runner(CollectionRunner::senderFor(&m_client), &m_client);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    QVERIFY(runner.start(collection, environment, {}, options));
    QVERIFY(finished.wait(120000));
    const RunReport report = runner.report();
    m_lastReport = report;

    const QStringList expected = Newman::lines(newman.run);
    const QStringList actual = posternLines(report);
    if (actual != expected) {
        qInfo("newman:\n%s", qPrintable(expected.join(u'\n')));
        qInfo("Postern:\n%s", qPrintable(actual.join(u'\n')));
    }
    QCOMPARE(actual, expected);
    QCOMPARE(posternEnvironment(runner.environment(), volatileKeys),
             newmanEnvironment(newman.environment, volatileKeys));

    // And postern run, given newman's own arguments: the same lines, exit code and exported environment.
    const QString json = m_dir.filePath(u"postern-run.json"_s);
    const QString exported = m_dir.filePath(u"postern-run-environment.json"_s);
    QFile::remove(json);
    QFile::remove(exported);
    QProcess run;
    run.setWorkingDirectory(m_dir.path());
    QSignalSpy ended(&run, &QProcess::finished); // the servers answer from this event loop
    run.start(QStringLiteral(POSTERN_RUN_PATH),
              arguments
                  + QStringList { u"-r"_s, u"json"_s, u"--reporter-json-export"_s, json,
                                  u"--export-environment"_s, exported, u"--show-secrets"_s });
    QVERIFY(ended.wait(120000));
    QCOMPARE(run.exitCode(), newman.exitCode);
    const QStringList fromRun = Newman::posternLines(QJsonDocument::fromJson(readFile(json)).object());
    if (fromRun != expected)
        qInfo("postern run:\n%s", qPrintable(fromRun.join(u'\n')));
    QCOMPARE(fromRun, expected);
    if (!newman.environment.isEmpty()) {
        QCOMPARE(newmanEnvironment(QJsonDocument::fromJson(readFile(exported)).object(), volatileKeys),
                 newmanEnvironment(newman.environment, volatileKeys));
    }
}

QTEST_GUILESS_MAIN(tst_RunnerVsNewman)
#include "tst_runnervsnewman.moc"
