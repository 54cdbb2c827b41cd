#pragma once

#include "httprequest.h"
#include "httpresponse.h"
#include "oauthservices.h"
#include "requestsender.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QSplitter;
QT_END_NAMESPACE

namespace Postern {

class RequestEditor;
class ResponseViewer;
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
    ResponseViewer *viewer() const { return m_viewer; }
    QSplitter *splitter() const { return m_splitter; }

    QString collectionId() const { return m_collectionId; }
    QString itemId() const { return m_itemId; }
    bool isSaved() const { return !m_itemId.isEmpty(); }
    // The saved request's name, or for a new one a name from its method and URL.
    QString title() const;
    void setName(const QString &name);

    // Shows a saved request (or a new one with no origin) and takes it as the saved state.
    void open(const QString &collectionId, const QString &itemId, const QString &name, const HttpRequest &request);
    // Puts unsaved edits over the saved state (a draft after a restart, a request from history).
    void setDraft(const HttpRequest &request);
    // The editor's state has just been saved as this item.
    void markSaved(const QString &collectionId, const QString &itemId, const QString &name);

    bool isDirty() const { return m_dirty; }

    // Re-reads variables, the environment and the inherited authorization from the workspace.
    void refreshContext();

    // What would be sent now: inherited authorization filled in, variables resolved.
    HttpRequest preparedRequest() const;

    void send();
    void cancel();
    bool isBusy() const { return !m_call.isNull(); }

Q_SIGNALS:
    void edited();
    void dirtyChanged(bool dirty);
    void titleChanged();
    // A response arrived (or the request failed) for what was sent.
    void exchanged(const Postern::HttpRequest &sent, const Postern::HttpResponse &response);

private:
    void updateDirty();

    QString m_id;
    RequestSender *m_sender;
    Workspace *m_workspace;
    RequestEditor *m_editor = nullptr;
    ResponseViewer *m_viewer = nullptr;
    QSplitter *m_splitter = nullptr;
    QString m_collectionId;
    QString m_itemId;
    QString m_name;
    QJsonObject m_saved;
    bool m_dirty = false;
    QPointer<SendOperation> m_call;
};

} // namespace Postern
