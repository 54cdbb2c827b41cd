#include "flowdriver.h"

#include "loginwindow.h"

#include <QEventLoop>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace FlowDriver {

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
    return waitUntil([&] { return !login->view()->page()->isLoading() && evalJs(login, script).toBool(); }, timeoutMs);
}

QWidget *waitForTopLevel(const QString &name, int timeoutMs)
{
    QWidget *found = nullptr;
    waitUntil([&] {
        const QList<QWidget *> widgets = QApplication::topLevelWidgets();
        for (QWidget *w : widgets) {
            if (w->objectName() == name && w->isVisible())
                found = w;
        }
        return found != nullptr;
    }, timeoutMs);
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
    QProcess::execute(u"import"_s, {u"-window"_s, u"root"_s, dir + u'/' + name + u".png"_s});
}

} // namespace FlowDriver
