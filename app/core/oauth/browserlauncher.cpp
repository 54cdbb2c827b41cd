#include "oauth/browserlauncher.h"

#include "base/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// An absolute path to program, or an empty string when it is not an executable file.
QString resolveProgram(const QString &program)
{
    if (program.contains(u'/') || program.contains(QDir::separator())) {
        const QFileInfo info(program);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}

QString forLog(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

} // namespace

std::optional<BrowserLauncher::Command>
BrowserLauncher::command(const QUrl &url, const QString &browserVariable, QString *error)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s)) {
        setError(error, tr("Only http and https addresses are opened in the browser."));
        return std::nullopt;
    }
    // Fully encoded, the address starts with "http": a browser cannot take it for an option.
    const QString address = url.toString(QUrl::FullyEncoded);

    const QString variable = browserVariable.trimmed();
    if (!variable.isEmpty()) {
        QStringList missing;
        for (const QString &entry : variable.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
            QStringList words = QProcess::splitCommand(entry);
            if (words.isEmpty())
                continue;
            const QString name = words.takeFirst();
            const QString program = resolveProgram(name);
            if (program.isEmpty()) {
                missing << name;
                continue;
            }
            bool placed = false;
            for (QString &word : words) {
                if (word.contains(u"%s"_s)) {
                    word.replace(u"%s"_s, address);
                    placed = true;
                }
            }
            if (!placed)
                words << address;
            return Command { program, words };
        }
        setError(error,
                 missing.isEmpty()
                     ? tr("The BROWSER environment variable names no program.")
                     : tr("No program named in the BROWSER environment variable was found (%1).")
                           .arg(missing.join(u", "_s)));
        return std::nullopt;
    }

#if defined(Q_OS_MACOS)
    const QString opener = u"open"_s;
    const QStringList arguments { address };
#elif defined(Q_OS_WIN)
    const QString opener = u"rundll32"_s;
    const QStringList arguments { u"url.dll,FileProtocolHandler"_s, address };
#else
    const QString opener = u"xdg-open"_s;
    const QStringList arguments { address };
#endif
    const QString program = QStandardPaths::findExecutable(opener);
    if (program.isEmpty()) {
        setError(error,
                 tr("%1 was not found to open the browser; install it (xdg-utils) or set the BROWSER "
                    "environment variable to a browser command.")
                     .arg(opener));
        return std::nullopt;
    }
    return Command { program, arguments };
}

bool BrowserLauncher::open(const QUrl &url, QString *error)
{
    const std::optional<Command> command
        = BrowserLauncher::command(url, qEnvironmentVariable("BROWSER"), error);
    if (!command)
        return false;
    QProcess process;
    process.setProgram(command->program);
    process.setArguments(command->arguments);
    if (!process.startDetached()) {
        const QString reason = process.errorString();
        setError(error,
                 tr("The browser (%1) could not be started: %2")
                     .arg(QFileInfo(command->program).fileName(), reason));
        qCWarning(lcAuth) << "could not start the browser" << QFileInfo(command->program).fileName();
        return false;
    }
    qCInfo(lcAuth) << "opened" << forLog(url) << "with" << QFileInfo(command->program).fileName();
    return true;
}

} // namespace Postern
