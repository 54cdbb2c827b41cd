#pragma once

#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Postern {

class EncryptedFileSecretStore;
class TokenStore;

// The encrypted-file fallback for token secrets, as the user turns it on: where no keychain answers,
// Postern asks for a passphrase and keeps the secrets in "secrets.enc" in its data folder (see
// EncryptedFileSecretStore for the format). The choice is remembered in the settings key
// tokens/encryptedFileFallback; at the next start, if the keychain still does not answer, the
// passphrase is asked for again. Owns the file store; borrows the token store.
class EncryptedTokenFile : public QObject
{
    Q_OBJECT

public:
    EncryptedTokenFile(TokenStore *tokens, const QString &filePath, QObject *parent = nullptr);
    ~EncryptedTokenFile() override;

    static constexpr const char *settingsKey = "tokens/encryptedFileFallback";
    static bool isEnabledInSettings();

    // Asks for the passphrase (twice for a new file), opens the file and moves the token store onto
    // it. Returns false when the user cancels or the passphrase is wrong (after saying so).
    bool enable(QWidget *parent);

    // At start-up: when the setting is on and the keychain did not answer, offers the passphrase
    // prompt once.
    void offerAtStartup(QWidget *parent);

private:
    TokenStore *m_tokens;
    EncryptedFileSecretStore *m_file;
};

} // namespace Postern
