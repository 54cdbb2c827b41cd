#pragma once

#include "scripting/scriptvalues.h"

#include <QObject>

#include <chrono>

namespace Postern {

// What runs batches of scripts, as ScriptProcess and ScriptEngine both do: run() emits testFinished()
// and consoleLine() as they happen and finished() once, never inside run(). The interface lets
// ScriptProcess run batches in this process through ScriptEngine without linking Qt's JavaScript
// engine into every program that runs scripts in a worker (the application does).
class ScriptRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultTimeLimit { 5000 };

    using QObject::QObject;

    // Empty when the runner can run scripts; otherwise why not (every run() then fails).
    virtual QString loadError() const = 0;
    virtual void setTimeLimit(std::chrono::milliseconds limit) = 0;
    // Starts the batch; false (and nothing emitted) when one is running already.
    virtual bool run(const ScriptInput &input) = 0;
    // Ends the running batch now: pending answers and timers are dropped, finished() is emitted.
    virtual void cancel() = 0;

Q_SIGNALS:
    void testFinished(const Postern::ScriptTest &test);
    void consoleLine(const Postern::ScriptConsoleLine &line);
    void finished(const Postern::ScriptOutcome &outcome);
};

} // namespace Postern
