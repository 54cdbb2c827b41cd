// Loading the interface's translations: Postern's catalogue from the resources, Qt's from the system.
#include "ui/i18n/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Postern::Translations {

namespace {
const QString catalogueFolder = u":/i18n"_s;
} // namespace

QStringList available()
{
    QStringList languages;
    const QStringList files = QDir(catalogueFolder).entryList({ u"postern_*.qm"_s }, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(8, file.size() - 8 - 3)); // postern_<language>.qm
    return languages;
}

QString install(QCoreApplication *application, const QLocale &locale)
{
    // Parented to the application: a translator must live as long as anything may ask it.
    auto *own = new QTranslator(application);
    // QTranslator::load(QLocale…) goes through the locale's UI languages in the user's order, and
    // for each tries "de_DE" before "de".
    if (!own->load(locale, u"postern"_s, u"_"_s, catalogueFolder)) {
        delete own;
        return QString();
    }
    application->installTranslator(own);

    // Qt's own strings (QDialogButtonBox's Cancel, a line edit's context menu): Debian's
    // qt6-translations-l10n. Without it those few stay in English; Postern's own are translated still.
    auto *qt = new QTranslator(application);
    if (qt->load(locale, u"qt"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        application->installTranslator(qt);
    else
        delete qt;
    return own->language().section(u'_', 0, 0);
}

} // namespace Postern::Translations
