#include "ui/widgets/firstframe.h"

#include <QBackingStore>
#include <QEvent>
#include <QImage>
#include <QTimer>
#include <QWindow>

#include <thread>
#include <utility>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

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

void prepareFirstFrame(QWidget *window)
{
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    if (!window->isWindow() || window->isVisible())
        return;
    window->winId(); // the native window, and with it the backing store
    QBackingStore *store = window->backingStore();
    if (!store)
        return;
    store->resize(window->size()); // what the first paint would do; the same size then keeps it
    QPaintDevice *device = store->paintDevice();
    if (!device || device->devType() != QInternal::Image)
        return;
    const auto *image = static_cast<const QImage *>(device);
    const quintptr page = quintptr(sysconf(_SC_PAGESIZE));
    const quintptr first = quintptr(image->constBits()) & ~(page - 1);
    const quintptr end = quintptr(image->constBits()) + quintptr(image->sizeInBytes());
    if (!image->constBits() || end <= first)
        return;
    // Contents are never written here, so a range unmapped or reused meanwhile (a window resized
    // before its first paint) comes to no harm: the call fails, or maps someone else's pages early.
    std::thread([first, end] {
        madvise(reinterpret_cast<void *>(first), size_t(end - first), MADV_POPULATE_WRITE);
    }).detach();
#else
    Q_UNUSED(window);
#endif
}

} // namespace Postern
