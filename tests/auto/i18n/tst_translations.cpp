// The translation catalogues, checked the way a translator's mistakes and a developer's forgotten
// string would show: a message without translation, a source string no catalogue has yet (lupdate run
// over the sources into a copy), a lost %1 or & in a translation, and the compiled catalogue as the
// application loads it answering with what the .ts file says.
#include "tsfile.h"
#include "ui/i18n/translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QStringList catalogues()
{
    return QString::fromUtf8(POSTERN_TS_FILES).split(u';', Qt::SkipEmptyParts);
}

// The %1…%99 of a string, sorted: a translation may move them, not lose or add one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d{1,2})"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.append(match.captured(1));
    found.sort();
    return found;
}

// The keyboard mnemonics (&F) of a string; "&&" is a literal ampersand.
int mnemonics(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (i + 1 < text.size() && text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (i + 1 < text.size() && !text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

QString describe(const TsMessage &message)
{
    return message.context + u": \""_s + message.source + u'"';
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCatalogueIsComplete_data();
    void everyCatalogueIsComplete();
    void translationsKeepPlaceholdersAndMnemonics_data();
    void translationsKeepPlaceholdersAndMnemonics();
    void everySourceStringIsInTheCatalogues_data();
    void everySourceStringIsInTheCatalogues();
    void englishNeedsNoCatalogue();
    void theCompiledCatalogueAnswersAsTheFileSays_data();
    void theCompiledCatalogueAnswersAsTheFileSays();
};

static void addCatalogueRows()
{
    QTest::addColumn<QString>("path");
    const QStringList paths = catalogues();
    QVERIFY(!paths.isEmpty());
    for (const QString &path : paths)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void tst_Translations::everyCatalogueIsComplete_data()
{
    addCatalogueRows();
}

void tst_Translations::everyCatalogueIsComplete()
{
    QFETCH(QString, path);
    const TsFile ts = TsFile::read(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.language.isEmpty());
    QVERIFY2(ts.messages.size() > 100, "a catalogue of the whole interface has hundreds of messages");
    QStringList missing;
    for (const TsMessage &message : ts.messages) {
        if (!message.type.isEmpty() || message.translation.trimmed().isEmpty())
            missing.append(describe(message) + u" ("_s + (message.type.isEmpty() ? u"empty"_s : message.type)
                           + u')');
    }
    QVERIFY2(
        missing.isEmpty(),
        qPrintable(u"%1 of %2 messages lack a translation:\n"_s.arg(missing.size()).arg(ts.messages.size())
                   + missing.mid(0, 40).join(u'\n')));
}

void tst_Translations::translationsKeepPlaceholdersAndMnemonics_data()
{
    addCatalogueRows();
}

void tst_Translations::translationsKeepPlaceholdersAndMnemonics()
{
    QFETCH(QString, path);
    const TsFile ts = TsFile::read(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList wrong;
    for (const TsMessage &message : ts.messages) {
        if (message.translation.isEmpty())
            continue; // everyCatalogueIsComplete names it
        if (placeholders(message.source) != placeholders(message.translation))
            wrong.append(describe(message) + u" → \""_s + message.translation + u"\": its %N differ"_s);
        if (mnemonics(message.source) != mnemonics(message.translation))
            wrong.append(describe(message) + u" → \""_s + message.translation
                         + u"\": its & mnemonics differ"_s);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

void tst_Translations::everySourceStringIsInTheCatalogues_data()
{
    addCatalogueRows();
}

void tst_Translations::everySourceStringIsInTheCatalogues()
{
    // lupdate over the sources into a copy: a string marked in the code but not yet in the catalogue
    // comes out unfinished, one that left the code comes out vanished (removed by -no-obsolete).
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const QString root = QString::fromUtf8(POSTERN_SOURCE_DIR);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QString::fromUtf8(POSTERN_LUPDATE),
                  { u"-no-obsolete"_s, u"-locations"_s, u"none"_s, u"-I"_s, root, root + u"/ui"_s,
                    root + u"/app/core"_s, root + u"/app/sandbox/launcher"_s, u"-ts"_s, copy });
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

    const TsFile before = TsFile::read(path);
    const TsFile after = TsFile::read(copy);
    QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
    QStringList fresh;
    for (const TsMessage &message : after.messages) {
        if (message.type == u"unfinished"_s)
            fresh.append(describe(message));
    }
    QVERIFY2(fresh.isEmpty(),
             qPrintable(u"%1 strings of the sources are not in %2 (cmake --build build --target "
                        "update_translations adds them, then translate them):\n"_s.arg(fresh.size())
                            .arg(QFileInfo(path).fileName())
                        + fresh.mid(0, 40).join(u'\n')));
    QVERIFY2(after.messages.size() == before.messages.size(),
             qPrintable(u"%1 messages in the catalogue but %2 in the sources: run update_translations"_s
                            .arg(before.messages.size())
                            .arg(after.messages.size())));
}

void tst_Translations::englishNeedsNoCatalogue()
{
    // The source language: nothing installed, every string as written.
    QCOMPARE(
        Translations::install(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates)),
        QString());
    QCOMPARE(QCoreApplication::translate("Postern::MainWindow", "&File"), u"&File"_s);
}

void tst_Translations::theCompiledCatalogueAnswersAsTheFileSays_data()
{
    addCatalogueRows();
}

void tst_Translations::theCompiledCatalogueAnswersAsTheFileSays()
{
    // The build's lrelease output in the resources, loaded as the application loads it.
    QFETCH(QString, path);
    const TsFile ts = TsFile::read(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    const QString language = ts.language.section(u'_', 0, 0);
    QVERIFY2(Translations::available().contains(language), qPrintable(Translations::available().join(u',')));
    QCOMPARE(Translations::install(QCoreApplication::instance(), QLocale(ts.language)), language);

    int checked = 0;
    QStringList wrong;
    for (const TsMessage &message : ts.messages) {
        if (message.numerus || message.translation.isEmpty() || !message.type.isEmpty())
            continue;
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        const QByteArray comment = message.comment.toUtf8();
        const QString answer = QCoreApplication::translate(context.constData(), source.constData(),
                                                           comment.isEmpty() ? nullptr : comment.constData());
        if (answer != message.translation)
            wrong.append(describe(message) + u" → \""_s + answer + u'"');
        ++checked;
    }
    QVERIFY(checked > 100);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 40).join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
