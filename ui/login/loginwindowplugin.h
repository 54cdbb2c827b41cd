#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QtPlugin>

#include <functional>

QT_BEGIN_NAMESPACE
class QDialog;
class QWidget;
QT_END_NAMESPACE

namespace Postern {

// What a login window is told by the window that opens it, as plain callbacks: the login window lives
// in a library of its own (libpostern_login, the only one with Qt WebEngine; it also draws HTML
// previews), loaded the first time one is needed, and knows nothing else of Postern.
struct LoginHooks
{
    // Whether a URL is the Callback URL; called on WebEngine's network thread too.
    std::function<bool(const QUrl &url)> isCallback;
    // A navigation to the Callback URL in the main frame: stopped, and handed over.
    std::function<void(const QUrl &url)> redirect;
    // The person closed the window (or pressed Cancel) before a redirect came.
    std::function<void()> closed;
    // How a warning reads in the current palette (a style sheet for a QLabel).
    QString warningStyleSheet;
};

// The interface the library implements (one instance, made by QPluginLoader).
class LoginWindowPlugin
{
public:
    virtual ~LoginWindowPlugin() = default;
    // A login window on authorizationUrl, not shown yet; the caller owns it.
    virtual QDialog *create(const QUrl &authorizationUrl, const LoginHooks &hooks, QWidget *parent) = 0;
    // A view of an HTML answer (in UTF-8) with JavaScript, plugins and every request turned off; the
    // caller owns it. It emits loaded(bool) when the document is drawn.
    virtual QWidget *createHtmlPreview(const QByteArray &html, QWidget *parent) = 0;
};

} // namespace Postern

#define PosternLoginWindowPlugin_iid "io.postern.LoginWindowPlugin/2"
Q_DECLARE_INTERFACE(Postern::LoginWindowPlugin, PosternLoginWindowPlugin_iid)
