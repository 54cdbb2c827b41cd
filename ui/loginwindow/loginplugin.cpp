// The library's entry point for QPluginLoader: makes login windows, and before the first one gives Qt
// the OpenGL context that Qt WebEngine shares its pages' contexts with. Qt makes that context when the
// application starts if Qt::AA_ShareOpenGLContexts is set, which loads the GL driver at every start;
// Postern leaves it to the first login window instead.
#include "ui/loginwindow/loginwindow.h"

#include <QCoreApplication>
#include <QObject>
#include <QOpenGLContext>

#ifdef POSTERN_LATE_GL_SHARE_CONTEXT
// Exported by Qt GUI for Qt's own modules (Qt WebEngine and Qt Quick set the context this way); not in
// a public header. The build checks that it links (POSTERN_LATE_GL_SHARE_CONTEXT).
Q_GUI_EXPORT QOpenGLContext *qt_gl_global_share_context();
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext *context);
#endif

namespace Postern {

class LoginPlugin : public QObject, public LoginWindowPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PosternLoginWindowPlugin_iid)
    Q_INTERFACES(Postern::LoginWindowPlugin)

public:
    QDialog *create(const QUrl &authorizationUrl, const LoginHooks &hooks, QWidget *parent) override
    {
#ifdef POSTERN_LATE_GL_SHARE_CONTEXT
        if (!qt_gl_global_share_context()) {
            auto *context = new QOpenGLContext(QCoreApplication::instance());
            context->create();
            qt_gl_set_global_share_context(context);
            // What Qt WebEngine checks before it warns that it was loaded too late.
            QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
        }
#endif
        return new LoginWindow(authorizationUrl, hooks, parent);
    }
};

} // namespace Postern

#include "loginplugin.moc"
