#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace Postern::Translations {

// The languages Postern has a catalogue of (besides its own English), e.g. {"de"}; each is a .qm file
// under :/i18n, compiled at build time from resources/translations/postern_<language>.ts.
QStringList available();

// Installs on the application the catalogue of the locale's first user-interface language that Postern
// has (the desktop's LANGUAGE, LC_ALL, LC_MESSAGES or LANG, as QLocale reads them), and Qt's own
// translations for that language (button texts of standard dialogs, context menus of text fields)
// where the system has them. Returns the language installed, or an empty string when the interface
// stays in English. Called once, after the application object is made; the command-line runner
// never calls it and speaks English, like newman.
QString install(QCoreApplication *application, const QLocale &locale = QLocale());

} // namespace Postern::Translations
