#include "postmancollection.h"
#include "sandboxserver.h"

#include <QFile>
#include <QFileInfo>
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
    QByteArray output;
};

QString installHint()
{
    return u"Install with `bash packaging/dev.sh test` (installs Node.js if missing and runs npm ci in "
           "tests/e2e/newman), or by hand: `apt-get install nodejs npm`, then `npm ci` in "_s
        + QStringLiteral(POSTERN_NEWMAN_DIR) + u"."_s;
}

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

private:
    NewmanReport run(const QString &collectionFile);

    QString m_node;
    QString m_newman;
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

    m_node = QStandardPaths::findExecutable(u"node"_s);
    if (m_node.isEmpty()) {
        const QString why = u"Node.js (`node`) is not on PATH. "_s + installHint();
        qInfo("%s", qPrintable(why));
        QSKIP(qPrintable(why));
    }
    m_newman = QStringLiteral(POSTERN_NEWMAN_DIR "/node_modules/newman/bin/newman.js");
    if (!QFileInfo::exists(m_newman)) {
        const QString why = u"newman is not installed in "_s + QStringLiteral(POSTERN_NEWMAN_DIR)
            + u"/node_modules. "_s + installHint();
        qInfo("%s", qPrintable(why));
        QSKIP(qPrintable(why));
    }

    m_server = std::make_unique<SandboxServer>(Registry::defaults());
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void tst_NewmanRun::cleanupTestCase()
{
    m_server.reset();
}

NewmanReport tst_NewmanRun::run(const QString &collectionFile)
{
    NewmanReport report;
    const QString reportFile
        = m_dir.filePath(QFileInfo(collectionFile).completeBaseName() + u".report.json"_s);
    QFile::remove(reportFile);
    QProcess process;
    process.setProgram(m_node);
    process.setArguments({ m_newman, u"run"_s, collectionFile, u"--env-var"_s,
                           u"baseUrl="_s + m_server->baseUrl().toString(), u"--reporters"_s, u"cli,json"_s,
                           u"--reporter-json-export"_s, reportFile, u"--color"_s, u"off"_s,
                           u"--timeout-request"_s, u"20000"_s });
    process.setWorkingDirectory(QStringLiteral(POSTERN_NEWMAN_DIR));
    process.setProcessChannelMode(QProcess::MergedChannels);
    // The sandbox answers from this thread's event loop, so wait with one running.
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    if (!process.waitForStarted(10000)) {
        report.output = process.errorString().toUtf8();
        return report;
    }
    if (!finished.wait(180000)) {
        process.kill();
        process.waitForFinished(5000);
        report.output = "newman did not finish within 180 s\n" + process.readAll();
        return report;
    }
    report.output = process.readAll();
    report.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;

    QFile file(reportFile);
    if (!file.open(QIODevice::ReadOnly))
        return report;
    const QJsonObject runObject = QJsonDocument::fromJson(file.readAll()).object().value(u"run"_s).toObject();
    const QJsonObject stats = runObject.value(u"stats"_s).toObject();
    report.requests = stats.value(u"requests"_s).toObject().value(u"total"_s).toInt();
    report.failedRequests = stats.value(u"requests"_s).toObject().value(u"failed"_s).toInt();
    report.assertions = stats.value(u"assertions"_s).toObject().value(u"total"_s).toInt();
    report.failedAssertions = stats.value(u"assertions"_s).toObject().value(u"failed"_s).toInt();
    report.failures = int(runObject.value(u"failures"_s).toArray().size());
    return report;
}

void tst_NewmanRun::exportRunsLikeTheOriginal()
{
    const QString originalFile
        = QStringLiteral(POSTERN_TEST_DATA_DIR "/newman/sandbox.postman_collection.json");
    const NewmanReport original = run(originalFile);
    QVERIFY2(original.exitCode == 0, original.output.constData());

    const PostmanImport imported = PostmanCollection::import(m_original);
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QCOMPARE(imported.summary.size(), 2);
    QCOMPARE(imported.summary.at(1),
             u"8 requests and the collection have scripts; Postern keeps them but does not run them yet"_s);
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

QTEST_GUILESS_MAIN(tst_NewmanRun)
#include "tst_newmanrun.moc"
