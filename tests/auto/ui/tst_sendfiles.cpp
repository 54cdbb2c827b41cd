// A collection from elsewhere cannot make Send upload the user's files: through the real window, an
// imported request whose body names a file outside the working directory is refused at Send with a
// message in the response area, nothing reaches the (recording) server, and the import summary named
// every file the collection refers to, saying whether it is in the working directory.
#include "http/fileaccess.h"
#include "shared/testhttpserver.h"
#include "ui/mainwindow.h"
#include "ui/request/bodyeditor.h"
#include "ui/request/requesteditor.h"
#include "ui/response/responseviewer.h"
#include "ui/workspace/importexport.h"
#include "ui/workspace/requesttab.h"
#include "ui/workspace/requesttabs.h"
#include "workspacefixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

const QByteArray secret = "SECRET-KEY-d41d8";

QJsonObject postmanRequest(const QString &name, const QString &url, const QJsonObject &body)
{
    return QJsonObject {
        { u"name"_s, name },
        { u"request"_s, QJsonObject { { u"method"_s, u"POST"_s }, { u"url"_s, url }, { u"body"_s, body } } }
    };
}

} // namespace

class tst_SendFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importedRequestCannotSendAFileOutside_data();
    void importedRequestCannotSendAFileOutside();
    void fileChosenInTheDialogIsSent();

private:
    // Imports the collection and opens its request named name in a tab.
    void importAndOpen(const QJsonObject &collection, const QString &name, QStringList *summary);
    HttpResponse send();

    WorkspaceFixture m_f;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_wd;
    QString m_secretPath;
};

void tst_SendFiles::initTestCase()
{
    QVERIFY(m_f.startSandbox());
}

void tst_SendFiles::init()
{
    QVERIFY(m_f.setUp());
    QVERIFY(m_f.openWindow());
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
    // The default working directory: the workspace's "files" folder.
    m_wd = WorkingDirectory::read(m_f.workspace->root(), m_f.workspace->stateDirectory());
    QCOMPARE(m_wd, QDir::cleanPath(m_f.root->path() + u"/files"_s));
    QVERIFY(QDir().mkpath(m_wd));
    m_secretPath = m_f.dataDir->filePath(u"id_rsa"_s); // a file of the user's, outside the working directory
    for (const auto &[path, bytes] :
         { std::pair<QString, QByteArray> { m_secretPath, secret },
           std::pair<QString, QByteArray> { m_wd + u"/note.txt"_s, QByteArray("note") } }) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
}

void tst_SendFiles::cleanup()
{
    m_server.reset();
    m_f.tearDown();
}

void tst_SendFiles::importAndOpen(const QJsonObject &collection, const QString &name, QStringList *summary)
{
    const ImportExport::Outcome outcome
        = ImportExport::importData(m_f.workspace.get(), QJsonDocument(collection).toJson());
    QVERIFY2(outcome.ok(), qPrintable(outcome.title()));
    *summary = outcome.summary;
    const Collection *imported = m_f.workspace->collection(outcome.collectionId);
    QVERIFY(imported);
    QString itemId;
    std::function<void(const QList<CollectionItem> &)> find = [&](const QList<CollectionItem> &items) {
        for (const CollectionItem &item : items) {
            if (!item.isFolder() && item.name == name)
                itemId = item.id;
            find(item.children);
        }
    };
    find(imported->items);
    QVERIFY(!itemId.isEmpty());
    QVERIFY(m_f.window->requestTabs()->openSaved(outcome.collectionId, itemId));
}

HttpResponse tst_SendFiles::send()
{
    QSignalSpy received(m_f.window.get(), &MainWindow::responseReceived);
    QTest::mouseClick(m_f.window->requestEditor()->findChild<QPushButton *>(u"sendButton"_s), Qt::LeftButton);
    if (!received.wait(10000))
        return {};
    return received.first().first().value<HttpResponse>();
}

void tst_SendFiles::importedRequestCannotSendAFileOutside_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("file"); // as the collection names it; SECRET is outside
    QTest::addColumn<bool>("sent");
    QTest::newRow("binary body, absolute path outside") << u"Binary"_s << u"SECRET"_s << false;
    QTest::newRow("form-data part in a folder, absolute path outside")
        << u"Form in a folder"_s << u"SECRET"_s << false;
    QTest::newRow("binary body, dot-dot out of the working directory")
        << u"Binary"_s << u"../../../../../../../../../..SECRET"_s << false;
    QTest::newRow("binary body, relative path inside") << u"Binary"_s << u"note.txt"_s << true;
}

void tst_SendFiles::importedRequestCannotSendAFileOutside()
{
    QFETCH(QString, request);
    QFETCH(QString, file);
    QFETCH(bool, sent);
    file.replace(u"SECRET"_s, m_secretPath);
    const QString url = m_server->url(u"/upload"_s).toString();
    const QJsonObject collection {
        { u"info"_s,
          QJsonObject {
              { u"name"_s, u"Shared with me"_s },
              { u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s } } },
        { u"item"_s,
          QJsonArray {
              postmanRequest(u"Binary"_s, url,
                             QJsonObject { { u"mode"_s, u"file"_s },
                                           { u"file"_s, QJsonObject { { u"src"_s, file } } } }),
              QJsonObject {
                  { u"name"_s, u"Folder"_s },
                  { u"item"_s,
                    QJsonArray { postmanRequest(
                        u"Form in a folder"_s, url,
                        QJsonObject {
                            { u"mode"_s, u"formdata"_s },
                            { u"formdata"_s,
                              QJsonArray { QJsonObject { { u"key"_s, u"a"_s }, { u"value"_s, u"1"_s } },
                                           QJsonObject { { u"key"_s, u"doc"_s },
                                                         { u"type"_s, u"file"_s },
                                                         { u"src"_s, file } } } } }) } } } } }
    };
    QStringList summary;
    importAndOpen(collection, request, &summary);
    if (QTest::currentTestFailed())
        return;

    // The summary names both references, with where they are.
    const QString where
        = sent ? u"it is in the working directory"_s : u"it is outside the working directory"_s;
    QVERIFY2(summary.filter(file).filter(u"binary body"_s).filter(where).size() == 1,
             qPrintable(summary.join(u'\n')));
    QVERIFY2(summary.filter(file).filter(u"form field \u201cdoc\u201d"_s).filter(where).size() == 1,
             qPrintable(summary.join(u'\n')));

    const HttpResponse response = send();
    auto *message = m_f.window->responseViewer()->findChild<QLabel *>(u"responseMessage"_s);
    if (sent) {
        QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().constFirst().body, QByteArray("note"));
        return;
    }
    QCOMPARE(response.error, HttpResponse::Error::InvalidRequest);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"\u201c"_s + file + u"\u201d is outside the working directory"_s),
             qPrintable(message->text()));
    QVERIFY(message->text().contains(m_wd));
    QVERIFY(m_server->requests().isEmpty());
}

// What the user picks in the file dialog is sent, wherever it is; inside the working directory it is
// stored relative to it.
void tst_SendFiles::fileChosenInTheDialogIsSent()
{
    HttpRequest request;
    request.method = u"POST"_s;
    request.url = m_server->url(u"/upload"_s).toString();
    request.bodyMode = BodyMode::Binary;
    m_f.window->setRequest(request);
    BodyEditor *body = m_f.window->requestEditor()->bodyEditor(); // as opening the Body tab does
    QString offered = m_secretPath;
    QString startedIn;
    body->setFileChooser([&](QWidget *, const QString &, const QString &directory) {
        startedIn = directory;
        return offered;
    });
    auto *browse = body->findChild<QPushButton *>(u"bodyFileBrowse"_s);
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(startedIn, m_wd);
    QCOMPARE(body->findChild<QLineEdit *>(u"bodyFileEdit"_s)->text(), m_secretPath);
    auto *note = body->findChild<QLabel *>(u"bodyFilesNote"_s);
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(u"outside the working directory"_s), qPrintable(note->text()));
    HttpResponse response = send();
    QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().constFirst().body, secret);

    offered = m_wd + u"/note.txt"_s;
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(body->findChild<QLineEdit *>(u"bodyFileEdit"_s)->text(), u"note.txt"_s);
    QVERIFY(note->isHidden());
    response = send();
    QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().constLast().body, QByteArray("note"));
}

QTEST_MAIN(tst_SendFiles)
#include "tst_sendfiles.moc"
