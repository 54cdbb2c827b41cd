#include "cli/tokencommand.h"

#include "cli/cliinputs.h"
#include "cli/cliworkspace.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrequest.h"
#include "oauth/tokenstore.h"
#include "workspace/variables.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QIODevice>
#include <QTimer>
#include <QUrl>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

struct TokenOptions
{
    QCommandLineOption workspace { u"workspace"_s,
                                   u"The collection is one of this Postern workspace (by name)."_s,
                                   u"dir"_s };
    QCommandLineOption request { u"request"_s,
                                 u"The folder or request (by name) whose authorization to use; default: the "
                                 "collection's."_s,
                                 u"name"_s };
    QCommandLineOption environment {
        { u"e"_s, u"environment"_s },
        u"A Postman environment file (with --workspace: or an environment's name)."_s,
        u"file"_s
    };
    QCommandLineOption envVar { u"env-var"_s, u"Set an environment variable (repeatable)."_s,
                                u"key=value"_s };
    QCommandLineOption timeout { u"timeout"_s,
                                 u"How long the sign-in in the browser may take (default 300000)."_s,
                                 u"ms"_s };
    QCommandLineOption help { { u"h"_s, u"help"_s }, u"Show this help."_s };

    void addTo(QCommandLineParser *parser) const
    {
        parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser->addOptions({ workspace, request, environment, envVar, timeout, help });
        parser->addPositionalArgument(u"get"_s, u"What to do: get a token."_s);
        parser->addPositionalArgument(
            u"collection"_s, u"A Postman collection file, or with --workspace a collection's name."_s);
    }
};

// Whether a person can sign in here: a terminal on standard input, or a browser named in $BROWSER.
bool personPresent()
{
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO))
        return true;
#endif
    return !qEnvironmentVariableIsEmpty("BROWSER");
}

} // namespace

TokenCommand::Parsed TokenCommand::parse(const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineParser parser;
    const TokenOptions options;
    options.addTo(&parser);
    if (!parser.parse(QStringList { u"postern token"_s } + arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (parser.isSet(options.help)) {
        parsed.help = true;
        return parsed;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.value(0) != u"get"_s) {
        parsed.error = positional.isEmpty()
            ? u"Say what to do: postern token get <collection>."_s
            : u"Unknown command \u201c%1\u201d: postern token get <collection>."_s.arg(
                positional.constFirst());
        return parsed;
    }
    if (positional.size() != 2) {
        parsed.error = u"Name one collection: postern token get <collection>."_s;
        return parsed;
    }
    TokenCommand::Options &command = parsed.options;
    command.collection = positional.at(1);
    command.workspace = parser.value(options.workspace);
    command.request = parser.value(options.request);
    command.environment = parser.value(options.environment);
    command.envVars = CliInputs::keyValues(parser.values(options.envVar), u"env-var"_s, &parsed.error);
    if (!parsed.ok())
        return parsed;
    if (parser.isSet(options.timeout)) {
        bool ok = false;
        command.timeoutMs = parser.value(options.timeout).toInt(&ok);
        if (!ok || command.timeoutMs <= 0)
            parsed.error
                = u"--timeout needs a whole number of milliseconds above 0, not \u201c%1\u201d."_s.arg(
                    parser.value(options.timeout));
    }
    return parsed;
}

QString TokenCommand::helpText()
{
    QCommandLineParser parser;
    const TokenOptions options;
    options.addTo(&parser);
    parser.setApplicationDescription(
        u"Gets an OAuth 2.0 token with a collection's authorization and prints it. Client credentials and\n"
        "password: straight from the token endpoint. Authorization code: in your browser, back on a\n"
        "loopback address. Device authorization: the code and the page to approve it on (any device) are\n"
        "printed on standard error, and the command waits until the code expires. Exit codes: 0 a token, 2 a "
        "bad option, 3 the collection cannot be read or is not\n"
        "in the workspace, 4 it is not a collection, 5 the environment, 12 the --workspace folder, 13 no\n"
        "token (no OAuth 2.0 authorization there, the grant failed, or it needs a person and none is here)."_s);
    QStringList lines = parser.helpText().split(u'\n');
    if (!lines.isEmpty())
        lines.first() = u"Usage: postern token get [options] collection"_s;
    return lines.join(u'\n');
}

TokenCommand::TokenCommand(const Options &options, QIODevice *output, QIODevice *errors, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_output(output)
    , m_errors(errors)
    , m_endpoint(std::make_unique<TokenEndpointClient>(&m_network))
{
}

TokenCommand::~TokenCommand() = default;

void TokenCommand::fail(ExitCode code, const QString &message)
{
    m_errors->write((u"postern token: "_s + message + u'\n').toUtf8());
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(int(code)); });
}

void TokenCommand::start()
{
    if (m_options.workspace.isEmpty()) {
        begin();
        return;
    }
    if (const QString why = CliWorkspace::notAWorkspace(m_options.workspace); !why.isEmpty()) {
        fail(ExitCode::WorkspaceProblem, why);
        return;
    }
    m_workspace = std::make_unique<CliWorkspace>(m_options.workspace);
    connect(m_workspace.get(), &CliWorkspace::ready, this, &TokenCommand::begin, Qt::SingleShotConnection);
    m_workspace->open();
}

bool TokenCommand::load(AuthConfig *auth, QString *where)
{
    CliInputs::Failure failure;
    const std::optional<Collection> collection
        = CliInputs::collection(m_options.collection, m_workspace.get(), m_options.workspace, &failure);
    if (!collection) {
        fail(failure.code, failure.message);
        return false;
    }
    m_collection = *collection;
    if (!m_options.environment.isEmpty()) {
        const std::optional<Environment> environment
            = CliInputs::environment(m_options.environment, m_workspace.get(), u"environment"_s, &failure);
        if (!environment) {
            fail(failure.code, failure.message);
            return false;
        }
        m_environment = *environment;
    }
    for (const auto &[key, value] : std::as_const(m_options.envVars))
        CliInputs::setOrAdd(&m_environment.variables, key, value);

    *where = u"the collection \u201c%1\u201d"_s.arg(m_collection.name);
    *auth = m_collection.auth;
    if (!m_options.request.isEmpty()) {
        const CollectionItem *item = CliInputs::findNamed(m_collection.items, m_options.request);
        if (!item) {
            fail(ExitCode::Usage,
                 u"--request \u201c%1\u201d: there is no folder or request of that name in "
                 "\u201c%2\u201d."_s.arg(m_options.request, m_collection.name));
            return false;
        }
        *where = u"\u201c%1\u201d"_s.arg(item->name);
        const AuthConfig own = item->isFolder() ? item->auth : item->request.auth;
        *auth = own.type == AuthType::Inherit ? m_collection.inheritedAuth(item->id) : own;
    }
    const VariableList globals = m_workspace ? m_workspace->globals().variables : VariableList();
    *auth = VariableResolver(m_environment.variables, m_collection.variables, globals).resolve(*auth);
    return true;
}

void TokenCommand::begin()
{
    AuthConfig auth;
    QString where;
    if (!load(&auth, &where))
        return;
    if (auth.type != AuthType::OAuth2) {
        fail(ExitCode::NoToken,
             u"%1 has no OAuth 2.0 authorization; name a folder or request that has one "
             "with --request."_s.arg(where));
        return;
    }
    OAuth2Config config = auth.oauth2;
    if (config.tokenName.trimmed().isEmpty()) // the name the token is kept under
        config.tokenName = m_collection.name;
    // The device grant's person may be anywhere: the code is printed (to a CI log too) and approved on
    // any device. A browser grant needs one here.
    if (config.usesBrowser() && !personPresent()) {
        fail(ExitCode::NoToken,
             u"the %1 grant of %2 needs a person to sign in in a browser, and there is none here (no "
             u"terminal, "
             "no $BROWSER). The client credentials or password grant gets a token without one, and the "
             "device grant with a person approving on any device."_s.arg(grantTypeName(config.grantType),
                                                                         where));
        return;
    }
    m_request
        = std::make_unique<TokenRequest>(m_endpoint.get(), m_workspace ? m_workspace->tokens() : nullptr);
    m_request->setEnvironment(m_environment.id);
    m_request->setBrowserTimeout(m_options.timeoutMs);
    connect(m_request.get(), &TokenRequest::started, this, [this](TokenRequest::Flow flow) {
        if (flow == TokenRequest::Flow::SystemBrowser)
            m_errors->write(u"postern token: sign in in the browser that opened (%1); waiting for it to come "
                            "back.\n"_s
                                .arg(QUrl(m_request->config().authUrl)
                                         .adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo)
                                         .toString())
                                .toUtf8());
    });
    connect(m_request.get(), &TokenRequest::deviceCodeReady, this, [this](const DeviceCode &code) {
        m_errors->write(u"postern token: %1 Waiting for the approval.\n"_s.arg(code.instructions()).toUtf8());
        if (auto *file = qobject_cast<QFile *>(m_errors))
            file->flush();
    });
    connect(m_request.get(), &TokenRequest::deviceIntervalChanged, this,
            [this](int seconds, const QString &why) {
                m_errors->write(
                    u"postern token: %1 Asking every %2 seconds now.\n"_s.arg(why).arg(seconds).toUtf8());
            });
    connect(m_request.get(), &TokenRequest::finished, this, [this](const OAuth2Result &result) {
        if (!result.ok()) {
            fail(ExitCode::NoToken, u"no token: "_s + result.message);
            return;
        }
        m_output->write((result.token.accessToken + u'\n').toUtf8());
        if (!m_workspace) {
            QTimer::singleShot(0, this, [this] { Q_EMIT finished(int(ExitCode::Passed)); });
            return;
        }
        // The token store writes the token (keychain first, then tokens.json) after this: the command
        // ends once it says it did, or could not.
        TokenStore *store = m_workspace->tokens();
        if (store->storageMode() == TokenStore::StorageMode::MemoryOnly)
            m_errors->write(
                (u"postern token: the token is not kept for later: "_s + store->statusMessage() + u'\n')
                    .toUtf8());
        connect(store, &TokenStore::tokensChanged, this, [this] { Q_EMIT finished(int(ExitCode::Passed)); });
        connect(store, &TokenStore::errorOccurred, this, [this](const QString &error) {
            fail(ExitCode::OutputProblem, u"the token could not be kept in the token store: "_s + error);
        });
    });
    TokenRequest::Options options;
    options.systemBrowser = true;
    options.username = auth.username;
    options.password = auth.password;
    m_request->start(config, options);
}

} // namespace Postern
