// The workspace through the real window: two tabs (one saved in a collection, one new with unsaved
// edits), {{variables}} from environments, switching environment switches the OAuth 2.0 token, Ctrl+S
// saves and Ctrl+W asks, and after a restart the tabs, their drafts and the environment come back.
#include "everypage.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenendpointjob.h"
#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "ui/mainwindow.h"
#include "ui/oauth/oauth2pane.h"
#include "ui/request/autheditor.h"
#include "ui/request/requesteditor.h"
#include "ui/response/responseviewer.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/workspace/collectionstree.h"
#include "ui/workspace/requesttab.h"
#include "ui/workspace/requesttabs.h"
#include "workspace/workspace.h"
#include "workspacefixture.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_WorkspaceWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tabsEnvironmentsTokensAndRestart();
    void requestPutInATabIsKeptAsADraft();
    void unresolvedVariablesAreShown();
    void closingADirtyTabAsks();
    void brokenFilesAreSetAsideAndReported();
    void openedFilesAreImported();
    void controlsHaveAccessibleNames();

private:
    OAuth2Token obtainToken(const QString &environmentId, const QString &user);
    QString authorizationHeader() const;
    QString sendAndStatus();

    WorkspaceFixture m_f;
};

void tst_WorkspaceWindow::initTestCase()
{
    QVERIFY(m_f.startSandbox());
}

void tst_WorkspaceWindow::init()
{
    QVERIFY(m_f.setUp());
}

void tst_WorkspaceWindow::cleanup()
{
    m_f.tearDown();
}

OAuth2Token tst_WorkspaceWindow::obtainToken(const QString &environmentId, const QString &user)
{
    // The token a user would get with Get New Access Token in that environment (password grant).
    OAuth2Config config;
    config.grantType = OAuth2GrantType::Password;
    config.accessTokenUrl = m_f.sandbox->baseUrl().toString() + u"/oauth_token.do"_s;
    config.authUrl = m_f.sandbox->baseUrl().toString() + u"/oauth_auth.do"_s;
    config.clientId = u"postern"_s;
    config.clientSecret = u"postern-secret"_s;
    TokenEndpointClient client(&m_f.manager);
    TokenEndpointJob *job
        = client.requestPasswordToken(config, user, user); // the sandbox users' passwords are their names
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    if (!finished.wait(10000))
        return {};
    OAuth2Result result = finished.first().first().value<OAuth2Result>();
    if (!result.ok())
        qWarning() << "token request failed:" << result.message;
    OAuth2Token token = result.token;
    token.environment = environmentId;
    token.name = environmentId + u" token"_s;
    QSignalSpy changed(m_f.tokens.get(), &TokenStore::tokensChanged);
    m_f.tokens->add(token);
    changed.wait(5000);
    return token;
}

QString tst_WorkspaceWindow::authorizationHeader() const
{
    KeyValueModel *headers = m_f.window->requestEditor()->headersEditor()->keyValueModel();
    for (int row = 0; row < headers->automaticRowCount(); ++row) {
        if (headers->index(row, KeyValueModel::KeyColumn).data().toString() == u"Authorization"_s)
            return headers->index(row, KeyValueModel::ValueColumn).data(Qt::EditRole).toString();
    }
    return QString();
}

QString tst_WorkspaceWindow::sendAndStatus()
{
    QSignalSpy received(m_f.window.get(), &MainWindow::responseReceived);
    m_f.window->send();
    if (!received.wait(15000))
        return u"(no response)"_s;
    return received.first().first().value<HttpResponse>().statusCode == 0
        ? u"(error)"_s
        : QString::number(received.first().first().value<HttpResponse>().statusCode);
}

void tst_WorkspaceWindow::tabsEnvironmentsTokensAndRestart()
{
    // Two environments pointing at the same instance, as Dev and Prod often do in tests.
    {
        Workspace setup(m_f.root->path());
        QVERIFY(setup.open());
        Environment dev = Environment::make(u"Dev"_s);
        dev.id = u"dev"_s;
        dev.variables = { { u"instance"_s, m_f.sandbox->baseUrl().toString(), true, false, {} },
                          { u"limit"_s, u"2"_s, true, false, {} } };
        Environment prod = dev;
        prod.id = u"prod"_s;
        prod.name = u"Prod"_s;
        prod.variables[1].value = u"3"_s;
        QVERIFY(setup.saveEnvironment(dev).isEmpty());
        QVERIFY(setup.saveEnvironment(prod).isEmpty());
        Collection collection = Collection::make(u"ServiceNow"_s);
        HttpRequest request;
        request.url = u"{{instance}}/api/now/table/incident?sysparm_limit={{limit}}"_s;
        request.auth.type = AuthType::OAuth2;
        request.auth.oauth2.grantType = OAuth2GrantType::Password;
        request.auth.oauth2.authUrl = u"{{instance}}/oauth_auth.do"_s;
        request.auth.oauth2.accessTokenUrl = u"{{instance}}/oauth_token.do"_s;
        request.auth.oauth2.clientId = u"postern"_s;
        collection.items.append(CollectionItem::makeRequest(u"Incidents"_s, request));
        QVERIFY(setup.saveCollection(collection).isEmpty());
    }
    const OAuth2Token devToken = obtainToken(u"dev"_s, u"admin"_s);
    const OAuth2Token prodToken = obtainToken(u"prod"_s, u"abel.tuter"_s);
    QVERIFY(devToken.isValid());
    QVERIFY(prodToken.isValid());

    QVERIFY(m_f.openWindow());
    auto *combo = m_f.window->environmentCombo();
    QCOMPARE(combo->count(), 3); // No Environment, Dev, Prod
    combo->setCurrentIndex(combo->findText(u"Dev"_s));
    QCOMPARE(m_f.workspace->currentEnvironmentId(), u"dev"_s);

    // Tab 1: the saved request, opened from the sidebar.
    CollectionsTree *tree = m_f.window->collectionsTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *requestItem = tree->topLevelItem(0)->child(0);
    QVERIFY(requestItem);
    Q_EMIT tree->itemActivated(requestItem, 0);
    RequestTabs *tabs = m_f.window->requestTabs();
    QCOMPARE(tabs->currentTab()->title(), u"Incidents"_s);
    QVERIFY(!tabs->currentTab()->isDirty());

    // Switching environment switches the token: Dev's, then Prod's, never the other's.
    auto *pane = m_f.window->requestEditor()->findChild<OAuth2Pane *>();
    QVERIFY(pane);
    pane->setCurrentTokenId(devToken.id);
    combo->setCurrentIndex(combo->findText(u"Prod"_s));
    QCOMPARE(pane->currentTokenId(), prodToken.id);
    QCOMPARE(authorizationHeader(), u"Bearer "_s + prodToken.accessToken);
    QCOMPARE(sendAndStatus(), u"200"_s);
    combo->setCurrentIndex(combo->findText(u"Dev"_s));
    QCOMPARE(pane->currentTokenId(), devToken.id);
    QCOMPARE(authorizationHeader(), u"Bearer "_s + devToken.accessToken);
    // The URL's {{limit}} comes from the environment: Dev asks for 2 incidents.
    QCOMPARE(tabs->currentTab()->preparedRequest().url,
             m_f.sandbox->baseUrl().toString() + u"/api/now/table/incident?sysparm_limit=2"_s);
    QVERIFY(!tabs->currentTab()->isDirty()); // a token switch is not an edit

    // Hovering the URL shows what it resolves to.
    auto *url = m_f.window->requestEditor()->findChild<QLineEdit *>(u"urlEdit"_s);
    QVERIFY2(url->toolTip().contains(u"sysparm_limit=2"_s), qPrintable(url->toolTip()));
    QVERIFY(url->toolTip().contains(u"{{limit}} = 2 (environment)"_s));

    // Tab 2: Ctrl+T, typed into, never saved.
    QTest::keyClick(m_f.window.get(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 2);
    auto *url2 = m_f.window->requestEditor()->findChild<QLineEdit *>(u"urlEdit"_s);
    QVERIFY(url2 != url);
    QTest::keyClicks(url2, u"{{instance}}/api/now/table/problem"_s);
    QVERIFY(tabs->currentTab()->isDirty());
    QVERIFY(tabs->tabText(1).startsWith(u"\u2022"_s));

    // An unsaved edit in tab 1 too; the drafts are written shortly after.
    tabs->setCurrentIndex(0);
    url->setText(url->text() + u"&sysparm_fields=number"_s);
    Q_EMIT url->textEdited(url->text());
    QVERIFY(tabs->currentTab()->isDirty());
    const QString draftsDir = m_f.root->path() + u"/.postern/drafts"_s;
    QTRY_COMPARE_WITH_TIMEOUT(QDir(draftsDir).entryList({ u"*.json"_s }, QDir::Files).size(), 2, 3000);

    // Restart: a new window over the same folder (as after a crash, no orderly close).
    m_f.window.reset();
    m_f.workspace.reset();
    // Opening writes nothing: the session and drafts read are the ones on disk (a write there would
    // also cost the start a synced file).
    const QDateTime longAgo = QDateTime::currentDateTime().addDays(-1);
    QStringList stateFiles { m_f.root->path() + u"/.postern/session.json"_s };
    for (const QString &draft : QDir(draftsDir).entryList({ u"*.json"_s }, QDir::Files))
        stateFiles.append(draftsDir + u'/' + draft);
    for (const QString &path : std::as_const(stateFiles)) {
        QFile state(path);
        QVERIFY2(state.open(QIODevice::ReadWrite), qPrintable(path));
        QVERIFY(state.setFileTime(longAgo, QFileDevice::FileModificationTime));
    }
    QVERIFY(m_f.openWindow());
    for (const QString &path : std::as_const(stateFiles))
        QVERIFY2(QFileInfo(path).lastModified() < longAgo.addSecs(60), qPrintable(path));
    tabs = m_f.window->requestTabs();
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(m_f.workspace->currentEnvironmentId(), u"dev"_s);
    QCOMPARE(m_f.window->environmentCombo()->currentText(), u"Dev"_s);
    QCOMPARE(tabs->tab(0)->title(), u"Incidents"_s);
    QVERIFY(tabs->tab(0)->isDirty());
    QVERIFY(tabs->tab(0)->editor()->request().url.endsWith(u"&sysparm_fields=number"_s));
    QCOMPARE(tabs->tab(1)->editor()->request().url, u"{{instance}}/api/now/table/problem"_s);
    QCOMPARE(tabs->currentIndex(), 0);

    // Ctrl+S saves the edit into the collection's file; the marker goes.
    tabs->setCurrentIndex(0);
    QTest::keyClick(m_f.window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!tabs->tab(0)->isDirty());
    QCOMPARE(m_f.workspace->collections().size(), 1);
    QFile file(m_f.workspace->collectionPath(m_f.workspace->collections().first().id));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("sysparm_fields=number"));
    // Opened again while Prod is current, the saved request (whose token is Dev's) takes Prod's.
    tabs->tab(0)->editor()->findChild<OAuth2Pane *>()->setCurrentTokenId(devToken.id);
    QVERIFY(tabs->save(tabs->tab(0)));
    tabs->setCurrentIndex(0);
    QVERIFY(tabs->closeTab(0));
    m_f.window->environmentCombo()->setCurrentIndex(m_f.window->environmentCombo()->findText(u"Prod"_s));
    RequestTab *reopened = tabs->openSaved(m_f.workspace->collections().first().id,
                                           m_f.workspace->collections().first().items.first().id);
    QVERIFY(reopened);
    QCOMPARE(reopened->editor()->findChild<OAuth2Pane *>()->currentTokenId(), prodToken.id);
    QCOMPARE(reopened->preparedRequest().auth.oauth2TokenId, prodToken.id);

    // No token value or secret ever lands in the workspace's files.
    for (QDirIterator it(m_f.root->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();) {
        QFile any(it.next());
        QVERIFY(any.open(QIODevice::ReadOnly));
        const QByteArray bytes = any.readAll();
        QVERIFY2(!bytes.contains(devToken.accessToken.toUtf8()), qPrintable(any.fileName()));
        QVERIFY2(!bytes.contains(prodToken.accessToken.toUtf8()), qPrintable(any.fileName()));
        QVERIFY2(!bytes.contains("postern-secret"), qPrintable(any.fileName()));
    }
}

void tst_WorkspaceWindow::requestPutInATabIsKeptAsADraft()
{
    // What the application does at start (the sandbox's request) survives a kill without an edit.
    QVERIFY(m_f.openWindow());
    HttpRequest request;
    request.url = u"{{instance}}/api/now/table/incident"_s;
    m_f.window->setRequest(request);
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(m_f.root->path() + u"/.postern/drafts"_s).entryList({ u"*.json"_s }, QDir::Files).size() == 1,
        3000);
    m_f.window.reset();
    m_f.workspace.reset();
    QVERIFY(m_f.openWindow());
    QCOMPARE(m_f.window->requestTabs()->count(), 1);
    QCOMPARE(m_f.window->requestEditor()->request().url, request.url);
}

void tst_WorkspaceWindow::unresolvedVariablesAreShown()
{
    QVERIFY(m_f.openWindow());
    auto *url = m_f.window->requestEditor()->findChild<QLineEdit *>(u"urlEdit"_s);
    url->setText(u"{{nowhere}}/api"_s);
    Q_EMIT url->textEdited(url->text());
    auto *note = m_f.window->requestEditor()->findChild<QLabel *>(u"unresolvedVariables"_s);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"{{nowhere}}"_s), qPrintable(note->text()));
    QVERIFY(url->toolTip().contains(u"{{nowhere}} is not defined"_s));
}

void tst_WorkspaceWindow::closingADirtyTabAsks()
{
    QVERIFY(m_f.openWindow());
    RequestTabs *tabs = m_f.window->requestTabs();
    m_f.window->newTab();
    QCOMPARE(tabs->count(), 2);
    auto *url = m_f.window->requestEditor()->findChild<QLineEdit *>(u"urlEdit"_s);
    QTest::keyClicks(url, u"https://example.invalid/x"_s);
    int asked = 0;
    auto answer = [this, &asked](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, this, [&asked, button] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible()) {
                    ++asked;
                    box->button(button)->click();
                }
            }
        });
    };
    answer(QMessageBox::Cancel);
    QTest::keyClick(url, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(asked, 1);
    QCOMPARE(tabs->count(), 2); // kept
    // The window becomes active again once the question is gone, as on a desktop.
    m_f.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_f.window.get()));
    answer(QMessageBox::Discard);
    QTest::keyClick(url, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(asked, 2);
    QCOMPARE(tabs->count(), 1);
}

void tst_WorkspaceWindow::brokenFilesAreSetAsideAndReported()
{
    {
        Workspace setup(m_f.root->path());
        QVERIFY(setup.open());
        QVERIFY(setup.saveCollection(Collection::make(u"Good"_s)).isEmpty());
    }
    QFile broken(m_f.root->path() + u"/collections/broken.json"_s);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"postern\": \"collection\", \"items\": [");
    broken.close();
    QVERIFY(m_f.openWindow());
    QCOMPARE(m_f.window->collectionsTree()->topLevelItemCount(), 1);
    QPointer<QMessageBox> box = m_f.window->findChild<QMessageBox *>(u"workspaceMessages"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"broken.json"_s) && box->text().contains(u".broken-"_s),
             qPrintable(box->text()));
    QVERIFY(!QFile::exists(broken.fileName()));
    box->close();
}

void tst_WorkspaceWindow::openedFilesAreImported()
{
    // What "Open With Postern" and `postern FILE…` do: each file imported as File > Import would, its
    // summary told in a message box a screen reader reads.
    QVERIFY(m_f.openWindow());
    QTemporaryDir files;
    auto write = [&files](const QString &name, const QByteArray &contents) {
        QFile file(files.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
            return QString();
        return file.fileName();
    };
    const QString collection = write(u"Incidents.postman_collection.json"_s, R"({
        "info": { "name": "Opened incidents",
                  "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        "item": [ { "name": "List", "request": { "method": "GET", "url": "{{instance}}/api/now/table/incident" } } ]
    })");
    const QString curl
        = write(u"call.sh"_s, "curl -H 'Accept: application/json' https://example.invalid/opened\n");
    const QString garbage = write(u"garbage.postman_collection.json"_s, "\x89PNG\r\n\x1a\n{not json");
    QVERIFY(!collection.isEmpty() && !curl.isEmpty() && !garbage.isEmpty());

    QStringList told; // each box's icon and text, as the accessibility tree gives them
    std::function<void()> readBox = [this, &told, &readBox] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            auto *label = box->findChild<QLabel *>(u"qt_msgbox_label"_s);
            QAccessibleInterface *text = label ? QAccessible::queryAccessibleInterface(label) : nullptr;
            told << (box->icon() == QMessageBox::Warning ? u"warning: "_s : u"information: "_s)
                    + (text ? text->text(QAccessible::Name) : QString());
            box->button(QMessageBox::Ok)->click();
        }
        if (told.size() < 3)
            QTimer::singleShot(50, this, readBox);
    };
    QTimer::singleShot(0, this, readBox);
    const int tabsBefore = m_f.window->requestTabs()->count();
    m_f.window->importFiles({ collection, curl, garbage });
    QCOMPARE(told.size(), 3);
    QVERIFY2(told.at(0).startsWith(u"information: "_s) && told.at(0).contains(u"Opened incidents"_s),
             qPrintable(told.at(0)));
    QVERIFY2(told.at(1).startsWith(u"information: "_s), qPrintable(told.at(1)));
    QVERIFY2(told.at(2).startsWith(u"warning: Not imported"_s) && told.at(2).contains(u"not valid JSON"_s),
             qPrintable(told.at(2)));

    bool found = false;
    for (const Collection &kept : m_f.workspace->collections())
        found = found || kept.name == u"Opened incidents"_s;
    QVERIFY(found);
    QCOMPARE(m_f.window->collectionsTree()->currentItem()->text(0), u"Opened incidents"_s);
    QCOMPARE(m_f.window->requestTabs()->count(), tabsBefore + 1);
    auto *url = m_f.window->requestEditor()->findChild<QLineEdit *>(u"urlEdit"_s);
    QCOMPARE(url->text(), u"https://example.invalid/opened"_s);
}

void tst_WorkspaceWindow::controlsHaveAccessibleNames()
{
    QVERIFY(m_f.openWindow());
    Testing::makeEveryPage(m_f.window.get());
    QStringList unnamed;
    const QList<QWidget *> widgets = m_f.window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        // Hidden pages count too; a combo box's popup list is named by its items.
        if (widget->focusPolicy() == Qt::NoFocus || widget->inherits("QScrollBar")
            || widget->inherits("QComboBoxListView"))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        if (iface && iface->text(QAccessible::Name).isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' '
                           + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

QTEST_MAIN(tst_WorkspaceWindow)
#include "tst_workspacewindow.moc"
