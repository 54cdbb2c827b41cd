// The workspace's widgets as a user drives them: the collections tree (new, rename, duplicate, move by
// drag and drop, delete after a confirmation), collection settings with inherited authorization,
// Manage Environments with a secret variable, File > Import of a Postman collection with its summary
// and scripts note, and the history pane.
#include "everypage.h"
#include "history/historyentry.h"
#include "history/historystore.h"
#include "oauth/tokenstore.h"
#include "runner/runvalues.h"
#include "sandbox/sandboxserver.h"
#include "scripting/scriptevents.h"
#include "secrets/memorysecretstore.h"
#include "ui/history/historypane.h"
#include "ui/mainwindow.h"
#include "ui/request/assertionseditor.h"
#include "ui/request/autheditor.h"
#include "ui/request/requesteditor.h"
#include "ui/request/scriptseditor.h"
#include "ui/response/responseviewer.h"
#include "ui/response/testresultsview.h"
#include "ui/widgets/codeeditor.h"
#include "ui/workspace/collectionstree.h"
#include "ui/workspace/environmentsdialog.h"
#include "ui/workspace/importexport.h"
#include "ui/workspace/itemsettingsdialog.h"
#include "ui/workspace/requesttab.h"
#include "ui/workspace/requesttabs.h"
#include "ui/workspace/variableseditor.h"
#include "workspace/workspace.h"
#include "workspacefixture.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

QString postmanData(const QString &name)
{
    return QDir::cleanPath(QStringLiteral(POSTERN_TEST_DATA_DIR) + u"/../../interop/data/"_s + name);
}

QByteArray allFiles(const QString &root)
{
    QByteArray everything;
    for (QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            everything += file.readAll();
    }
    return everything;
}

} // namespace

class tst_WorkspaceTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void treeEdits();
    void dragAndDropMovesARequest();
    void keyboardMoves();
    void collectionAuthIsInherited();
    void secretVariableStaysOutOfFiles();
    void importShowsSummaryAndScriptsRunOnSend();
    void scriptsTabRunsWhatIsTyped();
    void assertionsTabChecksWithoutJavaScript();
    void folderAndCollectionAssertionsCheckEachRequest();
    void scriptTimeLimitIsTheSetting();
    void historyRecordsAndReopens();
    void secretsArriveAfterTheTabsOpen();
    void secretVariablesAreMaskedInHistoryAndCurl();
    void environmentWithTheGlobalsIdIsACopy();
    void oauthEndpointsFollowTheInstanceVariable();
    void typedSecretsInANewTabSurviveARestart();

private:
    QTreeWidgetItem *itemNamed(const QString &text) const;
    Postern::Collection saveIncidentRequest(const QString &name);
    static bool sendAndWait(Postern::RequestTab *tab);

    WorkspaceFixture m_f;
};

void tst_WorkspaceTree::initTestCase()
{
    qputenv("POSTERN_SCRIPT_WORKER", POSTERN_SCRIPT_WORKER_PATH);
    QVERIFY(m_f.startSandbox());
}

void tst_WorkspaceTree::init()
{
    QVERIFY(m_f.setUp());
    QVERIFY(m_f.openWindow());
}

void tst_WorkspaceTree::cleanup()
{
    m_f.tearDown();
}

QTreeWidgetItem *tst_WorkspaceTree::itemNamed(const QString &text) const
{
    const QList<QTreeWidgetItem *> found
        = m_f.window->collectionsTree()->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

void tst_WorkspaceTree::treeEdits()
{
    CollectionsTree *tree = m_f.window->collectionsTree();
    const QString collectionId = tree->newCollection(u"Team API"_s);
    QVERIFY(!collectionId.isEmpty());
    const QString folderId = tree->newFolder(collectionId, QString(), u"Users"_s);
    QVERIFY(itemNamed(u"Users"_s));
    QCOMPARE(QDir(m_f.root->path() + u"/collections"_s).entryList({ u"*.json"_s }).size(), 1);

    // Rename as a user does: F2, type, Enter.
    tree->setCurrentItem(itemNamed(u"Users"_s));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F2);
    auto *editor = tree->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"People"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(itemNamed(u"People"_s));
    QCOMPARE(m_f.workspace->collection(collectionId)->find(folderId)->name, u"People"_s);

    // Duplicate (Ctrl+D): new ids, " Copy".
    tree->setCurrentItem(itemNamed(u"People"_s));
    QTest::keyClick(tree, Qt::Key_D, Qt::ControlModifier);
    QTreeWidgetItem *copy = itemNamed(u"People Copy"_s);
    QVERIFY(copy);
    QVERIFY(copy->data(0, CollectionsTree::ItemIdRole).toString() != folderId);

    // Delete asks; Cancel keeps it, Delete removes it.
    tree->setCurrentItem(copy);
    WorkspaceFixture::answerNextMessageBox(QMessageBox::Cancel);
    QTest::keyClick(tree, Qt::Key_Delete);
    QVERIFY(itemNamed(u"People Copy"_s));
    tree->setCurrentItem(itemNamed(u"People Copy"_s));
    WorkspaceFixture::answerNextMessageBox(QMessageBox::NoButton);
    QTest::keyClick(tree, Qt::Key_Delete);
    QVERIFY(!itemNamed(u"People Copy"_s));
    QCOMPARE(m_f.workspace->collection(collectionId)->items.size(), 1);
}

void tst_WorkspaceTree::dragAndDropMovesARequest()
{
    Collection collection = Collection::make(u"Moves"_s);
    CollectionItem folder = CollectionItem::makeFolder(u"Folder"_s);
    const CollectionItem request = CollectionItem::makeRequest(u"Loose request"_s, HttpRequest());
    collection.items = { folder, request };
    QVERIFY(m_f.workspace->saveCollection(collection).isEmpty());
    CollectionsTree *tree = m_f.window->collectionsTree();
    tree->expandAll();
    QTreeWidgetItem *dragged = itemNamed(u"GET  Loose request"_s);
    QTreeWidgetItem *target = itemNamed(u"Folder"_s);
    QVERIFY(dragged && target);
    tree->setCurrentItem(dragged);

    // What the view does with a drop of the request on the folder's middle (a drag itself needs a
    // real pointer, which an offscreen test has not).
    QVERIFY(tree->dropOn(dragged, target, CollectionsTree::DropPlace::Into));

    const Collection *saved = m_f.workspace->collection(collection.id);
    QCOMPARE(saved->items.size(), 1);
    QCOMPARE(saved->items.first().children.size(), 1);
    QCOMPARE(saved->items.first().children.first().id, request.id);
    // And it is in the file, not only in memory.
    Workspace reread(m_f.root->path());
    QVERIFY(reread.open());
    QCOMPARE(reread.collection(collection.id)->items.first().children.first().id, request.id);
}

void tst_WorkspaceTree::keyboardMoves()
{
    Collection collection = Collection::make(u"Order"_s);
    collection.items = { CollectionItem::makeRequest(u"First"_s, HttpRequest()),
                         CollectionItem::makeRequest(u"Second"_s, HttpRequest()),
                         CollectionItem::makeRequest(u"Third"_s, HttpRequest()) };
    QVERIFY(m_f.workspace->saveCollection(collection).isEmpty());
    CollectionsTree *tree = m_f.window->collectionsTree();
    tree->expandAll();
    tree->setFocus();
    tree->setCurrentItem(itemNamed(u"GET  First"_s));
    QTest::keyClick(tree, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    auto names = [this, &collection] {
        QStringList list;
        for (const CollectionItem &item : m_f.workspace->collection(collection.id)->items)
            list.append(item.name);
        return list;
    };
    QCOMPARE(names(), (QStringList { u"Second"_s, u"First"_s, u"Third"_s }));
    QTest::keyClick(tree, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(names(), (QStringList { u"Second"_s, u"Third"_s, u"First"_s }));
    QTest::keyClick(tree, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(names(), (QStringList { u"Second"_s, u"First"_s, u"Third"_s }));
}

void tst_WorkspaceTree::collectionAuthIsInherited()
{
    Collection collection = Collection::make(u"Sandbox"_s);
    HttpRequest request;
    request.url = m_f.sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=1"_s;
    request.auth.type = AuthType::Inherit;
    collection.items = { CollectionItem::makeRequest(u"One incident"_s, request) };
    QVERIFY(m_f.workspace->saveCollection(collection).isEmpty());

    // Collection settings: Basic admin/admin, typed into the real dialog.
    ItemSettingsDialog dialog(m_f.workspace.get(),
                              OAuthServices { m_f.tokens.get(), nullptr, nullptr, &m_f.manager },
                              collection.id, QString());
    auto *type = dialog.authEditor()->findChild<QComboBox *>(u"authType"_s);
    type->setCurrentIndex(type->findText(u"Basic Auth"_s));
    QVERIFY(type->findText(u"Inherit auth from parent"_s) >= 0);
    dialog.authEditor()->findChild<QLineEdit *>(u"basicUsername"_s)->setText(u"admin"_s);
    dialog.authEditor()->findChild<QLineEdit *>(u"basicPassword"_s)->setText(u"admin"_s);
    QCOMPARE(dialog.apply(), QString());
    QVERIFY(!allFiles(m_f.root->path()).contains("\"password\": \"admin\""));

    RequestTab *tab = m_f.window->requestTabs()->openSaved(collection.id, collection.items.first().id);
    QVERIFY(tab);
    auto *inherited = tab->editor()->findChild<QLabel *>(u"inheritedAuth"_s);
    QVERIFY2(inherited->text().contains(u"Basic Auth as \u201cadmin\u201d"_s), qPrintable(inherited->text()));
    QCOMPARE(tab->preparedRequest().auth.type, AuthType::Basic);
    QSignalSpy received(m_f.window.get(), &MainWindow::responseReceived);
    m_f.window->send();
    QVERIFY(received.wait(10000));
    QCOMPARE(received.first().first().value<HttpResponse>().statusCode, 200);
}

void tst_WorkspaceTree::secretVariableStaysOutOfFiles()
{
    auto *dialog = new EnvironmentsDialog(m_f.workspace.get(), m_f.window.get());
    const QString id = dialog->addEnvironment(u"Prod"_s);
    QVERIFY(!id.isEmpty());
    dialog->variablesEditor()->setVariables(
        { { u"apiKey"_s, u"canary-7f3e"_s, true, true, {} },
          { u"host"_s, u"prod.example"_s, true, false, u"Where Prod lives"_s } });
    QCOMPARE(dialog->variablesEditor()->variables().at(1).description, u"Where Prod lives"_s);
    Q_EMIT dialog->variablesEditor()->changed();
    QTableWidget *table = dialog->variablesEditor()->table();
    QCOMPARE(table->item(0, 2)->checkState(), Qt::Checked); // the Secret column
    QVERIFY(!allFiles(m_f.root->path()).contains("canary-7f3e"));
    QVERIFY(allFiles(m_f.root->path()).contains("prod.example"));
    QTRY_VERIFY(!m_f.keychain.keys().filter(id).isEmpty());
    // Duplicate keeps the secret, as a secret.
    dialog->duplicateSelected();
    QCOMPARE(m_f.workspace->environments().size(), 2);
    QVERIFY(!allFiles(m_f.root->path()).contains("canary-7f3e"));
    // The toolbar lists both.
    QCOMPARE(m_f.window->environmentCombo()->count(), 3);
    delete dialog;

    // After a restart the secret comes back from the keychain.
    QVERIFY(m_f.openWindow());
    QTRY_COMPARE(m_f.workspace->environment(id)->variables.first().value, u"canary-7f3e"_s);
}

void tst_WorkspaceTree::importShowsSummaryAndScriptsRunOnSend()
{
    const ImportExport::Outcome outcome = ImportExport::importFile(
        m_f.workspace.get(), postmanData(u"newman/sandbox.postman_collection.json"_s));
    QVERIFY2(outcome.ok(), qPrintable(outcome.title()));
    QVERIFY(!outcome.summary.isEmpty());
    // Scripts are used now: not a note on what is kept but not used.
    QVERIFY2(!outcome.summary.join(u'\n').contains(u"script"_s, Qt::CaseInsensitive),
             qPrintable(outcome.summary.join(u'\n')));
    QVERIFY(itemNamed(u"Sandbox instance"_s));
    // The collection's baseUrl points at this test's sandbox.
    Collection imported = *m_f.workspace->collection(outcome.collectionId);
    for (Variable &variable : imported.variables) {
        if (variable.key == u"baseUrl"_s)
            variable.value = m_f.sandbox->baseUrl().toString();
    }
    QVERIFY(m_f.workspace->saveCollection(imported).isEmpty());
    RequestTab *tab = m_f.window->requestTabs()->openSaved(outcome.collectionId, imported.items.first().id);
    QVERIFY(tab);
    QVERIFY(tab->findChild<QLabel *>(u"scriptsNote"_s)->isVisibleTo(tab));
    QVERIFY(tab->hasScripts());

    // Send runs the collection's and the request's post-response scripts; Test Results and Console
    // say what they said, readable as text.
    QVERIFY(sendAndWait(tab));
    TestResultsView *results = tab->viewer()->testResults();
    QCOMPARE(results->summary(), u"4 of 4 tests passed"_s);
    auto *tabs = tab->viewer()->findChild<QTabWidget *>(u"responseTabs"_s);
    QCOMPARE(tabs->tabText(Testing::tabIndexOf(tabs, results)), u"Test Resu&lts (4/4)"_s);
    auto *list = results->findChild<QListWidget *>(u"testList"_s);
    QCOMPARE(list->count(), 4);
    QCOMPARE(list->item(0)->text(), u"Pass \u2014 the reply is JSON"_s);
    QCOMPARE(list->accessibleName(), u"Test results"_s);

    // The collection's own script is in its Settings, Scripts tab; an edit there runs on the next Send.
    ItemSettingsDialog settings(m_f.workspace.get(),
                                OAuthServices { m_f.tokens.get(), nullptr, nullptr, &m_f.manager },
                                outcome.collectionId, QString());
    ScriptsEditor *collectionScripts = settings.scriptsEditor();
    QVERIFY(collectionScripts);
    QVERIFY(collectionScripts->postResponse()->toPlainText().contains(u"the reply is JSON"_s));
    collectionScripts->postResponse()->appendPlainText(u"pm.test('added in Settings', () => {});"_s);
    QCOMPARE(settings.apply(), QString());
    QVERIFY(sendAndWait(tab));
    QCOMPARE(results->summary(), u"5 of 5 tests passed"_s);
    if (const QString shots = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !shots.isEmpty()) {
        tabs->setCurrentIndex(Testing::tabIndexOf(tabs, results)); // the README's picture of Test Results
        m_f.window->resize(1180, 800);
        QTest::qWait(300);
        QVERIFY(m_f.window->grab().save(shots + u"/test-results.png"_s));
        Testing::openTab(tabs, u"Timing"_s); // and of Timing
        QTest::qWait(300);
        QVERIFY(m_f.window->grab().save(shots + u"/timing.png"_s));
    }

    // Not a collection: a clear message, nothing added.
    QTemporaryDir dir;
    QFile junk(dir.filePath(u"junk.json"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{\"hello\": 1}");
    junk.close();
    const ImportExport::Outcome refused = ImportExport::importFile(m_f.workspace.get(), junk.fileName());
    QVERIFY(!refused.ok());
    QVERIFY(refused.title().startsWith(u"Not imported"_s));
    QCOMPARE(m_f.workspace->collections().size(), 1);

    // A curl command in a file opens as a request.
    QFile curl(dir.filePath(u"command.sh"_s));
    QVERIFY(curl.open(QIODevice::WriteOnly));
    curl.write("curl -X POST https://example.invalid/api -H 'Accept: application/json' -d 'a=1'\n");
    curl.close();
    const ImportExport::Outcome command = ImportExport::importFile(m_f.workspace.get(), curl.fileName());
    QVERIFY2(command.ok(), qPrintable(command.title()));
    QVERIFY(command.request);
    QCOMPARE(command.request->method, u"POST"_s);
}

// Sends what the tab shows (scripts and all) and waits for the answer and the scripts.
bool tst_WorkspaceTree::sendAndWait(RequestTab *tab)
{
    tab->send();
    QElapsedTimer clock;
    clock.start();
    while (tab->isBusy() && clock.elapsed() < 30000)
        QTest::qWait(20);
    return !tab->isBusy();
}

// A collection of one request for one incident of this test's sandbox, as admin; saved.
Collection tst_WorkspaceTree::saveIncidentRequest(const QString &name)
{
    Collection collection = Collection::make(name);
    HttpRequest request;
    request.url = m_f.sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=1"_s;
    request.auth.type = AuthType::Basic;
    request.auth.username = u"admin"_s;
    request.auth.password = u"admin"_s;
    collection.items.append(CollectionItem::makeRequest(u"One incident"_s, request));
    const QString error = m_f.workspace->saveCollection(collection);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return collection;
}

// The Scripts tab, by keyboard: a snippet inserted from the list with Enter, a test typed after it;
// Send runs them before anything is saved; Save writes them into the collection.
void tst_WorkspaceTree::scriptsTabRunsWhatIsTyped()
{
    const Collection collection = saveIncidentRequest(u"Typed"_s);
    RequestTab *tab = m_f.window->requestTabs()->openSaved(collection.id, collection.items.first().id);
    QVERIFY(tab);
    QVERIFY(!tab->hasScripts());

    ScriptsEditor *scripts = tab->editor()->scriptsEditor();
    auto *snippets = scripts->findChild<QListWidget *>(u"scriptSnippets"_s);
    QCOMPARE(snippets->accessibleName(), u"Snippets"_s);
    QCOMPARE(scripts->postResponse()->accessibleName(), u"Post-response script"_s);
    snippets->setCurrentRow(0); // "Status code is 200"
    QTest::keyClick(snippets, Qt::Key_Return);
    QTest::keyClicks(
        scripts->postResponse(),
        u"pm.test('two records', () => pm.expect(pm.response.json().result).to.have.lengthOf(2));"_s);
    QVERIFY(tab->isDirty());
    QVERIFY(tab->hasScripts());

    QVERIFY(sendAndWait(tab));
    TestResultsView *results = tab->viewer()->testResults();
    QCOMPARE(results->summary(), u"1 of 2 tests passed, 1 failed"_s);
    auto *list = results->findChild<QListWidget *>(u"testList"_s);
    QCOMPARE(
        list->item(1)->text(),
        u"Fail \u2014 two records: expected [ { parent: '', \u2026(56) } ] to have a length of 2 but got 1"_s);

    if (const QString shots = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !shots.isEmpty()) {
        auto *editorTabs = tab->editor()->findChild<QTabWidget *>(u"requestTabs"_s);
        editorTabs->setCurrentWidget(scripts); // the README's picture of the Scripts tab
        m_f.window->resize(1180, 800);
        QTest::qWait(300);
        QVERIFY(m_f.window->grab().save(shots + u"/scripts.png"_s));
    }
    QVERIFY(m_f.window->requestTabs()->save(tab));
    const CollectionItem saved = m_f.workspace->collection(collection.id)->items.first();
    QVERIFY(ScriptEvents::text(saved.request.scripts, ScriptEvent::Test)
                .startsWith(u"pm.test(\"Status code is 200\""_s));
    QVERIFY(!tab->isDirty());
}

// The Assertions tab: rows typed into the two tables check the answer and capture a value with no
// JavaScript written; a new row appears under the last one; Delete removes a row.
void tst_WorkspaceTree::assertionsTabChecksWithoutJavaScript()
{
    const Collection collection = saveIncidentRequest(u"Checked"_s);
    RequestTab *tab = m_f.window->requestTabs()->openSaved(collection.id, collection.items.first().id);
    QVERIFY(tab);
    AssertionsEditor *editor = tab->editor()->assertionsEditor();
    QTableWidget *assertions = editor->assertionsTable();
    QTableWidget *captures = editor->capturesTable();
    QCOMPARE(assertions->accessibleName(), u"Assertions"_s);
    QCOMPARE(assertions->rowCount(), 1); // the empty row to type into
    auto type = [](QTableWidget *table, int row, int column, const QString &text) {
        table->item(row, column)->setText(text);
    };
    type(assertions, 0, 0, u"res.status"_s);
    type(assertions, 0, 2, u"200"_s);
    QCOMPARE(assertions->rowCount(), 2);
    type(assertions, 1, 0, u"res.body.result[0].number"_s);
    type(assertions, 1, 1, u"matches"_s);
    type(assertions, 1, 2, u"/^INC/"_s);
    type(assertions, 2, 0, u"res.status"_s);
    type(assertions, 2, 2, u"404"_s);
    assertions->setCurrentCell(2, 0);
    QTest::keyClick(assertions, Qt::Key_Delete);
    QCOMPARE(assertions->rowCount(), 3);
    type(captures, 0, 0, u"firstNumber"_s);
    type(captures, 0, 1, u"collection"_s);
    type(captures, 0, 2, u"$.result[0].number"_s);
    QVERIFY(tab->isDirty());
    QVERIFY(tab->hasScripts());

    QVERIFY(sendAndWait(tab));
    TestResultsView *results = tab->viewer()->testResults();
    QCOMPARE(results->summary(), u"2 of 2 tests passed"_s);
    auto *list = results->findChild<QListWidget *>(u"testList"_s);
    QCOMPARE(list->item(0)->text(), u"Pass \u2014 res.status eq 200"_s);
    QCOMPARE(list->item(1)->text(), u"Pass \u2014 res.body.result[0].number matches /^INC/"_s);
    QCOMPARE(m_f.workspace->collection(collection.id)->variables.value(0).key, u"firstNumber"_s);
    QVERIFY(m_f.workspace->collection(collection.id)->variables.value(0).value.startsWith(u"INC"_s));

    if (const QString shots = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !shots.isEmpty()) {
        auto *editorTabs = tab->editor()->findChild<QTabWidget *>(u"requestTabs"_s);
        editorTabs->setCurrentWidget(editor); // the README's picture of the Assertions tab
        auto *responseTabs = tab->viewer()->findChild<QTabWidget *>(u"responseTabs"_s);
        responseTabs->setCurrentWidget(results);
        m_f.window->resize(1180, 800);
        QTest::qWait(300);
        QVERIFY(m_f.window->grab().save(shots + u"/assertions.png"_s));
    }
    QVERIFY(m_f.window->requestTabs()->save(tab));
    const HttpRequest saved = m_f.workspace->collection(collection.id)->items.first().request;
    QCOMPARE(saved.assertions.size(), 2);
    QCOMPARE(saved.captures.size(), 1);
    QCOMPARE(saved.captures.constFirst().scope, u"collection"_s);
}

// A folder's and a collection's Settings have an Assertions tab too: its rows check the answer of
// every request in them (in Postman's order: the collection's, then the folder's), with nothing in
// the request itself.
void tst_WorkspaceTree::folderAndCollectionAssertionsCheckEachRequest()
{
    Collection collection = saveIncidentRequest(u"Checked around"_s);
    CollectionItem folder = CollectionItem::makeFolder(u"Incidents"_s);
    folder.children.append(collection.items.takeFirst());
    collection.items.append(folder);
    QVERIFY(m_f.workspace->saveCollection(collection).isEmpty());
    const QString requestId = folder.children.constFirst().id;
    const OAuthServices services { m_f.tokens.get(), nullptr, nullptr, &m_f.manager };
    auto typeRow
        = [](AssertionsEditor *editor, const QString &target, const QString &op, const QString &value) {
              QTableWidget *table = editor->assertionsTable();
              const int row = table->rowCount() - 1; // the empty row to type into
              table->item(row, 0)->setText(target);
              table->item(row, 1)->setText(op);
              table->item(row, 2)->setText(value);
          };
    {
        ItemSettingsDialog settings(m_f.workspace.get(), services, collection.id, folder.id);
        auto *tabs = settings.findChild<QTabWidget *>(u"settingsTabs"_s);
        AssertionsEditor *editor = settings.assertionsEditor();
        QVERIFY(editor);
        QCOMPARE(tabs->tabText(tabs->indexOf(editor)), u"Asse&rtions"_s);
        QCOMPARE(editor->assertionsTable()->accessibleName(), u"Assertions"_s);
        typeRow(editor, u"res.status"_s, u"eq"_s, u"200"_s);
        QTableWidget *captures = editor->capturesTable();
        captures->item(0, 0)->setText(u"lastNumber"_s);
        captures->item(0, 1)->setText(u"collection"_s);
        captures->item(0, 2)->setText(u"res.body.result[0].number"_s);
        if (const QString shots = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !shots.isEmpty()) {
            tabs->setCurrentWidget(editor); // the README's picture of a folder's Assertions tab
            settings.resize(720, 460);
            settings.show();
            QVERIFY(QTest::qWaitForWindowExposed(&settings));
            QTest::qWait(200);
            QVERIFY(settings.grab().save(shots + u"/folder-assertions.png"_s));
        }
        QCOMPARE(settings.apply(), QString());
    }
    {
        ItemSettingsDialog settings(m_f.workspace.get(), services, collection.id, QString());
        QVERIFY(settings.assertionsEditor());
        typeRow(settings.assertionsEditor(), u"res.headers.content-type"_s, u"contains"_s, u"json"_s);
        typeRow(settings.assertionsEditor(), u"res.body.result"_s, u"isEmpty"_s, QString());
        QCOMPARE(settings.apply(), QString());
    }
    const Collection *saved = m_f.workspace->collection(collection.id);
    QCOMPARE(saved->assertions.size(), 2);
    QCOMPARE(saved->find(folder.id)->assertions.size(), 1);
    QCOMPARE(saved->find(folder.id)->captures.size(), 1);
    QVERIFY(saved->find(requestId)->request.assertions.isEmpty());

    RequestTab *tab = m_f.window->requestTabs()->openSaved(collection.id, requestId);
    QVERIFY(tab);
    QVERIFY(tab->hasScripts());
    QVERIFY(sendAndWait(tab));
    TestResultsView *results = tab->viewer()->testResults();
    QCOMPARE(results->summary(), u"2 of 3 tests passed, 1 failed"_s);
    auto *list = results->findChild<QListWidget *>(u"testList"_s);
    QCOMPARE(list->item(0)->text(), u"Pass \u2014 res.headers.content-type contains json"_s);
    QVERIFY2(list->item(1)->text().startsWith(u"Fail \u2014 res.body.result isEmpty: expected"_s),
             qPrintable(list->item(1)->text()));
    QCOMPARE(list->item(2)->text(), u"Pass \u2014 res.status eq 200"_s);
    const Variable captured = m_f.workspace->collection(collection.id)->variables.value(0);
    QCOMPARE(captured.key, u"lastNumber"_s);
    QVERIFY(captured.value.startsWith(u"INC"_s));
}

// Settings > Script Time Limit: an endless pre-request script is stopped after the time set, says so,
// and the window goes on.
void tst_WorkspaceTree::scriptTimeLimitIsTheSetting()
{
    const auto before = RunSettings::scriptTimeLimit();
    RunSettings::setScriptTimeLimit(std::chrono::seconds(1));
    const Collection collection = saveIncidentRequest(u"Looping"_s);
    RequestTab *tab = m_f.window->requestTabs()->openSaved(collection.id, collection.items.first().id);
    QVERIFY(tab);
    tab->editor()->scriptsEditor()->preRequest()->setPlainText(u"while (true) {}"_s);
    QVERIFY(sendAndWait(tab));
    RunSettings::setScriptTimeLimit(before);
    auto *list = tab->viewer()->testResults()->findChild<QListWidget *>(u"testList"_s);
    QCOMPARE(list->count(), 1);
    QCOMPARE(
        list->item(0)->text(),
        u"Error \u2014 TimeLimit in the request \u201cOne incident\u201d pre-request script: The script ran "
        "for more than 1 s and was stopped (the time limit for scripts)."_s);
    // As newman does, the request still goes out after a pre-request script failed.
    QVERIFY2(tab->viewer()->findChild<QLabel *>(u"responseStatus"_s)->text().contains(u"200"_s),
             qPrintable(tab->viewer()->findChild<QLabel *>(u"responseStatus"_s)->text()));
    QVERIFY(m_f.window->findChild<QAction *>(u"scriptTimeLimitAction"_s));
}

void tst_WorkspaceTree::historyRecordsAndReopens()
{
    HttpRequest request;
    request.url = m_f.sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=1"_s;
    request.auth.type = AuthType::Basic;
    request.auth.username = u"admin"_s;
    request.auth.password = u"admin"_s;
    m_f.window->setRequest(request);
    QSignalSpy received(m_f.window.get(), &MainWindow::responseReceived);
    m_f.window->send();
    QVERIFY(received.wait(10000));
    HistoryPane *pane = m_f.window->historyPane();
    QVERIFY(pane);
    QCOMPARE(pane->store()->count(), 1);
    QCOMPARE(pane->shownEntries().size(), 1);
    QVERIFY(pane->shownEntries().first().toRequest().url.contains(u"/api/now/table/incident"_s));
    // Never the credentials.
    pane->store()->flush();
    QVERIFY(!allFiles(m_f.root->path() + u"/.postern"_s).contains(QByteArray("admin:admin").toBase64()));
    const int before = m_f.window->requestTabs()->count();
    Q_EMIT pane->openRequested(pane->shownEntries().first().toRequest());
    QCOMPARE(m_f.window->requestTabs()->count(), before + 1);
}

void tst_WorkspaceTree::secretsArriveAfterTheTabsOpen()
{
    // A saved request with a password, open in a tab; then a restart: the tab is restored before the
    // keychain answers, and takes the password when it does, without showing unsaved changes.
    Collection collection = Collection::make(u"Secrets"_s);
    HttpRequest request;
    request.url = m_f.sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=1"_s;
    request.auth.type = AuthType::Basic;
    request.auth.username = u"admin"_s;
    request.auth.password = u"admin"_s;
    collection.items = { CollectionItem::makeRequest(u"Guarded"_s, request) };
    QVERIFY(m_f.workspace->saveCollection(collection).isEmpty());
    QVERIFY(m_f.window->requestTabs()->openSaved(collection.id, collection.items.first().id));
    m_f.window->saveSession();
    QTRY_VERIFY(!m_f.keychain.keys().filter(collection.id).isEmpty());

    QVERIFY(m_f.openWindow());
    RequestTab *tab = m_f.window->requestTabs()->currentTab();
    QCOMPARE(tab->itemId(), collection.items.first().id);
    QTRY_COMPARE(tab->editor()->request().auth.password, u"admin"_s);
    QVERIFY(!tab->isDirty());

    // Saving an edit keeps the password in the keychain.
    auto *url = tab->editor()->findChild<QLineEdit *>(u"urlEdit"_s);
    url->setText(url->text() + u"&sysparm_fields=number"_s);
    Q_EMIT url->textEdited(url->text());
    QVERIFY(m_f.window->requestTabs()->save(tab));
    QVERIFY(m_f.openWindow());
    QTRY_COMPARE(m_f.workspace->collection(collection.id)->items.first().request.auth.password, u"admin"_s);
    QSignalSpy received(m_f.window.get(), &MainWindow::responseReceived);
    QTRY_COMPARE(m_f.window->requestTabs()->currentTab()->editor()->request().auth.password, u"admin"_s);
    m_f.window->send();
    QVERIFY(received.wait(10000));
    QCOMPARE(received.first().first().value<HttpResponse>().statusCode, 200);
}

void tst_WorkspaceTree::secretVariablesAreMaskedInHistoryAndCurl()
{
    Environment environment = Environment::make(u"Keys"_s);
    environment.variables = { { u"apiKey"_s, u"canary-5d1c"_s, true, true, {} } };
    QVERIFY(m_f.workspace->saveEnvironment(environment).isEmpty());
    m_f.workspace->setCurrentEnvironmentId(environment.id);
    HttpRequest request;
    request.url = m_f.sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=1"_s;
    request.headers = { { u"X-Api-Key"_s, u"{{apiKey}}"_s, true, {} } };
    m_f.window->setRequest(request);
    RequestTab *tab = m_f.window->requestTabs()->currentTab();
    QCOMPARE(tab->preparedRequest().headers.first().value, u"canary-5d1c"_s); // what is sent
    QSignalSpy received(m_f.window.get(), &MainWindow::responseReceived);
    m_f.window->send();
    QVERIFY(received.wait(10000));
    m_f.window->historyPane()->store()->flush();
    QVERIFY(!allFiles(m_f.root->path()).contains("canary-5d1c"));
    QCOMPARE(m_f.window->historyPane()->shownEntries().first().toRequest().headers.first().value, u"****"_s);
    m_f.window->copyAsCurl(CurlCommand::Secrets::Mask);
    QVERIFY(!QApplication::clipboard()->text().contains(u"canary-5d1c"_s));
    m_f.window->copyAsCurl(CurlCommand::Secrets::Include);
    QVERIFY(QApplication::clipboard()->text().contains(u"canary-5d1c"_s));
}

void tst_WorkspaceTree::environmentWithTheGlobalsIdIsACopy()
{
    Environment globals = m_f.workspace->globals();
    globals.variables = { { u"shared"_s, u"kept"_s, true, false, {} } };
    QVERIFY(m_f.workspace->saveGlobals(globals).isEmpty());
    const QByteArray hostile
        = R"({"id": "globals", "name": "Sneaky", "values": [{"key": "shared", "value": "replaced", "enabled": true}]})";
    const ImportExport::Outcome outcome = ImportExport::importData(m_f.workspace.get(), hostile);
    QVERIFY2(outcome.ok(), qPrintable(outcome.title()));
    QVERIFY(outcome.environmentId != m_f.workspace->globals().id);
    QCOMPARE(m_f.workspace->globals().variables.first().value, u"kept"_s);
    QCOMPARE(m_f.workspace->environment(outcome.environmentId)->variables.first().value, u"replaced"_s);
}

void tst_WorkspaceTree::oauthEndpointsFollowTheInstanceVariable()
{
    HttpRequest request;
    request.url = u"{{instance}}/api/now/table/incident"_s;
    m_f.window->setRequest(request);
    auto *type = m_f.window->requestEditor()->findChild<QComboBox *>(u"authType"_s);
    type->setCurrentIndex(type->findText(u"OAuth 2.0"_s));
    const AuthConfig auth = m_f.window->requestEditor()->request().auth;
    QCOMPARE(auth.oauth2.authUrl, u"{{instance}}/oauth_auth.do"_s);
    QCOMPARE(auth.oauth2.accessTokenUrl, u"{{instance}}/oauth_token.do"_s);
}

void tst_WorkspaceTree::typedSecretsInANewTabSurviveARestart()
{
    HttpRequest request;
    request.url = u"https://example.invalid/"_s;
    request.auth.type = AuthType::Basic;
    request.auth.username = u"someone"_s;
    request.auth.password = u"canary-typed-9e2"_s;
    m_f.window->setRequest(request);
    const QString tabId = m_f.window->requestTabs()->currentTab()->id();
    m_f.window->saveSession();
    QTRY_VERIFY(!m_f.keychain.keys().filter(tabId).isEmpty()); // beside the draft, in the keychain
    QVERIFY(!allFiles(m_f.root->path()).contains("canary-typed-9e2"));

    QVERIFY(m_f.openWindow());
    RequestTab *tab = m_f.window->requestTabs()->currentTab();
    QCOMPARE(tab->id(), tabId);
    QTRY_COMPARE(tab->editor()->request().auth.password, u"canary-typed-9e2"_s);

    // Closing the tab (its edits discarded) forgets them.
    WorkspaceFixture::answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(m_f.window->requestTabs()->closeTab(m_f.window->requestTabs()->indexOf(tab)));
    QTRY_VERIFY(m_f.keychain.keys().filter(tabId).isEmpty());
}

QTEST_MAIN(tst_WorkspaceTree)
#include "tst_workspacetree.moc"
