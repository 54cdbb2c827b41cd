#pragma once

#include "scripting/scriptengine.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace Postern {

// The inside of postern-script-worker: reads one JSON message per line from standard input, runs the
// batches it is given in a ScriptEngine, and writes one JSON message per line to standard output
// (ready, test, console, send, finished). pm.sendRequest becomes a "send" message that the application
// answers. A hostile script that brings the engine down takes only this process with it; ScriptProcess
// on the application's side reports it and starts a new one. Ends the application at end of input.
class ScriptWorkerLoop : public QObject
{
    Q_OBJECT

public:
    explicit ScriptWorkerLoop(QObject *parent = nullptr);

    // Starts reading standard input on a thread of its own and says "ready".
    void start();

private:
    void handle(const QByteArray &line);
    void write(const QJsonObject &message);

    ScriptEngine m_engine;
    QHash<int, std::function<void(const HttpResponse &)>> m_waiting;
    int m_nextId = 1;
};

} // namespace Postern
