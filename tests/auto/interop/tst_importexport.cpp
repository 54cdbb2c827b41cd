#include "interop/interop.h"
#include "interop/workspaceimport.h"
#include "secrets/memorysecretstore.h"
#include "workspace/workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(POSTERN_TEST_DATA_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString jsonError(const QByteArray &data)
{
    QJsonParseError error;
    QJsonDocument::fromJson(data, &error);
    return u"Not imported: It is not valid JSON (%1 at byte %2)."_s.arg(error.errorString())
        .arg(error.offset);
}

QByteArray posternCollection()
{
    Collection collection = Collection::make(u"Own collection"_s);
    HttpRequest request;
    request.url = u"https://example.test/a"_s;
    collection.items.append(CollectionItem::makeRequest(u"A"_s, request));
    QJsonObject object = collection.toJson();
    object.insert(u"postern"_s, u"collection"_s);
    return QJsonDocument(object).toJson();
}

QByteArray posternEnvironment()
{
    Environment environment = Environment::make(u"Own environment"_s);
    environment.variables.append({ u"host"_s, u"example.test"_s, true, false, QString() });
    QJsonObject object = environment.toJson();
    object.insert(u"postern"_s, u"environment"_s);
    return QJsonDocument(object).toJson();
}

} // namespace

// Import and export without a window: each kind of file put into a real workspace folder, the
// message for a file that is refused, the summary the user reads, and the exported files.
class tst_ImportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsEachKind_data();
    void importsEachKind();
    void refusesHostileInput_data();
    void refusesHostileInput();
    void refusesFileTooBigOrMissing();
    void takenIdsGetCopies();
    void summaryText();
    void exportsWithOrWithoutSecrets();
    void exportRefusesUnknownIds();
    void exportFileName();

private:
    std::unique_ptr<QTemporaryDir> m_root;
    MemorySecretStore m_secrets;
    std::unique_ptr<Workspace> m_workspace;
};

void tst_ImportExport::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    m_workspace = std::make_unique<Workspace>(m_root->path());
    m_workspace->setSecretStore(&m_secrets);
    QVERIFY(m_workspace->open());
}

void tst_ImportExport::cleanup()
{
    m_workspace.reset();
    m_root.reset();
}

void tst_ImportExport::importsEachKind_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("kind"); // collection, environment or request

    QTest::newRow("Postman collection v2.1") << readData(u"crafted/features-v21.postman_collection.json"_s)
                                             << u"Imported the collection \u201c"_s << u"collection"_s;
    QTest::newRow("Postman collection v2.0") << readData(u"postmanlabs/nested-v2-collection.json"_s)
                                             << u"Imported the collection \u201c"_s << u"collection"_s;
    QTest::newRow("newman sandbox collection")
        << readData(u"newman/sandbox.postman_collection.json"_s)
        << u"Imported the collection \u201cSandbox instance\u201d ("_s << u"collection"_s;
    QTest::newRow("Postman environment")
        << readData(u"environments/dev.postman_environment.json"_s)
        << u"Imported the environment \u201cDev\u201d (5 variables)."_s << u"environment"_s;
    QTest::newRow("Postern collection")
        << posternCollection() << u"Imported the collection \u201cOwn collection\u201d (1 requests)."_s
        << u"collection"_s;
    QTest::newRow("Postern environment")
        << posternEnvironment() << u"Imported the environment \u201cOwn environment\u201d (1 variables)."_s
        << u"environment"_s;
    QTest::newRow("curl command") << QByteArray(
        "curl -H 'Accept: application/json' https://example.test/items\n")
                                  << u"Imported the curl command into a new tab."_s << u"request"_s;
}

void tst_ImportExport::importsEachKind()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, title);
    QFETCH(QString, kind);

    const ImportOutcome outcome = WorkspaceImport::importData(m_workspace.get(), data);
    QVERIFY2(outcome.ok(), qPrintable(outcome.title()));
    QVERIFY2(outcome.title().startsWith(title), qPrintable(outcome.title()));
    QCOMPARE(outcome.heading(), u"Import Summary"_s);
    if (kind == u"collection"_s) {
        const Collection *saved = m_workspace->collection(outcome.collectionId);
        QVERIFY(saved);
        QVERIFY(outcome.title().contains(u"(%1 requests)."_s.arg(saved->requestCount())));
        QVERIFY(QFile::exists(m_workspace->collectionPath(outcome.collectionId)));
        QVERIFY(!outcome.request);
    } else if (kind == u"environment"_s) {
        QVERIFY(m_workspace->environment(outcome.environmentId));
        QVERIFY(outcome.collectionId.isEmpty());
    } else {
        QVERIFY(outcome.request);
        QCOMPARE(outcome.request->url, u"https://example.test/items"_s);
        QVERIFY(m_workspace->collections().isEmpty());
        QVERIFY(m_workspace->environments().isEmpty());
    }
}

void tst_ImportExport::refusesHostileInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("title");

    const QByteArray notJson("{\"info\": {\"name\": \"x\"");
    QTest::newRow("not JSON") << notJson << jsonError(notJson);
    QTest::newRow("empty") << QByteArray("  \n") << u"Not imported: The file is empty."_s;
    QTest::newRow("a list")
        << QByteArray("[1, 2]")
        << u"Not imported: It is not a collection or an environment: the file holds a list, not "
           u"an object."_s;
    QTest::newRow("unknown kind")
        << QByteArray("{\"something\": \"else\"}")
        << u"Not imported: It is not a Postman collection (v2.0 or v2.1), a Postman environment, a Postern "
           u"collection or environment, or a curl command."_s;
    QByteArray tooBig(Interop::maxFileSize + 1, ' ');
    tooBig[0] = '{';
    QTest::newRow("too big")
        << tooBig << u"Not imported: The file is larger than 64 MiB; Postern does not import it."_s;
}

void tst_ImportExport::refusesHostileInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, title);

    const ImportOutcome outcome = WorkspaceImport::importData(m_workspace.get(), data);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.title(), title);
    QCOMPARE(outcome.heading(), u"Not Imported"_s);
    QVERIFY(outcome.summary.isEmpty());
    QVERIFY(outcome.notesLine().isEmpty());
    QVERIFY(m_workspace->collections().isEmpty());
    QVERIFY(m_workspace->environments().isEmpty());
}

void tst_ImportExport::refusesFileTooBigOrMissing()
{
    QTemporaryDir dir;
    QFile big(dir.filePath(u"big.json"_s));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(Interop::maxFileSize + 1)); // sparse: nothing is read
    big.close();
    QCOMPARE(WorkspaceImport::importFile(m_workspace.get(), big.fileName()).title(),
             u"Not imported: the file is larger than 64 MiB."_s);

    const ImportOutcome missing
        = WorkspaceImport::importFile(m_workspace.get(), dir.filePath(u"none.json"_s));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.title().startsWith(u"Not imported: "_s), qPrintable(missing.title()));

    QFile good(dir.filePath(u"dev.json"_s));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(readData(u"environments/dev.postman_environment.json"_s));
    good.close();
    QVERIFY(WorkspaceImport::importFile(m_workspace.get(), good.fileName()).ok());
}

void tst_ImportExport::takenIdsGetCopies()
{
    const QByteArray collection = readData(u"newman/sandbox.postman_collection.json"_s);
    const ImportOutcome first = WorkspaceImport::importData(m_workspace.get(), collection);
    const ImportOutcome second = WorkspaceImport::importData(m_workspace.get(), collection);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first.collectionId != second.collectionId);
    QCOMPARE(m_workspace->collections().size(), 2);
    QCOMPARE(second.summary.value(0),
             u"A collection with the same id is already in the workspace; this one was "
             u"imported as a copy with new ids."_s);

    const QByteArray environment = readData(u"environments/dev.postman_environment.json"_s);
    const ImportOutcome one = WorkspaceImport::importData(m_workspace.get(), environment);
    const ImportOutcome two = WorkspaceImport::importData(m_workspace.get(), environment);
    QVERIFY(one.environmentId != two.environmentId);
    QCOMPARE(
        two.summary.value(0),
        u"An environment with the same id is already in the workspace; this one was imported as a copy."_s);
}

void tst_ImportExport::summaryText()
{
    // Parts Postern keeps but does not use are listed, one line each, under a count.
    const ImportOutcome kept = WorkspaceImport::importData(
        m_workspace.get(), readData(u"crafted/unsupported.postman_collection.json"_s));
    QVERIFY(kept.ok());
    QVERIFY(kept.summary.size() >= 2);
    QCOMPARE(kept.notesLine(),
             u"%1 note(s) on what Postern keeps but does not use yet (it exports it back), or "
             u"leaves out."_s.arg(kept.summary.size()));

    // A file a request would send is named, with whether Send may read it.
    const QByteArray withFile = R"({"info": {"name": "Files", "schema":
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "Upload", "request": {"method": "POST", "url": "https://example.test/up",
        "body": {"mode": "file", "file": {"src": "/etc/hostname"}}}}]})";
    const ImportOutcome files = WorkspaceImport::importData(m_workspace.get(), withFile);
    QVERIFY2(files.ok(), qPrintable(files.title()));
    QVERIFY2(
        files.summary.contains(
            u"Request \u201cUpload\u201d names the file /etc/hostname as its binary body; it is outside the "
            u"working directory %1, so Send refuses it unless you copy it there or choose it with the file "
            u"dialog."_s.arg(QDir::toNativeSeparators(m_root->filePath(u"files"_s)))),
        qPrintable(files.summary.join(u'\n')));
}

void tst_ImportExport::exportsWithOrWithoutSecrets()
{
    const ImportOutcome environment = WorkspaceImport::importData(
        m_workspace.get(), readData(u"environments/dev.postman_environment.json"_s));
    QVERIFY(environment.ok());
    QTemporaryDir dir;
    const QString omitted = dir.filePath(u"omitted.json"_s);
    const QString included = dir.filePath(u"included.json"_s);
    QCOMPARE(WorkspaceExport::exportEnvironment(m_workspace.get(), environment.environmentId, omitted,
                                                WorkspaceExport::Secrets::Omit),
             QString());
    QCOMPARE(WorkspaceExport::exportEnvironment(m_workspace.get(), environment.environmentId, included,
                                                WorkspaceExport::Secrets::Include),
             QString());
    QFile omittedFile(omitted);
    QFile includedFile(included);
    QVERIFY(omittedFile.open(QIODevice::ReadOnly) && includedFile.open(QIODevice::ReadOnly));
    const QByteArray withoutSecrets = omittedFile.readAll();
    const QByteArray withSecrets = includedFile.readAll();
    QVERIFY(withoutSecrets.contains("https://dev.example.test"));
    QVERIFY(!withoutSecrets.contains("dev-client-secret"));
    QVERIFY(withSecrets.contains("dev-client-secret"));

    const QByteArray basic = R"({"info": {"name": "Basic", "schema":
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "Get", "request": {"method": "GET", "url": "https://example.test/",
        "auth": {"type": "basic", "basic": [{"key": "username", "value": "alice"},
        {"key": "password", "value": "s3cret-pass"}]}}}]})";
    const ImportOutcome collection = WorkspaceImport::importData(m_workspace.get(), basic);
    QVERIFY2(collection.ok(), qPrintable(collection.title()));
    const QString collectionOmitted = dir.filePath(u"c-omitted.json"_s);
    const QString collectionIncluded = dir.filePath(u"c-included.json"_s);
    QCOMPARE(WorkspaceExport::exportCollection(m_workspace.get(), collection.collectionId, collectionOmitted,
                                               WorkspaceExport::Secrets::Omit),
             QString());
    QCOMPARE(WorkspaceExport::exportCollection(m_workspace.get(), collection.collectionId, collectionIncluded,
                                               WorkspaceExport::Secrets::Include),
             QString());
    QFile a(collectionOmitted);
    QFile b(collectionIncluded);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray c1 = a.readAll();
    const QByteArray c2 = b.readAll();
    QVERIFY(c1.contains("alice") && !c1.contains("s3cret-pass"));
    QVERIFY(c2.contains("s3cret-pass"));
    QVERIFY(c1.contains("collection/v2.1.0"));

    // The globals are exported like an environment.
    const QString globals = dir.filePath(u"globals.json"_s);
    QCOMPARE(WorkspaceExport::exportEnvironment(m_workspace.get(), m_workspace->globals().id, globals,
                                                WorkspaceExport::Secrets::Omit),
             QString());
    QVERIFY(QFile::exists(globals));
}

void tst_ImportExport::exportRefusesUnknownIds()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.json"_s);
    QCOMPARE(
        WorkspaceExport::exportCollection(m_workspace.get(), u"nope"_s, path, WorkspaceExport::Secrets::Omit),
        u"The collection is not in the workspace."_s);
    QCOMPARE(WorkspaceExport::exportEnvironment(m_workspace.get(), u"nope"_s, path,
                                                WorkspaceExport::Secrets::Omit),
             u"The environment is not in the workspace."_s);
    QVERIFY(!QFile::exists(path));
}

void tst_ImportExport::exportFileName()
{
    QCOMPARE(WorkspaceExport::fileName(u"My API: v2/β"_s, u".postman_collection.json"_s),
             u"My_API_v2_.postman_collection.json"_s);
    QCOMPARE(WorkspaceExport::fileName(u"dev-1.x_y"_s, u".json"_s), u"dev-1.x_y.json"_s);
}

QTEST_GUILESS_MAIN(tst_ImportExport)
#include "tst_importexport.moc"
