// bench_start: how fast postern shows its window and how much memory it holds once idle, against a bare
// Qt window (a QMainWindow with a menu bar and a label, this very program started with --bare-window).
// Both run on a private Xvfb server started here; each is started --runs times (default 7). The time is
// from the start of the process until its window is viewable (polled with xdotool every few ms, the same
// way for both); idle memory is the resident set after two seconds. Prints medians and the ratios.
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

using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    qint64 shownMs = -1;
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

Sample measure(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
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
    const QString pid = QString::number(process.processId());
    while (clock.elapsed() < 30000) {
        QProcess search;
        search.setProcessEnvironment(environment);
        search.start(u"xdotool"_s, { u"search"_s, u"--onlyvisible"_s, u"--pid"_s, pid });
        search.waitForFinished(5000);
        if (search.exitCode() == 0 && !search.readAllStandardOutput().trimmed().isEmpty()) {
            sample.shownMs = clock.elapsed();
            break;
        }
        QThread::msleep(2);
    }
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
        window.resize(1000, 700);
        window.show();
        return app.exec();
    }
    QCoreApplication app(argc, argv);
    int runs = 7;
    if (const qsizetype at = app.arguments().indexOf(u"--runs"_s); at >= 0 && at + 1 < app.arguments().size())
        runs = qMax(1, app.arguments().at(at + 1).toInt());
    const QString xvfbProgram = QStandardPaths::findExecutable(u"Xvfb"_s);
    if (xvfbProgram.isEmpty() || QStandardPaths::findExecutable(u"xdotool"_s).isEmpty()) {
        std::fprintf(stderr, "bench_start needs Xvfb and xdotool (apt-get install xvfb xdotool)\n");
        return 2;
    }
    QProcess xvfb;
    xvfb.start(xvfbProgram,
               { u"-displayfd"_s, u"1"_s, u"-nolisten"_s, u"tcp"_s, u"-screen"_s, u"0"_s, u"1280x800x24"_s });
    if (!xvfb.waitForStarted(10000) || !xvfb.waitForReadyRead(20000))
        return 2;
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DISPLAY"_s, u":"_s + QString::fromLatin1(xvfb.readLine().trimmed()));
    environment.remove(u"QT_QPA_PLATFORM"_s);
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, home.path());

    QList<qint64> bareShown, bareIdle, posternShown, posternIdle;
    for (int i = 0; i < runs; ++i) { // alternated, so that both meet the same machine
        const Sample bare = measure(app.applicationFilePath(), { u"--bare-window"_s }, environment);
        const Sample postern = measure(QStringLiteral(POSTERN_EXECUTABLE),
                                       { u"--workspace"_s, home.filePath(u"workspace"_s) }, environment);
        if (bare.shownMs < 0 || postern.shownMs < 0 || bare.idleKb < 0 || postern.idleKb < 0) {
            std::fprintf(stderr, "run %d: %s window never showed; left out\n", i + 1,
                         bare.shownMs < 0 || bare.idleKb < 0 ? "the bare" : "postern's");
            continue;
        }
        bareShown << bare.shownMs;
        bareIdle << bare.idleKb;
        posternShown << postern.shownMs;
        posternIdle << postern.idleKb;
    }
    if (bareShown.isEmpty())
        return 1;
    const qint64 bs = median(bareShown), bi = median(bareIdle), ps = median(posternShown),
                 pi = median(posternIdle);
    std::printf("%lld of %d runs each on Xvfb (medians)\n", qint64(bareShown.size()), runs);
    std::printf("bare Qt window: shown after %5lld ms, idle %6lld KB\n", bs, bi);
    std::printf("postern:        shown after %5lld ms, idle %6lld KB\n", ps, pi);
    std::printf("ratio shown postern / bare: %.2f (the target: 1.3 or less)\n",
                double(ps) / double(qMax<qint64>(1, bs)));
    std::printf("ratio idle memory postern / bare: %.2f (the target: 1.5 or less)\n",
                double(pi) / double(qMax<qint64>(1, bi)));
    xvfb.terminate();
    xvfb.waitForFinished(5000);
    return ps > 0 && bs > 0 ? 0 : 1;
}
