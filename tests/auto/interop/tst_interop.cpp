#include "interop/interop.h"
#include "interop/postmancollection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

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

// The byte at which Qt's parser gives up on data, for the message the user must see.
QString jsonError(const QByteArray &data)
{
    QJsonParseError error;
    QJsonDocument::fromJson(data, &error);
    return u"It is not valid JSON (%1 at byte %2)."_s.arg(error.errorString()).arg(error.offset);
}

} // namespace

// File > Import without a window: which kind of file it is, and the reader's own reason when it is
// refused.
class tst_Interop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds_data();
    void kinds();
    void refusals_data();
    void refusals();
};

void tst_Interop::kinds_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name"); // the collection's or the environment's

    QTest::newRow("Postman collection v2.1")
        << readData(u"crafted/features-v21.postman_collection.json"_s)
        << int(InteropImport::Kind::PostmanCollection) << u"Features v2.1"_s;
    QTest::newRow("Postman collection v2.0") << readData(u"postmanlabs/nested-v2-collection.json"_s)
                                             << int(InteropImport::Kind::PostmanCollection) << QString();
    QTest::newRow("Postman environment") << readData(u"environments/dev.postman_environment.json"_s)
                                         << int(InteropImport::Kind::PostmanEnvironment) << u"Dev"_s;
    QTest::newRow("Postman globals")
        << R"({"id":"g","name":"Globals","values":[],"_postman_variable_scope":"globals"})"_ba
        << int(InteropImport::Kind::PostmanEnvironment) << u"Globals"_s;
    QTest::newRow("Postern collection") << Collection::make(u"Mine"_s).toFileContents()
                                        << int(InteropImport::Kind::PosternCollection) << u"Mine"_s;
    QTest::newRow("Postern environment") << Environment::make(u"Prod"_s).toFileContents()
                                         << int(InteropImport::Kind::PosternEnvironment) << u"Prod"_s;
    QTest::newRow("curl command") << "  curl -X POST https://example.invalid/api -d 'a=1'\n"_ba
                                  << int(InteropImport::Kind::Curl) << QString();
}

void tst_Interop::kinds()
{
    QFETCH(QByteArray, data);
    QFETCH(int, kind);
    QFETCH(QString, name);
    const InteropImport result = Interop::read(data);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(int(result.kind), kind);
    switch (result.kind) {
    case InteropImport::Kind::PostmanCollection:
    case InteropImport::Kind::PosternCollection:
        if (!name.isEmpty())
            QCOMPARE(result.collection.name, name);
        QVERIFY(!result.collection.id.isEmpty());
        break;
    case InteropImport::Kind::PostmanEnvironment:
    case InteropImport::Kind::PosternEnvironment:
        QCOMPARE(result.environment.name, name);
        break;
    case InteropImport::Kind::Curl:
        QVERIFY(result.request);
        QCOMPARE(result.request->method, u"POST"_s);
        break;
    case InteropImport::Kind::None:
        QFAIL("no kind");
    }
}

void tst_Interop::refusals_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error"); // the whole message

    const QByteArray features = readData(u"crafted/features-v21.postman_collection.json"_s);
    const QByteArray truncated = features.left(features.size() / 2);
    QTest::newRow("truncated Postman collection") << truncated << jsonError(truncated);
    QByteArray corrupt = features;
    corrupt[corrupt.indexOf(':')] = ';';
    QTest::newRow("corrupt Postman collection") << corrupt << jsonError(corrupt);
    const QByteArray environment = readData(u"environments/dev.postman_environment.json"_s);
    QTest::newRow("truncated environment") << environment.left(40) << jsonError(environment.left(40));
    QTest::newRow("empty") << QByteArray() << u"The file is empty."_s;
    QTest::newRow("blank") << "  \n\t\n"_ba << u"The file is empty."_s;
    const QByteArray deep = "{\"info\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}";
    QTest::newRow("nested too deeply") << deep << jsonError(deep);
    QTest::newRow("a list")
        << "[1,2]"_ba << u"It is not a collection or an environment: the file holds a list, not an object."_s;
    QTest::newRow("Postman v1")
        << R"({"id":"x","name":"old","order":[],"requests":[]})"_ba
        << u"Postman Collection v1 is not supported; export it again as v2.1 from Postman."_s;
    QTest::newRow("info is text")
        << R"({"info":"x","item":[]})"_ba
        << u"It is not a Postman collection: \u201cinfo\u201d is text, not an object."_s;
    QByteArray folders = R"({"name":"r"})";
    for (int i = 0; i < 70; ++i)
        folders = R"({"name":"f","item":[)" + folders + "]}";
    QTest::newRow("folders nested too deeply") << R"({"info":{"name":"x"},"item":[)" + folders
            + "]}" << u"Its folders are nested deeper than 64 levels; Postern does not import it."_s;
    QTest::newRow("something else")
        << R"({"openapi":"3.0.0","paths":{}})"_ba
        << u"It is not a Postman collection (v2.0 or v2.1), a Postman environment, a "
           "Postern collection or environment, or a curl command."_s;
    QTest::newRow("curl without a URL") << "curl -X GET"_ba << QString();
}

// A refused file: the reason the reader found, not a generic "not a collection".
void tst_Interop::refusals()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const InteropImport result = Interop::read(data);
    QVERIFY(!result.ok());
    QCOMPARE(int(result.kind), int(InteropImport::Kind::None));
    if (!error.isEmpty())
        QCOMPARE(result.error, error);
    QVERIFY(result.collection.items.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Interop)
#include "tst_interop.moc"
