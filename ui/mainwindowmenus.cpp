// The main window's menus and toolbar: the actions, their shortcuts and what they open.
#include "engine/engine.h"
#include "history/historystore.h"
#include "http/clientcertificates.h"
#include "http/httpclient.h"
#include "oauth/tokenstore.h"
#include "runner/runvalues.h"
#include "ui/clientcertificatesdialog.h"
#include "ui/history/cookiemanagerdialog.h"
#include "ui/mainwindow.h"
#include "ui/oauth/encryptedtokenfile.h"
#include "ui/request/bodyeditor.h"
#include "ui/request/requesteditor.h"
#include "ui/widgets/formrow.h"
#include "ui/workspace/collectionstree.h"
#include "ui/workspace/importexport.h"
#include "ui/workspace/requesttab.h"
#include "ui/workspace/requesttabs.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace Postern {

void MainWindow::showImported(const ImportOutcome &outcome)
{
    if (outcome.request)
        m_tabs->newTab(*outcome.request);
    else if (!outcome.collectionId.isEmpty())
        m_tree->select(outcome.collectionId, QString());
}

void MainWindow::importFiles(const QStringList &paths)
{
    if (!m_workspace)
        return;
    for (const QString &path : paths) {
        const ImportExport::Outcome outcome = ImportExport::importFile(m_workspace, path);
        showImported(outcome);
        ImportExport::showOutcome(this, outcome);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(u"&File"_s);
    QAction *newTabAction = file->addAction(u"&New Request Tab"_s, this, &MainWindow::newTab);
    newTabAction->setObjectName(u"newTabAction"_s);
    newTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *newCollection = file->addAction(u"New &Collection"_s, this, &MainWindow::newCollection);
    newCollection->setObjectName(u"newCollectionAction"_s);
    file->addSeparator();
    QAction *saveAction = file->addAction(u"&Save"_s, this, &MainWindow::saveCurrent);
    saveAction->setObjectName(u"saveAction"_s);
    saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    QAction *saveAsAction
        = file->addAction(u"Save &As\u2026"_s, this, [this] { m_tabs->saveAs(m_tabs->currentTab()); });
    saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *closeAction = file->addAction(u"&Close Tab"_s, this, &MainWindow::closeCurrentTab);
    closeAction->setObjectName(u"closeTabAction"_s);
    closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_fileMenu = file;
    file->addSeparator();
    QAction *importAction = file->addAction(u"&Import\u2026"_s, this, [this] {
        if (!m_workspace)
            return;
        showImported(ImportExport::importInteractively(this, m_workspace));
    });
    importAction->setObjectName(u"importAction"_s);
    m_importAction = importAction;
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    QAction *exportAction = file->addAction(u"&Export Collection to Postman\u2026"_s, this, [this] {
        if (!m_workspace || !m_tree)
            return;
        QTreeWidgetItem *item = m_tree->currentItem();
        QString collectionId = item ? item->data(0, CollectionsTree::CollectionIdRole).toString() : QString();
        if (collectionId.isEmpty())
            collectionId = m_tabs->currentTab()->collectionId();
        if (collectionId.isEmpty()) {
            statusBar()->showMessage(u"Select a collection in the sidebar to export it."_s, 10000);
            return;
        }
        ImportExport::exportCollectionInteractively(this, m_workspace, collectionId);
    });
    exportAction->setObjectName(u"exportCollectionAction"_s);
    file->addSeparator();
    QAction *quit = file->addAction(u"&Quit"_s, qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *request = menuBar()->addMenu(u"&Request"_s);
    QAction *sendAction = request->addAction(u"&Send"_s, this, &MainWindow::send);
    sendAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    QAction *cancelAction = request->addAction(u"&Cancel"_s, this, &MainWindow::cancel);
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    QAction *focusUrl = request->addAction(u"Focus &URL"_s, this, [this] { requestEditor()->focusUrl(); });
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    request->addSeparator();
    QAction *copyCurl
        = request->addAction(u"Copy as c&URL"_s, this, [this] { copyAsCurl(CurlCommand::Secrets::Mask); });
    copyCurl->setObjectName(u"copyAsCurl"_s);
    copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *copyCurlSecrets = request->addAction(u"Copy as cURL with &Secrets"_s, this,
                                                  [this] { copyAsCurl(CurlCommand::Secrets::Include); });
    copyCurlSecrets->setObjectName(u"copyAsCurlWithSecrets"_s);

    QMenu *settings = menuBar()->addMenu(u"&Settings"_s);
    QAction *environments
        = settings->addAction(u"Manage &Environments\u2026"_s, this, &MainWindow::manageEnvironments);
    environments->setObjectName(u"manageEnvironmentsAction"_s);
    environments->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_cookiesAction = settings->addAction(u"&Cookies\u2026"_s, this, [this] {
        if (!m_cookies)
            return;
        auto *dialog = new CookieManagerDialog(m_cookies, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_cookiesAction->setObjectName(u"manageCookiesAction"_s);
    m_cookiesAction->setEnabled(false);
    m_historySizeAction = settings->addAction(u"&History Size\u2026"_s, this, [this] {
        if (!m_history)
            return;
        bool ok = false;
        const int size = QInputDialog::getInt(this, u"History Size"_s, u"Requests kept in the history:"_s,
                                              m_history->maxEntries(), 1, 100000, 100, &ok);
        if (!ok)
            return;
        m_history->setMaxEntries(size);
        QSettings().setValue(u"history/maxEntries"_s, size);
    });
    m_historySizeAction->setEnabled(false);
    QAction *workingDirectory = settings->addAction(u"&Working Directory\u2026"_s, this, [this] {
        if (m_workspace)
            statusBar()->showMessage(
                BodyEditor::chooseWorkingDirectory(this, m_workspace->root(), m_workspace->stateDirectory()),
                8000);
    });
    workingDirectory->setObjectName(u"workingDirectoryAction"_s);
    QAction *bodyLimit = settings->addAction(u"Response &Body Limit\u2026"_s, this, [this] {
        bool ok = false;
        const int megabytes = QInputDialog::getInt(
            this, u"Response Body Limit"_s,
            u"Largest body shown, in MB (a larger one is kept in a temporary file, to be saved):"_s,
            int(m_client->maxBodySize() >> 20), 1, int(MaxShownBody >> 20), 64, &ok);
        if (!ok)
            return;
        QSettings().setValue(u"response/bodyLimitMegabytes"_s, megabytes);
        applyBodyLimit();
    });
    bodyLimit->setObjectName(u"responseBodyLimitAction"_s);
    QAction *scriptLimit = settings->addAction(u"Script &Time Limit\u2026"_s, this, [this] {
        bool ok = false;
        const int seconds = QInputDialog::getInt(
            this, u"Script Time Limit"_s, u"Seconds a script may run before it is stopped:"_s,
            int(RunSettings::scriptTimeLimit().count() / 1000), 1, 600, 1, &ok);
        if (ok)
            RunSettings::setScriptTimeLimit(std::chrono::seconds(seconds));
    });
    scriptLimit->setObjectName(u"scriptTimeLimitAction"_s);
    QAction *certificates = settings->addAction(u"Client &Certificates\u2026"_s, this, [this] {
        auto *network = qobject_cast<CertificateNetworkManager *>(m_engine->network());
        if (!network)
            return;
        auto *dialog = new ClientCertificatesDialog(network->clientCertificates().entries(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, network, dialog] {
            ClientCertificatesDialog::save(dialog->entries(), m_tokens->secretStore());
            network->setClientCertificates(ClientCertificates(dialog->entries()));
            statusBar()->showMessage(u"Client certificates saved."_s, 5000);
        });
        dialog->open();
    });
    certificates->setObjectName(u"clientCertificatesAction"_s);
    settings->addSeparator();
    m_encryptedFileAction = settings->addAction(u"Keep Tokens in an &Encrypted File\u2026"_s, this, [this] {
        if (m_encryptedFile)
            m_encryptedFile->enable(this);
    });
    m_encryptedFileAction->setEnabled(false);
    auto refreshStorageAction = [this] {
        m_encryptedFileAction->setEnabled(m_encryptedFile
                                          && m_tokens->storageMode() == TokenStore::StorageMode::MemoryOnly);
    };
    connect(m_tokens, &TokenStore::storageModeChanged, this, refreshStorageAction);

    QMenu *help = menuBar()->addMenu(u"&Help"_s);
    help->addAction(u"&About Postern"_s, this, [this] {
        QMessageBox::about(this, u"About Postern"_s,
                           u"Postern %1\nA native API client for OAuth-protected APIs."_s.arg(
                               QApplication::applicationVersion()));
    });
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(u"Environment"_s);
    bar->setObjectName(u"environmentToolBar"_s);
    bar->setMovable(false);
    m_environment = new QComboBox(bar);
    m_environment->setObjectName(u"environmentCombo"_s);
    m_environment->setMinimumContentsLength(18);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_environment->addItem(u"No Environment"_s, QString());
    m_environment->setEnabled(false);
    bar->addWidget(captionFor(u"En&vironment:"_s, m_environment));
    bar->addWidget(m_environment);
    QAction *manage = bar->addAction(u"Manage\u2026"_s, this, &MainWindow::manageEnvironments);
    manage->setToolTip(u"Manage environments and global variables"_s);
    if (QWidget *button = bar->widgetForAction(manage)) {
        button->setObjectName(u"manageEnvironmentsButton"_s);
        button->setAccessibleName(u"Manage environments"_s);
    }
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_workspace || m_refreshingEnvironments)
            return;
        m_workspace->setCurrentEnvironmentId(m_environment->currentData().toString());
    });
}

} // namespace Postern
