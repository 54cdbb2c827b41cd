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

// For a top-level window about to be shown at its present size: makes its native window and its backing
// store now, and has the system set up the backing store's memory on another thread while the caller
// goes on (madvise(MADV_POPULATE_WRITE): the pages are mapped, their contents left alone). The first
// frame paints every pixel of that memory, and a fresh page costs a fault the first time it is
// written: for a 1280×800 window a thousand of them, otherwise taken one by one inside that paint.
// Where the backing store is not an image in memory, or the system cannot populate it, nothing more
// happens. Shown at another size (maximised, say), the window just gets a new backing store.
void prepareFirstFrame(QWidget *window);

} // namespace Postern
