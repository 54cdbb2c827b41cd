// postern-sandbox: serves a local imitation of a ServiceNow instance on 127.0.0.1 and prints its base URL
// as the first line on stdout once it is ready.

#include "sandbox/registry.h"
#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Postern::Sandbox::Client;
using Postern::Sandbox::Registry;
using Postern::Sandbox::SandboxServer;

namespace {

constexpr int usageError = 2;

int fail(const QString &message)
{
    QTextStream(stderr) << "postern-sandbox: " << message << '\n';
    return usageError;
}

bool parseLifespan(const QString &text, int max, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > max)
        return false;
    *out = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // SIGTERM and SIGINT end the event loop normally (so that the state file is saved): they are
    // blocked here, before any thread starts, and taken by a thread of their own.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"postern-sandbox"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A local imitation of a ServiceNow instance (OAuth 2.0 endpoints and the Table API) on 127.0.0.1.\n"
        u"Prints the base URL as the first line on stdout when ready."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on; 0 picks a free one (default 0)."_s,
                                        u"N"_s, u"0"_s);
    const QCommandLineOption registryOption(u"registry"_s, u"Application registry and users as JSON."_s,
                                            u"FILE.json"_s);
    const QCommandLineOption clientIdOption(u"client-id"_s, u"Client ID of the first client."_s, u"ID"_s);
    const QCommandLineOption clientSecretOption(u"client-secret"_s, u"Client secret of the first client."_s,
                                                u"SECRET"_s);
    const QCommandLineOption redirectOption(
        u"redirect-url"_s,
        u"Redirect URL of the first client; repeat for several (replaces the "
        u"registered list)."_s,
        u"URL"_s);
    const QCommandLineOption clientAuthOption(u"client-auth"_s,
                                              u"How the first client authenticates: body, basic or none."_s,
                                              u"body|basic|none"_s);
    const QCommandLineOption accessOption(u"access-token-lifespan"_s, u"Access token lifespan in seconds."_s,
                                          u"SECONDS"_s);
    const QCommandLineOption refreshOption(u"refresh-token-lifespan"_s,
                                           u"Refresh token lifespan in seconds."_s, u"SECONDS"_s);
    const QCommandLineOption rotateOption(
        u"rotate-refresh-tokens"_s, u"Issue a new refresh token on every refresh of the first client."_s);
    const QCommandLineOption issuerOption(u"issuer-param"_s,
                                          u"Add iss=<base URL> to authorization responses (RFC 9207)."_s);
    const QCommandLineOption logOption(u"log"_s,
                                       u"Log one line per request (method, path, status) on stderr."_s);
    const QCommandLineOption stdinOption(
        u"exit-with-stdin"_s,
        u"Exit when standard input closes (so that the sandbox ends with the program that started it)."_s);
    const QCommandLineOption idleOption(
        u"idle-timeout"_s,
        u"Close a connection idle (or sending a request head) for longer than this (default 30)."_s,
        u"SECONDS"_s);
    const QCommandLineOption connectionsOption(
        u"max-connections"_s,
        u"Connections open at once; a new one closes the one idle the longest (default 256)."_s, u"N"_s);
    const QCommandLineOption preferredPortOption(
        u"preferred-port"_s, u"Port to listen on when it is free; otherwise a free one is picked."_s, u"N"_s);
    const QCommandLineOption stateOption(
        u"state"_s,
        u"Keep the tokens issued and revoked in FILE (written atomically, token digests only), so that "
        u"they outlive a restart. A file that cannot be used is set aside."_s,
        u"FILE"_s);
    parser.addOptions({ portOption, preferredPortOption, stateOption, registryOption, clientIdOption,
                        clientSecretOption, redirectOption, clientAuthOption, accessOption, refreshOption,
                        rotateOption, issuerOption, logOption, stdinOption, idleOption, connectionsOption });
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().constFirst()));

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(u"--port must be a number from 0 to 65535"_s);
    uint preferredPort = 0;
    if (parser.isSet(preferredPortOption)) {
        if (parser.isSet(portOption))
            return fail(u"--port and --preferred-port cannot be used together"_s);
        preferredPort = parser.value(preferredPortOption).toUInt(&ok);
        if (!ok || preferredPort > 65535)
            return fail(u"--preferred-port must be a number from 0 to 65535"_s);
    }

    Registry registry = Registry::defaults();
    if (parser.isSet(registryOption)) {
        QFile file(parser.value(registryOption));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        QString error;
        const auto loaded = Registry::fromJson(file.read(4 * 1024 * 1024), &error);
        if (!loaded)
            return fail(u"invalid registry %1: %2"_s.arg(file.fileName(), error));
        registry = *loaded;
    }

    Client &client = registry.clients.first();
    if (parser.isSet(clientIdOption)) {
        client.clientId = parser.value(clientIdOption);
        if (client.clientId.isEmpty())
            return fail(u"--client-id must not be empty"_s);
    }
    if (parser.isSet(clientSecretOption))
        client.clientSecret = parser.value(clientSecretOption);
    if (parser.isSet(redirectOption)) {
        client.redirectUrls = parser.values(redirectOption);
        for (const QString &url : std::as_const(client.redirectUrls)) {
            const QUrl parsed(url, QUrl::StrictMode);
            if (!parsed.isValid() || parsed.isRelative() || parsed.hasFragment())
                return fail(u"--redirect-url \"%1\" is not an absolute URL without a fragment"_s.arg(url));
        }
    }
    if (parser.isSet(clientAuthOption)) {
        const auto method = Postern::Sandbox::authMethodFromName(parser.value(clientAuthOption));
        if (!method)
            return fail(u"--client-auth must be body, basic or none"_s);
        client.auth = *method;
    }
    if (parser.isSet(accessOption)
        && !parseLifespan(parser.value(accessOption), 31536000, &client.accessTokenLifespan))
        return fail(u"--access-token-lifespan must be a number of seconds from 1 to 31536000"_s);
    if (parser.isSet(refreshOption)
        && !parseLifespan(parser.value(refreshOption), 315360000, &client.refreshTokenLifespan))
        return fail(u"--refresh-token-lifespan must be a number of seconds from 1 to 315360000"_s);
    if (parser.isSet(rotateOption))
        client.rotateRefreshTokens = true;
    if (parser.isSet(issuerOption))
        registry.sendIssuer = true;
    if (client.auth != Client::AuthMethod::None && client.clientSecret.isEmpty())
        return fail(u"the client \"%1\" needs a secret unless --client-auth none"_s.arg(client.clientId));

    Postern::Sandbox::ConnectionGuard::Limits limits;
    int idleSeconds = limits.idleTimeoutMs / 1000;
    if (parser.isSet(idleOption) && !parseLifespan(parser.value(idleOption), 86400, &idleSeconds))
        return fail(u"--idle-timeout must be a number of seconds from 1 to 86400"_s);
    limits.idleTimeoutMs = idleSeconds * 1000;
    if (parser.isSet(connectionsOption)
        && !parseLifespan(parser.value(connectionsOption), 65535, &limits.maxConnections))
        return fail(u"--max-connections must be a number from 1 to 65535"_s);

    SandboxServer server(registry);
    server.setConnectionLimits(limits);
    server.setRequestLogging(parser.isSet(logOption));
    if (parser.isSet(stateOption)) {
        QString message;
        const bool usable = server.useStateFile(parser.value(stateOption), &message);
        if (!message.isEmpty())
            QTextStream(stderr) << "postern-sandbox: " << message << '\n';
        if (!usable)
            return 1;
    }
    bool listening = server.listen(quint16(preferredPort ? preferredPort : port));
    if (!listening && preferredPort) {
        QTextStream(stderr) << "postern-sandbox: port " << preferredPort
                            << " is not free; listening on another one\n";
        listening = server.listen(0);
    }
    if (!listening) {
        QTextStream(stderr) << "postern-sandbox: " << server.errorString() << '\n';
        return 1;
    }
    std::thread([stopSignals] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                                  Qt::QueuedConnection);
    }).detach();
    std::fputs(server.baseUrl().toString().toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    if (parser.isSet(stdinOption)) {
        // A blocking read on a thread of its own: the parent never writes, so this returns only when
        // the parent closes the pipe or dies.
        std::thread([] {
            char c;
            while (::read(STDIN_FILENO, &c, 1) > 0) { }
            QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                                      Qt::QueuedConnection);
        }).detach();
    }
    return app.exec();
}
