// The library's entry point for QPluginLoader: makes login windows and HTML previews.
#include "ui/loginwindow/htmlpreview.h"
#include "ui/loginwindow/loginwindow.h"

#include <QObject>

namespace Postern {

class LoginPlugin : public QObject, public LoginWindowPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PosternLoginWindowPlugin_iid)
    Q_INTERFACES(Postern::LoginWindowPlugin)

public:
    QDialog *create(const QUrl &authorizationUrl, const LoginHooks &hooks, QWidget *parent) override
    {
        return new LoginWindow(authorizationUrl, hooks, parent);
    }
    QWidget *createHtmlPreview(const QByteArray &html, QWidget *parent) override
    {
        return new HtmlPreview(html, parent);
    }
};

} // namespace Postern

#include "loginplugin.moc"
