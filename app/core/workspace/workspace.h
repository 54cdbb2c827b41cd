#pragma once

#include "secrets/secretstore.h"
#include "workspace/collection.h"
#include "workspace/environment.h"
#include "workspace/variables.h"
#include "workspace/workspacesecrets.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace Postern {

// The user's workspace: a folder of plain JSON files they can read, diff and put in git.
//
//   <root>/workspace.json               its id (for the keychain entries) and format version
//   <root>/collections/<name>.json      one file per collection (folders, requests, variables)
//   <root>/environments/<name>.json     one file per environment
//   <root>/globals.json                 the global variables
//   <root>/.postern/                    this machine's state, ignored by git (its own .gitignore):
//                                       session.json, drafts/, history.json, cookies.json
//
// Files are written atomically (AtomicFile, QSaveFile) with sorted keys and fixed indentation, and
// never hold a secret: secret variables' values and the passwords, bearer tokens and client secrets of
// saved authorization go to the SecretStore (the OS keychain), one entry per collection or environment
// ("workspace/<id>/collection/<id>"). Without a store they live for the session only.
//
// open() reads everything there is. A file that cannot be read is moved aside
// ("<file>.broken-<time>") and reported in messages(); the rest of the workspace opens. Secrets arrive
// later (the store answers asynchronously): collectionChanged()/environmentsChanged() say when.
class Workspace : public QObject
{
    Q_OBJECT

public:
    explicit Workspace(const QString &root, QObject *parent = nullptr);
    ~Workspace() override;

    // ~/.local/share/Postern/workspace (the XDG data directory).
    static QString defaultRoot();
    // The folder of a workspace whose manifest (its workspace.json) path is; empty when path is not one.
    static QString folderOfManifest(const QString &path);

    QString root() const { return m_root; }
    QString id() const { return m_id; }
    QString stateDirectory() const; // <root>/.postern

    // Not owned; must outlive the workspace. Call before open(), or call reloadSecrets() after.
    void setSecretStore(SecretStore *store);
    // Reads every collection's and environment's secrets from the store again; secretsLoaded() when the
    // store has answered every read (at once without a store).
    void reloadSecrets();

    // Creates what is missing and reads the rest. Returns false only when the folder itself cannot
    // be used (messages() says why).
    bool open();
    QStringList messages() const { return m_messages; }

    QList<Collection> collections() const { return m_collections; }
    const Collection *collection(const QString &id) const;
    QString collectionPath(const QString &id) const;
    // Writes the collection's file (new or replacing) and its secrets. Returns an error for people,
    // empty on success.
    QString saveCollection(const Collection &collection);
    QString removeCollection(const QString &id);

    QList<Environment> environments() const { return m_environments; }
    const Environment *environment(const QString &id) const;
    QString saveEnvironment(const Environment &environment);
    QString removeEnvironment(const QString &id);

    Environment globals() const { return m_globals; }
    QString saveGlobals(const Environment &globals);

    // The environment whose variables are used ("" for none). Kept in the session by its owner.
    QString currentEnvironmentId() const { return m_currentEnvironment; }
    void setCurrentEnvironmentId(const QString &id);

    // The secrets typed into a tab's unsaved request (its draft file holds none): kept in the store
    // under the tab's id, read back after a restart, forgotten with the draft.
    void saveDraftSecrets(const QString &tabId, const AuthConfig &auth);
    void readDraftSecrets(const QString &tabId, QObject *context,
                          const std::function<void(const WorkspaceSecrets::Map &secrets)> &done);
    void forgetDraftSecrets(const QString &tabId);

    // Resolves {{name}} for a request of collectionId ("" for a request in no collection).
    VariableResolver resolver(const QString &collectionId) const;

Q_SIGNALS:
    void collectionsChanged();
    void collectionChanged(const QString &id);
    void environmentsChanged();
    void currentEnvironmentChanged();
    void message(const QString &text);
    void secretsLoaded();

private:
    // Reads every *.json of a folder of the root; take parses one (path, bytes, problems to report)
    // and returns why it cannot be used, and then the file is set aside.
    using FileReader
        = std::function<QString(const QString &path, const QByteArray &data, QStringList *problems)>;
    void readFolder(const QString &folder, const FileReader &take);
    void readCollections();
    void readEnvironments();
    void readGlobals();
    static QString readIdCopy(const QString &path);
    bool readJsonFile(const QString &path, QByteArray *data);
    void setAside(const QString &path, const QString &reason);
    QString uniquePath(const QString &directory, const QString &name) const;
    // Writes a collection's or environment's file (a new one gets a name from name); empty on success.
    QString writeFile(QHash<QString, QString> &files, const QString &folder, const QString &id,
                      const QString &name, const QByteArray &contents);
    QString secretKey(const QString &kind, const QString &id) const;
    void loadSecrets(const QString &kind, const QString &id);
    void storeSecrets(const QString &kind, const QString &id, const WorkspaceSecrets::Map &secrets);
    void forgetSecrets(const QString &kind, const QString &id);

    QString m_root;
    QString m_id;
    QPointer<SecretStore> m_secrets;
    QStringList m_messages;
    QList<Collection> m_collections;
    QHash<QString, QString> m_collectionFiles; // id → path
    QList<Environment> m_environments;
    QHash<QString, QString> m_environmentFiles;
    Environment m_globals;
    QString m_currentEnvironment;
    QHash<QString, QByteArray> m_storedSecrets; // key → the blob last written, to skip rewrites
    int m_secretReads = 0; // reads of reloadSecrets() the store has not answered yet
};

} // namespace Postern
