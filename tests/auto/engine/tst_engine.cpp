#include "engine/appcontext.h"
#include "engine/engine.h"
#include "history/cookiestore.h"
#include "history/historystore.h"
#include "http/httpclient.h"
#include "oauth/requestsender.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrefresher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_Engine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneGraphOverTheGivenStore();
    void keychainStateOnStart_data();
    void keychainStateOnStart();
    void startIsBothSteps();
    void workspaceStateIsLoadedAndInstalled();
    void unreadableHistoryIsReported();
};

// Engine's objects are its children and share the manager and token store they were given.
void tst_Engine::oneGraphOverTheGivenStore()
{
    QTemporaryDir data;
    QNetworkAccessManager network;
    TokenStore tokens(data.path());
    Engine engine(&network, &tokens);
    QCOMPARE(engine.network(), &network);
    QCOMPARE(engine.tokens(), &tokens);
    for (QObject *part : std::initializer_list<QObject *> { engine.client(), engine.endpoint(),
                                                            engine.refresher(), engine.sender() }) {
        QVERIFY(part);
        QCOMPARE(part->parent(), &engine);
    }
}

void tst_Engine::keychainStateOnStart_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<bool>("tokensFile");
    QTest::addColumn<bool>("workspaceFile");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("onDemand");

    QTest::newRow("first start") << QString() << false << false << u"untouched"_s << true;
    QTest::newRow("older version with tokens") << QString() << true << false << u"used"_s << false;
    QTest::newRow("older version with a workspace") << QString() << false << true << u"used"_s << false;
    QTest::newRow("untouched stays untouched") << u"untouched"_s << false << true << u"untouched"_s << true;
    QTest::newRow("used stays used") << u"used"_s << false << false << u"used"_s << false;
}

// On a first start the token store gets the store that asks the keychain only when a secret is first
// stored; once anything is stored (or the setting says so) it gets the keychain itself.
void tst_Engine::keychainStateOnStart()
{
    QFETCH(QString, before);
    QFETCH(bool, tokensFile);
    QFETCH(bool, workspaceFile);
    QFETCH(QString, after);
    QFETCH(bool, onDemand);

    QTemporaryDir data, root;
    QSettings settings(root.filePath(u"settings.ini"_s), QSettings::IniFormat);
    if (!before.isEmpty())
        settings.setValue(AppContext::keychainSettingKey(), before);
    const QString workspaceRoot = root.filePath(u"workspace"_s);
    QVERIFY(QDir().mkpath(workspaceRoot));
    if (workspaceFile) {
        QFile file(workspaceRoot + u"/notes.txt"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    AppContext context(data.path(), workspaceRoot, &settings);
    if (tokensFile) {
        QFile file(context.tokens()->metadataFilePath());
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"version\":1,\"tokens\":[]}");
    }
    // In two steps, as the application does around its first frame: the workspace, then the secrets.
    context.openWorkspace();
    QCOMPARE(settings.value(AppContext::keychainSettingKey()).toString(), after);
    QVERIFY(QFileInfo::exists(context.workspace()->stateDirectory()));
    // Nothing asked of the keychain yet: the token store is not started.
    QTest::qWait(50);
    QVERIFY(!context.tokens()->isLoaded());
    QVERIFY(!qobject_cast<SecretStoreOnDemand *>(context.tokens()->secretStore()));
    context.startSecrets();
    // The store the tokens were given: the on-demand one is not probed, so it is known at once; the
    // keychain's probe fails here (no Secret Service), and the tokens load into memory.
    QTRY_VERIFY_WITH_TIMEOUT(context.tokens()->isLoaded(), 15000);
    QCOMPARE(qobject_cast<SecretStoreOnDemand *>(context.tokens()->secretStore()) != nullptr, onDemand);
}

void tst_Engine::startIsBothSteps()
{
    QTemporaryDir data, root;
    QSettings settings(root.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AppContext context(data.path(), root.filePath(u"workspace"_s), &settings);
    context.start();
    QCOMPARE(settings.value(AppContext::keychainSettingKey()).toString(), u"untouched"_s);
    QVERIFY(QFileInfo::exists(context.workspace()->stateDirectory()));
    QTRY_VERIFY(context.tokens()->isLoaded());
    QVERIFY(qobject_cast<SecretStoreOnDemand *>(context.tokens()->secretStore()));
}

void tst_Engine::workspaceStateIsLoadedAndInstalled()
{
    QTemporaryDir data, root;
    QNetworkAccessManager network;
    TokenStore tokens(data.path());
    Engine engine(&network, &tokens);
    Workspace workspace(root.path());
    workspace.open();
    QObject owner;
    const Engine::WorkspaceState state = engine.openWorkspaceState(&workspace, 7, &owner);
    QVERIFY(state.messages.isEmpty());
    QCOMPARE(state.history->parent(), &owner);
    QCOMPARE(state.history->maxEntries(), 7);
    QCOMPARE(network.cookieJar(), state.cookies);
}

void tst_Engine::unreadableHistoryIsReported()
{
    QTemporaryDir data, root;
    QNetworkAccessManager network;
    TokenStore tokens(data.path());
    Engine engine(&network, &tokens);
    Workspace workspace(root.path());
    workspace.open();
    QVERIFY(QDir().mkpath(workspace.stateDirectory()));
    QFile broken(workspace.stateDirectory() + u"/history.json"_s);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not json");
    broken.close();
    QObject owner;
    const Engine::WorkspaceState state = engine.openWorkspaceState(&workspace, 10, &owner);
    QCOMPARE(state.messages.size(), 1);
    QCOMPARE(state.messages.first(), state.history->loadError());
    QVERIFY(state.history->entries().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
