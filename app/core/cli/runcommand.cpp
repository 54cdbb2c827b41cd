#include "cli/runcommand.h"

#include "cli/cliinputs.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

struct Options
{
    QCommandLineOption workspace {
        u"workspace"_s,
        u"Run a collection of this Postern workspace (by name), with its secrets and "
        "the tokens the app stored."_s,
        u"dir"_s
    };
    QCommandLineOption environment {
        { u"e"_s, u"environment"_s },
        u"A Postman environment file (with --workspace: or an environment's name)."_s,
        u"file"_s
    };
    QCommandLineOption globals { { u"g"_s, u"globals"_s }, u"A Postman globals file."_s, u"file"_s };
    QCommandLineOption data { { u"d"_s, u"iteration-data"_s },
                              u"A data file (CSV or JSON): one iteration per row."_s,
                              u"file"_s };
    QCommandLineOption count { { u"n"_s, u"iteration-count"_s }, u"How many iterations to run."_s, u"n"_s };
    QCommandLineOption parallel { u"parallel"_s,
                                  u"Run N iterations at a time, each with its own copy of the variables."_s,
                                  u"n"_s };
    QCommandLineOption shard { u"shard"_s,
                               u"Run share i of n of the iterations (i from 1 to n), for n CI jobs."_s,
                               u"i/n"_s };
    QCommandLineOption folder { u"folder"_s,
                                u"Run only this folder or request (by name); repeat it for several."_s,
                                u"name"_s };
    QCommandLineOption envVar { u"env-var"_s, u"Set an environment variable (repeatable)."_s,
                                u"key=value"_s };
    QCommandLineOption globalVar { u"global-var"_s, u"Set a global variable (repeatable)."_s,
                                   u"key=value"_s };
    QCommandLineOption exportEnvironment { u"export-environment"_s,
                                           u"Write the environment as the run left it to this file."_s,
                                           u"file"_s };
    QCommandLineOption exportGlobals { u"export-globals"_s,
                                       u"Write the globals as the run left them to this file."_s, u"file"_s };
    QCommandLineOption bail { u"bail"_s, u"Stop the run at the first failure."_s };
    QCommandLineOption suppress { { u"x"_s, u"suppress-exit-code"_s },
                                  u"Exit with 0 even when a test, request or script failed."_s };
    QCommandLineOption delay { u"delay-request"_s, u"Wait this long between two requests."_s, u"ms"_s };
    QCommandLineOption timeout { u"timeout"_s, u"The time limit of the whole run."_s, u"ms"_s };
    QCommandLineOption timeoutRequest { u"timeout-request"_s, u"The time limit of each request."_s, u"ms"_s };
    QCommandLineOption timeoutScript { u"timeout-script"_s, u"The time limit of each script."_s, u"ms"_s };
    QCommandLineOption insecure { { u"k"_s, u"insecure"_s }, u"Do not check TLS certificates."_s };
    QCommandLineOption ignoreRedirects { u"ignore-redirects"_s, u"Do not follow redirects."_s };
    QCommandLineOption extraCa { u"ssl-extra-ca-certs"_s,
                                 u"Trust the certificates in this PEM file besides the system's."_s,
                                 u"file"_s };
    QCommandLineOption clientCert { u"ssl-client-cert"_s, u"A client certificate (PEM or DER) for TLS."_s,
                                    u"file"_s };
    QCommandLineOption clientKey { u"ssl-client-key"_s, u"The private key of the client certificate."_s,
                                   u"file"_s };
    QCommandLineOption clientPassphrase { u"ssl-client-passphrase"_s, u"The client key's passphrase."_s,
                                          u"passphrase"_s };
    QCommandLineOption cookieJar { u"cookie-jar"_s,
                                   u"Start with the cookies of this JSON cookie jar (newman's)."_s,
                                   u"file"_s };
    QCommandLineOption exportCookieJar { u"export-cookie-jar"_s,
                                         u"Write the cookies as the run left them to this file."_s,
                                         u"file"_s };
    QCommandLineOption reporters {
        { u"r"_s, u"reporters"_s },
        u"Reporters, comma-separated: cli, progress, json, junit (default: cli)."_s,
        u"list"_s
    };
    QCommandLineOption jsonExport { u"reporter-json-export"_s, u"Where the json reporter writes."_s,
                                    u"file"_s };
    QCommandLineOption junitExport { u"reporter-junit-export"_s, u"Where the junit reporter writes."_s,
                                     u"file"_s };
    QCommandLineOption noSummary { u"reporter-cli-no-summary"_s,
                                   u"Leave the summary table out of the cli reporter."_s };
    QCommandLineOption color { u"color"_s, u"Colours in the cli reporter: on, off or auto."_s, u"when"_s };
    QCommandLineOption silent { u"silent"_s, u"Print nothing."_s };
    QCommandLineOption verbose {
        u"verbose"_s, u"Print the scripts' console lines and the timing of each request's phases too."_s
    };
    QCommandLineOption showSecrets {
        u"show-secrets"_s, u"Show secret values and credentials in output, reports and exports."_s
    };
    QCommandLineOption isolateScripts {
        u"isolate-scripts"_s,
        u"Run scripts in a process of their own (postern-script-worker): a script that brings the engine "
        "down fails its request instead of ending the run. Slower."_s
    };
    QCommandLineOption help { { u"h"_s, u"help"_s }, u"Show this help."_s };
    QCommandLineOption version { { u"v"_s, u"version"_s }, u"Show the version."_s };

    void addTo(QCommandLineParser *parser) const
    {
        parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser->addOptions({ workspace,
                             parallel,
                             shard,
                             environment,
                             globals,
                             data,
                             count,
                             folder,
                             envVar,
                             globalVar,
                             exportEnvironment,
                             exportGlobals,
                             bail,
                             suppress,
                             delay,
                             timeout,
                             timeoutRequest,
                             timeoutScript,
                             insecure,
                             ignoreRedirects,
                             reporters,
                             jsonExport,
                             junitExport,
                             noSummary,
                             color,
                             silent,
                             verbose,
                             showSecrets,
                             isolateScripts,
                             extraCa,
                             clientCert,
                             clientKey,
                             clientPassphrase,
                             cookieJar,
                             exportCookieJar,
                             help,
                             version });
        parser->addPositionalArgument(
            u"collection"_s,
            u"A Postman collection file (v2.0 or v2.1), or with --workspace a collection's name."_s);
    }
};

// A whole number of at least 0, or an error naming the option.
int number(const QCommandLineParser &parser, const QCommandLineOption &option, QString *error)
{
    if (!parser.isSet(option))
        return 0;
    const QString text = parser.value(option);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0)
        *error = u"--%1 needs a whole number of 0 or more, not \u201c%2\u201d."_s.arg(
            option.names().constLast(), text);
    return value;
}

} // namespace

RunCommand::Parsed RunCommand::parse(const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineParser parser;
    const Options options;
    options.addTo(&parser);
    if (!parser.parse(QStringList { u"postern run"_s } + arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (parser.isSet(options.help)) {
        parsed.help = true;
        return parsed;
    }
    if (parser.isSet(options.version)) {
        parsed.version = true;
        return parsed;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        parsed.error = positional.isEmpty()
            ? u"Name the collection to run: postern run <collection>."_s
            : u"One collection at a time, not %1: %2."_s.arg(positional.size()).arg(positional.join(u", "_s));
        return parsed;
    }
    RunCommand &command = parsed.command;
    command.collection = positional.constFirst();
    command.workspace = parser.value(options.workspace);
    command.environment = parser.value(options.environment);
    command.globals = parser.value(options.globals);
    command.iterationData = parser.value(options.data);
    command.folders = parser.values(options.folder);
    command.exportEnvironment = parser.value(options.exportEnvironment);
    command.exportGlobals = parser.value(options.exportGlobals);
    command.bail = parser.isSet(options.bail);
    command.suppressExitCode = parser.isSet(options.suppress);
    command.insecure = parser.isSet(options.insecure);
    command.ignoreRedirects = parser.isSet(options.ignoreRedirects);
    command.jsonExport = parser.value(options.jsonExport);
    command.junitExport = parser.value(options.junitExport);
    command.noSummary = parser.isSet(options.noSummary);
    command.silent = parser.isSet(options.silent);
    command.verbose = parser.isSet(options.verbose);
    command.showSecrets = parser.isSet(options.showSecrets);
    command.isolateScripts = parser.isSet(options.isolateScripts);
    command.sslExtraCaCerts = parser.value(options.extraCa);
    command.sslClientCert = parser.value(options.clientCert);
    command.sslClientKey = parser.value(options.clientKey);
    command.sslClientPassphrase = parser.value(options.clientPassphrase);
    command.cookieJar = parser.value(options.cookieJar);
    command.exportCookieJar = parser.value(options.exportCookieJar);

    QString error;
    command.iterationCount = number(parser, options.count, &error);
    command.delayRequest = number(parser, options.delay, &error);
    command.timeout = number(parser, options.timeout, &error);
    command.timeoutRequest = number(parser, options.timeoutRequest, &error);
    command.timeoutScript = number(parser, options.timeoutScript, &error);
    command.envVars = CliInputs::keyValues(parser.values(options.envVar), u"env-var"_s, &error);
    command.globalVars = CliInputs::keyValues(parser.values(options.globalVar), u"global-var"_s, &error);
    if (parser.isSet(options.parallel)) {
        command.parallel = number(parser, options.parallel, &error);
        if (command.parallel < 1 && error.isEmpty())
            error = u"--parallel needs 1 or more."_s;
    }
    if (parser.isSet(options.shard)) {
        const QString text = parser.value(options.shard);
        const QStringList parts = text.split(u'/');
        bool indexOk = false;
        bool countOk = false;
        const int index = parts.value(0).toInt(&indexOk);
        const int count = parts.value(1).toInt(&countOk);
        if (parts.size() != 2 || !indexOk || !countOk || count < 1 || index < 1 || index > count)
            error = u"--shard is i/n with 1 \u2264 i \u2264 n (job i of n), not \u201c%1\u201d."_s.arg(text);
        else {
            command.shardIndex = index - 1;
            command.shardCount = count;
        }
    }
    if (parser.isSet(options.count) && command.iterationCount == 0 && error.isEmpty())
        error = u"--iteration-count needs 1 or more."_s;
    if (parser.isSet(options.reporters)) {
        command.reporters.clear();
        for (const QString &name :
             parser.values(options.reporters).join(u',').split(u',', Qt::SkipEmptyParts)) {
            const QString reporter = name.trimmed();
            if (reporter != u"cli"_s && reporter != u"progress"_s && reporter != u"json"_s
                && reporter != u"junit"_s) {
                error = u"Unknown reporter \u201c%1\u201d: use cli, progress, json or junit."_s.arg(reporter);
                break;
            }
            if (!command.reporters.contains(reporter))
                command.reporters.append(reporter);
        }
    }
    if (parser.isSet(options.color)) {
        const QString when = parser.value(options.color);
        if (when == u"on"_s)
            command.color = Color::On;
        else if (when == u"off"_s)
            command.color = Color::Off;
        else if (when == u"auto"_s)
            command.color = Color::Auto;
        else
            error = u"--color is on, off or auto, not \u201c%1\u201d."_s.arg(when);
    }
    parsed.error = error;
    return parsed;
}

QString RunCommand::helpText()
{
    QCommandLineParser parser;
    const Options options;
    options.addTo(&parser);
    parser.setApplicationDescription(
        u"Runs a Postman collection as newman does: the same options, scripts and exit codes.\n"
        "Exit codes: 0 all passed, 1 a test, request or script failed, 2 a bad option, 3 the collection\n"
        "cannot be read, 4 it is not a collection, 5 the environment or globals, 6 the data file, 7 a\n"
        "report or export could not be written, 8 --isolate-scripts and postern-script-worker is missing,\n"
        "9 the run itself stopped unexpectedly (a crash, or a script that took all its memory), 10 an\n"
        "--ssl-… certificate or key file, 11 the --cookie-jar file, 12 the --workspace folder."_s);
    QStringList lines = parser.helpText().split(u'\n');
    if (!lines.isEmpty()) // Qt writes the program's file name there
        lines.first() = u"Usage: postern run [options] collection"_s;
    return lines.join(u'\n');
}

} // namespace Postern
