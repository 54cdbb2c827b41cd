// Settings → Client Certificates as a user meets it: every control named for a screen reader, a
// certificate that cannot be read kept from being saved with a message naming its host and file, a
// good one saved (hosts and files in the settings, the passphrase only in the secret store) and read
// back by the next start; the request's Settings tab says which certificate its host gets.

#include "engine/engine.h"
#include "everypage.h"
#include "flowdriver.h"
#include "http/clientcertificates.h"
#include "oauth/tokenstore.h"
#include "secrets/memorysecretstore.h"
#include "ui/clientcertificatesdialog.h"
#include "ui/mainwindow.h"

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;
using namespace FlowDriver;

class tst_ClientCertificatesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badCertificateIsNotSaved();
    void goodCertificateSavedAndReadBack();
    void requestSettingsSayWhichCertificate();

private:
    template<typename T> T *find(QObject *root, const char *name)
    {
        return root->findChild<T *>(QString::fromLatin1(name));
    }

    QTemporaryDir m_dir;
    QString m_p12;
};

void tst_ClientCertificatesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(u"tls"_s);
    // A self-signed client certificate in a PKCS#12 file, as a company hands one out.
    m_p12 = m_dir.filePath(u"me.p12"_s);
    for (const QStringList &step :
         { QStringList { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                         m_dir.filePath(u"me.key"_s), u"-out"_s, m_dir.filePath(u"me.crt"_s), u"-days"_s,
                         u"2"_s, u"-subj"_s, u"/CN=me"_s },
           QStringList { u"pkcs12"_s, u"-export"_s, u"-in"_s, m_dir.filePath(u"me.crt"_s), u"-inkey"_s,
                         m_dir.filePath(u"me.key"_s), u"-passout"_s, u"pass:canary-p12-passphrase"_s,
                         u"-out"_s, m_p12 } }) {
        QProcess openssl;
        openssl.start(u"openssl"_s, step);
        QVERIFY(openssl.waitForFinished(30000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    }
}

void tst_ClientCertificatesDialog::badCertificateIsNotSaved()
{
    ClientCertificatesDialog dialog({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (const char *name : { "certificateList", "certificateHost", "certificatePfxFile", "certificateFile",
                              "certificateKeyFile", "certificatePassphrase" }) {
        QWidget *widget = find<QWidget>(&dialog, name);
        QVERIFY2(widget, name);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        QVERIFY2(iface && !iface->text(QAccessible::Name).isEmpty(), name);
    }
    QTest::mouseClick(find<QPushButton>(&dialog, "addCertificate"), Qt::LeftButton);
    QTest::keyClicks(find<QLineEdit>(&dialog, "certificateHost"), u"gateway.example.com"_s);
    find<QLineEdit>(&dialog, "certificatePfxFile")->setText(m_p12);
    QTest::keyClicks(find<QLineEdit>(&dialog, "certificatePassphrase"), u"wrong"_s);
    QTest::mouseClick(find<QPushButton>(&dialog, "certificatesOk"), Qt::LeftButton);
    auto *message = find<QLabel>(&dialog, "certificateMessage");
    QVERIFY2(message->text().contains(u"gateway.example.com"_s) && message->text().contains(u"me.p12"_s),
             qPrintable(message->text()));
    QVERIFY(message->text().contains(u"passphrase is wrong"_s));
    QVERIFY(dialog.isVisible()); // not closed, nothing saved
    QCOMPARE(dialog.result(), 0);
}

void tst_ClientCertificatesDialog::goodCertificateSavedAndReadBack()
{
    ClientCertificatesDialog dialog({});
    dialog.show();
    QTest::mouseClick(find<QPushButton>(&dialog, "addCertificate"), Qt::LeftButton);
    QTest::keyClicks(find<QLineEdit>(&dialog, "certificateHost"), u"gateway.example.com"_s);
    find<QLineEdit>(&dialog, "certificatePfxFile")->setText(m_p12);
    QTest::keyClicks(find<QLineEdit>(&dialog, "certificatePassphrase"), u"canary-p12-passphrase"_s);
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    screenshot(u"client-certificates"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(find<QPushButton>(&dialog, "certificatesOk"), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(find<QListWidget>(&dialog, "certificateList")->item(0)->text(),
             u"gateway.example.com \u2014 me.p12"_s);

    MemorySecretStore store;
    ClientCertificatesDialog::save(dialog.entries(), &store);
    // The settings hold where, never what opens it.
    QSettings().sync();
    QVERIFY(!QSettings().value(u"tls/clientCertificates"_s).toByteArray().contains("canary-p12-passphrase"));
    QCOMPARE(ClientCertificatesDialog::readSettings().size(), 1);
    QList<ClientCertificate> loaded;
    bool done = false;
    ClientCertificatesDialog::load(&store, this, [&](const QList<ClientCertificate> &entries) {
        loaded = entries;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().passphrase, u"canary-p12-passphrase"_s);
    QVERIFY(ClientCertificates(loaded).problems().isEmpty());
}

void tst_ClientCertificatesDialog::requestSettingsSayWhichCertificate()
{
    CertificateNetworkManager network;
    ClientCertificate entry;
    entry.host = u"gateway.example.com"_s;
    entry.pfxFile = m_p12;
    entry.passphrase = u"canary-p12-passphrase"_s;
    network.setClientCertificates(ClientCertificates({ entry }));
    QTemporaryDir data;
    TokenStore tokens(data.path());
    MainWindow window(&network, &tokens);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *url = find<QLineEdit>(&window, "urlEdit");
    url->setText(u"https://gateway.example.com/api/items"_s);
    QVERIFY(Testing::openTab(find<QTabWidget>(&window, "requestTabs"), u"Settings"_s));
    auto *label = find<QLabel>(&window, "clientCertificate");
    QVERIFY(label);
    QVERIFY2(label->text().contains(u"me.p12"_s), qPrintable(label->text()));
    url->setText(u"https://other.example.com/"_s);
    QVERIFY2(label->text().startsWith(u"None for other.example.com"_s), qPrintable(label->text()));
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(label);
    QVERIFY(iface && iface->text(QAccessible::Name).contains(u"Client certificate"_s));
}

QTEST_MAIN(tst_ClientCertificatesDialog)
#include "tst_clientcertificatesdialog.moc"
