// Postern's executable: parses the command line, starts the sandbox instance when no instance is
// configured, and shows the main window. Everything else lives in postern_core and postern_ui.

#include "encryptedfilesecretstore.h"
#include "encryptedtokenfile.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"
#include "sandboxprocess.h"
#include "tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace Postern;

int main(int argc, char *argv[])
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Postern"_s);
    QApplication::setOrganizationName(u"Postern"_s);
    QApplication::setApplicationVersion(QStringLiteral(POSTERN_VERSION));
    QApplication::setDesktopFileName(u"io.postern.Postern"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A native API client for OAuth-protected APIs."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption instanceOption(
        u"instance"_s, u"Open a request to this instance (e.g. https://dev12345.service-now.com)."_s, u"url"_s);
    const QCommandLineOption noSandboxOption(u"no-sandbox-instance"_s,
                                             u"Do not start the built-in sandbox instance."_s);
    parser.addOption(instanceOption);
    parser.addOption(noSandboxOption);
    parser.process(app);

    QNetworkAccessManager manager;
    // Token secrets go to the OS keychain; where none answers, they live in memory for the session.
    // With the user's consent (Settings > Keep Tokens in an Encrypted File), a passphrase-protected file.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    KeychainSecretStore keychain;
    TokenStore tokens(dataDir);
    EncryptedTokenFile encryptedFile(&tokens, dataDir + u'/' + EncryptedFileSecretStore::defaultFileName());
    tokens.start(&keychain);
    MainWindow window(&manager, &tokens);
    window.setEncryptedTokenFile(&encryptedFile);
    encryptedFile.offerAtStartup(&window);

    QSettings settings;
    QString instance = parser.value(instanceOption);
    if (instance.isEmpty())
        instance = settings.value(u"instance/url"_s).toString();

    SandboxProcess sandbox;
    if (!instance.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(instance);
        window.setRequest(MainWindow::incidentRequest(url));
        window.setInstanceStatus(u"Instance: %1"_s.arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    } else if (!parser.isSet(noSandboxOption)) {
        QObject::connect(&sandbox, &SandboxProcess::ready, &window, [&window](const QUrl &base) {
            window.setRequest(MainWindow::incidentRequest(base, u"admin"_s, u"admin"_s));
            window.setInstanceStatus(u"Sandbox instance at %1 (user admin, password admin)"_s.arg(base.toString()));
        });
        QObject::connect(&sandbox, &SandboxProcess::failed, &window, [&window](const QString &message) {
            window.setInstanceStatus(u"The sandbox instance is not running: %1"_s.arg(message));
        });
        window.setInstanceStatus(u"Starting the sandbox instance\u2026"_s);
        sandbox.start(SandboxProcess::locateExecutable(), {u"--exit-with-stdin"_s});
    }

    window.show();
    return app.exec();
}
