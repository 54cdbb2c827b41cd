#pragma once

#include "ui/login/loginwindowplugin.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QDialog;
class QUrl;
class QWidget;
QT_END_NAMESPACE

namespace Postern {

// Opens login windows from libpostern_login, loaded with QPluginLoader the first time one is asked for
// (so that Qt WebEngine is not loaded before). Looked for, in order: the file named by
// $POSTERN_LOGIN_PLUGIN; next to the executable; in ../lib/postern (or the install's library folder)
// from it; where the build put it.
class LoginWindows
{
public:
    // A login window, not shown yet; nullptr when the library is missing or broken, and *error says
    // so in a sentence for the person.
    static QDialog *create(const QUrl &authorizationUrl, const LoginHooks &hooks, QWidget *parent,
                           QString *error);
    // An HTML preview (see LoginWindowPlugin::createHtmlPreview); nullptr when the library is missing or
    // broken, and *error says so.
    static QWidget *createHtmlPreview(const QByteArray &html, QWidget *parent, QString *error);
    // Where the library was found (empty before the first create(), or when it was not).
    static QString loadedFrom();
};

} // namespace Postern
