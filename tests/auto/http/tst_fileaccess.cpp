#include "http/fileaccess.h"
#include "shared/placeholders.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

// The working-directory rule on its own: which paths are in it, how they are stored, and where the
// workspace keeps its choice. What Send does with it is in tst_requestbody.
class tst_FileAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void inWorkingDirectory_data();
    void inWorkingDirectory();
    void relativePathsResolveInTheWorkingDirectory();
    void noWorkingDirectoryReadsNothing();
    void chosenFilesAreAllowedWhereverTheyAre();
    void pathToStore();
    void workingDirectorySetting();

private:
    QString wd() const { return m_dir->filePath(u"wd"_s); }
    QString out() const { return m_dir->filePath(u"out"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_FileAccess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(wd() + u"/sub"_s));
    QVERIFY(QDir().mkpath(out()));
    for (const QString &name :
         QStringList { wd() + u"/a.txt"_s, wd() + u"/sub/b.txt"_s, out() + u"/secret.txt"_s }) {
        QFile file(name);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFile::link(out() + u"/secret.txt"_s, wd() + u"/escape.txt"_s));
    QVERIFY(QFile::link(out(), wd() + u"/escape-dir"_s));
    // A working directory reached through a link is still the same folder.
    QVERIFY(QFile::link(wd(), m_dir->filePath(u"wd-link"_s)));
}

void tst_FileAccess::inWorkingDirectory_data()
{
    QTest::addColumn<QString>("path"); // WD/, OUT/ and WD-other/ are replaced
    QTest::addColumn<bool>("inside");
    QTest::newRow("relative file") << u"a.txt"_s << true;
    QTest::newRow("relative file in a subfolder") << u"sub/b.txt"_s << true;
    QTest::newRow("absolute file inside") << u"WD/sub/b.txt"_s << true;
    QTest::newRow("file not there yet, inside") << u"WD/new.txt"_s << true;
    QTest::newRow("absolute file outside") << u"OUT/secret.txt"_s << false;
    QTest::newRow("system file") << u"/etc/passwd"_s << false;
    QTest::newRow("dot-dot out") << u"../out/secret.txt"_s << false;
    QTest::newRow("dot-dot out and back in") << u"../wd/a.txt"_s << true;
    QTest::newRow("dot-dot through a subfolder") << u"WD/sub/../../out/secret.txt"_s << false;
    QTest::newRow("file not there, outside") << u"OUT/missing.txt"_s << false;
    QTest::newRow("link to a file outside") << u"escape.txt"_s << false;
    QTest::newRow("link to a folder outside") << u"escape-dir/secret.txt"_s << false;
    QTest::newRow("missing file behind a link to a folder outside") << u"escape-dir/missing.txt"_s << false;
    QTest::newRow("prefix of the folder's name") << u"WD-other/x.txt"_s << false;
}

void tst_FileAccess::inWorkingDirectory()
{
    QFETCH(QString, path);
    QFETCH(bool, inside);
    path = Testing::expandPlaceholders(
        path,
        { { u"WD-other/"_s, wd() + u"-other/"_s }, { u"WD/"_s, wd() + u'/' }, { u"OUT/"_s, out() + u'/' } });
    for (const QString &directory : { wd(), m_dir->filePath(u"wd-link"_s) }) {
        const FileAccess files(directory);
        QCOMPARE(files.isInWorkingDirectory(path), inside);
        const QString refusal = files.refusal(path);
        QCOMPARE(refusal.isEmpty(), inside);
        if (!inside) {
            QVERIFY2(refusal.contains(u"\u201c"_s + QDir::toNativeSeparators(path)
                                      + u"\u201d is outside the working directory"_s),
                     qPrintable(refusal));
            QVERIFY(refusal.contains(u"Settings > Working Directory"_s));
        }
    }
}

void tst_FileAccess::relativePathsResolveInTheWorkingDirectory()
{
    const FileAccess files(wd());
    QCOMPARE(files.absolutePath(u"sub/b.txt"_s), wd() + u"/sub/b.txt"_s);
    QCOMPARE(files.absolutePath(u"./a.txt"_s), wd() + u"/a.txt"_s);
    QCOMPARE(files.absolutePath(u"/x/../y"_s), u"/y"_s);
    QString readPath;
    QVERIFY(files.refusal(u"a.txt"_s, &readPath).isEmpty());
    QCOMPARE(readPath, QFileInfo(wd() + u"/a.txt"_s).canonicalFilePath());
}

void tst_FileAccess::noWorkingDirectoryReadsNothing()
{
    const FileAccess files;
    QVERIFY(!files.isInWorkingDirectory(wd() + u"/a.txt"_s));
    QVERIFY(files.refusal(wd() + u"/a.txt"_s).contains(u"none is set"_s));
    QVERIFY(files.refusal(u"a.txt"_s).contains(u"no working directory"_s));
}

void tst_FileAccess::chosenFilesAreAllowedWhereverTheyAre()
{
    FileAccess files(wd());
    const QString secret = out() + u"/secret.txt"_s;
    QVERIFY(!files.refusal(secret).isEmpty());
    files.allowChosenFile(secret);
    QVERIFY(files.refusal(secret).isEmpty());
    QVERIFY(files.refusal(out() + u"/../out/secret.txt"_s).isEmpty()); // the same file, named otherwise
    QVERIFY(!files.refusal(out() + u"/other.txt"_s).isEmpty());
    QVERIFY(!files.isInWorkingDirectory(secret)); // chosen is not inside
    const FileAccess copy = files; // travels with the request
    QVERIFY(copy.isChosen(secret));
}

void tst_FileAccess::pathToStore()
{
    const FileAccess files(wd());
    QCOMPARE(files.pathToStore(wd() + u"/sub/b.txt"_s), u"sub/b.txt"_s);
    QCOMPARE(files.pathToStore(m_dir->filePath(u"wd-link/a.txt"_s)), u"a.txt"_s);
    QCOMPARE(files.pathToStore(out() + u"/secret.txt"_s), out() + u"/secret.txt"_s);
    QCOMPARE(files.pathToStore(wd() + u"/escape.txt"_s), wd() + u"/escape.txt"_s);
}

void tst_FileAccess::workingDirectorySetting()
{
    const QString root = m_dir->filePath(u"workspace"_s);
    const QString state = root + u"/.postern"_s;
    QCOMPARE(WorkingDirectory::read(root, state), root + u"/files"_s);
    QCOMPARE(WorkingDirectory::defaultFor(root), root + u"/files"_s);

    QVERIFY(WorkingDirectory::write(state, wd()).isEmpty());
    QCOMPARE(WorkingDirectory::read(root, state), wd());
    // Another workspace keeps its own.
    const QString other = m_dir->filePath(u"other"_s);
    QCOMPARE(WorkingDirectory::read(other, other + u"/.postern"_s), other + u"/files"_s);

    // The file is this machine's settings: other keys in it are kept, a relative value is in the workspace.
    QFile file(state + u"/settings.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject settings = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QCOMPARE(settings.value(u"workingDirectory"_s).toString(), wd());
    settings.insert(u"other"_s, 1);
    settings.insert(u"workingDirectory"_s, u"shared"_s);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(settings).toJson());
    file.close();
    QCOMPARE(WorkingDirectory::read(root, state), root + u"/shared"_s);
    QVERIFY(WorkingDirectory::write(state, out()).isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    settings = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(settings.value(u"other"_s).toInt(), 1);
    QCOMPARE(settings.value(u"workingDirectory"_s).toString(), out());
}

QTEST_GUILESS_MAIN(tst_FileAccess)
#include "tst_fileaccess.moc"
