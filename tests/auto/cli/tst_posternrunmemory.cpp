// postern run's memory over a long run: 10,000 iterations of a one-request collection with a test
// script, against a loopback server in this process. The resident memory of the run (the supervisor's
// child, read from /proc) is read after 1,000 iterations, once the engine and the caches have warmed
// up, and again near the end; it may grow by 1.5 MB at most (newman's grows without bound). With the
// progress reporter, which needs no list of the requests, nothing of a request that passed is kept.

#include "shared/posternrun.h"
#include "shared/testhttpserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// clang says __has_feature(address_sanitizer), g++ defines __SANITIZE_ADDRESS__.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POSTERN_TEST_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define POSTERN_TEST_ADDRESS_SANITIZER 1
#endif
#ifdef POSTERN_TEST_ADDRESS_SANITIZER
constexpr bool UnderAddressSanitizer = true;
#else
constexpr bool UnderAddressSanitizer = false;
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr int Iterations = 10000;
constexpr qint64 AllowedGrowthKb = 1536; // before the report kept only failures: +3.9 MB

// VmRSS of pid in KB; 0 when it cannot be read.
qint64 residentKb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return 0;
}

qint64 childOf(qint64 pid)
{
    QFile children(u"/proc/%1/task/%1/children"_s.arg(pid));
    if (!children.open(QIODevice::ReadOnly))
        return 0;
    return children.readAll().trimmed().split(' ').constFirst().toLongLong();
}

} // namespace

class tst_PosternRunMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flatOverTenThousandIterations();
};

void tst_PosternRunMemory::flatOverTenThousandIterations()
{
#ifndef Q_OS_LINUX
    QSKIP("Resident memory is read from /proc, which only Linux has.");
#else
    if (UnderAddressSanitizer)
        QSKIP("AddressSanitizer keeps freed memory aside (its quarantine, up to 256 MB) before reusing it, "
              "so resident memory grows without a leak; this figure is measured in the release build, and "
              "LeakSanitizer checks the leaks here.");
    TestHttpServer server;
    QByteArray body = R"({"result":[)";
    for (int i = 0; i < 20; ++i)
        body += (i ? "," : "") + R"({"number":"INC00)"_ba + QByteArray::number(10000 + i)
            + R"(","state":"New"})"_ba;
    body += "]}";
    server.setHandler([&body](const TestHttpServer::Request &) {
        TestHttpServer::Reply reply;
        reply.body = body;
        return reply;
    });
    QVERIFY(server.listenOnLoopback());
    QTemporaryDir dir;
    const QString collection = dir.filePath(u"memory.postman_collection.json"_s);
    QVERIFY(PosternRun::writeFile(
        collection,
        PosternRun::collection(
            u"Memory"_s,
            { PosternRun::requestItem(
                u"Incidents"_s, server.url(u"/incidents"_s).toString(),
                { u"pm.test('twenty', () => pm.expect(pm.response.json().result).to.have.lengthOf(20));"_s,
                  u"pm.environment.set('last', pm.info.iteration);"_s }) })));
    QProcess run;
    QSignalSpy finished(&run,
                        &QProcess::finished); // waited on in a real event loop: the server answers from it
    run.start(QStringLiteral(POSTERN_RUN_PATH),
              { collection, u"-n"_s, QString::number(Iterations), u"-r"_s, u"progress"_s });
    QVERIFY(run.waitForStarted(10000));
    int lines = 0;
    qint64 warm = 0;
    qint64 late = 0;
    QByteArray pending;
    connect(&run, &QProcess::readyReadStandardOutput, this, [&] {
        pending += run.readAllStandardOutput();
        const int before = lines;
        lines += int(pending.count('\n'));
        pending = pending.mid(pending.lastIndexOf('\n') + 1);
        const qint64 child = childOf(run.processId());
        if (before < 1000 && lines >= 1000)
            warm = residentKb(child);
        if (before < Iterations - 100 && lines >= Iterations - 100)
            late = residentKb(child);
    });
    QVERIFY(finished.wait(240000));
    QCOMPARE(run.exitCode(), 0);
    QCOMPARE(lines, Iterations);
    QVERIFY2(warm > 0 && late > 0, "the run's resident memory could not be read");
    qInfo("resident memory after 1,000 iterations: %lld KB; after %d: %lld KB (%+lld KB)", warm,
          Iterations - 100, late, late - warm);
    QVERIFY2(
        late - warm <= AllowedGrowthKb,
        qPrintable(u"grew by %1 KB between iteration 1,000 and %2"_s.arg(late - warm).arg(Iterations - 100)));
#endif
}

QTEST_GUILESS_MAIN(tst_PosternRunMemory)
#include "tst_posternrunmemory.moc"
