#include "http/httpclient.h"
#include "ui/response/jsontreeview.h"
#include "ui/response/responsebody.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/findbar.h"
#include "ui/widgets/lineview.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// The window counts as frozen when its event loop does not turn for this long. (The text view this
// viewer replaced blocked it for 5 s on a body of this size.)
constexpr qint64 FrozenMs = 1000;

// The event loop's pulse: a 10 ms timer on the GUI thread; the longest gap between two of its ticks.
class Probe : public QObject
{
public:
    Probe()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = qMax(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    // The longest gap since start().
    qint64 stop()
    {
        m_timer.stop();
        return qMax(m_worst, m_clock.elapsed() - m_last);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

// About megabytes MB of incidents, as ServiceNow's Table API writes them.
QByteArray incidentPage(int megabytes)
{
    QByteArray page = "{\"result\":[";
    page.reserve(qsizetype(megabytes) * 1024 * 1024 + 4096);
    for (int i = 0; page.size() < qsizetype(megabytes) * 1024 * 1024; ++i) {
        if (i > 0)
            page += ',';
        page += "{\"number\":\"INC" + QByteArray::number(1000000 + i) + "\",\"state\":\""
            + QByteArray::number(i % 7 + 1) + "\",\"priority\":\"" + QByteArray::number(i % 5 + 1)
            + "\",\"short_description\":\"Printer on floor " + QByteArray::number(i % 12)
            + " is jammed again\",\"caller_id\":{\"link\":\"https://dev12345.service-now.com/api/now/table/"
              "sys_user/5137153cc611227c000bbd1bd8cd2005\",\"value\":\"5137153cc611227c000bbd1bd8cd2005\"},"
              "\"sys_id\":\""
            + QByteArray::number(0x1000000 + i, 16)
            + "d0e9d09dbfa9c9c6a5f0a8f1\",\"active\":true,\"work_notes\":[]}";
    }
    return page + "]}";
}

} // namespace

// A big answer, received from a real server over a socket, shown, searched and switched between Pretty,
// Raw and Tree, while a probe checks that the window's event loop keeps turning.
class tst_BigBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void windowKeepsAnswering();

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    qsizetype m_size = 0;
};

void tst_BigBody::initTestCase()
{
    // The server is another process (python3's http.server), so that serving costs this one nothing.
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP(
            "python3 is not installed (Debian's python3-junitparser brings it): no server to send the body");
    const QByteArray page = incidentPage(30);
    m_size = page.size();
    QFile file(m_dir.filePath(u"page.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(page), page.size());
    file.close();
    // Port 0: the server takes a free port itself and says which (a port picked here and handed over
    // could be taken by another test in between). -u: that line is not held in a buffer.
    m_server.setWorkingDirectory(m_dir.path());
    m_server.setStandardErrorFile(QProcess::nullDevice());
    m_server.start(python, { u"-u"_s, u"-m"_s, u"http.server"_s, u"--bind"_s, u"127.0.0.1"_s, u"0"_s });
    QVERIFY(m_server.waitForStarted());
    static const QRegularExpression serving(u"port (\\d+)"_s);
    QByteArray said;
    QElapsedTimer clock;
    clock.start();
    while (!serving.match(QString::fromLatin1(said)).hasMatch() && clock.elapsed() < 10000) {
        m_server.waitForReadyRead(200);
        said += m_server.readAllStandardOutput();
    }
    const QRegularExpressionMatch match = serving.match(QString::fromLatin1(said));
    QVERIFY2(match.hasMatch(), said.constData());
    m_port = quint16(match.captured(1).toUInt());
    QVERIFY(m_port > 0);
}

void tst_BigBody::cleanupTestCase()
{
    m_server.kill();
    m_server.waitForFinished();
}

void tst_BigBody::windowKeepsAnswering()
{
    QNetworkAccessManager manager;
    HttpClient client(&manager);
    ResponseViewer viewer;
    viewer.resize(1000, 700);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    Probe probe;

    // Received and shown.
    QSignalSpy shown(&viewer, &ResponseViewer::bodyShown);
    HttpRequest request;
    request.url = u"http://127.0.0.1:%1/page.json"_s.arg(m_port);
    viewer.setBusy(true);
    probe.start();
    HttpCall *call = client.send(request);
    qint64 progressReports = 0;
    connect(call, &HttpCall::progress, &viewer, [&](qint64 received, qint64 total) {
        ++progressReports;
        viewer.setProgress(received, total);
    });
    connect(call, &HttpCall::finished, &viewer, &ResponseViewer::showResponse);
    QVERIFY(shown.wait(120000));
    viewer.body()->repaint();
    const qint64 receivedAndShown = probe.stop();
    QVERIFY(progressReports > 0);
    QVERIFY(viewer.body()->lineCount() > 1000000);
    QCOMPARE(viewer.body()->source()->lineText(3), u"      \"number\": \"INC1000000\","_s);

    // Searched: every "INC" in the body.
    FindBar *find = viewer.findBar();
    QSignalSpy searched(find, &FindBar::searched);
    probe.start();
    viewer.openFind();
    find->field()->setText(u"INC"_s);
    find->next();
    QVERIFY(searched.wait(120000));
    viewer.body()->repaint();
    const qint64 search = probe.stop();
    QVERIFY(find->total() > 50000);

    // Switched: Raw, Tree (its top row opened: tens of thousands of records), Pretty.
    ResponseBody *page = viewer.bodyPage();
    probe.start();
    page->setMode(ResponseBody::Mode::Raw);
    viewer.body()->repaint();
    QTest::qWait(50);
    page->setMode(ResponseBody::Mode::Tree);
    QTreeView *tree = page->tree()->tree();
    tree->expand(tree->model()->index(0, 0));
    tree->repaint();
    QTest::qWait(50);
    page->setMode(ResponseBody::Mode::Pretty);
    viewer.body()->repaint();
    QTest::qWait(50);
    const qint64 switching = probe.stop();
    QVERIFY(tree->model()->rowCount(tree->model()->index(0, 0)) > 50000);

    qInfo("%lld MB: longest stall received and shown %lld ms, searched %lld ms, switched %lld ms",
          qint64(m_size >> 20), receivedAndShown, search, switching);
    QVERIFY2(receivedAndShown < FrozenMs, qPrintable(u"%1 ms"_s.arg(receivedAndShown)));
    QVERIFY2(search < FrozenMs, qPrintable(u"%1 ms"_s.arg(search)));
    QVERIFY2(switching < FrozenMs, qPrintable(u"%1 ms"_s.arg(switching)));
}

QTEST_MAIN(tst_BigBody)
#include "tst_bigbody.moc"
