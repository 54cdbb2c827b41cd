// The habits every widget shares, checked offscreen: the colour roles read clearly on a light and on a
// dark palette and no widget holds a colour of its own; the labelled form row names its field and
// reaches it by its mnemonic; the secret field is masked until its toggle is checked, from the mouse
// or the keyboard; work put off until a window's first frame runs once, after it. With
// POSTERN_SCREENSHOT_DIR set, the main window under each palette is saved there
// as postern-<palette>.png to be looked at.

#include "everypage.h"
#include "oauth/tokenstore.h"
#include "ui/mainwindow.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/firstframe.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/lineview.h"
#include "ui/widgets/palette.h"
#include "ui/widgets/secretlineedit.h"

#include <QApplication>
#include <QBackingStore>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFormLayout>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPaintEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <vector>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::ColorRole)

namespace {

// Fusion's dark palette the way desktop themes commonly set it.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x35, 0x35, 0x35);
    const QColor base(0x23, 0x23, 0x23);
    const QColor text(0xee, 0xee, 0xee);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6a, 0xb0, 0xf3));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const QPalette::ColorRole role : { QPalette::Text, QPalette::WindowText, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

QPalette namedPalette(const QString &name)
{
    return name == u"dark"_s ? darkPalette() : lightPalette();
}

const QList<std::pair<const char *, ColorRole>> &textRoles()
{
    static const QList<std::pair<const char *, ColorRole>> roles = {
        { "error text", ColorRole::ErrorText },     { "success text", ColorRole::SuccessText },
        { "warning text", ColorRole::WarningText }, { "info text", ColorRole::InfoText },
        { "JSON key", ColorRole::JsonKey },         { "JSON string", ColorRole::JsonString },
        { "JSON number", ColorRole::JsonNumber },   { "JSON literal", ColorRole::JsonLiteral },
    };
    return roles;
}

// A colour a widget may name: one of the roles for the palette in use.
bool isRoleColor(const QColor &color, const QPalette &palette)
{
    for (const auto &[name, role] : textRoles())
        if (Theme::color(role, palette) == color)
            return true;
    return Theme::color(ColorRole::NoteBackground, palette) == color;
}

} // namespace

class tst_WidgetHabits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void roleReadsOnPalette_data();
    void roleReadsOnPalette();
    void noteBackgroundKeepsTextReadable_data();
    void noteBackgroundKeepsTextReadable();
    void noLiteralColourInWidgetSources_data();
    void noLiteralColourInWidgetSources();
    void mainWindowUsesOnlyRoleColours_data();
    void mainWindowUsesOnlyRoleColours();

    void accessibleNameFromLabel_data();
    void accessibleNameFromLabel();
    void labelledRowNamesAndReachesItsField();
    void secretFieldMaskedUntilRevealed();
    void bundledIconsAreOnlyTheThemesFallbacks();
    void windowIconComesFromTheThemeFirst();
    void workAfterTheFirstFrame();
    void workAfterTheFirstFrameHasATimeLimit();
    void noWorkAfterTheWindowIsGone();
    void aPreparedWindowHasItsMemoryBeforeItsFirstFrame();
};

void tst_WidgetHabits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
}

void tst_WidgetHabits::cleanup()
{
    QApplication::setPalette(lightPalette());
}

void tst_WidgetHabits::roleReadsOnPalette_data()
{
    QTest::addColumn<QString>("palette");
    QTest::addColumn<ColorRole>("role");
    for (const QString &palette : { u"light"_s, u"dark"_s })
        for (const auto &[name, role] : textRoles())
            QTest::addRow("%s on the %s palette", name, qPrintable(palette)) << palette << role;
}

// WCAG 2's 4.5:1 for normal text, against every background such a text is drawn on.
void tst_WidgetHabits::roleReadsOnPalette()
{
    QFETCH(QString, palette);
    QFETCH(ColorRole, role);
    QApplication::setPalette(namedPalette(palette));
    const QPalette p = QApplication::palette();
    const QColor color = Theme::color(role);
    for (const QPalette::ColorRole background :
         { QPalette::Window, QPalette::Base, QPalette::AlternateBase }) {
        const double ratio = Theme::contrastRatio(color, p.color(background));
        QVERIFY2(
            ratio >= 4.5,
            qPrintable(
                u"%1 on %2: %3:1"_s.arg(color.name(), p.color(background).name()).arg(ratio, 0, 'f', 2)));
    }
}

void tst_WidgetHabits::noteBackgroundKeepsTextReadable_data()
{
    QTest::addColumn<QString>("palette");
    QTest::newRow("light palette") << u"light"_s;
    QTest::newRow("dark palette") << u"dark"_s;
}

void tst_WidgetHabits::noteBackgroundKeepsTextReadable()
{
    QFETCH(QString, palette);
    QApplication::setPalette(namedPalette(palette));
    const QColor text = QApplication::palette().color(QPalette::WindowText);
    const QColor background = Theme::color(ColorRole::NoteBackground);
    QVERIFY2(Theme::contrastRatio(text, background) >= 4.5,
             qPrintable(text.name() + u" on "_s + background.name()));
    // Find's marks sit behind the body's text, and must let it read.
    const QColor bodyText = QApplication::palette().color(QPalette::Text);
    for (const ColorRole role : { ColorRole::FindMatchBackground, ColorRole::FindCurrentBackground }) {
        const QColor mark = Theme::color(role);
        QVERIFY2(Theme::contrastRatio(bodyText, mark) >= 4.5,
                 qPrintable(bodyText.name() + u" on "_s + mark.name()));
        QVERIFY2(mark != QApplication::palette().color(QPalette::Base), "a mark must be seen");
    }
    // A note stands out from the window it sits in.
    QVERIFY(background != QApplication::palette().color(QPalette::Window));
}

void tst_WidgetHabits::noLiteralColourInWidgetSources_data()
{
    QTest::addColumn<QString>("path");
    const QDir root(QStringLiteral(POSTERN_SOURCE_DIR));
    QDirIterator it(root.filePath(u"ui"_s), { u"*.cpp"_s, u"*.h"_s }, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << root.relativeFilePath(it.next());
    paths.sort();
    QVERIFY(paths.size() > 20);
    for (const QString &path : std::as_const(paths))
        if (!path.startsWith(u"ui/widgets/palette."_s))
            QTest::newRow(qPrintable(path)) << path;
}

// Only ui/widgets/palette.cpp names colours: a literal elsewhere would ignore a dark palette.
void tst_WidgetHabits::noLiteralColourInWidgetSources()
{
    QFETCH(QString, path);
    QFile file(QDir(QStringLiteral(POSTERN_SOURCE_DIR)).filePath(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString source = QString::fromUtf8(file.readAll());
    static const QRegularExpression literal(
        uR"(#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor\(|rgba?\(|Qt::(red|green|blue|yellow|gray|darkRed|darkGreen|darkBlue|darkYellow|darkGray|lightGray|black|white)\b)"_s);
    const QRegularExpressionMatch match = literal.match(source);
    QVERIFY2(!match.hasMatch(),
             qPrintable(u"%1:%2: %3"_s.arg(path)
                            .arg(source.left(match.capturedStart()).count(u'\n') + 1)
                            .arg(match.captured())));
}

void tst_WidgetHabits::mainWindowUsesOnlyRoleColours_data()
{
    QTest::addColumn<QString>("palette");
    QTest::newRow("light palette") << u"light"_s;
    QTest::newRow("dark palette") << u"dark"_s;
}

// The window with a 404 JSON answer (status colour, highlighted body): every colour a widget's style
// sheet names is a role colour for the palette in use, and every highlighted run of the body reads.
void tst_WidgetHabits::mainWindowUsesOnlyRoleColours()
{
    QFETCH(QString, palette);
    QApplication::setPalette(namedPalette(palette));
    const QPalette p = QApplication::palette();
    QTemporaryDir dataDir;
    QNetworkAccessManager manager;
    TokenStore tokens(dataDir.path());
    MainWindow window(&manager, &tokens);
    HttpRequest request;
    request.url = u"https://example.service-now.com/api/now/table/incident?sysparm_limit={{limit}}"_s;
    window.setRequest(request);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    HttpResponse response;
    response.statusCode = 404;
    response.reasonPhrase = u"Not Found"_s;
    response.headers = { { "Content-Type"_ba, "application/json"_ba } };
    response.body
        = R"({"error": {"message": "No Record found", "detail": null, "code": 404, "retry": false}})"_ba;
    response.elapsedMs = 42;
    window.responseViewer()->showResponse(response);
    auto *body = window.findChild<LineView *>(u"responseBody"_s);
    QVERIFY(body);
    QTRY_VERIFY(body->lineCount() > 4);
    Testing::makeEveryPage(&window);
    static const QRegularExpression hex(uR"(#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b)"_s);
    int named = 0;
    for (const QWidget *widget : window.findChildren<QWidget *>()) {
        auto it = hex.globalMatch(widget->styleSheet());
        while (it.hasNext()) {
            const QString color = it.next().captured();
            ++named;
            QVERIFY2(
                isRoleColor(QColor(color), p),
                qPrintable(u"%1 (%2) names %3"_s.arg(
                    widget->objectName(), QString::fromLatin1(widget->metaObject()->className()), color)));
        }
    }
    QVERIFY2(named > 0, "the status of the answer should be coloured");

    // The body is drawn in the JSON colours of this palette (keys, strings, numbers, literals), each
    // readable on the body's background.
    const QColor base = body->palette().color(QPalette::Base);
    const QImage drawn = body->viewport()->grab().toImage();
    for (const ColorRole role :
         { ColorRole::JsonKey, ColorRole::JsonString, ColorRole::JsonNumber, ColorRole::JsonLiteral }) {
        const QColor color = Theme::color(role, p);
        QVERIFY2(Theme::contrastRatio(color, base) >= 4.5,
                 qPrintable(u"%1 on %2"_s.arg(color.name(), base.name())));
        bool seen = false;
        for (int y = 0; y < drawn.height() && !seen; ++y) {
            for (int x = 0; x < drawn.width() && !seen; ++x) {
                const QColor pixel = drawn.pixelColor(x, y);
                seen = qAbs(pixel.red() - color.red()) + qAbs(pixel.green() - color.green())
                        + qAbs(pixel.blue() - color.blue())
                    <= 24;
            }
        }
        QVERIFY2(seen, qPrintable(u"no text drawn in %1"_s.arg(color.name())));
    }

    const QString shots = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(window.grab().save(QDir(shots).filePath(u"postern-%1.png"_s.arg(palette))));
}

void tst_WidgetHabits::accessibleNameFromLabel_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("name");
    QTest::newRow("mnemonic and colon") << u"&Client ID:"_s << u"Client ID"_s;
    QTest::newRow("mnemonic inside a word") << u"T&oken:"_s << u"Token"_s;
    QTest::newRow("escaped ampersand") << u"Q&&A &notes:"_s << u"Q&A notes"_s;
    QTest::newRow("no mnemonic, no colon") << u"Scope"_s << u"Scope"_s;
}

void tst_WidgetHabits::accessibleNameFromLabel()
{
    QFETCH(QString, label);
    QFETCH(QString, name);
    QCOMPARE(Postern::accessibleNameFromLabel(label), name);
}

void tst_WidgetHabits::labelledRowNamesAndReachesItsField()
{
    QWidget page;
    auto *form = new QFormLayout(&page);
    auto *first = new QLineEdit(&page);
    auto *second = new QLineEdit(&page);
    QLabel *firstCaption = addLabelledRow(form, u"&Username:"_s, first);
    addLabelledRow(form, u"Header &Prefix:"_s, second, u"Header prefix"_s);
    QCOMPARE(first->accessibleName(), u"Username"_s);
    QCOMPARE(second->accessibleName(), u"Header prefix"_s);
    QCOMPARE(firstCaption->buddy(), first);
    QCOMPARE(form->labelForField(first), firstCaption);
    QCOMPARE(firstCaption->parentWidget(), &page);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    first->setFocus();
    QTest::keyClick(&page, Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY(second->hasFocus());
    QTest::keyClick(&page, Qt::Key_U, Qt::AltModifier);
    QTRY_VERIFY(first->hasFocus());
}

void tst_WidgetHabits::secretFieldMaskedUntilRevealed()
{
    QWidget page;
    auto *form = new QFormLayout(&page);
    auto *secret = new SecretLineEdit(&page);
    secret->setObjectName(u"basicPassword"_s);
    addLabelledRow(form, u"&Password:"_s, secret);
    QCheckBox *toggle = secret->createRevealToggle(u"S&how password"_s, u"Show password"_s);
    form->addRow(QString(), toggle);
    QCOMPARE(secret->createRevealToggle(u"again"_s, u"again"_s), toggle);
    QCOMPARE(secret->revealToggle(), toggle);
    QCOMPARE(toggle->parentWidget(), &page);
    QCOMPARE(toggle->accessibleName(), u"Show password"_s);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(!toggle->isChecked());

    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QVERIFY(secret->isRevealed());
    QTest::keyClick(&page, Qt::Key_H, Qt::AltModifier); // the toggle's mnemonic masks it again
    QTRY_COMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(!toggle->isChecked());
    secret->setRevealed(true); // from code, the toggle follows
    QVERIFY(toggle->isChecked());
    toggle->setChecked(false);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
}

// An icon the desktop's theme has is the theme's (so that it matches the rest of the desktop, dark or
// light); the icons in the resources are what is shown where the theme has none. A bundled icon is
// named only as the fallback of QIcon::fromTheme(), or of a themeIcon(name, bundled) helper over it
// (windowIconAfterFirstFrame() asks the theme once the window is on screen).
void tst_WidgetHabits::bundledIconsAreOnlyTheThemesFallbacks()
{
    const QDir root(QStringLiteral(POSTERN_SOURCE_DIR));
    QDirIterator it(root.filePath(u"ui"_s), { u"*.cpp"_s, u"*.h"_s }, QDir::Files,
                    QDirIterator::Subdirectories);
    static const QRegularExpression bundled(uR"(":/icons/[^"]+")"_s);
    QStringList alone;
    int fallbacks = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString source = QString::fromUtf8(file.readAll());
        for (const QRegularExpressionMatch &match : bundled.globalMatch(source)) {
            // The statement it is in: from the last ';' or '{' before it.
            const qsizetype start = std::max(source.lastIndexOf(u';', match.capturedStart()),
                                             source.lastIndexOf(u'{', match.capturedStart()));
            const QString statement = source.mid(start, match.capturedStart() - start);
            if (statement.contains(u"QIcon::fromTheme("_s) || statement.contains(u"themeIcon(u\""_s)
                || statement.contains(u"windowIconAfterFirstFrame("_s))
                ++fallbacks;
            else
                alone << u"%1:%2: %3"_s.arg(root.relativeFilePath(path))
                             .arg(source.left(match.capturedStart()).count(u'\n') + 1)
                             .arg(match.captured());
        }
    }
    QVERIFY2(alone.isEmpty(),
             qPrintable(u"bundled icons not asked of the theme first:\n"_s + alone.join(u'\n')));
    QVERIFY(fallbacks >= 5); // the window's icon and the login window's four security states
}

void tst_WidgetHabits::windowIconComesFromTheThemeFirst()
{
    // A theme of one icon, as an installed Postern puts its own into hicolor.
    QTemporaryDir themes;
    QVERIFY(themes.isValid());
    QDir(themes.path()).mkpath(u"tester/48x48/apps"_s);
    QFile index(themes.filePath(u"tester/index.theme"_s));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=tester\nDirectories=48x48/apps\n\n[48x48/apps]\nSize=48\nType=Fixed\n");
    index.close();
    QImage image(48, 48, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QVERIFY(image.save(themes.filePath(u"tester/48x48/apps/io.postern.Postern.png"_s)));

    const QStringList searchPaths = QIcon::themeSearchPaths();
    const QString themeName = QIcon::themeName();
    const QString fallbackTheme = QIcon::fallbackThemeName();
    QIcon::setThemeSearchPaths({ themes.path() });
    QIcon::setFallbackThemeName(u"tester"_s);
    QNetworkAccessManager manager;
    QTemporaryDir dataDir;
    TokenStore tokens(dataDir.path()); // memory only: no keychain in this test

    QIcon::setThemeName(u"tester"_s);
    {
        // No icon read before the first frame (image plugins, the theme's index); the theme's after it.
        MainWindow window(&manager, &tokens);
        QVERIFY(!window.testAttribute(Qt::WA_SetWindowIcon));
        window.show();
        QTRY_COMPARE(window.windowIcon().name(), u"io.postern.Postern"_s);
    }
    // No theme with it: the icon bundled in the program.
    QIcon::setThemeName(u"nowhere"_s);
    QIcon::setFallbackThemeName(u"nowhere"_s);
    {
        MainWindow window(&manager, &tokens);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!window.windowIcon().isNull());
        QVERIFY(window.windowIcon().name().isEmpty());
        QCOMPARE(window.windowIcon().availableSizes().size(), 6); // every size drawn at build time
    }
    QIcon::setThemeSearchPaths(searchPaths);
    QIcon::setThemeName(themeName);
    QIcon::setFallbackThemeName(fallbackTheme);
}

namespace {

// A window that notes when it is painted, in the same list as the work does.
class PaintNoting : public QWidget
{
public:
    explicit PaintNoting(QStringList *log)
        : m_log(log)
    {
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter(this).fillRect(rect(), palette().window());
        m_log->append(u"paint"_s);
    }

private:
    QStringList *m_log;
};

} // namespace

// What the application puts off until its window is on screen (the keychain, the sandbox process)
// runs once, after the first paint, not before.
void tst_WidgetHabits::workAfterTheFirstFrame()
{
    QStringList log;
    PaintNoting window(&log);
    window.resize(300, 200);
    // Asked before the window is shown: it waits for the window, then for its first frame.
    afterFirstFrame(
        &window, [&log] { log.append(u"work"_s); }, std::chrono::minutes(1));
    QTest::qWait(50);
    QVERIFY(log.isEmpty());
    window.show();
    QVERIFY(log.isEmpty()); // not at once
    QTRY_VERIFY(log.contains(u"work"_s));
    QCOMPARE(log.first(), u"paint"_s);
    window.update();
    QTRY_COMPARE(log.count(u"paint"_s), 2);
    QCOMPARE(log.count(u"work"_s), 1);

    // Asked for a widget of a window already on screen: on the next turn, not after the time limit.
    auto *child = new QLabel(u"child"_s, &window);
    child->show();
    bool ran = false;
    afterFirstFrame(
        child, [&ran] { ran = true; }, std::chrono::minutes(1));
    QVERIFY(!ran);
    QTRY_VERIFY(ran);
}

// A window that is never exposed (here: made but not shown) does not hold the work back for ever.
void tst_WidgetHabits::workAfterTheFirstFrameHasATimeLimit()
{
    QWidget window;
    window.winId();
    int runs = 0;
    afterFirstFrame(
        &window, [&runs] { ++runs; }, std::chrono::milliseconds(100));
    QCOMPARE(runs, 0);
    QTRY_COMPARE(runs, 1);
    QTest::qWait(200);
    QCOMPARE(runs, 1);
}

void tst_WidgetHabits::noWorkAfterTheWindowIsGone()
{
    int runs = 0;
    {
        QWidget window;
        window.show();
        afterFirstFrame(
            &window, [&runs] { ++runs; }, std::chrono::milliseconds(50));
    }
    QTest::qWait(200);
    QCOMPARE(runs, 0);
}

namespace {

// How many pages of the memory that holds image are mapped in (mincore), and how many it spans.
QPair<int, int> residentPages(const QImage &image)
{
    const quintptr page = quintptr(sysconf(_SC_PAGESIZE));
    const quintptr first = quintptr(image.constBits()) & ~(page - 1);
    const quintptr end = quintptr(image.constBits()) + quintptr(image.sizeInBytes());
    std::vector<unsigned char> map((end - first + page - 1) / page);
    if (mincore(reinterpret_cast<void *>(first), size_t(end - first), map.data()) != 0)
        return { -1, int(map.size()) };
    return { int(std::count_if(map.begin(), map.end(), [](unsigned char c) { return c & 1; })),
             int(map.size()) };
}

} // namespace

// prepareFirstFrame(): the window's backing store is made at its size and its memory mapped in on
// another thread, before the window is shown; what is shown afterwards is drawn as ever, at the size
// prepared or at another one.
void tst_WidgetHabits::aPreparedWindowHasItsMemoryBeforeItsFirstFrame()
{
    QStringList log;
    PaintNoting window(&log);
    window.setAutoFillBackground(true);
    QPalette palette = window.palette();
    palette.setColor(QPalette::Window, QColor(0x12, 0x34, 0x56));
    window.setPalette(palette);
    window.resize(640, 480);
    prepareFirstFrame(&window);
    QVERIFY(window.testAttribute(Qt::WA_WState_Created));
    QVERIFY(!window.isVisible());
    QVERIFY(log.isEmpty()); // nothing painted yet
    QBackingStore *store = window.backingStore();
    QVERIFY(store);
    QCOMPARE(store->size(), window.size());
    QPaintDevice *device = store->paintDevice();
    QVERIFY(device && device->devType() == QInternal::Image);
    const QImage &image = *static_cast<const QImage *>(device);
    QVERIFY(image.width() >= 640 && image.height() >= 480);
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    // Every page in before a pixel was painted (a fresh image of this size has none until written).
    QTRY_VERIFY2(
        residentPages(image).first == residentPages(image).second,
        qPrintable(
            u"%1 of %2 pages mapped in"_s.arg(residentPages(image).first).arg(residentPages(image).second)));
#else
    qInfo("no MADV_POPULATE_WRITE here: the backing store is made, its memory left to the first paint");
#endif
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(log.contains(u"paint"_s));
    QCOMPARE(window.grab().toImage().pixelColor(320, 240), QColor(0x12, 0x34, 0x56));

    // Resized after it was prepared: a new backing store, drawn as well.
    PaintNoting other(&log);
    other.resize(300, 200);
    prepareFirstFrame(&other);
    other.resize(500, 400);
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    QCOMPARE(other.backingStore()->size(), QSize(500, 400));
    QCOMPARE(other.grab().size(), QSize(500, 400));
}

QTEST_MAIN(tst_WidgetHabits)
#include "tst_widgethabits.moc"
