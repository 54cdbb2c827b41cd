// bench_bigbody: answers of 1, 10, 50 and 100 MB (ServiceNow-shaped JSON, minified) from a local server
// (python3's http.server, another process, so that serving costs this process nothing), received by
// Postern's HttpClient and shown in a ResponseViewer, as in the window (so the 100 MB one goes to a file
// as it comes and is shown from it, mapped). Measured for each size:
//   - download: Send until the last byte;
//   - first screen: the last byte until the pretty view is drawn (the whole body is indexed by then, so
//     this is also the full pretty view);
//   - find all: every match of "INC" in the pretty view counted and marked;
//   - tree: the Tree view shown and its top row (the array of every record) opened and drawn;
//   - the longest stall of the GUI thread from Send to the end (a 5 ms timer; a gap is the time between
//     two of its ticks less 5 ms);
//   - peak resident memory (VmHWM, reset before each size) and resident memory after the answer is
//     cleared.
// Anchors measured in the same run: `jq .` on the same file (time and peak memory), and a bare
// QPlainTextEdit::setPlainText of the same pretty text, drawn once (how long it blocks the GUI thread).
//
//   bench_bigbody [--sizes 1,10,50,100] [--no-plaintext]
#include "bodyview/jsonformatter.h"
#include "http/httpclient.h"
#include "ui/response/jsontreeview.h"
#include "ui/response/responsebody.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/findbar.h"
#include "ui/widgets/lineview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <sys/resource.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

qint64 statusKb(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void resetPeak()
{
    QFile refs(u"/proc/self/clear_refs"_s);
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

// A page of incidents as ServiceNow writes it, of about megabytes MB.
QByteArray incidentPage(int megabytes)
{
    QByteArray page = "{\"result\":[";
    page.reserve(qsizetype(megabytes) * 1024 * 1024 + 4096);
    for (int i = 0; page.size() < qsizetype(megabytes) * 1024 * 1024; ++i) {
        if (i > 0)
            page += ',';
        page += "{\"parent\":\"\",\"made_sla\":\"true\",\"caused_by\":\"\",\"watch_list\":\"\",\"upon_"
                "reject\":\"cancel\","
                "\"sys_updated_on\":\"2026-11-30 09:1"
            + QByteArray::number(i % 10) + ":27\",\"number\":\"INC" + QByteArray::number(1000000 + i)
            + "\",\"state\":\"" + QByteArray::number(i % 7 + 1) + "\",\"impact\":\""
            + QByteArray::number(i % 3 + 1) + "\",\"priority\":\"" + QByteArray::number(i % 5 + 1)
            + "\",\"short_description\":\"Printer on floor " + QByteArray::number(i % 12)
            + " is jammed "
              "again\",\"caller_id\":{\"link\":\"https://dev12345.service-now.com/api/now/table/sys_user/"
              "5137153cc611227c000bbd1bd8cd2005\",\"value\":\"5137153cc611227c000bbd1bd8cd2005\"},"
              "\"sys_id\":\""
            + QByteArray::number(0x1000000 + i, 16) + "d0e9d09dbfa9c9c6a5f0a8f1\",\"reassignment_count\":\""
            + QByteArray::number(i % 4) + "\",\"active\":\"true\",\"work_notes\":[],\"sys_tags\":{}}";
    }
    return page + "]}";
}

struct Probe : QObject
{
    QElapsedTimer clock;
    QTimer timer;
    qint64 last = 0;
    qint64 worst = 0;
    qint64 worstAt = 0; // when the longest stall ended, from start()

    Probe()
    {
        timer.setInterval(5);
        timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer, &QTimer::timeout, this, [this] {
            const qint64 now = clock.elapsed();
            if (now - last - 5 > worst) {
                worst = now - last - 5;
                worstAt = now;
            }
            last = now;
        });
    }
    void start()
    {
        worst = 0;
        worstAt = 0;
        clock.start();
        last = 0;
        timer.start();
    }
    qint64 stop()
    {
        timer.stop();
        return worst;
    }
};

struct Row
{
    int megabytes = 0;
    qint64 bytes = 0;
    qint64 downloadMs = 0;
    qint64 firstScreenMs = 0;
    qint64 findMs = 0;
    qsizetype matches = 0;
    qint64 treeMs = 0;
    qsizetype treeRows = 0;
    qint64 stallMs = 0;
    qint64 stallEndMs = 0;
    qint64 peakKb = 0;
    qint64 afterKb = 0;
    qint64 jqMs = 0;
    qint64 jqKb = 0;
    qint64 plainMs = -1;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Big answers in the response viewer, against jq and a bare QPlainTextEdit."_s);
    parser.addHelpOption();
    parser.addOption({ u"sizes"_s, u"The sizes in MB, comma-separated (default 1,10,50,100)."_s, u"list"_s,
                       u"1,10,50,100"_s });
    parser.addOption(
        { u"no-plaintext"_s, u"Skip the QPlainTextEdit anchor (it needs ~25x the body in memory)."_s });
    parser.process(app);

    QTemporaryDir dir;
    // Port 0: the server takes a free port and says which (-u: at once, not held in a buffer).
    QProcess server;
    server.setWorkingDirectory(dir.path());
    server.setStandardErrorFile(QProcess::nullDevice());
    server.start(u"python3"_s, { u"-u"_s, u"-m"_s, u"http.server"_s, u"--bind"_s, u"127.0.0.1"_s, u"0"_s });
    if (!server.waitForStarted()) {
        std::fprintf(stderr, "bench_bigbody: python3 could not be started\n");
        return 1;
    }
    static const QRegularExpression serving(u"port (\\d+)"_s);
    QByteArray said;
    QElapsedTimer waited;
    waited.start();
    while (!serving.match(QString::fromLatin1(said)).hasMatch() && waited.elapsed() < 10000) {
        server.waitForReadyRead(200);
        said += server.readAllStandardOutput();
    }
    const quint16 port = quint16(serving.match(QString::fromLatin1(said)).captured(1).toUInt());
    if (port == 0) {
        std::fprintf(stderr, "bench_bigbody: python3's http.server did not say its port\n");
        return 1;
    }

    QNetworkAccessManager manager;
    HttpClient client(&manager);
    // As the window's client (MainWindow::applyBodyLimit) with a plain Send: bodies over 64 MB go to a
    // file as they come and are shown from it.
    client.setMaxBodySize(qint64(512) << 20);
    client.setMaxFileBodySize(qint64(64) << 30);
    client.setSpoolThreshold(qint64(64) << 20);
    client.setSpoolDirectory(dir.path());
    ResponseViewer viewer;
    viewer.resize(1100, 800);
    viewer.show();
    Probe probe;
    QList<Row> rows;

    for (const QString &size : parser.value(u"sizes"_s).split(u',')) {
        Row row;
        row.megabytes = size.toInt();
        {
            const QByteArray page = incidentPage(row.megabytes);
            row.bytes = page.size();
            QFile file(dir.filePath(u"page%1.json"_s.arg(row.megabytes)));
            if (!file.open(QIODevice::WriteOnly) || file.write(page) != page.size())
                return 1;
        }
        // jq, the anchor.
        {
            QElapsedTimer clock;
            clock.start();
            QProcess jq;
            jq.setStandardOutputFile(QProcess::nullDevice());
            jq.start(u"jq"_s, { u"."_s, dir.filePath(u"page%1.json"_s.arg(row.megabytes)) });
            jq.waitForFinished(-1);
            row.jqMs = clock.elapsed();
            rusage usage {};
            getrusage(RUSAGE_CHILDREN, &usage); // the largest child so far: sizes go up
            row.jqKb = usage.ru_maxrss;
        }
#ifdef __GLIBC__
        malloc_trim(0);
#endif
        resetPeak();
        QSignalSpy shown(&viewer, &ResponseViewer::bodyShown);
        HttpRequest request;
        request.url = u"http://127.0.0.1:%1/page%2.json"_s.arg(port).arg(row.megabytes);
        request.bodyToFileAllowed = true;
        QElapsedTimer clock;
        probe.start();
        clock.start();
        HttpCall *call = client.send(request);
        QObject::connect(call, &HttpCall::finished, &viewer, [&](const HttpResponse &response) {
            row.downloadMs = clock.elapsed();
            if (response.error != HttpResponse::Error::None)
                std::fprintf(stderr, "bench_bigbody: %s\n", qPrintable(response.errorMessage));
            viewer.showResponse(response);
        });
        if (!shown.wait(600000))
            return 1;
        viewer.body()->repaint();
        row.firstScreenMs = clock.elapsed() - row.downloadMs;

        FindBar *find = viewer.findBar();
        QSignalSpy searched(find, &FindBar::searched);
        viewer.openFind();
        QElapsedTimer findClock;
        findClock.start();
        find->field()->setText(u"INC"_s);
        find->next(); // at once, not after the typing pause
        if (!searched.wait(600000))
            return 1;
        viewer.body()->repaint();
        row.findMs = findClock.elapsed();
        row.matches = find->total();
        find->close();
        // The tree: shown, its top row (the result array, every record) opened and drawn.
        {
            QElapsedTimer treeClock;
            treeClock.start();
            ResponseBody *page = viewer.bodyPage();
            page->setMode(ResponseBody::Mode::Tree);
            QTreeView *tree = page->tree()->tree();
            tree->expand(tree->model()->index(0, 0));
            tree->repaint();
            row.treeMs = treeClock.elapsed();
            row.treeRows = tree->model()->rowCount(tree->model()->index(0, 0));
            page->setMode(ResponseBody::Mode::Pretty);
        }
        row.stallMs = probe.stop();
        row.stallEndMs = probe.worstAt;
        row.peakKb = statusKb("VmHWM:");
        viewer.clear();
        QCoreApplication::processEvents();
        QThread::msleep(200);
        QCoreApplication::processEvents();
        row.afterKb = statusKb("VmRSS:");

        if (!parser.isSet(u"no-plaintext"_s)) {
            QFile file(dir.filePath(u"page%1.json"_s.arg(row.megabytes)));
            file.open(QIODevice::ReadOnly);
            const QString pretty = QString::fromUtf8(JsonFormatter().format(file.readAll()).text);
            QPlainTextEdit edit;
            edit.resize(1100, 800);
            edit.show();
            QCoreApplication::processEvents();
            QElapsedTimer plainClock;
            plainClock.start();
            edit.setPlainText(pretty);
            edit.repaint();
            row.plainMs = plainClock.elapsed();
        }
#ifdef __GLIBC__
        malloc_trim(0);
#endif
        rows << row;
        std::printf(
            "%d MB: the longest stall ended %lld ms after Send (download done at %lld ms, first screen at "
            "%lld ms)\n",
            row.megabytes, row.stallEndMs, row.downloadMs, row.downloadMs + row.firstScreenMs);
        std::fflush(stdout);
    }
    server.terminate();
    server.waitForFinished();

    std::printf("\n%-6s %9s %12s %9s %9s %8s %12s %11s %9s %10s %14s %10s %10s %9s %9s\n", "size", "download",
                "first screen", "find all", "matches", "jq .", "screen/jq", "find/jq", "stall", "peak",
                "peak/body", "after", "plaintext", "tree", "tree/jq");
    for (const Row &row : rows) {
        const double jq = qMax<qint64>(1, row.jqMs);
        std::printf("%-6s %7lld ms %9lld ms %6lld ms %9lld %5lld ms %11.2fx %10.2fx %6lld ms %7lld MB "
                    "%13.2fx %7lld MB %7s %6lld ms %8.2fx\n",
                    qPrintable(u"%1 MB"_s.arg(row.megabytes)), row.downloadMs, row.firstScreenMs, row.findMs,
                    qint64(row.matches), row.jqMs, row.firstScreenMs / jq, row.findMs / jq, row.stallMs,
                    row.peakKb / 1024, double(row.peakKb) * 1024 / double(row.bytes), row.afterKb / 1024,
                    row.plainMs < 0 ? "-" : qPrintable(u"%1 ms"_s.arg(row.plainMs)), row.treeMs,
                    row.treeMs / jq);
    }
    std::printf("\njq's peak memory: ");
    for (const Row &row : rows)
        std::printf("%lld MB (%d MB) ", row.jqKb / 1024, row.megabytes);
    std::printf("\n");
    return 0;
}
