#pragma once

#include "engine/appcontext.h"

#include <QObject>
#include <QSettings>
#include <QString>

#include <memory>

namespace Postern {

// `postern run --workspace DIR`: a Postern workspace opened as the app opens it (AppContext: the same
// settings, token store and keychain), for the runner. Its collections and environments are found by
// name or id; the secret values the app keeps in the keychain (client secrets, passwords, secret
// variables) are in them, and the tokens the app stored are there for requests that use one.
// Nothing is written to the workspace's files.
class CliWorkspace : public QObject
{
    Q_OBJECT

public:
    explicit CliWorkspace(const QString &root, QObject *parent = nullptr);
    ~CliWorkspace() override;

    // Why root is not a workspace (a folder with a workspace.json or a collections folder), for
    // "postern run: …"; empty when it is one.
    static QString notAWorkspace(const QString &root);

    // Starts the token store and opens the workspace; ready() once the tokens and every secret value
    // are in (or known to be unavailable).
    void open();

    const Collection *collection(const QString &nameOrId) const;
    const Environment *environment(const QString &nameOrId) const;
    Environment globals() const;
    QStringList collectionNames() const;
    TokenStore *tokens() { return m_context->tokens(); }
    // What could not be read (files set aside, secrets the keychain did not give).
    QStringList messages() const { return m_messages; }

Q_SIGNALS:
    void ready();

private:
    QSettings m_settings;
    std::unique_ptr<AppContext> m_context;
    QStringList m_messages;
    bool m_tokensLoaded = false;
};

} // namespace Postern
