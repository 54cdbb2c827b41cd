// RunCommand: `postern run`'s options with newman's names and meanings, data-driven, and a one-line
// error for each bad one.

#include "cli/runcommand.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_RunCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newmansOptions();
    void badOptions_data();
    void badOptions();
    void helpListsTheOptions();
};

void tst_RunCommand::newmansOptions()
{
    const RunCommand::Parsed parsed = RunCommand::parse({ u"c.json"_s,
                                                          u"-e"_s,
                                                          u"env.json"_s,
                                                          u"--globals"_s,
                                                          u"g.json"_s,
                                                          u"-d"_s,
                                                          u"rows.csv"_s,
                                                          u"-n"_s,
                                                          u"3"_s,
                                                          u"--folder"_s,
                                                          u"Auth"_s,
                                                          u"--folder"_s,
                                                          u"Incidents"_s,
                                                          u"--env-var"_s,
                                                          u"a=1=2"_s,
                                                          u"--global-var"_s,
                                                          u"g=x"_s,
                                                          u"--export-environment"_s,
                                                          u"out.json"_s,
                                                          u"--export-globals"_s,
                                                          u"gout.json"_s,
                                                          u"--bail"_s,
                                                          u"-x"_s,
                                                          u"--delay-request"_s,
                                                          u"10"_s,
                                                          u"--timeout"_s,
                                                          u"60000"_s,
                                                          u"--timeout-request"_s,
                                                          u"2000"_s,
                                                          u"--timeout-script"_s,
                                                          u"500"_s,
                                                          u"-k"_s,
                                                          u"--ignore-redirects"_s,
                                                          u"-r"_s,
                                                          u"cli,json"_s,
                                                          u"-r"_s,
                                                          u"junit,progress"_s,
                                                          u"--reporter-json-export"_s,
                                                          u"r.json"_s,
                                                          u"--reporter-junit-export"_s,
                                                          u"r.xml"_s,
                                                          u"--reporter-cli-no-summary"_s,
                                                          u"--color"_s,
                                                          u"off"_s,
                                                          u"--silent"_s,
                                                          u"--verbose"_s,
                                                          u"--show-secrets"_s });
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const RunCommand &c = parsed.command;
    QCOMPARE(c.collection, u"c.json"_s);
    QCOMPARE(c.environment, u"env.json"_s);
    QCOMPARE(c.globals, u"g.json"_s);
    QCOMPARE(c.iterationData, u"rows.csv"_s);
    QCOMPARE(c.iterationCount, 3);
    QCOMPARE(c.folders, QStringList({ u"Auth"_s, u"Incidents"_s }));
    QCOMPARE(c.envVars.value(0), qMakePair(u"a"_s, u"1=2"_s));
    QCOMPARE(c.globalVars.value(0), qMakePair(u"g"_s, u"x"_s));
    QCOMPARE(c.exportEnvironment, u"out.json"_s);
    QCOMPARE(c.exportGlobals, u"gout.json"_s);
    QVERIFY(c.bail && c.suppressExitCode && c.insecure && c.ignoreRedirects && c.noSummary && c.silent
            && c.verbose && c.showSecrets);
    QCOMPARE(c.delayRequest, 10);
    QCOMPARE(c.timeout, 60000);
    QCOMPARE(c.shardIndex, 0);
    QCOMPARE(c.shardCount, 1);
    const RunCommand::Parsed sharded
        = RunCommand::parse({ u"c.json"_s, u"--shard"_s, u"2/3"_s, u"--parallel"_s, u"4"_s });
    QVERIFY2(sharded.ok(), qPrintable(sharded.error));
    QCOMPARE(sharded.command.shardIndex, 1);
    QCOMPARE(sharded.command.shardCount, 3);
    QCOMPARE(sharded.command.parallel, 4);
    QCOMPARE(c.parallel, 1);
    QCOMPARE(c.timeoutRequest, 2000);
    QCOMPARE(c.timeoutScript, 500);
    QCOMPARE(c.reporters, QStringList({ u"cli"_s, u"json"_s, u"junit"_s, u"progress"_s }));
    QCOMPARE(c.jsonExport, u"r.json"_s);
    QCOMPARE(c.junitExport, u"r.xml"_s);
    QCOMPARE(c.color, RunCommand::Color::Off);

    const RunCommand::Parsed plain = RunCommand::parse({ u"c.json"_s });
    QVERIFY(plain.ok());
    QCOMPARE(plain.command.reporters, QStringList({ u"cli"_s }));
    QCOMPARE(plain.command.iterationCount, 0);
    QCOMPARE(plain.command.color, RunCommand::Color::Auto);
    QVERIFY(!plain.command.isolateScripts);

    const RunCommand::Parsed tls = RunCommand::parse(
        { u"c.json"_s, u"--ssl-extra-ca-certs"_s, u"ca.pem"_s, u"--ssl-client-cert"_s, u"me.pem"_s,
          u"--ssl-client-key"_s, u"me.key"_s, u"--ssl-client-passphrase"_s, u"pw"_s, u"--cookie-jar"_s,
          u"in.json"_s, u"--export-cookie-jar"_s, u"out.json"_s, u"--isolate-scripts"_s });
    QVERIFY2(tls.ok(), qPrintable(tls.error));
    QCOMPARE(tls.command.sslExtraCaCerts, u"ca.pem"_s);
    QCOMPARE(tls.command.sslClientCert, u"me.pem"_s);
    QCOMPARE(tls.command.sslClientKey, u"me.key"_s);
    QCOMPARE(tls.command.sslClientPassphrase, u"pw"_s);
    QCOMPARE(tls.command.cookieJar, u"in.json"_s);
    QCOMPARE(tls.command.exportCookieJar, u"out.json"_s);
    QVERIFY(tls.command.isolateScripts);
    QVERIFY(RunCommand::parse({ u"--help"_s }).help);
    QVERIFY(RunCommand::parse({ u"--version"_s }).version);
}

void tst_RunCommand::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("no collection") << QStringList()
                                   << u"Name the collection to run: postern run <collection>."_s;
    QTest::newRow("two collections") << QStringList { u"a.json"_s, u"b.json"_s }
                                     << u"One collection at a time, not 2: a.json, b.json."_s;
    QTest::newRow("unknown option") << QStringList { u"a.json"_s, u"--frobnicate"_s }
                                    << u"Unknown option 'frobnicate'."_s;
    QTest::newRow("value missing") << QStringList { u"a.json"_s, u"-e"_s } << u"Missing value after '-e'."_s;
    QTest::newRow("count not a number")
        << QStringList { u"a.json"_s, u"-n"_s, u"many"_s }
        << u"--iteration-count needs a whole number of 0 or more, not \u201cmany\u201d."_s;
    QTest::newRow("count zero") << QStringList { u"a.json"_s, u"-n"_s, u"0"_s }
                                << u"--iteration-count needs 1 or more."_s;
    QTest::newRow("negative delay") << QStringList {
        u"a.json"_s, u"--delay-request"_s, u"-5"_s
    } << u"--delay-request needs a whole number of 0 or more, not \u201c-5\u201d."_s;
    QTest::newRow("env-var without =") << QStringList { u"a.json"_s, u"--env-var"_s, u"token"_s }
                                       << u"--env-var needs key=value, not \u201ctoken\u201d."_s;
    QTest::newRow("unknown reporter")
        << QStringList { u"a.json"_s, u"-r"_s, u"cli,html"_s }
        << u"Unknown reporter \u201chtml\u201d: use cli, progress, json or junit."_s;
    for (const QString &shard : { u"0/3"_s, u"4/3"_s, u"1"_s, u"a/b"_s, u"1/0"_s, u"1/2/3"_s })
        QTest::newRow(qPrintable(u"shard "_s + shard))
            << QStringList { u"a.json"_s, u"--shard"_s, shard }
            << u"--shard is i/n with 1 \u2264 i \u2264 n (job i of n), not \u201c%1\u201d."_s.arg(shard);
    QTest::newRow("parallel zero") << QStringList { u"a.json"_s, u"--parallel"_s, u"0"_s }
                                   << u"--parallel needs 1 or more."_s;
    QTest::newRow("bad color") << QStringList { u"a.json"_s, u"--color"_s, u"blue"_s }
                               << u"--color is on, off or auto, not \u201cblue\u201d."_s;
}

void tst_RunCommand::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const RunCommand::Parsed parsed = RunCommand::parse(arguments);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error, error);
    QVERIFY(!parsed.error.contains(u'\n'));
}

void tst_RunCommand::helpListsTheOptions()
{
    const QString help = RunCommand::helpText();
    QVERIFY(help.startsWith(u"Usage: postern run [options] collection"_s));
    for (const QString &option : { u"--environment"_s,
                                   u"--globals"_s,
                                   u"--iteration-data"_s,
                                   u"--iteration-count"_s,
                                   u"--folder"_s,
                                   u"--env-var"_s,
                                   u"--global-var"_s,
                                   u"--export-environment"_s,
                                   u"--export-globals"_s,
                                   u"--bail"_s,
                                   u"--suppress-exit-code"_s,
                                   u"--delay-request"_s,
                                   u"--timeout"_s,
                                   u"--parallel"_s,
                                   u"--shard"_s,
                                   u"--timeout-request"_s,
                                   u"--timeout-script"_s,
                                   u"--insecure"_s,
                                   u"--ignore-redirects"_s,
                                   u"--ssl-extra-ca-certs"_s,
                                   u"--ssl-client-cert"_s,
                                   u"--ssl-client-key"_s,
                                   u"--ssl-client-passphrase"_s,
                                   u"--cookie-jar"_s,
                                   u"--export-cookie-jar"_s,
                                   u"--isolate-scripts"_s,
                                   u"--reporters"_s,
                                   u"--reporter-json-export"_s,
                                   u"--reporter-junit-export"_s,
                                   u"--reporter-cli-no-summary"_s,
                                   u"--color"_s,
                                   u"--silent"_s,
                                   u"--verbose"_s,
                                   u"--show-secrets"_s,
                                   u"Exit codes: 0"_s })
        QVERIFY2(help.contains(option), qPrintable(option));
}

QTEST_GUILESS_MAIN(tst_RunCommand)
#include "tst_runcommand.moc"
