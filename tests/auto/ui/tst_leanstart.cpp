// A lean start: the postern executable starts without Qt WebEngine, Qt Quick, Qt Qml, a GL driver or the
// SVG icon engine mapped into it (read from /proc/<pid>/maps of the real program, on an Xvfb server when
// there is one), and the login window's library (libpostern_login) is loaded only when a login window
// opens: this test program does not link it, opens Get New Access Token on the sandbox and checks its
// own maps before and after.

#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "ui/mainwindow.h"
#include "ui/oauth/gettokendialog.h"
#include "ui/oauth/loginwindows.h"
#include "ui/response/responsebody.h"
#include "ui/response/responseviewer.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_LeanStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theProgramStartsWithoutWebEngine();
    void theProgramLooksForLibrariesOnlyInFolders();
    void anHtmlPreviewBringsItInWithoutScriptsOrNetwork();
    void theLoginWindowBringsItIn();
};

namespace {

// The shared libraries mapped into a process whose file names contain one of the needles.
QStringList mapped(qint64 pid, const QStringList &needles)
{
    QFile maps(pid > 0 ? u"/proc/%1/maps"_s.arg(pid) : u"/proc/self/maps"_s);
    QStringList found;
    if (!maps.open(QIODevice::ReadOnly))
        return { u"(maps unreadable)"_s };
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype slash = line.indexOf('/');
        if (slash < 0)
            continue;
        const QString file = QString::fromLocal8Bit(line.mid(slash));
        for (const QString &needle : needles) {
            if (file.contains(needle) && !found.contains(file))
                found << file;
        }
    }
    return found;
}

const QStringList heavy { u"libQt6WebEngine"_s, u"libQt6Quick"_s, u"libQt6Pdf"_s };
const QStringList glDriver { u"_dri.so"_s, u"libLLVM"_s, u"libgallium"_s };
// Qt's JavaScript engine: the application runs scripts in postern-script-worker (this test program
// links it through the scripting library, so only the application is checked for it).
const QStringList javaScript { u"libQt6Qml"_s };
// The window's icon is drawn at build time (PNGs): no SVG icon engine for it.
const QStringList svgIconEngine { u"iconengines/libqsvgicon"_s };
// OpenSSL's libcrypto comes with the first JWT signature, key or TLS connection (tokentools/libcrypto.h).
const QStringList libCrypto { u"/libcrypto.so"_s };

} // namespace

void tst_LeanStart::initTestCase()
{
    if (geteuid() == 0) // Chromium refuses to run as root with its sandbox
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QVERIFY2(mapped(0, heavy).isEmpty(), qPrintable(mapped(0, heavy).join(u", "_s)));
}

void tst_LeanStart::theProgramStartsWithoutWebEngine()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, home.path());
    // A real X server (Xvfb) where there is one: there a GL driver would be loaded; offscreen none is.
    QProcess xvfb;
    if (const QString server = QStandardPaths::findExecutable(u"Xvfb"_s); server.isEmpty()) {
        qInfo("Xvfb is not installed: the program starts offscreen, where no GL driver is loaded anyway");
    } else {
        xvfb.start(
            server,
            { u"-displayfd"_s, u"1"_s, u"-nolisten"_s, u"tcp"_s, u"-screen"_s, u"0"_s, u"1280x800x24"_s });
        QVERIFY(xvfb.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return xvfb.canReadLine(); }, 20000));
        environment.insert(u"DISPLAY"_s, u":"_s + QString::fromLatin1(xvfb.readLine().trimmed()));
        environment.remove(u"QT_QPA_PLATFORM"_s);
    }
    QProcess postern;
    postern.setProcessEnvironment(environment);
    postern.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    postern.start(QStringLiteral(POSTERN_EXECUTABLE), { u"--workspace"_s, home.filePath(u"ws"_s) });
    QVERIFY(postern.waitForStarted(10000));
    const qint64 pid = postern.processId();
    // Started: its platform plugin is in, and its window has had time to paint.
    QVERIFY(QTest::qWaitFor([&] { return !mapped(pid, { u"platforms/libq"_s }).isEmpty(); }, 20000));
    QTest::qWait(1500);
    const QStringList loaded = mapped(pid, heavy + glDriver + javaScript + svgIconEngine + libCrypto);
    postern.terminate();
    if (!postern.waitForFinished(10000))
        postern.kill();
    xvfb.terminate();
    xvfb.waitForFinished(5000);
    QVERIFY2(loaded.isEmpty(), qPrintable(u"mapped at start: "_s + loaded.join(u", "_s)));
}

// Where the dynamic loader looks for postern's libraries before the system's folders (its RUNPATH): never
// an empty or relative entry, which would be the folder it is started from.
void tst_LeanStart::theProgramLooksForLibrariesOnlyInFolders()
{
    const QString readelf = QStandardPaths::findExecutable(u"readelf"_s);
    if (readelf.isEmpty())
        QSKIP("readelf (binutils) is not installed: the program's RUNPATH cannot be read");
    QProcess dump;
    dump.start(readelf, { u"--dynamic"_s, QStringLiteral(POSTERN_EXECUTABLE) });
    QVERIFY(dump.waitForFinished(30000));
    QCOMPARE(dump.exitCode(), 0);
    const QString dynamic = QString::fromLocal8Bit(dump.readAllStandardOutput());
    QVERIFY2(dynamic.contains(u"(NEEDED)"_s), qPrintable(dynamic.left(400)));
    for (const QString &line : dynamic.split(u'\n')) {
        if (!line.contains(u"(RUNPATH)"_s) && !line.contains(u"(RPATH)"_s))
            continue;
        const qsizetype open = line.indexOf(u'['), close = line.lastIndexOf(u']');
        QVERIFY2(open > 0 && close > open, qPrintable(line));
        for (const QString &entry : line.mid(open + 1, close - open - 1).split(u':')) {
            QVERIFY2(entry.startsWith(u'/') || entry.startsWith(u"$ORIGIN"_s),
                     qPrintable(u"an entry that is the current folder, in "_s + line.trimmed()));
        }
    }
}

void tst_LeanStart::anHtmlPreviewBringsItInWithoutScriptsOrNetwork()
{
    // A server the page would fetch an image, a style sheet and a frame from, if it could.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&server, &QTcpServer::newConnection, &server, [&] {
        ++connections;
        server.nextPendingConnection()->close();
    });
    const QByteArray address = "http://127.0.0.1:" + QByteArray::number(server.serverPort());
    HttpResponse response;
    response.statusCode = 200;
    response.headers = { { "Content-Type", "text/html; charset=utf-8" } };
    response.body = "<!doctype html><html><head><title>Before</title><link rel=stylesheet href='" + address
        + "/style.css'></head><body><h1>Hello preview</h1><img src='" + address + "/pixel.png'><iframe src='"
        + address + "/frame'></iframe><script>document.title = 'After';</script></body></html>";

    ResponseViewer viewer;
    viewer.setHtmlPreviewFactory(&LoginWindows::createHtmlPreview);
    viewer.resize(900, 600);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy shown(&viewer, &ResponseViewer::bodyShown);
    viewer.showResponse(response);
    QVERIFY(!shown.isEmpty() || shown.wait(10000));
    ResponseBody *page = viewer.bodyPage();
    QCOMPARE(page->kind(), BodyKind::Html);
    QCOMPARE(page->shownMode(), ResponseBody::Mode::Pretty);
    // Shown as text, an HTML answer needs no browser.
    QVERIFY2(mapped(0, heavy).isEmpty(), qPrintable(mapped(0, heavy).join(u", "_s)));

    auto *previewButton = viewer.findChild<QAbstractButton *>(u"previewButton"_s);
    QVERIFY(previewButton->isEnabled());
    previewButton->click();
    QCOMPARE(page->shownMode(), ResponseBody::Mode::Preview);
    QWidget *preview = page->htmlPreview();
    QVERIFY(preview);
    QCOMPARE(QString::fromLatin1(preview->metaObject()->className()), u"Postern::HtmlPreview"_s);
    QVERIFY(!mapped(0, { u"libQt6WebEngineCore"_s }).isEmpty());
    QSignalSpy loaded(preview, SIGNAL(loaded(bool)));
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().toBool(), true);
    auto *view = preview->findChild<QWidget *>(u"htmlPreviewView"_s);
    QVERIFY(view);
    QCOMPARE(view->accessibleName(), u"HTML preview"_s);
    // The script did not run, and nothing was fetched.
    QTest::qWait(1000);
    QCOMPARE(view->property("title").toString(), u"Before"_s);
    QCOMPARE(connections, 0);
}

void tst_LeanStart::theLoginWindowBringsItIn()
{
    Sandbox::SandboxServer sandbox(Sandbox::Registry::defaults());
    QVERIFY(sandbox.listen(0));
    QTemporaryDir dir;
    MemorySecretStore keychain;
    TokenStore tokens(dir.path());
    tokens.useSecretStore(&keychain, TokenStore::StorageMode::Keychain, u"test keychain"_s);
    QNetworkAccessManager network;
    MainWindow window(&network, &tokens);
    window.setRequest(MainWindow::incidentRequest(sandbox.baseUrl()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(mapped(0, heavy).isEmpty(), qPrintable(mapped(0, heavy).join(u", "_s)));

    window.findChild<QTabWidget *>(u"requestTabs"_s)->setCurrentIndex(1);
    auto *type = window.findChild<QComboBox *>(u"authType"_s);
    type->setCurrentIndex(type->findText(u"OAuth 2.0"_s));
    QTest::mouseClick(window.findChild<QPushButton *>(u"getNewTokenButton"_s), Qt::LeftButton);
    GetTokenDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (dialog = window.findChild<GetTokenDialog *>()) && dialog->isVisible(); }));
    dialog->findChild<QLineEdit *>(u"clientId"_s)->setText(u"postern"_s);
    dialog->findChild<QLineEdit *>(u"clientSecret"_s)->setText(u"postern-secret"_s);
    QVERIFY(mapped(0, heavy).isEmpty()); // the form itself needs no browser

    QSignalSpy opened(dialog, &GetTokenDialog::loginWindowOpened);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"requestTokenButton"_s), Qt::LeftButton);
    QVERIFY2(!opened.isEmpty() || opened.wait(20000),
             qPrintable(dialog->findChild<QLabel *>(u"tokenMessage"_s)->text()));
    auto *login = opened.first().first().value<QDialog *>();
    QVERIFY(login);
    QCOMPARE(QString::fromLatin1(login->metaObject()->className()), u"Postern::LoginWindow"_s);
    QVERIFY2(LoginWindows::loadedFrom().endsWith(u"libpostern_login.so"_s),
             qPrintable(LoginWindows::loadedFrom()));
    QVERIFY(!mapped(0, { u"libQt6WebEngineCore"_s }).isEmpty());
    QVERIFY(!mapped(0, { u"libpostern_login.so"_s }).isEmpty());
    // The sign-in page of the sandbox is shown, as from the app itself.
    QSignalSpy loaded(login, SIGNAL(pageLoaded(QUrl, bool)));
    QVERIFY(loaded.wait(20000));
    QVERIFY2(login->findChild<QLineEdit *>(u"loginAddress"_s)->text().contains(u"/oauth_login.do"_s),
             qPrintable(login->findChild<QLineEdit *>(u"loginAddress"_s)->text()));
    // Closing it is a cancel the dialog reports.
    login->close();
    QVERIFY(QTest::qWaitFor([&] {
        return dialog->findChild<QLabel *>(u"tokenMessage"_s)->text().contains(u"closed before access"_s);
    }));
}

QTEST_MAIN(tst_LeanStart)
#include "tst_leanstart.moc"
