// The MIME types of the files Postern opens, as a desktop sees them once the package is installed:
// check-install.sh compiles the installed shared-mime-info package with update-mime-database and runs
// this with XDG_DATA_DIRS pointing there, so that Qt's QMimeDatabase (what a Qt file manager asks) reads
// the compiled result. Files are told by name and, when their name says nothing, by content.

#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_MimeTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typesAreKnown();
    void filesAreRecognised_data();
    void filesAreRecognised();

private:
    QTemporaryDir m_dir;
};

void tst_MimeTypes::typesAreKnown()
{
    const QMimeDatabase database;
    for (const QString &name :
         { u"application/x-postman-collection+json"_s, u"application/x-postman-environment+json"_s,
           u"application/x-postern+json"_s }) {
        const QMimeType type = database.mimeTypeForName(name);
        QVERIFY2(type.isValid(),
                 qPrintable(name + u" is unknown: is XDG_DATA_DIRS set to the installed share?"_s));
        QVERIFY2(type.inherits(u"application/json"_s), qPrintable(name));
        QVERIFY2(!type.comment().isEmpty(), qPrintable(name));
    }
}

void tst_MimeTypes::filesAreRecognised_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");

    auto real = [](const QString &path) {
        QFile file(QStringLiteral(POSTERN_SOURCE_DIR "/tests/auto/") + path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray collection = real(u"interop/data/crafted/features-v21.postman_collection.json"_s);
    const QByteArray environment = real(u"interop/data/environments/dev.postman_environment.json"_s);
    QVERIFY(!collection.isEmpty() && !environment.isEmpty());

    QTest::newRow("collection by name")
        << u"features.postman_collection.json"_s << collection << u"application/x-postman-collection+json"_s;
    // By content when the name says nothing (a download without a name extension). A name that says
    // JSON wins over content, as shared-mime-info orders it: "export.json" is plain JSON to a desktop.
    QTest::newRow("collection by content")
        << u"export"_s << collection << u"application/x-postman-collection+json"_s;
    QTest::newRow("environment") << u"dev.postman_environment.json"_s << environment
                                 << u"application/x-postman-environment+json"_s;
    QTest::newRow("globals") << u"workspace.postman_globals.json"_s
                             << QByteArray(R"({"values": [], "_postman_variable_scope": "globals"})")
                             << u"application/x-postman-environment+json"_s;
    QTest::newRow("Postern workspace manifest")
        << u"workspace"_s
        << QByteArray("{\n    \"formatVersion\": 1,\n    \"id\": \"w\",\n    \"postern\": \"workspace\"\n}\n")
        << u"application/x-postern+json"_s;
    QTest::newRow("Postern environment")
        << u"sandbox-environment"_s
        << QByteArray("{\n    \"id\": \"e\",\n    \"name\": \"Sandbox\",\n    \"postern\": \"environment\",\n"
                      "    \"values\": []\n}\n")
        << u"application/x-postern+json"_s;
    QTest::newRow("other JSON stays JSON")
        << u"package.json"_s << QByteArray(R"({"name": "postern"})") << u"application/json"_s;
}

void tst_MimeTypes::filesAreRecognised()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(contents), contents.size());
    file.close();
    QCOMPARE(QMimeDatabase().mimeTypeForFile(file.fileName()).name(), expected);
}

QTEST_GUILESS_MAIN(tst_MimeTypes)
#include "tst_mimetypes.moc"
