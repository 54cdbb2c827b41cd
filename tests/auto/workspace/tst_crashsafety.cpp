#include "workspace/sessionstore.h"
#include "workspace/workspace.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

// "Edit, kill -9 at random points many times, reopen: every file parses and no saved work is lost."
// postern-workspace-writer saves a workspace in a loop and says "saved N" after each complete round;
// this test kills it with SIGKILL at a random moment, many times over the same folder, and after each
// kill opens the folder afresh: nothing may be set aside, every file must parse, and the collection,
// environment, globals, draft and session must hold the last round the writer reported (or the one
// after it, which may have been partly written).
//
// POSTERN_CRASH_SEED=<n> replays a run; the seed is printed at the start.
class tst_CrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAtRandomPoints();

private:
    quint32 m_seed = 0;
};

namespace {

constexpr int runs = 30;

int roundOf(const VariableList &variables)
{
    for (const Variable &variable : variables) {
        if (variable.key == u"round"_s)
            return variable.value.toInt();
    }
    return 0;
}

// The rounds the request URLs ("https://example.org/N") carry.
QList<int> urlRounds(const QList<CollectionItem> &items)
{
    QList<int> rounds;
    for (const CollectionItem &item : items) {
        if (item.isFolder())
            rounds += urlRounds(item.children);
        else
            rounds.append(item.request.url.section(u'/', -1).toInt());
    }
    return rounds;
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

void tst_CrashSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo::exists(QStringLiteral(POSTERN_WORKSPACE_WRITER)), POSTERN_WORKSPACE_WRITER);
    bool fixed = false;
    m_seed = qEnvironmentVariable("POSTERN_CRASH_SEED").toUInt(&fixed);
    if (!fixed)
        m_seed = QRandomGenerator::system()->generate();
    qInfo("seed %u (set POSTERN_CRASH_SEED=%u to replay)", m_seed, m_seed);
}

void tst_CrashSafety::killedAtRandomPoints()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(u"workspace"_s);
    QRandomGenerator random(m_seed);
    int acknowledged = 0; // the last round the writer reported, over all runs
    qsizetype litter = 0; // temporary files of unfinished writes, removed by open()

    for (int run = 0; run < runs; ++run) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        QByteArray output;
        int lastSaved = acknowledged;
        int savedThisRun = 0;
        connect(&writer, &QProcess::readyReadStandardOutput, this, [&] {
            output += writer.readAllStandardOutput();
            qsizetype newline;
            while ((newline = output.indexOf('\n')) >= 0) {
                const QByteArray line = output.left(newline);
                output.remove(0, newline + 1);
                if (line.startsWith("saved ")) {
                    lastSaved = line.mid(6).toInt();
                    ++savedThisRun;
                }
            }
        });
        writer.start(QStringLiteral(POSTERN_WORKSPACE_WRITER), { root });
        QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));

        const int waitFor = 1 + int(random.bounded(8));
        const int extraMs = int(random.bounded(31));
        QTRY_VERIFY2_WITH_TIMEOUT(savedThisRun >= waitFor || writer.state() == QProcess::NotRunning,
                                  qPrintable(u"run %1: %2 rounds reported"_s.arg(run).arg(savedThisRun)),
                                  10000);
        QVERIFY2(writer.state() == QProcess::Running,
                 qPrintable(u"run %1: the writer stopped: %2"_s.arg(run).arg(
                     QString::fromLocal8Bit(writer.readAllStandardError()))));
        if (extraMs > 0)
            QTest::qWait(extraMs); // the writer goes on meanwhile: the kill lands mid-round
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished(5000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        // Rounds reported before the kill count too.
        output += writer.readAllStandardOutput();
        for (const QByteArray &line : output.split('\n')) {
            if (line.startsWith("saved "))
                lastSaved = line.mid(6).toInt();
        }
        QVERIFY(lastSaved > acknowledged);
        acknowledged = lastSaved;
        const QString where
            = u"run %1, last round reported %2, seed %3"_s.arg(run).arg(acknowledged).arg(m_seed);

        // Every file under the root parses, as the kill left them.
        const QStringList before = filesUnder(root);
        for (const QString &path : before) {
            if (!path.endsWith(u".json"_s))
                continue; // an unfinished write's temporary file, or the .gitignore
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(),
                     qPrintable(path + u": "_s + error.errorString() + u"; "_s + where));
        }

        Workspace workspace(root);
        QVERIFY(workspace.open());
        QVERIFY2(workspace.messages().isEmpty(),
                 qPrintable(workspace.messages().join(u'\n') + u"; "_s + where));
        // Opening swept away what unfinished writes left behind; nothing was set aside.
        for (const QString &path : filesUnder(root))
            QVERIFY2(path.endsWith(u".json"_s) || path.endsWith(u"/.gitignore"_s)
                         || path.endsWith(u"/.postern/workspace-id"_s),
                     qPrintable(path + u"; "_s + where));
        litter += before.size() - filesUnder(root).size();
        QCOMPARE(workspace.collections().size(), 1);
        const Collection collection = workspace.collections().first();
        const int collectionRound = roundOf(collection.variables);
        QVERIFY2(collectionRound == acknowledged || collectionRound == acknowledged + 1,
                 qPrintable(u"collection at round %1; "_s.arg(collectionRound) + where));
        QVERIFY2(urlRounds(collection.items).contains(collectionRound), qPrintable(where));
        QCOMPARE(collection.requestCount(), qMin(collectionRound, 200));

        QCOMPARE(workspace.environments().size(), 1);
        const Environment environment = workspace.environments().first();
        const int environmentRound = roundOf(environment.variables);
        const int globalsRound = roundOf(workspace.globals().variables);
        // Saved in this order, each one at the reported round or the one after.
        QVERIFY2(environmentRound >= acknowledged && environmentRound <= collectionRound,
                 qPrintable(u"environment at round %1; "_s.arg(environmentRound) + where));
        QVERIFY2(globalsRound >= acknowledged && globalsRound <= environmentRound,
                 qPrintable(u"globals at round %1; "_s.arg(globalsRound) + where));

        const SessionStore sessions(workspace.stateDirectory());
        QStringList messages;
        const Session session = sessions.load(&messages);
        const std::optional<HttpRequest> draft = sessions.loadDraft(u"tab-1"_s, &messages);
        QVERIFY2(messages.isEmpty(), qPrintable(messages.join(u'\n') + u"; "_s + where));
        QCOMPARE(sessions.draftIds(), QStringList { u"tab-1"_s });
        QVERIFY(draft.has_value());
        const int draftRound = draft->url.section(u'/', -1).toInt();
        QVERIFY2(draftRound >= acknowledged && draftRound <= globalsRound,
                 qPrintable(u"draft at round %1; "_s.arg(draftRound) + where));
        QCOMPARE(session.tabs.size(), 1);
        QCOMPARE(session.environmentId, environment.id);
        QCOMPARE(session.tabs.first().collectionId, collection.id);
        const int sessionRound = session.tabs.first().title.section(u' ', -1).toInt();
        QVERIFY2(sessionRound >= acknowledged && sessionRound <= draftRound,
                 qPrintable(u"session at round %1; "_s.arg(sessionRound) + where));
    }
    qInfo("%d kills, %d rounds saved, %lld unfinished writes cleaned up", runs, acknowledged,
          qlonglong(litter));
}

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
