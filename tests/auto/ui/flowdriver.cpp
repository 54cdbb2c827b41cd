#include "flowdriver.h"

#include "ui/loginwindow/loginwindow.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QPair>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace FlowDriver {

namespace {

// Reads one line of /proc/<pid>/<name>; empty when the process is gone.
QByteArray procFile(qint64 pid, const char *name)
{
    QFile file(u"/proc/%1/%2"_s.arg(pid).arg(QString::fromLatin1(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The processes below root with their depth (1: root's children).
QList<QPair<qint64, int>> descendantsOf(qint64 root)
{
    // Parent of every process, from /proc/<pid>/stat (the field after the parenthesised name).
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QByteArray stat = procFile(pid, "stat");
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()].append(pid);
    }
    QList<QPair<qint64, int>> found;
    QList<QPair<qint64, int>> pending { { root, 0 } };
    while (!pending.isEmpty()) {
        const auto [pid, depth] = pending.takeLast();
        for (const qint64 child : children.value(pid)) {
            found.append({ child, depth + 1 });
            pending.append({ child, depth + 1 });
        }
    }
    return found;
}

qint64 residentKiB(qint64 pid)
{
    for (const QByteArray &line : procFile(pid, "status").split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

} // namespace

QList<qint64> descendantProcesses(const QStringList &words, int minDepth)
{
    QList<qint64> matching;
    for (const auto &[pid, depth] : descendantsOf(::getpid())) {
        if (depth < minDepth)
            continue;
        const QString commandLine = QString::fromLocal8Bit(procFile(pid, "cmdline").replace('\0', ' '));
        if (std::all_of(words.cbegin(), words.cend(),
                        [&commandLine](const QString &word) { return commandLine.contains(word); }))
            matching.append(pid);
    }
    return matching;
}

QString describeProcesses()
{
    QStringList lines;
    for (const auto &[pid, depth] : descendantsOf(::getpid()))
        lines << u"%1 (depth %2) %3"_s.arg(pid).arg(depth).arg(
            QString::fromLocal8Bit(procFile(pid, "cmdline").replace('\0', ' ').left(160)));
    return u"processes started by this one:\n"_s + lines.join(u'\n');
}

qint64 residentKiBWithHelpers()
{
    qint64 total = residentKiB(::getpid());
    for (const auto &[pid, depth] : descendantsOf(::getpid()))
        total += residentKiB(pid);
    return total;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    QEventLoop loop;
    QTimer poll;
    QTimer timeout;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition())
            loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(5);
    timeout.start(timeoutMs);
    loop.exec();
    return condition();
}

bool waitForPage(Postern::LoginWindow *login, const QString &path, int timeoutMs)
{
    if (login->view()->url().path() == path && !login->view()->page()->isLoading())
        return true;
    QSignalSpy loaded(login, &Postern::LoginWindow::pageLoaded);
    for (int i = 0; i < 10; ++i) {
        if (!loaded.wait(timeoutMs))
            return false;
        if (loaded.last().first().toUrl().path() == path)
            return loaded.last().at(1).toBool();
    }
    return false;
}

QVariant evalJs(Postern::LoginWindow *login, const QString &script, bool *finished)
{
    QEventLoop loop;
    bool done = false;
    QVariant value;
    QTimer timeout;
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(15000);
    login->view()->page()->runJavaScript(script, [&](const QVariant &result) {
        value = result;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    if (finished)
        *finished = done;
    return value;
}

bool runJs(Postern::LoginWindow *login, const QString &script)
{
    bool finished = false;
    evalJs(login, script, &finished);
    return finished;
}

bool waitForScript(Postern::LoginWindow *login, const QString &script, int timeoutMs)
{
    return waitUntil([&] { return !login->view()->page()->isLoading() && evalJs(login, script).toBool(); },
                     timeoutMs);
}

QWidget *waitForTopLevel(const QString &name, int timeoutMs)
{
    QWidget *found = nullptr;
    waitUntil(
        [&] {
            const QList<QWidget *> widgets = QApplication::topLevelWidgets();
            for (QWidget *w : widgets) {
                if (w->objectName() == name && w->isVisible())
                    found = w;
            }
            return found != nullptr;
        },
        timeoutMs);
    return found;
}

void prepareWebEngine()
{
    if (geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
}

void screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    // Let the windows paint (and WebEngine composite) before the capture.
    QEventLoop settle;
    QTimer::singleShot(700, &settle, &QEventLoop::quit);
    settle.exec();
    QProcess::execute(u"import"_s, { u"-window"_s, u"root"_s, dir + u'/' + name + u".png"_s });
}

} // namespace FlowDriver
