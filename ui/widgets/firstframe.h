#pragma once

#include <QWidget>

#include <chrono>
#include <functional>

namespace Postern {

// Calls work once, on the event loop's turn after the first frame of widget's window is painted: for
// what that frame need not wait for (asking the keychain, starting a process, looking into the icon
// theme). A window already on screen runs it on the next turn; one not shown yet is waited for, whatever
// window widget is in by then. Should no frame come within timeout (a window never shown, or started
// minimised), work runs then. Nothing runs once widget is destroyed.
void afterFirstFrame(QWidget *widget, std::function<void()> work,
                     std::chrono::milliseconds timeout = std::chrono::seconds(1));

} // namespace Postern
