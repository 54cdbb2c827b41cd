// The window in German, the one complete translation: what a sighted user reads (menus, buttons,
// labels, tabs) and what a screen reader says (the accessibility tree) are the catalogue's German,
// with no English string left over that the catalogue translates, and Qt's own buttons follow.
#include "../i18n/tsfile.h"
#include "everypage.h"
#include "oauth/tokenstore.h"
#include "ui/i18n/translations.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_TranslatedWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void whatIsReadOnScreenIsGerman();
    void whatAScreenReaderSaysIsGerman();
    void qtsOwnButtonsAreGermanToo();

private:
    // English source → German, over every context of the catalogue; only strings that change.
    QHash<QString, QString> m_german;
    QSet<QString> m_germanTexts;
    QNetworkAccessManager m_manager;
    QTemporaryDir m_dataDir;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;

    // Texts that should have been translated: English sources that the catalogue turns into
    // something else. Each with where it was seen.
    void judge(const QString &text, const QString &where, QStringList *english, int *german) const;
};

void tst_TranslatedWindow::initTestCase()
{
    const TsFile ts
        = TsFile::read(QString::fromUtf8(POSTERN_SOURCE_DIR) + u"/resources/translations/postern_de.ts"_s);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    for (const TsMessage &message : ts.messages) {
        if (message.translation.isEmpty() || message.translation == message.source)
            continue;
        m_german.insert(message.source, message.translation);
        m_germanTexts.insert(message.translation);
    }
    QVERIFY(m_german.size() > 100);
    // As main() does for a desktop whose language is German, before any window is made.
    QCOMPARE(Translations::install(QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)),
             u"de"_s);

    m_tokens = std::make_unique<TokenStore>(m_dataDir.path()); // memory only: no keychain in this test
    m_window = std::make_unique<MainWindow>(&m_manager, m_tokens.get());
    m_window->setRequest(MainWindow::incidentRequest(QUrl(u"http://127.0.0.1:9/"_s), u"admin"_s, u"admin"_s));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_TranslatedWindow::cleanupTestCase()
{
    m_window.reset();
    m_tokens.reset();
}

void tst_TranslatedWindow::judge(const QString &text, const QString &where, QStringList *english,
                                 int *german) const
{
    const QString plain = text.trimmed();
    if (plain.isEmpty())
        return;
    if (m_germanTexts.contains(plain) || m_germanTexts.contains(text))
        ++*german;
    else if (m_german.contains(plain) || m_german.contains(text))
        english->append(where + u": \""_s + plain + u'"');
}

void tst_TranslatedWindow::whatIsReadOnScreenIsGerman()
{
    QStringList english;
    int german = 0;
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    for (QAction *menu : menus) {
        judge(menu->text(), u"menu"_s, &english, &german);
        if (menu->menu()) {
            const QList<QAction *> actions = menu->menu()->actions();
            for (QAction *action : actions) {
                judge(action->text(), u"menu item"_s, &english, &german);
                judge(action->toolTip(), u"menu item's tooltip"_s, &english, &german);
            }
        }
    }
    Testing::makeEveryPage(m_window.get());
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const QString where
            = QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
        if (auto *label = qobject_cast<QLabel *>(widget))
            judge(label->text(), where, &english, &german);
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            judge(button->text(), where, &english, &german);
        if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                judge(tabs->tabText(i), where + u" tab"_s, &english, &german);
        }
        judge(widget->toolTip(), where + u" tooltip"_s, &english, &german);
        judge(widget->property("placeholderText").toString(), where + u" placeholder"_s, &english, &german);
    }
    QVERIFY2(english.isEmpty(), qPrintable(u"left in English:\n"_s + english.join(u'\n')));
    // Not a window of unknown words: most of what is written on it comes from the catalogue.
    QVERIFY2(german > 40, qPrintable(QString::number(german)));
}

void tst_TranslatedWindow::whatAScreenReaderSaysIsGerman()
{
    QStringList english;
    int german = 0;
    QList<QAccessibleInterface *> pending { QAccessible::queryAccessibleInterface(m_window.get()) };
    int visited = 0;
    while (!pending.isEmpty() && visited < 20000) {
        QAccessibleInterface *iface = pending.takeFirst();
        if (!iface || !iface->isValid())
            continue;
        ++visited;
        for (int i = 0; i < iface->childCount(); ++i)
            pending.append(iface->child(i));
        // A table's cells are the request's data (the header "Authorization" is a header's name).
        if (iface->role() == QAccessible::Cell)
            continue;
        const QString role = QString::number(iface->role());
        judge(iface->text(QAccessible::Name), u"accessible name (role "_s + role + u')', &english, &german);
        judge(iface->text(QAccessible::Description), u"accessible description (role "_s + role + u')',
              &english, &german);
    }
    QVERIFY2(english.isEmpty(), qPrintable(u"said in English:\n"_s + english.join(u'\n')));
    QVERIFY2(german > 40, qPrintable(QString::number(german)));
}

void tst_TranslatedWindow::qtsOwnButtonsAreGermanToo()
{
    const QString qtCatalogues = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFileInfo::exists(qtCatalogues + u"/qtbase_de.qm"_s))
        QSKIP(qPrintable(u"Qt's own German catalogue is not installed in %1 (Debian's qt6-translations-l10n, "
                         "in packaging/debian-packages.txt)"_s.arg(qtCatalogues)));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'), u"Abbrechen"_s);
}

QTEST_MAIN(tst_TranslatedWindow)
#include "tst_translatedwindow.moc"
