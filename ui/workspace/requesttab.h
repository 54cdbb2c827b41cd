#pragma once

#include "auth/oauth2config.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "oauth/requestsender.h"
#include "ui/oauth/oauthservices.h"
#include "workspace/collection.h"
#include "workspace/workspacesecrets.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QSplitter;
QT_END_NAMESPACE

namespace Postern {

class CollectionRunner;

class RequestEditor;
class ResponseViewer;
class TokenStore;
class Workspace;

// One open tab: a request editor above its response. It knows which saved request it shows (none for a
// request never saved) and whether the editor differs from what was saved (dirty). Sending takes the
// editor's request, puts in the authorization it inherits from its folder or collection, resolves the
// {{variables}} of the current environment, the collection and the globals, and sends it through the
// shared RequestSender. Neither the sender nor the workspace is owned.
class RequestTab : public QWidget
{
    Q_OBJECT

public:
    RequestTab(const QString &id, const OAuthServices &services, RequestSender *sender, Workspace *workspace,
               QWidget *parent = nullptr);
    ~RequestTab() override;

    QString id() const { return m_id; }
    RequestEditor *editor() const { return m_editor; }
    // The response's viewer, made on the first call: until the first Send (or a look at it) the tab
    // shows a light placeholder in its place.
    ResponseViewer *viewer();
    QSplitter *splitter() const { return m_splitter; }

    QString collectionId() const { return m_collectionId; }
    QString itemId() const { return m_itemId; }
    bool isSaved() const { return !m_itemId.isEmpty(); }
    // The saved request's name, or for a new one a name from its method and URL.
    QString title() const;
    void setName(const QString &name);

    // Shows a saved request (or a new one with no origin) and takes it as the saved state.
    void open(const QString &collectionId, const QString &itemId, const QString &name,
              const HttpRequest &request);
    // Puts unsaved edits over the saved state (a draft after a restart, a request from history).
    void setDraft(const HttpRequest &request);
    // The editor's state has just been saved as this item.
    void markSaved(const QString &collectionId, const QString &itemId, const QString &name);
    // The saved item as the workspace has it now (renamed, moved to another collection, or its
    // secrets read from the keychain after the tab opened): the tab follows it, and secret fields
    // still empty in the editor take the saved values.
    void followSaved(const QString &collectionId, const CollectionItem &item);
    // Secret fields still empty in the editor take these ("auth/password", …: WorkspaceSecrets).
    void fillSecrets(const WorkspaceSecrets::Map &secrets);
    // The saved item is gone: the tab keeps its contents as a new, unsaved request.
    void detach();
    // The saved request this tab showed in the last session, when its collection could not be read
    // now: kept in the session so that the tab finds it again once the file is repaired.
    void setMissingOrigin(const QString &collectionId, const QString &itemId);
    QString missingCollectionId() const { return m_missingCollectionId; }
    QString missingItemId() const { return m_missingItemId; }

    bool isDirty() const { return m_dirty; }
    // Counts the edits (and drafts put in): whoever keeps drafts writes one only when it changed.
    int revision() const { return m_revision; }

    // Re-reads variables, the environment and the inherited authorization from the workspace.
    void refreshContext();

    // What would be sent now: inherited authorization filled in, variables resolved, and for OAuth 2.0
    // the token obtained in the current environment. With Secrets::Omit, secret variables resolve to
    // "****" (for history and for what is shown or copied with credentials masked).
    HttpRequest preparedRequest(OAuth2Config::Secrets secrets = OAuth2Config::Secrets::Include) const;
    // The workspace's working directory: a request's files are read from there only (FileAccess).
    QString workingDirectory() const;

    // Sends the request; when it or the folders and collection above it have scripts, they run
    // around it (pre-request, then post-response) and the variables they set are kept.
    void send();
    void cancel();
    bool isBusy() const;
    // Whether Send runs scripts for this request (its own, its folders', its collection's).
    bool hasScripts() const;

Q_SIGNALS:
    void edited();
    void dirtyChanged(bool dirty);
    void titleChanged();
    // A response arrived (or the request failed) for what was sent.
    void exchanged(const Postern::HttpRequest &sent, const Postern::HttpResponse &response);
    // Something to say in the status bar.
    void message(const QString &text);

private:
    void updateDirty();
    void sendWithScripts();
    Collection sendingContext(QString *itemId) const;
    // The last steps before a request goes out: its files' working directory, and for OAuth 2.0 the
    // token obtained in the current environment.
    void prepareForSending(HttpRequest *request) const;

    QString m_id;
    RequestSender *m_sender;
    Workspace *m_workspace;
    TokenStore *m_tokens;
    RequestEditor *m_editor = nullptr;
    ResponseViewer *m_viewer = nullptr;
    QWidget *m_responsePlaceholder = nullptr; // where the viewer goes, until it is made
    QSplitter *m_splitter = nullptr;
    QLabel *m_scriptsNote = nullptr;
    QPushButton *m_getTokenOffer = nullptr; // below the response message when no usable token stopped Send
    QString m_collectionId;
    QString m_itemId;
    QString m_name;
    QString m_missingCollectionId;
    QString m_missingItemId;
    QJsonObject m_saved;
    bool m_dirty = false;
    int m_revision = 0;
    QPointer<SendOperation> m_call;
    CollectionRunner *m_runner = nullptr; // made at the first send with scripts
    HttpRequest m_recorded; // what history keeps of a send with scripts
};

} // namespace Postern
