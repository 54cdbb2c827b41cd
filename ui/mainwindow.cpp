#include "mainwindow.h"

#include "curlcommand.h"
#include "encryptedtokenfile.h"
#include "httpclient.h"
#include "requestsender.h"
#include "tokenendpointclient.h"
#include "tokenrefresher.h"
#include "requesteditor.h"
#include "responseviewer.h"
#include "tokenstore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

MainWindow::MainWindow(QNetworkAccessManager *manager, TokenStore *tokens, QWidget *parent)
    : QMainWindow(parent)
    , m_tokens(tokens)
    , m_client(new HttpClient(manager, this))
{
    m_services.tokens = tokens;
    m_services.network = manager;
    m_services.endpoint = new TokenEndpointClient(manager, this);
    m_services.refresher = new TokenRefresher(tokens, m_services.endpoint, this);
    m_sender = new RequestSender(m_client, tokens, m_services.refresher, this);
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Postern"_s);
    setWindowIcon(QIcon(u":/icons/postern.svg"_s));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *splitter = new QSplitter(Qt::Vertical, central);
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->setChildrenCollapsible(false);
    m_editor = new RequestEditor(m_services, splitter);
    m_editor->setObjectName(u"requestEditor"_s);
    m_viewer = new ResponseViewer(splitter);
    m_viewer->setObjectName(u"responseViewer"_s);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_viewer);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({260, 520});
    layout->addWidget(splitter);
    setCentralWidget(central);

    m_instanceStatus = new QLabel(this);
    m_instanceStatus->setObjectName(u"instanceStatus"_s);
    m_instanceStatus->setAccessibleName(u"Instance"_s);
    statusBar()->addWidget(m_instanceStatus, 1);

    connect(m_editor, &RequestEditor::sendRequested, this, &MainWindow::send);
    connect(m_editor, &RequestEditor::cancelRequested, this, &MainWindow::cancel);
    connect(m_editor, &RequestEditor::curlImported, this, [this](const QStringList &notes) {
        statusBar()->showMessage(notes.isEmpty() ? u"Imported the curl command."_s
                                                 : u"Imported the curl command. "_s + notes.join(u' '),
                                 15000);
    });
    connect(m_editor, &RequestEditor::curlRefused, this, [this](const QString &error) {
        statusBar()->showMessage(u"Not imported: "_s + error, 15000);
    });
    createMenus();
    resize(1100, 780);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(u"&File"_s);
    QAction *quit = file->addAction(u"&Quit"_s, qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *request = menuBar()->addMenu(u"&Request"_s);
    QAction *sendAction = request->addAction(u"&Send"_s, this, &MainWindow::send);
    sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    QAction *cancelAction = request->addAction(u"&Cancel"_s, this, &MainWindow::cancel);
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    QAction *focusUrl = request->addAction(u"Focus &URL"_s, m_editor, &RequestEditor::focusUrl);
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    request->addSeparator();
    QAction *copyCurl = request->addAction(u"Copy as c&URL"_s, this, [this] { copyAsCurl(false); });
    copyCurl->setObjectName(u"copyAsCurl"_s);
    copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *copyCurlSecrets = request->addAction(u"Copy as cURL with &Secrets"_s, this, [this] { copyAsCurl(true); });
    copyCurlSecrets->setObjectName(u"copyAsCurlWithSecrets"_s);

    QMenu *settings = menuBar()->addMenu(u"&Settings"_s);
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

HttpRequest MainWindow::incidentRequest(const QUrl &instance, const QString &user, const QString &password)
{
    HttpRequest request;
    QString base = instance.toString(QUrl::StripTrailingSlash);
    request.url = base + u"/api/now/table/incident?sysparm_limit=10"_s;
    request.headers = {{u"Accept"_s, u"application/json"_s, true, {}}};
    if (!user.isEmpty()) {
        request.auth.type = AuthType::Basic;
        request.auth.username = user;
        request.auth.password = password;
    }
    return request;
}

void MainWindow::setRequest(const HttpRequest &request)
{
    m_editor->setRequest(request);
}

void MainWindow::setEncryptedTokenFile(EncryptedTokenFile *file)
{
    m_encryptedFile = file;
    m_encryptedFileAction->setEnabled(m_tokens->storageMode() == TokenStore::StorageMode::MemoryOnly);
}

void MainWindow::setInstanceStatus(const QString &text)
{
    m_instanceStatus->setText(text);
}

void MainWindow::copyAsCurl(bool includeSecrets)
{
    HttpRequest request = m_editor->request();
    QApplication::clipboard()->setText(CurlCommand::toCurl(request, includeSecrets));
    statusBar()->showMessage(includeSecrets ? u"Copied as cURL, with credentials."_s
                                            : u"Copied as cURL; credentials are masked as ****."_s,
                             5000);
}

void MainWindow::send()
{
    if (m_call)
        return;
    m_editor->setBusy(true);
    m_viewer->setBusy(true);
    m_call = m_sender->send(m_editor->request());
    connect(m_call, &SendOperation::finished, this, &MainWindow::onFinished);
}

void MainWindow::cancel()
{
    if (m_call)
        m_call->cancel();
}

void MainWindow::onFinished(const HttpResponse &response)
{
    m_call = nullptr;
    m_editor->setBusy(false);
    m_viewer->showResponse(response);
    Q_EMIT responseReceived(response);
}

} // namespace Postern
