// Runs the real postern executable the way a terminal without a display does (an SSH session, a
// container, a packaging check): --help and --version answer and exit, and a mistyped option says
// so, none of them asking for a window system. Files named on the command line (as "Open With
// Postern" passes them) are imported, and a workspace's manifest opens that workspace.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersWithoutADisplay_data();
    void answersWithoutADisplay();
    void importsTheFilesItIsGiven();
    void aManifestOpensItsWorkspace();

private:
    // A postern of its own home (settings, data, keychain-less), on the offscreen platform.
    void startPostern(QProcess *postern, const QTemporaryDir &home, const QStringList &arguments);
    // Waits until path exists (the app got that far), then ends the app.
    static bool waitForFile(QProcess *postern, const QString &path);
};

void tst_CommandLine::answersWithoutADisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedOutput");
    QTest::addColumn<QString>("expectedError");
    QTest::addColumn<QString>("language");
    QTest::newRow("--help") << QStringList { u"--help"_s } << 0 << u"--workspace <folder>"_s << QString()
                            << u"en"_s;
    QTest::newRow("-h") << QStringList { u"-h"_s } << 0 << u"--no-sandbox-instance"_s << QString() << u"en"_s;
    QTest::newRow("--help-all") << QStringList { u"--help-all"_s } << 0 << u"--instance <url>"_s << QString()
                                << u"en"_s;
    QTest::newRow("--version") << QStringList { u"--version"_s } << 0
                               << QStringLiteral("Postern " POSTERN_VERSION) << QString() << u"en"_s;
    QTest::newRow("-v after another option")
        << QStringList { u"--no-sandbox-instance"_s, u"-v"_s } << 0
        << QStringLiteral("Postern " POSTERN_VERSION) << QString() << u"en"_s;
    QTest::newRow("unknown option") << QStringList { u"--bogus"_s } << 1 << QString()
                                    << u"Unknown option 'bogus'"_s << u"en"_s;
    // The desktop's language: the options described in German, from the same catalogue as the window.
    QTest::newRow("--help in German")
        << QStringList { u"--help"_s } << 0 << u"Die eingebaute Sandbox-Instanz nicht starten."_s << QString()
        << u"de"_s;
}

void tst_CommandLine::answersWithoutADisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedOutput);
    QFETCH(QString, expectedError);
    QFETCH(QString, language);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"LC_ALL"_s);
    environment.remove(u"LC_MESSAGES"_s);
    environment.insert(u"LANGUAGE"_s, language);
    environment.insert(u"LANG"_s, language == u"de"_s ? u"de_DE.UTF-8"_s : u"C.UTF-8"_s);
    environment.insert(u"DISPLAY"_s, QString());
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.remove(u"QT_QPA_PLATFORM"_s);
    QProcess postern;
    postern.setProcessEnvironment(environment);
    postern.start(QStringLiteral(POSTERN_EXECUTABLE), arguments);
    QVERIFY2(postern.waitForFinished(30000), "postern did not exit");
    const QString output = QString::fromLocal8Bit(postern.readAllStandardOutput());
    const QString error = QString::fromLocal8Bit(postern.readAllStandardError());
    QCOMPARE(postern.exitStatus(), QProcess::NormalExit);
    QVERIFY2(postern.exitCode() == exitCode,
             qPrintable(u"exit code %1, stderr: %2"_s.arg(postern.exitCode()).arg(error)));
    QVERIFY2(output.contains(expectedOutput), qPrintable(output));
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY2(!error.contains(u"platform plugin"_s), qPrintable(error));
}

void tst_CommandLine::startPostern(QProcess *postern, const QTemporaryDir &home, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    postern->setProcessEnvironment(environment);
    postern->start(QStringLiteral(POSTERN_EXECUTABLE),
                   QStringList { u"--no-sandbox-instance"_s } + arguments);
}

bool tst_CommandLine::waitForFile(QProcess *postern, const QString &path)
{
    postern->waitForStarted(10000);
    const bool there
        = QTest::qWaitFor([&] { return QFile::exists(path) || postern->state() != QProcess::Running; }, 30000)
        && QFile::exists(path);
    if (!there)
        qWarning().noquote() << "postern (" << postern->state() << postern->exitCode()
                             << postern->errorString() << ") said:" << postern->readAllStandardError();
    postern->kill();
    postern->waitForFinished(5000);
    return there;
}

void tst_CommandLine::importsTheFilesItIsGiven()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString collection = home.filePath(u"Opened.postman_collection.json"_s);
    QFile file(collection);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({ "info": { "name": "Opened from the command line",
        "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        "item": [ { "name": "List", "request": { "method": "GET", "url": "https://example.invalid/x" } } ] })");
    file.close();
    const QString workspace = home.filePath(u"workspace"_s);
    QProcess postern;
    startPostern(&postern, home, { u"--workspace"_s, workspace, collection });
    // The import writes the collection into the workspace before its summary shows.
    QVERIFY(waitForFile(&postern, workspace + u"/collections/opened-from-the-command-line.json"_s));
    QFile imported(workspace + u"/collections/opened-from-the-command-line.json"_s);
    QVERIFY(imported.open(QIODevice::ReadOnly));
    QVERIFY(imported.readAll().contains("https://example.invalid/x"));
}

void tst_CommandLine::aManifestOpensItsWorkspace()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString folder = home.filePath(u"elsewhere"_s);
    QVERIFY(QDir().mkpath(folder));
    QFile manifest(folder + u"/workspace.json"_s);
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(R"({ "formatVersion": 1, "id": "opened-by-its-manifest", "postern": "workspace" })");
    manifest.close();
    QProcess postern;
    // As a file manager passes it: a file: URL.
    startPostern(&postern, home, { QUrl::fromLocalFile(manifest.fileName()).toString() });
    QVERIFY(waitForFile(&postern, folder + u"/.postern/.gitignore"_s));
    QVERIFY2(!QFile::exists(home.filePath(u"data/Postern/workspace"_s)), "the default workspace was opened");
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
