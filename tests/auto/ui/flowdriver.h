#pragma once

#include <QApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <functional>

namespace Postern {
class LoginWindow;
}

// What the GUI tests of the OAuth flow share: waiting without slowing WebEngine down, and driving the
// login window's page the way a person would (fill a field, click a button).
namespace FlowDriver {

// Waits for condition while the event loop runs. QTRY_* and qWait are not used with WebEngine: they
// sleep between polls and make each flow an order of magnitude slower.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000);

// Waits until the login window has loaded a page whose path is path.
bool waitForPage(Postern::LoginWindow *login, const QString &path, int timeoutMs = 15000);

// Runs script in the login window's page and waits for it to finish.
bool runJs(Postern::LoginWindow *login, const QString &script);
// The same, returning the script's value.
QVariant evalJs(Postern::LoginWindow *login, const QString &script, bool *finished = nullptr);
// Waits until script evaluates to true in the page (e.g. "a form with this field is there").
bool waitForScript(Postern::LoginWindow *login, const QString &script, int timeoutMs = 15000);

// The visible top-level widget named name, waiting for it to appear; nullptr after the timeout.
QWidget *waitForTopLevel(const QString &name, int timeoutMs = 10000);

// The visible child of root named name (dialogs closed but not yet deleted are skipped).
template<typename T> T *visibleChild(QObject *root, const QString &name)
{
    const QList<T *> children = root->findChildren<T *>(name);
    for (T *child : children) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

// The processes started by this one, at least minDepth levels below it, whose command line contains
// every word of words. WebEngine starts its zygotes (depth 1), which fork the renderers (depth 2, with
// the zygote's command line): descendantProcesses({"QtWebEngineProcess"}, 2) are the renderers.
QList<qint64> descendantProcesses(const QStringList &words = {}, int minDepth = 1);
// The descendants' command lines, one a line (for failure messages).
QString describeProcesses();
// Resident memory in KiB of this process and all its descendants (WebEngine's helper processes).
qint64 residentKiBWithHelpers();

// Sets QTWEBENGINE_DISABLE_SANDBOX when running as root (Chromium refuses otherwise; never for a
// normal user) and shares OpenGL contexts, as WebEngine needs, before the QApplication exists.
void prepareWebEngine();

// When POSTERN_SCREENSHOT_DIR is set (the README's screenshots are taken this way, under Xvfb),
// saves the whole screen as <dir>/<name>.png with ImageMagick's import.
void screenshot(const QString &name);

} // namespace FlowDriver
