#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Postern {

// How `postern run` ends, for CI logs to tell the cases apart. 0 and 1 mean what they mean to newman.
enum class ExitCode : int {
    Passed = 0, // every request answered, every test passed, no script error
    Failed = 1, // a test, a request or a script failed
    Usage = 2, // an unknown option, a bad value, a folder that is not in the collection
    CollectionUnreadable = 3, // the collection file is missing or cannot be read
    NotACollection = 4, // the file is not a Postman collection Postern can read
    EnvironmentProblem = 5, // the environment or globals file is missing or not one
    DataFileProblem = 6, // the iteration data file is missing or malformed
    OutputProblem = 7, // a report or an exported file could not be written
    ScriptWorkerMissing = 8, // --isolate-scripts, and postern-script-worker is not installed
    Crashed = 9, // the run stopped by itself (a crash; a script that took all the memory it may)
    CertificateProblem = 10, // an --ssl-… certificate or key file is missing, unreadable or not one
    CookieJarProblem = 11, // the --cookie-jar file is missing or not a cookie jar
    WorkspaceProblem = 12, // the --workspace folder is not a Postern workspace
    NoToken = 13, // postern token get: no OAuth 2.0 authorization there, or no token from it
};

// The options of `postern run`, with newman's names and meanings.
struct RunCommand
{
    QString collection; // a Postman collection file; with --workspace, a collection's name or id
    QString workspace; // --workspace DIR: a Postern workspace folder
    QString environment; // -e, --environment: a Postman environment file (or, with --workspace, a name)
    QString globals; // -g, --globals: a Postman globals file
    QString iterationData; // -d, --iteration-data: CSV or JSON
    int iterationCount = 0; // -n, --iteration-count; 0: one, or one per data row
    int parallel = 1; // --parallel N: iterations run N at a time, each from the variables as given
    int shardIndex = 0; // --shard i/n: this job runs the iterations k (0-based) with k % n == i - 1
    int shardCount = 1;
    QStringList folders; // --folder, repeatable: folders or requests by name, in this order
    QList<QPair<QString, QString>> envVars; // --env-var key=value
    QList<QPair<QString, QString>> globalVars; // --global-var key=value
    QString exportEnvironment; // --export-environment FILE
    QString exportGlobals; // --export-globals FILE
    bool bail = false; // --bail: stop at the first failure
    bool suppressExitCode = false; // -x, --suppress-exit-code: 0 even when something failed
    int delayRequest = 0; // --delay-request, ms
    int timeout = 0; // --timeout, ms: the whole run; 0: no limit
    int timeoutRequest = 0; // --timeout-request, ms; 0: the requests' own
    int timeoutScript = 0; // --timeout-script, ms; 0: the default time limit
    bool insecure = false; // -k, --insecure: no TLS certificate check
    QString sslExtraCaCerts; // --ssl-extra-ca-certs FILE: PEM certificates trusted besides the system's
    QString sslClientCert; // --ssl-client-cert FILE
    QString sslClientKey; // --ssl-client-key FILE
    QString sslClientPassphrase; // --ssl-client-passphrase: the client key's
    QString cookieJar; // --cookie-jar FILE: cookies to start with (newman's JSON)
    QString exportCookieJar; // --export-cookie-jar FILE: the cookies as the run left them
    bool ignoreRedirects = false; // --ignore-redirects
    QStringList reporters { QStringLiteral("cli") }; // -r, --reporters cli,progress,json,junit
    QString jsonExport; // --reporter-json-export FILE
    QString junitExport; // --reporter-junit-export FILE
    bool noSummary = false; // --reporter-cli-no-summary
    enum class Color { Auto, On, Off };
    Color color = Color::Auto; // --color on|off|auto
    bool silent = false; // --silent: no cli output at all
    bool verbose = false; // --verbose: the scripts' console lines too
    bool showSecrets = false; // --show-secrets: secret values as they are in output and exports
    bool isolateScripts = false; // --isolate-scripts: scripts in postern-script-worker, not in this process

    struct Parsed;
    // arguments without the program's name: the collection and the options, in any order.
    static Parsed parse(const QStringList &arguments);
    static QString helpText();
};

struct RunCommand::Parsed
{
    RunCommand command;
    QString error; // one line, for people; empty on success
    bool help = false; // --help: helpText() is the answer
    bool version = false;
    bool ok() const { return error.isEmpty(); }
};

} // namespace Postern
