#include "cli/runsupervisor.h"

#include "base/memorycap.h"
#include "cli/runcommand.h"

#include <QtGlobal>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace Postern::RunSupervisor {

#ifdef Q_OS_UNIX
namespace {

volatile sig_atomic_t child = 0;

void passOn(int signal)
{
    if (child > 0)
        ::kill(pid_t(child), signal);
}

} // namespace

int supervise()
{
    const pid_t self = getpid();
    const pid_t pid = fork();
    if (pid < 0)
        return -1; // no child: the run goes on unsupervised
    if (pid == 0) {
#ifdef Q_OS_LINUX
        prctl(PR_SET_PDEATHSIG, SIGKILL); // a supervisor killed outright takes the run with it
        if (getppid() != self)
            _exit(int(ExitCode::Crashed));
#endif
        capDataMemory(quint64(4) << 30);
        return -1;
    }
    child = pid;
    struct sigaction action
    {
    };
    action.sa_handler = passOn;
    sigemptyset(&action.sa_mask);
    for (const int signal : { SIGINT, SIGTERM, SIGHUP, SIGQUIT })
        sigaction(signal, &action, nullptr);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return int(ExitCode::Crashed);
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    const int signal = WTERMSIG(status);
    if (signal == SIGINT || signal == SIGTERM || signal == SIGHUP || signal == SIGQUIT) {
        // Stopped from outside: end the same way, as a shell expects.
        std::signal(signal, SIG_DFL);
        ::kill(getpid(), signal);
        return 128 + signal;
    }
    std::fprintf(stderr,
                 "postern run: the run stopped unexpectedly (%s); its reports were not written. A script "
                 "may have asked for more memory than scripts get; with --isolate-scripts such a script "
                 "fails its request instead.\n",
                 strsignal(signal));
    return int(ExitCode::Crashed);
}

#else

int supervise()
{
    return -1;
}

#endif

} // namespace Postern::RunSupervisor
