#include "ui/oauth/loginwindows.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QOpenGLContext>
#include <QPluginLoader>

#ifdef POSTERN_LATE_GL_SHARE_CONTEXT
// Exported by Qt GUI for Qt's own modules (Qt WebEngine and Qt Quick set the context this way) but in no
// public header; the build checks that it links (POSTERN_LATE_GL_SHARE_CONTEXT).
Q_GUI_EXPORT QOpenGLContext *qt_gl_global_share_context();
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext *context);
#endif

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

struct Loaded
{
    LoginWindowPlugin *plugin = nullptr;
    QString path;
    QString problem;
};

QStringList candidates()
{
    QStringList paths;
    if (const QString chosen = qEnvironmentVariable("POSTERN_LOGIN_PLUGIN"); !chosen.isEmpty())
        paths << chosen;
    const QDir here(QCoreApplication::applicationDirPath());
    const QString name = QStringLiteral(POSTERN_LOGIN_PLUGIN_NAME);
    paths << here.filePath(name) << here.filePath(QStringLiteral(POSTERN_LOGIN_PLUGIN_FROM_BIN "/") + name)
          << QStringLiteral(POSTERN_LOGIN_PLUGIN_BUILT);
    return paths;
}

// The OpenGL context Qt WebEngine shares its pages' contexts with. Qt makes it when the application
// starts if Qt::AA_ShareOpenGLContexts is set, which loads the GL driver at every start; here it is made
// just before the library (and with it WebEngine, which looks for the context as it loads) comes in.
void shareOpenGLContext()
{
#ifdef POSTERN_LATE_GL_SHARE_CONTEXT
    if (qt_gl_global_share_context())
        return;
    auto *context = new QOpenGLContext(QCoreApplication::instance());
    context->create(); // where it cannot be made (offscreen), WebEngine draws without GL
    qt_gl_set_global_share_context(context);
#endif
}

Loaded &loaded()
{
    static Loaded state = [] {
        shareOpenGLContext();
        Loaded result;
        QStringList tried;
        for (const QString &path : candidates()) {
            if (!QFileInfo(path).isFile()) {
                tried << path;
                continue;
            }
            QPluginLoader loader(path);
            QObject *instance = loader.instance();
            if (auto *plugin = qobject_cast<LoginWindowPlugin *>(instance)) {
                result.plugin = plugin;
                result.path = QFileInfo(path).canonicalFilePath();
                return result;
            }
            result.problem = QCoreApplication::translate("Postern::LoginWindows", "%1 did not load: %2")
                                 .arg(path, loader.errorString());
            return result;
        }
        result.problem
            = QCoreApplication::translate("Postern::LoginWindows", "%1 was not found (looked for %2)")
                  .arg(QStringLiteral(POSTERN_LOGIN_PLUGIN_NAME), tried.join(u", "_s));
        return result;
    }();
    return state;
}

} // namespace

QDialog *LoginWindows::create(const QUrl &authorizationUrl, const LoginHooks &hooks, QWidget *parent,
                              QString *error)
{
    Loaded &state = loaded();
    if (!state.plugin) {
        if (error)
            *error = QCoreApplication::translate(
                         "Postern::LoginWindows",
                         "The login window is not available: %1. Tick “Authorize using system browser” "
                         "to sign in with your browser instead.")
                         .arg(state.problem);
        return nullptr;
    }
    return state.plugin->create(authorizationUrl, hooks, parent);
}

QWidget *LoginWindows::createHtmlPreview(const QByteArray &html, QWidget *parent, QString *error)
{
    Loaded &state = loaded();
    if (!state.plugin) {
        if (error)
            *error = QCoreApplication::translate("Postern::LoginWindows",
                                                 "The HTML preview is not available: %1.")
                         .arg(state.problem);
        return nullptr;
    }
    return state.plugin->createHtmlPreview(html, parent);
}

QString LoginWindows::loadedFrom()
{
    return loaded().path;
}

} // namespace Postern
