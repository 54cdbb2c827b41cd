#include "interop/postmancollection.h"
#include "sandbox/sandboxserver.h"
#include "shared/newman.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Postern;
using Postern::Sandbox::Registry;
using Postern::Sandbox::SandboxServer;

namespace {

// What one newman run reported (its JSON reporter's run.stats and run.failures).
struct NewmanReport
{
    int exitCode = -1;
    int requests = 0;
    int failedRequests = 0;
    int assertions = 0;
    int failedAssertions = 0;
    int failures = 0;
    QList<QPair<QString, int>> codes; // each request's name and status code, in order (0: no response)
    QByteArray output;
};

} // namespace

// Runs newman, Postman's own collection runner, on a collection and on Postern's export of it, against
// the sandbox instance in this process: the export must do everything the original does.
class tst_NewmanRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportRunsLikeTheOriginal();
    void exportWithoutSecretsIsRefused();
    void variableCredentialsAndUrlParts();
    void urlPartsMatchPostman_data();
    void urlPartsMatchPostman();

private:
    NewmanReport run(const QString &collectionFile, const QStringList &variables = {});
    QByteArray runNode(const QString &script, const QStringList &arguments);

    QString m_node;
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    QByteArray m_original;
};

void tst_NewmanRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QFile file(QStringLiteral(POSTERN_TEST_DATA_DIR "/newman/sandbox.postman_collection.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_original = file.readAll();

    if (const QString why = Newman::unavailable(); !why.isEmpty()) {
        qInfo("%s", qPrintable(why));
        QSKIP(qPrintable(why));
    }
    m_node = Newman::node();

    m_server = std::make_unique<SandboxServer>(Registry::defaults());
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void tst_NewmanRun::cleanupTestCase()
{
    m_server.reset();
}

NewmanReport tst_NewmanRun::run(const QString &collectionFile, const QStringList &variables)
{
    NewmanReport report;
    QStringList arguments { collectionFile, u"--env-var"_s, u"baseUrl="_s + m_server->baseUrl().toString(),
                            u"--timeout-request"_s, u"20000"_s };
    for (const QString &variable : variables)
        arguments << u"--env-var"_s << variable;
    const Newman::Result result = Newman::run(arguments, m_dir.path());
    report.output = result.output;
    report.exitCode = result.exitCode;
    const QJsonObject &runObject = result.run;
    if (runObject.isEmpty())
        return report;
    const QJsonObject stats = runObject.value(u"stats"_s).toObject();
    report.requests = stats.value(u"requests"_s).toObject().value(u"total"_s).toInt();
    report.failedRequests = stats.value(u"requests"_s).toObject().value(u"failed"_s).toInt();
    report.assertions = stats.value(u"assertions"_s).toObject().value(u"total"_s).toInt();
    report.failedAssertions = stats.value(u"assertions"_s).toObject().value(u"failed"_s).toInt();
    report.failures = int(runObject.value(u"failures"_s).toArray().size());
    const QJsonArray executions = runObject.value(u"executions"_s).toArray();
    for (const QJsonValue &execution : executions) {
        const QJsonObject object = execution.toObject();
        report.codes.append({ object.value(u"item"_s).toObject().value(u"name"_s).toString(),
                              object.value(u"response"_s).toObject().value(u"code"_s).toInt() });
    }
    return report;
}

QByteArray tst_NewmanRun::runNode(const QString &script, const QStringList &arguments)
{
    QProcess process;
    process.setProgram(m_node);
    process.setArguments(QStringList { u"-e"_s, script } + arguments);
    process.setWorkingDirectory(Newman::directory()); // where postman-collection is installed
    process.start();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return "node failed: " + process.readAllStandardError();
    return process.readAllStandardOutput();
}

void tst_NewmanRun::exportRunsLikeTheOriginal()
{
    const QString originalFile
        = QStringLiteral(POSTERN_TEST_DATA_DIR "/newman/sandbox.postman_collection.json");
    const NewmanReport original = run(originalFile);
    QVERIFY2(original.exitCode == 0, original.output.constData());

    const PostmanImport imported = PostmanCollection::import(m_original);
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QCOMPARE(imported.summary.size(), 1);
    QCOMPARE(original.requests, imported.collection.requestCount());
    QVERIFY(original.assertions >= 2 * original.requests);
    QCOMPARE(original.failedAssertions, 0);
    QCOMPARE(original.failures, 0);

    const QString exportFile = m_dir.filePath(u"export.postman_collection.json"_s);
    QFile file(exportFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PostmanCollection::exportV21(imported.collection, PostmanCollection::Secrets::Include));
    file.close();

    const NewmanReport exported = run(exportFile);
    QVERIFY2(exported.exitCode == 0, exported.output.constData());
    QCOMPARE(exported.requests, original.requests);
    QCOMPARE(exported.assertions, original.assertions);
    QCOMPARE(exported.failedRequests, 0);
    QCOMPARE(exported.failedAssertions, 0);
    QCOMPARE(exported.failures, 0);
}

// Without Secrets::Include the collection's Basic password is not in the export: the instance turns
// the requests that need it away.
void tst_NewmanRun::exportWithoutSecretsIsRefused()
{
    const PostmanImport imported = PostmanCollection::import(m_original);
    QVERIFY(imported.ok());
    const QString exportFile = m_dir.filePath(u"without-secrets.postman_collection.json"_s);
    QFile file(exportFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PostmanCollection::exportV21(imported.collection));
    file.close();

    const NewmanReport report = run(exportFile);
    QVERIFY2(report.exitCode > 0, report.output.constData());
    QVERIFY(report.output.contains("401"));
    QVERIFY(report.failedAssertions > 0);
    QCOMPARE(report.requests, imported.collection.requestCount());
}

// Credentials and URL parts given as {{variables}}: Postern's export leaving secrets out keeps them, so
// newman gets the same status code for every request from the export as from the original.
void tst_NewmanRun::variableCredentialsAndUrlParts()
{
    const QString originalFile
        = QStringLiteral(POSTERN_TEST_DATA_DIR "/newman/variables.postman_collection.json");
    QFile original(originalFile);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const PostmanImport imported = PostmanCollection::import(original.readAll());
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    const QString exportFile = m_dir.filePath(u"variables-export.postman_collection.json"_s);
    QFile file(exportFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PostmanCollection::exportV21(imported.collection)); // the default: secrets left out
    file.close();

    const QUrl base = m_server->baseUrl();
    const QStringList variables { u"proto="_s + base.scheme(),
                                  u"host="_s + base.host(),
                                  u"port="_s + QString::number(base.port()),
                                  u"instance=127"_s, // http://{{instance}}.0.0.1
                                  u"user=admin"_s,
                                  u"password=admin"_s,
                                  u"client_id=postern"_s,
                                  u"client_secret=postern-secret"_s };
    QCOMPARE(base.host(), u"127.0.0.1"_s);
    const NewmanReport before = run(originalFile, variables);
    QVERIFY2(before.exitCode == 0, before.output.constData());
    QCOMPARE(before.codes.size(), imported.collection.requestCount());
    const NewmanReport after = run(exportFile, variables);
    for (qsizetype i = 0; i < qMin(before.codes.size(), after.codes.size()); ++i) {
        const auto &[name, code] = before.codes.at(i);
        if (after.codes.at(i).second != code)
            qWarning("%s: %d before, %d after export", qPrintable(name), code, after.codes.at(i).second);
    }
    QCOMPARE(after.codes, before.codes);
    QVERIFY2(after.exitCode == 0, after.output.constData());
    QCOMPARE(after.failedAssertions, 0);
}

void tst_NewmanRun::urlPartsMatchPostman_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("scheme, host and port") << u"{{proto}}://{{host}}:{{port}}/a/b"_s;
    QTest::newRow("base URL") << u"{{baseUrl}}/api/x"_s;
    QTest::newRow("instance") << u"https://{{instance}}.example.com/x"_s;
    QTest::newRow("base URL and port") << u"{{baseUrl}}:8080/x?a=1"_s;
    QTest::newRow("host and port only") << u"{{host}}:{{port}}"_s;
    QTest::newRow("no scheme") << u"localhost:3000/a"_s;
    QTest::newRow("user and password") << u"https://{{user}}:{{password}}@api.example.test/v1"_s;
    QTest::newRow("variable with separators") << u"http://{{my.host:1}}:{{port}}/{{a/b}}/c?x={{q&r}}"_s;
    QTest::newRow("IPv6") << u"https://[::1]:8443/x"_s;
    QTest::newRow("flags and empty values") << u"https://x.test/a?flag&empty=&v=1#frag"_s;
    QTest::newRow("trailing slash and empty segment") << u"https://x.test/a//b/"_s;
    QTest::newRow("two variables in one label") << u"http://{{a}}{{b}}.com/{{p}}/x"_s;
    QTest::newRow("file") << u"file:///etc/hosts"_s;
}

// Postman's own collection SDK, the one newman runs with, reads the parts of Postern's export as the
// parts it finds in the URL as typed: protocol, host, port, path and query.
void tst_NewmanRun::urlPartsMatchPostman()
{
    QFETCH(QString, url);
    Collection c = Collection::make(u"URL"_s);
    HttpRequest request;
    request.url = url;
    c.items = { CollectionItem::makeRequest(u"R"_s, request) };
    const QJsonObject exported = QJsonDocument::fromJson(PostmanCollection::exportV21(c))
                                     .object()
                                     .value(u"item"_s)
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(u"request"_s)
                                     .toObject()
                                     .value(u"url"_s)
                                     .toObject();
    QVERIFY(!exported.isEmpty());
    QJsonObject parts = exported;
    parts.remove(u"raw"_s); // newman reads the parts
    const QString script = uR"(
        const { Url } = require('postman-collection');
        const describe = (u) => ({ protocol: u.protocol ?? null, host: u.getHost(), port: u.port ?? null,
                                   path: u.getPath(), query: u.getQueryString(), hash: u.hash ?? null,
                                   auth: u.auth ?? null });
        const typed = new Url(process.argv[1]);
        const json = typed.toJSON();
        process.stdout.write(JSON.stringify({ typed: describe(typed), exported: describe(new Url(JSON.parse(process.argv[2]))),
                                              parts: { protocol: json.protocol ?? null, host: json.host ?? [],
                                                       port: json.port ?? null, path: json.path ?? null } }));
    )"_s;
    const QByteArray output
        = runNode(script, { url, QString::fromUtf8(QJsonDocument(parts).toJson(QJsonDocument::Compact)) });
    const QJsonObject sdk = QJsonDocument::fromJson(output).object();
    QVERIFY2(!sdk.isEmpty(), output.constData());
    QCOMPARE(QJsonDocument(sdk.value(u"exported"_s).toObject()).toJson(QJsonDocument::Compact),
             QJsonDocument(sdk.value(u"typed"_s).toObject()).toJson(QJsonDocument::Compact));
    const QJsonObject expected = sdk.value(u"parts"_s).toObject();
    QCOMPARE(exported.value(u"protocol"_s).toString(), expected.value(u"protocol"_s).toString());
    QCOMPARE(exported.value(u"host"_s).toArray(), expected.value(u"host"_s).toArray());
    QCOMPARE(exported.value(u"port"_s).toString(), expected.value(u"port"_s).toString());
    if (expected.value(u"path"_s).isArray())
        QCOMPARE(exported.value(u"path"_s).toArray(), expected.value(u"path"_s).toArray());
    else
        QVERIFY(!exported.contains(u"path"_s));
}

QTEST_GUILESS_MAIN(tst_NewmanRun)
#include "tst_newmanrun.moc"
