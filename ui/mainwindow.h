#pragma once

#include "curl/curlcommand.h"
#include "history/cookiestore.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "ui/oauth/oauthservices.h"

#include <QMainWindow>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QComboBox;
class QMenu;
class QLabel;
class QNetworkAccessManager;
class QSplitter;
QT_END_NAMESPACE

namespace Postern {

class Engine;
class HttpClient;
class RequestSender;
class RunnerDialog;
class SendOperation;
class EncryptedTokenFile;
class CollectionsTree;
class HistoryPane;
class HistoryStore;
class RequestEditor;
class RequestTab;
class RequestTabs;
class Sidebar;
class ResponseViewer;
class TokenStore;
class Workspace;
struct ImportOutcome;

// The main window: the sidebar (collections) beside the open requests, one tab each (a request
// editor above its response), and the environment switcher in the toolbar. It owns the HttpClient
// (over the application's network manager, which it does not own); each tab runs one request at a
// time. Without a workspace (openWorkspace()) it is a single scratch request with nothing kept.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Whether the window starts with a scratch tab, or waits for openWorkspace() to bring the session's.
    enum class Tabs { Scratch, FromWorkspace };
    // Over the engine of the application's AppContext (not owned).
    explicit MainWindow(Engine *engine, QWidget *parent = nullptr, Tabs tabs = Tabs::Scratch);
    // With an Engine of its own over manager and tokens (neither owned).
    MainWindow(QNetworkAccessManager *manager, TokenStore *tokens, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The current tab's editor and viewer.
    RequestEditor *requestEditor() const;
    ResponseViewer *responseViewer() const;
    RequestTabs *requestTabs() const { return m_tabs; }
    CollectionsTree *collectionsTree() const { return m_tree; }
    HistoryPane *historyPane() const; // makes the History tab's page
    CookieStore *cookieStore() const { return m_cookies; }
    QComboBox *environmentCombo() const { return m_environment; }

    // Shows the workspace's collections and environments and restores the last session (tabs,
    // drafts, window layout). Returns whether there was a session with tabs. Not owned.
    bool openWorkspace(Workspace *workspace);
    Workspace *workspace() const { return m_workspace; }
    // Writes drafts and the session now (also done shortly after every edit, and on close).
    void saveSession();

    // What File > Import does, for files named on the command line or opened with "Open With
    // Postern": each is imported into the workspace (a curl command opens in a new tab) and its summary
    // shown, as after choosing it in the dialog.
    void importFiles(const QStringList &paths);

    void newTab();
    void newCollection();
    void saveCurrent();
    void closeCurrentTab();
    void manageEnvironments();
    void editSettings(const QString &collectionId, const QString &itemId);
    // Opens Run Collection on the collection, or on one folder of it (not modal; closes itself).
    RunnerDialog *runCollection(const QString &collectionId, const QString &folderId = QString());

    // Puts request in the current tab (as unsaved edits).
    void setRequest(const HttpRequest &request);
    // Offers Settings > Keep Tokens in an Encrypted File (not owned).
    void setEncryptedTokenFile(EncryptedTokenFile *file);
    void setInstanceStatus(const QString &text);

    // The request Postern opens with: ten incidents from the instance's Table API, with Basic
    // credentials when given.
    static HttpRequest incidentRequest(const QUrl &instance, const QString &user = QString(),
                                       const QString &password = QString());

    void send();
    void cancel();
    // Copies the request as a curl command; credentials masked unless includeSecrets.
    void copyAsCurl(CurlCommand::Secrets secrets);

Q_SIGNALS:
    void responseReceived(const Postern::HttpResponse &response);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showImported(const ImportOutcome &outcome);
    // Bodies up to the Response Body Limit setting (default 512 MB) are shown; larger ones up to
    // MaxSavedBody go to a temporary file, to be saved; larger still end the call.
    static constexpr qint64 DefaultShownBody = qint64(512) << 20;
    static constexpr qint64 MaxShownBody = qint64(4) << 30;
    static constexpr qint64 MaxSavedBody = qint64(64) << 30;
    // Bodies over this go to a temporary file as they come, and are shown from it (mapped into memory):
    // their pages are the file's, for the system to drop and read again under pressure.
    static constexpr qint64 SpoolThreshold = qint64(64) << 20;
    void applyBodyLimit();
    void createMenus();
    void createToolBar();
    void refreshEnvironments();
    // Moves the window wholly onto the screen it is (mostly) on, shrunk to fit if need be.
    void keepOnScreen();
    void showMessages(const QStringList &messages);

    RequestTabs *m_tabs = nullptr;
    QSplitter *m_sideSplitter = nullptr;
    Sidebar *m_sidebar = nullptr;
    CollectionsTree *m_tree = nullptr;
    QComboBox *m_environment = nullptr;
    Workspace *m_workspace = nullptr;
    QMenu *m_fileMenu = nullptr;
    bool m_refreshingEnvironments = false;
    HistoryStore *m_history = nullptr;
    QPointer<CookieStore> m_cookies; // owned by the network manager
    QAction *m_cookiesAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_historySizeAction = nullptr;
    QLabel *m_instanceStatus = nullptr;
    Engine *m_engine = nullptr;
    TokenStore *m_tokens = nullptr;
    EncryptedTokenFile *m_encryptedFile = nullptr;
    QAction *m_encryptedFileAction = nullptr;
    HttpClient *m_client = nullptr;
    OAuthServices m_services;
    RequestSender *m_sender = nullptr;
};

} // namespace Postern
