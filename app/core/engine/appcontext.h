#pragma once

#include "engine/engine.h"
#include "http/clientcertificates.h"
#include "oauth/tokenstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretstoreondemand.h"
#include "secrets/timelimitedsecretstore.h"
#include "workspace/workspace.h"

#include <QNetworkAccessManager>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace Postern {

// The composition root: every engine object an instance of Postern needs, made and wired in one place,
// in the order they depend on each other (and destroyed in the reverse order). The network manager,
// the OS keychain with the store that asks it only when first needed, the token store, the workspace
// (whose secrets go where the tokens' go) and the Engine over them. The window receives it; a front
// end without widgets builds the same.
class AppContext
{
public:
    // dataDir holds the token metadata; workspaceRoot is the workspace folder. settings keeps whether
    // the keychain has been used yet (see start()).
    AppContext(const QString &dataDir, const QString &workspaceRoot, QSettings *settings);
    ~AppContext();
    AppContext(const AppContext &) = delete;
    AppContext &operator=(const AppContext &) = delete;

    // Opens the workspace, then starts the token store: openWorkspace() and startSecrets() in turn.
    // The application calls them apart, so that its window shows before the keychain is asked.
    void start();
    // Opens the workspace, and decides where the token store will look for secrets. Until Postern has
    // stored a secret in the keychain there is nothing there to read: on a first start the keychain is
    // left alone until the first secret is stored, so no keyring dialog comes up before it is needed.
    // The setting "secrets/keychain" is "untouched" from a first start on and "used" once a secret
    // went there; a start without it (an older version's) counts as a first start only when nothing
    // is stored.
    void openWorkspace();
    // Starts the token store (the keychain is probed unless left alone, see openWorkspace()); once its
    // tokens are loaded, the workspace's secret values are read from where the tokens' are.
    void startSecrets();

    // Gives each https request the client certificate set for its host (Settings → Client Certificates).
    CertificateNetworkManager *network() { return &m_network; }
    TokenStore *tokens() { return &m_tokens; }
    Workspace *workspace() { return &m_workspace; }
    Engine *engine() { return &m_engine; }
    const QString &dataDir() const { return m_dataDir; }

    static QString keychainSettingKey() { return QStringLiteral("secrets/keychain"); }

private:
    QString m_dataDir;
    QSettings *m_settings;
    CertificateNetworkManager m_network;
    KeychainSecretStore m_keychainService;
    TimeLimitedSecretStore m_keychain; // the service, with a time limit on every call
    SecretStoreOnDemand m_keychainOnDemand; // outlives its users
    TokenStore m_tokens;
    Workspace m_workspace;
    Engine m_engine;
    bool m_keychainUntouched = false;
};

} // namespace Postern
