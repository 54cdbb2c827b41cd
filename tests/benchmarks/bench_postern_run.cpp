// bench_postern_run: 1,000 GETs of a ~12 KB JSON answer from a local server, each with one small test
// script, by `postern run` (postern-run), by newman, and by a bare QNetworkAccessManager loop in this
// process with no scripts (the floor a Qt client can reach); all against the same loopback server in
// this process, one after the other; postern run once more on the same collection without its script. Prints
// the times, the peak memory of postern-run and newman (the largest process of each: getrusage through
// /usr/bin/python3, when it is there) and the ratios.
// `--requests N` changes the count; `--postern-only` leaves newman out (for profiling); `--postern PATH`
// measures another build of postern-run (to compare two builds on the same machine).

#include "shared/newman.h"
#include "shared/posternrun.h"
#include "shared/testhttpserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

QByteArray collection(const QString &url, bool withScript)
{
    const QStringList test { u"pm.test('a page of 52', function () {"_s,
                             u"    pm.response.to.have.status(200);"_s,
                             u"    pm.expect(pm.response.json().result).to.have.lengthOf(52);"_s, u"});"_s };
    return PosternRun::collection(
        u"Benchmark"_s, { PosternRun::requestItem(u"Incidents"_s, url, withScript ? test : QStringList()) });
}

struct Measured
{
    qint64 ms = 0;
    qint64 peakKb = 0; // 0: not measured
    int exitCode = -1;
};

// Runs program with arguments, serving this process's server meanwhile. Through /usr/bin/python3 when
// it is there, which prints the child's peak resident memory (getrusage) on its last line of stderr.
Measured measure(const QString &program, const QStringList &arguments, const QString &folder)
{
    const bool python = QFileInfo(u"/usr/bin/python3"_s).isExecutable();
    QProcess process;
    process.setWorkingDirectory(folder);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer clock;
    clock.start();
    if (python) {
        process.start(
            u"/usr/bin/python3"_s,
            QStringList { u"-c"_s,
                          u"import resource, subprocess, sys\n"
                          "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
                          "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
                          "sys.exit(code)"_s,
                          program }
                + arguments);
    } else {
        process.start(program, arguments);
    }
    Measured result;
    if (!process.waitForStarted(10000) || !finished.wait(900000))
        return result;
    result.ms = clock.elapsed();
    result.exitCode = process.exitCode();
    if (python) {
        const QList<QByteArray> lines = process.readAllStandardError().trimmed().split('\n');
        result.peakKb = lines.isEmpty() ? 0 : lines.constLast().trimmed().toLongLong();
    }
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int requests = 1000;
    const QStringList arguments = app.arguments();
    if (const qsizetype at = arguments.indexOf(u"--requests"_s); at >= 0 && at + 1 < arguments.size())
        requests = qMax(1, arguments.at(at + 1).toInt());
    if (const QString why = Newman::unavailable(); !why.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        return 2;
    }
    const QByteArray body = PosternRun::incidentPage();
    TestHttpServer server;
    server.setHandler([&body](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.headers = { { "Content-Type", "application/json" } };
        reply.body = body;
        return reply;
    });
    if (!server.listenOnLoopback())
        return 2;
    const QString url = server.url(u"/api/now/table/incident"_s).toString();
    QTemporaryDir dir;
    const QString file = dir.filePath(u"benchmark.postman_collection.json"_s);
    const QString bareFile = dir.filePath(u"no-script.postman_collection.json"_s);
    for (const auto &[path, withScript] : { std::pair { file, true }, std::pair { bareFile, false } }) {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return 2;
        out.write(collection(url, withScript));
    }
    std::printf("%d GETs of a %lld-byte JSON answer from a loopback server, one test script each\n", requests,
                qint64(body.size()));

    // The floor: QNetworkAccessManager alone, one request after the other, no scripts.
    QNetworkAccessManager network;
    QElapsedTimer clock;
    clock.start();
    int done = 0;
    qint64 bytes = 0;
    QEventLoop loop;
    std::function<void()> next = [&] {
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url)));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            bytes += reply->readAll().size();
            reply->deleteLater();
            if (++done < requests)
                next();
            else
                loop.quit();
        });
    };
    next();
    loop.exec();
    const qint64 bareMs = clock.elapsed();
    std::printf("bare Qt loop:   %6lld ms  (%lld bytes read)\n", bareMs, bytes);

    // --postern PATH measures another build of postern-run (to compare two builds on the same machine).
    QString program = QStringLiteral(POSTERN_RUN_PATH);
    if (const qsizetype at = arguments.indexOf(u"--postern"_s); at >= 0 && at + 1 < arguments.size())
        program = arguments.at(at + 1);
    const Measured postern = measure(program,
                                     { file, u"-n"_s, QString::number(requests), u"-r"_s, u"json"_s,
                                       u"--reporter-json-export"_s, dir.filePath(u"postern.json"_s) },
                                     dir.path());
    const QJsonObject totals = QJsonDocument::fromJson([&] {
                                   QFile report(dir.filePath(u"postern.json"_s));
                                   return report.open(QIODevice::ReadOnly) ? report.readAll() : QByteArray();
                               }())
                                   .object()
                                   .value(u"totals"_s)
                                   .toObject();
    std::printf("postern run:    %6lld ms  peak %lld KB  (%d tests, %d failed, exit %d)\n", postern.ms,
                postern.peakKb, totals.value(u"tests"_s).toInt(), totals.value(u"failed"_s).toInt(),
                postern.exitCode);

    const Measured noScript = measure(
        program, { bareFile, u"-n"_s, QString::number(requests), u"-r"_s, u"progress"_s }, dir.path());
    std::printf("  no scripts:   %6lld ms  peak %lld KB  (exit %d)\n", noScript.ms, noScript.peakKb,
                noScript.exitCode);
    if (arguments.contains(u"--postern-only"_s))
        return postern.exitCode;

    const Measured newman
        = measure(Newman::node(),
                  { Newman::script(), u"run"_s, file, u"-n"_s, QString::number(requests), u"-r"_s, u"cli"_s },
                  dir.path());
    std::printf("newman:         %6lld ms  peak %lld KB  (exit %d)\n", newman.ms, newman.peakKb,
                newman.exitCode);

    std::printf("ratio newman / postern run: %.1f (the target: 10 or more)\n",
                double(newman.ms) / double(qMax<qint64>(1, postern.ms)));
    std::printf("ratio postern run / bare Qt loop: %.2f (the target: 1.3 or less)\n",
                double(postern.ms) / double(qMax<qint64>(1, bareMs)));
    if (postern.peakKb > 0 && newman.peakKb > 0)
        std::printf("peak memory postern run / newman: %.2f\n",
                    double(postern.peakKb) / double(newman.peakKb));
    return postern.exitCode == 0 && totals.value(u"tests"_s).toInt() == requests ? 0 : 1;
}
