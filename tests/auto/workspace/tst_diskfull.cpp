// Saving when the disk is full: the save says why, the file as it was stays byte for byte, and no
// temporary file is left. Two ways to run out of room: a file size limit (RLIMIT_FSIZE, EFBIG; any
// user) and a small tmpfs filled up (ENOSPC, the real thing; needs the right to mount, as root has).
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_DiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileSizeLimit();
    void fullFileSystem();

private:
    // Saves a large collection over a small one in root, with room for the small one only, and checks
    // the outcome.
    void saveWithoutRoom(const QString &root, const std::function<void()> &takeTheRoom);
};

void tst_DiskFull::saveWithoutRoom(const QString &root, const std::function<void()> &takeTheRoom)
{
    Workspace workspace(root);
    QVERIFY(workspace.open());
    Collection collection = Collection::make(u"Incidents"_s);
    QCOMPARE(workspace.saveCollection(collection), QString());
    const QStringList files = QDir(root + u"/collections"_s).entryList({ u"*.json"_s }, QDir::Files);
    QCOMPARE(files.size(), 1);
    const QString file = root + u"/collections/"_s + files.first();
    QFile before(file);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray saved = before.readAll();
    before.close();

    takeTheRoom();
    collection.description = QString(512 * 1024, u'x'); // half a mebibyte that will not fit
    const QString error = workspace.saveCollection(collection);
    QVERIFY2(!error.isEmpty(), "the save claimed success");
    QVERIFY2(error.contains(QDir::toNativeSeparators(file)), qPrintable(error));
    QFile after(file);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), saved);
    const QStringList left = QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, QStringList { QFileInfo(file).fileName() });
}

void tst_DiskFull::fileSizeLimit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    rlimit old {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG
    auto restore = qScopeGuard([&] {
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previousHandler);
    });
    saveWithoutRoom(dir.path(), [&] {
        rlimit small = old;
        small.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    });
}

void tst_DiskFull::fullFileSystem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mountPoint = dir.filePath(u"small"_s);
    QVERIFY(QDir().mkpath(mountPoint));
    QProcess mount;
    mount.start(u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=256k"_s, u"postern-test"_s, mountPoint });
    if (!mount.waitForFinished(10000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
        QSKIP(qPrintable(u"Cannot mount a small tmpfs here (root's right to mount is needed; the file size "
                         "limit test covers the same path): "_s
                         + QString::fromLocal8Bit(mount.readAllStandardError()).trimmed()));
    auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, { mountPoint }); });
    saveWithoutRoom(mountPoint, [&] {
        // Fill what is left.
        QFile filler(mountPoint + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'f');
        while (filler.write(block) == block.size() && filler.flush()) { }
        filler.close();
    });
}

QTEST_GUILESS_MAIN(tst_DiskFull)
#include "tst_diskfull.moc"
