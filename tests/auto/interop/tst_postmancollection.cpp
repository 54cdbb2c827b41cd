#include "interop/postmancollection.h"
#include "postman/postmanjson.h"
#include "postman/postmanurl.h"
#include "scripting/scriptevents.h"
#include "workspace/workspacesecrets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(POSTERN_TEST_DATA_DIR) + u'/' + name;
}

QByteArray readData(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const CollectionItem *byName(const QList<CollectionItem> &items, const QString &name)
{
    for (const CollectionItem &item : items) {
        if (item.name == name)
            return &item;
        if (const CollectionItem *found = byName(item.children, name))
            return found;
    }
    return nullptr;
}

void collectIds(const QList<CollectionItem> &items, QStringList *ids)
{
    for (const CollectionItem &item : items) {
        ids->append(item.id);
        collectIds(item.children, ids);
    }
}

// A collection nested `depth` folders deep, with one request at the bottom.
QByteArray nested(int depth)
{
    QJsonObject item { { u"name"_s, u"bottom"_s }, { u"request"_s, u"https://example.test/"_s } };
    for (int i = 0; i < depth; ++i)
        item
            = QJsonObject { { u"name"_s, u"level %1"_s.arg(depth - i) }, { u"item"_s, QJsonArray { item } } };
    const QJsonObject root { { u"info"_s,
                               QJsonObject { { u"name"_s, u"deep"_s },
                                             { u"schema"_s, PostmanCollection::schemaV21() } } },
                             { u"item"_s, QJsonArray { item } } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray withItem(const QJsonObject &item)
{
    const QJsonObject root { { u"info"_s,
                               QJsonObject { { u"name"_s, u"odd"_s },
                                             { u"schema"_s, PostmanCollection::schemaV21() } } },
                             { u"item"_s, QJsonArray { item } } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_PostmanCollection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deviceGrantRoundTrips();
    void jwtBearerGrantRoundTrips();
    void roundTrip_data();
    void roundTrip();
    void summary_data();
    void summary();
    void featuresV21();
    void featuresV20();
    void unsupportedKeptForExport();
    void secretsOmittedUnlessAsked();
    void unsupportedSecretsNeverImported();
    void idsArePostmansAndStable();
    void posternCollectionRoundTrip();
    void exportShape();
    void earlyV2Shapes();
    void hostile_data();
    void hostile();
    void looksLikePostman_data();
    void looksLikePostman();
    void exportIsAFixpoint_data();
    void exportIsAFixpoint();
    void variableReferencesAreNotSecrets();
    void passwordGrantKeepsItsVariables();
    void queryWithoutValue_data();
    void queryWithoutValue();
    void variableUrlParts_data();
    void variableUrlParts();
    void repeatedIdsInLinearTime();
    void idsStableWithoutIds();
    void exampleSecretsKeptOut();
    void emptyScriptsAreNotScripts();
    void wholeNumbers_data();
    void wholeNumbers();
};

void tst_PostmanCollection::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    const QDir data(QStringLiteral(POSTERN_TEST_DATA_DIR));
    for (const QString &folder : { u"crafted"_s, u"postmanlabs"_s, u"newman"_s }) {
        const QStringList inFolder
            = QDir(data.filePath(folder)).entryList({ u"*.json"_s }, QDir::Files, QDir::Name);
        QVERIFY2(!inFolder.isEmpty(), qPrintable(folder));
        for (const QString &file : inFolder)
            QTest::newRow(qPrintable(folder + u'/' + file)) << folder + u'/' + file;
    }
}

// import → export → import gives the same collection, secrets and ids included; exporting that again
// gives the same bytes.
void tst_PostmanCollection::roundTrip()
{
    QFETCH(QString, file);
    const PostmanImport first = PostmanCollection::import(readData(file));
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(!first.collection.items.isEmpty());

    const QByteArray exported
        = PostmanCollection::exportV21(first.collection, PostmanCollection::Secrets::Include);
    const QJsonObject exportedObject = parse(exported);
    QCOMPARE(exportedObject.value(u"info"_s).toObject().value(u"schema"_s).toString(),
             PostmanCollection::schemaV21());

    const PostmanImport second = PostmanCollection::import(exported);
    QVERIFY2(second.ok(), qPrintable(second.error));
    const QByteArray a = compact(first.collection.toJson());
    const QByteArray b = compact(second.collection.toJson());
    if (a != b) {
        qWarning("first:  %s", a.constData());
        qWarning("second: %s", b.constData());
    }
    QCOMPARE(b, a);
    QCOMPARE(PostmanCollection::exportV21(second.collection, PostmanCollection::Secrets::Include), exported);
    QCOMPARE(second.collection.requestCount(), first.collection.requestCount());
}

void tst_PostmanCollection::summary_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("features v2.1")
        << u"crafted/features-v21.postman_collection.json"_s
        << QStringList {
               u"Request \u201cOAuth 2.0 password\u201d: the OAuth 2.0 password is not imported; Postern asks for it when it gets a token"_s,
               u"Request \u201cOAuth 2.0 client credentials\u201d: 1 disabled OAuth 2.0 extra parameter is kept for export but not sent"_s,
               u"Request \u201cOAuth 2.0 client credentials\u201d: OAuth 2.0 settings Postern does not use (useBrowser) are kept for export"_s,
               u"Request \u201cURL as parts\u201d: 1 disabled query parameter is kept for export but not shown"_s,
               u"Request \u201cURL as parts\u201d: 1 path variable (:name) is kept for export but not substituted"_s,
           };
    QTest::newRow("features v2.0")
        << u"crafted/features-v20.postman_collection.json"_s
        << QStringList {
               u"Folder \u201cFolder with basic auth\u201d: Basic Auth settings Postern does not use (saveHelperData) are kept for export"_s,
           };
    QTest::newRow("unsupported")
        << u"crafted/unsupported.postman_collection.json"_s
        << QStringList {
               u"The collection: API Key auth is not supported; kept for export but not sent (its secret values are left out: value)"_s,
               u"Request \u201cLogin\u201d: API Key auth is not supported; kept for export but not sent (its secret values are left out: value)"_s,
               u"Request \u201cLogin\u201d: its proxy settings are kept for export but not used"_s,
               u"Request \u201cLogin\u201d: its client certificate settings are kept for export but not used"_s,
               u"Request \u201cLogin\u201d: request settings Postern does not use (disableBodyPruning) are kept for export"_s,
               u"Request \u201cLogin\u201d: fields Postern does not use are kept for export: body.disabled"_s,
               u"Request \u201cLogin\u201d: 2 saved responses (examples) are kept for export but not shown"_s,
               u"Request \u201cLogin\u201d: fields Postern does not use are kept for export: x-owner"_s,
               u"Request \u201cDigest\u201d: Digest auth is not supported; kept for export but not sent (its secret values are left out: password)"_s,
               u"Request \u201cAWS\u201d: AWS Signature auth is not supported; kept for export but not sent (its secret values are left out: secretKey)"_s,
               u"Request \u201cHawk\u201d: Hawk auth is not supported; kept for export but not sent (its secret values are left out: authKey)"_s,
               u"Request \u201cNTLM\u201d: NTLM auth is not supported; kept for export but not sent (its secret values are left out: password)"_s,
               u"Request \u201cOAuth 1.0\u201d: OAuth 1.0 auth is not supported; kept for export but not sent (its secret values are left out: consumerSecret)"_s,
               u"Request \u201cPath variables\u201d: 2 disabled query parameters are kept for export but not shown"_s,
               u"Request \u201cPath variables\u201d: 2 path variables (:name) are kept for export but not substituted"_s,
               u"Request \u201cPath variables\u201d: fields Postern does not use are kept for export: url.description"_s,
               u"Folder \u201cOther auth types\u201d: its variables are kept for export but not used"_s,
               u"The collection: its request settings (protocolProfileBehavior) are kept for export but not used"_s,
               u"The collection: fields Postern does not use are kept for export: x-team"_s,
           };
    QTest::newRow("postmanlabs digest")
        << u"postmanlabs/digest.json"_s
        << QStringList {
               u"Request \u201cDigestAuth Request\u201d: 1 saved response (example) is kept for export but not shown"_s,
               u"Request \u201cDigestAuth Success\u201d: Digest auth is not supported; kept for export but not sent (its secret values are left out: password)"_s,
           };
    QTest::newRow("postmanlabs nested") << u"postmanlabs/nested-v2-collection.json"_s << QStringList {};
}

void tst_PostmanCollection::summary()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const PostmanImport result = PostmanCollection::import(readData(file));
    QVERIFY2(result.ok(), qPrintable(result.error));
    if (result.summary != expected)
        qWarning().noquote() << u"actual summary:\n"_s + result.summary.join(u'\n');
    QCOMPARE(result.summary, expected);
}

void tst_PostmanCollection::featuresV21()
{
    const PostmanImport result
        = PostmanCollection::import(readData(u"crafted/features-v21.postman_collection.json"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Collection &c = result.collection;
    QCOMPARE(c.id, u"5b0c6a52-7d0e-4f7e-9c47-3c1f3b9f2a11"_s);
    QCOMPARE(c.name, u"Features v2.1"_s);
    QCOMPARE(c.description, u"Every feature Postern maps, in **v2.1** shapes."_s);
    QCOMPARE(c.auth.type, AuthType::Basic);
    QCOMPARE(c.auth.username, u"{{user}}"_s);
    QCOMPARE(c.auth.password, u"collection-password"_s);
    QCOMPARE(c.variables.size(), 4);
    QCOMPARE(c.variables.at(0).key, u"baseUrl"_s);
    QVERIFY(c.variables.at(1).secret);
    QCOMPARE(c.variables.at(1).value, u"variable-secret"_s);
    QCOMPARE(c.variables.at(2).value, u"3"_s);
    QVERIFY(!c.variables.at(3).enabled);
    QCOMPARE(c.variables.at(3).description, u"A disabled variable"_s);
    QCOMPARE(c.scripts.size(), 1);
    QCOMPARE(c.scripts.at(0).toObject().value(u"listen"_s).toString(), u"prerequest"_s);

    const CollectionItem *raw = byName(c.items, u"Raw bodies"_s);
    QVERIFY(raw && raw->isFolder());
    QCOMPARE(raw->id, u"a1f0c7a2-0001-4000-8000-000000000001"_s);
    QCOMPARE(raw->auth.type, AuthType::Inherit);
    QCOMPARE(raw->description, u"Raw bodies in every language"_s);
    QCOMPARE(raw->children.size(), 5);

    const CollectionItem *json = byName(c.items, u"JSON body"_s);
    QVERIFY(json);
    QCOMPARE(json->request.method, u"POST"_s);
    QCOMPARE(json->request.url, u"{{baseUrl}}/things?verbose=true"_s);
    QCOMPARE(json->request.bodyMode, BodyMode::Raw);
    QCOMPARE(json->request.bodyContentType, u"application/json"_s);
    QVERIFY(json->request.body.startsWith("{\n  \"name\""));
    QCOMPARE(json->request.headers.size(), 2);
    QVERIFY(!json->request.headers.at(1).enabled);
    QCOMPARE(json->request.headers.at(1).description, u"Not sent"_s);
    QCOMPARE(json->request.auth.type, AuthType::Inherit);
    QCOMPARE(json->description, u"Creates a thing."_s);
    QCOMPARE(json->request.scripts.at(0)
                 .toObject()
                 .value(u"script"_s)
                 .toObject()
                 .value(u"exec"_s)
                 .toArray()
                 .size(),
             3);
    QCOMPARE(c.effectiveAuth(json->id).type, AuthType::Basic);

    const QList<QPair<QString, QString>> types { { u"XML body"_s, u"application/xml"_s },
                                                 { u"HTML body"_s, u"text/html"_s },
                                                 { u"JavaScript body"_s, u"application/javascript"_s },
                                                 { u"Text body without a language"_s, QString() } };
    for (const auto &[name, type] : types)
        QCOMPARE(byName(c.items, name)->request.bodyContentType, type);

    const CollectionItem *forms = byName(c.items, u"Forms"_s);
    QCOMPARE(forms->auth.type, AuthType::Bearer);
    QCOMPARE(forms->auth.token, u"folder-bearer-token"_s);
    const CollectionItem *encoded = byName(c.items, u"URL-encoded"_s);
    QCOMPARE(encoded->request.bodyMode, BodyMode::UrlEncoded);
    QCOMPARE(encoded->request.formFields.size(), 2);
    QVERIFY(!encoded->request.formFields.at(1).enabled);
    QCOMPARE(encoded->request.formFields.at(1).description, u"Optional"_s);
    QCOMPARE(c.effectiveAuth(encoded->id).type, AuthType::Bearer);
    const CollectionItem *multipart = byName(c.items, u"Multipart"_s);
    QCOMPARE(multipart->request.bodyMode, BodyMode::FormData);
    QCOMPARE(multipart->request.formParts.size(), 4);
    QVERIFY(multipart->request.formParts.at(1).isFile);
    QCOMPARE(multipart->request.formParts.at(1).value, u"/home/user/picture.png"_s);
    QCOMPARE(multipart->request.formParts.at(2).contentType, u"application/json"_s);
    QVERIFY(!multipart->request.formParts.at(3).enabled);
    const CollectionItem *binary = byName(c.items, u"Binary file"_s);
    QCOMPARE(binary->request.bodyMode, BodyMode::Binary);
    QCOMPARE(binary->request.bodyFile, u"/home/user/body.bin"_s);
    const CollectionItem *graphql = byName(c.items, u"GraphQL"_s);
    QCOMPARE(graphql->request.bodyMode, BodyMode::GraphQL);
    QVERIFY(graphql->request.graphqlQuery.startsWith(u"query Thing"_s));
    QCOMPARE(graphql->request.graphqlVariables, u"{\"id\": \"1\"}"_s);

    QCOMPARE(byName(c.items, u"Auth"_s)->auth.type, AuthType::None);
    QCOMPARE(byName(c.items, u"No auth"_s)->request.auth.type, AuthType::None);
    const AuthConfig basic = byName(c.items, u"Basic"_s)->request.auth;
    QCOMPARE(basic.type, AuthType::Basic);
    QCOMPARE(basic.username, u"alice"_s);
    QCOMPARE(basic.password, u"request-password"_s);
    QCOMPARE(byName(c.items, u"Bearer"_s)->request.auth.token, u"{{token}}"_s);

    const AuthConfig code = byName(c.items, u"OAuth 2.0 code"_s)->request.auth;
    QCOMPARE(code.type, AuthType::OAuth2);
    QCOMPARE(code.oauth2.grantType, OAuth2GrantType::AuthorizationCode);
    QCOMPARE(code.oauth2.tokenName, u"Code token"_s);
    QCOMPARE(code.oauth2.authUrl, u"https://id.example.test/authorize"_s);
    QCOMPARE(code.oauth2.accessTokenUrl, u"https://id.example.test/token"_s);
    QCOMPARE(code.oauth2.refreshUrl, u"https://id.example.test/refresh"_s);
    QCOMPARE(code.oauth2.clientId, u"postern"_s);
    QCOMPARE(code.oauth2.clientSecret, u"code-client-secret"_s);
    QCOMPARE(code.oauth2.scope, u"openid profile"_s);
    QCOMPARE(code.oauth2.state, u"fixed-state"_s);
    QCOMPARE(code.oauth2.callbackUrl, u"https://oauth.pstmn.io/v1/callback"_s);
    QCOMPARE(code.oauth2.clientAuthentication, ClientAuthentication::Body);
    QVERIFY(!code.oauth2InQuery);
    QCOMPARE(code.headerPrefix, u"Token"_s);
    QCOMPARE(code.oauth2.extraParameters.size(), 1);
    QCOMPARE(code.oauth2.extraParameters.at(0).stage, OAuth2ExtraParameter::Stage::Authorization);
    QCOMPARE(code.oauth2.extraParameters.at(0).placement, OAuth2ExtraParameter::Placement::Query);

    const AuthConfig pkce = byName(c.items, u"OAuth 2.0 PKCE"_s)->request.auth;
    QCOMPARE(pkce.oauth2.grantType, OAuth2GrantType::AuthorizationCodePkce);
    QCOMPARE(pkce.oauth2.pkceMethod, PkceMethod::Plain);
    QCOMPARE(pkce.oauth2.codeVerifier, u"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"_s);
    QCOMPARE(pkce.oauth2.clientAuthentication, ClientAuthentication::BasicHeader); // Postman's default

    const AuthConfig implicit = byName(c.items, u"OAuth 2.0 implicit"_s)->request.auth;
    QCOMPARE(implicit.oauth2.grantType, OAuth2GrantType::Implicit);
    QVERIFY(implicit.oauth2InQuery);

    const AuthConfig password = byName(c.items, u"OAuth 2.0 password"_s)->request.auth;
    QCOMPARE(password.oauth2.grantType, OAuth2GrantType::Password);
    QCOMPARE(password.oauth2.clientSecret, u"password-client-secret"_s);
    QVERIFY(!password.username.isEmpty()); // the user name is kept, the password itself never
    QVERIFY(password.password.isEmpty());

    const AuthConfig client = byName(c.items, u"OAuth 2.0 client credentials"_s)->request.auth;
    QCOMPARE(client.oauth2.grantType, OAuth2GrantType::ClientCredentials);
    QCOMPARE(client.oauth2.clientAuthentication, ClientAuthentication::BasicHeader);
    QCOMPARE(client.oauth2.audience, u"https://api.example.test"_s);
    QCOMPARE(client.oauth2.resource, u"urn:example:api"_s);
    const QList<OAuth2ExtraParameter> extras {
        { u"tenant"_s, u"acme"_s, OAuth2ExtraParameter::Stage::Token, OAuth2ExtraParameter::Placement::Body },
        { u"X-Trace"_s, u"on"_s, OAuth2ExtraParameter::Stage::Token,
          OAuth2ExtraParameter::Placement::Header },
        { u"tenant"_s, u"acme"_s, OAuth2ExtraParameter::Stage::Refresh,
          OAuth2ExtraParameter::Placement::Query },
    };
    QVERIFY(client.oauth2.extraParameters == extras);

    const CollectionItem *parts = byName(c.items, u"URL as parts"_s);
    QCOMPARE(parts->request.method, u"DELETE"_s);
    QCOMPARE(parts->request.url, u"https://api.example.test:8443/things/:id?force=true&flag#top"_s);
    const CollectionItem *text = byName(c.items, u"URL as text"_s);
    QCOMPARE(text->request.method, u"GET"_s);
    QCOMPARE(text->request.url, u"https://api.example.test/plain?x=1"_s);
    QCOMPARE(text->description, u"A description on the item rather than on the request."_s);
    const CollectionItem *tls = byName(c.items, u"Redirects and TLS"_s);
    QVERIFY(!tls->request.followRedirects);
    QVERIFY(!tls->request.verifyTls);
}

void tst_PostmanCollection::featuresV20()
{
    const PostmanImport result
        = PostmanCollection::import(readData(u"crafted/features-v20.postman_collection.json"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Collection &c = result.collection;
    QCOMPARE(c.auth.type, AuthType::OAuth2);
    QCOMPARE(c.auth.oauth2.grantType, OAuth2GrantType::ClientCredentials);
    QCOMPARE(c.auth.oauth2.clientSecret, u"v20-client-secret"_s);
    QCOMPARE(c.auth.oauth2.clientAuthentication, ClientAuthentication::Body);
    QCOMPARE(c.auth.oauth2.tokenName, u"Service token"_s);
    QCOMPARE(c.auth.token, u"current-access-token"_s);
    QVERIFY(c.variables.at(1).secret);

    const CollectionItem *folder = byName(c.items, u"Folder with basic auth"_s);
    QCOMPARE(folder->id, u"b7f1c2d3-0001-4000-8000-000000000001"_s);
    QCOMPARE(folder->auth.type, AuthType::Basic);
    QCOMPARE(folder->auth.username, u"bob"_s);
    QCOMPARE(folder->auth.password, u"bob-password"_s);
    QCOMPARE(folder->description, u"Basic for all inside"_s);
    QCOMPARE(folder->scripts.size(), 1);

    const CollectionItem *inherits = byName(c.items, u"Inherits"_s);
    QCOMPARE(inherits->request.url, u"{{baseUrl}}/inherit?page=1&size=10"_s);
    QCOMPARE(inherits->request.headers.size(), 3);
    QCOMPARE(inherits->request.headers.at(0).key, u"Accept"_s);
    QCOMPARE(inherits->request.headers.at(0).value, u"application/json"_s);
    QVERIFY(!inherits->request.headers.at(1).enabled);
    QCOMPARE(inherits->request.headers.at(1).key, u"X-Debug"_s);
    QCOMPARE(inherits->description, u"Lists things."_s);
    QCOMPARE(c.effectiveAuth(inherits->id).username, u"bob"_s);

    QCOMPARE(byName(c.items, u"Bearer v2.0"_s)->request.auth.token, u"v20-bearer-token"_s);
    const AuthConfig code = byName(c.items, u"OAuth 2.0 code v2.0"_s)->request.auth;
    QCOMPARE(code.oauth2.grantType, OAuth2GrantType::AuthorizationCodePkce);
    QCOMPARE(code.oauth2.pkceMethod, PkceMethod::S256);
    QVERIFY(code.oauth2InQuery);

    const CollectionItem *form = byName(c.items, u"Form v2.0"_s);
    QCOMPARE(form->request.auth.type, AuthType::None);
    QCOMPARE(form->request.formFields.size(), 2);
    QVERIFY(form->request.formFields.at(0).enabled);
    QVERIFY(!form->request.formFields.at(1).enabled);
    const CollectionItem *raw = byName(c.items, u"Raw v2.0"_s);
    QCOMPARE(raw->request.bodyContentType, QString());
    QCOMPARE(raw->request.body, "{\"a\":null}"_ba);
}

// What Postern cannot represent comes back out of the export where it was.
void tst_PostmanCollection::unsupportedKeptForExport()
{
    const PostmanImport result
        = PostmanCollection::import(readData(u"crafted/unsupported.postman_collection.json"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.collection.auth.type, AuthType::None);
    const CollectionItem *login = byName(result.collection.items, u"Login"_s);
    QCOMPARE(login->request.auth.type, AuthType::None);

    const QJsonObject root = parse(PostmanCollection::exportV21(result.collection));
    QCOMPARE(root.value(u"auth"_s).toObject().value(u"type"_s).toString(), u"apikey"_s);
    QCOMPARE(root.value(u"protocolProfileBehavior"_s).toObject().value(u"disableCookies"_s),
             QJsonValue(true));
    QCOMPARE(root.value(u"x-team"_s).toString(), u"platform"_s);
    QCOMPARE(root.value(u"info"_s).toObject().value(u"updatedAt"_s).toString(),
             u"2024-05-01T10:00:00.000Z"_s);

    const QJsonObject item = root.value(u"item"_s).toArray().at(0).toObject();
    QCOMPARE(item.value(u"response"_s).toArray().size(), 2);
    QCOMPARE(item.value(u"x-owner"_s).toString(), u"alice"_s);
    QCOMPARE(item.value(u"protocolProfileBehavior"_s).toObject(),
             QJsonObject({ { u"disableBodyPruning"_s, true } }));
    const QJsonObject request = item.value(u"request"_s).toObject();
    QCOMPARE(request.value(u"proxy"_s).toObject().value(u"port"_s).toInt(), 3128);
    QVERIFY(request.value(u"certificate"_s).isObject());
    QCOMPARE(request.value(u"body"_s).toObject().value(u"disabled"_s), QJsonValue(true));
    const QJsonObject apikey = request.value(u"auth"_s).toObject();
    QCOMPARE(apikey.value(u"type"_s).toString(), u"apikey"_s);
    QCOMPARE(apikey.value(u"apikey"_s).toArray().size(), 3);

    const QJsonObject folder = root.value(u"item"_s).toArray().at(1).toObject();
    QCOMPARE(folder.value(u"variable"_s).toArray().size(), 1);
    const QJsonArray inFolder = folder.value(u"item"_s).toArray();
    QStringList types;
    for (const QJsonValue &child : inFolder)
        types.append(child.toObject()
                         .value(u"request"_s)
                         .toObject()
                         .value(u"auth"_s)
                         .toObject()
                         .value(u"type"_s)
                         .toString());
    QCOMPARE(types, QStringList({ u"digest"_s, u"awsv4"_s, u"hawk"_s, u"ntlm"_s, u"oauth1"_s, QString() }));

    // The disabled query parameters are back in their places; path variables and the URL's description too.
    const QJsonObject url
        = inFolder.at(5).toObject().value(u"request"_s).toObject().value(u"url"_s).toObject();
    QCOMPARE(url.value(u"raw"_s).toString(),
             u"https://api.example.test/users/:userId/posts/:postId?draft=false"_s);
    const QJsonArray query = url.value(u"query"_s).toArray();
    QCOMPARE(query.size(), 3);
    QCOMPARE(query.at(0).toObject().value(u"key"_s).toString(), u"draft"_s);
    QCOMPARE(query.at(1).toObject().value(u"key"_s).toString(), u"expand"_s);
    QCOMPARE(query.at(1).toObject().value(u"disabled"_s), QJsonValue(true));
    QCOMPARE(query.at(2).toObject().value(u"description"_s).toString(), u"page size"_s);
    QCOMPARE(url.value(u"variable"_s).toArray().size(), 2);
    QCOMPARE(url.value(u"description"_s).toString(), u"Posts of a user"_s);
    QCOMPARE(url.value(u"path"_s).toArray().size(), 4);
}

void tst_PostmanCollection::secretsOmittedUnlessAsked()
{
    const QStringList secrets {
        u"collection-password"_s,    u"variable-secret"_s,
        u"folder-bearer-token"_s,    u"request-password"_s,
        u"code-client-secret"_s,     u"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"_s,
        u"password-client-secret"_s, u"service-secret"_s
    };
    const PostmanImport v21
        = PostmanCollection::import(readData(u"crafted/features-v21.postman_collection.json"_s));
    const PostmanImport v20
        = PostmanCollection::import(readData(u"crafted/features-v20.postman_collection.json"_s));
    QVERIFY(v21.ok() && v20.ok());

    const QByteArray omitted = PostmanCollection::exportV21(v21.collection);
    const QByteArray included
        = PostmanCollection::exportV21(v21.collection, PostmanCollection::Secrets::Include);
    const QByteArray saved = v21.collection.toFileContents();
    for (const QString &secret : secrets) {
        QVERIFY2(!omitted.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY2(included.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY2(!saved.contains(secret.toUtf8()), qPrintable(secret));
    }
    for (const QString &secret : { u"v20-client-secret"_s, u"current-access-token"_s, u"bob-password"_s,
                                   u"v20-bearer-token"_s, u"hidden"_s }) {
        QVERIFY2(!PostmanCollection::exportV21(v20.collection).contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY2(PostmanCollection::exportV21(v20.collection, PostmanCollection::Secrets::Include)
                     .contains(secret.toUtf8()),
                 qPrintable(secret));
    }

    // A secret variable whose value is a number is no exception.
    const PostmanImport numeric = PostmanCollection::import(
        R"({"info":{"name":"n"},"item":[],"variable":[{"key":"pin","value":86420531,"type":"secret"}]})"_ba);
    QVERIFY(numeric.ok());
    QCOMPARE(numeric.collection.variables.at(0).value, u"86420531"_s);
    QVERIFY(!numeric.collection.toFileContents().contains("86420531"));
    QVERIFY(!PostmanCollection::exportV21(numeric.collection).contains("86420531"));

    // An omitted secret is there as an empty value, so the user sees where to fill it in.
    const QJsonObject root = parse(omitted);
    const QJsonArray variables = root.value(u"variable"_s).toArray();
    QCOMPARE(variables.at(1).toObject().value(u"type"_s).toString(), u"secret"_s);
    QCOMPARE(variables.at(1).toObject().value(u"value"_s).toString(), QString());
    const QJsonArray basic = root.value(u"auth"_s).toObject().value(u"basic"_s).toArray();
    bool sawPassword = false;
    for (const QJsonValue &param : basic) {
        if (param.toObject().value(u"key"_s) == u"password"_s) {
            sawPassword = true;
            QCOMPARE(param.toObject().value(u"value"_s).toString(), QString());
        }
    }
    QVERIFY(sawPassword);
}

// The secret values of auth types Postern does not support never enter the model, so never its files.
void tst_PostmanCollection::unsupportedSecretsNeverImported()
{
    const PostmanImport result
        = PostmanCollection::import(readData(u"crafted/unsupported.postman_collection.json"_s));
    QVERIFY(result.ok());
    const QByteArray saved = result.collection.toFileContents();
    const QByteArray exported
        = PostmanCollection::exportV21(result.collection, PostmanCollection::Secrets::Include);
    for (const char *secret : { "collection-api-key", "login-api-key", "digest-password", "aws-secret-key",
                                "hawk-key", "ntlm-password", "oauth1-consumer-secret" }) {
        QVERIFY2(!saved.contains(secret), secret);
        QVERIFY2(!exported.contains(secret), secret);
    }
    QVERIFY(saved.contains("AKIAEXAMPLE")); // what is not secret is kept
}

void tst_PostmanCollection::idsArePostmansAndStable()
{
    const QByteArray data = readData(u"postmanlabs/collection-v2.json"_s);
    const PostmanImport first = PostmanCollection::import(data);
    const PostmanImport second = PostmanCollection::import(data);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first.collection.id, u"my-collection-id"_s);
    QCOMPARE(compact(first.collection.toJson()), compact(second.collection.toJson()));

    // The file repeats the id "request-200": Postern's ids are unique, and the export gives it back twice.
    QStringList ids;
    collectIds(first.collection.items, &ids);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    QVERIFY(ids.contains(u"request-200"_s));
    QVERIFY(ids.contains(u"request-gg"_s));
    const QByteArray exported = PostmanCollection::exportV21(first.collection);
    QCOMPARE(exported.count("\"id\": \"request-200\""), 2);
    QVERIFY(exported.contains("\"id\": \"my-collection-id\""));

    // Variables named by id only, non-text values and the request given as a URL.
    const Collection &c = first.collection;
    QCOMPARE(c.variables.size(), 5);
    QCOMPARE(c.variables.at(0).key, u"var-1"_s);
    QCOMPARE(c.variables.at(0).value, u"hello-world"_s);
    QCOMPARE(c.variables.at(4).value, QString());
    const CollectionItem *bad = byName(c.items, u"400 bad request"_s);
    QCOMPARE(bad->request.url,
             u"http://shamasis:pass@echo.getpostman.com:9443/status/400/?query=string&a=b&abcd#{{search}}"_s);
    const CollectionItem *gg = byName(c.items, u"gg not found"_s);
    QCOMPARE(gg->request.url, u"https://sub.example.com.:8443/path/to/document"_s);
    QCOMPARE(gg->description, u"Some stuff I want to say about this request. It's in *markdown* too."_s);
    const CollectionItem *put = byName(c.items, u"201"_s);
    QCOMPARE(put->request.headers.size(), 2);
    QCOMPARE(put->request.headers.at(1).key, u"Authorization"_s);
}

// A collection made in Postern survives export and import, everything that Postman can say included.
void tst_PostmanCollection::posternCollectionRoundTrip()
{
    Collection c = Collection::make(u"Made in Postern"_s);
    c.description = u"Notes"_s;
    c.auth.type = AuthType::Bearer;
    c.auth.token = u"collection-token"_s;
    c.variables = { { u"host"_s, u"https://x.test"_s, true, false, u"The host"_s },
                    { u"key"_s, u"k"_s, true, true, {} },
                    { u"off"_s, u"1"_s, false, false, {} } };

    CollectionItem folder = CollectionItem::makeFolder(u"Folder"_s);
    folder.auth.type = AuthType::OAuth2;
    folder.auth.oauth2.grantType = OAuth2GrantType::ClientCredentials;
    folder.auth.oauth2.accessTokenUrl = u"https://id.test/token"_s;
    folder.auth.oauth2.clientId = u"id"_s;
    folder.auth.oauth2.clientSecret = u"secret"_s;
    folder.auth.oauth2.clientAuthentication = ClientAuthentication::Body;
    folder.auth.oauth2.extraParameters
        = { { u"a"_s, u"b"_s, OAuth2ExtraParameter::Stage::Token, OAuth2ExtraParameter::Placement::Header } };
    folder.auth.oauth2InQuery = true;

    HttpRequest raw;
    raw.method = u"POST"_s;
    raw.url = u"{{host}}/a?b=1&c"_s;
    raw.headers = { { u"X-A"_s, u"1"_s, true, {} }, { u"X-B"_s, u"2"_s, false, u"off"_s } };
    raw.body = "<a/>";
    raw.bodyContentType = u"application/xml"_s;
    raw.followRedirects = false;
    CollectionItem rawItem = CollectionItem::makeRequest(u"Raw"_s, raw);
    rawItem.description = u"Raw XML"_s;
    rawItem.request.auth.type = AuthType::Inherit;

    HttpRequest form;
    form.method = u"POST"_s;
    form.url = u"https://x.test/form"_s;
    form.bodyMode = BodyMode::FormData;
    form.formParts = { { u"t"_s, u"v"_s, false, {}, true, {} },
                       { u"f"_s, u"/tmp/f.png"_s, true, u"image/png"_s, false, u"d"_s } };
    form.formFields = { { u"kept"_s, u"while another mode is chosen"_s, true, {} } };
    form.auth.type = AuthType::Basic;
    form.auth.username = u"u"_s;
    form.auth.password = u"p"_s;
    CollectionItem formItem = CollectionItem::makeRequest(u"Form"_s, form);

    HttpRequest graphql;
    graphql.method = u"POST"_s;
    graphql.url = u"https://x.test/graphql"_s;
    graphql.bodyMode = BodyMode::GraphQL;
    graphql.graphqlQuery = u"{ a }"_s;
    graphql.graphqlVariables = u"{}"_s;
    graphql.verifyTls = false;
    graphql.auth.type = AuthType::None;
    folder.children = { formItem, CollectionItem::makeRequest(u"GraphQL"_s, graphql) };
    c.items = { folder, rawItem };

    const QByteArray exported = PostmanCollection::exportV21(c, PostmanCollection::Secrets::Include);
    const PostmanImport back = PostmanCollection::import(exported);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.summary, QStringList());
    QCOMPARE(compact(back.collection.toJson()), compact(c.toJson()));
    QCOMPARE(back.collection.items.at(0).auth.oauth2.clientSecret, u"secret"_s);
    QCOMPARE(back.collection.items.at(0).children.at(0).request.auth.password, u"p"_s);
    QCOMPARE(back.collection.auth.token, u"collection-token"_s);
    QCOMPARE(back.collection.variables.at(1).value, u"k"_s);
}

// What newman reads: the URL's parts, not only "raw".
void tst_PostmanCollection::exportShape()
{
    Collection c = Collection::make(u"Shape"_s);
    HttpRequest request;
    request.url = u"https://user:pw@api.example.test:8443/a/b/?x=1&y#frag"_s;
    c.items = { CollectionItem::makeRequest(u"R"_s, request) };
    const QJsonObject url = parse(PostmanCollection::exportV21(c))
                                .value(u"item"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"request"_s)
                                .toObject()
                                .value(u"url"_s)
                                .toObject();
    QCOMPARE(url.value(u"raw"_s).toString(), request.url);
    QCOMPARE(url.value(u"protocol"_s).toString(), u"https"_s);
    QCOMPARE(url.value(u"host"_s).toArray(), QJsonArray({ u"api"_s, u"example"_s, u"test"_s }));
    QCOMPARE(url.value(u"port"_s).toString(), u"8443"_s);
    QCOMPARE(url.value(u"path"_s).toArray(), QJsonArray({ u"a"_s, u"b"_s, u""_s }));
    QCOMPARE(url.value(u"hash"_s).toString(), u"frag"_s);
    QCOMPARE(url.value(u"auth"_s).toObject().value(u"user"_s).toString(), u"user"_s);
    const QJsonArray query = url.value(u"query"_s).toArray();
    QCOMPARE(query.size(), 2);
    QCOMPARE(query.at(1).toObject().value(u"value"_s), QJsonValue(QJsonValue::Null));

    const QJsonObject variableHost = PostmanUrl::parts(u"{{baseUrl}}/api/now?x={{y}}"_s);
    QCOMPARE(variableHost.value(u"host"_s).toArray(), QJsonArray({ u"{{baseUrl}}"_s }));
    QCOMPARE(variableHost.value(u"path"_s).toArray(), QJsonArray({ u"api"_s, u"now"_s }));
    QCOMPARE(variableHost.value(u"query"_s).toArray().at(0).toObject().value(u"value"_s).toString(),
             u"{{y}}"_s);
    QVERIFY(!variableHost.contains(u"protocol"_s));
}

// Early v2 shapes that newman still runs (its own inherited-entities collection has all three): the
// name at the top and no "info"; a request given as its URL alone, which inherits the authorization
// like a request object without "auth"; one event written without its list.
void tst_PostmanCollection::earlyV2Shapes()
{
    const QByteArray data = R"({"name":"Early","variable":[{"key":"v","value":"1"}],
        "auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]},
        "item":[{"name":"r","request":"https://x.test/{{v}}",
                 "event":{"listen":"test","script":{"exec":["pm.test('one', () => {});"]}}}]})"_ba;
    QVERIFY(PostmanCollection::looksLikePostman(data));
    const PostmanImport imported = PostmanCollection::import(data);
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QCOMPARE(imported.collection.name, u"Early"_s);
    QCOMPARE(imported.collection.auth.type, AuthType::Basic);
    QCOMPARE(imported.collection.variables.size(), 1);
    QCOMPARE(imported.collection.items.size(), 1);
    const HttpRequest &request = imported.collection.items.constFirst().request;
    QCOMPARE(request.url, u"https://x.test/{{v}}"_s);
    QCOMPARE(request.auth.type, AuthType::Inherit);
    QCOMPARE(ScriptEvents::text(request.scripts, ScriptEvent::Test), u"pm.test('one', () => {});"_s);
}

void tst_PostmanCollection::hostile_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error"); // a part of the error, or empty for a successful import
    QTest::addColumn<QString>("summary"); // a part of one summary line

    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s << QString();
    QTest::newRow("garbage") << "\x00\xff\xfe garbage"_ba << u"not valid JSON"_s << QString();
    const QByteArray features = readData(u"crafted/features-v21.postman_collection.json"_s);
    QTest::newRow("truncated") << features.left(features.size() / 2) << u"not valid JSON"_s << QString();
    QTest::newRow("list") << "[1, 2]"_ba << u"holds a list"_s << QString();
    QTest::newRow("text") << "\"a collection\""_ba << u"not valid JSON"_s << QString();
    QTest::newRow("empty object") << "{}"_ba << u"has no \u201cinfo\u201d"_s << QString();
    QTest::newRow("no info, a name at the top")
        << R"({"name":"Early","item":[{"name":"r","request":"https://x.test"}]})"_ba << QString()
        << QString();
    QTest::newRow("v1")
        << R"({"id":"x","name":"old","order":["a"],"folders":[],"requests":[{"id":"a","url":"https://x"}]})"_ba
        << u"Postman Collection v1 is not supported; export it again as v2.1 from Postman."_s << QString();
    QTest::newRow("v1 schema")
        << R"({"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"},"item":[]})"_ba
        << u"Postman Collection v1 is not supported"_s << QString();
    QTest::newRow("environment") << readData(u"environments/dev.postman_environment.json"_s)
                                 << u"Postman environment, not a collection"_s << QString();
    QTest::newRow("postern collection")
        << Collection::make(u"x"_s).toFileContents() << u"not a Postman collection"_s << QString();
    QTest::newRow("info is text") << R"({"info":"x","item":[]})"_ba << u"\u201cinfo\u201d is text"_s
                                  << QString();
    QTest::newRow("item is a number")
        << R"({"info":{"name":"x"},"item":5})"_ba << u"\u201citem\u201d is a number"_s << QString();
    QTest::newRow("deep nesting") << nested(PostmanCollection::maxDepth + 5) << u"nested deeper than 64"_s
                                  << QString();
    QTest::newRow("JSON nesting") << QByteArray(200000, '[') << u"not valid JSON"_s << QString();
    QTest::newRow("huge") << QByteArray(PostmanCollection::maxFileSize + 1, ' ') << u"larger than 64 MiB"_s
                          << QString();
    {
        QJsonArray many;
        for (int i = 0; i <= PostmanCollection::maxItems; ++i)
            many.append(QJsonObject { { u"name"_s, u"r"_s } });
        const QJsonObject root { { u"info"_s, QJsonObject { { u"name"_s, u"many"_s } } },
                                 { u"item"_s, many } };
        QTest::newRow("too many items")
            << QJsonDocument(root).toJson(QJsonDocument::Compact) << u"more than 100000"_s << QString();
    }
    QTest::newRow("deep but allowed") << nested(PostmanCollection::maxDepth - 1) << QString() << QString();

    // Wrong types in fields: imported, with a line that says what was left out.
    QTest::newRow("item entry is a number") << R"({"info":{"name":"x"},"item":[7]})"_ba << QString()
                                            << u"an entry of \u201citem\u201d is a number"_s;
    QTest::newRow("name is a list") << withItem(
        { { u"name"_s, QJsonArray { 1 } }, { u"request"_s, u"https://x.test"_s } })
                                    << QString() << u"the name is not text"_s;
    QTest::newRow("request is a number") << withItem({ { u"name"_s, u"r"_s }, { u"request"_s, 5 } })
                                         << QString() << u"\u201crequest\u201d is a number"_s;
    QTest::newRow("url is a list") << withItem(
        { { u"name"_s, u"r"_s }, { u"request"_s, QJsonObject { { u"url"_s, QJsonArray {} } } } })
                                   << QString() << u"\u201curl\u201d is a list"_s;
    QTest::newRow("query is text") << withItem(
        { { u"name"_s, u"r"_s },
          { u"request"_s,
            QJsonObject {
                { u"url"_s, QJsonObject { { u"raw"_s, u"https://x"_s }, { u"query"_s, u"a=b"_s } } } } } })
                                   << QString() << u"\u201curl.query\u201d is text"_s;
    // Written as JSON text: a braced list holding one list is built differently by different compilers.
    QTest::newRow("host is an object")
        << R"({"info":{"name":"odd"},"item":[{"name":"r","request":{"url":{"host":{"a":1}}}}]})"_ba
        << QString() << u"parts of the URL have the wrong type"_s;
    QTest::newRow("host holds a list")
        << R"({"info":{"name":"odd"},"item":[{"name":"r","request":{"url":{"host":[[1]]}}}]})"_ba << QString()
        << u"parts of the URL have the wrong type"_s;
    QTest::newRow("method is a number") << withItem(
        { { u"name"_s, u"r"_s }, { u"request"_s, QJsonObject { { u"method"_s, QJsonArray {} } } } })
                                        << QString() << u"\u201cmethod\u201d is not text"_s;
    QTest::newRow("header is a number")
        << withItem({ { u"name"_s, u"r"_s }, { u"request"_s, QJsonObject { { u"header"_s, 3 } } } })
        << QString() << u"\u201cheader\u201d is a number"_s;
    QTest::newRow("header entries are odd")
        << withItem({ { u"name"_s, u"r"_s },
                      { u"request"_s,
                        QJsonObject { { u"header"_s,
                                        QJsonArray { 1, QJsonObject { { u"key"_s, QJsonArray {} } } } } } } })
        << QString() << u"some headers have the wrong type"_s;
    QTest::newRow("body is text") << withItem(
        { { u"name"_s, u"r"_s }, { u"request"_s, QJsonObject { { u"body"_s, u"raw"_s } } } })
                                  << QString() << u"\u201cbody\u201d is text"_s;
    QTest::newRow("urlencoded is an object")
        << withItem({ { u"name"_s, u"r"_s },
                      { u"request"_s,
                        QJsonObject { { u"body"_s,
                                        QJsonObject { { u"mode"_s, u"urlencoded"_s },
                                                      { u"urlencoded"_s, QJsonObject {} } } } } } })
        << QString() << u"parts of the body have the wrong type"_s;
    QTest::newRow("unknown body mode")
        << withItem({ { u"name"_s, u"r"_s },
                      { u"request"_s,
                        QJsonObject { { u"body"_s, QJsonObject { { u"mode"_s, u"carrier-pigeon"_s } } } } } })
        << QString() << u"the body mode \u201ccarrier-pigeon\u201d is unknown"_s;
    QTest::newRow("auth is text") << withItem(
        { { u"name"_s, u"r"_s }, { u"request"_s, QJsonObject { { u"auth"_s, u"basic"_s } } } })
                                  << QString() << u"\u201cauth\u201d is text"_s;
    QTest::newRow("basic params are a number") << withItem(
        { { u"name"_s, u"r"_s },
          { u"request"_s,
            QJsonObject { { u"auth"_s, QJsonObject { { u"type"_s, u"basic"_s }, { u"basic"_s, 4 } } } } } })
                                               << QString()
                                               << u"some Basic Auth settings are not in a form"_s;
    QTest::newRow("oauth2 grant unknown") << withItem(
        { { u"name"_s, u"r"_s },
          { u"request"_s,
            QJsonObject { { u"auth"_s,
                            QJsonObject { { u"type"_s, u"oauth2"_s },
                                          { u"oauth2"_s,
                                            QJsonObject { { u"grant_type"_s, u"telepathy"_s } } } } } } } })
                                          << QString() << u"grant type \u201ctelepathy\u201d is unknown"_s;
    QTest::newRow("oauth2 value is an object") << withItem(
        { { u"name"_s, u"r"_s },
          { u"request"_s,
            QJsonObject {
                { u"auth"_s,
                  QJsonObject { { u"type"_s, u"oauth2"_s },
                                { u"oauth2"_s, QJsonObject { { u"clientId"_s, QJsonObject {} } } } } } } } })
                                               << QString()
                                               << u"some OAuth 2.0 settings have the wrong type"_s;
    QTest::newRow("event is an object") << withItem(
        { { u"name"_s, u"r"_s }, { u"event"_s, QJsonObject {} }, { u"request"_s, u"https://x"_s } })
                                        << QString() << u"\u201cevent\u201d is an object"_s;
    QTest::newRow("folder item is text") << withItem({ { u"name"_s, u"f"_s }, { u"item"_s, u"x"_s } })
                                         << QString() << u"\u201citem\u201d is text"_s;
    QTest::newRow("variable is an object") << R"({"info":{"name":"x"},"item":[],"variable":{"a":1}})"_ba
                                           << QString() << u"\u201cvariable\u201d is an object"_s;
    QTest::newRow("variable entries are odd")
        << R"({"info":{"name":"x"},"item":[],"variable":[1,{"key":[]}]})"_ba << QString()
        << u"some variables have the wrong type"_s;
    QTest::newRow("ppb is a number") << withItem(
        { { u"name"_s, u"r"_s }, { u"protocolProfileBehavior"_s, 1 }, { u"request"_s, u"https://x"_s } })
                                     << QString() << u"\u201cprotocolProfileBehavior\u201d is a number"_s;
    QTest::newRow("description is a list") << withItem(
        { { u"name"_s, u"r"_s }, { u"request"_s, QJsonObject { { u"description"_s, QJsonArray {} } } } })
                                           << QString() << u"the description has the wrong type"_s;
    QTest::newRow("unknown schema")
        << R"({"info":{"name":"x","schema":"https://example.test/v9"},"item":[]})"_ba << QString()
        << u"is not one Postern knows"_s;
}

void tst_PostmanCollection::hostile()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QFETCH(QString, summary);
    const PostmanImport result = PostmanCollection::import(data);
    if (!error.isEmpty()) {
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY(result.collection.items.isEmpty());
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error));
    if (!summary.isEmpty()) {
        bool found = false;
        for (const QString &line : result.summary)
            found = found || line.contains(summary);
        QVERIFY2(found, qPrintable(result.summary.join(u" | "_s)));
    }
    // Whatever was read exports and imports again.
    const PostmanImport again = PostmanCollection::import(PostmanCollection::exportV21(result.collection));
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(compact(again.collection.toJson()), compact(result.collection.toJson()));
}

void tst_PostmanCollection::looksLikePostman_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("expected");
    QTest::newRow("v2.1") << readData(u"crafted/features-v21.postman_collection.json"_s) << true;
    QTest::newRow("v2.0") << readData(u"postmanlabs/nested-v2-collection.json"_s) << true;
    QTest::newRow("v1") << R"({"id":"x","name":"old","order":[],"requests":[]})"_ba << true;
    QTest::newRow("environment") << readData(u"environments/dev.postman_environment.json"_s) << false;
    QTest::newRow("postern") << Collection::make(u"x"_s).toFileContents() << false;
    QTest::newRow("garbage") << "not json"_ba << false;
    QTest::newRow("openapi") << R"({"openapi":"3.0.0","info":{"title":"x"},"paths":{}})"_ba << false;
}

void tst_PostmanCollection::looksLikePostman()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, expected);
    QCOMPARE(PostmanCollection::looksLikePostman(data), expected);
}

void tst_PostmanCollection::exportIsAFixpoint_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("include");
    const QDir data(QStringLiteral(POSTERN_TEST_DATA_DIR));
    for (const QString &folder : { u"crafted"_s, u"postmanlabs"_s, u"newman"_s }) {
        const QStringList inFolder
            = QDir(data.filePath(folder)).entryList({ u"*.json"_s }, QDir::Files, QDir::Name);
        for (const QString &file : inFolder) {
            QTest::newRow(qPrintable(folder + u'/' + file + u" leaving secrets out"_s))
                << folder + u'/' + file << false;
            QTest::newRow(qPrintable(folder + u'/' + file + u" with secrets"_s))
                << folder + u'/' + file << true;
        }
    }
}

// An export, in either mode, imported and exported again gives the same bytes.
void tst_PostmanCollection::exportIsAFixpoint()
{
    QFETCH(QString, file);
    QFETCH(bool, include);
    const auto secrets = include ? PostmanCollection::Secrets::Include : PostmanCollection::Secrets::Omit;
    const PostmanImport first = PostmanCollection::import(readData(file));
    QVERIFY2(first.ok(), qPrintable(first.error));
    const QByteArray once = PostmanCollection::exportV21(first.collection, secrets);
    const PostmanImport second = PostmanCollection::import(once);
    QVERIFY2(second.ok(), qPrintable(second.error));
    const QByteArray twice = PostmanCollection::exportV21(second.collection, secrets);
    if (twice != once) {
        qWarning("once:  %s", compact(parse(once)).constData());
        qWarning("twice: %s", compact(parse(twice)).constData());
    }
    QCOMPARE(twice, once);
}

// {{variable}} references are how collections share credentials without holding them: they stay in
// an export that leaves secrets out; literal values go.
void tst_PostmanCollection::variableReferencesAreNotSecrets()
{
    Collection c = Collection::make(u"References"_s);
    c.auth.type = AuthType::Basic;
    c.auth.username = u"{{user}}"_s;
    c.auth.password = u"{{password}}"_s;
    c.variables = { { u"key"_s, u"{{vault_key}}"_s, true, true, {} },
                    { u"literal"_s, u"literal-variable-secret"_s, true, true, {} } };
    CollectionItem folder = CollectionItem::makeFolder(u"OAuth"_s);
    folder.auth.type = AuthType::OAuth2;
    folder.auth.oauth2.grantType = OAuth2GrantType::ClientCredentials;
    folder.auth.oauth2.accessTokenUrl = u"{{baseUrl}}/oauth_token.do"_s;
    folder.auth.oauth2.clientId = u"{{client_id}}"_s;
    folder.auth.oauth2.clientSecret = u"{{client_secret}}"_s;
    folder.auth.token = u"{{accessToken}}"_s;
    HttpRequest bearer;
    bearer.url = u"{{baseUrl}}/a"_s;
    bearer.auth.type = AuthType::Bearer;
    bearer.auth.token = u"{{token}}"_s;
    HttpRequest literal;
    literal.url = u"{{baseUrl}}/b"_s;
    literal.auth.type = AuthType::Basic;
    literal.auth.username = u"bob"_s;
    literal.auth.password = u"literal-password"_s;
    HttpRequest mixed = literal;
    mixed.auth.password = u"{{prefix}}literal-part"_s;
    c.items = { folder, CollectionItem::makeRequest(u"Bearer"_s, bearer),
                CollectionItem::makeRequest(u"Literal"_s, literal),
                CollectionItem::makeRequest(u"Mixed"_s, mixed) };

    const QByteArray omitted = PostmanCollection::exportV21(c);
    for (const char *reference :
         { "{{password}}", "{{vault_key}}", "{{client_secret}}", "{{accessToken}}", "{{token}}" })
        QVERIFY2(omitted.contains(reference), reference);
    for (const char *secret : { "literal-password", "literal-variable-secret", "literal-part" })
        QVERIFY2(!omitted.contains(secret), secret);
    const PostmanImport back = PostmanCollection::import(omitted);
    QVERIFY(back.ok());
    QCOMPARE(back.collection.auth.password, u"{{password}}"_s);
    QCOMPARE(back.collection.items.at(0).auth.oauth2.clientSecret, u"{{client_secret}}"_s);
    QCOMPARE(back.collection.items.at(1).request.auth.token, u"{{token}}"_s);
    QCOMPARE(back.collection.items.at(2).request.auth.password, QString());

    // The same for the parameters of an auth type Postern keeps but does not send.
    const PostmanImport apikey = PostmanCollection::import(withItem(
        { { u"name"_s, u"r"_s },
          { u"request"_s,
            QJsonObject {
                { u"url"_s, u"https://x.test"_s },
                { u"auth"_s,
                  QJsonObject { { u"type"_s, u"apikey"_s },
                                { u"apikey"_s,
                                  QJsonArray { QJsonObject { { u"key"_s, u"value"_s },
                                                             { u"value"_s, u"{{api_key}}"_s } },
                                               QJsonObject { { u"key"_s, u"key"_s },
                                                             { u"value"_s, u"X-Key"_s } } } } } } } } }));
    QVERIFY(apikey.ok());
    QVERIFY(PostmanCollection::exportV21(apikey.collection).contains("{{api_key}}"));
}

void tst_PostmanCollection::queryWithoutValue_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QJsonArray>("query"); // as Postman writes it
    QTest::newRow("flag") << u"https://x.test/a?flag"_s
                          << QJsonArray { QJsonObject { { u"key"_s, u"flag"_s },
                                                        { u"value"_s, QJsonValue() } } };
    QTest::newRow("flag=") << u"https://x.test/a?flag="_s
                           << QJsonArray { QJsonObject { { u"key"_s, u"flag"_s }, { u"value"_s, u""_s } } };
    QTest::newRow("both and a value")
        << u"{{baseUrl}}/a?a&b=&c=1"_s
        << QJsonArray { QJsonObject { { u"key"_s, u"a"_s }, { u"value"_s, QJsonValue() } },
                        QJsonObject { { u"key"_s, u"b"_s }, { u"value"_s, u""_s } },
                        QJsonObject { { u"key"_s, u"c"_s }, { u"value"_s, u"1"_s } } };
}

// ?flag stays ?flag and ?flag= stays ?flag=, through an export and an import, raw or from the parts.
void tst_PostmanCollection::queryWithoutValue()
{
    QFETCH(QString, url);
    QFETCH(QJsonArray, query);
    Collection c = Collection::make(u"Query"_s);
    HttpRequest request;
    request.url = url;
    c.items = { CollectionItem::makeRequest(u"R"_s, request) };
    c.items[0].foreign.insert(u"postman"_s, QJsonObject { { u"url"_s, QJsonObject { { u"x"_s, 1 } } } });
    const QByteArray exported = PostmanCollection::exportV21(c);
    QJsonObject urlObject = parse(exported)
                                .value(u"item"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"request"_s)
                                .toObject()
                                .value(u"url"_s)
                                .toObject();
    QCOMPARE(urlObject.value(u"query"_s).toArray(), query);
    const PostmanImport back = PostmanCollection::import(exported);
    QVERIFY(back.ok());
    QCOMPARE(back.collection.items.at(0).request.url, url);

    // Without "raw", from the parts alone.
    urlObject.remove(u"raw"_s);
    const PostmanImport parts = PostmanCollection::import(
        withItem({ { u"name"_s, u"r"_s }, { u"request"_s, QJsonObject { { u"url"_s, urlObject } } } }));
    QVERIFY(parts.ok());
    QCOMPARE(parts.collection.items.at(0).request.url, url);
}

void tst_PostmanCollection::variableUrlParts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QJsonObject>("expected"); // what Postman's own parser gives
    QTest::newRow("scheme, host and port") << u"{{proto}}://{{host}}:{{port}}/a/b"_s
                                           << QJsonObject { { u"protocol"_s, u"{{proto}}"_s },
                                                            { u"host"_s, QJsonArray { u"{{host}}"_s } },
                                                            { u"port"_s, u"{{port}}"_s },
                                                            { u"path"_s, QJsonArray { u"a"_s, u"b"_s } } };
    QTest::newRow("base URL") << u"{{baseUrl}}/api/x"_s
                              << QJsonObject { { u"host"_s, QJsonArray { u"{{baseUrl}}"_s } },
                                               { u"path"_s, QJsonArray { u"api"_s, u"x"_s } } };
    QTest::newRow("instance") << u"https://{{instance}}.example.com/x"_s
                              << QJsonObject { { u"protocol"_s, u"https"_s },
                                               { u"host"_s,
                                                 QJsonArray { u"{{instance}}"_s, u"example"_s, u"com"_s } },
                                               { u"path"_s, QJsonArray { u"x"_s } } };
    QTest::newRow("variable holding a dot and a colon")
        << u"http://{{my.host:1}}:{{port}}/{{a/b}}/c"_s
        << QJsonObject { { u"protocol"_s, u"http"_s },
                         { u"host"_s, QJsonArray { u"{{my.host:1}}"_s } },
                         { u"port"_s, u"{{port}}"_s },
                         { u"path"_s, QJsonArray { u"{{a/b}}"_s, u"c"_s } } };
}

// A URL whose scheme, host or port are variables is cut into the parts Postman writes for it.
void tst_PostmanCollection::variableUrlParts()
{
    QFETCH(QString, url);
    QFETCH(QJsonObject, expected);
    const QJsonObject parts = PostmanUrl::parts(url);
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        QCOMPARE(parts.value(it.key()), it.value());
    for (const QString &key : { u"protocol"_s, u"port"_s }) {
        if (!expected.contains(key))
            QVERIFY2(!parts.contains(key), qPrintable(key));
    }
}

// Many items sharing one id: each gets its own, in time that grows with their number, not its square.
void tst_PostmanCollection::repeatedIdsInLinearTime()
{
    constexpr int count = 20000;
    QJsonArray items;
    for (int i = 0; i < count; ++i)
        items.append(QJsonObject {
            { u"id"_s, u"same"_s }, { u"name"_s, u"r"_s }, { u"request"_s, u"https://x.test"_s } });
    const QByteArray data
        = QJsonDocument(
              QJsonObject { { u"info"_s, QJsonObject { { u"name"_s, u"many"_s } } }, { u"item"_s, items } })
              .toJson(QJsonDocument::Compact);
    QElapsedTimer timer;
    timer.start();
    const PostmanImport result = PostmanCollection::import(data);
    const qint64 elapsed = timer.elapsed();
    qInfo("%d items sharing one id imported in %lld ms", count, elapsed);
    QVERIFY(result.ok());
    QStringList ids;
    collectIds(result.collection.items, &ids);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), count);
    QVERIFY(ids.contains(u"same"_s));
    QVERIFY2(elapsed < 10000, "a guard against quadratic time, far above the expected figure");
}

// A file without ids gives the same ids each time it is imported, and its export gives them back.
void tst_PostmanCollection::idsStableWithoutIds()
{
    const QByteArray data = R"({"info":{"name":"No ids"},"item":[
        {"name":"Folder","item":[{"name":"Same","request":"https://x.test/1"},{"name":"Same","request":"https://x.test/2"}]},
        {"name":"Same","request":"https://x.test/3"}]})"_ba;
    const PostmanImport first = PostmanCollection::import(data);
    const PostmanImport second = PostmanCollection::import(data);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(second.collection.id, first.collection.id);
    QCOMPARE(compact(second.collection.toJson()), compact(first.collection.toJson()));
    QStringList ids;
    collectIds(first.collection.items, &ids);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 4);
    const PostmanImport again = PostmanCollection::import(PostmanCollection::exportV21(first.collection));
    QCOMPARE(compact(again.collection.toJson()), compact(first.collection.toJson()));
    // Another file without ids gets other ids.
    const PostmanImport other = PostmanCollection::import(QByteArray(data).replace("No ids", "Other"));
    QVERIFY(other.collection.id != first.collection.id);
}

// A saved example's request carries its own authorization: its literal secrets are kept out of the
// workspace's files (the keychain gets them) and out of an export that leaves secrets out.
void tst_PostmanCollection::exampleSecretsKeptOut()
{
    const QJsonObject originalRequest {
        { u"method"_s, u"GET"_s },
        { u"url"_s, u"https://x.test/a"_s },
        { u"auth"_s,
          QJsonObject { { u"type"_s, u"basic"_s },
                        { u"basic"_s,
                          QJsonArray { QJsonObject { { u"key"_s, u"username"_s }, { u"value"_s, u"bob"_s } },
                                       QJsonObject { { u"key"_s, u"password"_s },
                                                     { u"value"_s, u"example-password"_s } } } },
                        { u"bearer"_s, QJsonObject { { u"token"_s, u"{{token}}"_s } } } } },
    };
    const QJsonObject example { { u"name"_s, u"OK"_s },
                                { u"originalRequest"_s, originalRequest },
                                { u"code"_s, 200 },
                                { u"body"_s, u"{}"_s } };
    const PostmanImport imported
        = PostmanCollection::import(withItem({ { u"name"_s, u"r"_s },
                                               { u"request"_s, u"https://x.test/a"_s },
                                               { u"response"_s, QJsonArray { example } } }));
    QVERIFY(imported.ok());

    const QByteArray saved = imported.collection.toFileContents();
    QVERIFY(!saved.contains("example-password"));
    QVERIFY(saved.contains("{{token}}"));
    const QByteArray omitted = PostmanCollection::exportV21(imported.collection);
    QVERIFY(!omitted.contains("example-password"));
    QVERIFY(omitted.contains("{{token}}"));
    const QByteArray included
        = PostmanCollection::exportV21(imported.collection, PostmanCollection::Secrets::Include);
    QVERIFY(included.contains("example-password"));

    // The workspace's keychain blob carries it, and puts it back into the collection read from its file.
    const WorkspaceSecrets::Map secrets = WorkspaceSecrets::collect(imported.collection);
    QString error;
    Collection reloaded = Collection::fromFileContents(saved, &error);
    QVERIFY(error.isEmpty());
    WorkspaceSecrets::apply(&reloaded, WorkspaceSecrets::fromBlob(WorkspaceSecrets::toBlob(secrets)));
    QCOMPARE(PostmanCollection::exportV21(reloaded, PostmanCollection::Secrets::Include), included);
}

// An event whose script has no text is not a script that will not run.
void tst_PostmanCollection::emptyScriptsAreNotScripts()
{
    const QJsonArray empty { QJsonObject {
        { u"listen"_s, u"test"_s },
        { u"script"_s,
          QJsonObject { { u"type"_s, u"text/javascript"_s },
                        { u"exec"_s, QJsonArray { u""_s, u"  "_s } } } } } };
    const PostmanImport result = PostmanCollection::import(
        withItem({ { u"name"_s, u"r"_s }, { u"event"_s, empty }, { u"request"_s, u"https://x.test"_s } }));
    QVERIFY(result.ok());
    QCOMPARE(result.summary, QStringList());
    QCOMPARE(result.collection.items.at(0).request.scripts, empty); // still kept for export
}

// No number is converted to an integer before it is known to fit: isWholeNumber() is checked in a
// constant expression, where the compiler refuses undefined behaviour.
static_assert(!PostmanJson::isWholeNumber(1e300));
static_assert(!PostmanJson::isWholeNumber(-1e300));
static_assert(!PostmanJson::isWholeNumber(9.3e18));
static_assert(PostmanJson::isWholeNumber(999999999999999.0));
static_assert(!PostmanJson::isWholeNumber(1.5));

void tst_PostmanCollection::wholeNumbers_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<QString>("text");
    QTest::newRow("1e300") << "1e300"_ba << u"1.0000000000000001e+300"_s;
    QTest::newRow("-1e300") << "-1e300"_ba << u"-1.0000000000000001e+300"_s;
    QTest::newRow("beyond 64 bits") << "9.3e18"_ba << u"9.3e+18"_s;
    QTest::newRow("largest whole") << "999999999999999"_ba << u"999999999999999"_s;
    QTest::newRow("1e15") << "1e15"_ba << u"1000000000000000"_s;
    QTest::newRow("negative") << "-42"_ba << u"-42"_s;
    QTest::newRow("fraction") << "1.5"_ba << u"1.5"_s;
}

// A variable's number becomes its text without undefined behaviour at any size.
void tst_PostmanCollection::wholeNumbers()
{
    QFETCH(QByteArray, number);
    QFETCH(QString, text);
    const PostmanImport result = PostmanCollection::import(
        R"({"info":{"name":"n"},"item":[],"variable":[{"key":"n","value":)" + number + "}]}");
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.collection.variables.at(0).value, text);
}

// The password grant's user name and a password given as a variable are kept (postern run fills them
// in) and exported as they came; a password written out is never kept.
void tst_PostmanCollection::passwordGrantKeepsItsVariables()
{
    const auto collection = [](const QString &password) {
        return QJsonDocument(
                   QJsonObject {
                       { u"info"_s,
                         QJsonObject { { u"name"_s, u"Password"_s },
                                       { u"schema"_s, PostmanCollection::schemaV21() } } },
                       { u"auth"_s,
                         QJsonObject {
                             { u"type"_s, u"oauth2"_s },
                             { u"oauth2"_s,
                               QJsonArray {
                                   QJsonObject { { u"key"_s, u"grant_type"_s },
                                                 { u"value"_s, u"password_credentials"_s } },
                                   QJsonObject { { u"key"_s, u"username"_s }, { u"value"_s, u"{{user}}"_s } },
                                   QJsonObject { { u"key"_s, u"password"_s },
                                                 { u"value"_s, password } } } } } },
                       { u"item"_s, QJsonArray() } })
            .toJson();
    };
    const PostmanImport variable = PostmanCollection::import(collection(u"{{password}}"_s));
    QVERIFY2(variable.ok(), qPrintable(variable.error));
    QCOMPARE(variable.collection.auth.username, u"{{user}}"_s);
    QCOMPARE(variable.collection.auth.password, u"{{password}}"_s);
    const QByteArray exported = PostmanCollection::exportV21(variable.collection);
    QVERIFY2(exported.contains("\"{{password}}\"") && exported.contains("\"{{user}}\""),
             exported.constData());

    const PostmanImport literal = PostmanCollection::import(collection(u"hunter2"_s));
    QVERIFY(literal.ok());
    QCOMPARE(literal.collection.auth.username, u"{{user}}"_s);
    QVERIFY(literal.collection.auth.password.isEmpty());
    QVERIFY(!PostmanCollection::exportV21(literal.collection, PostmanCollection::Secrets::Include)
                 .contains("hunter2"));
}

void tst_PostmanCollection::deviceGrantRoundTrips()
{
    // Postman has no device grant: Postern writes its own word and its endpoint, and reads them back.
    Collection collection;
    collection.name = u"Device"_s;
    collection.auth.type = AuthType::OAuth2;
    collection.auth.oauth2.grantType = OAuth2GrantType::DeviceCode;
    collection.auth.oauth2.deviceAuthorizationUrl = u"https://as.example/device/code"_s;
    collection.auth.oauth2.accessTokenUrl = u"https://as.example/token"_s;
    collection.auth.oauth2.clientId = u"tv"_s;
    const QByteArray exported = PostmanCollection::exportV21(collection);
    QVERIFY(exported.contains("\"device_code\""));
    const PostmanImport back = PostmanCollection::import(exported);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.collection.auth.oauth2.grantType, OAuth2GrantType::DeviceCode);
    QCOMPARE(back.collection.auth.oauth2.deviceAuthorizationUrl, u"https://as.example/device/code"_s);
}

void tst_PostmanCollection::jwtBearerGrantRoundTrips()
{
    // Nor a JWT bearer grant: its key rows and assertion claims go out and come back by Postern's
    // names; the key's passphrase only as a {{variable}}.
    Collection collection;
    collection.name = u"JWT bearer"_s;
    collection.auth.type = AuthType::OAuth2;
    OAuth2Config &c = collection.auth.oauth2;
    c.grantType = OAuth2GrantType::JwtBearer;
    c.accessTokenUrl = u"https://dev1.service-now.com/oauth_token.do"_s;
    c.clientId = u"jwt-client"_s;
    c.clientKeyFile = u"/home/me/keys/jwt.p12"_s;
    c.clientKeyPassphrase = u"canary-passphrase"_s;
    c.clientKeyId = u"verifier-1"_s;
    c.assertionIssuer = u"issuer@example.test"_s;
    c.assertionSubject = u"abel.tuter"_s;
    c.assertionAudience = u"jwt-client"_s;
    c.assertionClaims = u"{\"scope\": \"read\"}"_s;
    const QByteArray exported = PostmanCollection::exportV21(collection);
    QVERIFY(exported.contains("\"jwt_bearer\""));
    QVERIFY(!exported.contains("canary-passphrase"));
    const PostmanImport back = PostmanCollection::import(exported);
    QVERIFY2(back.ok(), qPrintable(back.error));
    const OAuth2Config &b = back.collection.auth.oauth2;
    QCOMPARE(b.grantType, OAuth2GrantType::JwtBearer);
    QCOMPARE(b.clientKeyFile, c.clientKeyFile);
    QCOMPARE(b.clientKeyId, c.clientKeyId);
    QCOMPARE(b.assertionIssuer, c.assertionIssuer);
    QCOMPARE(b.assertionSubject, c.assertionSubject);
    QCOMPARE(b.assertionAudience, c.assertionAudience);
    QCOMPARE(b.assertionClaims, c.assertionClaims);
    QVERIFY(b.clientKeyPassphrase.isEmpty());
    // And through Postern's own configuration JSON.
    const OAuth2Config fromJson = OAuth2Config::fromJson(c.toJson());
    QCOMPARE(fromJson.grantType, OAuth2GrantType::JwtBearer);
    QCOMPARE(fromJson.assertionSubject, c.assertionSubject);
    QCOMPARE(fromJson.assertionClaims, c.assertionClaims);
}

QTEST_GUILESS_MAIN(tst_PostmanCollection)
#include "tst_postmancollection.moc"
