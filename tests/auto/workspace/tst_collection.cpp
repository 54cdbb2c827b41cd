#include "workspace/collection.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Postern;

// The collection file format (round trip, stability, one line per field, no secrets), inherited
// authorization, tree edits, and files that are not what they claim to be.
class tst_Collection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileRoundTrip();
    void fileIsStable();
    void oneFieldChangesOneLine_data();
    void oneFieldChangesOneLine();
    void noSecretInFile();
    void inheritedAuth_data();
    void inheritedAuth();
    void insertAndRemove();
    void move_data();
    void move();
    void moveRefused_data();
    void moveRefused();
    void duplicate();
    void renewIds_data();
    void renewIds();
    void hostileFiles_data();
    void hostileFiles();
    void deepNestingBelowParserLimit();
    void repeatedIdsAreRenewed();
};

namespace {

const QString passwordCanary = u"CANARY-basic-password-71"_s;
const QString tokenCanary = u"CANARY-bearer-token-72"_s;
const QString clientSecretCanary = u"CANARY-client-secret-73"_s;
const QString verifierCanary = u"CANARY-code-verifier-74-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
const QString variableCanary = u"CANARY-secret-variable-75"_s;

AuthConfig basicAuth()
{
    AuthConfig auth;
    auth.type = AuthType::Basic;
    auth.username = u"admin"_s;
    auth.password = passwordCanary;
    return auth;
}

AuthConfig bearerAuth()
{
    AuthConfig auth;
    auth.type = AuthType::Bearer;
    auth.token = tokenCanary;
    return auth;
}

AuthConfig oauthAuth()
{
    AuthConfig auth;
    auth.type = AuthType::OAuth2;
    auth.oauth2.tokenName = u"Service token"_s;
    auth.oauth2.authUrl = u"https://auth.example/authorize"_s;
    auth.oauth2.accessTokenUrl = u"https://auth.example/token"_s;
    auth.oauth2.clientId = u"client-1"_s;
    auth.oauth2.clientSecret = clientSecretCanary;
    auth.oauth2.codeVerifier = verifierCanary;
    auth.oauth2.scope = u"read write"_s;
    auth.oauth2.extraParameters
        = { OAuth2ExtraParameter { u"prompt"_s, u"consent"_s, OAuth2ExtraParameter::Stage::Authorization,
                                   OAuth2ExtraParameter::Placement::Query } };
    auth.oauth2TokenId = u"token-id-1"_s;
    return auth;
}

AuthConfig inherit()
{
    AuthConfig auth;
    auth.type = AuthType::Inherit;
    return auth;
}

// A tree using every feature the format knows: nested folders with their own and inherited auth,
// every body mode, scripts, assertions and captures at each level, foreign data, variables (one secret),
// descriptions.
Collection richCollection()
{
    Collection collection = Collection::make(u"Everything"_s);
    collection.description = u"All the features"_s;
    collection.auth = oauthAuth();
    Variable plain;
    plain.key = u"host"_s;
    plain.value = u"example.org"_s;
    plain.description = u"where"_s;
    Variable secret;
    secret.key = u"apiKey"_s;
    secret.value = variableCanary;
    secret.secret = true;
    Variable off;
    off.key = u"off"_s;
    off.value = u"x"_s;
    off.enabled = false;
    collection.variables = { plain, secret, off };
    collection.scripts = QJsonArray { QJsonObject { { u"listen"_s, u"prerequest"_s } } };
    collection.assertions = { { u"res.responseTime"_s, u"lt"_s, u"2000"_s, true } };
    collection.captures = { { u"requestId"_s, u"globals"_s, u"res.headers.x-request-id"_s, false } };
    collection.foreign = QJsonObject { { u"info"_s, QJsonObject { { u"_postman_id"_s, u"abc"_s } } } };

    CollectionItem folder = CollectionItem::makeFolder(u"Folder A"_s);
    folder.description = u"outer"_s;
    folder.assertions = { { u"res.status"_s, u"eq"_s, u"200"_s, true },
                          { u"res.body.result"_s, u"exists"_s, QString(), false } };
    folder.captures = { { u"first"_s, u"collection"_s, u"$.result[0].number"_s, true } };
    CollectionItem inner = CollectionItem::makeFolder(u"Folder B"_s);
    inner.auth = basicAuth();

    HttpRequest raw;
    raw.method = u"POST"_s;
    raw.url = u"https://{{host}}/raw"_s;
    raw.headers = { { u"X-One"_s, u"1"_s, true, {} }, { u"X-Off"_s, u"0"_s, false, u"disabled"_s } };
    raw.body = "{\"a\": 1}";
    raw.bodyContentType = u"application/json"_s;
    raw.auth = bearerAuth();
    raw.timeoutMs = 5000;
    raw.verifyTls = false;
    raw.followRedirects = false;
    raw.assertions = { { u"res.body.ok"_s, u"eq"_s, u"true"_s, true } };
    CollectionItem rawItem = CollectionItem::makeRequest(u"Raw"_s, raw);
    rawItem.scripts = QJsonArray { QJsonObject { { u"listen"_s, u"test"_s } } };
    rawItem.foreign = QJsonObject { { u"protocolProfileBehavior"_s, QJsonObject { { u"x"_s, true } } } };

    HttpRequest form;
    form.method = u"POST"_s;
    form.url = u"https://{{host}}/form"_s;
    form.bodyMode = BodyMode::UrlEncoded;
    form.formFields = { { u"a"_s, u"1"_s, true, {} } };
    form.auth = inherit();

    HttpRequest multipart;
    multipart.method = u"PUT"_s;
    multipart.url = u"https://{{host}}/multipart"_s;
    multipart.bodyMode = BodyMode::FormData;
    FormPart text;
    text.key = u"t"_s;
    text.value = u"v"_s;
    FormPart file;
    file.key = u"f"_s;
    file.value = u"/tmp/file.bin"_s;
    file.isFile = true;
    file.contentType = u"application/octet-stream"_s;
    file.enabled = false;
    multipart.formParts = { text, file };
    multipart.auth = inherit();

    HttpRequest binary;
    binary.method = u"POST"_s;
    binary.url = u"https://{{host}}/binary"_s;
    binary.bodyMode = BodyMode::Binary;
    binary.bodyFile = u"/tmp/upload.bin"_s;
    binary.body = QByteArray("\xff\x00\xfe", 3);

    HttpRequest graphql;
    graphql.method = u"POST"_s;
    graphql.url = u"https://{{host}}/graphql"_s;
    graphql.bodyMode = BodyMode::GraphQL;
    graphql.graphqlQuery = u"query { me { id } }"_s;
    graphql.graphqlVariables = u"{\"x\": 1}"_s;
    graphql.auth = inherit();

    inner.children = { CollectionItem::makeRequest(u"Form"_s, form),
                       CollectionItem::makeRequest(u"Multipart"_s, multipart) };
    folder.children = { inner, CollectionItem::makeRequest(u"GraphQL"_s, graphql) };
    collection.items = { folder, rawItem, CollectionItem::makeRequest(u"Binary"_s, binary),
                         CollectionItem::makeFolder(u"Empty"_s) };
    return collection;
}

QString idOf(const Collection &collection, const QString &name)
{
    QString found;
    std::function<void(const QList<CollectionItem> &)> search = [&](const QList<CollectionItem> &items) {
        for (const CollectionItem &item : items) {
            if (item.name == name)
                found = item.id;
            search(item.children);
        }
    };
    search(collection.items);
    return found;
}

QStringList names(const QList<CollectionItem> &items)
{
    QStringList result;
    for (const CollectionItem &item : items)
        result.append(item.name);
    return result;
}

QStringList allIds(const QList<CollectionItem> &items)
{
    QStringList result;
    for (const CollectionItem &item : items) {
        result.append(item.id);
        result += allIds(item.children);
    }
    return result;
}

} // namespace

void tst_Collection::fileRoundTrip()
{
    const Collection original = richCollection();
    const QByteArray bytes = original.toFileContents();
    QString error;
    QStringList problems;
    const Collection back = Collection::fromFileContents(bytes, &error, &problems);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(back.toJson(), original.toJson());
    QCOMPARE(back.toFileContents(), bytes);
    QCOMPARE(back.id, original.id);
    QCOMPARE(back.requestCount(), 5);
    // Values survive, not only their JSON: a few that are easy to lose.
    const CollectionItem *binary = back.find(idOf(original, u"Binary"_s));
    QVERIFY(binary);
    QCOMPARE(binary->request.body, QByteArray("\xff\x00\xfe", 3));
    QCOMPARE(binary->request.bodyMode, BodyMode::Binary);
    const CollectionItem *folderB = back.find(idOf(original, u"Folder B"_s));
    QVERIFY(folderB && folderB->isFolder());
    QCOMPARE(folderB->auth.type, AuthType::Basic);
    QCOMPARE(folderB->auth.password, QString()); // the secret half is the workspace's business
    const CollectionItem *empty = back.find(idOf(original, u"Empty"_s));
    QVERIFY(empty && empty->isFolder() && empty->children.isEmpty());
    QCOMPARE(empty->auth.type, AuthType::Inherit);
    QCOMPARE(back.variables.size(), 3);
    QCOMPARE(back.variables.at(1).value, QString());
    QVERIFY(back.variables.at(1).secret);
    QVERIFY(!back.variables.at(2).enabled);
    QCOMPARE(back.assertions, original.assertions);
    QCOMPARE(back.captures, original.captures);
    const CollectionItem *folderA = back.find(idOf(original, u"Folder A"_s));
    QVERIFY(folderA);
    QCOMPARE(folderA->assertions, original.find(folderA->id)->assertions);
    QCOMPARE(folderA->captures, original.find(folderA->id)->captures);
    QCOMPARE(back.find(idOf(original, u"Raw"_s))->request.assertions.size(), 1);
}

void tst_Collection::fileIsStable()
{
    const Collection collection = richCollection();
    const QByteArray first = collection.toFileContents();
    QCOMPARE(collection.toFileContents(), first);
    QVERIFY(first.endsWith('\n'));
    // Reading and writing again gives the same bytes (what git sees after a save without edits).
    QString error;
    QCOMPARE(Collection::fromFileContents(first, &error).toFileContents(), first);
    // Keys are sorted: "auth" comes before "id", "items", "name", "postern" at the top level.
    const QList<QByteArray> lines = first.split('\n');
    QStringList topKeys;
    for (const QByteArray &line : lines) {
        if (line.startsWith("    \"") && !line.startsWith("     "))
            topKeys.append(QString::fromUtf8(line.mid(5, line.indexOf('"', 5) - 5)));
    }
    QVERIFY(topKeys.size() >= 6);
    QStringList sorted = topKeys;
    sorted.sort();
    QCOMPARE(topKeys, sorted);
}

void tst_Collection::oneFieldChangesOneLine_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("request URL") << u"url"_s;
    QTest::newRow("request name") << u"name"_s;
    QTest::newRow("header value") << u"header"_s;
    QTest::newRow("variable value") << u"variable"_s;
    QTest::newRow("folder username") << u"username"_s;
}

void tst_Collection::oneFieldChangesOneLine()
{
    QFETCH(QString, field);
    const Collection before = richCollection();
    Collection after = before;
    CollectionItem *raw = after.find(idOf(after, u"Raw"_s));
    QVERIFY(raw);
    if (field == u"url"_s)
        raw->request.url = u"https://{{host}}/changed"_s;
    else if (field == u"name"_s)
        raw->name = u"Renamed"_s;
    else if (field == u"header"_s)
        raw->request.headers[0].value = u"2"_s;
    else if (field == u"variable"_s)
        after.variables[0].value = u"example.net"_s;
    else if (field == u"username"_s)
        after.find(idOf(after, u"Folder B"_s))->auth.username = u"root"_s;

    const QList<QByteArray> a = before.toFileContents().split('\n');
    const QList<QByteArray> b = after.toFileContents().split('\n');
    QCOMPARE(b.size(), a.size());
    QList<int> changed;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i) != b.at(i))
            changed.append(i);
    }
    QCOMPARE(changed.size(), 1);
}

void tst_Collection::noSecretInFile()
{
    const QByteArray bytes = richCollection().toFileContents();
    for (const QString &canary :
         { passwordCanary, tokenCanary, clientSecretCanary, verifierCanary, variableCanary })
        QVERIFY2(!bytes.contains(canary.toUtf8()), qPrintable(canary));
    // The things around them are there (so the test would see a leak).
    QVERIFY(bytes.contains("admin"));
    QVERIFY(bytes.contains("client-1"));
    QVERIFY(bytes.contains("apiKey"));
}

void tst_Collection::inheritedAuth_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<bool>("collectionHasAuth");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("source");

    // Tree: Outer (Inherit) > Middle (Basic) > Inner (Inherit) > Deep (request, Inherit)
    //       Outer > Own (request, Bearer);  Outer > Plain (request, Inherit);  Top (request, Inherit)
    QTest::newRow("inherits through an Inherit folder to a Basic one")
        << u"Deep"_s << true << int(AuthType::Basic) << u"Middle"_s;
    QTest::newRow("its own authorization") << u"Own"_s << true << int(AuthType::Bearer) << u"Own"_s;
    QTest::newRow("through Inherit folders to the collection")
        << u"Plain"_s << true << int(AuthType::OAuth2) << u"Collection"_s;
    QTest::newRow("top-level request to the collection")
        << u"Top"_s << true << int(AuthType::OAuth2) << u"Collection"_s;
    QTest::newRow("collection without authorization")
        << u"Plain"_s << false << int(AuthType::None) << u"Collection"_s;
    QTest::newRow("a folder set to Inherit") << u"Inner"_s << true << int(AuthType::Basic) << u"Middle"_s;
    QTest::newRow("a folder with its own") << u"Middle"_s << true << int(AuthType::Basic) << u"Middle"_s;
    QTest::newRow("unknown id") << u"nope"_s << true << int(AuthType::None) << QString();
}

void tst_Collection::inheritedAuth()
{
    QFETCH(QString, item);
    QFETCH(bool, collectionHasAuth);
    QFETCH(int, type);
    QFETCH(QString, source);

    Collection collection = Collection::make(u"Collection"_s);
    if (collectionHasAuth)
        collection.auth = oauthAuth();
    CollectionItem outer = CollectionItem::makeFolder(u"Outer"_s);
    CollectionItem middle = CollectionItem::makeFolder(u"Middle"_s);
    middle.auth = basicAuth();
    CollectionItem inner = CollectionItem::makeFolder(u"Inner"_s);
    HttpRequest inheriting;
    inheriting.auth = inherit();
    HttpRequest own;
    own.auth = bearerAuth();
    inner.children = { CollectionItem::makeRequest(u"Deep"_s, inheriting) };
    middle.children = { inner };
    outer.children = { middle, CollectionItem::makeRequest(u"Own"_s, own),
                       CollectionItem::makeRequest(u"Plain"_s, inheriting) };
    collection.items = { outer, CollectionItem::makeRequest(u"Top"_s, inheriting) };

    const QString id = item == u"nope"_s ? u"nope"_s : idOf(collection, item);
    QVERIFY(!id.isEmpty());
    const AuthConfig effective = collection.effectiveAuth(id);
    QCOMPARE(int(effective.type), type);
    QCOMPARE(collection.authSource(id), source);
    if (type == int(AuthType::Basic))
        QCOMPARE(effective.password, passwordCanary);
}

void tst_Collection::insertAndRemove()
{
    Collection collection = Collection::make(u"C"_s);
    CollectionItem folder = CollectionItem::makeFolder(u"F"_s);
    const CollectionItem a = CollectionItem::makeRequest(u"A"_s, {});
    const CollectionItem b = CollectionItem::makeRequest(u"B"_s, {});
    const CollectionItem c = CollectionItem::makeRequest(u"C"_s, {});
    QVERIFY(collection.insert(QString(), 0, folder));
    QVERIFY(collection.insert(folder.id, 0, b));
    QVERIFY(collection.insert(folder.id, 0, a)); // before B
    QVERIFY(collection.insert(folder.id, 99, c)); // clamped: the end
    QCOMPARE(names(collection.find(folder.id)->children), (QStringList { u"A"_s, u"B"_s, u"C"_s }));
    QVERIFY(collection.insert(QString(), -1, CollectionItem::makeRequest(u"Last"_s, {})));
    QCOMPARE(names(collection.items), (QStringList { u"F"_s, u"Last"_s }));
    // Into a request or an unknown parent: refused.
    QVERIFY(!collection.insert(a.id, 0, CollectionItem::makeRequest(u"X"_s, {})));
    QVERIFY(!collection.insert(u"unknown"_s, 0, CollectionItem::makeRequest(u"X"_s, {})));

    QString parent;
    int row = -1;
    QVERIFY(collection.locate(b.id, &parent, &row));
    QCOMPARE(parent, folder.id);
    QCOMPARE(row, 1);
    QCOMPARE(collection.ancestors(b.id).size(), 1);
    QCOMPARE(collection.requestCount(), 4);

    QVERIFY(collection.remove(b.id));
    QVERIFY(!collection.find(b.id));
    QVERIFY(!collection.remove(b.id));
    QCOMPARE(names(collection.find(folder.id)->children), (QStringList { u"A"_s, u"C"_s }));
    QVERIFY(collection.remove(folder.id)); // with its children
    QVERIFY(!collection.find(a.id));
    QCOMPARE(collection.requestCount(), 1);
}

void tst_Collection::move_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("parent"); // "" top level
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("top");
    QTest::addColumn<QStringList>("inFolder");

    // Start: top [A, B, C, F], F [X, Y]. Rows count in the list as it was before the move.
    const QStringList folder { u"X"_s, u"Y"_s };
    QTest::newRow("down in the same parent")
        << u"A"_s << QString() << 2 << QStringList { u"B"_s, u"A"_s, u"C"_s, u"F"_s } << folder;
    QTest::newRow("to the end of the same parent")
        << u"A"_s << QString() << 4 << QStringList { u"B"_s, u"C"_s, u"F"_s, u"A"_s } << folder;
    QTest::newRow("up in the same parent")
        << u"C"_s << QString() << 0 << QStringList { u"C"_s, u"A"_s, u"B"_s, u"F"_s } << folder;
    QTest::newRow("onto its own row")
        << u"B"_s << QString() << 1 << QStringList { u"A"_s, u"B"_s, u"C"_s, u"F"_s } << folder;
    QTest::newRow("just after itself")
        << u"B"_s << QString() << 2 << QStringList { u"A"_s, u"B"_s, u"C"_s, u"F"_s } << folder;
    QTest::newRow("into a folder") << u"B"_s << u"F"_s << 1 << QStringList { u"A"_s, u"C"_s, u"F"_s }
                                   << QStringList { u"X"_s, u"B"_s, u"Y"_s };
    QTest::newRow("into a folder, row clamped")
        << u"A"_s << u"F"_s << 50 << QStringList { u"B"_s, u"C"_s, u"F"_s }
        << QStringList { u"X"_s, u"Y"_s, u"A"_s };
    QTest::newRow("out of a folder") << u"Y"_s << QString() << 0
                                     << QStringList { u"Y"_s, u"A"_s, u"B"_s, u"C"_s, u"F"_s }
                                     << QStringList { u"X"_s };
    QTest::newRow("append with -1") << u"X"_s << QString() << -1
                                    << QStringList { u"A"_s, u"B"_s, u"C"_s, u"F"_s, u"X"_s }
                                    << QStringList { u"Y"_s };
}

void tst_Collection::move()
{
    QFETCH(QString, item);
    QFETCH(QString, parent);
    QFETCH(int, row);
    QFETCH(QStringList, top);
    QFETCH(QStringList, inFolder);

    Collection collection = Collection::make(u"C"_s);
    CollectionItem folder = CollectionItem::makeFolder(u"F"_s);
    folder.children = { CollectionItem::makeRequest(u"X"_s, {}), CollectionItem::makeRequest(u"Y"_s, {}) };
    collection.items = { CollectionItem::makeRequest(u"A"_s, {}), CollectionItem::makeRequest(u"B"_s, {}),
                         CollectionItem::makeRequest(u"C"_s, {}), folder };
    const QString id = idOf(collection, item);
    QVERIFY(collection.move(id, parent.isEmpty() ? QString() : idOf(collection, parent), row));
    QCOMPARE(names(collection.items), top);
    QCOMPARE(names(collection.find(folder.id)->children), inFolder);
    QVERIFY(collection.find(id)); // the same id, not a copy
    QCOMPARE(allIds(collection.items).size(), 6);
}

void tst_Collection::moveRefused_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("parent");

    QTest::newRow("a folder into itself") << u"Outer"_s << u"Outer"_s;
    QTest::newRow("a folder into its child") << u"Outer"_s << u"Inner"_s;
    QTest::newRow("a folder into its grandchild") << u"Outer"_s << u"Deepest"_s;
    QTest::newRow("into a request") << u"Loose"_s << u"Leaf"_s;
    QTest::newRow("into an unknown folder") << u"Loose"_s << u"unknown"_s;
    QTest::newRow("an unknown item") << u"unknown"_s << QString();
}

void tst_Collection::moveRefused()
{
    QFETCH(QString, item);
    QFETCH(QString, parent);

    Collection collection = Collection::make(u"C"_s);
    CollectionItem deepest = CollectionItem::makeFolder(u"Deepest"_s);
    deepest.children = { CollectionItem::makeRequest(u"Leaf"_s, {}) };
    CollectionItem inner = CollectionItem::makeFolder(u"Inner"_s);
    inner.children = { deepest };
    CollectionItem outer = CollectionItem::makeFolder(u"Outer"_s);
    outer.children = { inner };
    collection.items = { outer, CollectionItem::makeRequest(u"Loose"_s, {}) };
    const QByteArray before = collection.toFileContents();

    auto resolveName = [&](const QString &name) {
        if (name.isEmpty() || name == u"unknown"_s)
            return name;
        return idOf(collection, name);
    };
    QVERIFY(!collection.move(resolveName(item), resolveName(parent), 0));
    QCOMPARE(collection.toFileContents(), before); // nothing lost, nothing moved
}

void tst_Collection::duplicate()
{
    Collection collection = richCollection();
    const QString folderId = idOf(collection, u"Folder A"_s);
    const QStringList idsBefore = allIds(collection.items);
    const QString copyId = collection.duplicate(folderId);
    QVERIFY(!copyId.isEmpty());
    QString parent;
    int row = -1;
    QVERIFY(collection.locate(copyId, &parent, &row));
    QCOMPARE(parent, QString());
    QCOMPARE(row, 1); // right after the original
    const CollectionItem *copy = collection.find(copyId);
    QCOMPARE(copy->name, u"Folder A Copy"_s);
    // New ids everywhere in the copy, none shared with anything else.
    const QStringList copyIds = allIds({ *copy });
    QCOMPARE(copyIds.size(), 5);
    for (const QString &id : copyIds)
        QVERIFY(!idsBefore.contains(id));
    const QStringList idsAfter = allIds(collection.items);
    QCOMPARE(QSet<QString>(idsAfter.cbegin(), idsAfter.cend()).size(), idsAfter.size());
    // Same content under the new names and ids.
    QCOMPARE(copy->children.size(), 2);
    QCOMPARE(copy->children.at(0).name, u"Folder B"_s);
    QCOMPARE(copy->children.at(0).auth.type, AuthType::Basic);
    QCOMPARE(collection.requestCount(), 8);

    const QString requestCopy = collection.duplicate(idOf(collection, u"Raw"_s), u" (2)"_s);
    QCOMPARE(collection.find(requestCopy)->name, u"Raw (2)"_s);
    QCOMPARE(collection.find(requestCopy)->request.url, u"https://{{host}}/raw"_s);
    QCOMPARE(collection.duplicate(u"unknown"_s), QString());
}

void tst_Collection::renewIds_data()
{
    QTest::addColumn<QString>("itemName"); // empty: the whole collection
    QTest::newRow("whole collection") << QString();
    QTest::newRow("folder with a subfolder") << u"Folder A"_s;
    QTest::newRow("single request") << u"Raw"_s;
}

void tst_Collection::renewIds()
{
    QFETCH(QString, itemName);
    const Collection original = richCollection();
    // The same tree with every id blanked: what must not change.
    const auto withoutIds = [](Collection collection) {
        collection.id.clear();
        std::function<void(QList<CollectionItem> &)> blank = [&blank](QList<CollectionItem> &items) {
            for (CollectionItem &item : items) {
                item.id.clear();
                blank(item.children);
            }
        };
        blank(collection.items);
        return collection.toFileContents();
    };

    Collection renewed = original;
    QStringList oldIds;
    QStringList newIds;
    if (itemName.isEmpty()) {
        renewed.renewIds();
        QVERIFY(!renewed.id.isEmpty());
        QVERIFY(renewed.id != original.id);
        oldIds = allIds(original.items) << original.id;
        newIds = allIds(renewed.items) << renewed.id;
    } else {
        const QString id = idOf(original, itemName);
        CollectionItem *item = renewed.find(id);
        QVERIFY(item);
        item->renewIds();
        oldIds = allIds({ *original.find(id) });
        newIds = allIds({ *item });
        QCOMPARE(renewed.id, original.id);
    }
    QCOMPARE(withoutIds(renewed), withoutIds(original)); // the tree is kept
    QCOMPARE(newIds.size(), oldIds.size());
    for (const QString &id : std::as_const(newIds)) {
        QVERIFY(!id.isEmpty());
        QVERIFY2(!oldIds.contains(id), qPrintable(id));
    }
    const QStringList everyId = allIds(renewed.items) << renewed.id;
    QCOMPARE(QSet<QString>(everyId.cbegin(), everyId.cend()).size(), everyId.size()); // all unique
}

void tst_Collection::hostileFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<QString>("message"); // part of the error, or of a problem

    QTest::newRow("empty file") << QByteArray() << true << u"not valid JSON"_s;
    QTest::newRow("not JSON") << QByteArray("this is not json {") << true << u"not valid JSON"_s;
    QTest::newRow("truncated") << QByteArray(R"({"postern": "collection", "items": [)") << true
                               << u"not valid JSON"_s;
    QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe\x01garbage", 11) << true
                                    << u"not valid JSON"_s;
    QTest::newRow("an array") << QByteArray(R"([{"postern": "collection"}])") << true
                              << u"not a Postern collection"_s;
    QTest::newRow("no marker") << QByteArray(R"({"name": "x", "items": []})") << true
                               << u"not a Postern collection"_s;
    QTest::newRow("wrong marker") << QByteArray(R"({"postern": "environment"})") << true
                                  << u"not a Postern collection"_s;
    QTest::newRow("marker of the wrong type")
        << QByteArray(R"({"postern": 1})") << true << u"not a Postern collection"_s;
    QTest::newRow("wrong types everywhere")
        << QByteArray(R"({"postern": "collection", "id": 5, "name": [], "description": {}, "auth": "basic",
                         "variables": {"a": 1}, "items": {"x": 1}, "scripts": "s", "foreign": []})")
        << false << QString();
    QTest::newRow("wrong types in items") << QByteArray(
        R"({"postern": "collection", "items": [1, "x", null, [], {"type": "folder", "items": 7, "auth": 3},
                         {"type": "request", "request": "GET /"},
                         {"type": "request", "request": {"method": 5, "url": [], "headers": "h", "timeoutMs": -4,
                          "body": {"base64": "!!!"}}}]})")
                                          << false << u"method"_s;
    QTest::newRow("a newer format") << QByteArray(R"({"postern": "collection", "formatVersion": 99})")
                                    << false << u"newer Postern"_s;
    QTest::newRow("10,000-deep arrays") << (QByteArray(R"({"postern": "collection", "items": )")
                                            + QByteArray(10000, '[') + QByteArray(10000, ']') + "}")
                                        << true << u"not valid JSON"_s;
    QByteArray deepFolders = R"({"postern": "collection", "items": [)";
    for (int i = 0; i < 10000; ++i)
        deepFolders += R"({"type": "folder", "items": [)";
    for (int i = 0; i < 10000; ++i)
        deepFolders += "]}";
    deepFolders += "]}";
    QTest::newRow("10,000-deep folders") << deepFolders << true << u"not valid JSON"_s;
    QTest::newRow("huge strings")
        << (QByteArray(R"({"postern": "collection", "name": ")") + QByteArray(8 * 1024 * 1024, 'n')
            + R"(", "items": [{"type": "request", "name": "r", "request": {"url": ")"
            + QByteArray(8 * 1024 * 1024, 'u') + R"("}}]})")
        << false << QString();
}

void tst_Collection::hostileFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, fails);
    QFETCH(QString, message);

    QString error;
    QStringList problems;
    const Collection collection = Collection::fromFileContents(data, &error, &problems);
    QCOMPARE(!error.isEmpty(), fails);
    const QString said = error + u'\n' + problems.join(u'\n');
    if (!message.isEmpty())
        QVERIFY2(said.contains(message, Qt::CaseInsensitive), qPrintable(said.left(500)));
    if (!fails) {
        QVERIFY(!collection.id.isEmpty()); // every collection gets an id
        // Whatever was understood can be written and read again.
        QString again;
        const Collection back = Collection::fromFileContents(collection.toFileContents(), &again);
        QVERIFY2(again.isEmpty(), qPrintable(again));
        QCOMPARE(back.toJson(), collection.toJson());
    }
}

void tst_Collection::deepNestingBelowParserLimit()
{
    // Deep enough to hit the collection's own limit, shallow enough for the JSON parser.
    QByteArray data = R"({"postern": "collection", "items": [)";
    const int depth = 400;
    for (int i = 0; i < depth; ++i)
        data += R"({"type": "folder", "name": "f", "items": [)";
    data += R"({"type": "request", "name": "leaf"})";
    for (int i = 0; i < depth; ++i)
        data += "]}";
    data += "]}";
    QString error;
    QStringList problems;
    const Collection collection = Collection::fromFileContents(data, &error, &problems);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.join(u'\n').contains(u"nested deeper"_s), qPrintable(problems.join(u'\n')));
    QCOMPARE(collection.requestCount(), 0);
    // What was read writes and reads back without trouble.
    QString again;
    Collection::fromFileContents(collection.toFileContents(), &again);
    QVERIFY(again.isEmpty());
}

void tst_Collection::repeatedIdsAreRenewed()
{
    // A hand-edited file with one id twice: find(), remove() and tabs would hit the first only.
    const QByteArray file = R"({"postern": "collection", "id": "c", "name": "Twice", "items": [
        {"id": "same", "name": "A", "type": "request", "request": {"url": "https://a.invalid"}},
        {"id": "folder", "name": "F", "type": "folder", "items": [
            {"id": "same", "name": "B", "type": "request", "request": {"url": "https://b.invalid"}}]}]})";
    QString error;
    QStringList problems;
    const Collection collection = Collection::fromFileContents(file, &error, &problems);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(collection.items.first().id, u"same"_s);
    const QString second = collection.items.at(1).children.first().id;
    QVERIFY(second != u"same"_s && !second.isEmpty());
    QCOMPARE(collection.find(second)->name, u"B"_s);
    QVERIFY2(problems.join(u' ').contains(u"new id"_s), qPrintable(problems.join(u' ')));
}

QTEST_GUILESS_MAIN(tst_Collection)
#include "tst_collection.moc"
