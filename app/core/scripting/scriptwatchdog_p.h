#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

QT_BEGIN_NAMESPACE
class QJSEngine;
QT_END_NAMESPACE

namespace Postern {

// Ends a runaway script: while armed, a thread of its own waits for the deadline and then interrupts
// the engine (QJSEngine::setInterrupted, which is safe from another thread). disarm() returns whether
// it fired, and leaves the engine ready for the next script.
class ScriptWatchdog
{
public:
    explicit ScriptWatchdog(QJSEngine *engine);
    ~ScriptWatchdog();

    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    void arm(std::chrono::milliseconds limit);
    bool disarm();

private:
    void watch();

    QJSEngine *m_engine;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::chrono::steady_clock::time_point m_deadline;
    // What the thread sleeps until (max(): until woken). arm() wakes it only for an earlier deadline,
    // so that back-to-back scripts cost no system call: a later deadline is seen when it wakes.
    std::chrono::steady_clock::time_point m_sleepingUntil = std::chrono::steady_clock::time_point::max();
    bool m_armed = false;
    bool m_fired = false;
    bool m_quit = false;
    std::thread m_thread;
};

// Arms a watchdog for one scope.
class ScriptGuard
{
public:
    ScriptGuard(ScriptWatchdog *watchdog, std::chrono::milliseconds limit)
        : m_watchdog(watchdog)
    {
        m_watchdog->arm(limit);
    }
    ~ScriptGuard()
    {
        if (!m_done)
            m_watchdog->disarm();
    }
    ScriptGuard(const ScriptGuard &) = delete;
    ScriptGuard &operator=(const ScriptGuard &) = delete;

    // Whether the limit ended the script.
    bool release()
    {
        m_done = true;
        return m_watchdog->disarm();
    }

private:
    ScriptWatchdog *m_watchdog;
    bool m_done = false;
};

} // namespace Postern
