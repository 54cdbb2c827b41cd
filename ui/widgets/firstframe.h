#pragma once

#include <QWidget>

#include <chrono>
#include <functional>

namespace Postern {

// Calls work once, on the event loop's turn after window's first frame is painted: for what the first
// frame need not wait for (asking the keychain, starting a process). Should the window not be exposed
// within timeout (started minimised, say), work runs then. Call it once the window is shown; nothing
// runs if the window is destroyed first.
void afterFirstFrame(QWidget *window, std::function<void()> work,
                     std::chrono::milliseconds timeout = std::chrono::seconds(1));

} // namespace Postern
