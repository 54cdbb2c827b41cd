#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Postern {

// Opens an http(s) address in the user's own browser, for authorization through the system browser
// (RFC 8252 §4.1). No widget and no QDesktopServices: a UI may prefer that one; this is for the core.
//
// The browser is, in order:
//   - $BROWSER, as xdg-open reads it: a command, "%s" in it standing for the address (otherwise the
//     address is the last argument), or a list of such commands separated by ':' (';' on Windows) of
//     which the first whose program exists is used. Each command is split like QProcess::splitCommand
//     (double quotes group words; a program path cannot hold the list separator).
//   - otherwise xdg-open (open on macOS, the URL protocol handler on Windows).
// The browser is started detached and left running. Only the address's origin and path are ever logged.
class BrowserLauncher
{
    Q_DECLARE_TR_FUNCTIONS(Postern::BrowserLauncher)

public:
    struct Command
    {
        QString program; // the resolved executable
        QStringList arguments;
    };

    // What open() would start for url with the given value of $BROWSER; nullopt and *error (a sentence
    // for the user) when url is not http(s) or no program could be found.
    static std::optional<Command> command(const QUrl &url, const QString &browserVariable, QString *error);

    // Starts the browser on url; false and *error when it could not be started. The browser's own
    // later failures (a page that does not load) are not seen here.
    static bool open(const QUrl &url, QString *error);
};

} // namespace Postern
