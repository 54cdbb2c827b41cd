#include "ui/widgets/firstframe.h"

#include <QEvent>
#include <QTimer>
#include <QWindow>

#include <utility>

namespace Postern {

namespace {

// Watches the window's native window: its first Expose event is answered by painting the whole window
// at once, so work queued while it is delivered runs once the frame is drawn.
class FirstFrameWatcher : public QObject
{
public:
    FirstFrameWatcher(QWidget *window, std::function<void()> work, std::chrono::milliseconds timeout)
        : QObject(window)
        , m_work(std::move(work))
    {
        if (QWindow *handle = window->windowHandle())
            handle->installEventFilter(this);
        QTimer::singleShot(timeout, this, &FirstFrameWatcher::run);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, &FirstFrameWatcher::run);
        }
        return false;
    }

private:
    void run()
    {
        if (!m_work)
            return;
        std::exchange(m_work, {})();
        deleteLater();
    }

    std::function<void()> m_work;
};

} // namespace

void afterFirstFrame(QWidget *window, std::function<void()> work, std::chrono::milliseconds timeout)
{
    new FirstFrameWatcher(window, std::move(work), timeout);
}

} // namespace Postern
