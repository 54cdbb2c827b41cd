#include "scripting/scriptwatchdog_p.h"

#include <QJSEngine>

namespace Postern {

ScriptWatchdog::ScriptWatchdog(QJSEngine *engine)
    : m_engine(engine)
    , m_thread([this] { watch(); })
{
}

ScriptWatchdog::~ScriptWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ScriptWatchdog::arm(std::chrono::milliseconds limit)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        m_deadline = std::chrono::steady_clock::now() + limit;
        m_armed = true;
        m_fired = false;
        wake = m_deadline < m_sleepingUntil;
    }
    if (wake)
        m_wake.notify_all();
}

bool ScriptWatchdog::disarm()
{
    std::lock_guard lock(m_mutex);
    m_armed = false;
    const bool fired = m_fired;
    m_fired = false;
    m_engine->setInterrupted(false);
    return fired;
}

void ScriptWatchdog::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_armed) {
            m_sleepingUntil = std::chrono::steady_clock::time_point::max();
            m_wake.wait(lock);
            continue;
        }
        m_sleepingUntil = m_deadline;
        m_wake.wait_until(lock, m_sleepingUntil);
        if (m_armed && !m_fired && std::chrono::steady_clock::now() >= m_deadline) {
            m_fired = true;
            m_engine->setInterrupted(true);
        }
        if (m_fired) {
            m_sleepingUntil = std::chrono::steady_clock::time_point::max();
            m_wake.wait(lock, [this] { return m_quit || !m_armed || !m_fired; });
        }
    }
}

} // namespace Postern
