// Postern's executable: parses the command line, starts the sandbox instance when no instance is
// configured, and shows the main window. Everything else lives in postern_core and postern_ui.

#include "engine/appcontext.h"
#include "sandbox/launcher/sandboxenvironment.h"
#include "sandbox/launcher/sandboxprocess.h"
#include "secrets/encryptedfilesecretstore.h"
#include "ui/i18n/translations.h"
#include "ui/mainwindow.h"
#include "ui/oauth/encryptedtokenfile.h"
#include "ui/widgets/firstframe.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// The command line, described once for both passes below.
// Made after the translator is installed, when there is one: --help speaks the desktop's language.
struct Options
{
    QCommandLineOption instance {
        u"instance"_s,
        QCoreApplication::translate(
            "Postern::Main", "Open a request to this instance (e.g. https://dev12345.service-now.com)."),
        QCoreApplication::translate("Postern::Main", "url")
    };
    QCommandLineOption noSandbox { u"no-sandbox-instance"_s,
                                   QCoreApplication::translate(
                                       "Postern::Main", "Do not start the built-in sandbox instance.") };
    QCommandLineOption workspace { u"workspace"_s,
                                   QCoreApplication::translate(
                                       "Postern::Main", "Use this folder as the workspace (default: %1).")
                                       .arg(Workspace::defaultRoot()),
                                   QCoreApplication::translate("Postern::Main", "folder") };
    QCommandLineOption help;
    QCommandLineOption version;

    explicit Options(QCommandLineParser *parser)
        : help(parser->addHelpOption())
        , version(parser->addVersionOption())
    {
        parser->setApplicationDescription(
            QCoreApplication::translate("Postern::Main", "A native API client for OAuth-protected APIs."));
        parser->addOptions({ instance, noSandbox, workspace });
        parser->addPositionalArgument(
            u"file"_s,
            QCoreApplication::translate(
                "Postern::Main",
                "A Postman collection or environment, a Postern file or a curl command "
                "to import; a Postern workspace.json opens its workspace."),
            QCoreApplication::translate("Postern::Main", "[file...]"));
    }
};

void describeApplication()
{
    QCoreApplication::setApplicationName(u"Postern"_s);
    QCoreApplication::setOrganizationName(u"Postern"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTERN_VERSION));
}

} // namespace

// `postern run …` and `postern token …` are postern-run's: it replaces this process before any window
// system or WebEngine is touched, so that a run on a CI machine loads neither.
void handOverRun(int argc, char *argv[])
{
    if (argc < 2 || (std::strcmp(argv[1], "run") != 0 && std::strcmp(argv[1], "token") != 0))
        return;
    const bool token = std::strcmp(argv[1], "token") == 0;
    const QFileInfo self(u"/proc/self/exe"_s);
    const QDir here = QFileInfo(self.canonicalFilePath()).absoluteDir();
    for (const QString &candidate :
         { here.filePath(u"postern-run"_s), here.filePath(u"../app/cli/postern-run"_s) }) {
        if (!QFileInfo(candidate).isExecutable())
            continue;
        const QByteArray program = QFile::encodeName(QFileInfo(candidate).canonicalFilePath());
        std::vector<char *> arguments { const_cast<char *>(program.constData()) };
        for (int i = token ? 1 : 2; i < argc; ++i) // postern-run takes "token …" as it is
            arguments.push_back(argv[i]);
        arguments.push_back(nullptr);
        execv(program.constData(), arguments.data());
        std::perror(token ? "postern token" : "postern run");
        std::exit(126); // found but not started, as a shell says it
    }
    std::fputs(token ? "postern token: postern-run is not installed next to postern.\n"
                     : "postern run: postern-run is not installed next to postern.\n",
               stderr);
    std::exit(127); // not found, as a shell says it
}

int main(int argc, char *argv[])
{
    handOverRun(argc, argv);
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
            Translations::install(&core);
            QCommandLineParser translated;
            const Options answer(&translated);
            translated.process(core); // prints and exits
        }
    }

#ifndef POSTERN_LATE_GL_SHARE_CONTEXT
    // Qt WebEngine shares this context; where the first login window cannot make it (see
    // ui/oauth/loginwindows.cpp), it is made at the start, as Qt documents.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
#endif
    QApplication app(argc, argv);
    QApplication::setDesktopFileName(u"io.postern.Postern"_s);
    // The desktop's language, where Postern has a catalogue for it; before any window is made.
    Translations::install(&app);

    QCommandLineParser parser;
    const Options options(&parser);
    const QCommandLineOption &instanceOption = options.instance;
    const QCommandLineOption &noSandboxOption = options.noSandbox;
    const QCommandLineOption &workspaceOption = options.workspace;
    parser.process(app);

    // Every engine object, made and wired in one place: network manager, keychain, token store (token
    // secrets go to the OS keychain; where none answers, they live in memory for the session), the
    // workspace, whose secret values go where the tokens' go, and the Engine that sends requests.
    // Files to open ("Open With Postern" passes them as paths, or as file: URLs from some desktops): a
    // workspace manifest opens its workspace (unless --workspace names one), the rest are imported.
    QString workspaceRoot = parser.value(workspaceOption);
    QStringList imports;
    for (const QString &argument : parser.positionalArguments()) {
        const QUrl url(argument);
        const QString path = url.isLocalFile() ? url.toLocalFile() : argument;
        if (const QString folder = Workspace::folderOfManifest(path);
            !folder.isEmpty() && workspaceRoot.isEmpty())
            workspaceRoot = folder;
        else
            imports.append(path);
    }

    QSettings settings;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (workspaceRoot.isEmpty())
        workspaceRoot = settings.value(u"workspace/folder"_s, Workspace::defaultRoot()).toString();
    AppContext context(dataDir, workspaceRoot, &settings);
    // With the user's consent (Settings > Keep Tokens in an Encrypted File), a passphrase-protected file.
    EncryptedTokenFile encryptedFile(context.tokens(),
                                     dataDir + u'/' + EncryptedFileSecretStore::defaultFileName());
    context.openWorkspace(); // the token store starts once the window is painted (below)
    Workspace &workspace = *context.workspace();

    MainWindow window(context.engine(), nullptr, MainWindow::Tabs::FromWorkspace);
    window.setEncryptedTokenFile(&encryptedFile);
    encryptedFile.offerAtStartup(&window);
    const bool restored = window.openWorkspace(&workspace);
    prepareFirstFrame(&window); // at its restored size, while the rest of the start goes on

    QString instance = parser.value(instanceOption);
    if (instance.isEmpty())
        instance = settings.value(u"instance/url"_s).toString();

    SandboxProcess sandbox;
    if (!instance.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(instance);
        if (!restored)
            window.setRequest(MainWindow::incidentRequest(url));
        window.setInstanceStatus(QCoreApplication::translate("Postern::Main", "Instance: %1")
                                     .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    } else if (!parser.isSet(noSandboxOption)) {
        QObject::connect(&sandbox, &SandboxProcess::ready, &window,
                         [&window, &workspace, &settings, restored](const QUrl &base) {
                             // The sandbox keeps its port across restarts when it is free (and its tokens, in
                             // its state file); when the port was taken, the "Sandbox" environment keeps
                             // {{instance}} pointing at the new one, so saved requests that use it keep
                             // working.
                             settings.setValue(u"sandbox/port"_s, base.port());
                             SandboxEnvironment::apply(&workspace, base);
                             if (!restored) {
                                 workspace.setCurrentEnvironmentId(SandboxEnvironment::id());
                                 HttpRequest request
                                     = MainWindow::incidentRequest(QUrl(), u"{{user}}"_s, u"{{password}}"_s);
                                 request.url = u"{{instance}}"_s + request.url;
                                 window.setRequest(request);
                             }
                             window.setInstanceStatus(SandboxEnvironment::statusText(base));
                         });
        QObject::connect(&sandbox, &SandboxProcess::failed, &window, [&window](const QString &message) {
            window.setInstanceStatus(
                QCoreApplication::translate("Postern::Main", "The sandbox instance is not running: %1")
                    .arg(message));
        });
        window.setInstanceStatus(
            QCoreApplication::translate("Postern::Main", "Starting the sandbox instance…"));
    }

    window.show();
    // The first frame waits for neither the keychain (the token store's probe loads the Secret Service
    // library and calls D-Bus) nor a process start.
    const bool startSandbox = instance.isEmpty() && !parser.isSet(noSandboxOption);
    afterFirstFrame(&window, [&context, &sandbox, &settings, dataDir, startSandbox] {
        context.startSecrets();
        if (startSandbox) {
            sandbox.start(
                SandboxProcess::locateExecutable(),
                SandboxProcess::standardArguments(SandboxProcess::defaultStateFile(dataDir),
                                                  quint16(settings.value(u"sandbox/port"_s).toUInt())));
        }
    });
    if (!imports.isEmpty())
        QTimer::singleShot(0, &window, [&window, imports] { window.importFiles(imports); });
    return app.exec();
}
