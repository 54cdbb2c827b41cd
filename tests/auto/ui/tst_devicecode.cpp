// The device grant's panel without a server: the QR code read back by zbarimg (zbar-tools, a decoder
// nobody here wrote) gives the very address it was drawn from; the countdown's words; the panel's
// values as a screen reader reads them, Copy Code, and Open in Browser asking for the page with the
// code filled in.

#include "ui/oauth/devicecodepanel.h"
#include "ui/widgets/qrcode.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_DeviceCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void qrCodeReadsBack_data();
    void qrCodeReadsBack();
    void qrCodeRefusesWhatDoesNotFit();
    void timeLeft_data();
    void timeLeft();
    void panelIsReadAloud();

private:
    QTemporaryDir m_dir;
};

void tst_DeviceCode::qrCodeReadsBack_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("verification page") << u"https://login.example.com/device"_s;
    QTest::newRow("complete, with a query")
        << u"https://login.example.com/device?user_code=WDJB-MJHT&client=tv%20app"_s;
    QTest::newRow("long") << u"https://example.com/"_s + QString(600, u'a');
    QTest::newRow("UTF-8") << u"https://b\u00fccher.example/ger\u00e4t?code=\u00e4\u00f6\u00fc"_s;
}

void tst_DeviceCode::qrCodeReadsBack()
{
    QFETCH(QString, text);
    const QString zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
    if (zbarimg.isEmpty())
        QSKIP("zbarimg is missing (apt-get install zbar-tools): the QR code cannot be read back");
    const QImage image = qrCodeImage(text, 4);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), image.height());
    // The quiet zone: four white modules around the code.
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
    QCOMPARE(image.pixelColor(15, 15), QColor(Qt::white));
    QCOMPARE(image.pixelColor(16, 16), QColor(Qt::black)); // a finder pattern's corner
    const QString file = m_dir.filePath(u"code.png"_s);
    QVERIFY(image.save(file));
    QProcess decoder;
    decoder.start(zbarimg, { u"--raw"_s, u"-q"_s, u"-Sbinary"_s, file });
    QVERIFY(decoder.waitForFinished(20000));
    QCOMPARE(decoder.exitCode(), 0);
    QByteArray decoded = decoder.readAllStandardOutput();
    if (decoded.endsWith('\n'))
        decoded.chop(1);
    QCOMPARE(QString::fromUtf8(decoded), text);
}

void tst_DeviceCode::qrCodeRefusesWhatDoesNotFit()
{
    QVERIFY(qrCodeImage(QString()).isNull());
    QVERIFY(qrCodeImage(QString(5000, u'x')).isNull()); // past version 40 at level M
    QVERIFY(!qrCodeImage(u"x"_s, 1).isNull());
    QVERIFY(qrCodeImage(u"x"_s, 0).isNull());
}

void tst_DeviceCode::timeLeft_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("ten minutes") << qint64(600) << u"The code expires in 10:00."_s;
    QTest::newRow("seconds") << qint64(9) << u"The code expires in 0:09."_s;
    QTest::newRow("over an hour") << qint64(3725) << u"The code expires in 1:02:05."_s;
    QTest::newRow("gone") << qint64(0) << u"The code has expired."_s;
    QTest::newRow("past") << qint64(-30) << u"The code has expired."_s;
}

void tst_DeviceCode::timeLeft()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(DeviceCodePanel::timeLeftText(seconds), text);
}

void tst_DeviceCode::panelIsReadAloud()
{
    DeviceCodePanel panel;
    DeviceCode code;
    code.userCode = u"WDJB-MJHT"_s;
    code.verificationUri = QUrl(u"https://login.example.com/device"_s);
    code.verificationUriComplete = QUrl(u"https://login.example.com/device?user_code=WDJB-MJHT"_s);
    code.expiresAt = QDateTime::currentDateTimeUtc().addSecs(300);
    code.intervalSeconds = 5;
    panel.setCode(code);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const auto spoken = [&panel](const char *name) {
        QAccessibleInterface *node
            = QAccessible::queryAccessibleInterface(panel.findChild<QWidget *>(QString::fromLatin1(name)));
        return node ? node->text(QAccessible::Name) : QString();
    };
    QCOMPARE(spoken("userCode"), u"WDJB-MJHT"_s);
    QCOMPARE(spoken("verificationUri"), u"https://login.example.com/device"_s);
    QVERIFY2(spoken("deviceCodeCountdown").startsWith(u"The code expires in 4:5"_s)
                 || spoken("deviceCodeCountdown") == u"The code expires in 5:00."_s,
             qPrintable(spoken("deviceCodeCountdown")));
    QCOMPARE(spoken("devicePolling"),
             u"Waiting for you to approve; Postern asks the server every 5 seconds."_s);
    QCOMPARE(spoken("verificationQrCode"), u"QR code of the verification page with the code filled in"_s);
    QCOMPARE(spoken("copyUserCode"), u"Copy the user code"_s);
    QCOMPARE(spoken("openVerificationPage"), u"Open the verification page in the browser"_s);

    panel.setInterval(10, u"The server asked to be polled less often (slow_down)."_s);
    QCOMPARE(spoken("devicePolling"),
             u"Waiting for you to approve; Postern asks the server every 10 seconds. The server asked to be "
             "polled less often (slow_down)."_s);

    QTest::mouseClick(panel.findChild<QPushButton *>(u"copyUserCode"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"WDJB-MJHT"_s);
    QSignalSpy open(&panel, &DeviceCodePanel::openRequested);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"openVerificationPage"_s), Qt::LeftButton);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toUrl(), code.verificationUriComplete);

    // Without a complete page the QR code is of the page alone, and the button opens that.
    code.verificationUriComplete = QUrl();
    panel.setCode(code);
    QCOMPARE(spoken("verificationQrCode"), u"QR code of the verification page"_s);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"openVerificationPage"_s), Qt::LeftButton);
    QCOMPARE(open.last().first().toUrl(), code.verificationUri);

    panel.clear();
    QCOMPARE(spoken("userCode"), QString());
}

QTEST_MAIN(tst_DeviceCode)
#include "tst_devicecode.moc"
