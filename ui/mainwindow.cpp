#include "ui/mainwindow.h"

#include "curl/curlcommand.h"
#include "engine/engine.h"
#include "history/cookiestore.h"
#include "history/historystore.h"
#include "http/clientcertificates.h"
#include "http/fileaccess.h"
#include "http/httpclient.h"
#include "oauth/requestsender.h"
#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrefresher.h"
#include "oauth/tokenstore.h"
#include "ui/clientcertificatesdialog.h"
#include "ui/history/cookiemanagerdialog.h"
#include "ui/history/historypane.h"
#include "ui/oauth/encryptedtokenfile.h"
#include "ui/request/bodyeditor.h"
#include "ui/request/requesteditor.h"
#include "ui/response/responseviewer.h"
#include "ui/runner/runnerdialog.h"
#include "ui/widgets/firstframe.h"
#include "ui/workspace/collectionstree.h"
#include "ui/workspace/environmentsdialog.h"
#include "ui/workspace/importexport.h"
#include "ui/workspace/itemsettingsdialog.h"
#include "ui/workspace/requesttab.h"
#include "ui/workspace/requesttabs.h"
#include "ui/workspace/sidebar.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QShowEvent>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Sets the window's icon once its first frame is painted: the icon theme's name (an installed Postern
// puts its own into hicolor), else the one in the program, PNGs ui/CMakeLists.txt draws from an SVG at
// build time, one per size (%1 in bundled), which need no SVG icon engine. Neither is wanted sooner: the
// first lookup in a theme makes Qt read its index, and the first image read loads every image format
// plugin (the SVG one with Qt SVG, the JPEG one with libjpeg) to ask whether it knows the file.
void windowIconAfterFirstFrame(QWidget *window, const QString &name, const QString &bundled)
{
    afterFirstFrame(window, [window, name, bundled] {
        QIcon drawn;
        for (const int size : { POSTERN_WINDOW_ICON_SIZES })
            drawn.addFile(bundled.arg(size), QSize(size, size));
        window->setWindowIcon(QIcon::fromTheme(name, drawn));
    });
}

} // namespace

MainWindow::MainWindow(QNetworkAccessManager *manager, TokenStore *tokens, QWidget *parent)
    : MainWindow(new Engine(manager, tokens), parent)
{
    m_engine->setParent(this); // the window's own
}

MainWindow::MainWindow(Engine *engine, QWidget *parent, Tabs tabs)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_tokens(engine->tokens())
    , m_client(engine->client())
    , m_sender(engine->sender())
{
    m_services.tokens = engine->tokens();
    m_services.network = engine->network();
    m_services.endpoint = engine->endpoint();
    m_services.refresher = engine->refresher();
    setObjectName(u"mainWindow"_s);
    // The client certificates set in an earlier run, once their passphrases are read.
    if (auto *network = qobject_cast<CertificateNetworkManager *>(engine->network());
        network && network->clientCertificates().entries().isEmpty()) {
        ClientCertificatesDialog::load(engine->tokens()->secretStore(), this,
                                       [network](const QList<ClientCertificate> &entries) {
                                           if (!entries.isEmpty())
                                               network->setClientCertificates(ClientCertificates(entries));
                                       });
    }
    setWindowTitle(u"Postern"_s);
    applyBodyLimit();
    windowIconAfterFirstFrame(this, u"io.postern.Postern"_s, u":/icons/%1x%1/apps/postern.png"_s);

    m_sideSplitter = new QSplitter(Qt::Horizontal, this);
    m_sideSplitter->setObjectName(u"sideSplitter"_s);
    m_tabs = new RequestTabs(m_services, m_sender, m_sideSplitter);
    m_sideSplitter->addWidget(m_tabs);
    setCentralWidget(m_sideSplitter);
    // A tab costs as much to make as the rest of the window: none that openWorkspace() would drop.
    if (tabs == Tabs::Scratch)
        m_tabs->newTab();

    m_instanceStatus = new QLabel(this);
    m_instanceStatus->setObjectName(u"instanceStatus"_s);
    m_instanceStatus->setAccessibleName(tr("Instance"));
    m_instanceStatus->setAccessibleDescription(tr("Instance"));
    statusBar()->addWidget(m_instanceStatus, 1);

    connect(m_tabs, &RequestTabs::curlImported, this, [this](const QStringList &notes) {
        statusBar()->showMessage(notes.isEmpty() ? tr("Imported the curl command.")
                                                 : tr("Imported the curl command. %1").arg(notes.join(u' ')),
                                 15000);
    });
    connect(m_tabs, &RequestTabs::curlRefused, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Not imported: %1").arg(error), 15000);
    });
    connect(m_tabs, &RequestTabs::exchanged, this,
            [this](const HttpRequest &, const HttpResponse &response) { Q_EMIT responseReceived(response); });
    connect(m_tabs, &RequestTabs::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_tabs->setWindowStateProvider([this] {
        Session session;
        session.windowGeometry = saveGeometry();
        session.windowState = saveState();
        session.splitterState = m_sideSplitter->saveState();
        session.environmentId = m_workspace ? m_workspace->currentEnvironmentId() : QString();
        return session;
    });
    createMenus();
    createToolBar();
    resize(1280, 800);
    keepOnScreen();
}

MainWindow::~MainWindow() = default;

void MainWindow::refreshEnvironments()
{
    if (!m_workspace)
        return;
    m_refreshingEnvironments = true;
    m_environment->clear();
    m_environment->addItem(tr("No Environment"), QString());
    const QList<Environment> environments = m_workspace->environments();
    for (const Environment &environment : environments)
        m_environment->addItem(environment.name, environment.id);
    const int index = m_environment->findData(m_workspace->currentEnvironmentId());
    m_environment->setCurrentIndex(index < 0 ? 0 : index);
    m_environment->setEnabled(true);
    m_refreshingEnvironments = false;
}

HistoryPane *MainWindow::historyPane() const
{
    return m_sidebar ? m_sidebar->historyPane() : nullptr;
}

bool MainWindow::openWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    // History and cookies are this machine's, kept in the workspace's .postern folder.
    const Engine::WorkspaceState state = m_engine->openWorkspaceState(
        workspace, QSettings().value(u"history/maxEntries"_s, 1000).toInt(), this);
    const QStringList stateMessages = state.messages;
    m_history = state.history;
    m_cookies = state.cookies;
    connect(
        m_tabs, &RequestTabs::exchanged, m_history,
        [this](const HttpRequest &sent, const HttpResponse &response) { m_history->record(sent, response); });
    connect(m_history, &HistoryStore::saveFailed, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });

    m_sidebar = new Sidebar(workspace, m_history, m_sideSplitter);
    m_sideSplitter->insertWidget(0, m_sidebar);
    m_sideSplitter->setStretchFactor(0, 0);
    m_sideSplitter->setStretchFactor(1, 1);
    m_sideSplitter->setSizes({ 280, 1000 });
    m_tree = m_sidebar->tree();
    connect(m_sidebar, &Sidebar::newCollectionRequested, this, &MainWindow::newCollection);
    connect(m_sidebar, &Sidebar::importRequested, m_importAction, &QAction::trigger);
    connect(m_sidebar, &Sidebar::historyOpenRequested, this,
            [this](const HttpRequest &request) { m_tabs->newTab(request); });
    connect(m_cookies, &CookieStore::saveFailed, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    m_cookiesAction->setEnabled(true);
    m_historySizeAction->setEnabled(true);
    connect(m_tree, &CollectionsTree::openRequested, this,
            [this](const QString &collectionId, const QString &itemId) {
                m_tabs->openSaved(collectionId, itemId);
            });
    connect(m_tree, &CollectionsTree::settingsRequested, this, &MainWindow::editSettings);
    connect(m_tree, &CollectionsTree::exportRequested, this, [this](const QString &collectionId) {
        ImportExport::exportCollectionInteractively(this, m_workspace, collectionId);
    });
    connect(m_tree, &CollectionsTree::runRequested, this, &MainWindow::runCollection);
    connect(m_tree, &CollectionsTree::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(workspace, &Workspace::environmentsChanged, this, [this] {
        refreshEnvironments();
        m_tabs->refreshContexts();
    });
    connect(workspace, &Workspace::collectionChanged, m_tabs, &RequestTabs::refreshContexts);
    connect(workspace, &Workspace::collectionsChanged, m_tabs, &RequestTabs::refreshContexts);
    connect(workspace, &Workspace::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });

    // The scratch tab of a window without a workspace goes; the session's tabs come back.
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        page->deleteLater();
    }
    m_tabs->setWorkspace(workspace, std::make_unique<SessionStore>(workspace->stateDirectory()));
    Session session;
    QStringList messages = workspace->messages() + stateMessages;
    messages += m_tabs->restore(&session);
    m_workspace->setCurrentEnvironmentId(session.environmentId);
    refreshEnvironments();
    m_tabs->refreshContexts();
    // Connected once the session is back: taking its environment is no change to write back.
    connect(workspace, &Workspace::currentEnvironmentChanged, this, [this] {
        refreshEnvironments();
        m_tabs->refreshContexts();
        saveSession();
    });
    if (!session.windowGeometry.isEmpty()) {
        restoreGeometry(session.windowGeometry);
        keepOnScreen(); // saved on a screen that is gone, or larger than this one
    }
    if (!session.windowState.isEmpty())
        restoreState(session.windowState);
    if (!session.splitterState.isEmpty())
        m_sideSplitter->restoreState(session.splitterState);
    const bool restored = m_tabs->count() > 0;
    if (!restored)
        m_tabs->newTab();
    showMessages(messages);
    return restored;
}

void MainWindow::keepOnScreen()
{
    if (isMaximized() || isFullScreen())
        return;
    QScreen *target = QGuiApplication::screenAt(geometry().center());
    if (!target)
        target = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!target)
        return;
    const QRect available = target->availableGeometry();
    const QRect frame = frameGeometry();
    if (available.contains(frame))
        return;
    // Not bigger than the screen, and wholly on it: a title bar off the screen cannot be grabbed.
    const QSize margins = frame.size() - geometry().size();
    resize(size().boundedTo(available.size() - margins));
    const QSize outer = size() + margins;
    move(qBound(available.left(), frame.left(), available.right() + 1 - outer.width()),
         qBound(available.top(), frame.top(), available.bottom() + 1 - outer.height()));
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // The window frame's size is known once the window exists: fit again with it.
    if (!event->spontaneous())
        keepOnScreen();
}

void MainWindow::showMessages(const QStringList &messages)
{
    if (messages.isEmpty())
        return;
    statusBar()->showMessage(messages.first(), 30000);
    // Files set aside must be noticed: the whole list, once, without blocking.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some Files Could Not Be Read"),
                                messages.join(u"\n\n"_s), QMessageBox::Ok, this);
    box->setObjectName(u"workspaceMessages"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::saveSession()
{
    m_tabs->flush(m_tabs->sessionState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_tabs->confirmCloseAll();
    saveSession();
    if (m_history)
        m_history->flush();
    if (m_cookies)
        m_cookies->flush();
    QMainWindow::closeEvent(event);
}

void MainWindow::newTab()
{
    m_tabs->newTab();
    requestEditor()->focusUrl();
}

void MainWindow::newCollection()
{
    if (!m_tree)
        return;
    // As in Postman: the new collection's name is ready to be typed over.
    if (!m_tree->newCollection(tr("New Collection")).isEmpty()) {
        m_tree->setFocus();
        m_tree->renameSelected();
    }
}

void MainWindow::saveCurrent()
{
    m_tabs->save(m_tabs->currentTab());
}

void MainWindow::closeCurrentTab()
{
    m_tabs->closeTab(m_tabs->currentIndex());
}

void MainWindow::manageEnvironments()
{
    if (!m_workspace) {
        statusBar()->showMessage(tr("Environments need a workspace."), 10000);
        return;
    }
    auto *dialog = new EnvironmentsDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->select(m_workspace->currentEnvironmentId());
    dialog->open();
}

void MainWindow::editSettings(const QString &collectionId, const QString &itemId)
{
    auto *dialog = new ItemSettingsDialog(m_workspace, m_services, collectionId, itemId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

RequestEditor *MainWindow::requestEditor() const
{
    return m_tabs->currentTab()->editor();
}

ResponseViewer *MainWindow::responseViewer() const
{
    return m_tabs->currentTab()->viewer();
}

HttpRequest MainWindow::incidentRequest(const QUrl &instance, const QString &user, const QString &password)
{
    HttpRequest request;
    QString base = instance.toString(QUrl::StripTrailingSlash);
    request.url = base + u"/api/now/table/incident?sysparm_limit=10"_s;
    request.headers = { { u"Accept"_s, u"application/json"_s, true, {} } };
    if (!user.isEmpty()) {
        request.auth.type = AuthType::Basic;
        request.auth.username = user;
        request.auth.password = password;
    }
    return request;
}

void MainWindow::setRequest(const HttpRequest &request)
{
    m_tabs->currentTab()->setDraft(request);
}

void MainWindow::setEncryptedTokenFile(EncryptedTokenFile *file)
{
    m_encryptedFile = file;
    m_encryptedFileAction->setEnabled(m_tokens->storageMode() == TokenStore::StorageMode::MemoryOnly);
}

void MainWindow::setInstanceStatus(const QString &text)
{
    m_instanceStatus->setText(text);
    m_instanceStatus->setAccessibleName(text.isEmpty() ? tr("Instance") : text); // read as what it says
}

void MainWindow::copyAsCurl(CurlCommand::Secrets secrets)
{
    const HttpRequest request = m_tabs->currentTab()->preparedRequest(secrets == CurlCommand::Secrets::Include
                                                                          ? OAuth2Config::Secrets::Include
                                                                          : OAuth2Config::Secrets::Omit);
    QString error;
    const QString command = CurlCommand::toCurl(request, secrets, &error);
    if (command.isEmpty()) {
        statusBar()->showMessage(tr("Not copied: %1").arg(error), 10000);
        return;
    }
    QApplication::clipboard()->setText(command);
    statusBar()->showMessage(secrets == CurlCommand::Secrets::Include
                                 ? tr("Copied as cURL, with credentials.")
                                 : tr("Copied as cURL; credentials are masked as ****."),
                             5000);
}

void MainWindow::send()
{
    m_tabs->currentTab()->send();
}

void MainWindow::cancel()
{
    m_tabs->currentTab()->cancel();
}

RunnerDialog *MainWindow::runCollection(const QString &collectionId, const QString &folderId)
{
    if (!m_workspace || !m_workspace->collection(collectionId))
        return nullptr;
    auto sender = [this](const HttpRequest &resolved,
                         std::function<void(const HttpResponse &)> done) -> CollectionRunner::CancelSend {
        HttpRequest request = resolved;
        request.files.setWorkingDirectory(
            WorkingDirectory::read(m_workspace->root(), m_workspace->stateDirectory()));
        SendOperation *operation = m_sender->send(request);
        connect(operation, &SendOperation::finished, this, std::move(done));
        return [operation = QPointer<SendOperation>(operation)] {
            if (operation)
                operation->cancel();
        };
    };
    auto *dialog = new RunnerDialog(m_workspace, collectionId, folderId, sender, m_sender->client(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::applyBodyLimit()
{
    const qint64 megabytes
        = QSettings().value(u"response/bodyLimitMegabytes"_s, DefaultShownBody >> 20).toLongLong();
    m_client->setMaxBodySize(qBound<qint64>(1, megabytes, MaxShownBody >> 20) << 20);
    m_client->setMaxFileBodySize(MaxSavedBody);
    m_client->setSpoolThreshold(SpoolThreshold);
    // On disk, not in a temporary folder that may be memory.
    m_client->setSpoolDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                                + u"/bodies"_s);
}

} // namespace Postern
