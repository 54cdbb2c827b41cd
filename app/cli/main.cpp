// postern-run: `postern run <collection> [options]` and `postern token get <collection> [options]`.
// Parses the options, answers --help and --version, and hands the rest to CommandLineRun or
// TokenCommand; their exit code is the process's.

#include "cli/commandlinerun.h"
#include "cli/runcommand.h"
#include "cli/runsupervisor.h"
#include "cli/tokencommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

int token(const QStringList &arguments, QIODevice *output, QIODevice *errors)
{
    const TokenCommand::Parsed parsed = TokenCommand::parse(arguments);
    if (parsed.help) {
        output->write(TokenCommand::helpText().toUtf8());
        return int(ExitCode::Passed);
    }
    if (!parsed.ok()) {
        errors->write((u"postern token: "_s + parsed.error + u" (postern token --help lists the options)\n"_s)
                          .toUtf8());
        return int(ExitCode::Usage);
    }
    TokenCommand command(parsed.options, output, errors);
    QObject::connect(&command, &TokenCommand::finished, qApp, [](int code) { QCoreApplication::exit(code); });
    QTimer::singleShot(0, &command, &TokenCommand::start);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    if (const int code = RunSupervisor::supervise(); code >= 0)
        return code;
    QCoreApplication::setApplicationName(u"Postern"_s);
    QCoreApplication::setOrganizationName(u"Postern"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTERN_VERSION));
    QCoreApplication app(argc, argv);

    QFile output;
    QFile errors;
    if (!output.open(stdout, QIODevice::WriteOnly) || !errors.open(stderr, QIODevice::WriteOnly))
        return int(ExitCode::OutputProblem);
    if (app.arguments().value(1) == u"token"_s) // `postern token get …`
        return token(app.arguments().mid(2), &output, &errors);
    const RunCommand::Parsed parsed = RunCommand::parse(app.arguments().mid(1));
    if (parsed.help) {
        output.write(RunCommand::helpText().toUtf8());
        return int(ExitCode::Passed);
    }
    if (parsed.version) {
        output.write((QCoreApplication::applicationVersion() + u'\n').toUtf8());
        return int(ExitCode::Passed);
    }
    if (!parsed.ok()) {
        errors.write(
            (u"postern run: "_s + parsed.error + u" (postern run --help lists the options)\n"_s).toUtf8());
        return int(ExitCode::Usage);
    }
    RunCommand command = parsed.command;
    if (command.color == RunCommand::Color::Auto) // colours for a terminal, unless NO_COLOR says no
        command.color = isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR")
            ? RunCommand::Color::On
            : RunCommand::Color::Off;
    CommandLineRun run(command, &output, &errors);
    QObject::connect(&run, &CommandLineRun::finished, &app, [](int code) { QCoreApplication::exit(code); });
    QTimer::singleShot(0, &run, &CommandLineRun::start);
    return app.exec();
}
