#pragma once

#include "http/httprequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postern {

// One open tab: which saved request it shows (none for a request never saved), and its title.
struct SessionTab
{
    QString id;
    QString collectionId;
    QString itemId;
    QString title;
};

// What comes back after a restart: the open tabs in order, the current one, the environment, and
// the window's layout (opaque blobs from QMainWindow/QSplitter).
struct Session
{
    QList<SessionTab> tabs;
    QString currentTabId;
    QString environmentId;
    QByteArray windowGeometry;
    QByteArray windowState;
    QByteArray splitterState;

    QJsonObject toJson() const;
    static Session fromJson(const QJsonObject &object);
};

// The session file and the drafts (a tab's unsaved edits) under the workspace's state folder:
//   <dir>/session.json, <dir>/drafts/<tab id>.json
// Every write is atomic (AtomicFile), so a process killed at any moment leaves either the old file or
// the new one. A file that cannot be read is moved aside and reported, never dropped silently. Drafts
// hold no secrets (HttpRequest::toJson() leaves them out).
class SessionStore
{
public:
    explicit SessionStore(const QString &directory);

    QString directory() const { return m_directory; }
    QString draftPath(const QString &tabId) const;

    Session load(QStringList *messages) const;
    QString save(const Session &session) const; // empty on success

    QString saveDraft(const QString &tabId, const HttpRequest &request) const;
    std::optional<HttpRequest> loadDraft(const QString &tabId, QStringList *messages) const;
    void removeDraft(const QString &tabId) const;
    // The tab ids that have a draft (so that drafts the session does not list are reopened, not lost).
    QStringList draftIds() const;

private:
    QString m_directory;
};

} // namespace Postern
