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
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newTabAction = file->addAction(tr("&New Request Tab"), this, &MainWindow::newTab);
    newTabAction->setObjectName(u"newTabAction"_s);
    newTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *newCollection = file->addAction(tr("New &Collection"), this, &MainWindow::newCollection);
    newCollection->setObjectName(u"newCollectionAction"_s);
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::saveCurrent);
    saveAction->setObjectName(u"saveAction"_s);
    saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    QAction *saveAsAction
        = file->addAction(tr("Save &As…"), this, [this] { m_tabs->saveAs(m_tabs->currentTab()); });
    saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *closeAction = file->addAction(tr("&Close Tab"), this, &MainWindow::closeCurrentTab);
    closeAction->setObjectName(u"closeTabAction"_s);
    closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_fileMenu = file;
    file->addSeparator();
    QAction *importAction = file->addAction(tr("&Import…"), this, [this] {
        if (!m_workspace)
            return;
        showImported(ImportExport::importInteractively(this, m_workspace));
    });
    importAction->setObjectName(u"importAction"_s);
    m_importAction = importAction;
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    QAction *exportAction = file->addAction(tr("&Export Collection to Postman…"), this, [this] {
        if (!m_workspace || !m_tree)
            return;
        QTreeWidgetItem *item = m_tree->currentItem();
        QString collectionId = item ? item->data(0, CollectionsTree::CollectionIdRole).toString() : QString();
        if (collectionId.isEmpty())
            collectionId = m_tabs->currentTab()->collectionId();
        if (collectionId.isEmpty()) {
            statusBar()->showMessage(tr("Select a collection in the sidebar to export it."), 10000);
            return;
        }
        ImportExport::exportCollectionInteractively(this, m_workspace, collectionId);
    });
    exportAction->setObjectName(u"exportCollectionAction"_s);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *request = menuBar()->addMenu(tr("&Request"));
    QAction *sendAction = request->addAction(tr("&Send"), this, &MainWindow::send);
    sendAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    QAction *cancelAction = request->addAction(tr("&Cancel"), this, &MainWindow::cancel);
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    QAction *focusUrl = request->addAction(tr("Focus &URL"), this, [this] { requestEditor()->focusUrl(); });
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    request->addSeparator();
    QAction *copyCurl
        = request->addAction(tr("Copy as c&URL"), this, [this] { copyAsCurl(CurlCommand::Secrets::Mask); });
    copyCurl->setObjectName(u"copyAsCurl"_s);
    copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *copyCurlSecrets = request->addAction(tr("Copy as cURL with &Secrets"), this,
                                                  [this] { copyAsCurl(CurlCommand::Secrets::Include); });
    copyCurlSecrets->setObjectName(u"copyAsCurlWithSecrets"_s);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *environments
        = settings->addAction(tr("Manage &Environments…"), this, &MainWindow::manageEnvironments);
    environments->setObjectName(u"manageEnvironmentsAction"_s);
    environments->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_cookiesAction = settings->addAction(tr("&Cookies…"), this, [this] {
        if (!m_cookies)
            return;
        auto *dialog = new CookieManagerDialog(m_cookies, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_cookiesAction->setObjectName(u"manageCookiesAction"_s);
    m_cookiesAction->setEnabled(false);
    m_historySizeAction = settings->addAction(tr("&History Size…"), this, [this] {
        if (!m_history)
            return;
        bool ok = false;
        const int size = QInputDialog::getInt(this, tr("History Size"), tr("Requests kept in the history:"),
                                              m_history->maxEntries(), 1, 100000, 100, &ok);
        if (!ok)
            return;
        m_history->setMaxEntries(size);
        QSettings().setValue(u"history/maxEntries"_s, size);
    });
    m_historySizeAction->setEnabled(false);
    QAction *workingDirectory = settings->addAction(tr("&Working Directory…"), this, [this] {
        if (m_workspace)
            statusBar()->showMessage(
                BodyEditor::chooseWorkingDirectory(this, m_workspace->root(), m_workspace->stateDirectory()),
                8000);
    });
    workingDirectory->setObjectName(u"workingDirectoryAction"_s);
    QAction *bodyLimit = settings->addAction(tr("Response &Body Limit…"), this, [this] {
        bool ok = false;
        const int megabytes = QInputDialog::getInt(
            this, tr("Response Body Limit"),
            tr("Largest body shown, in MB (a larger one is kept in a temporary file, to be saved):"),
            int(m_client->maxBodySize() >> 20), 1, int(MaxShownBody >> 20), 64, &ok);
        if (!ok)
            return;
        QSettings().setValue(u"response/bodyLimitMegabytes"_s, megabytes);
        applyBodyLimit();
    });
    bodyLimit->setObjectName(u"responseBodyLimitAction"_s);
    QAction *scriptLimit = settings->addAction(tr("Script &Time Limit…"), this, [this] {
        bool ok = false;
        const int seconds = QInputDialog::getInt(
            this, tr("Script Time Limit"), tr("Seconds a script may run before it is stopped:"),
            int(RunSettings::scriptTimeLimit().count() / 1000), 1, 600, 1, &ok);
        if (ok)
            RunSettings::setScriptTimeLimit(std::chrono::seconds(seconds));
    });
    scriptLimit->setObjectName(u"scriptTimeLimitAction"_s);
    QAction *certificates = settings->addAction(tr("Client &Certificates…"), this, [this] {
        auto *network = qobject_cast<CertificateNetworkManager *>(m_engine->network());
        if (!network)
            return;
        auto *dialog = new ClientCertificatesDialog(network->clientCertificates().entries(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, network, dialog] {
            ClientCertificatesDialog::save(dialog->entries(), m_tokens->secretStore());
            network->setClientCertificates(ClientCertificates(dialog->entries()));
            statusBar()->showMessage(tr("Client certificates saved."), 5000);
        });
        dialog->open();
    });
    certificates->setObjectName(u"clientCertificatesAction"_s);
    settings->addSeparator();
    m_encryptedFileAction = settings->addAction(tr("Keep Tokens in an &Encrypted File…"), this, [this] {
        if (m_encryptedFile)
            m_encryptedFile->enable(this);
    });
    m_encryptedFileAction->setEnabled(false);
    auto refreshStorageAction = [this] {
        m_encryptedFileAction->setEnabled(m_encryptedFile
                                          && m_tokens->storageMode() == TokenStore::StorageMode::MemoryOnly);
    };
    connect(m_tokens, &TokenStore::storageModeChanged, this, refreshStorageAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Postern"), this, [this] {
        QMessageBox::about(this, tr("About Postern"),
                           tr("Postern %1\nA native API client for OAuth-protected APIs.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Environment"));
    bar->setObjectName(u"environmentToolBar"_s);
    bar->setMovable(false);
    m_environment = new QComboBox(bar);
    m_environment->setObjectName(u"environmentCombo"_s);
    m_environment->setMinimumContentsLength(18);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_environment->addItem(tr("No Environment"), QString());
    m_environment->setEnabled(false);
    bar->addWidget(captionFor(tr("En&vironment:"), m_environment));
    bar->addWidget(m_environment);
    QAction *manage = bar->addAction(tr("Manage…"), this, &MainWindow::manageEnvironments);
    manage->setToolTip(tr("Manage environments and global variables"));
    if (QWidget *button = bar->widgetForAction(manage)) {
        button->setObjectName(u"manageEnvironmentsButton"_s);
        button->setAccessibleName(tr("Manage environments"));
    }
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_workspace || m_refreshingEnvironments)
            return;
        m_workspace->setCurrentEnvironmentId(m_environment->currentData().toString());
    });
}

} // namespace Postern
