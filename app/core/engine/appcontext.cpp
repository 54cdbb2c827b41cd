#include "engine/appcontext.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Postern {

AppContext::AppContext(const QString &dataDir, const QString &workspaceRoot, QSettings *settings)
    : m_dataDir(dataDir)
    , m_settings(settings)
    , m_keychain(&m_keychainService)
    , m_keychainOnDemand(&m_keychain, TokenStore::DefaultProbeTimeout)
    , m_tokens(dataDir)
    , m_workspace(workspaceRoot)
    , m_engine(&m_network, &m_tokens)
{
}

AppContext::~AppContext() = default;

void AppContext::start()
{
    openWorkspace();
    startSecrets();
}

void AppContext::openWorkspace()
{
    // Decided before the workspace opens: opening it writes its folder.
    const QString key = keychainSettingKey();
    QString keychainState = m_settings->value(key).toString();
    if (keychainState.isEmpty()) {
        const bool firstStart = !QFileInfo::exists(m_tokens.metadataFilePath())
            && QDir(m_workspace.root()).isEmpty() && QDir(m_workspace.stateDirectory()).isEmpty();
        keychainState = firstStart ? u"untouched"_s : u"used"_s;
        m_settings->setValue(key, keychainState);
    }
    m_keychainUntouched = keychainState == u"untouched"_s && !QFileInfo::exists(m_tokens.metadataFilePath());
    m_workspace.open();
}

void AppContext::startSecrets()
{
    QObject::connect(&m_keychainOnDemand, &SecretStoreOnDemand::decided, &m_tokens,
                     [settings = m_settings](bool available, const QString &) {
                         if (available)
                             settings->setValue(keychainSettingKey(), u"used"_s);
                     });
    // The workspace's secret values go where the tokens' go (keychain, encrypted file or memory).
    QObject::connect(&m_tokens, &TokenStore::loaded, &m_workspace, [this] {
        m_workspace.setSecretStore(m_tokens.secretStore());
        m_workspace.reloadSecrets();
    });
    m_tokens.start(m_keychainUntouched ? static_cast<SecretStore *>(&m_keychainOnDemand) : &m_keychain);
}

} // namespace Postern
