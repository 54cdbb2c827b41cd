// Runs the real postern executable the way a terminal without a display does (an SSH session, a
// container, a packaging check): --help and --version answer and exit, and a mistyped option says
// so, none of them asking for a window system.

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersWithoutADisplay_data();
    void answersWithoutADisplay();
};

void tst_CommandLine::answersWithoutADisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedOutput");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("--help") << QStringList { u"--help"_s } << 0 << u"--workspace <folder>"_s << QString();
    QTest::newRow("-h") << QStringList { u"-h"_s } << 0 << u"--no-sandbox-instance"_s << QString();
    QTest::newRow("--help-all") << QStringList { u"--help-all"_s } << 0 << u"--instance <url>"_s << QString();
    QTest::newRow("--version") << QStringList { u"--version"_s } << 0
                               << QStringLiteral("Postern " POSTERN_VERSION) << QString();
    QTest::newRow("-v after another option") << QStringList { u"--no-sandbox-instance"_s, u"-v"_s } << 0
                                             << QStringLiteral("Postern " POSTERN_VERSION) << QString();
    QTest::newRow("unknown option") << QStringList { u"--bogus"_s } << 1 << QString()
                                    << u"Unknown option 'bogus'"_s;
}

void tst_CommandLine::answersWithoutADisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedOutput);
    QFETCH(QString, expectedError);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
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

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
