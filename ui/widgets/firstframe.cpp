#include "ui/widgets/firstframe.h"

#include <QEvent>
#include <QTimer>
#include <QWindow>

#include <utility>

namespace Postern {

namespace {

// Watches the widget until its window is shown, then the window's native window: the first Expose event
// is answered by painting the whole window at once, so work queued while it is delivered runs once the
// frame is drawn.
class FirstFrameWatcher : public QObject
{
public:
    FirstFrameWatcher(QWidget *widget, std::function<void()> work, std::chrono::milliseconds timeout)
        : QObject(widget)
        , m_widget(widget)
        , m_work(std::move(work))
    {
        QTimer::singleShot(timeout, this, &FirstFrameWatcher::run);
        if (widget->isVisible())
            watchWindow();
        else
            widget->installEventFilter(this); // for its Show event
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Show) {
            m_widget->removeEventFilter(this);
            watchWindow();
        } else if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, &FirstFrameWatcher::run);
        }
        return false;
    }

private:
    void watchWindow()
    {
        QWindow *handle = m_widget->window()->windowHandle();
        if (!handle || handle->isExposed())
            QTimer::singleShot(0, this, &FirstFrameWatcher::run);
        else
            handle->installEventFilter(this);
    }

    void run()
    {
        if (!m_work)
            return;
        std::exchange(m_work, {})();
        deleteLater();
    }

    QWidget *m_widget;
    std::function<void()> m_work;
};

} // namespace

void afterFirstFrame(QWidget *widget, std::function<void()> work, std::chrono::milliseconds timeout)
{
    new FirstFrameWatcher(widget, std::move(work), timeout);
}

} // namespace Postern
