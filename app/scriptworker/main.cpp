// postern-script-worker: runs Postman scripts for Postern in a process of its own (ScriptWorkerLoop).
// Started by the application (ScriptProcess), spoken to over standard input and output.

#include "base/memorycap.h"
#include "scripting/scriptworkerloop.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // A script that asks for gigabytes fails here instead of taking the machine's memory.
    Postern::capDataMemory(quint64(4) << 30);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("postern-script-worker"));
    Postern::ScriptWorkerLoop loop;
    loop.start();
    return QCoreApplication::exec();
}
