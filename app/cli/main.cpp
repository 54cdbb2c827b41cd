// postern-run: `postern run <collection> [options]`. Parses the options, answers --help and --version,
// and hands the rest to CommandLineRun; its exit code is the process's.

#include "cli/commandlinerun.h"
#include "cli/runcommand.h"
#include "cli/runsupervisor.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Postern;

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
