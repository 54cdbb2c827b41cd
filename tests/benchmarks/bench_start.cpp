// bench_start: how soon postern paints its first frame and how much memory it holds once idle, against
// a bare Qt window of the same size (a QMainWindow with a menu bar and a label, this very program started
// with
// --bare-window). Both run on a private Xvfb server started here; each is started --runs times (default
// 15), alternately. The time is from the start of the process until the X server first sees its window
// drawn into: the benchmark watches the server itself (X11's DAMAGE extension on every new top-level
// window), without polling, so that it takes no processor time from the program it times. The time
// the window was mapped is printed too. Idle memory is the resident set two seconds after the first
// frame. Prints medians and the ratios.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <poll.h>
#include <set>
#include <xcb/damage.h>
#include <xcb/xcb.h>

using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    qint64 mappedMs = -1;
    qint64 paintedMs = -1;
    qint64 idleKb = -1;
};

qint64 residentKb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// A connection to the X server that reports, for the next top-level window to be mapped, when it is
// mapped and when it is first drawn into. Every window made on the root gets a DAMAGE object as it is
// created, before its program can draw into it.
class WindowWatch
{
public:
    explicit WindowWatch(const QByteArray &display)
        : m_connection(xcb_connect(display.constData(), nullptr))
    {
        if (xcb_connection_has_error(m_connection))
            return;
        const xcb_query_extension_reply_t *damage = xcb_get_extension_data(m_connection, &xcb_damage_id);
        if (!damage || !damage->present)
            return;
        m_damageEvent = damage->first_event + XCB_DAMAGE_NOTIFY;
        std::free(xcb_damage_query_version_reply(m_connection, xcb_damage_query_version(m_connection, 1, 1),
                                                 nullptr));
        m_root = xcb_setup_roots_iterator(xcb_get_setup(m_connection)).data->root;
        const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        xcb_change_window_attributes(m_connection, m_root, XCB_CW_EVENT_MASK, &mask);
        xcb_flush(m_connection);
        m_ready = true;
    }
    ~WindowWatch() { xcb_disconnect(m_connection); }
    WindowWatch(const WindowWatch &) = delete;
    WindowWatch &operator=(const WindowWatch &) = delete;

    bool isReady() const { return m_ready; }

    // Waits until a top-level window is mapped and drawn into, or until the deadline (ms on clock).
    void watch(const QElapsedTimer &clock, qint64 deadline, Sample *sample)
    {
        xcb_window_t mapped = XCB_NONE;
        while (sample->paintedMs < 0 && clock.elapsed() < deadline) {
            pollfd fd { xcb_get_file_descriptor(m_connection), POLLIN, 0 };
            poll(&fd, 1, int(qMax<qint64>(1, deadline - clock.elapsed())));
            while (xcb_generic_event_t *event = xcb_poll_for_event(m_connection)) {
                const std::unique_ptr<xcb_generic_event_t, decltype(&std::free)> owned(event, &std::free);
                const uint8_t type = event->response_type & 0x7f;
                if (type == XCB_CREATE_NOTIFY) {
                    const auto *created = reinterpret_cast<xcb_create_notify_event_t *>(event);
                    xcb_damage_create(m_connection, xcb_generate_id(m_connection), created->window,
                                      XCB_DAMAGE_REPORT_LEVEL_NON_EMPTY);
                    xcb_flush(m_connection);
                } else if (type == XCB_MAP_NOTIFY && mapped == XCB_NONE) {
                    const auto *map = reinterpret_cast<xcb_map_notify_event_t *>(event);
                    if (!map->override_redirect) {
                        mapped = map->window;
                        sample->mappedMs = clock.elapsed();
                    }
                } else if (type == m_damageEvent && mapped != XCB_NONE) {
                    const auto *damage = reinterpret_cast<xcb_damage_notify_event_t *>(event);
                    if (damage->drawable == mapped) {
                        sample->paintedMs = clock.elapsed();
                        break;
                    }
                }
            }
        }
        // The damage objects go with their windows; the next program makes new ones.
    }

private:
    xcb_connection_t *m_connection;
    xcb_window_t m_root = XCB_NONE;
    uint8_t m_damageEvent = 0;
    bool m_ready = false;
};

Sample measure(WindowWatch *watch, const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment)
{
    Sample sample;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return sample;
    watch->watch(clock, 30000, &sample);
    QThread::msleep(2000);
    sample.idleKb = residentKb(process.processId());
    process.terminate();
    if (!process.waitForFinished(10000))
        process.kill();
    return sample;
}

qint64 median(QList<qint64> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--bare-window") == 0) {
        QApplication app(argc, argv);
        QMainWindow window;
        window.menuBar()->addMenu(u"&File"_s);
        window.setCentralWidget(new QLabel(u"A bare Qt window"_s));
        window.resize(1280, 800); // the size postern opens at
        window.show();
        return app.exec();
    }
    QCoreApplication app(argc, argv);
    int runs = 15;
    if (const qsizetype at = app.arguments().indexOf(u"--runs"_s); at >= 0 && at + 1 < app.arguments().size())
        runs = qMax(1, app.arguments().at(at + 1).toInt());
    const QString xvfbProgram = QStandardPaths::findExecutable(u"Xvfb"_s);
    if (xvfbProgram.isEmpty()) {
        std::fprintf(stderr, "bench_start needs Xvfb (apt-get install xvfb)\n");
        return 2;
    }
    QProcess xvfb;
    xvfb.start(xvfbProgram,
               { u"-displayfd"_s, u"1"_s, u"-nolisten"_s, u"tcp"_s, u"-screen"_s, u"0"_s, u"1280x800x24"_s });
    if (!xvfb.waitForStarted(10000) || !xvfb.waitForReadyRead(20000))
        return 2;
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QByteArray display = ':' + xvfb.readLine().trimmed();
    environment.insert(u"DISPLAY"_s, QString::fromLatin1(display));
    WindowWatch watch(display);
    if (!watch.isReady()) {
        std::fprintf(stderr, "bench_start: cannot watch the X server %s (DAMAGE extension)\n",
                     display.constData());
        return 2;
    }
    environment.remove(u"QT_QPA_PLATFORM"_s);
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, home.path());

    QList<qint64> bareMapped, barePainted, bareIdle, posternMapped, posternPainted, posternIdle;
    for (int i = 0; i < runs; ++i) { // alternated, so that both meet the same machine
        const Sample bare = measure(&watch, app.applicationFilePath(), { u"--bare-window"_s }, environment);
        const Sample postern = measure(&watch, QStringLiteral(POSTERN_EXECUTABLE),
                                       { u"--workspace"_s, home.filePath(u"workspace"_s) }, environment);
        if (bare.paintedMs < 0 || postern.paintedMs < 0 || bare.idleKb < 0 || postern.idleKb < 0) {
            std::fprintf(stderr, "run %d: %s window was never drawn; left out\n", i + 1,
                         bare.paintedMs < 0 || bare.idleKb < 0 ? "the bare" : "postern's");
            continue;
        }
        bareMapped << bare.mappedMs;
        barePainted << bare.paintedMs;
        bareIdle << bare.idleKb;
        posternMapped << postern.mappedMs;
        posternPainted << postern.paintedMs;
        posternIdle << postern.idleKb;
    }
    if (barePainted.isEmpty())
        return 1;
    const qint64 bp = median(barePainted), bi = median(bareIdle), pp = median(posternPainted),
                 pi = median(posternIdle);
    std::printf("%lld of %d runs each on Xvfb (medians)\n", qint64(barePainted.size()), runs);
    std::printf("bare Qt window: mapped after %5lld ms, first frame after %5lld ms, idle %6lld KB\n",
                median(bareMapped), bp, bi);
    std::printf("postern:        mapped after %5lld ms, first frame after %5lld ms, idle %6lld KB\n",
                median(posternMapped), pp, pi);
    std::printf("ratio first frame postern / bare: %.2f (the target: 1.3 or less)\n",
                double(pp) / double(qMax<qint64>(1, bp)));
    std::printf("ratio idle memory postern / bare: %.2f (the target: 1.5 or less)\n",
                double(pi) / double(qMax<qint64>(1, bi)));
    xvfb.terminate();
    xvfb.waitForFinished(5000);
    return pp > 0 && bp > 0 ? 0 : 1;
}
