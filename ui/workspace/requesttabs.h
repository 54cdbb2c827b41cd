#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "ui/oauth/oauthservices.h"
#include "workspace/sessionstore.h"

#include <QHash>
#include <QTabWidget>
#include <QTimer>

#include <memory>

namespace Postern {

class RequestSender;
class RequestTab;
class Workspace;

// The open requests, one tab each, with "•" on a tab with unsaved changes. Ctrl+T, Ctrl+S and Ctrl+W
// are the owner's menu actions calling newTab(), save() and closeTab().
//
// Nothing typed is lost: edits are written as drafts (SessionStore, atomic writes) a moment after
// they are made, together with the list of tabs, so a crash or a kill loses at most the last second.
// restore() brings back the tabs, their drafts and any draft the session does not list (after a
// damaged session file). The secrets typed into a draft go to the keychain beside it (Workspace). The sender,
// the workspace and the services are not owned.
class RequestTabs : public QTabWidget
{
    Q_OBJECT

public:
    static constexpr int AutosaveDelayMs = 400;

    RequestTabs(const OAuthServices &services, RequestSender *sender, QWidget *parent = nullptr);
    ~RequestTabs() override;

    // Where tabs are saved and drafts kept; nullptr for none (nothing is remembered).
    void setWorkspace(Workspace *workspace, std::unique_ptr<SessionStore> sessionStore);
    Workspace *workspace() const { return m_workspace; }

    RequestTab *currentTab() const;
    RequestTab *tab(int index) const;
    QList<RequestTab *> tabs() const;

    RequestTab *newTab(const HttpRequest &request = HttpRequest());
    // Opens a saved request, or switches to its tab when it is open already.
    RequestTab *openSaved(const QString &collectionId, const QString &itemId);
    // Asks about unsaved changes first; false when the user chose to keep the tab.
    bool closeTab(int index);
    // Ctrl+S: a saved request is written back; a new one asks where to put it (saveAs()).
    bool save(RequestTab *tab);
    bool saveAs(RequestTab *tab);
    // Asks for every tab with unsaved changes (on quit); false when the user cancelled.
    bool confirmCloseAll();

    // Reads the session: tabs, drafts, current tab. Returns messages for the user (set-aside files).
    QStringList restore(Session *session);
    // Writes drafts and the session now (also done shortly after every edit).
    void flush(const Session &windowState);
    Session sessionState() const;
    // Called by the owner to add its window layout to what flush() writes.
    void setWindowStateProvider(std::function<Session()> provider) { m_windowState = std::move(provider); }

    // The workspace's variables or environment changed: every tab re-reads them.
    void refreshContexts();

Q_SIGNALS:
    void currentTabChanged(Postern::RequestTab *tab);
    void exchanged(const Postern::HttpRequest &sent, const Postern::HttpResponse &response);
    void message(const QString &text);
    // A curl command pasted into any tab's URL field was imported (notes: what to check) or refused.
    void curlImported(const QStringList &notes);
    void curlRefused(const QString &error);

private:
    RequestTab *addTab(const QString &id);
    void updateTitle(RequestTab *tab);
    void scheduleAutosave();
    void forgetDraft(const QString &tabId);
    void autosave();

    OAuthServices m_services;
    RequestSender *m_sender;
    Workspace *m_workspace = nullptr;
    std::unique_ptr<SessionStore> m_sessionStore;
    QTimer m_autosave;
    std::function<Session()> m_windowState;
    QHash<QString, int> m_draftRevisions; // tab id → the revision its draft file holds (-1: unknown)
};

} // namespace Postern
