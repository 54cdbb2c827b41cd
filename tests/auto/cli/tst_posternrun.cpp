// postern-run, the process `postern run` becomes, run as a CI job runs it: against the sandbox
// instance (in this test's process), with the runner corpus of tests/auto/runner/data. Exit codes for
// each kind of setup error, the cli, json and junit reporters, --folder, -x, the exported environment,
// secrets kept out of all of them, and no widget or WebEngine library in the executable.

#include "sandbox/sandboxserver.h"
#include "shared/canaries.h"
#include "shared/newman.h"
#include "shared/posternrun.h"
#include "shared/testhttpserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

using PosternRun::Result;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// "key=value" per variable of a Postman environment file's values, each value as text (Postern keeps
// variables as text, newman keeps a script's true or 3 as JSON); the fresh token as "token=*".
QStringList environmentLines(const QJsonObject &environment)
{
    QStringList lines;
    for (const QJsonValue &value : environment.value(u"values"_s).toArray()) {
        const QString key = value[u"key"_s].toString();
        const QJsonValue v = value[u"value"_s];
        QString text = v.isString() ? v.toString()
            : v.isBool()            ? (v.toBool() ? u"true"_s : u"false"_s)
            : v.isDouble()
            ? QString::number(v.toDouble())
            : QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact));
        lines << key + u'=' + (key == u"token"_s ? u"*"_s : text);
    }
    return lines;
}

// A one-request collection: GET url, with a test that the status is 200 and, when expectation is not
// empty, that the answer's body contains it.
QByteArray oneRequest(const QString &url, const QString &expectation = QString())
{
    QStringList lines { u"pm.test('answered', function () { pm.response.to.have.status(200); });"_s };
    if (!expectation.isEmpty())
        lines << u"pm.test('says %1', function () { pm.expect(pm.response.text()).to.include('%1'); });"_s
                     .arg(expectation);
    return PosternRun::collection(u"One"_s, { PosternRun::requestItem(u"Ask"_s, url, lines) });
}

using PosternRun::writeFile;

// The authorization of the sandbox's client with grant, its secret, user and password as variables.
QJsonObject sandboxOAuth(const QString &grant)
{
    return PosternRun::oauth2({ { u"grant_type"_s, grant },
                                { u"accessTokenUrl"_s, u"{{baseUrl}}/oauth_token.do"_s },
                                { u"authUrl"_s, u"{{baseUrl}}/oauth_auth.do"_s },
                                { u"clientId"_s, u"postern"_s },
                                { u"clientSecret"_s, u"{{clientSecret}}"_s },
                                { u"username"_s, u"{{user}}"_s },
                                { u"password"_s, u"{{password}}"_s },
                                { u"addTokenTo"_s, u"header"_s },
                                { u"client_authentication"_s, u"body"_s } });
}

} // namespace

class tst_PosternRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void setupErrors_data();
    void setupErrors();
    void runWithEveryReporter();
    void folderAndSuppressedExitCode();
    void noWidgetsLoaded();
    void posternRunHandsOver();
    void timeoutAndProgress();
    void shardRunsItsShare();
    void parallelKeepsTheOrder();
    void oauthWithoutAPerson();
    void secretsStayOut();
    void countBelowTheRows();
    void sameAsNewman();
    void crashIsReported();
    void tlsOptions();
    void cookieJarLikeNewman();
    void tokenGet();
    void isolatedScriptsAgree();
    void isolatedWithoutWorker();

private:
    Result run(const QStringList &arguments, const QProcessEnvironment &environment = {});
    QStringList corpus() const; // the chain collection with its environment at the sandbox
    // Keeps output that must hold no secret where the canary sweep reads it again after the suite.
    void keepForSweep(const QString &name, const QString &output) const;

    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QTemporaryDir m_dir;
    // Reports checked for secrets: kept for the canary sweep when it runs, else in m_dir.
    QString m_reports;
};

void tst_PosternRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_reports = Postern::Testing::canaryReportFolder(u"tst_posternrun"_s, m_dir.path());
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    QVERIFY2(m_sandbox->listen(0), qPrintable(m_sandbox->errorString()));
}

// Runs postern-run, serving the sandbox while it runs.
Result tst_PosternRun::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    return PosternRun::run(QStringLiteral(POSTERN_RUN_PATH), arguments, m_dir.path(), environment);
}

void tst_PosternRun::keepForSweep(const QString &name, const QString &output) const
{
    if (m_reports != m_dir.path())
        QVERIFY(writeFile(QDir(m_reports).filePath(name), output.toUtf8()));
}

QStringList tst_PosternRun::corpus() const
{
    const QString data = QStringLiteral(POSTERN_RUNNER_DATA_DIR);
    return { data + u"/chain.postman_collection.json"_s, u"-e"_s,
             data + u"/runner.postman_environment.json"_s, u"--env-var"_s,
             u"baseUrl="_s + m_sandbox->baseUrl().toString() };
}

void tst_PosternRun::setupErrors_data()
{
    const QString data = QStringLiteral(POSTERN_RUNNER_DATA_DIR);
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown option") << QStringList {
        u"c.json"_s, u"--frobnicate"_s
    } << 2 << u"postern run: Unknown option 'frobnicate'. (postern run --help lists the options)"_s;
    QTest::newRow("no collection file")
        << QStringList { u"missing.json"_s } << 3
        << u"postern run: the collection: there is no file \u201cmissing.json\u201d."_s;
    QTest::newRow("not a collection") << QStringList { data + u"/runner.postman_environment.json"_s } << 4
                                      << u"It is a Postman environment, not a collection"_s;
    QTest::newRow("no environment file")
        << QStringList { data + u"/chain.postman_collection.json"_s, u"-e"_s, u"nowhere.json"_s } << 5
        << u"postern run: the environment: there is no file \u201cnowhere.json\u201d."_s;
    QTest::newRow("a collection as environment")
        << QStringList { data + u"/chain.postman_collection.json"_s, u"-e"_s,
                         data + u"/chain.postman_collection.json"_s }
        << 5 << u"postern run: the environment: "_s;
    QTest::newRow("no data file") << QStringList { data + u"/chain.postman_collection.json"_s, u"-d"_s,
                                                   u"rows.csv"_s }
                                  << 6 << u"postern run: the iteration data: "_s;
    QTest::newRow("empty folder") << QStringList {
        data + u"/public/multi-level-folders-v2.postman_collection.json"_s, u"--folder"_s, u"F4"_s
    } << 2 << u"postern run: --folder \u201cF4\u201d holds no request."_s;
    QTest::newRow("unknown folder")
        << QStringList { data + u"/chain.postman_collection.json"_s, u"--folder"_s, u"Nothing"_s } << 2
        << u"postern run: --folder \u201cNothing\u201d: there is no folder or request of that name in \u201cRunner chain\u201d."_s;
}

void tst_PosternRun::setupErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.errors.contains(error), qPrintable(result.errors));
    QCOMPARE(result.errors.count(u'\n'), 1); // one line
}

// The corpus with two data rows and every reporter: exit code 1 (it has failing tests), the cli output,
// a json report of every request, a junit file with one suite per request per iteration whose counts
// add up, the exported environment; the secret value nowhere.
void tst_PosternRun::runWithEveryReporter()
{
    const QString json = QDir(m_reports).filePath(u"reports/run.json"_s);
    const QString junit = QDir(m_reports).filePath(u"reports/run.xml"_s);
    const QString environment = QDir(m_reports).filePath(u"environment.json"_s);
    const Result result = run(corpus()
                              + QStringList { u"-d"_s, QStringLiteral(POSTERN_RUNNER_DATA_DIR "/limits.json"),
                                              u"-r"_s, u"cli,json,junit"_s, u"--reporter-json-export"_s, json,
                                              u"--reporter-junit-export"_s, junit, u"--export-environment"_s,
                                              environment, u"--color"_s, u"off"_s });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.output.contains(u"\u2192 List incidents  (iteration 1/2)"_s), qPrintable(result.output));
    QVERIFY(result.output.contains(u"\u2713  status is 200"_s));
    QVERIFY(result.output.contains(u"deliberately wrong status"_s));
    QVERIFY(result.output.contains(u"expected response to have status code 201 but got 200"_s));
    QVERIFY(result.output.contains(u"assertions"_s));
    QVERIFY(!result.output.contains(u"\x1b["_s)); // --color off
    keepForSweep(u"every-reporter.cli.txt"_s, result.output + result.errors);

    const QJsonObject report = QJsonDocument::fromJson(readFile(json)).object();
    const QJsonArray executions = report.value(u"executions"_s).toArray();
    QCOMPARE(executions.size(), 9);
    QCOMPARE(report.value(u"totals"_s).toObject().value(u"failed"_s).toInt(), 6);

    // junit: read back, every count checked against the elements.
    QXmlStreamReader xml(readFile(junit));
    int suites = 0;
    int cases = 0;
    int failures = 0;
    int errors = 0;
    int declaredTests = -1;
    int declaredFailures = -1;
    int declaredErrors = -1;
    QStringList suiteNames;
    int suiteCases = 0;
    int suiteDeclared = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"testsuites"_s) {
            declaredTests = xml.attributes().value(u"tests"_s).toInt();
            declaredFailures = xml.attributes().value(u"failures"_s).toInt();
            declaredErrors = xml.attributes().value(u"errors"_s).toInt();
        } else if (xml.isStartElement() && xml.name() == u"testsuite"_s) {
            ++suites;
            suiteNames << xml.attributes().value(u"name"_s).toString();
            suiteDeclared = xml.attributes().value(u"tests"_s).toInt();
            suiteCases = 0;
        } else if (xml.isEndElement() && xml.name() == u"testsuite"_s) {
            QCOMPARE(suiteCases, suiteDeclared);
        } else if (xml.isStartElement() && xml.name() == u"testcase"_s) {
            ++cases;
            ++suiteCases;
        } else if (xml.isStartElement() && xml.name() == u"failure"_s) {
            ++failures;
        } else if (xml.isStartElement() && xml.name() == u"error"_s) {
            ++errors;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(suites, 9); // one per request per iteration, setNextRequest's skip included
    QVERIFY2(suiteNames.contains(u"List incidents (iteration 1)"_s)
                 && suiteNames.contains(u"List incidents (iteration 2)"_s),
             qPrintable(suiteNames.join(u", "_s)));
    QCOMPARE(declaredTests, cases);
    QCOMPARE(declaredFailures, failures);
    QCOMPARE(failures, 6);
    QCOMPARE(declaredErrors, errors);
    QCOMPARE(errors, 2); // the script that throws, in both iterations

    // The environment as the run left it; the secret variable without its value.
    const QJsonArray values
        = QJsonDocument::fromJson(readFile(environment)).object().value(u"values"_s).toArray();
    QStringList keys;
    for (const QJsonValue &value : values)
        keys << value[u"key"_s].toString();
    QVERIFY2(keys.contains(u"token"_s) && keys.contains(u"count"_s), qPrintable(keys.join(u", "_s)));
    for (const QByteArray &text : { result.output.toUtf8(), result.errors.toUtf8(), readFile(json),
                                    readFile(junit), readFile(environment) })
        QVERIFY(!text.contains("postern-secret"));
}

// --folder runs one folder (all passing: exit 0); -x turns the corpus's failures into exit 0.
void tst_PosternRun::folderAndSuppressedExitCode()
{
    const Result auth = run(corpus() + QStringList { u"--folder"_s, u"Auth"_s, u"--color"_s, u"off"_s });
    QCOMPARE(auth.exitCode, 0);
    QVERIFY2(auth.output.contains(u"\u2192 Get a token"_s), qPrintable(auth.output));
    QVERIFY(!auth.output.contains(u"List incidents"_s));
    const Result suppressed = run(corpus() + QStringList { u"-x"_s, u"--silent"_s });
    QCOMPARE(suppressed.exitCode, 0);
    QCOMPARE(suppressed.output, QString());
}

// A CI machine has no display: the runner links no widget, GUI or WebEngine library at all.
void tst_PosternRun::noWidgetsLoaded()
{
    QProcess ldd;
    ldd.start(u"ldd"_s, { QStringLiteral(POSTERN_RUN_PATH) });
    if (!ldd.waitForStarted(5000))
        QSKIP("ldd is not installed (Debian's libc-bin has it)");
    QVERIFY(ldd.waitForFinished(30000));
    const QString libraries = QString::fromUtf8(ldd.readAllStandardOutput());
    QVERIFY2(libraries.contains(u"libQt6Core"_s), qPrintable(libraries));
    for (const QString &library :
         { u"libQt6Widgets"_s, u"libQt6Gui"_s, u"libQt6WebEngine"_s, u"libQt6Quick"_s })
        QVERIFY2(!libraries.contains(library), qPrintable(library + u" in\n"_s + libraries));
}

// `postern run …` from the application's own executable becomes postern-run before anything of the
// window system is touched: it answers without a display.
void tst_PosternRun::posternRunHandsOver()
{
    QProcess postern;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.remove(u"QT_QPA_PLATFORM"_s);
    postern.setProcessEnvironment(environment);
    postern.setWorkingDirectory(m_dir.path());
    postern.start(QStringLiteral(POSTERN_EXECUTABLE), { u"run"_s, u"--version"_s });
    QVERIFY(postern.waitForFinished(30000));
    QCOMPARE(postern.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(postern.readAllStandardOutput()).trimmed(), QStringLiteral(POSTERN_VERSION));
    postern.start(QStringLiteral(POSTERN_EXECUTABLE), { u"run"_s, u"nothing.json"_s });
    QVERIFY(postern.waitForFinished(30000));
    QCOMPARE(postern.exitCode(), 3);
    QCOMPARE(QString::fromUtf8(postern.readAllStandardError()),
             u"postern run: the collection: there is no file \u201cnothing.json\u201d.\n"_s);
    postern.start(QStringLiteral(POSTERN_EXECUTABLE), { u"token"_s, u"get"_s, u"nothing.json"_s });
    QVERIFY(postern.waitForFinished(30000));
    QCOMPARE(postern.exitCode(), 3);
    QCOMPARE(QString::fromUtf8(postern.readAllStandardError()),
             u"postern token: the collection: there is no file \u201cnothing.json\u201d.\n"_s);
}

// --timeout stops a run that goes on too long (exit 1, a line saying why); the progress reporter
// writes a line per request. The first request has 3 s (a sanitizer build on a busy machine needs more
// than half a second to start and get the token); the minute's delay after it is cut short.
void tst_PosternRun::timeoutAndProgress()
{
    QElapsedTimer clock;
    clock.start();
    const Result slow = run(corpus()
                            + QStringList { u"--delay-request"_s, u"60000"_s, u"--timeout"_s, u"3000"_s,
                                            u"-r"_s, u"progress"_s });
    QCOMPARE(slow.exitCode, 1);
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(slow.errors, u"postern run: the run went on longer than --timeout 3000 ms and was stopped.\n"_s);
    QVERIFY2(slow.output.startsWith(u"[####----------------] 1/5 \u2713 Get a token\n"_s),
             qPrintable(slow.output));

    const Result auth = run(corpus() + QStringList { u"--folder"_s, u"Auth"_s, u"-r"_s, u"progress"_s });
    QCOMPARE(auth.exitCode, 0);
    QCOMPARE(auth.output, u"[####################] 1/1 \u2713 Get a token\n"_s);
}

// --shard 2/2 of the two data rows: the second iteration only, numbered as in the whole run.
void tst_PosternRun::shardRunsItsShare()
{
    const QString json = m_dir.filePath(u"shard.json"_s);
    const Result result
        = run(corpus()
              + QStringList { u"-d"_s, QStringLiteral(POSTERN_RUNNER_DATA_DIR "/limits.json"), u"--shard"_s,
                              u"2/2"_s, u"-r"_s, u"json"_s, u"--reporter-json-export"_s, json });
    QCOMPARE(result.exitCode, 1); // the corpus has failing tests in every iteration
    const QJsonArray executions
        = QJsonDocument::fromJson(readFile(json)).object().value(u"executions"_s).toArray();
    QCOMPARE(executions.size(), 5);
    for (const QJsonValue &execution : executions)
        QCOMPARE(execution[u"iteration"_s].toInt(), 2);
}

// --parallel 3 over four iterations: the reports list the requests in the order of a run in one go,
// with the same results; each iteration starts from the variables as given ("count", which each
// iteration adds one to, is 1 at the end instead of 4).
void tst_PosternRun::parallelKeepsTheOrder()
{
    const QStringList common
        = corpus() + QStringList { u"-d"_s, QStringLiteral(POSTERN_RUNNER_DATA_DIR "/limits.json"),
                                   u"-n"_s, u"4"_s,
                                   u"-r"_s, u"json,junit"_s };
    const QString oneGo = m_dir.filePath(u"one-go.json"_s);
    const QString parallel = m_dir.filePath(u"parallel.json"_s);
    const QString junit = m_dir.filePath(u"parallel.xml"_s);
    const QString environment = m_dir.filePath(u"parallel-environment.json"_s);
    const Result sequential = run(common + QStringList { u"--reporter-json-export"_s, oneGo });
    const Result together
        = run(common
              + QStringList { u"--parallel"_s, u"3"_s, u"--reporter-json-export"_s, parallel,
                              u"--reporter-junit-export"_s, junit, u"--export-environment"_s, environment });
    QCOMPARE(together.exitCode, sequential.exitCode);
    const QJsonObject report = QJsonDocument::fromJson(readFile(parallel)).object();
    QCOMPARE(Newman::posternLines(report),
             Newman::posternLines(QJsonDocument::fromJson(readFile(oneGo)).object()));
    QCOMPARE(report.value(u"executions"_s).toArray().size(), 19); // setNextRequest skips one in the first
    QVERIFY(readFile(junit).contains("List incidents (iteration 4)"));
    QVERIFY2(environmentLines(QJsonDocument::fromJson(readFile(environment)).object()).contains(u"count=1"_s),
             readFile(environment).constData());
}

// A collection whose authorization is OAuth 2.0 client credentials gets its token from the sandbox's
// token endpoint by itself, once for all its requests; a grant that needs a person fails the request
// with a message naming one that works. The client secret reaches no output.
void tst_PosternRun::oauthWithoutAPerson()
{
    auto collection = [](const QString &grant) {
        const QString url = u"{{baseUrl}}/api/now/table/incident?sysparm_limit=1"_s;
        const QStringList test { u"pm.test('answered', () => pm.response.to.have.status(200));"_s };
        return PosternRun::collection(u"OAuth"_s,
                                      { PosternRun::requestItem(u"First"_s, url, test),
                                        PosternRun::requestItem(u"Second"_s, url, test) },
                                      sandboxOAuth(grant));
    };
    const QString machine = m_dir.filePath(u"machine.postman_collection.json"_s);
    const QString person = m_dir.filePath(u"person.postman_collection.json"_s);
    const QString password = m_dir.filePath(u"password.postman_collection.json"_s);
    for (const auto &[path, grant] :
         { std::pair { machine, u"client_credentials"_s }, std::pair { person, u"authorization_code"_s },
           std::pair { password, u"password_credentials"_s } }) {
        QVERIFY(writeFile(path, collection(grant)));
    }
    const QStringList variables { u"--env-var"_s, u"baseUrl="_s + m_sandbox->baseUrl().toString(),
                                  u"--env-var"_s, u"clientSecret=postern-secret"_s,
                                  u"--color"_s,   u"off"_s };
    const QString json = QDir(m_reports).filePath(u"oauth.json"_s);
    const Result ok
        = run(QStringList { machine, u"-r"_s, u"cli,json"_s, u"--reporter-json-export"_s, json } + variables);
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.output.contains(u"\u2713  answered"_s), qPrintable(ok.output));
    QCOMPARE(ok.output.count(u"\u2713  answered"_s), 2);
    for (const QByteArray &text : { ok.output.toUtf8(), ok.errors.toUtf8(), readFile(json) })
        QVERIFY(!text.contains("postern-secret"));
    keepForSweep(u"oauth.cli.txt"_s, ok.output + ok.errors);

    // The password grant, with the sandbox's user from variables; the password stays out of the output.
    const QStringList abel { u"--env-var"_s, u"user=abel.tuter"_s, u"--env-var"_s, u"password=abel.tuter"_s };
    const QString passwordJson = QDir(m_reports).filePath(u"oauth-password.json"_s);
    const Result asAbel
        = run(QStringList { password, u"-r"_s, u"cli,json"_s, u"--reporter-json-export"_s, passwordJson }
              + variables + abel);
    QCOMPARE(asAbel.exitCode, 0);
    QCOMPARE(asAbel.output.count(u"\u2713  answered"_s), 2);
    for (const QByteArray &text : { asAbel.output.toUtf8(), asAbel.errors.toUtf8(), readFile(passwordJson) })
        QVERIFY(!text.contains("postern-secret") && !text.contains("abel.tuter"));
    keepForSweep(u"oauth-password.cli.txt"_s, asAbel.output + asAbel.errors);
    const Result wrongPassword
        = run(QStringList { password } + variables
              + QStringList { u"--env-var"_s, u"user=abel.tuter"_s, u"--env-var"_s, u"password=nope"_s });
    QCOMPARE(wrongPassword.exitCode, 1);
    QVERIFY2(wrongPassword.output.contains(u"No OAuth 2.0 token from the token endpoint"_s),
             qPrintable(wrongPassword.output));
    const Result noPassword = run(QStringList { password } + variables);
    QCOMPARE(noPassword.exitCode, 1);
    QVERIFY2(noPassword.output.contains(u"with the password grant, but its username has no value"_s),
             qPrintable(noPassword.output));

    const Result refused = run(QStringList { person } + variables);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(
        refused.output.contains(u"needs a person to sign in in a browser; postern run gets tokens by itself "
                                u"with the client credentials, password and device grants."_s),
        qPrintable(refused.output));
}

// A script that prints a secret variable, names a test after it, and the run exporting the
// environment with a --env-var secret in it: "****" or empty everywhere, unless --show-secrets.
void tst_PosternRun::secretsStayOut()
{
    const QJsonObject test {
        { u"listen"_s, u"test"_s },
        { u"script"_s,
          QJsonObject {
              { u"exec"_s,
                QJsonArray {
                    u"console.log('the secret is ' + pm.environment.get('apiKey'));"_s,
                    u"pm.test('quotes ' + pm.environment.get('apiKey'), () => pm.expect(1).to.equal(2));"_s,
                    u"pm.environment.set('copy', pm.environment.get('apiKey'));"_s } } } }
    };
    const QJsonObject root {
        { u"info"_s,
          QJsonObject {
              { u"name"_s, u"Secrets"_s },
              { u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s } } },
        { u"item"_s,
          QJsonArray { QJsonObject { { u"name"_s, u"One"_s },
                                     { u"event"_s, QJsonArray { test } },
                                     { u"request"_s,
                                       QJsonObject { { u"method"_s, u"GET"_s },
                                                     { u"url"_s,
                                                       QString(m_sandbox->baseUrl().toString()
                                                               + u"/api/now/table/incident"_s) } } } } } }
    };
    const QString collection = m_dir.filePath(u"secrets.postman_collection.json"_s);
    const QString environmentFile = m_dir.filePath(u"secrets.postman_environment.json"_s);
    Postern::Testing::recordCanary(u"key-7c1e9"_s);
    {
        QFile file(collection);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(root).toJson());
        QFile environment(environmentFile);
        QVERIFY(environment.open(QIODevice::WriteOnly));
        environment.write(
            R"({"name":"s","values":[{"key":"apiKey","value":"key-7c1e9","type":"secret","enabled":true}]})");
    }
    const QStringList arguments {
        collection,     u"-e"_s,      environmentFile, u"--env-var"_s, u"passed=given-4d2a"_s,
        u"--verbose"_s, u"--color"_s, u"off"_s,        u"-r"_s,        u"cli,json,junit"_s
    };
    // The reports of the run that hides the secret are kept for the canary sweep; those of the run that
    // shows it (--show-secrets) stay in the test's own folder, which goes with the test.
    const auto exports = [](const QString &folder) {
        return QStringList { u"--reporter-json-export"_s,  folder + u"/secrets.json"_s,
                             u"--reporter-junit-export"_s, folder + u"/secrets.xml"_s,
                             u"--export-environment"_s,    folder + u"/secrets-environment.json"_s };
    };
    const QString json = QDir(m_reports).filePath(u"secrets.json"_s);
    const QString junit = QDir(m_reports).filePath(u"secrets.xml"_s);
    const QString exported = QDir(m_reports).filePath(u"secrets-environment.json"_s);
    const Result hidden = run(arguments + exports(m_reports));
    QCOMPARE(hidden.exitCode, 1);
    QVERIFY2(hidden.output.contains(u"the secret is ****"_s), qPrintable(hidden.output));
    for (const QByteArray &text :
         { hidden.output.toUtf8(), readFile(json), readFile(junit), readFile(exported) })
        QVERIFY2(!text.contains("key-7c1e9"), text.constData());
    QVERIFY(readFile(json).contains("the secret is ****"));
    QVERIFY(readFile(exported).contains("given-4d2a")); // a plain --env-var is no secret
    keepForSweep(u"secrets.cli.txt"_s, hidden.output + hidden.errors);
    // --verbose says how long each phase took, as Qt reported it; the json report keeps the moments.
    static const QRegularExpression timing(
        u"\u2502 timing: (prepare|connection reused).* total [0-9.]+ ms\n"_s);
    QVERIFY2(timing.match(hidden.output).hasMatch(), qPrintable(hidden.output));
    const QJsonObject execution
        = QJsonDocument::fromJson(readFile(json)).object().value(u"executions"_s).toArray().at(0).toObject();
    const QJsonObject timings = execution.value(u"timings"_s).toObject();
    QVERIFY2(timings.value(u"finished"_s).toDouble() >= timings.value(u"requestSent"_s).toDouble(),
             QJsonDocument(execution).toJson().constData());
    QVERIFY(timings.value(u"requestSent"_s).toDouble() > 0);

    const Result shown = run(arguments + exports(m_dir.path()) + QStringList { u"--show-secrets"_s });
    QCOMPARE(shown.exitCode, 1);
    QVERIFY(shown.output.contains(u"the secret is key-7c1e9"_s));
    QVERIFY(readFile(m_dir.filePath(u"secrets-environment.json"_s)).contains("key-7c1e9"));
}

// -n below the number of data rows: -n iterations, as in newman.
void tst_PosternRun::countBelowTheRows()
{
    const QString json = m_dir.filePath(u"count.json"_s);
    const Result result
        = run(corpus()
              + QStringList { u"-d"_s, QStringLiteral(POSTERN_RUNNER_DATA_DIR "/limits.json"), u"-n"_s,
                              u"1"_s, u"-r"_s, u"json"_s, u"--reporter-json-export"_s, json });
    QCOMPARE(result.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(readFile(json)).object();
    QCOMPARE(report.value(u"iterations"_s).toInt(), 1);
    for (const QJsonValue &execution : report.value(u"executions"_s).toArray())
        QCOMPARE(execution[u"iteration"_s].toInt(), 1);
}

// The corpus with two data rows, by newman and by postern run: the same exit code, the same requests,
// tests, messages and script errors in their json reports, the same exported environment.
void tst_PosternRun::sameAsNewman()
{
    if (const QString why = Newman::unavailable(); !why.isEmpty()) {
        qInfo("%s", qPrintable(why));
        QSKIP(qPrintable(why));
    }
    const QStringList arguments
        = corpus() + QStringList { u"-d"_s, QStringLiteral(POSTERN_RUNNER_DATA_DIR "/limits.json") };
    const Newman::Result newman = Newman::run(arguments, m_dir.path());
    QVERIFY2(!newman.run.isEmpty(), newman.output.constData());
    const QString json = m_dir.filePath(u"same.json"_s);
    const QString environment = m_dir.filePath(u"same-environment.json"_s);
    const Result postern = run(arguments
                               + QStringList { u"-r"_s, u"json"_s, u"--reporter-json-export"_s, json,
                                               u"--export-environment"_s, environment, u"--show-secrets"_s });
    QCOMPARE(postern.exitCode, newman.exitCode);
    QCOMPARE(postern.exitCode, 1);
    const QStringList expected = Newman::lines(newman.run);
    const QStringList actual = Newman::posternLines(QJsonDocument::fromJson(readFile(json)).object());
    if (actual != expected)
        qInfo("newman:\n%s\npostern run:\n%s", qPrintable(expected.join(u'\n')),
              qPrintable(actual.join(u'\n')));
    QCOMPARE(actual, expected);
    QCOMPARE(environmentLines(QJsonDocument::fromJson(readFile(environment)).object()),
             environmentLines(newman.environment));
}

// The run goes on in a child process (RunSupervisor): a crash of it is one line and exit code 9, and
// Ctrl+C reaches it.
void tst_PosternRun::crashIsReported()
{
#ifndef Q_OS_LINUX
    QSKIP("The supervisor's child is found through /proc, which only Linux has.");
#else
    const auto childOf = [](qint64 pid) {
        const QByteArray children = readFile(u"/proc/%1/task/%1/children"_s.arg(pid)).trimmed();
        return children.split(' ').constFirst().toLongLong();
    };
    for (const int signal : { SIGSEGV, SIGINT }) {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        // In the sanitizer build, AddressSanitizer would take the SIGSEGV for a crash of its own to
        // report and end with status 1; the supervisor is to see the signal, as without it.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString asan = environment.value(u"ASAN_OPTIONS"_s);
        environment.insert(u"ASAN_OPTIONS"_s,
                           asan.isEmpty() ? u"handle_segv=0"_s : asan + u":handle_segv=0"_s);
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(POSTERN_RUN_PATH),
                      corpus() + QStringList { u"--delay-request"_s, u"60000"_s, u"-r"_s, u"progress"_s });
        QVERIFY(process.waitForStarted(10000));
        // Wait for the first request's line: the run is under way in the child.
        QTRY_VERIFY_WITH_TIMEOUT(process.bytesAvailable() > 0 || process.canReadLine(), 20000);
        const qint64 child = childOf(process.processId());
        QVERIFY2(child > 0, "postern-run has no child process");
        if (signal == SIGSEGV)
            QCOMPARE(::kill(pid_t(child), SIGSEGV), 0);
        else
            QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
        QVERIFY(finished.wait(20000));
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        if (signal == SIGSEGV) {
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 9);
            QVERIFY2(errors.startsWith(u"postern run: the run stopped unexpectedly ("_s), qPrintable(errors));
            QVERIFY2(errors.contains(u"--isolate-scripts"_s), qPrintable(errors));
        } else {
            QCOMPARE(process.exitStatus(), QProcess::CrashExit); // ended by SIGINT, as a shell expects
            QVERIFY2(errors.isEmpty(), qPrintable(errors));
        }
        QTRY_VERIFY(!QFileInfo::exists(u"/proc/%1"_s.arg(child))); // the child did not stay behind
    }
#endif
}

// --isolate-scripts runs the scripts in postern-script-worker: the same report as in the process.
void tst_PosternRun::isolatedScriptsAgree()
{
    const QString inProcess = m_dir.filePath(u"in-process.json"_s);
    const QString isolated = m_dir.filePath(u"isolated.json"_s);
    const Result first
        = run(corpus() + QStringList { u"-r"_s, u"json"_s, u"--reporter-json-export"_s, inProcess });
    const Result second = run(
        corpus()
        + QStringList { u"--isolate-scripts"_s, u"-r"_s, u"json"_s, u"--reporter-json-export"_s, isolated });
    QCOMPARE(first.exitCode, 1); // the corpus has failing tests
    QCOMPARE(second.exitCode, first.exitCode);
    const QStringList lines = Newman::posternLines(QJsonDocument::fromJson(readFile(inProcess)).object());
    QVERIFY(lines.size() > 10);
    QCOMPARE(Newman::posternLines(QJsonDocument::fromJson(readFile(isolated)).object()), lines);
}

// --ssl-extra-ca-certs and --ssl-client-cert/-key/-passphrase against a server whose certificate comes
// from a CA of the test's own and that asks every client for a certificate from that CA
// (tests/auto/cli/data/tls, made with openssl; see the README there).
void tst_PosternRun::tlsOptions()
{
    Postern::Testing::recordCanary(u"open-sesame"_s); // the client key's passphrase
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend.");
    const QString tls = QStringLiteral(POSTERN_CLI_DATA_DIR "/tls/");
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(readFile(tls + u"server.pem"_s)));
    configuration.setPrivateKey(QSslKey(readFile(tls + u"server.key"_s), QSsl::Rsa));
    configuration.setCaCertificates(QSslCertificate::fromData(readFile(tls + u"ca.pem"_s)));
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QSslServer server;
    server.setSslConfiguration(configuration);
    // QSslServer drops a handshake that takes longer than 5 s; a sanitizer build of postern-run reading
    // a passphrase-protected key on a busy machine can take that long (seen once in CI).
    server.setHandshakeTimeout(60000);
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
        while (auto *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                TestHttpServer::Reply reply;
                reply.body = R"({"client":")"
                    + socket->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0).toUtf8()
                    + R"("})";
                socket->write(TestHttpServer::serialize(reply));
            });
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString collection = m_dir.filePath(u"tls.postman_collection.json"_s);
    QVERIFY(writeFile(collection,
                      oneRequest(u"https://127.0.0.1:%1/whoami"_s.arg(server.serverPort()), u"ci-runner"_s)));
    const QStringList client { u"--ssl-client-cert"_s, tls + u"client.pem"_s, u"--ssl-client-key"_s,
                               tls + u"client.key"_s };
    const QStringList trust { u"--ssl-extra-ca-certs"_s, tls + u"ca.pem"_s };
    const QStringList quiet { u"-r"_s, u"progress"_s };

    const Result untrusted = run(QStringList { collection } + client
                                 + QStringList { u"--ssl-client-passphrase"_s, u"open-sesame"_s } + quiet);
    QCOMPARE(untrusted.exitCode, 1); // the server's certificate is not trusted
    const Result noCertificate = run(QStringList { collection } + trust + quiet);
    QCOMPARE(noCertificate.exitCode, 1); // the server wants a client certificate
    const Result good = run(QStringList { collection } + trust + client
                            + QStringList { u"--ssl-client-passphrase"_s, u"open-sesame"_s } + quiet);
    QVERIFY2(good.exitCode == 0, qPrintable(good.output + good.errors));
    QCOMPARE(good.output, u"[####################] 1/1 \u2713 Ask\n"_s);
    QVERIFY(!good.output.contains(u"open-sesame"_s) && !good.errors.contains(u"open-sesame"_s));
    keepForSweep(u"tls.cli.txt"_s, good.output + good.errors);

    const Result wrongPassphrase = run(QStringList { collection } + trust + client
                                       + QStringList { u"--ssl-client-passphrase"_s, u"wrong"_s });
    QCOMPARE(wrongPassphrase.exitCode, 10);
    QCOMPARE(
        wrongPassphrase.errors,
        u"postern run: --ssl-client-key: \u201c%1client.key\u201d cannot be read with the passphrase given, or is not a private key.\n"_s
            .arg(tls));
    const Result noKey = run(QStringList { collection, u"--ssl-client-cert"_s, tls + u"client.pem"_s });
    QCOMPARE(noKey.exitCode, 10);
    const Result notACertificate = run(QStringList { collection, u"--ssl-extra-ca-certs"_s, collection });
    QCOMPARE(notACertificate.exitCode, 10);
    QVERIFY2(notACertificate.errors.contains(u"holds no PEM or DER certificate"_s),
             qPrintable(notACertificate.errors));
    const Result missing = run(QStringList { collection, u"--ssl-extra-ca-certs"_s, tls + u"none.pem"_s });
    QCOMPARE(missing.exitCode, 10);
}

// --cookie-jar and --export-cookie-jar: the cookies of the jar go out with the requests, those the server
// sets come back in the exported jar, and newman, given the same jar and server, exports the same
// cookies.
void tst_PosternRun::cookieJarLikeNewman()
{
    TestHttpServer server;
    server.setHandler([](const TestHttpServer::Request &request) {
        TestHttpServer::Reply reply;
        reply.body = R"({"cookie":")" + request.header("Cookie") + R"("})";
        reply.headers.append(
            qMakePair(QByteArray("Set-Cookie"), QByteArray("session=s-42; Path=/; HttpOnly")));
        reply.headers.append(
            qMakePair(QByteArray("Set-Cookie"), QByteArray("theme=dark; Path=/; Max-Age=86400")));
        return reply;
    });
    QVERIFY(server.listenOnLoopback());
    const QString collection = m_dir.filePath(u"cookies.postman_collection.json"_s);
    QVERIFY(writeFile(collection, oneRequest(server.url(u"/whoami"_s).toString(), u"seed=planted"_s)));
    const QString jar = m_dir.filePath(u"jar.json"_s);
    QVERIFY(writeFile(jar, R"({"version":"tough-cookie@4.1.3","storeType":"MemoryCookieStore","cookies":[
        {"key":"seed","value":"planted","domain":"127.0.0.1","path":"/","hostOnly":true,"creation":"2026-01-01T00:00:00.000Z"},
        {"key":"stale","value":"old","domain":"127.0.0.1","path":"/","hostOnly":true,"expires":"2001-01-01T00:00:00.000Z"}]})"));
    const QString ours = m_dir.filePath(u"ours.json"_s);
    const Result result
        = run({ collection, u"--cookie-jar"_s, jar, u"--export-cookie-jar"_s, ours, u"-r"_s, u"progress"_s });
    QCOMPARE(result.exitCode, 0);
    const auto cookies = [](const QString &path) {
        QStringList lines;
        for (const QJsonValue &cookie :
             QJsonDocument::fromJson(readFile(path)).object().value(u"cookies"_s).toArray())
            lines << u"%1=%2 %3%4 host-only:%5 http-only:%6 expires:%7"_s
                         .arg(cookie[u"key"_s].toString(), cookie[u"value"_s].toString(),
                              cookie[u"domain"_s].toString(), cookie[u"path"_s].toString())
                         .arg(cookie[u"hostOnly"_s].toBool())
                         .arg(cookie[u"httpOnly"_s].toBool())
                         .arg((cookie[u"expires"_s].isString()
                               && cookie[u"expires"_s].toString() != u"Infinity"_s)
                              || cookie[u"maxAge"_s].isDouble()); // tough-cookie keeps Max-Age as it came
        lines.sort();
        return lines;
    };
    const QStringList exported = cookies(ours);
    QCOMPARE(exported,
             (QStringList { u"seed=planted 127.0.0.1/ host-only:1 http-only:0 expires:0"_s,
                            u"session=s-42 127.0.0.1/ host-only:1 http-only:1 expires:0"_s,
                            u"theme=dark 127.0.0.1/ host-only:1 http-only:0 expires:1"_s }));

    const QString broken = m_dir.filePath(u"broken-jar.json"_s);
    QVERIFY(writeFile(broken, R"({"cookies":[{"value":"x","domain":"127.0.0.1"}]})"));
    const Result refused = run({ collection, u"--cookie-jar"_s, broken });
    QCOMPARE(refused.exitCode, 11);
    QCOMPARE(refused.errors, u"postern run: the cookie jar: cookie 1 of the jar has no key.\n"_s);

    if (const QString why = Newman::unavailable(); !why.isEmpty())
        QSKIP(qPrintable(why));
    const QString theirs = m_dir.filePath(u"theirs.json"_s);
    const Newman::Result newman
        = Newman::run({ collection, u"--cookie-jar"_s, jar, u"--export-cookie-jar"_s, theirs }, m_dir.path());
    QCOMPARE(newman.exitCode, 0);
    QCOMPARE(cookies(theirs), exported);
}

// postern token get: the token of a collection's authorization on standard output. The authorization
// code grant through "the user's browser" (postern-test-browser, named in $BROWSER, signs in at the
// sandbox), client credentials straight away; without a person, or without OAuth 2.0, a one-line error
// and exit code 13.
void tst_PosternRun::tokenGet()
{
    const auto collection = [this](const QString &grant) {
        const QString path = m_dir.filePath(grant + u".token.postman_collection.json"_s);
        return writeFile(path, PosternRun::collection(u"Tokens"_s, {}, sandboxOAuth(grant))) ? path
                                                                                             : QString();
    };
    const QStringList variables { u"--env-var"_s, u"baseUrl="_s + m_sandbox->baseUrl().toString(),
                                  u"--env-var"_s, u"clientSecret=postern-secret"_s };
    // Whether the sandbox takes the token.
    QNetworkAccessManager network;
    const auto works = [&](const QString &token) {
        QNetworkRequest request(
            QUrl(m_sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=1"_s));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        const bool answered = finished.wait(10000);
        reply->deleteLater();
        return answered && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    };

    QProcessEnvironment browser = QProcessEnvironment::systemEnvironment();
    browser.insert(u"BROWSER"_s, u"\"%1\" %s"_s.arg(QStringLiteral(POSTERN_TEST_BROWSER)));
    const QString code = collection(u"authorization_code_with_pkce"_s);
    const Result signedIn = run(QStringList { u"token"_s, u"get"_s, code } + variables, browser);
    QVERIFY2(signedIn.exitCode == 0, qPrintable(signedIn.errors));
    const QString token = signedIn.output.trimmed();
    Postern::Testing::recordCanary(token);
    QVERIFY(!token.isEmpty() && !token.contains(u'\n'));
    QVERIFY2(signedIn.errors.startsWith(u"postern token: sign in in the browser that opened ("_s),
             qPrintable(signedIn.errors));
    QVERIFY(!signedIn.errors.contains(token));
    keepForSweep(u"token-get.errors.txt"_s, signedIn.errors); // its standard output is the token
    QVERIFY(works(token));

    const Result machine
        = run(QStringList { u"token"_s, u"get"_s, collection(u"client_credentials"_s) } + variables);
    QCOMPARE(machine.exitCode, 0);
    Postern::Testing::recordCanary(machine.output.trimmed());
    QVERIFY(works(machine.output.trimmed()));
    QCOMPARE(machine.errors, QString());
    const QString password = collection(u"password_credentials"_s);
    const Result asAbel = run(QStringList { u"token"_s, u"get"_s, password, u"--env-var"_s,
                                            u"user=abel.tuter"_s, u"--env-var"_s, u"password=abel.tuter"_s }
                              + variables);
    QVERIFY2(asAbel.exitCode == 0, qPrintable(asAbel.errors));
    Postern::Testing::recordCanary(asAbel.output.trimmed());
    QVERIFY(works(asAbel.output.trimmed()));
    const Result wrongPassword = run(QStringList { u"token"_s, u"get"_s, password, u"--env-var"_s,
                                                   u"user=abel.tuter"_s, u"--env-var"_s, u"password=nope"_s }
                                     + variables);
    QCOMPARE(wrongPassword.exitCode, 13);
    QVERIFY2(wrongPassword.errors.startsWith(u"postern token: no token: "_s),
             qPrintable(wrongPassword.errors));
    QVERIFY(!wrongPassword.errors.contains(u"nope"_s));

    QProcessEnvironment nobody = QProcessEnvironment::systemEnvironment();
    nobody.remove(u"BROWSER"_s);
    const Result noPerson = run(QStringList { u"token"_s, u"get"_s, code } + variables, nobody);
    QCOMPARE(noPerson.exitCode, 13);
    QCOMPARE(noPerson.output, QString());
    QCOMPARE(
        noPerson.errors,
        u"postern token: the Authorization Code (With PKCE) grant of the collection \u201cTokens\u201d needs "
        u"a person to "
        "sign in in a browser, and there is none here (no terminal, no $BROWSER). The client credentials or "
        "password grant gets a token without one, and the device grant with a person approving on any "
        "device.\n"_s);

    const Result noOAuth = run(
        { u"token"_s, u"get"_s, QStringLiteral(POSTERN_RUNNER_DATA_DIR "/chain.postman_collection.json") });
    QCOMPARE(noOAuth.exitCode, 13);
    const Result usage = run({ u"token"_s, u"fetch"_s, code });
    QCOMPARE(usage.exitCode, 2);
    QCOMPARE(usage.errors,
             u"postern token: Unknown command \u201cfetch\u201d: postern token get <collection>. "
             "(postern token --help lists the options)\n"_s);
}

// A postern-run with no postern-script-worker next to it (nor on PATH): scripts run in its own process
// all the same; --isolate-scripts ends at once with exit code 8.
void tst_PosternRun::isolatedWithoutWorker()
{
    const QString alone = m_dir.filePath(u"alone"_s);
    QVERIFY(QDir().mkpath(alone));
    const QString program = alone + u"/postern-run"_s;
    QFile::remove(program);
    QVERIFY(QFile::copy(QStringLiteral(POSTERN_RUN_PATH), program));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, alone);
    environment.remove(u"POSTERN_SCRIPT_WORKER"_s);
    const auto runAlone = [&](const QStringList &extra) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_dir.path());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(program, corpus() + extra);
        return process.waitForStarted(10000) && finished.wait(60000)
            ? Result { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                       QString::fromUtf8(process.readAllStandardError()) }
            : Result {};
    };
    const Result inProcess = runAlone({ u"-r"_s, u"progress"_s });
    QCOMPARE(inProcess.exitCode, 1); // the corpus's own failing tests: the scripts ran
    QCOMPARE(inProcess.errors, QString());
    const Result isolated = runAlone({ u"--isolate-scripts"_s });
    QCOMPARE(isolated.exitCode, 8);
    QCOMPARE(isolated.errors,
             u"postern run: postern-script-worker, which runs the collection's scripts, was not found "
             "where Postern installs it.\n"_s);
}

QTEST_GUILESS_MAIN(tst_PosternRun)
#include "tst_posternrun.moc"
