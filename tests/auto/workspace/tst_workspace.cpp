#include "secrets/memorysecretstore.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

// The workspace folder: its layout, saving and reopening, broken files set aside, and secrets kept in
// the secret store and nowhere under the folder.
class tst_Workspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyFolderGetsLayout();
    void saveAndReopen();
    void sameNamesGetUniqueFiles();
    void brokenFileSetAside_data();
    void brokenFileSetAside();
    void duplicateIdsRenewed();
    void unfinishedWritesRemoved();
    void secretsGoToTheStore();
    void damagedManifestKeepsSecrets_data();
    void damagedManifestKeepsSecrets();
    void removeCollectionRemovesFileAndSecret();
    void removeEnvironment();
    void resolverUsesCurrentEnvironment();
    void unusableRoot();
};

namespace {

const QString passwordCanary = u"CANARY-ws-password-81"_s;
const QString tokenCanary = u"CANARY-ws-token-82"_s;
const QString clientSecretCanary = u"CANARY-ws-client-secret-83"_s;
const QString verifierCanary = u"CANARY-ws-code-verifier-84-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
const QString collectionVariableCanary = u"CANARY-ws-collection-variable-85"_s;
const QString environmentVariableCanary = u"CANARY-ws-environment-variable-86"_s;
const QString globalVariableCanary = u"CANARY-ws-global-variable-87"_s;

Variable var(const QString &key, const QString &value, bool secret = false)
{
    Variable variable;
    variable.key = key;
    variable.value = value;
    variable.secret = secret;
    return variable;
}

Collection collectionWithSecrets(const QString &name)
{
    Collection collection = Collection::make(name);
    collection.auth.type = AuthType::OAuth2;
    collection.auth.oauth2.clientId = u"client"_s;
    collection.auth.oauth2.clientSecret = clientSecretCanary;
    collection.auth.oauth2.codeVerifier = verifierCanary;
    collection.variables
        = { var(u"host"_s, u"example.org"_s), var(u"key"_s, collectionVariableCanary, true) };
    CollectionItem folder = CollectionItem::makeFolder(u"Folder"_s);
    folder.auth.type = AuthType::Basic;
    folder.auth.username = u"admin"_s;
    folder.auth.password = passwordCanary;
    HttpRequest request;
    request.url = u"https://{{host}}/x"_s;
    request.auth.type = AuthType::Bearer;
    request.auth.token = tokenCanary;
    folder.children = { CollectionItem::makeRequest(u"Request"_s, request) };
    collection.items = { folder };
    return collection;
}

// Every file under root whose bytes contain needle (relative paths).
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(QDir(root).relativeFilePath(path));
    }
    return found;
}

QStringList fileNames(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

void tst_Workspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Workspace::emptyFolderGetsLayout()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(u"ws"_s); // does not exist yet
    QString id;
    {
        Workspace workspace(root);
        QVERIFY(workspace.open());
        QVERIFY2(workspace.messages().isEmpty(), qPrintable(workspace.messages().join(u'\n')));
        id = workspace.id();
        QVERIFY(!id.isEmpty());
        QCOMPARE(workspace.stateDirectory(), root + u"/.postern"_s);
        QVERIFY(workspace.collections().isEmpty());
        QVERIFY(workspace.environments().isEmpty());
    }
    QVERIFY(QFileInfo(root + u"/collections"_s).isDir());
    QVERIFY(QFileInfo(root + u"/environments"_s).isDir());
    QVERIFY(QFileInfo(root + u"/.postern"_s).isDir());
    QFile ignore(root + u"/.postern/.gitignore"_s);
    QVERIFY(ignore.open(QIODevice::ReadOnly));
    QVERIFY(ignore.readAll().split('\n').contains("*"));
    QFile manifest(root + u"/workspace.json"_s);
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(manifest.readAll()).object();
    QCOMPARE(object.value(u"id"_s).toString(), id);
    QCOMPARE(object.value(u"postern"_s).toString(), u"workspace"_s);

    Workspace again(root);
    QVERIFY(again.open());
    QCOMPARE(again.id(), id);
    QVERIFY(again.messages().isEmpty());
}

void tst_Workspace::saveAndReopen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Collection collection = collectionWithSecrets(u"Orders API"_s);
    Environment environment = Environment::make(u"Dev"_s);
    environment.variables = { var(u"host"_s, u"dev.example.org"_s) };
    Environment globals;
    globals.variables = { var(u"g"_s, u"1"_s) };
    {
        Workspace workspace(dir.path());
        QVERIFY(workspace.open());
        QSignalSpy collectionsChanged(&workspace, &Workspace::collectionsChanged);
        QSignalSpy collectionChanged(&workspace, &Workspace::collectionChanged);
        QCOMPARE(workspace.saveCollection(collection), QString());
        QCOMPARE(collectionsChanged.size(), 1);
        QCOMPARE(collectionChanged.size(), 1);
        QCOMPARE(collectionChanged.at(0).at(0).toString(), collection.id);
        QCOMPARE(workspace.collectionPath(collection.id), dir.filePath(u"collections/orders-api.json"_s));
        collection.items[0].children[0].request.url = u"https://{{host}}/changed"_s;
        QCOMPARE(workspace.saveCollection(collection), QString());
        QCOMPARE(collectionsChanged.size(), 1); // the same collection again: no new one
        QCOMPARE(collectionChanged.size(), 2);
        QCOMPARE(workspace.collections().size(), 1);
        QCOMPARE(workspace.saveEnvironment(environment), QString());
        QCOMPARE(workspace.saveGlobals(globals), QString());
        QCOMPARE(workspace.collection(collection.id)->items[0].children[0].request.url,
                 u"https://{{host}}/changed"_s);
    }
    QCOMPARE(fileNames(dir.filePath(u"collections"_s)), QStringList { u"orders-api.json"_s });
    QCOMPARE(fileNames(dir.filePath(u"environments"_s)), QStringList { u"dev.json"_s });

    Workspace workspace(dir.path());
    QVERIFY(workspace.open());
    QVERIFY2(workspace.messages().isEmpty(), qPrintable(workspace.messages().join(u'\n')));
    QCOMPARE(workspace.collections().size(), 1);
    const Collection *back = workspace.collection(collection.id);
    QVERIFY(back);
    QCOMPARE(back->toJson(), collection.toJson()); // secrets aside, everything (no store: they are gone)
    QCOMPARE(back->items[0].auth.password, QString());
    QCOMPARE(workspace.environments().size(), 1);
    QCOMPARE(workspace.environment(environment.id)->toJson(), environment.toJson());
    QCOMPARE(workspace.globals().variables, globals.variables);
}

void tst_Workspace::sameNamesGetUniqueFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Collection first = Collection::make(u"My API"_s);
    const Collection second = Collection::make(u"My API"_s);
    const Collection third = Collection::make(u"my/api"_s);
    const Collection odd = Collection::make(u"../../.."_s);
    {
        Workspace workspace(dir.path());
        QVERIFY(workspace.open());
        for (const Collection &collection : { first, second, third, odd })
            QCOMPARE(workspace.saveCollection(collection), QString());
        QCOMPARE(workspace.collectionPath(first.id), dir.filePath(u"collections/my-api.json"_s));
        QCOMPARE(workspace.collectionPath(second.id), dir.filePath(u"collections/my-api-2.json"_s));
        QCOMPARE(workspace.collectionPath(third.id), dir.filePath(u"collections/my-api-3.json"_s));
        QCOMPARE(workspace.collectionPath(odd.id), dir.filePath(u"collections/untitled.json"_s));
        // Renaming does not move the file: the id keeps its path.
        Collection renamed = first;
        renamed.name = u"Other"_s;
        QCOMPARE(workspace.saveCollection(renamed), QString());
        QCOMPARE(workspace.collectionPath(first.id), dir.filePath(u"collections/my-api.json"_s));
    }
    QCOMPARE(fileNames(dir.filePath(u"collections"_s)).size(), 4);
    Workspace workspace(dir.path());
    QVERIFY(workspace.open());
    QCOMPARE(workspace.collections().size(), 4);
    for (const Collection &collection : { first, second, third, odd })
        QVERIFY(workspace.collection(collection.id));
    QCOMPARE(workspace.collection(first.id)->name, u"Other"_s);
}

void tst_Workspace::brokenFileSetAside_data()
{
    QTest::addColumn<QString>("file"); // relative to the root
    QTest::addColumn<QByteArray>("data");

    QTest::newRow("collection: garbage") << u"collections/broken.json"_s << QByteArray("\x01garbage{{{");
    QTest::newRow("collection: truncated")
        << u"collections/broken.json"_s << QByteArray(R"({"postern": "collection", "items": [{"type")");
    QTest::newRow("collection: an array") << u"collections/broken.json"_s << QByteArray("[]");
    QTest::newRow("collection: an environment")
        << u"collections/broken.json"_s << QByteArray(R"({"postern": "environment"})");
    QTest::newRow("collection: empty") << u"collections/broken.json"_s << QByteArray();
    QTest::newRow("environment: garbage") << u"environments/broken.json"_s << QByteArray("not json");
    QTest::newRow("environment: a collection")
        << u"environments/broken.json"_s << QByteArray(R"({"postern": "collection"})");
    QTest::newRow("globals: garbage") << u"globals.json"_s << QByteArray("{\"postern\": ");
}

void tst_Workspace::brokenFileSetAside()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, data);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Collection good = Collection::make(u"Good"_s);
    Environment environment = Environment::make(u"Env"_s);
    environment.variables = { var(u"e"_s, u"1"_s) };
    Environment globals;
    globals.variables = { var(u"g"_s, u"1"_s) };
    {
        Workspace workspace(dir.path());
        QVERIFY(workspace.open());
        QCOMPARE(workspace.saveCollection(good), QString());
        QCOMPARE(workspace.saveEnvironment(environment), QString());
        QCOMPARE(workspace.saveGlobals(globals), QString());
    }
    const QString path = dir.filePath(file);
    if (file != u"globals.json"_s)
        QVERIFY(!QFileInfo::exists(path));
    QVERIFY(writeFile(path, data));

    Workspace workspace(dir.path());
    QVERIFY(workspace.open());
    const QStringList messages = workspace.messages();
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().contains(file), qPrintable(messages.first()));
    // Kept aside next to where it was, under a name the message gives, with its bytes.
    QVERIFY(!QFileInfo::exists(path));
    const QFileInfo info(path);
    const QStringList kept = info.dir().entryList({ info.fileName() + u".broken-*"_s }, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QVERIFY2(messages.first().contains(kept.first()), qPrintable(messages.first()));
    QFile keptFile(info.dir().filePath(kept.first()));
    QVERIFY(keptFile.open(QIODevice::ReadOnly));
    QCOMPARE(keptFile.readAll(), data);
    // The rest opens.
    QVERIFY(workspace.collection(good.id));
    if (file.startsWith(u"environments/"_s)) {
        QCOMPARE(workspace.environments().size(), 1);
    } else {
        QVERIFY(workspace.environment(environment.id));
    }
    if (file == u"globals.json"_s)
        QVERIFY(workspace.globals().variables.isEmpty());
    else
        QCOMPARE(workspace.globals().variables, globals.variables);

    // The next open is quiet: nothing left to set aside.
    Workspace again(dir.path());
    QVERIFY(again.open());
    QVERIFY2(again.messages().isEmpty(), qPrintable(again.messages().join(u'\n')));
}

void tst_Workspace::duplicateIdsRenewed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Collection collection = Collection::make(u"One"_s);
    {
        Workspace workspace(dir.path());
        QVERIFY(workspace.open());
        QCOMPARE(workspace.saveCollection(collection), QString());
    }
    QVERIFY(QFile::copy(dir.filePath(u"collections/one.json"_s), dir.filePath(u"collections/two.json"_s)));
    Workspace workspace(dir.path());
    QVERIFY(workspace.open());
    QCOMPARE(workspace.collections().size(), 2);
    QVERIFY(workspace.collections().at(0).id != workspace.collections().at(1).id);
    QCOMPARE(workspace.messages().size(), 1);
    QVERIFY(workspace.messages().first().contains(u"two.json"_s));
}

void tst_Workspace::unfinishedWritesRemoved()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Collection collection = Collection::make(u"Kept"_s);
    {
        Workspace workspace(dir.path());
        QVERIFY(workspace.open());
        QCOMPARE(workspace.saveCollection(collection), QString());
    }
    // What QSaveFile leaves when the process dies between writing and renaming, and lookalikes.
    const QStringList litter { u"collections/kept.json.aB3dE9"_s, u"environments/dev.json.ZZZZZZ"_s,
                               u"globals.json.x1y2z3"_s,          u".postern/session.json.Qw3rTy"_s,
                               u".postern/.gitignore.abcdef"_s,   u".postern/drafts/tab-1.json.000000"_s };
    const QStringList kept { u"collections/kept.json.broken-20240101-000000"_s,
                             u"collections/notes.txt"_s,
                             u"collections/kept.json.toolong"_s,
                             u"collections/kept.json.ab-def"_s,
                             u".postern/history.json"_s,
                             u"collections/.json.abcdef"_s,
                             u"collections/x.gitignore.abcdef"_s,
                             u"collections/kept.json.abcd\u00e9f"_s,
                             u"collections/kept.json.abcde"_s };
    for (const QString &name : litter + kept) {
        QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
        QVERIFY(writeFile(dir.filePath(name), "{\"half\": "));
    }
    Workspace workspace(dir.path());
    QVERIFY(workspace.open());
    QVERIFY2(workspace.messages().isEmpty(), qPrintable(workspace.messages().join(u'\n')));
    for (const QString &name : litter)
        QVERIFY2(!QFileInfo::exists(dir.filePath(name)), qPrintable(name));
    for (const QString &name : kept)
        QVERIFY2(QFileInfo::exists(dir.filePath(name)), qPrintable(name));
    QCOMPARE(workspace.collections().size(), 1);
}

void tst_Workspace::damagedManifestKeepsSecrets_data()
{
    QTest::addColumn<QByteArray>("manifest"); // what workspace.json becomes

    QTest::newRow("garbage") << QByteArray("\x01\x02garbage{{");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"postern": "workspace", "id": ")");
    QTest::newRow("JSON without an id") << QByteArray(R"({"postern": "workspace", "formatVersion": 1})");
    QTest::newRow("a collection in its place") << QByteArray(R"({"postern": "collection", "id": "c1"})");
}

void tst_Workspace::damagedManifestKeepsSecrets()
{
    // The workspace's id names its secrets in the keychain: a workspace.json that was damaged or
    // replaced must not leave them behind under an id nobody knows any more.
    QFETCH(QByteArray, manifest);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MemorySecretStore store;
    Environment environment = Environment::make(u"Prod"_s);
    environment.variables = { var(u"apiKey"_s, environmentVariableCanary, true) };
    QString id;
    {
        Workspace workspace(dir.path());
        workspace.setSecretStore(&store);
        QVERIFY(workspace.open());
        id = workspace.id();
        QCOMPARE(workspace.saveEnvironment(environment), QString());
        QCoreApplication::processEvents();
    }
    QVERIFY(writeFile(dir.filePath(u"workspace.json"_s), manifest));

    Workspace workspace(dir.path());
    workspace.setSecretStore(&store);
    QSignalSpy environmentsChanged(&workspace, &Workspace::environmentsChanged);
    QVERIFY(workspace.open());
    QCOMPARE(workspace.id(), id);
    const QString messages = workspace.messages().join(u'\n');
    QVERIFY2(messages.contains(u"workspace.json"_s) && messages.contains(u"secrets are found"_s),
             qPrintable(messages));
    if (!manifest.isEmpty()) { // what was there is kept aside (an empty file holds nothing to keep)
        const QStringList kept = QDir(dir.path()).entryList({ u"workspace.json.broken-*"_s }, QDir::Files);
        QVERIFY2(kept.size() == 1, qPrintable(messages));
    }
    QTRY_VERIFY(!environmentsChanged.isEmpty());
    QCOMPARE(workspace.environment(environment.id)->variables, environment.variables);
    // And the manifest holds the id again.
    QCOMPARE(Workspace::folderOfManifest(dir.filePath(u"workspace.json"_s)), QDir(dir.path()).absolutePath());
}

void tst_Workspace::secretsGoToTheStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MemorySecretStore store;
    const Collection collection = collectionWithSecrets(u"Secretive"_s);
    Environment environment = Environment::make(u"Prod"_s);
    environment.variables
        = { var(u"host"_s, u"prod.example.org"_s), var(u"apiKey"_s, environmentVariableCanary, true) };
    Environment globals;
    globals.variables = { var(u"globalKey"_s, globalVariableCanary, true) };
    QString workspaceId;
    {
        Workspace workspace(dir.path());
        workspace.setSecretStore(&store);
        QVERIFY(workspace.open());
        workspaceId = workspace.id();
        QCOMPARE(workspace.saveCollection(collection), QString());
        QCOMPARE(workspace.saveEnvironment(environment), QString());
        QCOMPARE(workspace.saveGlobals(globals), QString());
        // In memory, the workspace keeps the secrets as they were given.
        QCOMPARE(workspace.collection(collection.id)->auth.oauth2.clientSecret, clientSecretCanary);
        QCoreApplication::processEvents(); // let the store's answers arrive before the workspace goes
    }

    // One blob per collection and per environment (the globals are one), under the workspace's id.
    QStringList keys = store.keys();
    keys.sort();
    QStringList expected { u"workspace/%1/collection/%2"_s.arg(workspaceId, collection.id),
                           u"workspace/%1/environment/%2"_s.arg(workspaceId, environment.id),
                           u"workspace/%1/environment/globals"_s.arg(workspaceId) };
    expected.sort();
    QCOMPARE(keys, expected);

    // Not one byte of any secret under the root.
    for (const QString &canary :
         { passwordCanary, tokenCanary, clientSecretCanary, verifierCanary, collectionVariableCanary,
           environmentVariableCanary, globalVariableCanary }) {
        const QStringList leaks = filesContaining(dir.path(), canary.toUtf8());
        QVERIFY2(leaks.isEmpty(), qPrintable(canary + u" in "_s + leaks.join(u", "_s)));
    }
    QVERIFY(!filesContaining(dir.path(), "prod.example.org").isEmpty()); // the search does find things

    // A new workspace over the same store gets them back, once the store has answered.
    Workspace workspace(dir.path());
    workspace.setSecretStore(&store);
    QSignalSpy collectionChanged(&workspace, &Workspace::collectionChanged);
    QSignalSpy environmentsChanged(&workspace, &Workspace::environmentsChanged);
    QVERIFY(workspace.open());
    QVERIFY(workspace.messages().isEmpty());
    // Before the answers: the values are empty (the store answers queued, never inside open()).
    QCOMPARE(workspace.collection(collection.id)->auth.oauth2.clientSecret, QString());
    QCOMPARE(collectionChanged.size(), 0);
    QTRY_COMPARE(collectionChanged.size(), 1);
    QCOMPARE(collectionChanged.at(0).at(0).toString(), collection.id);
    QTRY_COMPARE(environmentsChanged.size(), 2);

    const Collection *back = workspace.collection(collection.id);
    QCOMPARE(back->auth.oauth2.clientSecret, clientSecretCanary);
    QCOMPARE(back->auth.oauth2.codeVerifier, verifierCanary);
    QCOMPARE(back->variables.at(1).value, collectionVariableCanary);
    QCOMPARE(back->items.at(0).auth.password, passwordCanary);
    QCOMPARE(back->items.at(0).children.at(0).request.auth.token, tokenCanary);
    QCOMPARE(back->toJson(), collection.toJson());
    QCOMPARE(WorkspaceSecrets::collect(*back), WorkspaceSecrets::collect(collection));
    QCOMPARE(workspace.environment(environment.id)->variables, environment.variables);
    QCOMPARE(workspace.globals().variables, globals.variables);

    // The resolver sees the secret values.
    workspace.setCurrentEnvironmentId(environment.id);
    QCOMPARE(workspace.resolver(collection.id).resolve(u"{{apiKey}} {{key}} {{globalKey}}"_s),
             environmentVariableCanary + u' ' + collectionVariableCanary + u' ' + globalVariableCanary);

    // Saving with no secret left removes the blob.
    Collection plain = *back;
    plain.auth = AuthConfig();
    plain.variables.removeLast();
    plain.items.clear();
    QCOMPARE(workspace.saveCollection(plain), QString());
    QVERIFY(!store.contains(u"workspace/%1/collection/%2"_s.arg(workspaceId, collection.id)));
}

void tst_Workspace::removeCollectionRemovesFileAndSecret()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MemorySecretStore store;
    const Collection doomed = collectionWithSecrets(u"Doomed"_s);
    const Collection kept = collectionWithSecrets(u"Kept"_s);
    Workspace workspace(dir.path());
    workspace.setSecretStore(&store);
    QVERIFY(workspace.open());
    QCOMPARE(workspace.saveCollection(doomed), QString());
    QCOMPARE(workspace.saveCollection(kept), QString());
    const QString path = workspace.collectionPath(doomed.id);
    QVERIFY(QFileInfo::exists(path));
    const QString secretKey = u"workspace/%1/collection/%2"_s.arg(workspace.id(), doomed.id);
    QVERIFY(store.contains(secretKey));

    QSignalSpy collectionsChanged(&workspace, &Workspace::collectionsChanged);
    QCOMPARE(workspace.removeCollection(doomed.id), QString());
    QCOMPARE(collectionsChanged.size(), 1);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!store.contains(secretKey));
    QVERIFY(!workspace.collection(doomed.id));
    QVERIFY(workspace.collection(kept.id));
    QVERIFY(store.contains(u"workspace/%1/collection/%2"_s.arg(workspace.id(), kept.id)));
    QCOMPARE(workspace.collectionPath(doomed.id), QString());

    // Also after a reopen, once the secrets have been read.
    Workspace again(dir.path());
    again.setSecretStore(&store);
    QSignalSpy changed(&again, &Workspace::collectionChanged);
    QVERIFY(again.open());
    QCOMPARE(again.collections().size(), 1);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(again.removeCollection(kept.id), QString());
    QVERIFY(store.keys().filter(u"/collection/"_s).isEmpty());
    QVERIFY(fileNames(dir.filePath(u"collections"_s)).isEmpty());
}

void tst_Workspace::removeEnvironment()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MemorySecretStore store;
    Workspace workspace(dir.path());
    workspace.setSecretStore(&store);
    QVERIFY(workspace.open());
    Environment environment = Environment::make(u"Temp"_s);
    environment.variables = { var(u"s"_s, u"secret"_s, true) };
    QCOMPARE(workspace.saveEnvironment(environment), QString());
    workspace.setCurrentEnvironmentId(environment.id);
    QCOMPARE(workspace.currentEnvironmentId(), environment.id);
    QSignalSpy current(&workspace, &Workspace::currentEnvironmentChanged);
    QCOMPARE(workspace.removeEnvironment(environment.id), QString());
    QCOMPARE(workspace.currentEnvironmentId(), QString());
    QCOMPARE(current.size(), 1);
    QVERIFY(fileNames(dir.filePath(u"environments"_s)).isEmpty());
    QVERIFY(store.keys().filter(u"/environment/"_s).isEmpty());
}

void tst_Workspace::resolverUsesCurrentEnvironment()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace(dir.path());
    QVERIFY(workspace.open());
    Collection collection = Collection::make(u"C"_s);
    collection.variables = { var(u"host"_s, u"collection.example"_s), var(u"path"_s, u"/c"_s) };
    Environment dev = Environment::make(u"Dev"_s);
    dev.variables = { var(u"host"_s, u"dev.example"_s) };
    Environment prod = Environment::make(u"Prod"_s);
    prod.variables = { var(u"host"_s, u"prod.example"_s) };
    Environment globals;
    globals.variables = { var(u"host"_s, u"global.example"_s), var(u"scheme"_s, u"https"_s) };
    QCOMPARE(workspace.saveCollection(collection), QString());
    QCOMPARE(workspace.saveEnvironment(dev), QString());
    QCOMPARE(workspace.saveEnvironment(prod), QString());
    QCOMPARE(workspace.saveGlobals(globals), QString());
    const QString text = u"{{scheme}}://{{host}}{{path}}"_s;

    QCOMPARE(workspace.currentEnvironmentId(), QString());
    QCOMPARE(workspace.resolver(collection.id).resolve(text), u"https://collection.example/c"_s);
    QCOMPARE(workspace.resolver(QString()).resolve(text), u"https://global.example{{path}}"_s);

    QSignalSpy current(&workspace, &Workspace::currentEnvironmentChanged);
    workspace.setCurrentEnvironmentId(dev.id);
    QCOMPARE(current.size(), 1);
    QCOMPARE(workspace.resolver(collection.id).resolve(text), u"https://dev.example/c"_s);
    workspace.setCurrentEnvironmentId(dev.id);
    QCOMPARE(current.size(), 1); // no change, no signal
    workspace.setCurrentEnvironmentId(prod.id);
    QCOMPARE(workspace.resolver(collection.id).resolve(text), u"https://prod.example/c"_s);

    // An environment edited and saved is what the next resolver uses.
    prod.variables[0].value = u"prod2.example"_s;
    QCOMPARE(workspace.saveEnvironment(prod), QString());
    QCOMPARE(workspace.resolver(collection.id).resolve(text), u"https://prod2.example/c"_s);

    workspace.setCurrentEnvironmentId(u"no-such-environment"_s);
    QCOMPARE(workspace.currentEnvironmentId(), QString());
    QCOMPARE(current.size(), 3);
    QCOMPARE(workspace.resolver(collection.id).resolve(text), u"https://collection.example/c"_s);
}

void tst_Workspace::unusableRoot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"a-file"_s);
    QVERIFY(writeFile(file, "x"));
    Workspace workspace(file + u"/ws"_s);
    QVERIFY(!workspace.open());
    QCOMPARE(workspace.messages().size(), 1);
    QVERIFY(workspace.messages().first().contains(u"cannot be created"_s));
}

QTEST_GUILESS_MAIN(tst_Workspace)
#include "tst_workspace.moc"
