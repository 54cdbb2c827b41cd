// postern-script-worker: runs Postman scripts for Postern in a process of its own (ScriptWorkerLoop).
// Started by the application (ScriptProcess), spoken to over standard input and output.

#include "scripting/scriptworkerloop.h"

#include <QCoreApplication>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

int main(int argc, char **argv)
{
#ifdef Q_OS_UNIX
    // A script that asks for gigabytes fails here instead of taking the machine's memory.
    constexpr rlim_t memoryCap = rlim_t(4) << 30;
    rlimit limit {};
    if (getrlimit(RLIMIT_DATA, &limit) == 0
        && (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > memoryCap)) {
        limit.rlim_cur = memoryCap;
        setrlimit(RLIMIT_DATA, &limit);
    }
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("postern-script-worker"));
    Postern::ScriptWorkerLoop loop;
    loop.start();
    return QCoreApplication::exec();
}
