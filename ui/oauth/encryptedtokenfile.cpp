#include "ui/oauth/encryptedtokenfile.h"

#include "oauth/tokenstore.h"
#include "secrets/encryptedfilesecretstore.h"

#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Postern {

EncryptedTokenFile::EncryptedTokenFile(TokenStore *tokens, const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_file(new EncryptedFileSecretStore(filePath, this))
{
}

EncryptedTokenFile::~EncryptedTokenFile() = default;

bool EncryptedTokenFile::isEnabledInSettings()
{
    return QSettings().value(QString::fromLatin1(settingsKey), false).toBool();
}

bool EncryptedTokenFile::enable(QWidget *parent)
{
    const bool exists = QFileInfo::exists(m_file->filePath());
    bool ok = false;
    const QString passphrase = QInputDialog::getText(
        parent, tr("Encrypted Token File"),
        exists ? tr("Passphrase of the encrypted token file %1:").arg(m_file->filePath())
               : tr("No keychain is available. Choose a passphrase to keep tokens in the encrypted file %1:")
                     .arg(m_file->filePath()),
        QLineEdit::Password, QString(), &ok);
    if (!ok || passphrase.isEmpty())
        return false;
    if (!exists) {
        const QString again
            = QInputDialog::getText(parent, tr("Encrypted Token File"), tr("Type the passphrase again:"),
                                    QLineEdit::Password, QString(), &ok);
        if (!ok)
            return false;
        if (again != passphrase) {
            QMessageBox::warning(parent, tr("Encrypted Token File"),
                                 tr("The two passphrases differ. Nothing was changed."));
            return false;
        }
    }
    const EncryptedFileSecretStore::OpenResult result = m_file->open(passphrase);
    if (!result.isOpen()) {
        QMessageBox::warning(parent, tr("Encrypted Token File"), result.message);
        return false;
    }
    if (result.status == EncryptedFileSecretStore::OpenStatus::SetAside)
        QMessageBox::information(parent, tr("Encrypted Token File"), result.message);
    QSettings().setValue(QString::fromLatin1(settingsKey), true);
    m_tokens->useSecretStore(m_file, TokenStore::StorageMode::EncryptedFile);
    m_tokens->load();
    return true;
}

void EncryptedTokenFile::offerAtStartup(QWidget *parent)
{
    if (!isEnabledInSettings())
        return;
    auto offer = [this, parent] {
        if (m_tokens->storageMode() == TokenStore::StorageMode::MemoryOnly && !m_file->isOpen())
            enable(parent);
    };
    if (m_tokens->isLoaded())
        offer();
    else
        connect(m_tokens, &TokenStore::loaded, this, offer, Qt::SingleShotConnection);
}

} // namespace Postern
