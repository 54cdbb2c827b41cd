// Postern's executable: parses the command line, starts the sandbox instance when no instance is
// configured, and shows the main window. Everything else lives in postern_core and postern_ui.

#include "secrets/encryptedfilesecretstore.h"
#include "ui/oauth/encryptedtokenfile.h"
#include "secrets/keychainsecretstore.h"
#include "ui/mainwindow.h"
#include "sandbox/launcher/sandboxenvironment.h"
#include "sandbox/launcher/sandboxprocess.h"
#include "secrets/secretstoreondemand.h"
#include "oauth/tokenstore.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// The command line, described once for both passes below.
struct Options
{
    QCommandLineOption instance {
        u"instance"_s, u"Open a request to this instance (e.g. https://dev12345.service-now.com)."_s, u"url"_s
    };
    QCommandLineOption noSandbox { u"no-sandbox-instance"_s,
                                   u"Do not start the built-in sandbox instance."_s };
    QCommandLineOption workspace {
        u"workspace"_s, u"Use this folder as the workspace (default: %1)."_s.arg(Workspace::defaultRoot()),
        u"folder"_s
    };
    QCommandLineOption help;
    QCommandLineOption version;

    explicit Options(QCommandLineParser *parser)
        : help(parser->addHelpOption())
        , version(parser->addVersionOption())
    {
        parser->setApplicationDescription(u"A native API client for OAuth-protected APIs."_s);
        parser->addOptions({ instance, noSandbox, workspace });
    }
};

void describeApplication()
{
    QCoreApplication::setApplicationName(u"Postern"_s);
    QCoreApplication::setOrganizationName(u"Postern"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTERN_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    describeApplication();
    // --help, --version and a mistyped option are answered without a display: they need no window
    // system, so they are handled over a QCoreApplication before QApplication connects to one.
    {
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments.append(QString::fromLocal8Bit(argv[i]));
        QCommandLineParser early;
        const Options options(&early);
        if (!early.parse(arguments) || early.isSet(options.help) || early.isSet(u"help-all"_s)
            || early.isSet(options.version)) {
            QCoreApplication core(argc, argv);
            early.process(core); // prints and exits
        }
    }

    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setDesktopFileName(u"io.postern.Postern"_s);

    QCommandLineParser parser;
    const Options options(&parser);
    const QCommandLineOption &instanceOption = options.instance;
    const QCommandLineOption &noSandboxOption = options.noSandbox;
    const QCommandLineOption &workspaceOption = options.workspace;
    parser.process(app);

    QNetworkAccessManager manager;
    // Token secrets go to the OS keychain; where none answers, they live in memory for the session.
    // With the user's consent (Settings > Keep Tokens in an Encrypted File), a passphrase-protected file.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    KeychainSecretStore keychain;
    SecretStoreOnDemand keychainOnDemand(&keychain, TokenStore::DefaultProbeTimeout); // outlives its users
    TokenStore tokens(dataDir);
    EncryptedTokenFile encryptedFile(&tokens, dataDir + u'/' + EncryptedFileSecretStore::defaultFileName());

    // The workspace's secret values go where the tokens' go (keychain, encrypted file or memory); it
    // outlives the window, which refers to it.
    QSettings settings;
    QString workspaceRoot = parser.value(workspaceOption);
    if (workspaceRoot.isEmpty())
        workspaceRoot = settings.value(u"workspace/folder"_s, Workspace::defaultRoot()).toString();
    Workspace workspace(workspaceRoot);
    // Until Postern has stored a secret in the keychain there is nothing there to read: the keychain is
    // left alone until the first one is stored, so no keyring dialog comes up before it is needed.
    // "secrets/keychain" is "untouched" from a first start on, "used" once a secret went there; a
    // start without it (an older version's) counts as a first start only when nothing is stored.
    const QString keychainKey = u"secrets/keychain"_s;
    QString keychainState = settings.value(keychainKey).toString();
    if (keychainState.isEmpty()) {
        const bool firstStart = !QFileInfo::exists(tokens.metadataFilePath()) && QDir(workspace.root()).isEmpty()
            && QDir(workspace.stateDirectory()).isEmpty();
        keychainState = firstStart ? u"untouched"_s : u"used"_s;
        settings.setValue(keychainKey, keychainState);
    }
    QObject::connect(&keychainOnDemand, &SecretStoreOnDemand::decided, &tokens,
                     [&settings, keychainKey](bool available, const QString &) {
                         if (available)
                             settings.setValue(keychainKey, u"used"_s);
                     });
    const bool untouched = keychainState == u"untouched"_s && !QFileInfo::exists(tokens.metadataFilePath());
    tokens.start(untouched ? static_cast<SecretStore *>(&keychainOnDemand) : &keychain);
    workspace.open();
    QObject::connect(&tokens, &TokenStore::loaded, &workspace, [&workspace, &tokens] {
        workspace.setSecretStore(tokens.secretStore());
        workspace.reloadSecrets();
    });

    MainWindow window(&manager, &tokens);
    window.setEncryptedTokenFile(&encryptedFile);
    encryptedFile.offerAtStartup(&window);
    const bool restored = window.openWorkspace(&workspace);

    QString instance = parser.value(instanceOption);
    if (instance.isEmpty())
        instance = settings.value(u"instance/url"_s).toString();

    SandboxProcess sandbox;
    if (!instance.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(instance);
        if (!restored)
            window.setRequest(MainWindow::incidentRequest(url));
        window.setInstanceStatus(u"Instance: %1"_s.arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    } else if (!parser.isSet(noSandboxOption)) {
        QObject::connect(&sandbox, &SandboxProcess::ready, &window, [&window, &workspace, &settings, restored](const QUrl &base) {
            // The sandbox keeps its port across restarts when it is free (and its tokens, in its state
            // file); when the port was taken, the "Sandbox" environment keeps {{instance}} pointing at
            // the new one, so saved requests that use it keep working.
            settings.setValue(u"sandbox/port"_s, base.port());
            SandboxEnvironment::apply(&workspace, base);
            if (!restored) {
                workspace.setCurrentEnvironmentId(SandboxEnvironment::id());
                HttpRequest request = MainWindow::incidentRequest(QUrl(), u"{{user}}"_s, u"{{password}}"_s);
                request.url = u"{{instance}}"_s + request.url;
                window.setRequest(request);
            }
            window.setInstanceStatus(SandboxEnvironment::statusText(base));
        });
        QObject::connect(&sandbox, &SandboxProcess::failed, &window, [&window](const QString &message) {
            window.setInstanceStatus(u"The sandbox instance is not running: %1"_s.arg(message));
        });
        window.setInstanceStatus(u"Starting the sandbox instance\u2026"_s);
        sandbox.start(SandboxProcess::locateExecutable(),
                      SandboxProcess::standardArguments(SandboxProcess::defaultStateFile(dataDir),
                                                        quint16(settings.value(u"sandbox/port"_s).toUInt())));
    }

    window.show();
    return app.exec();
}
